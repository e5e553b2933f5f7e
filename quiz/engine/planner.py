"""Deterministic choice of the questions of a game, round by round, from its packs."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Final

from quiz.engine.config import GameConfig, Mode
from quiz.engine.presentation import Prepared, playable, prepare
from quiz.packs.model import Difficulty, Pack, Question

MIXED_CATEGORY: Final = "Mixed"
_DIFFICULTY_RANK: Final = {Difficulty.EASY: 0, Difficulty.MEDIUM: 1, Difficulty.HARD: 2}


@dataclass(frozen=True)
class PlannedRound:
    category: str
    questions: tuple[Prepared, ...]


@dataclass(frozen=True, eq=False)
class _Entry:
    pack: Pack
    question: Question

    @property
    def key(self) -> str:
        return f"{self.pack.id}/{self.question.id}"


def eligible(config: GameConfig) -> list[_Entry]:
    """Every question this game may use, in pack order, without duplicates."""
    allowed = config.difficulties
    seen: set[str] = set()
    pool: list[_Entry] = []
    for pack in config.packs:
        for question in pack.questions:
            key = f"{pack.id}/{question.id}"
            if key in seen or not playable(question, config.mode):
                continue
            if allowed is not None and question.difficulty not in allowed:
                continue
            seen.add(key)
            pool.append(_Entry(pack, question))
    return pool


def plan(config: GameConfig, rng: random.Random) -> tuple[PlannedRound, ...]:
    """The rounds of a game; raises ValueError when not even one question can be played."""
    pool = eligible(config)
    turns = config.mode is Mode.TURNS
    # In turns a round is dealt in whole laps, so everyone gets the same number of questions.
    step = len(config.players) if turns else 1
    need = -(-config.per_round // step) * step
    if len(config.packs) == 1:
        drafted = _by_category(config.packs[0], pool, config.rounds, need, step, rng)
    else:
        drafted = _mixed(pool, config.rounds, need, step, rng)
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
        raise ValueError(_nothing_to_play(config, len(pool)))
    return tuple(rounds)


def _by_category(
    pack: Pack, entries: list[_Entry], rounds: int, need: int, step: int, rng: random.Random
) -> list[tuple[str, list[_Entry]]]:
    available: dict[str, list[_Entry]] = {}
    for category in pack.category_order():
        available[category] = []
    for entry in entries:
        available.setdefault(entry.question.category, []).append(entry)
    for bucket in available.values():
        rng.shuffle(bucket)
    # Categories with nothing playable in this mode do not get a round of their own.
    order = [c for c, bucket in available.items() if bucket]
    if not order:
        return []
    if rounds < len(order) and all(len(available[c]) >= need for c in order):
        # Fewer rounds than full categories: a seeded choice of them, still in the pack's
        # order, so later categories get played too and a rematch is not the same game.
        picked = sorted(rng.sample(range(len(order)), rounds))
        order = [order[i] for i in picked]
    drafted: list[tuple[str, list[_Entry]] | None] = []
    wanted: list[str] = []
    # First pass: rounds whose category can fill them alone.
    for index in range(rounds):
        category = order[index % len(order)]
        wanted.append(category)
        bucket = available[category]
        if len(bucket) >= need:
            drafted.append((pack.category_name(category), bucket[:need]))
            del bucket[:need]
        else:
            drafted.append(None)
    # Second pass: the others take what their category has left, then mix in the rest.
    result: list[tuple[str, list[_Entry]]] = []
    for index, done in enumerate(drafted):
        if done is not None:
            result.append(done)
            continue
        own = available[wanted[index]]
        rest = [e for c in order if c != wanted[index] for e in available[c]]
        rng.shuffle(rest)
        candidates = own + rest
        size = min(need, len(candidates)) // step * step
        taken = candidates[:size]
        taken_ids = {id(e) for e in taken}
        for bucket in available.values():
            bucket[:] = [e for e in bucket if id(e) not in taken_ids]
        categories = {e.question.category for e in taken}
        single = len(categories) == 1
        label = pack.category_name(taken[0].question.category) if single else MIXED_CATEGORY
        result.append((label, taken))
    return result


def _mixed(
    entries: list[_Entry], rounds: int, need: int, step: int, rng: random.Random
) -> list[tuple[str, list[_Entry]]]:
    pool = list(entries)
    rng.shuffle(pool)
    result: list[tuple[str, list[_Entry]]] = []
    for _ in range(rounds):
        size = min(need, len(pool)) // step * step
        result.append((MIXED_CATEGORY, pool[:size]))
        del pool[:size]
    return result


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
    kinds = ", ".join(t.value for t in config.mode.types)
    packs = "pack has" if len(config.packs) == 1 else "packs have"
    return (
        f"No questions to play: the chosen {packs} no {level}questions that "
        f"{config.mode.label} can play ({kinds})."
    )
