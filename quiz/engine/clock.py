"""Clocks: the engine reads time only through a `Clock`, so tests can drive it by hand."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

Clock = Callable[[], float]
"""Any callable returning seconds from a fixed origin, e.g. `time.monotonic`."""


class FakeClock:
    """A clock that moves only when told to: `clock.advance(2.5)`."""

    def __init__(self, start: float = 0.0) -> None:
        self._now = float(start)

    def __call__(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock cannot go backwards")
        self._now += seconds


class Stopwatch:
    """Elapsed time that can be held for several independent reasons (pause, a buzz...).

    It runs only while no hold is in place, so a pause during a buzz and the buzz
    itself can end in either order without the time leaking.
    """

    def __init__(self, clock: Clock, holds: frozenset[str] = frozenset()) -> None:
        self._clock = clock
        self._holds: set[str] = set(holds)
        self._accumulated = 0.0
        self._since: float | None = None if self._holds else clock()

    def elapsed(self) -> float:
        if self._since is None:
            return self._accumulated
        return self._accumulated + max(0.0, self._clock() - self._since)

    def add(self, seconds: float) -> None:
        """Count time that passed unnoticed, e.g. how far a missed deadline was overshot."""
        self._accumulated += seconds

    def hold(self, reason: str) -> None:
        if not self._holds and self._since is not None:
            self._accumulated = self.elapsed()
            self._since = None
        self._holds.add(reason)

    def release(self, reason: str) -> None:
        self._holds.discard(reason)
        if not self._holds and self._since is None:
            self._since = self._clock()


PAUSE: Final = "pause"
BUZZ: Final = "buzz"
CLOSED: Final = "closed"
