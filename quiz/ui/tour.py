"""A scripted tour of every scene, saved as PNG: for the README screenshots and the render test.

It plays a seeded solo game through the headless Driver, answering right where it
wants a "Right!" screen (looked up in the pack, as a player who knows the film would).
"""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

from quiz.engine import GameConfig, Mode
from quiz.engine.planner import plan
from quiz.packs.model import Pack, QuestionType
from quiz.ui.driver import Driver

SCENES = (
    "title",
    "confirm",
    "settings",
    "packs",
    "setup",
    "round_intro",
    "question",
    "question_fifty",
    "pause",
    "text_answer",
    "ordering",
    "reveal",
    "reveal_wrong",
    "reveal_text",
    "reveal_order",
    "standings",
    "results",
    "name_entry",
    "highscores_new",
    "highscores",
)


class Tour:
    player = "Neil"  # the solo player's name (the layout check tries the widest allowed)

    def __init__(self, out: Path, seed: int = 11) -> None:
        self.out = out
        self.seed = seed
        self.saved: dict[str, Path] = {}
        self.drv = Driver.open()

    def shot(self, name: str, settle: float = 0.6) -> None:
        if name not in self.saved:
            self.drv.advance(settle)
            self.saved[name] = self.capture(name)

    def capture(self, name: str) -> Path:
        """What to do on each scene of the tour: save it (a benchmark times frames instead)."""
        return self.drv.screenshot(self.out / f"{name}.png")

    def menu(self, key: str) -> tuple[int, int]:
        menu = self.drv.scene.menu  # type: ignore[attr-defined]
        for item, rect in zip(menu.items, menu.rects()):
            if item.key == key:
                return (rect.centerx, rect.centery)
        raise LookupError(key)

    def run(self) -> dict[str, Path]:
        from quiz.packs.registry import discover
        from quiz.ui.scenes.flow import start_game

        drv = self.drv
        try:
            pack = next(r.pack for r in discover() if r.ok and r.pack and r.pack.builtin)
            self.shot("title", 1.5)
            drv.press("escape")
            self.shot("confirm")
            drv.press("escape")
            for name in ("settings", "packs"):
                drv.click(self.menu(name))
                drv.until(name)
                self.shot(name)
                drv.press("escape")
                drv.until("title")
            drv.click(self.menu("solo"))
            drv.until("setup")
            self.shot("setup")
            config = GameConfig(
                Mode.SOLO, (self.player,), (pack,), rounds=4, per_round=4, seconds=20, seed=self.seed
            )
            config = seed_dealing(config, tuple(QuestionType))
            start_game(drv.session, config)
            drv.until("round_intro")
            self.shot("round_intro", 0.8)
            self.play(pack)
            self.shot("results", 1.6)
            drv.press("return")
            drv.until("name_entry")
            for _ in range(16):
                drv.press("backspace")
            drv.type(self.player)
            self.shot("name_entry")
            drv.press("return")
            drv.until("highscores")
            self.shot("highscores_new")
            drv.press("escape")
            drv.until("title")
            drv.click(self.menu("scores"))
            drv.until("highscores")
            self.shot("highscores")
        finally:
            drv.close()
        return self.saved

    def right_index(self, pack: Pack) -> int:
        current = self.drv.game.current
        assert current is not None
        question = next(q for q in pack.questions if q.key == current.key)
        if question.type is QuestionType.TRUEFALSE:
            return 0 if question.answer else 1
        return current.choices.index(str(question.answer))

    def play(self, pack: Pack) -> None:
        drv = self.drv
        for _ in range(500):
            name = drv.scene_name
            if name == "results":
                return
            if name == "round_intro":
                drv.press("return")
            elif name == "question":
                self.question(pack)
            elif name == "text_answer":
                drv.type("Hanna")
                self.shot("text_answer", 0.4)
                drv.press("return")
                drv.until("reveal", 2)
                self.shot("reveal_text", 1.4)
            elif name == "ordering":
                count = len(drv.scene.tiles)  # type: ignore[attr-defined]
                drv.press("1")
                drv.press("2")
                self.shot("ordering", 0.4)
                for index in range(2, count):
                    drv.press(str(index + 1))
                drv.press("return")
                drv.until("reveal", 2)
                self.shot("reveal_order", 1.4)
            elif name == "reveal":
                drv.advance(0.3)
                drv.press("return")
            elif name == "standings":
                self.shot("standings", 1.0)
                drv.press("return")
            drv.step(2)
        raise RuntimeError("the tour did not reach the results")

    def question(self, pack: Pack) -> None:
        drv = self.drv
        game = drv.game
        right = self.right_index(pack)
        shown = game.current
        if "question" not in self.saved and shown and len(shown.choices) >= 4:
            # The README's question: a full grid of answers, one focused.
            drv.advance(2.2)
            drv.press("right")
            self.shot("question", 0.5)
        current = game.current
        assert current is not None
        if current.type is QuestionType.CHOICE and game.can_use_fifty_fifty(0):
            drv.press("l")
            self.shot("question_fifty", 0.3)
            drv.press("escape")
            self.shot("pause", 0.3)
            drv.press("escape")
        if "reveal_wrong" not in self.saved and game.round.number >= 2:
            removed = game.current.removed if game.current else frozenset()
            wrong = next(i for i in range(len(current.choices)) if i != right and i not in removed)
            drv.press(str(wrong + 1))
            drv.until("reveal", 2)
            self.shot("reveal_wrong", 1.4)
            return
        drv.advance(2.5)
        drv.press(str(right + 1))
        drv.until("reveal", 2)
        self.shot("reveal", 0.62)


def tour(out: Path, seed: int = 11) -> dict[str, Path]:
    """Visit every scene and save `out/<scene>.png`; returns what was saved, by name."""
    return Tour(out, seed).run()


def seed_dealing(config: GameConfig, kinds: tuple[QuestionType, ...]) -> GameConfig:
    """`config` with the first seed from its own whose game deals every one of `kinds`.

    The tour must reach every question scene wherever the pack's questions happen to fall,
    so it looks ahead with the planner the game itself uses.
    """
    first = config.seed or 0
    for seed in range(first, first + 1000):
        candidate = dataclasses.replace(config, seed=seed)
        rounds = plan(candidate, random.Random(seed))
        if set(kinds) <= {p.question.type for r in rounds for p in r.questions}:
            return candidate
    raise RuntimeError(f"no seed from {first} deals every type of {sorted(k.value for k in kinds)}")
