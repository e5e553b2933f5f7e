"""The reveal check: the ticks, crosses and picks a reveal draws match the engine's record.

Whole games of every mode are played with right, wrong and missing answers through real
key presses; at each reveal one frame is drawn with the mark record on and compared with
`game.last_reveal`: the right answer ticked, every wrong pick crossed on the option
picked, and each player's pick beside the option they chose, for nobody else.
"""

from __future__ import annotations

import pytest
from party_helpers import (
    device_keys,
    pack_question,
    play_to_podium,
    right_index,
    right_order,
)
from ui_helpers import play_to_results

from quiz.engine import GameConfig, Mode, Phase, Revealed
from quiz.packs.model import QuestionType
from quiz.packs.registry import discover
from quiz.ui.driver import Driver
from quiz.ui.mark_log import MarkKind, MarkLog, record_marks

SECONDS = 5  # the shortest clock, so an unanswered question closes soon
Marks = dict[MarkKind, set[tuple[int | None, int | None]]]


def heat_pack():  # type: ignore[no-untyped-def]
    return next(r.pack for r in discover() if r.ok and r.pack is not None and r.pack.builtin)


def option_of(revealed: Revealed, answer: object) -> int | None:
    """The option an answer names, found by its text, not by the drawing code's own reading:
    True and False are the choices so called."""
    if isinstance(answer, bool):
        return revealed.question.choices.index("True" if answer else "False")
    return answer if isinstance(answer, int) else None


def expected_marks(revealed: Revealed, solo: bool) -> Marks:
    """What the reveal must mark, worked out from the engine's record alone."""
    q = revealed.question
    ticks: set[tuple[int | None, int | None]] = set()
    crosses: set[tuple[int | None, int | None]] = set()
    picks: set[tuple[int | None, int | None]] = set()
    if q.type in (QuestionType.CHOICE, QuestionType.TRUEFALSE):
        ticks.add((q.correct_index, None))
        for r in revealed.results:
            if r.answered:
                picks.add((option_of(revealed, r.answer), r.player))
                if not r.correct:
                    crosses.add((option_of(revealed, r.answer), None))
    elif q.type is QuestionType.ORDER:
        right = q.correct_order or ()
        for r in revealed.results:
            given = r.answer if r.answered and isinstance(r.answer, tuple) else ()
            for position, item in enumerate(right):
                placed = position < len(given) and given[position] == item
                if solo:
                    (ticks if placed else crosses).add((position, r.player))
                elif placed:
                    picks.add((position, r.player))
        if not solo:
            ticks |= {(position, None) for position in range(len(right))}
    else:
        for r in revealed.results:
            (ticks if r.correct else crosses).add((None, r.player))
    return {MarkKind.TICK: ticks, MarkKind.CROSS: crosses, MarkKind.PICK: picks}


def drawn_marks(drv: Driver) -> MarkLog:
    drv.advance(1.0)  # the picks have popped in
    with record_marks(drv.session.resources) as log:
        drv.control.draw()
    return log


def check_reveal(drv: Driver, solo: bool, seen: set[QuestionType]) -> None:
    revealed = drv.game.last_reveal
    assert revealed is not None
    log = drawn_marks(drv)
    assert {m.scene for m in log.marks} <= {drv.scene_name}
    want = expected_marks(revealed, solo)
    got = {kind: log.of(kind) for kind in MarkKind}
    assert got == want, (revealed.question.prompt, revealed.results)
    seen.add(revealed.question.type)


# Solo -----------------------------------------------------------------------------------------


def test_solo_reveals_mark_what_the_player_answered() -> None:
    config = GameConfig(
        Mode.SOLO, ("Neil",), (heat_pack(),), rounds=2, per_round=8, seconds=SECONDS, seed=2
    )
    drv = Driver.open(config)
    turn = {"n": 0}
    seen: set[QuestionType] = set()
    try:
        drv.until("round_intro")

        def answer(d: Driver) -> None:
            how = turn["n"] % 3  # right, wrong, no answer in turn
            turn["n"] += 1
            game = d.game
            if how == 2:
                d.advance(SECONDS + 0.5)
                return
            question = pack_question(game)
            if d.scene_name == "question":
                right = right_index(game)
                count = len(game.current.choices)  # type: ignore[union-attr]
                pick = right if how == 0 else (right + 1) % count
                if pick in game.current.removed:  # type: ignore[union-attr]
                    pick = right
                d.press(str(pick + 1))
            elif d.scene_name == "text_answer":
                d.type(str(question.answer) if how == 0 else "Waingro")
                d.press("return")
            else:
                order = right_order(game)
                for index in order if how == 0 else order[::-1]:
                    d.press(str(index + 1))
                d.press("return")

        def advance(d: Driver) -> None:
            if d.scene_name == "reveal":
                check_reveal(d, solo=True, seen=seen)
            d.press("return")

        play_to_results(drv, answer, advance)
        assert {QuestionType.CHOICE, QuestionType.TEXT, QuestionType.ORDER} <= seen, seen
    finally:
        drv.close()


