"""Choosing the rounds: categories in order, mixing when short, never a repeat, seeded."""

from __future__ import annotations

import random

import pytest
from engine_helpers import choice, make_pack, order, text, truefalse

from quiz.engine import MIXED_CATEGORY, Game, GameConfig, Mode
from quiz.engine.planner import plan
from quiz.packs.model import Difficulty, Pack

CATEGORIES = (("heist", "The Heists"), ("cast", "The Cast"), ("music", "The Music"))


def three_categories(per_category: int = 5) -> Pack:
    questions = [
        choice(f"{cid}{i}", cid, difficulty=list(Difficulty)[i % 3])
        for cid, _ in CATEGORIES
        for i in range(per_category)
    ]
    return make_pack(questions, categories=CATEGORIES)


def solo(pack: Pack, **options: object) -> GameConfig:
    return GameConfig(mode=Mode.SOLO, players=("Neil",), packs=(pack,), **options)  # type: ignore[arg-type]


def keys(rounds: tuple) -> list[str]:  # type: ignore[type-arg]
    return [p.key for r in rounds for p in r.questions]


def test_rounds_follow_category_order_and_the_last_is_final() -> None:
    game = Game(solo(three_categories(), rounds=3, per_round=5, seed=1))
    assert [r.category for r in game.rounds] == ["The Heists", "The Cast", "The Music"]
    assert [r.final for r in game.rounds] == [False, False, True]
    assert [r.size for r in game.rounds] == [5, 5, 5]


def test_each_round_draws_from_its_own_category() -> None:
    rounds = plan(solo(three_categories(), rounds=3, per_round=4), random.Random(3))
    for planned, (cid, name) in zip(rounds, CATEGORIES):
        assert planned.category == name
        assert {p.question.category for p in planned.questions} == {cid}


def test_questions_go_from_easy_to_hard_within_a_round() -> None:
    rounds = plan(solo(three_categories(), rounds=1, per_round=5), random.Random(5))
    ranks = [list(Difficulty).index(p.question.difficulty) for p in rounds[0].questions]
    assert ranks == sorted(ranks)


def test_a_short_category_mixes_and_nothing_repeats() -> None:
    pack = make_pack(
        [choice(f"h{i}", "heist") for i in range(2)] + [choice(f"c{i}", "cast") for i in range(9)],
        categories=CATEGORIES[:2],
    )
    rounds = plan(solo(pack, rounds=2, per_round=4), random.Random(0))
    assert rounds[0].category == MIXED_CATEGORY
    # It takes all its own category has first.
    assert {"heat/h0", "heat/h1"} <= set(keys(rounds))
    assert rounds[1].category == "The Cast"
    assert len(keys(rounds)) == len(set(keys(rounds))) == 8


def test_more_rounds_than_categories_cycle_through_them() -> None:
    rounds = plan(solo(three_categories(per_category=10), rounds=5, per_round=5), random.Random(9))
    assert [r.category for r in rounds] == [
        "The Heists",
        "The Cast",
        "The Music",
        "The Heists",
        "The Cast",
    ]
    assert len(set(keys(rounds))) == 25


def test_several_packs_mix_every_round() -> None:
    one = three_categories()
    two = make_pack([choice(f"o{i}", "other") for i in range(10)], pack_id="other")
    rounds = plan(
        GameConfig(mode=Mode.SOLO, players=("N",), packs=(one, two), rounds=3, per_round=8),
        random.Random(4),
    )
    assert all(r.category == MIXED_CATEGORY for r in rounds)
    assert len(set(keys(rounds))) == 24
    assert {k.split("/")[0] for k in keys(rounds)} == {"heat", "other"}


def test_too_few_questions_shorten_the_game_without_repeats() -> None:
    pack = make_pack([choice(f"q{i}", "cast") for i in range(7)])
    game = Game(solo(pack, rounds=4, per_round=5, seed=2))
    assert [r.size for r in game.rounds] == [5, 2]
    assert game.rounds[-1].final and game.total_questions == 7


def test_nothing_playable_is_a_clear_error() -> None:
    pack = make_pack([text("t1", "cast"), order("o1", "cast", items=6)])
    with pytest.raises(ValueError, match="No questions to play.*Buzz can play"):
        Game(GameConfig(mode=Mode.BUZZ, players=("A", "B"), packs=(pack,)))
    with pytest.raises(ValueError, match="no hard questions"):
        Game(solo(pack, difficulty=Difficulty.HARD))


def test_difficulty_filter() -> None:
    game = Game(solo(three_categories(per_category=9), difficulty=Difficulty.HARD, seed=1))
    rounds = plan(game.config, random.Random(1))
    assert {p.question.difficulty for r in rounds for p in r.questions} == {Difficulty.HARD}


