"""What a screen marked as right, wrong or picked, kept for tests: off in normal play.

A reveal says who answered what with ticks, crosses and "Your pick" tags; those are
drawn, not text, so a test cannot read them back from the picture. When a test turns
the log on, each drawing records its mark here, and the test compares them with the
engine's record of the answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class MarkKind(Enum):
    RIGHT = "right"  # a tick, or a green edge: this option (or this player's answer) is right
    WRONG = "wrong"  # a cross, or a red edge
    PICK = "pick"  # this player chose this option ("Your pick", an avatar beside it)


@dataclass(frozen=True)
class Mark:
    kind: str  # a MarkKind value, so marks sort and print plainly
    option: int | None  # the choice index, or the place in an order; None for a typed answer
    player: int | None  # whose answer; None for a mark that belongs to the option itself


@dataclass
class MarkLog:
    enabled: bool = False
    marks: list[Mark] = field(default_factory=list)

    def begin(self) -> None:
        """A screen starts drawing its marks afresh (each frame)."""
        if self.enabled:
            self.marks.clear()

    def add(self, kind: MarkKind, option: int | None = None, player: int | None = None) -> None:
        if self.enabled:
            self.marks.append(Mark(kind.value, option, player))
