"""One fact, one question per game: never two of a fact, rounds still full, in every mode."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace

import pytest
from engine_helpers import choice, make_pack, order, text, truefalse
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.engine import MIXED_CATEGORY, GameConfig, Mode
from quiz.engine.planner import PlannedRound, eligible, plan
from quiz.packs.loader import load_pack
from quiz.packs.model import Difficulty, Pack, Question
from quiz.paths import builtin_packs_dir

PLAYERS = {
    Mode.SOLO: ("Neil",),
    Mode.EVERYONE: ("Neil", "Chris", "Vincent"),
    Mode.BUZZ: ("Neil", "Chris"),
    Mode.TURNS: ("Neil", "Chris", "Vincent"),
}
GAMES = 1000


def heat_pack() -> Pack:
    result = load_pack(builtin_packs_dir() / "heat-1995.yaml", builtin=True)
    assert result.pack is not None, [str(d) for d in result.diagnostics]
    return result.pack


def with_facts(*pairs: tuple[Question, str | None]) -> list[Question]:
    return [replace(q, fact=fact) for q, fact in pairs]


def shared_facts_pack() -> Pack:
    """Four categories where most facts are asked two to four ways, some across categories."""
    questions: list[Question] = []
    makers = (choice, truefalse, text, order)
    for c, category in enumerate(("heist", "cast", "music", "legacy")):
        for i in range(16):
            maker = makers[i % 4]
            difficulty = list(Difficulty)[i % 3]
            fact = f"{category}-fact-{i // 3}"  # three questions per fact
            if i % 7 == 6:
                fact = f"shared-{i // 7}"  # one fact asked in every category
            questions.append(replace(maker(f"{category}-{i}", category, difficulty), fact=fact))
    categories = [(c, c.title()) for c in ("heist", "cast", "music", "legacy")]
    return make_pack(questions, categories=categories)


def facts_of(rounds: tuple[PlannedRound, ...], pack: Pack) -> list[str]:
    by_key = {f"{pack.id}/{q.id}": q.fact_id for q in pack.questions}
    return [by_key[p.key] for r in rounds for p in r.questions]


def config(mode: Mode, pack: Pack, **options: object) -> GameConfig:
    return GameConfig(mode=mode, players=PLAYERS[mode], packs=(pack,), **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("mode", list(Mode), ids=lambda m: m.value)
@pytest.mark.parametrize("pack_maker", [heat_pack, shared_facts_pack], ids=["heat", "shared"])
def test_no_fact_is_dealt_twice_in_a_thousand_games(mode: Mode, pack_maker) -> None:  # type: ignore[no-untyped-def]
    pack = pack_maker()
    game = config(mode, pack)
    lap = len(PLAYERS[mode]) if mode is Mode.TURNS else 1
    need = -(-game.per_round // lap) * lap
    short = 0
    for seed in range(GAMES):
        rounds = plan(game, random.Random(seed))
        facts = facts_of(rounds, pack)
        repeated = [fact for fact, count in Counter(facts).items() if count > 1]
        assert not repeated, f"seed {seed} deals {repeated} twice"
        short += sum(len(r.questions) < need for r in rounds) + game.rounds - len(rounds)
    # Both packs hold enough facts per category for a default game: every round full.
    assert short == 0


def test_rounds_stay_full_when_facts_must_move_between_rounds() -> None:
    # The cast round may greedily take the two facts the heist round cannot do without.
    cast = [choice(f"c{i}", "cast") for i in range(5)]
    heist = [choice(f"h{i}", "heist") for i in range(3)]
    pack = make_pack(
        with_facts(
            (cast[0], "vault"), (cast[1], "getaway"), (cast[2], None), (cast[3], None),
            (cast[4], None), (heist[0], "vault"), (heist[1], "getaway"), (heist[2], None),
        ),
        categories=(("cast", "The Cast"), ("heist", "The Heists")),
    )
    for seed in range(200):
        rounds = plan(config(Mode.SOLO, pack, rounds=2, per_round=3), random.Random(seed))
        assert [r.category for r in rounds] == ["The Cast", "The Heists"]
        assert [len(r.questions) for r in rounds] == [3, 3]
        assert {p.question.category for p in rounds[1].questions} == {"heist"}
        assert len(set(facts_of(rounds, pack))) == 6


def test_a_category_of_one_fact_fills_up_from_the_others() -> None:
    heist = [replace(choice(f"h{i}", "heist"), fact="vault") for i in range(4)]
    cast = [choice(f"c{i}", "cast") for i in range(8)]
    pack = make_pack(heist + cast, categories=(("heist", "The Heists"), ("cast", "The Cast")))
    rounds = plan(config(Mode.SOLO, pack, rounds=2, per_round=4), random.Random(1))
    assert rounds[0].category == MIXED_CATEGORY
    assert [p.question.category for p in rounds[0].questions].count("heist") == 1
    assert [len(r.questions) for r in rounds] == [4, 4]


def test_turns_deal_whole_laps_of_distinct_facts() -> None:
    # Five facts for three players: one lap of three, the two left over are not dealt.
    questions = [replace(choice(f"q{i}", "heist"), fact=f"f{i % 5}") for i in range(10)]
    pack = make_pack(questions)
    rounds = plan(config(Mode.TURNS, pack, rounds=2, per_round=3), random.Random(4))
    assert [len(r.questions) for r in rounds] == [3]


def test_too_few_facts_for_one_lap_is_explained() -> None:
    pack = make_pack([replace(choice(f"q{i}", "heist"), fact="vault") for i in range(4)])
    with pytest.raises(ValueError, match="one question per player"):
        plan(config(Mode.TURNS, pack), random.Random(0))


def test_several_packs_keep_their_facts_apart() -> None:
    # The same fact id in two packs names two different facts.
    one = make_pack([replace(choice(f"a{i}", "x"), fact="same") for i in range(3)], "one")
    two = make_pack([replace(choice(f"b{i}", "x"), fact="same") for i in range(3)], "two")
    game = GameConfig(mode=Mode.SOLO, players=("Neil",), packs=(one, two), rounds=1, per_round=5)
    rounds = plan(game, random.Random(2))
    assert sorted(p.key.split("/")[0] for p in rounds[0].questions) == ["one", "two"]


@st.composite
def fact_packs(draw: st.DrawFn) -> Pack:
    count = draw(st.integers(1, 24))
    facts = draw(st.integers(1, 12))
    questions = [
        replace(
            draw(st.sampled_from((choice, truefalse, text, order)))(
                f"q{i}", draw(st.sampled_from(("heist", "cast", "music")))
            ),
            fact=draw(st.none() | st.integers(0, facts).map(lambda n: f"f{n}")),
        )
        for i in range(count)
    ]
    categories = (("heist", "Heist"), ("cast", "Cast"), ("music", "Music"))
    return make_pack(questions, categories=categories)


@settings(max_examples=300, deadline=None)
@given(
    pack=fact_packs(),
    mode=st.sampled_from(list(Mode)),
    rounds=st.integers(1, 5),
    per_round=st.integers(1, 6),
    seed=st.integers(0, 2**32 - 1),
)
def test_any_pack_deals_each_fact_once_and_short_rounds_only_when_facts_run_out(
    pack: Pack, mode: Mode, rounds: int, per_round: int, seed: int
) -> None:
    game = config(mode, pack, rounds=rounds, per_round=per_round)
    pool_facts = {e.fact for e in eligible(game)}
    lap = len(PLAYERS[mode]) if mode is Mode.TURNS else 1
    if len(pool_facts) < lap:
        with pytest.raises(ValueError):
            plan(game, random.Random(seed))
        return
    dealt = plan(game, random.Random(seed))
    facts = facts_of(dealt, pack)
    assert len(facts) == len(set(facts))
    need = -(-per_round // lap) * lap
    for planned in dealt:
        assert len(planned.questions) % lap == 0
        if planned.category != MIXED_CATEGORY:
            names = {pack.category_name(p.question.category) for p in planned.questions}
            assert names == {planned.category}
    if any(len(r.questions) < need for r in dealt) or len(dealt) < rounds:
        # A round came up short: only because fewer than a lap of facts were left undealt.
        assert len(pool_facts) - len(facts) < lap


