"""The pack picker with packs that have errors: the sound questions of a pack still play,
the row says how many were left out, and a details view lists every problem, scrolled with
keys and the mouse wheel."""

from __future__ import annotations

from pathlib import Path

from lenient_packs import ALL_BAD, ERRORS, MOSTLY_SOUND, SOUND_IDS
from ui_helpers import menu_rect

from quiz.packs.model import Severity
from quiz.ui.driver import Driver
from quiz.ui.scenes.menus.packs import describe, found_message

BAD_QUESTIONS = 24


def many_errors() -> str:
    """One sound question, then BAD_QUESTIONS each answering `yes`."""
    head = MOSTLY_SOUND.split("  - id: takedown")[0].replace("getaway", "many-errors").replace(
        "Getaway Drivers", "Many Errors")
    bad = "".join(f"""\
  - id: bad-{n}
    category: general
    type: truefalse
    prompt: "Was it number {n}?"
    answer: yes
    explain: "It was."
""" for n in range(BAD_QUESTIONS))
    return head + bad


def open_picker(home: Path) -> Driver:
    packs = home / "packs"
    packs.mkdir()
    (packs / "getaway.yaml").write_text(MOSTLY_SOUND, encoding="utf-8")
    (packs / "all-bad.yaml").write_text(ALL_BAD, encoding="utf-8")
    (packs / "many-errors.yaml").write_text(many_errors(), encoding="utf-8")
    drv = Driver.open()
    drv.click(menu_rect(drv.scene.menu, "packs").center)  # type: ignore[attr-defined]
    drv.until("packs")
    return drv


def focus_on(drv: Driver, name: str) -> None:
    scene = drv.scene
    for _ in range(len(scene.results) + 1):  # type: ignore[attr-defined]
        if scene.focus >= 0 and \
                scene.results[scene.focus].path.name == name:  # type: ignore[attr-defined]
            return
        drv.press("down")
    raise AssertionError(f"{name} never took the focus")


def test_a_pack_with_bad_questions_plays_the_rest_and_lists_every_problem(
        isolated_home: Path, tmp_path: Path) -> None:
    drv = open_picker(isolated_home)
    try:
        scene = drv.scene
        # GIVEN the pack with three bad questions of six
        focus_on(drv, "getaway.yaml")
        result = scene.results[scene.focus]  # type: ignore[attr-defined]
        # THEN its row says what plays and what does not, and it can be ticked
        assert describe(result) == "3 questions, 3 left out  ·  your pack: getaway.yaml"
        drv.press("return")
        assert "getaway" in scene.chosen  # type: ignore[attr-defined]
        played = {p.id: p for p in drv.session.playable_packs()}
        assert tuple(q.id for q in played["getaway"].questions) == SOUND_IDS
        # A reload counts it among the packs to play: only all-bad.yaml cannot be played
        assert found_message(scene.results) == (  # type: ignore[attr-defined]
            "Found 3 packs to play; 1 cannot be played (see its row).")
        drv.advance(1)
        drv.screenshot(tmp_path / "packs.png")
        # WHEN the player asks for its problems
        drv.press("right")
        assert drv.scene_name == "pack_problems"
        problems = drv.scene
        # THEN every error is there with its line and column, not only the first
        errors = [e for e in problems.entries  # type: ignore[attr-defined]
                  if e.severity is Severity.ERROR]
        assert [e.place for e in errors] == [f"line {line}, column {column}"
                                             for line, column, _ in ERRORS]
        assert "3 left out" in problems.summary  # type: ignore[attr-defined]
        assert len(problems.shown()) == len(problems.entries)  # type: ignore[attr-defined]
        drv.advance(1)
        drv.screenshot(tmp_path / "problems.png")
        # AND Esc goes back to the picker, the tick kept
        drv.press("escape")
        assert drv.scene_name == "packs" and "getaway" in scene.chosen  # type: ignore[attr-defined]
    finally:
        drv.close()


def test_a_pack_that_cannot_play_says_why_and_shows_its_problems(isolated_home: Path) -> None:
    drv = open_picker(isolated_home)
    try:
        scene = drv.scene
        focus_on(drv, "all-bad.yaml")
        result = scene.results[scene.focus]  # type: ignore[attr-defined]
        assert describe(result).startswith(
            "Cannot be played: all 2 of its questions have errors; the first is at line 10, "
            "column 13:")
        chosen = set(scene.chosen)  # type: ignore[attr-defined]
        # A click on the row opens its problems: there is nothing to tick
        drv.click(scene._row_rect(scene.focus).center)  # type: ignore[attr-defined]
        assert drv.scene_name == "pack_problems"
        assert drv.scene.summary.startswith("This pack cannot be played")  # type: ignore[attr-defined]
        drv.click((100, 50))  # the Back button
        assert drv.scene_name == "packs" and scene.chosen == chosen  # type: ignore[attr-defined]
    finally:
        drv.close()


def test_a_long_list_of_problems_scrolls_with_keys_and_the_wheel(
        isolated_home: Path, tmp_path: Path) -> None:
    drv = open_picker(isolated_home)
    try:
        scene = drv.scene
        focus_on(drv, "many-errors.yaml")
        # The row's Problems button, clicked with the mouse
        drv.click(scene._problems_rect(scene.focus).center)  # type: ignore[attr-defined]
        assert drv.scene_name == "pack_problems"
        problems = drv.scene
        entries = problems.entries  # type: ignore[attr-defined]
        assert sum(e.severity is Severity.ERROR for e in entries) == BAD_QUESTIONS
        shown = problems.shown()  # type: ignore[attr-defined]
        assert shown.start == 0 and shown.stop < len(entries), "all fit: nothing to scroll"
        # Down and the wheel move one problem at a time, Up and the wheel back
        drv.press("down")
        assert problems.top == 1  # type: ignore[attr-defined]
        drv.wheel(-1)
        assert problems.top == 2  # type: ignore[attr-defined]
        drv.wheel(1)
        drv.press("up")
        drv.press("up")  # already at the top: stays there
        assert problems.top == 0  # type: ignore[attr-defined]
        # Scrolled to the end, the last problem is on screen and scrolling stops there
        for _ in range(len(entries) + 5):
            drv.wheel(-1, frames=1)
        last_top = problems.top  # type: ignore[attr-defined]
        assert problems.shown().stop == len(entries)  # type: ignore[attr-defined]
        drv.press("down")
        assert problems.top == last_top > 0  # type: ignore[attr-defined]
        drv.advance(1)
        drv.screenshot(tmp_path / "problems-end.png")
        # A page at a time with Left / Right
        drv.press("left")
        assert 0 <= problems.top < last_top - 1  # type: ignore[attr-defined]
        drv.press("return")
        assert drv.scene_name == "packs"
    finally:
        drv.close()
