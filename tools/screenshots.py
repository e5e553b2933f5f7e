"""Save screenshots of the game, made by the game itself, for the README.

    SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy python tools/screenshots.py [OUT_DIR]

Writes every scene to OUT_DIR (default: a temporary folder) and copies the title,
question, reveal and results screens to docs/screenshots/.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README_SHOTS = ("title", "question", "reveal", "results")
# From the party tour, saved as docs/screenshots/party_<name>.png.
PARTY_SHOTS = ("lobby", "party_question", "party_reveal", "podium")


def main() -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    # A throwaway home, so the tour's high score never lands in the player's table.
    os.environ["HEAT_QUIZ_HOME"] = tempfile.mkdtemp(prefix="heat-quiz-shots-")
    sys.path.insert(0, str(ROOT))
    from quiz.ui.party_tour import party_tour
    from quiz.ui.tour import tour

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="shots-"))
    saved = tour(out)
    docs = ROOT / "docs" / "screenshots"
    docs.mkdir(parents=True, exist_ok=True)
    for name in README_SHOTS:
        shutil.copyfile(saved[name], docs / f"{name}.png")
    party = party_tour(out / "party")
    for name in PARTY_SHOTS:
        shutil.copyfile(party[name], docs / f"party_{name.removeprefix('party_')}.png")
    saved.update({f"party/{name}": path for name, path in party.items()})
    print(f"{len(saved)} scenes in {out}; README screenshots in {docs}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
