"""Between rounds of a party: everyone's points this round, the totals, and who moved."""

from __future__ import annotations

import pygame

from quiz.engine import Phase, RoundEnded
from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.scenes.common import draw_background, draw_heading, draw_hints
from quiz.ui.scenes.party.base import PartyScene
from quiz.ui.session import Session
from quiz.ui.widgets.draw import fitted, label, panel
from quiz.ui.widgets.scoreboard import Scoreboard

BOARD = pygame.Rect(240, 100, 800, 500)
NEXT_BUTTON = pygame.Rect(740, 612, 300, 54)


class PartyStandingsScene(PartyScene):
    phase = Phase.ROUND_END
    name = "party_standings"
    pausable = False

    def __init__(self, session: Session, ended: RoundEnded | None) -> None:
        super().__init__(session)
        self.info = ended.round if ended else self.game.round
        gains = dict(enumerate(ended.round_points)) if ended else {}
        # Rows start in the order of the round's start and slide to the standings now.
        # Who moved is judged against the standings of the round before.
        self.board = Scoreboard.build(
            self.game,
            self.roster,
            gains,
            before=self.roster.round_board,
            title="Points this round, and in all",
        )
        self.roster.board = self.roster.round_board = self.board.shown
        self.hover = False
        self.next_text = self.next_round_text(self.info, "Next: the podium")
        session.sound.play("fanfare")

    def handle(self, action: PlayerAction) -> None:
        if self.handle_devices(action):
            return
        if action.action is Action.POINT and action.pos is not None:
            self.hover = NEXT_BUTTON.collidepoint(action.pos)
        if action.action in (Action.BACK, Action.PAUSE):
            self.open_pause()
        elif self.continue_pressed(action, NEXT_BUTTON):
            self.session.sound.play("select")
            self.game.advance()

    def animating(self) -> bool:
        return self.age < 2.4

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        draw_background(surface, res)
        title = "Final round complete" if self.info.final else f"Round {self.info.number} complete"
        draw_heading(surface, res, title, y=50)
        self.board.draw(surface, res, BOARD, self.age)
        fitted(
            res,
            surface,
            self.next_text,
            pygame.Rect(240, 622, 486, 34),  # one line high: shrinks rather than wraps
            theme.TEXT_DIM,
            theme.SMALL_SIZE,
            "left",
        )
        edge = theme.TEXT if self.hover else theme.AMBER
        surface.blit(panel(res, NEXT_BUTTON.size, theme.AMBER, edge, 255, width=3), NEXT_BUTTON)
        label(res, surface, "Continue", theme.SMALL_SIZE + 2, theme.TEXT_DARK, NEXT_BUTTON.center)
        draw_hints(surface, res, "Enter / A / click: continue    Esc / Start: pause")
