"""Round trips measured with pings, and how much of one an answer's time may be credited.

An answer is stamped when the host receives it. A phone on a slow link would lose
time to the network, so the game takes off half the median round trip (the usual
one-way estimate), never more than MAX_COMPENSATION: a phone cannot buy time by
answering its pings late.
"""

from __future__ import annotations

import statistics
from collections import deque
from typing import Final

MAX_COMPENSATION: Final = 0.1  # seconds
SAMPLES: Final = 15


class RoundTrips:
    def __init__(self) -> None:
        self._samples: deque[float] = deque(maxlen=SAMPLES)

    def add(self, seconds: float) -> None:
        if seconds >= 0:
            self._samples.append(seconds)

    @property
    def median(self) -> float | None:
        return statistics.median(self._samples) if self._samples else None

    def compensation(self) -> float:
        median = self.median
        if median is None:
            return 0.0
        return min(median / 2, MAX_COMPENSATION)
