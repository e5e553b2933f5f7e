"""The round card of a party game: the solo card, with the party's avatars along the bottom.

In turns mode the card hands over to "pass to NAME" instead of starting the
first question, so its clock only starts when that player is ready.
"""

from __future__ import annotations

import pygame

from quiz.engine import Mode
from quiz.ui import theme
from quiz.ui.input import PlayerAction
from quiz.ui.scenes.party.base import PartyScene
from quiz.ui.scenes.solo.round_intro import CARD, RoundIntroScene
from quiz.ui.widgets.avatar import avatar
from quiz.ui.widgets.draw import label

AVATAR = 56


class PartyRoundIntroScene(PartyScene, RoundIntroScene):
    name = "party_round_intro"

    def handle(self, action: PlayerAction) -> None:
        if not self.handle_devices(action):
            super().handle(action)

    def _go(self) -> None:
        if self.started:
            return
        if self.mode is Mode.TURNS:
            from quiz.ui.scenes.party.pass_device import PassDeviceScene

            self.started = True
            self.session.stack.replace(PassDeviceScene(self.session))
            return
        super()._go()

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        res = self.session.resources
        players = self.roster.players
        gap = 14
        width = len(players) * AVATAR + (len(players) - 1) * gap
        x = 640 - width // 2
        y = CARD.bottom + 40
        for index, player in enumerate(players):
            rise = max(0.0, 1 - (self.age - 0.3 - index * 0.06) / 0.25)
            surface.blit(avatar(res, player.icon_name, player.rgb, AVATAR), (x, y + int(30 * rise)))
            x += AVATAR + gap
        label(
            res,
            surface,
            self.mode.label,
            theme.SMALL_SIZE,
            theme.STEEL_LIGHT,
            (640, CARD.y - 40),
        )
