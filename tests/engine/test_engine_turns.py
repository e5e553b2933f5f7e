"""Whole pass-and-play games: one player per question, rotating, equal shares."""

from __future__ import annotations

from collections import Counter

from engine_helpers import Table, choice, make_pack, order, text

from quiz.engine import GameConfig, Mode, Phase, QuestionStarted
from quiz.packs.model import Difficulty

P0, P1 = 0, 1


def test_a_whole_turns_game() -> None:
    pack = make_pack(
        [text(f"t{i}", "names", Difficulty.EASY, answer="Neil McCauley") for i in range(4)]
        + [choice(f"c{i}", "facts", Difficulty.MEDIUM, wrong=5) for i in range(4)],
        categories=(("names", "Names"), ("facts", "Facts")),
    )
    table = Table(
        GameConfig(
            mode=Mode.TURNS, players=("Neil", "Eady"), packs=(pack,), rounds=2, per_round=3, seed=6
        )
    )
    game = table.game
    # 3 per round rounds up to whole laps: 4 questions, 2 each.
    assert [r.size for r in game.rounds] == [4, 4]
    assert game.next_turn_player == P0
    table.next()

    # Round 1 (easy text): turns go P0, P1, P0, P1.
    assert table.view.turn_player == P0 and table.view.choices == ()
    assert not table.right(P1)  # not P1's turn
    table.clock.advance(5)
    assert game.answer(P0, "neil mccauly")  # one typo is forgiven
    assert game.last_reveal is not None and game.last_reveal.results[0].points == 438
    assert len(game.last_reveal.results) == 1  # only the turn player faced it
    assert game.next_turn_player == P1
    table.next()
    assert table.right(P1)
    table.next()
    assert table.right(P0)
    assert game.players[P0].streak == 2 and game.players[P1].streak == 1
    table.next()
    assert table.wrong(P1, after=3)
    assert game.players[P0].streak == 2  # someone else's question leaves a streak alone
    assert game.next_turn_player == P1  # the next round starts with the next seat
    table.next()
    assert game.phase is Phase.ROUND_END and game.next_turn_player == P1
    table.next()
    assert game.phase is Phase.ROUND_INTRO and game.next_turn_player == P1
    table.next()

    # Final (medium choice, four shown): P1, P0, P1, P0.
    assert len(table.view.choices) == 4
    assert table.view.turn_player == P1
    assert table.right(P1, after=10)  # 750 * (1 - 10/40) = 562.5 -> 563, doubled: 1126
    table.next()
    assert table.right(P0)
    table.next()
    table.wait(20)  # P1 runs out of time
    table.next()
    assert table.right(P0, after=4)
    assert game.next_turn_player is None
    table.next()
    table.next()

    assert game.phase is Phase.GAME_OVER
    assert [(s.name, s.score) for s in game.standings()] == [("Neil", 4888), ("Eady", 1626)]
    neil, eady = game.stats()
    assert neil.questions == eady.questions == 4
    assert neil.round_points == (1038, 3850) and eady.round_points == (500, 1126)
    assert neil.longest_streak == 4 and eady.answered == 3 and eady.correct == 2


def test_everyone_gets_the_same_number_of_questions() -> None:
    pack = make_pack([choice(f"q{i}", "k") for i in range(23)])
    table = Table(
        GameConfig(mode=Mode.TURNS, players=("A", "B", "C"), packs=(pack,), rounds=4, per_round=5)
    )
    game = table.game
    while game.phase is not Phase.GAME_OVER:
        if game.phase is Phase.QUESTION:
            turn = table.view.turn_player
            assert turn is not None
            assert table.right(turn, after=1)
        else:
            table.next()
    started = [e for e in table.drain() if isinstance(e, QuestionStarted)]
    assert Counter(e.question.turn_player for e in started) == {0: 7, 1: 7, 2: 7}
    assert {s.questions for s in game.stats()} == {7}


def test_turns_only_plays_orders_that_fit_four_keys() -> None:
    pack = make_pack([order("small", "k", items=4), order("big", "k", items=5), choice("c", "k")])
    table = Table(GameConfig(mode=Mode.TURNS, players=("A", "B"), packs=(pack,), rounds=1))
    assert table.game.total_questions == 2
