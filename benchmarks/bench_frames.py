"""Frame times of every scene at 1280x720, against a bare fill-and-flip frame.

    SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy python benchmarks/bench_frames.py

For each scene of the scripted tours (solo, then a party of eight players) it
runs 600 whole frames of the Control loop (events, update, draw, present),
forcing a redraw every frame, and prints the median and p99 frame time and
their ratio to the bare frame measured in the same run. The target is a p99
under 4 ms for every scene.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

FRAMES = 600
TARGET_P99_MS = 4.0


def p99(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def main() -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    os.environ["HEAT_QUIZ_HOME"] = tempfile.mkdtemp(prefix="heat-quiz-bench-")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import pygame

    from quiz.ui.clock import ManualClock
    from quiz.ui.party_tour import PartyTour
    from quiz.ui.tour import Tour

    results: dict[str, list[float]] = {}

    def timed(tour: Tour, name: str) -> Path:
        control = tour.drv.control
        clock = tour.drv.clock
        assert isinstance(clock, ManualClock)
        step, clock.step = clock.step, 1 / FRAMES  # one second of animation over the run
        samples = []
        for _ in range(FRAMES):
            start = time.perf_counter()
            control._dirty = True  # draw every frame, idle or not
            control.step()
            samples.append((time.perf_counter() - start) * 1000)
        clock.step = step
        results[name] = samples
        return Path(name)

    class Bench(Tour):
        def capture(self, name: str) -> Path:
            return timed(self, name)

    class PartyBench(PartyTour):
        """The party scenes with eight players: four keyboard zones and four pads."""

        def capture(self, name: str) -> Path:
            return timed(self, name)

    bench = Bench(Path(tempfile.mkdtemp()))
    # The bare frame, in the same window and run, before the tour starts.
    canvas = bench.drv.session.display.canvas
    bare = []
    for i in range(FRAMES):
        start = time.perf_counter()
        canvas.fill((i % 255, 20, 40))
        pygame.display.flip()
        bare.append((time.perf_counter() - start) * 1000)
    bench.run()
    PartyBench(Path(tempfile.mkdtemp())).run()

    bare_median, bare_p99 = statistics.median(bare), p99(bare)
    print(f"{'scene':<20}{'median ms':>11}{'p99 ms':>9}{'x bare':>9}{'p99 x bare':>12}")
    print(f"{'(bare frame)':<20}{bare_median:>11.3f}{bare_p99:>9.3f}{1:>9.1f}{1:>12.1f}")
    slow = []
    for name, samples in results.items():
        median, high = statistics.median(samples), p99(samples)
        print(
            f"{name:<20}{median:>11.3f}{high:>9.3f}"
            f"{median / bare_median:>9.1f}{high / bare_p99:>12.1f}"
        )
        if high >= TARGET_P99_MS:
            slow.append(name)
    print(f"target p99 < {TARGET_P99_MS} ms: " + ("all met" if not slow else f"missed by {slow}"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
