"""Whole 'everyone answers' party games: secret lock-ins, reveals, standings and tie-breaks."""

from __future__ import annotations

from engine_helpers import Table, choice, make_pack, truefalse

from quiz.engine import AnswerLocked, GameConfig, Mode, Phase, Revealed, RevealReason, RoundEnded
from quiz.packs.model import Difficulty

NEIL, CHRIS, VINCENT = 0, 1, 2


def pack():  # type: ignore[no-untyped-def]
    return make_pack(
        [choice(f"a{i}", "heist", Difficulty.EASY, wrong=5) for i in range(2)]
        + [truefalse(f"b{i}", "cast", Difficulty.MEDIUM) for i in range(2)],
        categories=(("heist", "Heists"), ("cast", "Cast")),
    )


def test_a_whole_everyone_game() -> None:
    table = Table(
        GameConfig(
            mode=Mode.EVERYONE,
            players=("Neil", "Chris", "Vincent"),
            packs=(pack(),),
            rounds=2,
            per_round=2,
            seed=5,
        )
    )
    game = table.game
    table.next()
    # Party modes show the answer and at most three wrong choices.
    assert len(table.view.choices) == 4

    # Q1 (easy): Neil right at 2 s, Chris right at 4 s, Vincent wrong at 5 s.
    assert table.right(NEIL, after=2)
    assert table.right(CHRIS, after=2)
    assert not table.right(CHRIS)  # one answer each
    assert game.phase is Phase.QUESTION and table.view.answered == {NEIL, CHRIS}
    assert table.wrong(VINCENT, after=1)
    assert game.phase is Phase.REVEAL
    reveal = game.last_reveal
    assert reveal is not None and reveal.reason is RevealReason.ALL_ANSWERED
    assert [r.points for r in reveal.results] == [475, 450, 0]
    assert reveal.question.correct_index is not None
    locked = [e for e in table.drain() if isinstance(e, AnswerLocked)]
    assert [e.player for e in locked] == [NEIL, CHRIS, VINCENT]  # who, never what
    table.next()

    # Q2: Neil right at 6 s (streak 2), Vincent right at 10 s, Chris never answers.
    assert table.right(NEIL, after=6)
    assert table.right(VINCENT, after=4)
    table.wait(10)
    assert game.last_reveal is not None and game.last_reveal.reason is RevealReason.TIME_UP
    assert [r.points for r in game.last_reveal.results] == [525, 0, 375]
    assert [r.answered for r in game.last_reveal.results] == [True, False, True]
    table.next()
    round_end = [e for e in table.drain() if isinstance(e, RoundEnded)]
    assert round_end[0].round_points == (1000, 450, 375)
    assert [s.name for s in round_end[0].standings] == ["Neil", "Chris", "Vincent"]
    table.next()

    # Final (medium, doubled). Q3: all right at once. Q4: Neil wrong, the others right at 5 s.
    table.next()
    assert table.view.choices == ("True", "False")
    for player in (NEIL, CHRIS, VINCENT):
        assert table.right(player)
    assert [r.points for r in game.last_reveal.results] == [1900, 1500, 1700]
    table.next()
    assert table.wrong(NEIL, after=1)
    assert table.right(CHRIS, after=4)
    assert table.right(VINCENT)
    assert [r.points for r in game.last_reveal.results] == [0, 1512, 1712]
    assert [r.streak for r in game.last_reveal.results] == [0, 2, 3]
    table.next()
    table.next()

    assert game.phase is Phase.GAME_OVER
    assert [(s.name, s.score, s.rank) for s in game.standings()] == [
        ("Vincent", 3787, 1),
        ("Chris", 3462, 2),
        ("Neil", 2900, 3),
    ]
    neil, chris, vincent = game.stats()
    assert neil.round_points == (1000, 1900) and chris.round_points == (450, 3012)
    assert (chris.questions, chris.answered, chris.correct) == (4, 3, 3)
    assert chris.accuracy == 0.75 and chris.mean_time == (4 + 0 + 5) / 3
    assert vincent.longest_streak == 3 and neil.longest_streak == 3
    assert vincent.fastest_right == 0.0 and vincent.mean_time == (5 + 10 + 0 + 5) / 4


def test_ties_are_broken_by_total_answer_time() -> None:
    quick = make_pack([choice("q", "k", Difficulty.EASY)])
    table = Table(
        GameConfig(
            mode=Mode.EVERYONE, players=("Slow", "Fast", "Also"), packs=(quick,), seconds=None
        )
    )
    table.next()
    # No clock: everyone right earns the full base, whenever they answer.
    assert table.right(1, after=1)
    assert table.right(2)
    assert table.right(0, after=5)
    standings = table.game.standings()
    assert {s.score for s in standings} == {1000}  # a one-round game is all final
    assert [(s.name, s.rank) for s in standings] == [("Fast", 1), ("Also", 1), ("Slow", 3)]


def test_a_player_who_never_answers_is_not_fast_in_a_tie() -> None:
    quick = make_pack([choice("q", "k"), choice("r", "k")])
    table = Table(GameConfig(mode=Mode.EVERYONE, players=("A", "B"), packs=(quick,)))
    table.next()
    assert table.wrong(0, after=19)  # A answers (wrong) at 19 s
    table.wait(1)  # B never answers: counts the whole 20 s
    table.next()
    assert table.wrong(0, after=1)
    assert table.wrong(1)
    # Both scored 0. Had B's silence counted as no time, B (1 s) would beat A (20 s).
    assert [(s.name, s.total_time) for s in table.game.standings()] == [("A", 20.0), ("B", 21.0)]


def test_reveal_lists_everyone_with_their_answer() -> None:
    quick = make_pack([choice("q", "k")])
    table = Table(GameConfig(mode=Mode.EVERYONE, players=("A", "B"), packs=(quick,)))
    table.next()
    wrong = table.wrong(1, after=3)
    assert wrong
    table.wait(17)
    reveal = next(e for e in table.drain() if isinstance(e, Revealed))
    assert reveal.results[0].answer is None and reveal.results[0].time is None
    assert isinstance(reveal.results[1].answer, int) and reveal.results[1].time == 3
