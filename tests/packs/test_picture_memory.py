"""Peak memory of checking and showing each hostile picture, measured in a fresh process
(the kernel's high-water mark, VmHWM) so nothing else the suite holds is counted. The
format promises a picture never costs more than its limits allow: under 300 MB for any
of these, where decoding what the header claims would take gigabytes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import made_files
import pytest

LIMIT_MB = 300

# Validate the pack (header checks and a bounded trial decode), then load the picture the
# way a game does on the round card, and report the process's peak resident memory.
PROBE = """
import json, os, sys
os.environ["SDL_VIDEODRIVER"] = "dummy"; os.environ["SDL_AUDIODRIVER"] = "dummy"
from pathlib import Path
import pygame
from quiz.packs.loader import load_pack
from quiz.paths import assets_dir
from quiz.ui.resources import Resources
from quiz.ui.scenes.solo.question_base import PICTURE_BOX
pack = Path(sys.argv[1])
result = load_pack(pack)
pygame.display.init(); pygame.display.set_mode((1280, 720))
shown = Resources(assets_dir()).picture(pack.parent / sys.argv[2], PICTURE_BOX)
peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM"))
print(json.dumps({"ok": result.ok, "shown": shown is not None, "peak_kb": peak,
                  "errors": [d.message for d in result.errors]}))
"""

CASES = {
    "claims-60000-square": (lambda: made_files.png_claiming(60000, 60000), False),
    "real-20000-square": (lambda: made_files.png(20000, 20000), False),
    "truncated": (made_files.png_truncated, False),
    "jpeg-800-exif": (lambda: made_files.jpeg_with_segments(800), False),
    "largest-allowed-4096": (lambda: made_files.png(4096, 4096), True),
}


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="needs Linux's /proc")
@pytest.mark.parametrize("case", list(CASES))
def test_checking_and_showing_a_picture_stays_under_300_mb(tmp_path: Path, case: str) -> None:
    make, sound = CASES[case]
    (tmp_path / "pic.png").write_bytes(make())
    pack = made_files.write_pack(tmp_path, ["    image: pic.png\n"])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    done = subprocess.run([sys.executable, "-c", PROBE, str(pack), "pic.png"], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    # The sound picture passes and is shown; every hostile one is refused and never shown.
    assert report["ok"] is sound and report["shown"] is sound, report
    assert report["peak_kb"] < LIMIT_MB * 1024, f"{case}: peak {report['peak_kb'] // 1024} MB"
