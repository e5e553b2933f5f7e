"""The lobby: sitting down with keys or a pad, leaving, editing, picking a mode, starting."""

from __future__ import annotations

from party_helpers import open_lobby, zones
from ui_helpers import menu_rect

from quiz.engine import Mode
from quiz.ui.driver import Driver


def seats(drv: Driver) -> list[str]:
    assert drv.session.party is not None
    return [p.device for p in drv.session.party.players]


def test_party_game_on_the_title_opens_the_lobby(driver: Driver) -> None:
    item = next(i for i in driver.scene.menu.items if i.key == "party")  # type: ignore[attr-defined]
    assert item.enabled
    open_lobby(driver)
    assert seats(driver) == []


def test_four_zones_pressing_in_one_frame_all_sit_down_and_pads_join_with_a_button(
    driver: Driver,
) -> None:
    open_lobby(driver)
    keys = zones(driver)
    # GIVEN four people pressing their zone's keys in the very same frame
    driver.press(keys[0][0], keys[1][2], keys[2][1], keys[3][0])
    # THEN all four are seated, in the order the keys were read
    assert seats(driver) == ["zone:0", "zone:1", "zone:2", "zone:3"]
    driver.pad_added(40)
    assert seats(driver)[4:] == []  # a pad plugged in does not sit down by itself
    driver.pad_button(0, instance_id=40)
    assert seats(driver)[4:] == ["pad:40"]


def test_a_players_own_keys_change_colour_and_icon_and_the_fourth_leaves(driver: Driver) -> None:
    open_lobby(driver)
    keys = zones(driver)[1]
    driver.press(keys[0])
    roster = driver.session.party
    assert roster is not None
    colour, icon = roster.players[0].colour, roster.players[0].icon
    driver.press(keys[1])
    assert roster.players[0].colour != colour
    driver.press(keys[2])
    assert roster.players[0].icon != icon
    driver.press(keys[3])
    assert seats(driver) == []
    driver.press(keys[3])  # any key sits down again, even the leave key
    assert seats(driver) == ["zone:1"]


def test_a_held_key_joins_once_and_does_not_then_leave(driver: Driver) -> None:
    open_lobby(driver)
    leave_key = zones(driver)[2][3]
    driver.key_down(leave_key)
    driver.step(2)
    driver.key_down(leave_key)  # key repeat: another KEYDOWN without a KEYUP
    driver.step(2)
    assert seats(driver) == ["zone:2"]


def test_rename_move_and_remove_from_the_player_editor(driver: Driver) -> None:
    open_lobby(driver)
    keys = zones(driver)
    driver.press(keys[0][0], keys[1][0], keys[2][0])
    roster = driver.session.party
    assert roster is not None
    driver.click(driver.scene.cards[0].center)  # type: ignore[attr-defined]
    driver.until("lobby_edit")
    driver.type("Lieutenant Hanna!!")  # typing opens the name entry; 18 characters stop at 16
    assert driver.scene_name == "name_entry"
    driver.press(keys[0][3])  # zone keys type into the name, they do not leave
    assert len(roster) == 3
    driver.press("return")
    driver.until("lobby_edit")
    driver.press("return")  # Done
    driver.until("lobby")
    assert roster.players[0].name == "Lieutenant Hanna"
    # Arrows and Enter walk the cards: move the second player later, then remove the first.
    edit = menu_rect(driver.scene.menu, "edit")  # type: ignore[attr-defined]
    driver.click(edit.center)
    driver.press("right")
    driver.press("return")
    driver.until("lobby_edit")
    driver.press("down")  # from Rename to Move earlier
    driver.press("down")  # Move later
    driver.press("return")
    driver.press("escape")
    driver.until("lobby")
    assert seats(driver) == ["zone:0", "zone:2", "zone:1"]


def test_names_must_differ(driver: Driver) -> None:
    open_lobby(driver)
    keys = zones(driver)
    driver.press(keys[0][0], keys[1][0])
    roster = driver.session.party
    assert roster is not None
    other = roster.players[1].name
    driver.click(driver.scene.cards[0].center)  # type: ignore[attr-defined]
    driver.until("lobby_edit")
    driver.type(other.lower())
    driver.press("return")
    assert driver.scene_name == "name_entry"
    assert "already playing" in driver.scene.message  # type: ignore[attr-defined]


