"""Round standings: what this round earned, the total so far, and the rounds as bars."""

from __future__ import annotations

import pygame

from quiz.engine import Phase, RoundEnded
from quiz.ui import theme
from quiz.ui.input import PlayerAction
from quiz.ui.scenes.common import draw_background, draw_heading, draw_hints
from quiz.ui.scenes.game_base import PLAYER, GameScene
from quiz.ui.session import Session
from quiz.ui.widgets.chart import draw_round_chart
from quiz.ui.widgets.draw import fitted, label, panel

LEFT = pygame.Rect(80, 120, 520, 470)
RIGHT = pygame.Rect(640, 120, 560, 470)
NEXT_BUTTON = pygame.Rect(490, 612, 300, 54)
NEXT_NOTE = pygame.Rect(80, 86, 1120, 30)


class StandingsScene(GameScene):
    phase = Phase.ROUND_END
    name = "standings"
    pausable = False

    def __init__(self, session: Session, ended: RoundEnded | None) -> None:
        super().__init__(session)
        self.info = ended.round if ended else self.game.round
        points = ended.round_points[PLAYER] if ended else 0
        self.points = points
        mine = [
            r
            for e in session.history
            if e.question.round_number == self.info.number
            for r in e.results
            if r.player == PLAYER
        ]
        self.right = sum(1 for r in mine if r.correct)
        self.asked = len(mine)
        stats = self.game.stats()[PLAYER]
        self.per_round = stats.round_points[: self.info.number]
        # After the last round the button itself says where it goes: no note beside it.
        self.next_text = self.next_round_text(self.info, "")
        self.button_text = "Final results" if not self.next_text else "Continue"

    def handle(self, action: PlayerAction) -> None:
        self.handle_continue(action, NEXT_BUTTON)

    def animating(self) -> bool:
        return self.age < 1.2

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        draw_background(surface, res)
        title = "Final round complete" if self.info.final else f"Round {self.info.number} complete"
        draw_heading(surface, res, title)
        surface.blit(panel(res, LEFT.size), LEFT)
        fitted(
            res,
            surface,
            self.info.category,
            pygame.Rect(LEFT.x + 30, LEFT.y + 20, LEFT.width - 60, 50),
            theme.STEEL_LIGHT,
            theme.BODY_SIZE,
        )
        rows = (
            ("This round", f"+{self.points:,}"),
            ("Right answers", f"{self.right} of {self.asked}"),
            ("Total score", f"{self.game.players[PLAYER].score:,}"),
        )
        for i, (name, value) in enumerate(rows):
            y = LEFT.y + 120 + i * 110
            label(res, surface, name, theme.SMALL_SIZE, theme.TEXT_DIM, (LEFT.x + 40, y), "topleft")
            colour = theme.AMBER if i != 1 else theme.TEXT
            label(res, surface, value, theme.HEADING_SIZE, colour, (LEFT.x + 40, y + 30), "topleft")
        draw_round_chart(
            surface, res, RIGHT, self.per_round, grow=self.age / 0.8, slots=self.info.count
        )
        if self.next_text:
            # One line under the heading, the whole width: beside the button it had to wrap.
            fitted(res, surface, self.next_text, NEXT_NOTE, theme.STEEL_LIGHT, theme.TINY_SIZE + 4)
        surface.blit(panel(res, NEXT_BUTTON.size, theme.AMBER, theme.AMBER, 255), NEXT_BUTTON)
        label(
            res,
            surface,
            self.button_text,
            theme.SMALL_SIZE + 2,
            theme.TEXT_DARK,
            NEXT_BUTTON.center,
            box=NEXT_BUTTON,
        )
        draw_hints(surface, res, "Enter / A / click: continue    Esc / Start: pause")
