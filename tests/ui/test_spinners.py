"""Left and Right on a value (rounds, timer, mode...) stop at its ends instead of wrapping.

A player holding Left to get one round must not land on twenty. Each spinner of the solo
setup, the party lobby and the settings is walked past both ends by arrow key.
"""

from __future__ import annotations

import pytest
from party_helpers import open_lobby
from ui_helpers import menu_rect

from quiz.engine import Mode
from quiz.ui.driver import Driver
from quiz.ui.widgets.menu import Menu


def shown(menu: Menu, key: str) -> str:
    """The value the player reads on the item (the lobby's mode is the item's own label)."""
    item = next(item for item in menu.items if item.key == key)
    return item.label if key == "mode" else str(item.detail)


def focus(driver: Driver, key: str) -> Menu:
    menu: Menu = driver.scene.menu  # type: ignore[attr-defined]
    for _ in range(len(menu.items) * 2):
        if menu.focused.key == key:
            return menu
        driver.press("up")
    raise AssertionError(f"could not focus {key!r}")


def walk_to_end(driver: Driver, menu: Menu, key: str, arrow: str, limit: int = 30) -> str:
    """Press `arrow` until the value stops changing; the value it stopped at."""
    value = shown(menu, key)
    for _ in range(limit):
        driver.press(arrow)
        now = shown(menu, key)
        if now == value:
            return now
        value = now
    raise AssertionError(f"{key}: still changing after {limit} presses of {arrow}: {value}")


def open_scene(driver: Driver, where: str) -> None:
    if where == "lobby":
        open_lobby(driver)
        return
    item = {"setup": "solo", "settings": "settings"}[where]
    driver.click(menu_rect(driver.scene.menu, item).center)  # type: ignore[attr-defined]
    driver.until(where)


@pytest.mark.parametrize(
    ("where", "key", "lowest", "highest"),
    [
        ("setup", "rounds", "1", "20"),
        ("setup", "per_round", "3", "15"),
        ("setup", "timer", "Relaxed", "60 s"),
        ("setup", "difficulty", "Any", "Hard"),
        ("lobby", "rounds", "1", "20"),
        ("lobby", "timer", "Relaxed", "60 s"),
        ("settings", "timer", "Relaxed", "60 s"),
        ("settings", "volume", "0%", "100%"),
    ],
)
def test_arrows_stop_at_both_ends(
    driver: Driver, where: str, key: str, lowest: str, highest: str
) -> None:
    open_scene(driver, where)
    menu = focus(driver, key)
    assert walk_to_end(driver, menu, key, "left") == lowest
    driver.press("left")
    assert shown(menu, key) == lowest
    assert walk_to_end(driver, menu, key, "right") == highest
    driver.press("right")
    assert shown(menu, key) == highest
    driver.press("left")  # and it still moves back from the end
    assert shown(menu, key) != highest


def test_the_lobby_mode_stops_at_the_first_and_last_mode(driver: Driver) -> None:
    open_lobby(driver)
    menu = focus(driver, "mode")
    first = walk_to_end(driver, menu, "mode", "left")
    last = walk_to_end(driver, menu, "mode", "right")
    assert (first, last) == (Mode.EVERYONE.label, Mode.TURNS.label)
    driver.press("right")
    assert shown(menu, "mode") == last