def test_mode_is_chosen_with_left_and_right(driver: Driver) -> None:
    open_lobby(driver)
    roster = driver.session.party
    assert roster is not None
    menu = driver.scene.menu  # type: ignore[attr-defined]
    for _ in range(len(menu.items)):
        if menu.focused.key == "mode":
            break
        driver.press("up")
    assert menu.focused.key == "mode"
    driver.press("right")
    assert roster.mode is Mode.BUZZ
    driver.press("right")
    assert roster.mode is Mode.TURNS
    driver.press("right")  # the last mode: Right stops there, like every spinner
    assert roster.mode is Mode.TURNS
    driver.press("left")
    assert roster.mode is Mode.BUZZ


def test_start_needs_two_players_then_starts_with_them(driver: Driver) -> None:
    open_lobby(driver)
    keys = zones(driver)
    driver.press(keys[3][0])
    driver.press("return")  # Start is focused
    assert driver.scene_name == "lobby"
    assert "two players" in driver.scene.message  # type: ignore[attr-defined]
    driver.pad_added(3)
    driver.pad_button(2, instance_id=3)
    driver.pad_button(7, instance_id=3)  # Start on a pad starts the game
    driver.until("party_round_intro")
    config = driver.game.config
    assert config.mode is Mode.EVERYONE and len(config.players) == 2
    assert driver.session.settings.last_players == config.names


def test_an_unplugged_pad_gives_up_its_seat_in_the_lobby(driver: Driver) -> None:
    open_lobby(driver)
    driver.pad_added(8)
    driver.pad_button(1, instance_id=8)
    driver.press(zones(driver)[0][0])
    assert seats(driver) == ["pad:8", "zone:0"]
    driver.pad_removed(8)
    assert seats(driver) == ["zone:0"]


def test_the_mouse_drives_the_lobby_menu(driver: Driver) -> None:
    open_lobby(driver)
    timer = menu_rect(driver.scene.menu, "timer")  # type: ignore[attr-defined]
    before = driver.scene.seconds  # type: ignore[attr-defined]
    driver.click((timer.right - 8, timer.centery))  # the right half of the value steps up
    after = driver.scene.seconds  # type: ignore[attr-defined]
    assert after != before
    driver.click((timer.x + 20, timer.centery))  # the left half steps back down
    assert driver.scene.seconds == before  # type: ignore[attr-defined]


def test_zones_are_rebound_in_settings_and_the_lobby_uses_the_new_keys(driver: Driver) -> None:
    driver.click(menu_rect(driver.scene.menu, "settings").center)  # type: ignore[attr-defined]
    driver.until("settings")
    driver.click(menu_rect(driver.scene.menu, "keys").center)  # type: ignore[attr-defined]
    driver.until("key_zones")
    driver.press("down")
    driver.press("return")  # player keys 2
    # Enter drives menus and "1" belongs to player keys 1: both are refused, the rest taken.
    driver.press("u")
    driver.press("return")
    assert "menus" in driver.scene.message  # type: ignore[attr-defined]
    driver.press("1")
    assert "player keys 1" in driver.scene.message  # type: ignore[attr-defined]
    driver.press("u")
    assert "already" in driver.scene.message  # type: ignore[attr-defined]
    for name in ("i", "o", "p"):
        driver.press(name)
    zones_now = list(driver.session.settings.key_zones.values())
    assert zones_now[1] == ("u", "i", "o", "p")
    from quiz.storage import load_settings

    saved, _warnings = load_settings()
    assert list(saved.key_zones.values())[1] == ("u", "i", "o", "p")
    driver.press("escape")
    driver.until("settings")
    driver.press("escape")
    driver.until("title")
    open_lobby(driver)
    driver.press("o")
    assert seats(driver) == ["zone:1"]
    assert driver.scene.menu is not None  # type: ignore[attr-defined]
    driver.press("8")  # the old keys of that zone answer for nobody now
    assert seats(driver) == ["zone:1"]