@pytest.mark.parametrize(
    ("mode", "players", "playable"),
    [
        (Mode.SOLO, ("N",), {"c", "t", "x", "o4", "o6"}),
        (Mode.EVERYONE, ("A", "B"), {"c", "t", "o4"}),
        (Mode.BUZZ, ("A", "B"), {"c", "t"}),
        (Mode.TURNS, ("A", "B"), {"c", "t", "x", "o4"}),
    ],
)
def test_modes_skip_what_they_cannot_play(
    mode: Mode, players: tuple[str, ...], playable: set[str]
) -> None:
    pack = make_pack(
        [
            choice("c", "k"),
            truefalse("t", "k"),
            text("x", "k"),
            order("o4", "k", items=4),
            order("o6", "k", items=6),
        ]
    )
    config = GameConfig(mode=mode, players=players, packs=(pack,), rounds=1, per_round=10)
    got = {p.question.id for r in plan(config, random.Random(0)) for p in r.questions}
    assert got == playable


@pytest.mark.parametrize(("mode", "shown"), [(Mode.SOLO, 6), (Mode.EVERYONE, 4), (Mode.BUZZ, 4)])
def test_party_modes_show_at_most_four_choices(mode: Mode, shown: int) -> None:
    pack = make_pack([choice(f"q{i}", "k", wrong=5) for i in range(20)])
    players = ("N",) if mode is Mode.SOLO else ("A", "B")
    config = GameConfig(mode=mode, players=players, packs=(pack,), rounds=1, per_round=20)
    for planned in plan(config, random.Random(8))[0].questions:
        assert len(planned.choices) == shown
        assert planned.choices[planned.correct_index or 0] == planned.question.answer
        assert set(planned.choices) <= {planned.question.answer, *planned.question.wrong}


def test_shown_wrong_choices_and_positions_depend_on_the_seed() -> None:
    pack = make_pack([choice(f"q{i}", "k", wrong=5) for i in range(20)])
    config = GameConfig(mode=Mode.EVERYONE, players=("A", "B"), packs=(pack,), rounds=1)
    a = plan(config, random.Random(1))
    b = plan(config, random.Random(2))
    assert a == plan(config, random.Random(1))
    assert a != b
    assert len({p.correct_index for p in plan(config, random.Random(1))[0].questions}) > 1


def test_order_items_are_never_shown_already_in_order() -> None:
    pack = make_pack([order(f"o{i}", "k", items=2) for i in range(30)])
    config = GameConfig(mode=Mode.SOLO, players=("N",), packs=(pack,), rounds=1, per_round=30)
    for planned in plan(config, random.Random(0))[0].questions:
        assert planned.choices == tuple(reversed(planned.question.items))
        assert planned.correct_order == (1, 0)


@pytest.mark.parametrize(
    ("players", "per_round", "sizes"),
    [(2, 5, [6, 6]), (3, 5, [6, 6]), (4, 5, [8, 4]), (8, 5, [8]), (5, 1, [5, 5])],
)
def test_turns_rounds_are_whole_laps(players: int, per_round: int, sizes: list[int]) -> None:
    pack = make_pack([choice(f"q{i}", "k") for i in range(12)])
    names = tuple(f"P{i}" for i in range(players))
    config = GameConfig(
        mode=Mode.TURNS, players=names, packs=(pack,), rounds=2, per_round=per_round
    )
    assert [len(r.questions) for r in plan(config, random.Random(0))] == sizes


def test_no_seed_picks_one_that_replays() -> None:
    pack = three_categories()
    first = Game(solo(pack, seed=None))
    assert isinstance(first.seed, int)
    again = Game(solo(pack, seed=first.seed))
    assert first.rounds == again.rounds
    assert first.poll_events() == again.poll_events() == ()
    first.advance()
    again.advance()
    assert first.current == again.current


def test_fewer_rounds_than_categories_pick_some_in_pack_order_and_vary_by_seed() -> None:
    names = [(f"c{i}", f"Category {i}") for i in range(6)]
    pack = make_pack([choice(f"{cid}-{i}", cid) for cid, _ in names for i in range(5)],
                     categories=names)
    seen: set[str] = set()
    for seed in range(30):
        rounds = plan(solo(pack, rounds=4, per_round=5), random.Random(seed))
        labels = [r.category for r in rounds]
        assert len(labels) == 4 and len(set(labels)) == 4
        assert labels == sorted(labels, key=lambda label: int(label.split()[-1]))
        seen.update(labels)
    assert seen == {name for _, name in names}
