"""The table of scenes that show each phase of a game: one for solo, one for a party."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.engine import GameEnded, Phase, Revealed, RoundEnded
    from quiz.ui.scene import Scene
    from quiz.ui.session import Session


@dataclass(frozen=True)
class PhaseScenes:
    question_phases: tuple[Phase, ...]
    intro: Callable[[Session], Scene]
    choice: Callable[[Session], Scene]  # multiple choice and true/false
    text: Callable[[Session], Scene]
    order: Callable[[Session], Scene]
    reveal: Callable[[Session, Revealed | None], Scene]
    standings: Callable[[Session, RoundEnded | None], Scene]
    end: Callable[[Session, GameEnded | None], Scene]
