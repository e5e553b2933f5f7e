"""What phones change in the engine: typed answers and long orders when everyone has one,
answers stamped earlier by a measured delay, and late joiners between rounds."""

from __future__ import annotations

from engine_helpers import Table, choice, config, make_pack, order, text

from quiz.engine import Mode, Phase
from quiz.engine.planner import eligible
from quiz.packs.model import QuestionType

PACK = make_pack(
    [choice(f"c{i}", "crew") for i in range(6)]
    + [text("t1", "crew"), order("o6", "crew", items=6), order("o3", "crew", items=3)]
)


def test_phones_open_typed_answers_and_orders_of_any_length_to_everyone_and_turns() -> None:
    keys = config(Mode.EVERYONE, ("Neil", "Chris"), PACK)
    phones = config(Mode.EVERYONE, ("Neil", "Chris"), PACK, phones=True)
    ids = lambda c: {e.question.id for e in eligible(c)}
    assert "t1" not in ids(keys) and "o6" not in ids(keys) and "o3" in ids(keys)
    assert {"t1", "o6", "o3"} <= ids(phones)
    assert "o6" in ids(config(Mode.TURNS, ("Neil", "Chris"), PACK, phones=True))
    # Buzz answers within seconds: still choices only, phones or not.
    buzz = config(Mode.BUZZ, ("Neil", "Chris"), PACK, phones=True)
    assert {e.question.type for e in eligible(buzz)} <= {QuestionType.CHOICE,
                                                          QuestionType.TRUEFALSE}


def test_a_six_item_order_is_scored_like_any_order() -> None:
    pack = make_pack([order("o6", "crew", items=6)])
    table = Table(config(Mode.EVERYONE, ("Neil", "Chris"), pack, phones=True, seed=1), pack)
    table.next()
    assert len(table.view.choices) == 6
    assert table.right(0, after=2) and table.wrong(1)
    results = {r.player: r for r in table.game.last_reveal.results}  # type: ignore[union-attr]
    assert results[0].correct and results[0].share == 1.0
    assert not results[1].correct and results[1].share == 0.0


def test_ago_moves_the_answer_time_earlier_but_never_before_the_start() -> None:
    table = Table(config(Mode.EVERYONE, ("Neil", "Chris"), PACK, seed=2), PACK)
    table.next()
    table.clock.advance(4)
    assert table.game.answer(0, 0, ago=0.05)
    table.clock.advance(1)
    assert table.game.answer(1, 0, ago=99)
    times = {r.player: r.time for r in table.game.last_reveal.results}  # type: ignore[union-attr]
    assert abs(times[0] - 3.95) < 1e-9 and times[1] == 0.0


def test_buzz_with_ago_orders_by_when_it_was_given() -> None:
    table = Table(config(Mode.BUZZ, ("Neil", "Chris"), PACK, seed=2), PACK)
    table.next()
    table.clock.advance(3)
    assert table.game.buzz(1, ago=0.08)
    assert table.game.current.buzzed_player == 1  # type: ignore[union-attr]
    table.drain()
    assert table.game.poll_events() == ()


def test_a_late_joiner_sits_down_between_rounds_only() -> None:
    table = Table(config(Mode.EVERYONE, ("Neil", "Chris"), PACK, rounds=2, per_round=2,
                         seed=4), PACK)
    game = table.game
    table.next()
    assert game.phase is Phase.QUESTION and game.add_player("Late") is None
    while game.phase is not Phase.ROUND_END:
        if game.phase is Phase.QUESTION:
            table.right(0)
            table.right(1)
        else:
            table.next()
    assert game.add_player("neil") is None  # names stay unique
    assert game.add_player("Late") == 2
    assert game.config.names == ("Neil", "Chris", "Late")
    table.next()
    table.next()
    assert game.current is not None and game.phase is Phase.QUESTION
    for slot in range(3):
        table.right(slot)
    assert game.phase is not Phase.QUESTION  # the question waited for the new player too
    while game.phase is not Phase.GAME_OVER:
        if game.phase is Phase.QUESTION:
            for slot in range(3):
                table.right(slot)
        else:
            table.next()
    stats = game.stats()
    assert stats[2].questions == 2 and stats[0].questions == 4
    assert sum(stats[2].round_points) == stats[2].score


def test_turns_takes_no_late_joiner() -> None:
    table = Table(config(Mode.TURNS, ("Neil", "Chris"), PACK, seed=4), PACK)
    assert table.game.add_player("Late") is None
