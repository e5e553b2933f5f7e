"""Game setup: rounds, questions per round, timer or relaxed, difficulty, packs; then start."""

from __future__ import annotations

import pygame

from quiz.engine import GameConfig, Mode
from quiz.engine.config import MAX_ROUNDS
from quiz.packs.model import Difficulty
from quiz.ui import theme
from quiz.ui.input import PlayerAction
from quiz.ui.scene import Scene
from quiz.ui.scenes.common import (
    MENU_HINTS,
    BackButton,
    draw_background,
    draw_heading,
    draw_hints,
    menu_event,
    step_choice,
)
from quiz.ui.scenes.menus.settings import TIMER_STEPS, timer_text
from quiz.ui.session import Session
from quiz.ui.widgets.draw import fitted
from quiz.ui.widgets.menu import Menu, MenuItem

PER_ROUND_STEPS = (3, 4, 5, 6, 8, 10, 12, 15)
DIFFICULTIES: tuple[Difficulty | None, ...] = (
    None,
    Difficulty.EASY,
    Difficulty.MEDIUM,
    Difficulty.HARD,
)


ROUND_STEPS = tuple(range(1, MAX_ROUNDS + 1))


class SetupScene(Scene):
    name = "setup"

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        s = session.settings
        self.rounds = max(1, min(MAX_ROUNDS, s.rounds))
        self.per_round = s.per_round
        self.seconds = s.timer_seconds
        self.difficulty: Difficulty | None = None
        self.back = BackButton()
        self.message = ""
        self.menu = Menu(self._items(), (290, 120), item_size=(700, 64), gap=12)
        self.menu.select("start")

    def _items(self) -> list[MenuItem]:
        packs = self.session.playable_packs()
        names = ", ".join(p.title for p in packs) or "none"
        difficulty = self.difficulty.value.title() if self.difficulty else "Any"
        return [
            MenuItem("rounds", "Rounds", detail=str(self.rounds), adjustable=True),
            MenuItem(
                "per_round", "Questions per round", detail=str(self.per_round), adjustable=True
            ),
            MenuItem("timer", "Timer", detail=timer_text(self.seconds), adjustable=True),
            MenuItem("difficulty", "Difficulty", detail=difficulty, adjustable=True),
            MenuItem("packs", "Packs", detail=names),
            MenuItem("start", "Start game"),
        ]

    def _refresh(self) -> None:
        self.menu.items = self._items()

    def _change(self, key: str, step: int, wrap: bool = False) -> None:
        """Left/right step a value and stop at its ends; Enter or a click steps up and wraps."""
        if key == "rounds":
            self.rounds = step_choice(ROUND_STEPS, self.rounds, step, wrap)
        elif key == "per_round":
            self.per_round = step_choice(PER_ROUND_STEPS, self.per_round, step, wrap)
        elif key == "timer":
            self.seconds = step_choice(TIMER_STEPS, self.seconds, step, wrap)
        elif key == "difficulty":
            self.difficulty = step_choice(DIFFICULTIES, self.difficulty, step, wrap)
        self.session.sound.play("move")
        self._refresh()

    def config(self) -> GameConfig:
        names = self.session.settings.last_players
        name = names[0] if names else "Player"
        return GameConfig(
            mode=Mode.SOLO,
            players=(name,),
            packs=tuple(self.session.playable_packs()),
            rounds=self.rounds,
            per_round=self.per_round,
            seconds=self.seconds,
            difficulty=self.difficulty,
        )

    def _start(self) -> None:
        try:
            config = self.config()
        except ValueError as error:
            self.message = str(error)
            self.session.sound.play("wrong")
            return
        self.session.change_settings(
            rounds=self.rounds, per_round=self.per_round, timer_seconds=self.seconds
        )
        self.session.routes.start_game(config)

    def resumed(self) -> None:
        self._refresh()  # the pack picker may have changed the packs

    def handle(self, action: PlayerAction) -> None:
        if self.back.handle(action):
            self.session.stack.pop()
            return
        event = menu_event(self.session, self.menu, action)
        if event is None:
            return
        if event.kind in ("left", "right"):
            self._change(event.key, -1 if event.kind == "left" else 1)
        elif event.kind == "activate":
            if event.key == "start":
                self.session.sound.play("select")
                self._start()
            elif event.key == "packs":
                from quiz.ui.scenes.menus.packs import PacksScene

                self.session.sound.play("select")
                self.session.stack.push(PacksScene(self.session))
            else:
                self._change(event.key, 1, wrap=True)

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        draw_background(surface, res)
        draw_heading(surface, res, "Solo Game")
        self.back.draw(surface, res)
        self.menu.draw(surface, res)
        if self.message:
            fitted(
                res,
                surface,
                self.message,
                pygame.Rect(290, 600, 700, 60),
                theme.AMBER,
                theme.SMALL_SIZE,
            )
        draw_hints(surface, res, "Left / Right: change    " + MENU_HINTS)
