"""The pack picker tells the player what the focused pack is about."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import menu_rect

from quiz.ui.driver import Driver
from quiz.ui.scenes.menus.packs import about

EXTRA = """\
format: 1
pack:
  id: getaway
  title: "Getaway Drivers"
  description: "Cars, routes and the thirty-second rule."
  author: "Sam"
questions:
  - id: q1
    category: general
    prompt: "Who plays Chris?"
    answer: "Val Kilmer"
    wrong: ["Tom Sizemore"]
    explain: "Kilmer plays Chris."
"""


def test_moving_through_the_list_shows_each_packs_description(isolated_home: Path) -> None:
    # GIVEN the built-in pack and one of the player's own
    (isolated_home / "packs").mkdir()
    (isolated_home / "packs" / "getaway.yaml").write_text(EXTRA, encoding="utf-8")
    drv = Driver.open()
    try:
        # WHEN the player opens the pack picker
        drv.click(menu_rect(drv.scene.menu, "packs").center)  # type: ignore[attr-defined]
        drv.until("packs")
        scene = drv.scene
        results = scene.results  # type: ignore[attr-defined]
        # THEN the first pack's own words are shown, naming the article it rests on
        assert "the article" in about(results[scene.focus])  # type: ignore[attr-defined]
        # AND moving down shows the next pack's description with its author
        drv.press("down")
        focused = results[scene.focus]  # type: ignore[attr-defined]
        assert focused.pack.id == "getaway"
        assert about(focused) == "Cars, routes and the thirty-second rule. By Sam."
    finally:
        drv.close()
