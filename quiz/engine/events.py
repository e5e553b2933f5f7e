"""Events the engine reports for a front end to animate, drained with `Game.poll_events()`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from quiz.engine.views import (
    AnswerValue,
    PlayerResult,
    PlayerStats,
    QuestionView,
    RoundInfo,
    Standing,
)


class RevealReason(str, Enum):
    ALL_ANSWERED = "all_answered"
    TIME_UP = "time_up"
    BUZZ_RIGHT = "buzz_right"
    ALL_LOCKED_OUT = "all_locked_out"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class Event:
    """Base of every engine event."""


@dataclass(frozen=True)
class RoundStarted(Event):
    round: RoundInfo


@dataclass(frozen=True)
class QuestionStarted(Event):
    question: QuestionView


@dataclass(frozen=True)
class AnswerLocked(Event):
    """Who locked in; never what, so secret answers stay secret until the reveal."""

    player: int


@dataclass(frozen=True)
class FiftyFiftyUsed(Event):
    player: int
    removed: tuple[int, ...]


@dataclass(frozen=True)
class Buzzed(Event):
    player: int
    time: float


@dataclass(frozen=True)
class BuzzMissed(Event):
    """A buzzer answered wrong (or let the window expire) and is locked out of this question."""

    player: int
    answer: AnswerValue | None
    points: int
    score: int


@dataclass(frozen=True)
class Revealed(Event):
    question: QuestionView
    reason: RevealReason
    results: tuple[PlayerResult, ...]


@dataclass(frozen=True)
class RoundEnded(Event):
    round: RoundInfo
    standings: tuple[Standing, ...]
    round_points: tuple[int, ...]


@dataclass(frozen=True)
class GameEnded(Event):
    standings: tuple[Standing, ...]
    stats: tuple[PlayerStats, ...]
