"""The game's rules as a pure core: no pygame, time from an injected clock, seeded randomness.

See docs/engine.md for how a front end drives a `Game`.
"""

from __future__ import annotations

from quiz.engine.clock import Clock, FakeClock
from quiz.engine.config import GameConfig, Mode
from quiz.engine.events import (
    AnswerLocked,
    Buzzed,
    BuzzMissed,
    Event,
    FiftyFiftyUsed,
    GameEnded,
    QuestionStarted,
    Revealed,
    RevealReason,
    RoundEnded,
    RoundStarted,
)
from quiz.engine.game import Game, Phase
from quiz.engine.matching import matches, normalise
from quiz.engine.planner import MIXED_CATEGORY
from quiz.engine.views import (
    AnswerValue,
    PlayerResult,
    PlayerStats,
    PlayerView,
    QuestionView,
    RoundInfo,
    Standing,
)

__all__ = [
    "MIXED_CATEGORY",
    "AnswerLocked",
    "AnswerValue",
    "BuzzMissed",
    "Buzzed",
    "Clock",
    "Event",
    "FakeClock",
    "FiftyFiftyUsed",
    "Game",
    "GameConfig",
    "GameEnded",
    "Mode",
    "Phase",
    "PlayerResult",
    "PlayerStats",
    "PlayerView",
    "QuestionStarted",
    "QuestionView",
    "RevealReason",
    "Revealed",
    "RoundEnded",
    "RoundInfo",
    "RoundStarted",
    "Standing",
    "matches",
    "normalise",
]
