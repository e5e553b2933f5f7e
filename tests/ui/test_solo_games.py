"""Whole solo games from the title screen to the high-score table, one input device each."""

from __future__ import annotations

from ui_helpers import (
    answer_keyboard,
    answer_mouse,
    answer_pad,
    key_rect,
    menu_rect,
    pad_walk,
    play_to_results,
)

from quiz.storage import HighScores
from quiz.ui.driver import Driver
from quiz.ui.scenes.menus.highscores import HighScoresScene
from quiz.ui.scenes.solo.results import ResultsScene


def check_table(driver: Driver, name: str) -> None:
    assert driver.scene_name == "highscores"
    scene = driver.scene
    assert isinstance(scene, HighScoresScene)
    assert scene.highlight == 1
    table = scene.table
    assert table is not None
    # The score is on disk, not only in memory.
    entries = HighScores.load().top(table.mode, list(table.packs), table.length)
    assert [e.name for e in entries] == [name]
    shown = driver.session.scores.top(table.mode, list(table.packs), table.length)
    assert entries[0].score == shown[0].score


def test_keyboard_only_game_reaches_the_high_score_table(driver: Driver) -> None:
    # GIVEN the title screen
    assert driver.scene_name == "title"
    # WHEN the player starts a solo game with Enter and keeps the default setup
    driver.press("return")
    driver.until("setup")
    driver.press("return")
    driver.until("round_intro")
    total = driver.game.total_questions
    # AND answers every question with number keys, typing and Enter
    answered = play_to_results(driver, answer_keyboard, lambda d: d.press("return"))
    # THEN every question was asked and the results show the engine's score
    assert answered == total == 20
    results = driver.scene
    assert isinstance(results, ResultsScene)
    assert results.stats.score == driver.game.players[0].score
    assert results.stats.questions == total
    # WHEN the score is saved under a typed name
    driver.press("return")
    driver.until("name_entry")
    for _ in range(20):
        driver.press("backspace")
    driver.type("Neil")
    driver.press("return")
    driver.step(3)
    # THEN the table shows it in first place, highlighted
    check_table(driver, "Neil")
    # AND Esc goes back to the title
    driver.press("escape")
    driver.until("title")


def test_mouse_only_game_reaches_the_high_score_table(driver: Driver) -> None:
    title = driver.scene
    driver.click(menu_rect(title.menu, "solo").center)  # type: ignore[attr-defined]
    driver.until("setup")
    setup = driver.scene
    # Fewer rounds: click the left half of the Rounds value twice (4 -> 2).
    rounds = menu_rect(setup.menu, "rounds")  # type: ignore[attr-defined]
    for _ in range(2):
        driver.click((rounds.right - 250, rounds.centery))
    assert setup.rounds == 2  # type: ignore[attr-defined]
    driver.click(menu_rect(setup.menu, "start").center)  # type: ignore[attr-defined]
    driver.until("round_intro")
    assert len(driver.game.rounds) == 2

    def next_button(d: Driver) -> None:
        from quiz.ui.scenes.solo import reveal, standings

        if d.scene_name == "round_intro":
            d.click((640, 360))
        elif d.scene_name == "reveal":
            d.click(reveal.NEXT_BUTTON.center)
        else:
            d.click(standings.NEXT_BUTTON.center)

    answered = play_to_results(driver, answer_mouse, next_button)
    assert answered == driver.game.total_questions == 10
    results = driver.scene
    driver.click(menu_rect(results.menu, "save").center)  # type: ignore[attr-defined]
    driver.until("name_entry")
    for _ in range(16):
        driver.click(key_rect(driver, "DEL").center)
    for letter in "VINCENT":
        driver.click(key_rect(driver, letter).center)
    assert driver.scene.text == "Vincent"  # type: ignore[attr-defined]
    driver.click(key_rect(driver, "OK").center)
    driver.step(3)
    check_table(driver, "Vincent")


def test_gamepad_only_game_reaches_the_high_score_table(driver: Driver) -> None:
    # A pad that pygame cannot open (posted events) still plays.
    driver.pad_added(7)
    driver.pad_button(0, instance_id=7)  # A on "Solo game"
    driver.until("setup")
    driver.pad_hat((0, 1), instance_id=7)  # up from Start to Packs
    driver.pad_hat((0, 1), instance_id=7)  # Difficulty
    driver.pad_hat((0, 1), instance_id=7)  # Timer
    driver.pad_hat((0, 1), instance_id=7)  # Questions per round
    driver.pad_hat((-1, 0), instance_id=7)  # 5 -> 4
    driver.pad_hat((-1, 0), instance_id=7)  # 4 -> 3
    driver.pad_hat((0, 1), instance_id=7)  # Rounds
    driver.pad_hat((-1, 0), instance_id=7)  # 4 -> 3
    assert (driver.scene.rounds, driver.scene.per_round) == (3, 3)  # type: ignore[attr-defined]
    for _ in range(5):
        driver.pad_hat((0, -1), instance_id=7)
    assert driver.scene.menu.focused.key == "start"  # type: ignore[attr-defined]
    driver.pad_button(0, instance_id=7)
    driver.until("round_intro")
    answered = play_to_results(
        driver, lambda d: answer_pad(d, 7), lambda d: d.pad_button(0, instance_id=7)
    )
    assert answered == driver.game.total_questions == 9
    driver.pad_button(0, instance_id=7)  # A on "Save high score"
    driver.until("name_entry")
    for _ in range(16):
        driver.pad_button(1, instance_id=7)  # B rubs out
    for letter in "CHRIS":
        pad_walk(driver, letter)
    assert driver.scene.text == "Chris"  # type: ignore[attr-defined]
    pad_walk(driver, "OK")
    driver.step(3)
    check_table(driver, "Chris")
    driver.pad_button(1, instance_id=7)
    driver.until("title")