# Party ----------------------------------------------------------------------------------------


def party_game(mode: Mode, players: int, seed: int = 1) -> Driver:
    names = ("Neil", "Chris", "Michael", "Trejo")[:players]
    config = GameConfig(
        mode, names, (heat_pack(),), rounds=2, per_round=6, seconds=SECONDS, seed=seed
    )
    drv = Driver.open(config)
    drv.until("party_round_intro")
    return drv


def everyone_answer(d: Driver) -> None:
    """Neil right, Chris wrong, Michael right or silent by turns."""
    game = d.game
    neil, chris, michael = (device_keys(d, s) for s in range(3))
    silent = game.current.number % 2 == 0  # type: ignore[union-attr]
    if d.scene_name == "party_order":
        order = right_order(game)
        backwards = order[::-1]
        for position in range(len(order)):
            keys = [neil[order[position]], chris[backwards[position]]]
            if not silent:
                keys.append(michael[order[(position + 1) % len(order)]])
            d.press(*keys)
    else:
        right = right_index(game)
        wrong = (right + 1) % len(game.current.choices)  # type: ignore[union-attr]
        keys = [neil[right], chris[wrong]] + ([] if silent else [michael[right]])
        d.press(*keys)
    if silent:
        d.advance(SECONDS + 0.5)


def buzz_answer(d: Driver) -> None:
    """Chris buzzes with one key and answers wrong with another; Neil then buzzes right."""
    game = d.game
    neil, chris = device_keys(d, 0), device_keys(d, 1)
    right = right_index(game)
    wrong = (right + 1) % len(game.current.choices)  # type: ignore[union-attr]
    d.press(chris[right])  # the buzz: any key, here the right answer's
    assert game.phase is Phase.BUZZED
    d.press(chris[wrong])
    # Still on the question, Chris's miss is crossed out where Chris answered: on `wrong`.
    with record_marks(d.session.resources) as log:
        d.control.draw()
    assert log.of(MarkKind.CROSS) == {(wrong, None)} and not log.of(MarkKind.TICK)
    if game.current.number % 2 == 0:  # type: ignore[union-attr]
        d.press(neil[wrong])  # Neil buzzes too, and misses: nobody is right
        d.press(neil[wrong])
    else:
        d.press(neil[wrong])
        d.press(neil[right])


def turns_answer(d: Driver) -> None:
    """The turn player is right on odd questions and wrong on even ones."""
    game = d.game
    turn = game.current.turn_player  # type: ignore[union-attr]
    assert turn is not None
    right_now = game.current.number % 2 == 1  # type: ignore[union-attr]
    if d.scene_name == "party_text":
        d.type(str(pack_question(game).answer) if right_now else "Waingro")
        d.press("return")
        return
    keys = device_keys(d, turn)
    if d.scene_name == "party_order":
        order = right_order(game)
        for index in order if right_now else order[::-1]:
            d.press(keys[index])
        return
    right = right_index(game)
    count = len(game.current.choices)  # type: ignore[union-attr]
    d.press(keys[right if right_now else (right + 1) % count])


@pytest.mark.parametrize(
    ("mode", "players", "seed", "answer", "types"),
    [
        (Mode.EVERYONE, 3, 1, everyone_answer, {QuestionType.CHOICE, QuestionType.ORDER}),
        (Mode.BUZZ, 2, 1, buzz_answer, {QuestionType.CHOICE, QuestionType.TRUEFALSE}),
        (
            Mode.TURNS,
            2,
            2,
            turns_answer,
            {QuestionType.CHOICE, QuestionType.TEXT, QuestionType.ORDER},
        ),
    ],
    ids=["everyone", "buzz", "turns"],
)
def test_party_reveals_mark_who_answered_what(  # type: ignore[no-untyped-def]
    mode, players, seed, answer, types
) -> None:
    drv = party_game(mode, players, seed)
    seen: set[QuestionType] = set()
    try:
        play_to_podium(drv, answer, lambda d: check_reveal(d, solo=False, seen=seen))
        assert types <= seen, seen
    finally:
        drv.close()


def test_the_mark_record_is_off_in_normal_play() -> None:
    drv = party_game(Mode.BUZZ, 2)
    try:
        assert drv.session.resources.marks is None
        drawn_marks(drv)
        assert drv.session.resources.marks is None
    finally:
        drv.close()

