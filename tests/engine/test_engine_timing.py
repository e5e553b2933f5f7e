"""Clocks, pausing, deadlines and what the engine ignores or refuses."""

from __future__ import annotations

import pytest
from engine_helpers import Table, choice, make_pack, order, text

from quiz.engine import FakeClock, GameConfig, Mode, Phase, RevealReason
from quiz.engine.clock import Stopwatch
from quiz.packs.model import Difficulty


def solo_table(*questions, **options) -> Table:  # type: ignore[no-untyped-def]
    pack = make_pack(questions or [choice("q", "k", Difficulty.HARD)])
    return Table(GameConfig(mode=Mode.SOLO, players=("N",), packs=(pack,), **options))


def test_pause_freezes_the_question_clock() -> None:
    table = solo_table()
    game = table.game
    table.next()
    table.wait(5)
    assert game.time_left() == 15
    assert game.pause() and not game.pause()
    table.wait(100)
    assert game.phase is Phase.QUESTION and game.time_left() == 15
    assert not table.right(0)  # input is ignored while paused
    assert game.resume() and not game.resume()
    table.wait(3)
    assert game.time_left() == 12
    assert table.right(0)
    result = game.last_reveal.results[0]  # type: ignore[union-attr]
    assert result.time == 8  # paused time is not answer time
    assert result.points == 2 * 800  # 1000 * (1 - 8/40), doubled in the (only, final) round


def test_time_up_already_passed_stays_up_when_paused() -> None:
    table = solo_table()
    table.next()
    table.clock.advance(25)
    table.game.pause()
    assert table.game.phase is Phase.REVEAL


def test_a_late_answer_is_refused_even_before_the_next_tick() -> None:
    table = solo_table()
    game = table.game
    table.next()
    table.clock.advance(20)
    assert not table.right(0)
    assert game.phase is Phase.REVEAL
    assert game.last_reveal is not None and game.last_reveal.reason is RevealReason.TIME_UP
    assert game.last_reveal.results[0].points == 0


def test_a_questions_own_time_wins() -> None:
    table = solo_table(choice("q", "k", time=45), seconds=10)
    table.next()
    assert table.view.time_limit == 45
    table.wait(30)
    assert table.game.phase is Phase.QUESTION


def test_a_relaxed_game_ignores_question_times() -> None:
    table = solo_table(choice("q", "k", time=45), seconds=None)
    table.next()
    assert table.view.time_limit is None and table.game.time_left() is None
    table.wait(10_000)
    assert table.game.phase is Phase.QUESTION


def test_pausing_between_questions_starts_the_next_one_frozen() -> None:
    table = solo_table(choice("a", "k"), choice("b", "k"))
    game = table.game
    table.next()
    assert table.right(0)
    game.pause()
    table.next()
    table.wait(60)
    assert game.phase is Phase.QUESTION and game.time_left() == 20
    game.resume()
    table.wait(1)
    assert game.time_left() == 19


def test_pause_during_a_buzz_freezes_the_answer_window() -> None:
    pack = make_pack([choice("q", "k")])
    table = Table(GameConfig(mode=Mode.BUZZ, players=("A", "B"), packs=(pack,)))
    game = table.game
    table.next()
    game.buzz(0)
    table.wait(2)
    game.pause()
    table.wait(60)
    assert game.time_left() == 3
    game.resume()
    table.wait(2.5)
    assert game.phase is Phase.BUZZED
    table.wait(0.5)
    assert game.phase is Phase.QUESTION and game.question_time_left() == 20


def test_verbs_in_the_wrong_phase_are_ignored() -> None:
    table = solo_table()
    game = table.game
    assert not game.answer(0, 0)
    assert not game.buzz(0)
    assert not game.reveal_now()
    assert game.use_fifty_fifty(0) == ()
    table.next()
    assert not game.advance()  # a question ends by answers or the clock
    assert not game.buzz(0)  # not a buzz game
    assert game.time_left() == 20


def test_bad_input_raises() -> None:
    table = solo_table(choice("c", "k"), text("t", "k"), order("o", "k"))
    game = table.game
    with pytest.raises(ValueError, match="no player in slot 3"):
        game.answer(3, 0)
    with pytest.raises(TypeError):
        game.answer(True, 0)  # type: ignore[arg-type]
    table.next()
    while game.phase is not Phase.GAME_OVER:
        if game.phase is Phase.QUESTION:
            kind = table.view.type.value
            if kind == "choice":
                with pytest.raises(TypeError):
                    game.answer(0, "right c")
                assert not game.answer(0, 9)  # a key with no choice behind it
            elif kind == "text":
                with pytest.raises(TypeError):
                    game.answer(0, 1)
            else:
                with pytest.raises(ValueError, match="each of 4 items once"):
                    game.answer(0, (0, 0, 1, 2))
                with pytest.raises(TypeError):
                    game.answer(0, [0, 1, 2, 3])
            assert table.right(0)
        else:
            table.next()


def test_stopwatch_holds_for_independent_reasons() -> None:
    clock = FakeClock()
    watch = Stopwatch(clock)
    clock.advance(2)
    watch.hold("pause")
    watch.hold("buzz")
    clock.advance(5)
    watch.release("pause")
    clock.advance(5)
    assert watch.elapsed() == 2
    watch.release("buzz")
    clock.advance(1)
    assert watch.elapsed() == 3
    with pytest.raises(ValueError, match="backwards"):
        clock.advance(-1)
