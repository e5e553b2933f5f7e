"""A long random-input soak: does memory grow while the game is played for minutes on end?

    SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy python benchmarks/soak_random_input.py \
        [--minutes 5] [--seed 1] [--every 5]

Drives the whole game through the headless driver with seeded random input (menu keys, party
zone keys, typing, clicks anywhere, pads plugged in and out, game time passing), and now and
then makes the player's files hostile: a high-score file nested 100,000 deep appears, or the
disk refuses every save for a while. When the game quits it is opened again, as a player
would. Every few seconds of wall time it samples the resident set (/proc/self/statm) and the
Python heap (tracemalloc), and at the end reports growth against the baseline of the same
run: the first sample after a warm-up minute (caches of fonts and rendered text fill first).
Not part of CI: it runs for minutes. Exit status 1 if the game raised.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

WARM_UP_SECONDS = 60.0
DEEP = b"[" * 100_000 + b"]" * 100_000
MENU_KEYS = ("up", "down", "left", "right", "return", "return", "escape", "space", "backspace")
PARTY_KEYS = tuple("1234567890zxcvm,./qwasdf")
WORDS = ("Neil", "Vincent", "Chris", "Waingro", "1995", "x", "McCauley", "\u00e9t\u00e9")


def rss_bytes() -> int:
    """The resident set of this process, from /proc (0 where there is none)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE")


@dataclass
class Sample:
    seconds: float
    rss: int
    heap: int
    actions: int


@dataclass
class Soak:
    rng: random.Random
    home: Path
    pads: set[int] = field(default_factory=set)
    actions: int = 0
    restarts: int = 0
    damaged: int = 0
    refusals: int = 0
    scenes: set[str] = field(default_factory=set)
    refusing: bool = False

    def act(self, drv: object) -> None:
        from quiz.ui.driver import Driver

        assert isinstance(drv, Driver)
        rng = self.rng
        choices: list[tuple[float, Callable[[], None]]] = [
            (0.40, lambda: drv.press(rng.choice(MENU_KEYS), frames=1)),
            (0.15, lambda: drv.press(rng.choice(PARTY_KEYS), frames=1)),
            (0.06, lambda: drv.type(rng.choice(WORDS), frames=1)),
            (0.12, lambda: drv.click((rng.randrange(1280), rng.randrange(720)), frames=1)),
            (0.05, lambda: self._pad_plug(drv)),
            (0.08, lambda: self._pad_press(drv)),
            (0.12, lambda: drv.advance(rng.choice((0.3, 1.0, 4.0)))),
            (0.01, self._damage_scores),
            (0.01, self._toggle_refusal),
        ]
        roll = rng.random() * sum(weight for weight, _ in choices)
        for weight, action in choices:
            roll -= weight
            if roll <= 0:
                action()
                break
        self.actions += 1
        if drv.session.stack.top is not None:
            self.scenes.add(drv.scene_name)

    def _pad_plug(self, drv: object) -> None:
        from quiz.ui.driver import Driver

        assert isinstance(drv, Driver)
        pad = self.rng.randrange(4)
        if pad in self.pads:
            drv.pad_removed(pad)
            self.pads.discard(pad)
        else:
            drv.pad_added(pad)
            self.pads.add(pad)

    def _pad_press(self, drv: object) -> None:
        from quiz.ui.driver import Driver

        assert isinstance(drv, Driver)
        if not self.pads:
            return
        pad = self.rng.choice(sorted(self.pads))
        if self.rng.random() < 0.5:
            drv.pad_button(self.rng.randrange(8), instance_id=pad, frames=1)
        else:
            hat = self.rng.choice(((0, 1), (0, -1), (1, 0), (-1, 0)))
            drv.pad_hat(hat, instance_id=pad, frames=1)

    def _damage_scores(self) -> None:
        # The next save reads it back: it must be set aside, not crash the save.
        (self.home / "scores.json").write_bytes(DEEP)
        self.damaged += 1

    def _toggle_refusal(self) -> None:
        self.refusing = not self.refusing
        self.refusals += self.refusing


