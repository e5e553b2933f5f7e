"""What a newcomer meets on a first evening: the marks on the answers, the keys that answer,
the name field. Each test drives the game with real pygame events."""

from __future__ import annotations

from pathlib import Path

from party_helpers import device_keys

from quiz.engine import GameConfig, Mode, Phase
from quiz.packs.model import Difficulty, Pack, Question, QuestionType
from quiz.ui.driver import Driver
from quiz.ui.widgets.tiles import TileState

SHOTS = Path("/tmp/heat-quiz-shots")


def false_statements(count: int = 4) -> Pack:
    """A pack of true/false questions whose answer is always False."""
    questions = tuple(
        Question(
            id=f"tf{i}",
            category="crew",
            prompt=f"Statement {i} about the crew is true?",
            type=QuestionType.TRUEFALSE,
            difficulty=Difficulty.MEDIUM,
            answer=False,
            pack_id="falsehoods",
        )
        for i in range(count)
    )
    return Pack(id="falsehoods", title="Falsehoods", questions=questions)


def test_a_buzzer_who_answers_with_another_key_is_marked_on_the_option_answered() -> None:
    config = GameConfig(
        Mode.BUZZ, ("Neil", "Vincent"), (false_statements(),), rounds=1, per_round=2, seed=3
    )
    drv = Driver.open(config)
    try:
        drv.until("party_round_intro")
        drv.press("return")
        drv.until("party_question")
        game = drv.game
        neil, vincent = device_keys(drv, 0), device_keys(drv, 1)
        drv.press(neil[1])  # buzzes with the key of "False"...
        assert game.phase is Phase.BUZZED
        drv.press(neil[0])  # ...and answers "True", which is wrong
        assert 0 in game.current.locked_out  # type: ignore[union-attr]
        tiles = drv.scene.tiles  # type: ignore[attr-defined]
        assert [t.state for t in tiles] == [TileState.WRONG, TileState.NORMAL]
        drv.screenshot(SHOTS / "buzz-miss-on-true.png")
        drv.press(vincent[1])
        drv.press(vincent[0])  # Vincent too answers "True": both out, the reveal comes
        drv.until("party_reveal")
        reveal = drv.scene
        assert reveal.pickers(0) == [0, 1] and reveal.pickers(1) == []  # type: ignore[attr-defined]
        drv.advance(1.0)
        drv.screenshot(SHOTS / "buzz-reveal-true-picked.png")
    finally:
        drv.close()
