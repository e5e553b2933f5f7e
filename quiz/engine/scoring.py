"""The scoring rules: one table of constants and a few pure functions.

| rule | value |
|---|---|
| base by difficulty | easy 500, medium 750, hard 1000 |
| speed | base * (1 - t / limit / 2), rounded half up; full base with no clock |
| streak bonus | answer n of a streak (n >= 2) adds min(100 * (n - 1), 500) |
| order | speed points * share of items in the right place; only a full order is right |
| final round | the whole award, bonus included, doubles; so does a buzz penalty |
| buzz wrong answer | minus half the base |
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from quiz.packs.model import Difficulty

BASE_POINTS: Final[dict[Difficulty, int]] = {
    Difficulty.EASY: 500,
    Difficulty.MEDIUM: 750,
    Difficulty.HARD: 1000,
}
STREAK_STEP: Final = 100
STREAK_CAP: Final = 500
FINAL_MULTIPLIER: Final = 2
SLOWEST_SHARE: Final = 0.5  # an answer at the last instant still earns half the base


def round_half_up(value: float) -> int:
    # Python's round() goes to even (562.5 -> 562); players expect 563.
    return math.floor(value + 0.5)


def clamp_time(t: float, limit: float | None) -> float:
    t = max(0.0, t)
    return t if limit is None else min(t, limit)


def speed_points(difficulty: Difficulty, t: float, limit: float | None) -> float:
    """Unrounded speed-scaled base: all of it at t=0, half of it at the limit."""
    base = BASE_POINTS[difficulty]
    if limit is None:
        return float(base)
    return base * (1 - clamp_time(t, limit) / limit * (1 - SLOWEST_SHARE))


def streak_bonus(streak: int) -> int:
    """Bonus for the answer that brings a streak to `streak` right answers in a row."""
    if streak < 2:
        return 0
    return min(STREAK_STEP * (streak - 1), STREAK_CAP)


def multiplier(final: bool) -> int:
    return FINAL_MULTIPLIER if final else 1


@dataclass(frozen=True)
class Award:
    """Points for one answer and the streak it leaves."""

    points: int
    streak: int


def award(
    difficulty: Difficulty,
    t: float,
    limit: float | None,
    share: float,
    streak_before: int,
    final: bool,
) -> Award:
    """Points for an answer with the given share right (1.0 right, 0.0 wrong, between for order)."""
    if share <= 0:
        return Award(0, 0)
    speed = speed_points(difficulty, t, limit)
    if share < 1:
        # A partly right order earns its share but is not a right answer.
        return Award(round_half_up(speed * share) * multiplier(final), 0)
    streak = streak_before + 1
    return Award((round_half_up(speed) + streak_bonus(streak)) * multiplier(final), streak)


def buzz_penalty(difficulty: Difficulty, final: bool) -> int:
    """The (negative) points a wrong buzz answer costs."""
    return -(BASE_POINTS[difficulty] // 2) * multiplier(final)


def order_share(chosen: Sequence[str], correct: Sequence[str]) -> float:
    """Fraction of items the player put in their right place."""
    if not correct:
        return 0.0
    right = sum(1 for mine, theirs in zip(chosen, correct) if mine == theirs)
    return right / len(correct)
