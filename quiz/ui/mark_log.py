"""What a reveal screen marks, and for whom: the reveal check's record.

Off in normal play: `Resources.marks` is None and the drawing code skips the record with
one test. A test switches it on for one frame (`record_marks`) and compares the marks
drawn with the engine's record of who answered what (`Game.last_reveal`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum


class MarkKind(str, Enum):
    TICK = "tick"  # drawn as right: a tick badge, or a green-edged row
    CROSS = "cross"  # drawn as wrong
    PICK = "pick"  # who chose this: "Your pick", or a player's avatar beside it


@dataclass(frozen=True)
class Mark:
    kind: MarkKind
    option: int | None  # a choice's index, a place in the order; None for a typed answer
    player: int | None  # whose mark it is; None for one shared by everyone (the right answer)
    scene: str = ""


@dataclass
class MarkLog:
    marks: list[Mark] = field(default_factory=list)
    scene: str = ""

    def add(self, kind: MarkKind, option: int | None, player: int | None = None) -> None:
        self.marks.append(Mark(kind, option, player, self.scene))

    def of(self, kind: MarkKind) -> set[tuple[int | None, int | None]]:
        """(option, player) of every mark of one kind."""
        return {(m.option, m.player) for m in self.marks if m.kind is kind}


@contextmanager
def record_marks(resources: object) -> Iterator[MarkLog]:
    """Switch the record on around one `Control.draw()`."""
    log = MarkLog()
    resources.marks = log  # type: ignore[attr-defined]
    try:
        yield log
    finally:
        resources.marks = None  # type: ignore[attr-defined]
