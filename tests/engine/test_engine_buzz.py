"""Whole buzz games: first to buzz answers alone, wrong answers cost and lock out."""

from __future__ import annotations

from engine_helpers import Table, choice, make_pack, truefalse

from quiz.engine import (
    Buzzed,
    BuzzMissed,
    GameConfig,
    Mode,
    Phase,
    Revealed,
    RevealReason,
)
from quiz.packs.model import Difficulty

A, B, C = 0, 1, 2


def buzz_table(**options: object) -> Table:
    pack = make_pack(
        [choice(f"e{i}", "easy", Difficulty.EASY) for i in range(2)]
        + [choice(f"h{i}", "hard", Difficulty.HARD) for i in range(2)],
        categories=(("easy", "Warm-up"), ("hard", "Hard")),
    )
    settings: dict[str, object] = {"rounds": 2, "per_round": 2, "seed": 3, "buzz_seconds": 5}
    settings.update(options)
    return Table(
        GameConfig(mode=Mode.BUZZ, players=("A", "B", "C"), packs=(pack,), **settings)  # type: ignore[arg-type]
    )


def test_a_whole_buzz_game() -> None:
    table = buzz_table()
    game = table.game
    table.next()

    # Q1 (easy): B buzzes at 3 s and misses; A buzzes at 4 s and is right.
    assert not table.right(A, after=3)  # must buzz first
    assert game.buzz(B)
    assert not game.buzz(A)  # B holds the floor
    assert game.phase is Phase.BUZZED and table.view.buzzed_player == B
    assert game.time_left() == 5 and game.question_time_left() == 17
    assert not table.right(A)  # only the buzzer answers
    assert table.wrong(B, after=2)
    assert game.players[B].score == -250
    assert game.phase is Phase.QUESTION and table.view.locked_out == {B}
    assert game.question_time_left() == 17  # the question clock stood still meanwhile
    assert not game.buzz(B)  # locked out
    table.clock.advance(1)
    assert game.buzz(A)
    assert table.right(A, after=1)
    reveal = game.last_reveal
    assert reveal is not None and reveal.reason is RevealReason.BUZZ_RIGHT
    assert [r.points for r in reveal.results] == [450, -250, 0]  # speed measured to the buzz
    assert [r.time for r in reveal.results] == [4, 3, None]
    table.next()

    # Q2: nobody buzzes; time runs out.
    table.wait(20)
    assert game.last_reveal is not None and game.last_reveal.reason is RevealReason.TIME_UP
    assert all(r.points == 0 and r.streak == 0 for r in game.last_reveal.results)
    table.next()
    table.next()
    table.next()

    # Q3 (hard, final): C lets the window expire, A and B answer wrong: all locked out.
    assert game.round.final
    assert game.buzz(C)
    table.wait(6)  # 1 s past the window
    assert game.phase is Phase.QUESTION and game.players[C].score == -1000
    assert game.question_time_left() == 19  # the overshoot counts against the question
    table.clock.advance(1)
    assert game.buzz(A)
    assert table.wrong(A)
    table.clock.advance(1)
    assert game.buzz(B)
    assert table.wrong(B)
    assert game.last_reveal is not None
    assert game.last_reveal.reason is RevealReason.ALL_LOCKED_OUT
    assert [r.points for r in game.last_reveal.results] == [-1000, -1000, -1000]
    assert [r.answer for r in game.last_reveal.results][2] is None
    table.next()

    # Q4: A buzzes at 8 s, the game pauses for 30 s, then A answers right.
    table.clock.advance(8)
    assert game.buzz(A)
    assert game.pause()
    table.wait(30)
    assert not table.right(A)  # ignored while paused
    assert game.phase is Phase.BUZZED and game.time_left() == 5
    assert game.resume()
    assert table.right(A, after=1)
    assert game.last_reveal is not None and game.last_reveal.results[A].points == 1600
    table.next()
    table.next()

    assert game.phase is Phase.GAME_OVER
    assert [(s.name, s.score) for s in game.standings()] == [
        ("A", 1050),
        ("C", -1000),
        ("B", -1250),
    ]
    stats = game.stats()
    assert stats[A].round_points == (450, 600)
    assert (stats[A].answered, stats[A].correct, stats[A].questions) == (3, 2, 4)
    assert stats[B].longest_streak == 0 and stats[B].fastest_right is None

    events = table.drain()
    missed = [e for e in events if isinstance(e, BuzzMissed)]
    assert [(e.player, e.points) for e in missed] == [
        (B, -250),
        (C, -1000),
        (A, -1000),
        (B, -1000),
    ]
    assert missed[1].answer is None  # the window expired
    assert len([e for e in events if isinstance(e, Buzzed)]) == 6
    # Every point shows up in exactly one reveal.
    reveals = [e for e in events if isinstance(e, Revealed)]
    for player in (A, B, C):
        total = sum(r.points for e in reveals for r in e.results if r.player == player)
        assert total == game.players[player].score


def test_a_right_buzz_after_others_missed_breaks_nobody_else_twice() -> None:
    table = buzz_table()
    game = table.game
    table.next()
    game.buzz(A)
    table.wrong(A)
    game.buzz(B)
    table.wrong(B)
    game.buzz(C)
    table.right(C)
    results = game.last_reveal.results  # type: ignore[union-attr]
    assert [r.correct for r in results] == [False, False, True]
    assert [r.points for r in results] == [-250, -250, 500]


def test_truefalse_answers_by_index_or_bool() -> None:
    pack = make_pack([truefalse("ab", "k"), truefalse("abc", "k")])
    table = Table(GameConfig(mode=Mode.BUZZ, players=("A", "B"), packs=(pack,), seed=2))
    game = table.game
    table.next()
    answer = table.questions[table.view.key].answer
    game.buzz(B)
    assert not game.answer(B, 7)  # no such key: ignored, still answering
    assert game.answer(B, 0 if answer else 1)
    assert game.last_reveal is not None and game.last_reveal.results[B].correct


def test_relaxed_buzz_has_no_answer_window_and_can_be_skipped() -> None:
    table = buzz_table(seconds=None)
    game = table.game
    table.next()
    game.buzz(A)
    table.wait(500)
    assert game.phase is Phase.BUZZED and game.time_left() is None
    assert game.reveal_now()
    assert game.last_reveal is not None and game.last_reveal.reason is RevealReason.SKIPPED
    assert [r.points for r in game.last_reveal.results] == [0, 0, 0]
    assert not game.reveal_now()
