"""Read-only snapshots of game state that a front end draws from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

from quiz.packs.model import Difficulty, QuestionType

AnswerValue: TypeAlias = "int | bool | str | tuple[int, ...]"
"""choice: index; truefalse: bool (or index); text: str; order: indices in the chosen order."""


@dataclass(frozen=True)
class RoundInfo:
    number: int  # 1-based
    count: int
    category: str  # display name, or MIXED_CATEGORY
    final: bool
    size: int


@dataclass(frozen=True)
class QuestionView:
    """The current question as players may see it; answer fields stay None until the reveal."""

    key: str
    type: QuestionType
    prompt: str
    choices: tuple[str, ...]
    difficulty: Difficulty
    category: str
    image: Path | None
    time_limit: float | None
    round_number: int
    round_count: int
    number_in_round: int
    round_size: int
    number: int
    total: int
    final: bool
    turn_player: int | None = None
    buzzed_player: int | None = None
    locked_out: frozenset[int] = frozenset()
    removed: frozenset[int] = frozenset()
    answered: frozenset[int] = frozenset()
    revealed: bool = False
    correct_index: int | None = None
    correct_order: tuple[int, ...] | None = None
    answer_text: str | None = None
    explain: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class PlayerView:
    slot: int
    name: str
    score: int
    streak: int


@dataclass(frozen=True)
class PlayerResult:
    """How one player fared on one question."""

    player: int
    answer: AnswerValue | None
    answered: bool
    correct: bool
    share: float
    time: float | None
    points: int
    streak: int
    score: int


@dataclass(frozen=True)
class Standing:
    rank: int
    slot: int
    name: str
    score: int
    total_time: float


@dataclass(frozen=True)
class PlayerStats:
    slot: int
    name: str
    score: int
    questions: int
    answered: int
    correct: int
    accuracy: float
    mean_time: float | None
    longest_streak: int
    fastest_right: float | None
    round_points: tuple[int, ...]
