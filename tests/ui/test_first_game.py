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


def solo_choice_game() -> Driver:
    """A solo game on the Heat pack's choice questions, on its round card."""
    from dataclasses import replace

    from quiz.packs.registry import discover

    heat = next(r.pack for r in discover() if r.ok and r.pack is not None and r.pack.builtin)
    choices = tuple(q for q in heat.questions if q.type is QuestionType.CHOICE)
    pack = replace(heat, questions=choices)
    drv = Driver.open(GameConfig(Mode.SOLO, ("Neil",), (pack,), rounds=2, per_round=2, seed=4))
    drv.until("round_intro")
    return drv


def test_enter_with_no_focus_shown_only_shows_the_focus_then_answers_it() -> None:
    drv = solo_choice_game()
    try:
        # An Enter pressed twice in one frame on the round card: the second reaches the question.
        drv.press("return", "return")
        assert drv.scene_name == "question"
        scene = drv.scene
        assert drv.game.phase is Phase.QUESTION, "a carried-over Enter answered the question"
        assert not scene.show_focus  # type: ignore[attr-defined]
        drv.press("return")  # no focus on screen: Enter shows it and answers nothing
        assert drv.game.phase is Phase.QUESTION
        assert scene.show_focus  # type: ignore[attr-defined]
        drv.advance(0.5)
        drv.screenshot(SHOTS / "solo-question-focus-shown.png")
        drv.press("right")
        drv.press("return")  # now the focus is drawn: Enter answers the focused option
        assert drv.game.phase is Phase.REVEAL
        assert drv.game.last_reveal.results[0].answer == 1  # type: ignore[union-attr]
    finally:
        drv.close()


def test_an_enter_as_the_round_card_closes_by_itself_does_not_answer() -> None:
    from quiz.ui.scenes.solo.round_intro import AUTO_SECONDS

    drv = solo_choice_game()
    try:
        drv.advance(AUTO_SECONDS)
        drv.until("question")
        drv.press("return")  # meant for the card, which just left
        assert drv.game.phase is Phase.QUESTION
        drv.press("return")
        assert drv.game.phase is Phase.REVEAL
        assert drv.game.last_reveal.results[0].answer == 0  # type: ignore[union-attr]
    finally:
        drv.close()

