"""Deterministic choice of the questions of a game, round by round, from its packs.

Three rules shape a deal, in this order of strength: a game never holds two questions
of one fact (`Question.fact_id`); a round is full whenever the pool allows it; and
questions the player has not met in recent games (`GameConfig.history`) come first.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final

from quiz.engine.config import GameConfig, Mode
from quiz.engine.presentation import Prepared, playable, prepare
from quiz.packs.model import Difficulty, Pack, Question

MIXED_CATEGORY: Final = "Mixed"
_DIFFICULTY_RANK: Final = {Difficulty.EASY: 0, Difficulty.MEDIUM: 1, Difficulty.HARD: 2}
# Freshness tiers, best first: never met; its fact met through another question; met itself.
_FRESH, _FACT_SEEN, _SEEN = 0, 1, 2


@dataclass(frozen=True)
class PlannedRound:
    category: str
    questions: tuple[Prepared, ...]


@dataclass(frozen=True, eq=False)
class _Entry:
    pack: Pack
    question: Question
    key: str = field(init=False)
    fact: str = field(init=False)

    def __post_init__(self) -> None:
        # Computed once: the planner compares these many times per deal.
        object.__setattr__(self, "key", f"{self.pack.id}/{self.question.id}")
        object.__setattr__(self, "fact", f"{self.pack.id}/{self.question.fact_id}")


def eligible(config: GameConfig) -> list[_Entry]:
    """Every question this game may use, in pack order, without duplicates."""
    allowed = config.difficulties
    seen: set[str] = set()
    pool: list[_Entry] = []
    for pack in config.packs:
        for question in pack.questions:
            key = f"{pack.id}/{question.id}"
            if key in seen or not playable(question, config):
                continue
            if allowed is not None and question.difficulty not in allowed:
                continue
            seen.add(key)
            pool.append(_Entry(pack, question))
    return pool


def plan(config: GameConfig, rng: random.Random) -> tuple[PlannedRound, ...]:
    """The rounds of a game; raises ValueError when not even one question can be played."""
    pool = eligible(config)
    rank = _freshness(pool, config.history)
    turns = config.mode is Mode.TURNS
    # In turns a round is dealt in whole laps, so everyone gets the same number of questions.
    step = len(config.players) if turns else 1
    need = -(-config.per_round // step) * step
    if len(config.packs) == 1:
        drafted = _by_category(config.packs[0], pool, config.rounds, need, step, rng, rank)
    else:
        drafted = _mixed(pool, config.rounds, need, step, rng, rank)
    rounds: list[PlannedRound] = []
    for label, entries in drafted:
        if not entries:
            continue
        entries = _arrange(entries, step if turns else 0, rng)
        prepared = tuple(
            prepare(
                e.key,
                e.question,
                e.pack.category_name(e.question.category),
                config.mode,
                rng,
            )
            for e in entries
        )
        rounds.append(PlannedRound(label, prepared))
    if not rounds:
        raise ValueError(_nothing_to_play(config, len({e.fact for e in pool})))
    return tuple(rounds)


def _freshness(
    pool: list[_Entry], history: Sequence[Sequence[str]]
) -> dict[str, tuple[int, int]]:
    """A sort key per question key: fresh first, then the least recently met.

    `history` lists recent games oldest first; a game's index is its age order, so
    among questions already met the one met longest ago comes first.
    """
    last_met: dict[str, int] = {}
    for index, game in enumerate(history):
        for key in game:
            last_met[key] = index
    if not last_met:
        return {}
    fact_met: dict[str, int] = {}
    for entry in pool:
        when = last_met.get(entry.key)
        if when is not None and fact_met.get(entry.fact, -1) < when:
            fact_met[entry.fact] = when
    rank: dict[str, tuple[int, int]] = {}
    for entry in pool:
        if entry.key in last_met:
            rank[entry.key] = (_SEEN, last_met[entry.key])
        elif entry.fact in fact_met:
            rank[entry.key] = (_FACT_SEEN, fact_met[entry.fact])
        else:
            rank[entry.key] = (_FRESH, 0)
    return rank


def _deck(entries: Iterable[_Entry], rng: random.Random,
          rank: dict[str, tuple[int, int]]) -> list[_Entry]:
    """Seeded shuffle, then fresh first (a stable sort keeps the shuffle among equals)."""
    deck = list(entries)
    rng.shuffle(deck)
    if rank:
        deck.sort(key=lambda e: rank[e.key])
    return deck


def _fresh_facts(bucket: list[_Entry], rank: dict[str, tuple[int, int]]) -> int:
    """How many facts of the bucket have a question never met (all of them without history)."""
    if not rank:
        return len({e.fact for e in bucket})
    return len({e.fact for e in bucket if rank[e.key][0] == _FRESH})


class _Draft:
    """The rounds being dealt, and which round holds each fact (at most one question per fact)."""

    def __init__(self, rounds: int) -> None:
        self.taken: list[list[_Entry]] = [[] for _ in range(rounds)]
        self.holder: dict[str, tuple[int, _Entry]] = {}

    def add(self, index: int, entry: _Entry) -> None:
        self.taken[index].append(entry)
        self.holder[entry.fact] = (index, entry)

    def drop(self, index: int, entry: _Entry) -> None:
        self.taken[index].remove(entry)
        del self.holder[entry.fact]

    def fill(self, index: int, candidates: Iterable[_Entry], size: int) -> None:
        """Take candidates in order, skipping facts already dealt, until the round has `size`."""
        taken = self.taken[index]
        for entry in candidates:
            if len(taken) >= size:
                return
            if entry.fact not in self.holder:
                self.add(index, entry)

    def release(self, index: int, keep: int) -> None:
        """Give back the round's questions after the first `keep`."""
        for entry in self.taken[index][keep:]:
            del self.holder[entry.fact]
        del self.taken[index][keep:]

    def augment(self, start: int, pools: dict[int, list[_Entry]]) -> bool:
        """One more question for round `start`, moving facts between rounds when needed.

        A breadth-first search for an augmenting path: `start` takes a question whose
        fact round B holds, B takes another of its pool whose fact C holds..., until a
        round can take a fact nobody holds. Only rounds in `pools` take part.
        """
        came_from: dict[int, tuple[int, _Entry] | None] = {start: None}
        queue = [start]
        for index in queue:
            for entry in pools[index]:
                held = self.holder.get(entry.fact)
                if held is None:
                    self._shift(index, entry, came_from)
                    return True
                other = held[0]
                if other not in came_from:
                    came_from[other] = (index, entry)
                    queue.append(other)
        return False

    def _shift(self, index: int, entry: _Entry,
               came_from: dict[int, tuple[int, _Entry] | None]) -> None:
        self.add(index, entry)
        step = came_from[index]
        while step is not None:
            taker, wanted = step
            self.drop(index, self.holder[wanted.fact][1])
            self.add(taker, wanted)
            index, step = taker, came_from[taker]


