"""`heat-quiz packs preview` end to end through the installed command: every sound question
and its reveal drawn to PNG by the game's own screens, a contact sheet, and the texts a
player could not read flagged at their place in the file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from quiz.ui.preview import CAPTION_H, GAP, THUMB

HEAT_QUIZ = Path(sys.executable).parent / "heat-quiz"
pytestmark = pytest.mark.skipif(not HEAT_QUIZ.exists(),
                                reason="the heat-quiz entry point is not installed here")
FLAG_RED = (232, 72, 76)
LONG_EXPLAIN = " ".join(["Hanna stays with him at the end, by the runway lights."] * 26)
EXTRA = f"""
  - id: airport
    category: story
    prompt: "Where does the film end?"
    answer: "By the airport runway"
    wrong: ["In a diner", "On a boat"]
    explain: "{LONG_EXPLAIN}"

  - id: broken
    category: story
    type: truefalse
    prompt: "The pilot aired in 1989."
    answer: yes
    explain: "It did."
"""


def heat_quiz(home: Path, cwd: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    # No SDL settings from outside: the command must choose the dummy drivers itself.
    env = {k: v for k, v in os.environ.items() if not k.startswith("SDL_")}
    env.update(HEAT_QUIZ_HOME=str(home), DISPLAY="")
    return subprocess.run([str(HEAT_QUIZ), *argv], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120, check=False)


def picture(path: Path) -> pygame.Surface:
    return pygame.image.load(str(path))


def colours(image: pygame.Surface) -> int:
    small = pygame.transform.scale(image, (64, 36))
    return len({small.get_at((x, y))[:3] for x in range(64) for y in range(36)})


def test_preview_draws_every_question_and_reveal_and_flags_a_text_cut_off(
        tmp_path: Path) -> None:
    home, work = tmp_path / "home", tmp_path / "work"
    work.mkdir()
    assert heat_quiz(home, work, "packs", "new", "Preview Night").returncode == 0
    pack = work / "preview-night.yaml"
    pack.write_text(pack.read_text(encoding="utf-8") + EXTRA, encoding="utf-8")
    ids = ["pilot-year", "real-mccauley", "who-plays-mccauley", "story-order", "airport"]

    # WHEN the author previews it
    shown = heat_quiz(home, work, "packs", "preview", str(pack), "--out", "shots")

    # THEN the bad question is left out and said so; the explanation too long to fit is
    # flagged at its question's line; the exit status says something was flagged
    out = shown.stdout
    assert shown.returncode == 1, out + shown.stderr
    assert "1 question with errors left out of the preview" in out
    airport_line = pack.read_text().splitlines().index("  - id: airport") + 1
    flagged = [line for line in out.splitlines() if ": warning: " in line]
    assert len(flagged) == 1, out
    assert flagged[0].startswith(f"{pack}:{airport_line}:1: warning: question 'airport', "
                                 "reveal screen: 'Hanna stays with him")
    assert "is cut off" in flagged[0] and "shorten it" in flagged[0]
    assert "10 screens of 5 questions saved in shots" in out

    # AND every sound question has its two screens: the game's full screen, not alike
    saved = sorted((work / "shots").glob("*.png"))
    expected = [f"{n:03d}-{qid}-{screen}.png" for n, qid in enumerate(ids, 1)
                for screen in ("question", "reveal")] + ["contact-sheet.png"]
    assert sorted(p.name for p in saved) == sorted(expected)
    pygame.init()
    for number, qid in enumerate(ids, 1):
        asked = picture(work / "shots" / f"{number:03d}-{qid}-question.png")
        revealed = picture(work / "shots" / f"{number:03d}-{qid}-reveal.png")
        assert asked.get_size() == revealed.get_size() == (1280, 720)
        assert colours(asked) > 20 and colours(revealed) > 20, qid  # not blank
        assert pygame.image.tobytes(asked, "RGB") != pygame.image.tobytes(revealed, "RGB")

    # AND the contact sheet holds them two questions a row, the flagged reveal framed red
    sheet = picture(work / "shots" / "contact-sheet.png")
    cell_w, cell_h = 2 * THUMB[0] + GAP, THUMB[1] + CAPTION_H
    assert sheet.get_size() == (2 * cell_w + 3 * GAP, 3 * (cell_h + GAP) + GAP)
    airport = len(ids) - 1
    x = GAP + (airport % 2) * (cell_w + GAP) + THUMB[0] + GAP
    y = GAP + (airport // 2) * (cell_h + GAP) + CAPTION_H
    assert sheet.get_at((x + 1, y + THUMB[1] // 2))[:3] == FLAG_RED
    assert sheet.get_at((x - GAP - THUMB[0] + 1, y + THUMB[1] // 2))[:3] != FLAG_RED


def test_preview_of_a_sound_pack_passes_and_one_that_cannot_play_is_refused(
        tmp_path: Path) -> None:
    home, work = tmp_path / "home", tmp_path / "work"
    work.mkdir()
    assert heat_quiz(home, work, "packs", "new", "Clean Night").returncode == 0
    clean = heat_quiz(home, work, "packs", "preview", "clean-night.yaml", "--out", "out")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert clean.stdout.splitlines()[-1] == "every text is drawn whole, at a readable size"
    assert (work / "out" / "contact-sheet.png").is_file()

    hopeless = work / "hopeless.yaml"
    hopeless.write_text('format: 1\npack:\n  id: Bad Id\n  title: "X"\nquestions: []\n')
    refused = heat_quiz(home, work, "packs", "preview", str(hopeless), "--out", "none")
    assert refused.returncode == 1
    assert "cannot be played, so there is nothing to preview" in refused.stderr
    assert not (work / "none").exists()
