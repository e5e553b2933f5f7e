"""The round card: round number, category and size; the final says it is worth double."""

from __future__ import annotations

import pygame

from quiz.engine import Phase
from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.scenes.common import draw_background, draw_hints
from quiz.ui.scenes.game_base import GameScene
from quiz.ui.scenes.solo.question_base import load_round_pictures
from quiz.ui.session import Session
from quiz.ui.widgets.draw import ease_out, fitted, label, panel

AUTO_SECONDS = 3.5
CARD = pygame.Rect(240, 170, 800, 360)


class RoundIntroScene(GameScene):
    phase = Phase.ROUND_INTRO
    name = "round_intro"
    pausable = False

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.started = False
        session.sound.play("fanfare")
        load_round_pictures(session)  # now, not inside a question's clock

    def _go(self) -> None:
        if not self.started:
            self.started = True
            self.game.advance()

    def handle(self, action: PlayerAction) -> None:
        if self.handle_pause(action):
            return
        if action.action in (Action.CONFIRM, Action.CLICK):
            self.session.sound.play("select")
            self._go()

    def update(self, dt: float) -> None:
        if self.age >= AUTO_SECONDS and not self.game.paused:
            self._go()
        super().update(dt)

    def animating(self) -> bool:
        return True  # counts down to the question

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        draw_background(surface, res, dim=False)
        info = self.game.round
        slide = int(420 * (1 - ease_out(self.age / 0.45)))
        card = CARD.move(slide, 0)
        edge = theme.AMBER if info.final else theme.STEEL
        surface.blit(panel(res, card.size, theme.PANEL, edge, 240, width=3), card)
        heading = "Final Round" if info.final else f"Round {info.number} of {info.count}"
        label(
            res,
            surface,
            heading.upper(),
            theme.SMALL_SIZE + 4,
            theme.AMBER,
            (card.centerx, card.y + 56),
        )
        fitted(
            res,
            surface,
            info.category,
            pygame.Rect(card.x + 40, card.y + 96, card.width - 80, 150),
            theme.TEXT,
            84,
        )
        count = f"{info.size} question{'s' if info.size != 1 else ''}"
        if info.final:
            count += "  ·  double points!"
        label(
            res,
            surface,
            count,
            theme.BODY_SIZE - 4,
            theme.STEEL_LIGHT,
            (card.centerx, card.bottom - 64),
        )
        left = max(0.0, 1 - self.age / AUTO_SECONDS)
        bar = pygame.Rect(card.x + 40, card.bottom - 24, int((card.width - 80) * left), 6)
        if bar.width:
            pygame.draw.rect(surface, edge, bar, border_radius=3)
        draw_hints(surface, res, "Enter / A / click: start now    Esc / Start: pause")
