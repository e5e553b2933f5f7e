"""What does a hostile picture cost? Peak memory and time of checking it (the validator)
and of showing it (the game's loader on the round card), each in a fresh process, against
a tiny sound picture measured in the same run. Target: every case under 300 MB peak.

    python benchmarks/bench_pictures.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

# The pictures are the ones the tests make for themselves (real PNGs streamed through zlib).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import made_files

LIMIT_MB = 300

PROBE = """
import json, os, sys, time
os.environ["SDL_VIDEODRIVER"] = "dummy"; os.environ["SDL_AUDIODRIVER"] = "dummy"
from pathlib import Path
import pygame
from quiz.packs.loader import load_pack
from quiz.paths import assets_dir
from quiz.ui.resources import Resources
from quiz.ui.scenes.solo.question_base import PICTURE_BOX
def peak():
    return next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM"))
pack = Path(sys.argv[1])
pygame.display.init(); pygame.display.set_mode((1280, 720))
base = peak()
start = time.perf_counter(); result = load_pack(pack); checked = time.perf_counter() - start
after_check = peak()
start = time.perf_counter()
shown = Resources(assets_dir()).picture(pack.parent / "pic.png", PICTURE_BOX)
loaded = time.perf_counter() - start
print(json.dumps({"ok": result.ok, "shown": shown is not None, "base_kb": base,
                  "check_kb": after_check, "peak_kb": peak(), "check_s": checked,
                  "show_s": loaded}))
"""

CASES = {
    "tiny 8x8 (baseline)": lambda: made_files.png(8, 8),
    "largest allowed 4096x4096": lambda: made_files.png(4096, 4096),
    "69 bytes claiming 60000x60000": lambda: made_files.png_claiming(60000, 60000),
    "real 20000x20000 PNG": lambda: made_files.png(20000, 20000),
    "truncated PNG": made_files.png_truncated,
    "JPEG with 800 EXIF segments": lambda: made_files.jpeg_with_segments(800),
}


def measure(folder: Path, picture: bytes) -> dict[str, float]:
    (folder / "pic.png").write_bytes(picture)
    pack = made_files.write_pack(folder, ["    image: pic.png\n"])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path), PYGAME_HIDE_SUPPORT_PROMPT="1")
    done = subprocess.run([sys.executable, "-c", PROBE, str(pack)], env=env, check=True,
                          capture_output=True, text=True, timeout=300)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    print(f"{'picture':32} {'valid':>5} {'shown':>5} {'check MB':>9} {'peak MB':>8} "
          f"{'over base':>9} {'check s':>8} {'show s':>7}")
    worst = 0.0
    base_peak = None
    for name, make in CASES.items():
        with tempfile.TemporaryDirectory() as folder:
            r = measure(Path(folder), make())
        peak_mb = r["peak_kb"] / 1024
        base_peak = base_peak or peak_mb
        worst = max(worst, peak_mb)
        print(f"{name:32} {r['ok']!s:>5} {r['shown']!s:>5} {r['check_kb'] / 1024:9.1f} "
              f"{peak_mb:8.1f} {peak_mb - base_peak:+9.1f} {r['check_s']:8.3f} {r['show_s']:7.3f}")
    verdict = "ok" if worst < LIMIT_MB else "OVER"
    print(f"worst peak {worst:.1f} MB against a limit of {LIMIT_MB} MB: {verdict}")
    return 0 if worst < LIMIT_MB else 1


if __name__ == "__main__":
    raise SystemExit(main())
