"""Frame clocks: the real one waits for the next frame; the manual one is driven by tests."""

from __future__ import annotations

import time
from typing import Protocol

import pygame


class FrameClock(Protocol):
    manual: bool

    def now(self) -> float:
        """Seconds on a monotonic clock; the engine's question timers read this."""
        ...

    def tick(self, fps: int) -> float:
        """Wait for the next frame and return the seconds since the last one."""
        ...


class RealClock:
    manual = False

    def __init__(self) -> None:
        self._clock = pygame.time.Clock()

    def now(self) -> float:
        return time.monotonic()

    def tick(self, fps: int) -> float:
        # tick sleeps (it never busy-waits), so a capped loop leaves the CPU alone.
        return self._clock.tick(fps) / 1000


class ManualClock:
    """Time moves only when told: `step` is the dt of the next frames."""

    manual = True

    def __init__(self, start: float = 1000.0, step: float = 1 / 60) -> None:
        self.time = start
        self.step = step

    def __call__(self) -> float:
        return self.time

    def now(self) -> float:
        return self.time

    def tick(self, fps: int) -> float:
        self.time += self.step
        return self.step
