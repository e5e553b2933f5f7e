"""A typed answer in a party where everyone facing it has a phone: they type on their phones.

The TV shows the question, the clock and who has locked in; the answers stay secret until the
reveal. In Turns only the turn player types; in Everyone, all of them.
"""

from __future__ import annotations

import pygame

from quiz.ui import theme
from quiz.ui.scenes.party.question_base import PartyQuestionBase
from quiz.ui.widgets.draw import label, panel

PROMPT = pygame.Rect(48, 112, 1184, 220)
NOTE = pygame.Rect(240, 360, 800, 110)


class PhoneTypedScene(PartyQuestionBase):
    name = "party_typed"

    def hints(self) -> str:
        return "Type your answer on your phone and send it    Esc: pause"

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        self.draw_top(surface, PROMPT)
        surface.blit(panel(res, NOTE.size, theme.NIGHT, theme.AMBER, 220), NOTE)
        who = "Everyone"
        if self.turn is not None:
            who = self.player(self.turn).name
        label(
            res,
            surface,
            f"{who}: type your answer on your phone",
            theme.BODY_SIZE,
            theme.AMBER,
            NOTE.center,
        )
        self.draw_strip(surface)
        self.draw_hints(surface)
