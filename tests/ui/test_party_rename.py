"""Renaming a lobby player with a pad alone, the mouse alone, or the keyboard."""

from __future__ import annotations

from party_helpers import open_lobby, zones
from ui_helpers import key_rect, menu_rect, pad_walk

from quiz.engine.config import MAX_NAME_LENGTH
from quiz.ui.driver import Driver
from quiz.ui.roster import Roster

PAD, OTHER = 31, 32


def roster_of(drv: Driver) -> Roster:
    assert drv.session.party is not None
    return drv.session.party


def seat_two(drv: Driver) -> Roster:
    open_lobby(drv)
    keys = zones(drv)
    drv.press(keys[0][0], keys[1][0])
    return roster_of(drv)


def open_rename_by_click(drv: Driver, slot: int) -> None:
    drv.click(drv.scene.cards[slot].center)  # type: ignore[attr-defined]
    drv.until("lobby_edit")
    drv.click(menu_rect(drv.scene.menu, "rename").center)  # type: ignore[attr-defined]
    drv.until("name_entry")


def test_a_pad_alone_renames_its_player(driver: Driver) -> None:
    # GIVEN a title screen driven by a pad only
    driver.pad_added(PAD)
    while driver.scene.menu.focused.key != "party":  # type: ignore[attr-defined]
        driver.pad_hat((0, -1), instance_id=PAD)
    driver.pad_button(0, instance_id=PAD)
    driver.until("lobby")
    # AND two pads seated
    driver.pad_button(0, instance_id=PAD)
    driver.pad_added(OTHER)
    driver.pad_button(0, instance_id=OTHER)
    roster = roster_of(driver)
    assert [p.device for p in roster.players] == [f"pad:{PAD}", f"pad:{OTHER}"]
    other = roster.players[1].name
    # WHEN the first pad presses A on its own seat, then A on Rename
    driver.pad_button(0, instance_id=PAD)
    driver.until("lobby_edit")
    assert driver.scene.menu.focused.key == "rename"  # type: ignore[attr-defined]
    driver.pad_button(0, instance_id=PAD)
    driver.until("name_entry")
    # AND rubs the old name out with one B (it starts selected) and walks the on-screen keys
    driver.pad_button(1, instance_id=PAD)
    assert driver.scene.text == ""  # type: ignore[attr-defined]
    for letter in "WAINGRO":
        pad_walk(driver, letter, PAD)
    assert driver.scene.text == "Waingro"  # type: ignore[attr-defined]
    # AND finishes with Start
    driver.pad_button(7, instance_id=PAD)
    driver.until("lobby_edit")
    # THEN the player is renamed; A on Done (focused now) goes back to the lobby
    assert roster.players[0].name == "Waingro"
    assert roster.players[1].name == other
    assert driver.scene.menu.focused.key == "done"  # type: ignore[attr-defined]
    driver.pad_button(0, instance_id=PAD)
    driver.until("lobby")
    # AND the other pad renames itself too, finishing on the on-screen DONE key
    driver.pad_button(0, instance_id=OTHER)
    driver.until("lobby_edit")
    driver.pad_button(0, instance_id=OTHER)
    driver.until("name_entry")
    pad_walk(driver, "S", OTHER)  # the old name is selected: the first key replaces it
    pad_walk(driver, "OK", OTHER)
    driver.until("lobby_edit")
    assert roster.players[1].name == "S"
    # AND B on an empty field leaves, keeping the name
    driver.pad_button(0, instance_id=OTHER)  # A on Done
    driver.until("lobby")
    driver.pad_button(0, instance_id=OTHER)
    driver.until("lobby_edit")
    driver.pad_button(0, instance_id=OTHER)
    driver.until("name_entry")
    for _ in range(2):  # the first B rubs out the selected name, the second leaves
        driver.pad_button(1, instance_id=OTHER)
    driver.until("lobby_edit")
    assert roster.players[1].name == "S"


