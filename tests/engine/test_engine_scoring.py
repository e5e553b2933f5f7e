"""The scoring rules, table by table."""

from __future__ import annotations

import pytest

from quiz.engine.scoring import (
    BASE_POINTS,
    award,
    buzz_penalty,
    order_share,
    round_half_up,
    speed_points,
    streak_bonus,
)
from quiz.packs.model import Difficulty

EASY, MEDIUM, HARD = Difficulty.EASY, Difficulty.MEDIUM, Difficulty.HARD


def test_base_points_by_difficulty() -> None:
    assert BASE_POINTS == {EASY: 500, MEDIUM: 750, HARD: 1000}


@pytest.mark.parametrize(
    ("difficulty", "t", "limit", "points"),
    [
        (EASY, 0, 20, 500),  # instant: the whole base
        (EASY, 20, 20, 250),  # at the limit: half
        (EASY, 10, 20, 375),
        (MEDIUM, 10, 20, 563),  # 562.5 rounds half up, not to even
        (MEDIUM, 5, 20, 656),  # 656.25
        (HARD, 2, 20, 950),
        (HARD, 30, 20, 500),  # clamped to the limit
        (HARD, -1, 20, 1000),  # clamped to zero
        (HARD, 12.5, None, 1000),  # no clock: full base
        (EASY, 7, 30, 442),  # 441.67
    ],
)
def test_speed_scaling(difficulty: Difficulty, t: float, limit: float | None, points: int) -> None:
    assert round_half_up(speed_points(difficulty, t, limit)) == points


@pytest.mark.parametrize(
    ("streak", "bonus"),
    [(0, 0), (1, 0), (2, 100), (3, 200), (4, 300), (5, 400), (6, 500), (7, 500), (40, 500)],
)
def test_streak_bonus(streak: int, bonus: int) -> None:
    assert streak_bonus(streak) == bonus


@pytest.mark.parametrize(
    ("difficulty", "t", "share", "streak_before", "final", "points", "streak_after"),
    [
        (EASY, 0, 1.0, 0, False, 500, 1),
        (EASY, 0, 1.0, 1, False, 600, 2),
        (EASY, 10, 1.0, 1, False, 475, 2),
        (MEDIUM, 0, 1.0, 9, False, 1250, 10),  # bonus capped at 500
        (HARD, 0, 1.0, 0, True, 2000, 1),  # final doubles
        (HARD, 2, 1.0, 2, True, 2300, 3),  # (950 + 200) * 2
        (MEDIUM, 0, 0.0, 4, False, 0, 0),  # wrong: nothing, streak broken
        (MEDIUM, 0, 0.5, 4, False, 375, 0),  # half an order: half the points, no bonus
        (HARD, 5, 0.5, 3, True, 876, 0),  # round(875 * 0.5) = 438, doubled
        (EASY, 0, 0.25, 0, False, 125, 0),
    ],
)
def test_award(
    difficulty: Difficulty,
    t: float,
    share: float,
    streak_before: int,
    final: bool,
    points: int,
    streak_after: int,
) -> None:
    got = award(difficulty, t, 20, share, streak_before, final)
    assert (got.points, got.streak) == (points, streak_after)


@pytest.mark.parametrize(
    ("difficulty", "final", "points"),
    [(EASY, False, -250), (MEDIUM, False, -375), (HARD, False, -500), (HARD, True, -1000)],
)
def test_buzz_penalty(difficulty: Difficulty, final: bool, points: int) -> None:
    assert buzz_penalty(difficulty, final) == points


@pytest.mark.parametrize(
    ("chosen", "share"),
    [("abcd", 1.0), ("bacd", 0.5), ("dcba", 0.0), ("abdc", 0.5), ("bcda", 0.0), ("acbd", 0.5)],
)
def test_order_share(chosen: str, share: float) -> None:
    assert order_share(list(chosen), list("abcd")) == share
