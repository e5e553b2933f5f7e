"""Enter answers only the option whose focus is on screen, never one the player has not seen.

Beside test_first_game: a double tap on the round card, an Enter held from the reveal into
the next question, and Enter on an order question.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from quiz.engine import GameConfig, Mode
from quiz.packs.model import Pack, Question, QuestionType
from quiz.ui.driver import Driver

QUESTIONS = tuple(
    Question(
        id=f"q{n}",
        category="crew",
        prompt=f"Which of these is crew member {n}?",
        type=QuestionType.CHOICE,
        answer=f"Right {n}",
        wrong=(f"Wrong {n}a", f"Wrong {n}b", f"Wrong {n}c"),
        pack_id="t",
    )
    for n in range(3)
)
ORDER = Question(
    id="o",
    category="crew",
    prompt="Put these in order",
    type=QuestionType.ORDER,
    items=("First", "Second", "Third"),
    pack_id="t",
)


def solo_game(*questions: Question) -> Driver:
    pack = Pack(id="t", title="Test", questions=questions)
    config = GameConfig(Mode.SOLO, ("Neil",), (pack,), rounds=1, per_round=len(questions), seed=1)
    drv = Driver.open(config)
    drv.until("round_intro")
    return drv


@pytest.fixture
def drv() -> Iterator[Driver]:
    driver = solo_game(*QUESTIONS)
    yield driver
    driver.close()


def answered(drv: Driver) -> bool:
    current = drv.game.current
    assert current is not None
    return bool(current.answered)


def test_a_double_enter_to_skip_the_round_card_does_not_answer(drv: Driver) -> None:
    # GIVEN a player who taps Enter twice to be sure the round card goes
    drv.press("return", frames=1)
    drv.press("return", frames=1)
    assert drv.scene_name == "question"
    # THEN the question waits for an answer they chose
    assert not answered(drv)


def test_a_held_enter_from_the_reveal_does_not_answer_the_next_question(drv: Driver) -> None:
    drv.press("return")
    drv.until("question")
    drv.press("1")
    drv.until("reveal")
    drv.advance(1.0)
    # WHEN Enter goes down on the reveal and stays down into the next question
    drv.key_down("return")
    drv.until("question")
    drv.advance(1.0)
    drv.key_up("return")
    drv.step(2)
    assert not answered(drv)
    # AND an Enter right after it only shows the focus
    drv.press("return")
    assert not answered(drv)


def test_enter_on_an_order_question_places_only_a_focused_item() -> None:
    drv = solo_game(ORDER)
    try:
        drv.press("return")
        drv.until("ordering")
        drv.press("return")
        assert drv.scene.order == []  # type: ignore[attr-defined]
        assert drv.scene.show_focus  # type: ignore[attr-defined]
        drv.press("return")
        assert drv.scene.order == [0]  # type: ignore[attr-defined]
    finally:
        drv.close()