def _by_category(
    pack: Pack,
    entries: list[_Entry],
    rounds: int,
    need: int,
    step: int,
    rng: random.Random,
    rank: dict[str, tuple[int, int]],
) -> list[tuple[str, list[_Entry]]]:
    grouped: dict[str, list[_Entry]] = {category: [] for category in pack.category_order()}
    for entry in entries:
        grouped.setdefault(entry.question.category, []).append(entry)
    available = {category: _deck(bucket, rng, rank) for category, bucket in grouped.items()}
    facts = {category: len({e.fact for e in bucket}) for category, bucket in available.items()}
    # Categories with nothing playable in this mode do not get a round of their own.
    every = [c for c, bucket in available.items() if bucket]
    if not every:
        return []
    order = every
    if rounds < len(order) and all(facts[c] >= need for c in order):
        # Fewer rounds than full categories: a seeded choice of them, still in the pack's
        # order, so later categories get played too and a rematch is not the same game.
        # Categories that can still fill a round with fresh questions go first.
        fresh = {c: _fresh_facts(available[c], rank) for c in order}
        shuffled = rng.sample(range(len(order)), len(order))
        shuffled.sort(key=lambda i: -min(fresh[order[i]], need))
        order = [order[i] for i in sorted(shuffled[:rounds])]
    wanted = [order[index % len(order)] for index in range(rounds)]
    draft = _Draft(rounds)
    pools: dict[int, list[_Entry]] = {}
    # First pass: rounds whose category can fill them alone, moving shared facts between
    # these rounds when a greedy deal would leave one short.
    for index, category in enumerate(wanted):
        if facts[category] < need:
            continue
        pools[index] = available[category]
        draft.fill(index, available[category], need)
        while len(draft.taken[index]) < need and draft.augment(index, pools):
            pass
        if len(draft.taken[index]) < need:
            del pools[index]
            draft.release(index, 0)
    # Second pass: the others take what their category has left, then mix in the rest.
    result: list[tuple[str, list[_Entry]]] = []
    for index, category in enumerate(wanted):
        if index not in pools:
            rest = _deck((e for c in every if c != category for e in available[c]), rng, rank)
            draft.fill(index, available[category] + rest, need)
            draft.release(index, len(draft.taken[index]) // step * step)
    for index, category in enumerate(wanted):
        taken = draft.taken[index]
        if index in pools:
            label = pack.category_name(category)
        elif len({e.question.category for e in taken}) == 1:
            label = pack.category_name(taken[0].question.category)
        else:
            label = MIXED_CATEGORY
        result.append((label, taken))
    return result


def _mixed(
    entries: list[_Entry],
    rounds: int,
    need: int,
    step: int,
    rng: random.Random,
    rank: dict[str, tuple[int, int]],
) -> list[tuple[str, list[_Entry]]]:
    deck = _deck(entries, rng, rank)
    draft = _Draft(rounds)
    for index in range(rounds):
        # Any question fits any round here, so dealing in order is as full as can be.
        draft.fill(index, deck, need)
        draft.release(index, len(draft.taken[index]) // step * step)
    return [(MIXED_CATEGORY, taken) for taken in draft.taken]


def _arrange(entries: list[_Entry], lap: int, rng: random.Random) -> list[_Entry]:
    """Easy to hard; in turns, shuffle within each lap so no seat always gets the easier one."""
    ordered = sorted(entries, key=lambda e: _DIFFICULTY_RANK[e.question.difficulty])
    if lap <= 1:
        return ordered
    result: list[_Entry] = []
    for start in range(0, len(ordered), lap):
        chunk = ordered[start : start + lap]
        rng.shuffle(chunk)
        result.extend(chunk)
    return result


def _nothing_to_play(config: GameConfig, playable: int) -> str:
    if playable:
        # Only turns can come up short with questions left: a lap needs one per player.
        return (
            f"No questions to play: {config.mode.label} needs at least one question per "
            f"player ({len(config.players)}), and only {playable} can be played."
        )
    allowed = config.difficulties
    level = ""
    if allowed is not None:
        level = " or ".join(d.value for d in Difficulty if d in allowed) + " "
    kinds = ", ".join(t.value for t in config.types)
    packs = "pack has" if len(config.packs) == 1 else "packs have"
    return (
        f"No questions to play: the chosen {packs} no {level}questions that "
        f"{config.mode.label} can play ({kinds})."
    )