def refusing_replace(soak: Soak) -> Callable[[object, object], None]:
    real = os.replace

    def replace(source: object, target: object) -> None:
        if soak.refusing:
            raise PermissionError(13, "Permission denied")
        real(source, target)  # type: ignore[arg-type]

    return replace


def megabytes(value: float) -> str:
    return f"{value / 2**20:8.1f} MB"


def report(samples: list[Sample], soak: Soak, frames: int, wall: float) -> None:
    base = next((s for s in samples if s.seconds >= WARM_UP_SECONDS), samples[0])
    last = samples[-1]
    minutes = max((last.seconds - base.seconds) / 60, 1e-9)
    print(f"\n{soak.actions:,} actions, {frames:,} frames, {wall:.0f} s of wall time, "
          f"{soak.restarts} restarts after Quit, {len(soak.scenes)} scenes visited")
    print(f"hostile moments: scores file damaged {soak.damaged} times, "
          f"saves refused in {soak.refusals} spells")
    print(f"{'':18}{'RSS':>11}{'Python heap':>14}")
    print(f"{'start':18}{megabytes(samples[0].rss):>11}{megabytes(samples[0].heap):>14}")
    print(f"baseline ({base.seconds:.0f} s){'':4}"[:18].ljust(18)
          + f"{megabytes(base.rss):>11}{megabytes(base.heap):>14}")
    print(f"{'end':18}{megabytes(last.rss):>11}{megabytes(last.heap):>14}")
    print(f"{'peak':18}{megabytes(max(s.rss for s in samples)):>11}"
          f"{megabytes(max(s.heap for s in samples)):>14}")
    rss_growth = last.rss - base.rss
    heap_growth = last.heap - base.heap
    print(f"{'growth':18}{megabytes(rss_growth):>11}{megabytes(heap_growth):>14}")
    print(f"{'growth per minute':18}{megabytes(rss_growth / minutes):>11}"
          f"{megabytes(heap_growth / minutes):>14}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--every", type=float, default=5.0, help="seconds between samples")
    parser.add_argument("--no-tracemalloc", action="store_true",
                        help="RSS only (tracemalloc slows the game about twofold)")
    args = parser.parse_args()

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    home = Path(tempfile.mkdtemp(prefix="heat-quiz-soak-"))
    os.environ["HEAT_QUIZ_HOME"] = str(home)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import logging

    logging.disable(logging.WARNING)  # the set-aside warnings would flood the report

    from quiz.ui.driver import Driver

    soak = Soak(random.Random(args.seed), home)
    # Every save swaps its file in with os.replace: refusing it is a folder gone read-only.
    os.replace = refusing_replace(soak)  # type: ignore[assignment]
    if not args.no_tracemalloc:
        tracemalloc.start()
    started = time.perf_counter()
    end = started + args.minutes * 60
    samples: list[Sample] = []
    next_sample = started
    frames = 0
    drv = Driver.open()
    try:
        while True:
            now = time.perf_counter()
            if now >= next_sample:
                heap = tracemalloc.get_traced_memory()[0] if tracemalloc.is_tracing() else 0
                samples.append(Sample(now - started, rss_bytes(), heap, soak.actions))
                latest = samples[-1]
                caches = drv.session.resources.cache_sizes()
                cached = "  ".join(f"{name} {count}/{size / 2**20:.0f}MB"
                                   for name, (count, size) in caches.items() if count)
                print(f"{latest.seconds:7.0f} s  {latest.actions:7,} actions  "
                      f"RSS {megabytes(latest.rss)}  heap {megabytes(latest.heap)}  "
                      f"caches: {cached}", flush=True)
                next_sample += args.every
            if now >= end:
                break
            if drv.exited:
                frames += drv.control.frames
                drv.close()
                drv = Driver.open()
                # A player's restart is a new process; here the old session's surfaces sit in
                # reference cycles (scenes and session) until a full collection frees them.
                gc.collect()
                soak.pads.clear()
                soak.restarts += 1
            soak.act(drv)
    except Exception:  # noqa: BLE001 - whatever the game raised is the finding
        import traceback

        traceback.print_exc()
        print(f"the game raised after {soak.actions:,} actions (seed {args.seed})")
        return 1
    finally:
        frames += drv.control.frames
        drv.close()
    report(samples, soak, frames, time.perf_counter() - started)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
