"""Whole solo games through the public API, with a fake clock and exact scores."""

from __future__ import annotations

from engine_helpers import Table, choice, make_pack, order, text, truefalse

from quiz.engine import (
    AnswerLocked,
    FiftyFiftyUsed,
    GameConfig,
    GameEnded,
    Mode,
    Phase,
    QuestionStarted,
    Revealed,
    RevealReason,
    RoundEnded,
    RoundStarted,
)
from quiz.packs.model import Difficulty

EASY, HARD = Difficulty.EASY, Difficulty.HARD


def heist_pack():  # type: ignore[no-untyped-def]
    return make_pack(
        [choice(f"h{i}", "heist", EASY) for i in range(3)]
        + [choice(f"c{i}", "crew", HARD, wrong=5) for i in range(3)],
        categories=(("heist", "The Heists"), ("crew", "The Crew")),
    )


def test_a_whole_solo_game() -> None:
    pack = heist_pack()
    table = Table(
        GameConfig(mode=Mode.SOLO, players=("Neil",), packs=(pack,), rounds=2, per_round=3, seed=11)
    )
    game = table.game
    assert game.phase is Phase.ROUND_INTRO and game.current is None
    assert game.round.category == "The Heists" and not game.round.final

    # GIVEN round 1, easy (500): right at once, right after 10 s with a streak, then wrong.
    table.next()
    assert table.view.number == 1 and table.view.total == 6 and len(table.view.choices) == 4
    assert table.view.correct_index is None and table.view.answer_text is None
    assert table.right(0, after=0)
    assert game.phase is Phase.REVEAL
    assert game.last_reveal is not None and game.last_reveal.results[0].points == 500
    table.next()
    assert table.right(0, after=10)
    assert game.players[0].score == 500 + 475
    table.next()
    assert table.wrong(0, after=4)
    assert game.players[0].streak == 0
    table.next()
    assert game.phase is Phase.ROUND_END
    table.next()

    # WHEN the final (hard, doubled): 50:50 then right at 2 s; a timeout; right at once.
    assert game.phase is Phase.ROUND_INTRO and game.round.final
    table.next()
    assert game.can_use_fifty_fifty(0)
    removed = game.use_fifty_fifty(0)
    assert len(removed) == 3 and table.view.removed == frozenset(removed)
    assert len(table.view.choices) == 6
    assert all(table.view.choices[i] != table.questions[table.view.key].answer for i in removed)
    assert not game.answer(0, removed[0])  # a removed choice is ignored
    assert table.right(0, after=2)
    table.next()
    assert not game.can_use_fifty_fifty(0)  # once per game
    assert game.use_fifty_fifty(0) == ()
    table.wait(19.99)
    assert game.phase is Phase.QUESTION
    table.wait(0.01)
    assert game.phase is Phase.REVEAL
    assert game.last_reveal is not None and game.last_reveal.reason is RevealReason.TIME_UP
    table.next()
    assert table.right(0)
    table.next()
    table.next()

    # THEN the totals, standings and stats are exact.
    assert game.phase is Phase.GAME_OVER and game.current is None
    assert game.players[0].score == 975 + 1900 + 0 + 2000
    stats = game.stats()[0]
    assert stats.round_points == (975, 3900)
    assert (stats.questions, stats.answered, stats.correct) == (6, 5, 4)
    assert stats.accuracy == 4 / 6
    assert stats.mean_time == (0 + 10 + 4 + 2 + 0) / 5
    assert stats.longest_streak == 2
    assert stats.fastest_right == 0.0
    (standing,) = game.standings()
    assert (standing.rank, standing.score, standing.total_time) == (1, 4875, 36.0)

    events = table.drain()
    kinds = [type(e) for e in events]
    assert kinds.count(RoundStarted) == 2 and kinds.count(QuestionStarted) == 6
    assert kinds.count(Revealed) == 6 and kinds.count(RoundEnded) == 2
    assert kinds.count(AnswerLocked) == 5 and kinds.count(FiftyFiftyUsed) == 1
    assert isinstance(events[-1], GameEnded) and events[-1].stats == game.stats()
    assert game.advance() is False


def test_solo_plays_text_and_order_questions() -> None:
    pack = make_pack(
        [
            text("t1", "k", HARD, answer="Neil McCauley"),
            order("o1", "k", HARD, items=6),
            truefalse("tf", "k", HARD),
        ]
    )
    table = Table(
        GameConfig(
            mode=Mode.SOLO,
            players=("Neil",),
            packs=(pack,),
            rounds=1,
            per_round=3,
            seconds=None,
            seed=4,
        )
    )
    game = table.game
    table.next()
    seen = []
    while game.phase is not Phase.GAME_OVER:
        if game.phase is Phase.QUESTION:
            view = table.view
            seen.append(view.type.value)
            assert view.time_limit is None and game.time_left() is None
            table.clock.advance(50)  # no clock: no hurry and full points
            if view.type.value == "text":
                assert game.answer(0, "neil mccauly")  # one typo
            elif view.type.value == "order":
                right = list(table.questions[view.key].items)
                # Swap the first two items: four of six in place.
                swapped = [right[1], right[0], *right[2:]]
                assert game.answer(0, tuple(view.choices.index(item) for item in swapped))
                assert game.last_reveal is not None
                result = game.last_reveal.results[0]
                assert result.share == 4 / 6 and not result.correct
                assert game.last_reveal.question.correct_order is not None
            else:
                assert game.answer(0, 0 if table.questions[view.key].answer else 1)
        else:
            table.next()
    reveals = [e for e in table.drain() if isinstance(e, Revealed)]
    by_type = {r.question.type.value: r.results[0] for r in reveals}
    assert sorted(seen) == ["order", "text", "truefalse"]
    assert by_type["order"].points == 2 * round(1000 * 4 / 6)  # the only round is the final
    assert by_type["text"].correct and by_type["truefalse"].correct


def test_fifty_fifty_needs_two_wrong_choices_shown() -> None:
    pack = make_pack([choice("q", "k", wrong=1), truefalse("t", "k")])
    table = Table(GameConfig(mode=Mode.SOLO, players=("N",), packs=(pack,), rounds=1, seed=1))
    table.next()
    for _ in range(2):
        assert not table.game.can_use_fifty_fifty(0)
        assert table.right(0)
        table.next()


def test_fifty_fifty_leaves_the_right_answer_and_at_most_half_of_the_others() -> None:
    # GIVEN questions showing 3, 4, 5 and 6 options; THEN 2, 2, 3 and 3 remain.
    for wrong, remain in ((2, 2), (3, 2), (4, 3), (5, 3)):
        pack = make_pack([choice("q", "k", wrong=wrong)])
        table = Table(GameConfig(mode=Mode.SOLO, players=("N",), packs=(pack,), seed=wrong))
        table.next()
        removed = table.game.use_fifty_fifty(0)
        shown = [c for i, c in enumerate(table.view.choices) if i not in removed]
        assert len(shown) == remain, (wrong + 1, shown)
        assert table.questions[table.view.key].answer in shown
        assert len(shown) - 1 <= (len(table.view.choices) - 1) // 2
