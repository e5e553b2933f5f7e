"""Leaving a party game asks first: one key must not throw away a room's game."""

from __future__ import annotations

from party_helpers import zones
from test_party_games import seat_lobby, start_from_lobby

from quiz.engine import Mode
from quiz.ui.driver import Driver


def choose_quit_on_pause(driver: Driver) -> None:
    driver.press("escape")
    assert driver.scene_name == "pause"
    driver.press("down")
    driver.press("down")
    driver.press("return")  # "Quit to title"


def test_quit_to_title_on_the_party_pause_asks_first_and_no_keeps_the_game(
    driver: Driver,
) -> None:
    seat_lobby(driver, 3)
    start_from_lobby(driver, Mode.EVERYONE)
    driver.until("party_question")
    game = driver.game
    choose_quit_on_pause(driver)
    # The game is still there, paused, under a question.
    assert driver.scene_name == "confirm"
    assert driver.session.game is game and game.paused
    question = driver.scene.question  # type: ignore[attr-defined]
    assert "quit" in question.lower()
    # The focus starts on the safe answer: Enter keeps playing, back on the pause overlay.
    driver.press("return")
    assert driver.scene_name == "pause"
    assert driver.session.game is game and game.paused
    driver.press("escape")
    assert driver.scene_name == "party_question" and not game.paused


def test_confirming_the_quit_goes_to_the_title(driver: Driver) -> None:
    seat_lobby(driver, 2)
    start_from_lobby(driver, Mode.BUZZ)
    driver.until("party_question")
    choose_quit_on_pause(driver)
    assert driver.scene_name == "confirm"
    driver.press("right")
    driver.press("return")
    driver.until("title")
    assert driver.session.game is None
    assert len(driver.session.stack.scenes) == 1


def test_a_players_answer_keys_cannot_quit_from_the_confirm(driver: Driver) -> None:
    seat_lobby(driver, 2)
    start_from_lobby(driver, Mode.EVERYONE)
    driver.until("party_question")
    choose_quit_on_pause(driver)
    for key in zones(driver)[0]:
        driver.press(key)
    assert driver.session.game is not None


def test_quit_from_the_missing_controller_overlay_asks_first(driver: Driver) -> None:
    seat_lobby(driver, 2, pads=(31,))
    start_from_lobby(driver, Mode.EVERYONE)
    driver.until("party_question")
    driver.pad_removed(31)
    assert driver.scene_name == "reconnect"
    driver.advance(0.7)
    driver.press("right")  # to "Quit to title"
    driver.press("return")
    assert driver.scene_name == "confirm" and driver.session.game is not None
    driver.press("return")  # "No": back to waiting for the controller
    assert driver.scene_name == "reconnect" and driver.session.game is not None
    driver.advance(0.7)
    driver.press("right")
    driver.press("return")
    driver.press("right")
    driver.press("return")
    driver.until("title")
    assert driver.session.game is None
