"""Every reveal screen marks what the engine recorded: who answered what, right and wrong.

The check (reveal_check.py) runs on every settled reveal frame of the solo and party tours,
and of short games of each mode that deal every question type the mode plays.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from party_helpers import device_keys, pack_question, play_to_podium, right_index, right_order
from reveal_check import watch_reveals
from ui_helpers import play_to_results

from quiz.engine import GameConfig, Mode
from quiz.packs.model import Pack, Question, QuestionType
from quiz.ui.driver import Driver
from quiz.ui.party_tour import PartyTour
from quiz.ui.tour import Tour, seed_dealing


class CheckedTour(Tour):
    def __init__(self, out: Path) -> None:
        super().__init__(out)
        self.seen = watch_reveals(self.drv)


class CheckedPartyTour(PartyTour):
    def __init__(self, out: Path) -> None:
        super().__init__(out)
        self.seen = watch_reveals(self.drv)


def test_the_solo_tour_reveals_mark_what_was_answered(tmp_path: Path) -> None:
    tour = CheckedTour(tmp_path)
    tour.run()
    assert {t for _, t in tour.seen} >= {"choice", "text", "order"}, tour.seen


def test_the_party_tour_reveals_mark_what_was_answered(tmp_path: Path) -> None:
    tour = CheckedPartyTour(tmp_path)
    tour.run()
    assert set(tour.seen) >= {
        ("everyone", "choice"),
        ("everyone", "order"),
        ("buzz", "choice"),
        ("turns", "text"),
    }, tour.seen


def question(n: int, kind: QuestionType) -> Question:
    common = {"id": f"{kind.value}-{n}", "category": "job", "pack_id": "t", "type": kind}
    if kind is QuestionType.CHOICE:
        return Question(prompt=f"Which car, {n}?", answer=f"Right {n}",
                        wrong=(f"Wrong {n}a", f"Wrong {n}b", f"Wrong {n}c"), **common)
    if kind is QuestionType.TRUEFALSE:
        return Question(prompt=f"True or false {n}?", answer=n % 2 == 0, **common)
    if kind is QuestionType.TEXT:
        return Question(prompt=f"Who drives, {n}?", answer=f"Driver{n}", **common)
    return Question(prompt=f"In order, {n}", items=("Early", "Middle", "Late", "Last"), **common)


PACK = Pack(
    id="t",
    title="Test",
    questions=tuple(question(n, kind) for kind in QuestionType for n in range(2)),
)
TYPES = {
    Mode.SOLO: {"choice", "truefalse", "text", "order"},
    Mode.EVERYONE: {"choice", "truefalse", "order"},
    Mode.BUZZ: {"choice", "truefalse"},
    Mode.TURNS: {"choice", "truefalse", "text", "order"},
}
NAMES = {Mode.SOLO: ("Neil",)}


def game(mode: Mode) -> Iterator[Driver]:
    config = GameConfig(mode, NAMES.get(mode, ("Neil", "Chris", "Vincent")), (PACK,),
                        rounds=1, per_round=len(PACK.questions), seed=1)
    kinds = tuple(QuestionType(t) for t in TYPES[mode])
    config = seed_dealing(config, kinds)
    drv = Driver.open(config)
    yield drv
    drv.close()


def wrong_index(drv: Driver) -> int:
    return (right_index(drv.game) + 1) % len(drv.game.current.choices)  # type: ignore[union-attr]


def solo_answer(drv: Driver) -> None:
    """Right on even question numbers, wrong on odd ones."""
    current = drv.game.current
    assert current is not None
    right = current.number % 2 == 0
    if drv.scene_name == "question":
        drv.press(str((right_index(drv.game) if right else wrong_index(drv)) + 1))
    elif drv.scene_name == "text_answer":
        drv.type(str(pack_question(drv.game).answer) if right else "Hanna")
        drv.press("return")
    else:
        order = right_order(drv.game) if right else list(range(len(current.choices)))
        for index in order:
            drv.press(str(index + 1))
        drv.press("return")


def party_answer(drv: Driver) -> None:
    """Neil right, Chris wrong, Vincent the first option; in Buzz, Chris misses first."""
    game = drv.game
    current = game.current
    assert current is not None
    keys = [device_keys(drv, s) for s in range(3)]
    if game.config.mode is Mode.BUZZ:
        drv.press(keys[1][3])
        drv.press(keys[1][wrong_index(drv)])
        drv.press(keys[0][2])
        drv.press(keys[0][right_index(game)])
        return
    facing = [current.turn_player] if current.turn_player is not None else [0, 1, 2]
    for slot in facing:
        if drv.scene_name == "party_text":
            drv.type(str(pack_question(game).answer) if slot == 0 else "Waingro")
            drv.press("return")
        elif drv.scene_name == "party_order":
            right = right_order(game)
            order = right if slot == 0 else (right[::-1] if slot == 1 else right[:2] + right[:1:-1])
            for index in order:
                drv.press(keys[slot][index])
        else:
            pick = {0: right_index(game), 1: wrong_index(drv), 2: 0}[slot]
            drv.press(keys[slot][pick])


@pytest.mark.parametrize("mode", list(Mode), ids=lambda m: m.value)
def test_every_reveal_of_every_mode_marks_what_was_answered(mode: Mode) -> None:
    for drv in game(mode):
        seen = watch_reveals(drv)
        if mode is Mode.SOLO:
            drv.until("round_intro")
            play_to_results(drv, solo_answer, lambda d: (d.advance(0.3), d.press("return")))
        else:

            def settle(d: Driver) -> None:
                d.advance(1.3)  # every avatar shown: the check runs on this frame

            play_to_podium(drv, party_answer, settle)
        assert {t for m, t in seen if m == mode.value} == TYPES[mode], seen
