"""The overlay shown while a party player has no controller: who to reconnect, and the way on.

The game under it is paused. Plugging a pad in (or pressing a button on a pad
nobody sits at) gives it to the first waiting player; when nobody waits any
more the overlay closes by itself. Hands back "resume", "without" or "quit".
"""

from __future__ import annotations

import pygame

from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.roster import Roster, is_pad, pad_device
from quiz.ui.scene import Scene
from quiz.ui.scenes.common import menu_pick
from quiz.ui.session import Session
from quiz.ui.widgets.avatar import avatar
from quiz.ui.widgets.draw import cover, fitted, label, panel
from quiz.ui.widgets.menu import Menu, MenuItem
from quiz.ui.widgets.names import draw_name

BOX = pygame.Rect(290, 110, 700, 500)


class ReconnectScene(Scene):
    opaque = False
    name = "reconnect"
    party_input = True

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        assert session.party is not None
        self.roster: Roster = session.party
        self.menu = Menu(
            [MenuItem("without", "Play on without them"), MenuItem("quit", "Quit to title")],
            (BOX.x + 40, BOX.bottom - 96),
            item_size=(300, 60),
            gap=20,
            horizontal=True,
            text_size=theme.SMALL_SIZE + 2,
        )

    def handle(self, action: PlayerAction) -> None:
        kind = action.action
        if kind is Action.JOINED:
            self._claim(pad_device(action.value))
            return
        if is_pad(action.device) and action.device not in self.roster.devices():
            self._claim(action.device)
            return
        if kind in (Action.BACK, Action.PAUSE) or self.age < 0.6:
            # A choice must be made, and not by a key mashed as the overlay came up.
            return
        key = menu_pick(self.session, self.menu, action)
        if key is not None:
            self.session.stack.pop(key)

    def _claim(self, device: str) -> None:
        if self.roster.claim(device) is not None:
            self.session.sound.play("select")
        if not self.roster.waiting():
            self.session.stack.pop("resume")

    def animating(self) -> bool:
        return True  # the waiting dots pulse

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        surface.blit(panel(res, (1280, 720), theme.NIGHT, None, 200, radius=0), (0, 0))
        surface.blit(panel(res, BOX.size, theme.PANEL, theme.AMBER, 250), BOX)
        cover(res, surface, BOX)
        label(
            res,
            surface,
            "Controller needed",
            theme.HEADING_SIZE - 8,
            theme.AMBER,
            (BOX.centerx, BOX.y + 54),
        )
        waiting = self.roster.waiting()
        y = BOX.y + 110
        for slot in waiting[:4]:
            player = self.roster.players[slot]
            surface.blit(avatar(res, player.icon_name, player.rgb, 56), (BOX.x + 60, y))
            name = pygame.Rect(BOX.x + 130, y + 4, 300, 48)
            draw_name(res, surface, player.name, name, theme.TEXT, theme.BODY_SIZE)
            dots = "." * (1 + int(self.age * 2) % 3)
            label(
                res,
                surface,
                f"waiting{dots}",
                theme.SMALL_SIZE,
                theme.TEXT_DIM,
                (BOX.x + 460, y + 28),
                "midleft",
            )
            y += 66
        if len(waiting) > 4:
            label(
                res,
                surface,
                f"and {len(waiting) - 4} more",
                theme.SMALL_SIZE,
                theme.TEXT_DIM,
                (BOX.centerx, y + 10),
            )
        fitted(
            res,
            surface,
            "Plug the controller back in, or press A on any free controller. "
            "The game is paused until then.",
            pygame.Rect(BOX.x + 40, BOX.bottom - 176, BOX.width - 80, 70),
            theme.STEEL_LIGHT,
            theme.SMALL_SIZE,
        )
        self.menu.draw(surface, res)
