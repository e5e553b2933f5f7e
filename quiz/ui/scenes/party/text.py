"""Turns mode, a typed answer: the turn player types on the shared keyboard (or picks letters
with their pad's d-pad on the on-screen keys). The solo scene, answering for the turn player."""

from __future__ import annotations

import pygame

from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.roster import is_pad
from quiz.ui.scenes.party.base import PartyScene
from quiz.ui.scenes.solo.text_answer import FIELD, TextAnswerScene
from quiz.ui.session import Session
from quiz.ui.widgets.avatar import avatar
from quiz.ui.widgets.draw import label


class PartyTextScene(PartyScene, TextAnswerScene):
    name = "party_text"

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        turn = self.question.turn_player
        assert turn is not None, "typed answers are played in turns mode only"
        self.turn = turn

    def _submit(self) -> None:
        if self._locked_age is not None:
            return
        if not self.text.strip():
            self.session.sound.play("wrong")
            return
        if self.game.answer(self.turn, self.text):
            self.lock()

    def handle(self, action: PlayerAction) -> None:
        if self.handle_devices(action):
            return
        if is_pad(action.device) and self.slot_for(action) != self.turn:
            return  # only the turn player's pad moves the on-screen keys
        if action.action is Action.CLICK and action.pos and not self._on_pause(action.pos):
            return  # the mouse drives menus only in a party
        super().handle(action)

    @staticmethod
    def _on_pause(pos: tuple[int, int]) -> bool:
        from quiz.ui.scenes.game_base import PAUSE_BUTTON

        return PAUSE_BUTTON.collidepoint(pos)

    def draw_header(self, surface: pygame.Surface, score: int | None = None) -> None:
        player = self.player(self.turn)
        self.draw_party_header(surface, f"{player.name}'s turn", player.rgb, pause_button=False)

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        res = self.session.resources
        player = self.player(self.turn)
        surface.blit(avatar(res, player.icon_name, player.rgb, 64), (FIELD.x - 84, FIELD.y + 4))
        label(
            res,
            surface,
            f"{player.name} types",
            theme.TINY_SIZE + 2,
            player.rgb,
            (FIELD.x - 52, FIELD.bottom + 14),
        )
