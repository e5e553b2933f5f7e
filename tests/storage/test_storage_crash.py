"""A process killed at any moment of a save loses no score that was saved before."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quiz.storage import HighScores, ScoreEntry

KILLED = 137

# Runs in a child process: arm a crash at one step of the save, then save one more score.
CHILD = r"""
import os, sys
from pathlib import Path
import quiz.storage.atomic as atomic
from quiz.storage import HighScores, ScoreEntry

path, point = Path(sys.argv[1]), sys.argv[2]

def die(*_, **__):
    os._exit(137)

def half_then_die(target, payload):
    # A write cut off halfway, as a power cut would leave it.
    with open(target.parent / f".{target.name}.crash.tmp", "wb") as handle:
        handle.write(payload[: len(payload) // 2])
    die()

real_replace = os.replace
if point == "temp-half":
    atomic._write_temp = half_then_die
elif point == "temp-fsync":
    os.fsync = die
elif point == "backup":
    atomic._copy_atomic = die
elif point == "backup-half":
    atomic._copy_atomic = lambda source, target: half_then_die(target, source.read_bytes())
elif point == "backup-replace":
    os.replace = lambda a, b: die() if str(b).endswith(".bak") else real_replace(a, b)
elif point == "replace":
    os.replace = lambda a, b: die() if Path(b) == path else real_replace(a, b)
elif point == "dir-fsync":
    atomic._fsync_dir = die

scores = HighScores.load(path)
scores.add(ScoreEntry.create("New", 9999, 1.0, "solo", ["heat-1995"]))
scores.save()
"""

POINTS = ["temp-half", "temp-fsync", "backup", "backup-half", "backup-replace", "replace"]


def seed_scores(path: Path) -> list[ScoreEntry]:
    entries = [ScoreEntry.create(f"P{i}", 100 * i, 0.5, "solo", ["heat-1995"]) for i in range(3)]
    for item in entries:
        scores = HighScores.load(path)
        scores.add(item)
        scores.save()
    return entries


def run_child(path: Path, point: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), point],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode in (0, KILLED), done.stderr
    return done.returncode


@pytest.mark.parametrize("point", POINTS)
def test_a_crash_before_the_swap_keeps_every_earlier_score(tmp_path: Path, point: str) -> None:
    path = tmp_path / "scores.json"
    earlier = seed_scores(path)
    assert run_child(path, point) == KILLED
    loaded = HighScores.load(path)
    assert set(earlier) <= set(loaded.top("solo", ["heat-1995"]))
    assert "New" not in {e.name for e in loaded.top("solo", ["heat-1995"])}
    assert loaded.warnings == ()  # the real file was never touched
    assert not list(tmp_path.glob(".*.tmp"))  # the crash's leftovers are cleared


def test_a_crash_after_the_swap_keeps_the_new_score_too(tmp_path: Path) -> None:
    path = tmp_path / "scores.json"
    earlier = seed_scores(path)
    assert run_child(path, "dir-fsync") == KILLED
    names = {e.name for e in HighScores.load(path).top("solo", ["heat-1995"])}
    assert names == {e.name for e in earlier} | {"New"}


# Saves one score per table, forever, until killed.
LOOPER = r"""
import sys
from pathlib import Path
from quiz.storage import HighScores, ScoreEntry
path = Path(sys.argv[1])
i = 0
while True:
    scores = HighScores.load(path)
    scores.add(ScoreEntry.create(f"L{i}", i, 0.5, "solo", [f"pack{i:05d}"]))
    scores.save()
    print(i, flush=True)
    i += 1
"""


@pytest.mark.parametrize("delay", [0.05, 0.2, 0.45])
def test_sigkill_at_a_random_moment_loses_nothing_saved(tmp_path: Path, delay: float) -> None:
    path = tmp_path / "scores.json"
    earlier = seed_scores(path)
    child = subprocess.Popen(
        [sys.executable, "-c", LOOPER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    child.stdout.readline()  # at least one save done: the loop is running
    time.sleep(delay)
    child.kill()
    child.wait(timeout=30)
    reported = [int(line) for line in child.stdout.read().split()]

    loaded = HighScores.load(path)
    assert set(earlier) <= set(loaded.top("solo", ["heat-1995"]))
    saved = sorted(int(key.split("pack")[1]) for key in loaded.table_keys() if "pack" in key)
    # Every save that finished is there, in order, with nothing missing in between.
    assert saved == list(range(len(saved)))
    assert len(saved) >= len(reported) + 1
    assert os.path.exists(path)
