"""A Buzz game marks the option a player answered, never the key they buzzed with."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from party_helpers import device_keys

from quiz.engine import GameConfig, Mode, Phase
from quiz.packs.model import Pack, Question, QuestionType
from quiz.ui.driver import Driver
from quiz.ui.widgets.marks import Mark


def one_question_pack(question: Question) -> Pack:
    return Pack(id="t", title="Test", questions=(question,))


FALSE_FACT = Question(
    id="tf",
    category="story",
    prompt="True or false: the bank job is in the morning rush hour?",
    type=QuestionType.TRUEFALSE,
    answer=False,
    pack_id="t",
)


@pytest.fixture
def buzz_drv() -> Iterator[Driver]:
    config = GameConfig(
        Mode.BUZZ, ("Neil", "Vincent"), (one_question_pack(FALSE_FACT),), rounds=1, per_round=1
    )
    drv = Driver.open(config)
    drv.session.marks.enabled = True
    drv.until("party_round_intro")
    drv.press("return")
    drv.until("party_question")
    yield drv
    drv.close()


def test_a_wrong_buzz_answer_is_crossed_on_the_option_answered(buzz_drv: Driver) -> None:
    drv = buzz_drv
    neil = device_keys(drv, 0)
    assert drv.game.current is not None and drv.game.current.choices == ("True", "False")
    # GIVEN Neil buzzes with his 2nd key
    drv.press(neil[1])
    assert drv.game.phase is Phase.BUZZED
    # WHEN he answers True (wrong) with his 1st key
    drv.press(neil[0])
    assert 0 in drv.game.current.locked_out
    # THEN the cross sits on True, and False (the right answer) is left unmarked
    drv.control.draw()
    states = [t.state.value for t in drv.scene.tiles]  # type: ignore[attr-defined]
    assert states == ["wrong", "normal"]
    assert drv.session.marks.marks == [Mark("wrong", 0, 0)]
    # AND the reveal marks True wrong with Neil beside it, and False right
    vincent = device_keys(drv, 1)
    drv.press(vincent[2])
    drv.press(vincent[1])
    drv.until("party_reveal", 3)
    drv.advance(2.5)
    drv.control.draw()
    assert Counter(drv.session.marks.marks) == Counter(
        [Mark("wrong", 0, None), Mark("pick", 0, 0), Mark("right", 1, None), Mark("pick", 1, 1)]
    )
