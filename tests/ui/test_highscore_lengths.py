"""A short game's high score is not judged against long games: one table per game length."""

from __future__ import annotations

import json
from pathlib import Path

from ui_helpers import answer_keyboard, play_to_results, texts_drawn

from quiz.engine import GameConfig, Mode
from quiz.packs.registry import discover
from quiz.ui.driver import Driver
from quiz.ui.scenes.menus.highscores import HighScoresScene


def long_game_scores(home: Path) -> None:
    """Ten scores of 20-round games on the Heat pack, written as a saved file."""
    entries = [
        {
            "name": f"Marathon {i}",
            "score": 60_000 + i,
            "accuracy": 0.9,
            "date": f"2025-01-0{i % 9 + 1}T12:00:00+00:00",
            "mode": "solo",
            "packs": ["heat-1995"],
            "rounds": 20,
            "per_round": 5,
        }
        for i in range(10)
    ]
    (home / "scores.json").write_text(json.dumps({"format": 1, "tables": {"x": entries}}))


def test_a_two_round_game_gets_its_own_table_with_its_length_shown(isolated_home: Path) -> None:
    # GIVEN a full table of long games' scores, far above what a short game can make
    long_game_scores(isolated_home)
    heat = next(r.pack for r in discover() if r.ok and r.pack is not None and r.pack.builtin)
    config = GameConfig(Mode.SOLO, ("Neil",), (heat,), rounds=1, per_round=2, seed=5)
    drv = Driver.open(config)
    try:
        # WHEN a 1-round game of 2 questions is played to the end
        play_to_results(drv, answer_keyboard, lambda d: d.press("return"))
        # THEN its score makes its own table (there is none for this length yet)
        assert drv.scene.qualifies  # type: ignore[attr-defined]
        drv.press("return")  # Save high score
        drv.until("name_entry")
        drv.type("Neil")
        drv.press("return")
        drv.until("highscores")
        scene = drv.scene
        assert isinstance(scene, HighScoresScene)
        assert scene.highlight == 1 and scene.table is not None
        assert scene.table.length == (1, 2)
        drawn = texts_drawn(drv)
        assert any("1 round x 2 questions" in text for text in drawn), drawn
        assert "Neil" in drawn and "Marathon 9" not in drawn
        # AND the long games keep their table, with their length, one press away
        drv.press("right")
        assert scene.table.length == (20, 5)
        drawn = texts_drawn(drv)
        assert any("20 rounds x 5 questions" in text for text in drawn), drawn
        assert "Marathon 9" in drawn and "Neil" not in drawn
    finally:
        drv.close()
