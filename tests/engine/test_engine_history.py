"""Fresh questions first: recent games (the history) steer the deal, and seeds still replay."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from engine_helpers import choice, make_pack
from test_engine_facts import PLAYERS, config, heat_pack

from quiz.engine import Game, Mode
from quiz.engine.planner import eligible, plan


def keys_of(game: Game) -> list[str]:
    return [p.key for r in game._plan for p in r.questions]


def dealt(mode: Mode, pack, seed: int, history: tuple[tuple[str, ...], ...]) -> list[str]:  # type: ignore[no-untyped-def]
    rounds = plan(config(mode, pack, seed=seed, history=history), random.Random(seed))
    return [p.key for r in rounds for p in r.questions]


@pytest.mark.parametrize("mode", list(Mode), ids=lambda m: m.value)
def test_three_games_in_a_row_on_the_heat_pack_share_no_question(mode: Mode) -> None:
    pack = heat_pack()
    pool = len(eligible(config(mode, pack)))
    for seed in range(40):
        history: tuple[tuple[str, ...], ...] = ()
        for _ in range(3):
            game = dealt(mode, pack, seed, history)
            if pool >= 3 * len(game):
                met = {key for past in history for key in past}
                assert not met & set(game), f"seed {seed}: {sorted(met & set(game))} again"
            history += (tuple(game),)


def test_the_same_seed_and_history_replay_the_same_game() -> None:
    pack = heat_pack()
    history = (tuple(dealt(Mode.SOLO, pack, 5, ())),)
    assert dealt(Mode.SOLO, pack, 9, history) == dealt(Mode.SOLO, pack, 9, history)
    # The history is an input: the same seed with another history deals another game.
    assert dealt(Mode.SOLO, pack, 9, history) != dealt(Mode.SOLO, pack, 9, ())


def test_once_everything_was_met_the_longest_ago_comes_back_first() -> None:
    pack = make_pack([choice(f"q{i}", "heist") for i in range(10)])
    older = tuple(f"heat/q{i}" for i in range(5))
    newer = tuple(f"heat/q{i}" for i in range(5, 10))
    for seed in range(20):
        game = dealt(Mode.SOLO, pack, seed, (older, newer))[:5]
        assert sorted(game) == sorted(older)


def test_an_exhausted_history_still_deals_full_games_without_repeats() -> None:
    pack = heat_pack()
    everything = tuple(e.key for e in eligible(config(Mode.SOLO, pack)))
    history = tuple(everything for _ in range(30))
    rounds = plan(config(Mode.SOLO, pack, history=history), random.Random(3))
    keys = [p.key for r in rounds for p in r.questions]
    assert [len(r.questions) for r in rounds] == [5, 5, 5, 5]
    assert len(set(keys)) == 20


def test_a_question_whose_fact_was_met_waits_behind_wholly_fresh_ones() -> None:
    questions = [replace(choice(f"q{i}", "heist"), fact=f"f{i}") for i in range(6)]
    questions.append(replace(choice("q0-typed", "heist"), fact="f0"))
    pack = make_pack(questions)
    for seed in range(30):
        game = dealt(Mode.SOLO, pack, seed, (("heat/q0",),))[:5]
        assert "heat/q0-typed" not in game and "heat/q0" not in game


def test_unknown_keys_in_the_history_are_ignored() -> None:
    pack = heat_pack()
    stale = (("heat-1995/no-such-question", "another-pack/q1"),)
    assert dealt(Mode.SOLO, pack, 4, stale) == dealt(Mode.SOLO, pack, 4, ())


@pytest.mark.parametrize("mode", [Mode.SOLO, Mode.EVERYONE], ids=lambda m: m.value)
def test_a_game_built_with_the_last_one_as_history_deals_new_questions(mode: Mode) -> None:
    pack = heat_pack()
    first = Game(config(mode, pack, seed=11))
    rematch = Game(config(mode, pack, seed=11, history=(tuple(keys_of(first)),)))
    assert not set(keys_of(first)) & set(keys_of(rematch))
    assert len(PLAYERS[mode]) == len(rematch.config.players)