def test_the_mouse_alone_renames_a_player(driver: Driver) -> None:
    roster = seat_two(driver)
    open_rename_by_click(driver, 1)
    for _ in range(MAX_NAME_LENGTH):
        driver.click(key_rect(driver, "DEL").center)
    for key in ("N", "A", "T", "E", "SPACE", "H", "A", "N", "N", "A"):
        driver.click(key_rect(driver, key).center)
    assert driver.scene.text == "Nate hanna"  # type: ignore[attr-defined]
    driver.click(key_rect(driver, "OK").center)
    driver.until("lobby_edit")
    assert roster.players[1].name == "Nate hanna"
    driver.click(menu_rect(driver.scene.menu, "done").center)  # type: ignore[attr-defined]
    driver.until("lobby")


def test_the_keyboard_renames_a_player_trimmed_and_at_most_sixteen_letters(
    driver: Driver,
) -> None:
    roster = seat_two(driver)
    driver.press("up")  # from Start game to Edit players
    driver.press("return")
    driver.press("right")  # the second card
    driver.press("return")
    driver.until("lobby_edit")
    driver.press("return")  # Rename
    driver.until("name_entry")
    for _ in range(MAX_NAME_LENGTH):
        driver.press("backspace", frames=1)
    driver.type("  Lieutenant Vincent Hanna")
    assert driver.scene.text == "  Lieutenant Vin"  # type: ignore[attr-defined]
    driver.press("return")
    driver.until("lobby_edit")
    assert roster.players[1].name == "Lieutenant Vin"
    # Typing straight away in the editor starts a new name.
    driver.type("Eady")
    assert driver.scene_name == "name_entry"
    assert driver.scene.text == "Eady"  # type: ignore[attr-defined]
    driver.press("return")
    driver.until("lobby_edit")
    assert roster.players[1].name == "Eady"
    driver.press("return")  # Done
    driver.until("lobby")
    assert driver.scene.card_focus == 1  # type: ignore[attr-defined]


def test_a_duplicate_name_is_refused_with_a_message(driver: Driver) -> None:
    roster = seat_two(driver)
    first, second = roster.names()
    open_rename_by_click(driver, 1)
    for _ in range(MAX_NAME_LENGTH):
        driver.press("backspace", frames=1)
    driver.type(f" {first.upper()} ")
    driver.press("return")
    assert driver.scene_name == "name_entry"
    assert "already playing" in driver.scene.message  # type: ignore[attr-defined]
    driver.pad_added(PAD)
    driver.pad_button(7, instance_id=PAD)  # Start is refused just the same
    assert driver.scene_name == "name_entry"
    assert roster.names() == (first, second)
    driver.press("escape")  # leaving keeps the old name
    driver.until("lobby_edit")
    assert roster.names() == (first, second)


def test_an_empty_name_keeps_the_old_one(driver: Driver) -> None:
    roster = seat_two(driver)
    before = roster.names()
    open_rename_by_click(driver, 0)
    for _ in range(MAX_NAME_LENGTH):
        driver.press("backspace", frames=1)
    driver.type("   ")
    driver.press("return")
    driver.until("lobby_edit")
    assert roster.names() == before
    driver.click(menu_rect(driver.scene.menu, "rename").center)  # type: ignore[attr-defined]
    driver.until("name_entry")
    for _ in range(MAX_NAME_LENGTH):
        driver.click(key_rect(driver, "DEL").center)
    driver.click(key_rect(driver, "OK").center)
    driver.until("lobby_edit")
    assert roster.names() == before


def test_a_pad_leaving_while_its_player_is_renamed_closes_the_editor(driver: Driver) -> None:
    open_lobby(driver)
    driver.pad_added(PAD)
    driver.pad_button(0, instance_id=PAD)
    driver.press(zones(driver)[0][0])
    driver.pad_button(0, instance_id=PAD)
    driver.pad_button(0, instance_id=PAD)
    driver.until("name_entry")
    driver.pad_removed(PAD)
    driver.type("x")
    driver.press("return")
    driver.until("lobby")
    assert [p.device for p in roster_of(driver).players] == ["zone:0"]
