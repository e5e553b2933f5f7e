"""Fresh questions first, through the screens a player uses: Play again, a rematch, a new
start of the game and a game quit half-way all count what was met; a damaged history file is
set aside and the game still starts."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import answer_keyboard, menu_rect, play_to_results

from quiz.engine import Mode
from quiz.storage.history import GameHistory
from quiz.ui.driver import Driver


def play_solo_game(driver: Driver) -> tuple[str, ...]:
    play_to_results(driver, answer_keyboard, lambda d: d.press("return"))
    return driver.game.asked_keys


def test_three_solo_games_in_a_row_meet_no_question_twice(driver: Driver) -> None:
    driver.press("return")
    driver.until("setup")
    driver.press("return")
    driver.until("round_intro")
    games = [play_solo_game(driver)]
    for _ in range(2):
        driver.advance(1)
        driver.click(menu_rect(driver.scene.menu, "again").center)  # type: ignore[attr-defined]
        driver.until("round_intro")
        games.append(play_solo_game(driver))
    assert all(len(game) == 20 for game in games)
    met = [set(game) for game in games]
    assert not met[0] & met[1] and not met[0] & met[2] and not met[1] & met[2]
    # The history is on disk: the next start of the game knows these sixty questions.
    on_disk = GameHistory.load().recent(driver.game.config)
    assert [set(game) for game in on_disk] == met


def test_a_new_run_of_the_game_remembers_what_was_met(driver: Driver) -> None:
    driver.press("return")
    driver.until("setup")
    first_config = driver.scene.config()  # type: ignore[attr-defined]
    driver.press("return")
    driver.until("round_intro")
    first = set(play_solo_game(driver))
    driver.close()
    again = Driver.open()  # a new start of the program, same home folder
    try:
        again.session.routes.start_game(first_config)
        again.until("round_intro")
        second = set(play_solo_game(again))
        assert len(second) == 20 and not first & second
    finally:
        again.close()


def test_a_party_rematch_deals_new_questions(driver: Driver) -> None:
    from party_helpers import open_lobby

    open_lobby(driver)
    zones = driver.session.input.bindings.party_zones
    for zone in zones[:2]:
        driver.press(zone[0])
    scene = driver.scene
    config = scene.config()  # type: ignore[attr-defined]
    assert config.mode is Mode.EVERYONE
    driver.session.routes.start_game(config)
    for _ in range(600):
        if driver.scene_name == "podium":
            break
        driver.game.reveal_now()  # nobody answers: the room only watches the questions go by
        driver.advance(1)
        driver.press("return")
    assert driver.scene_name == "podium"
    first = set(driver.game.asked_keys)
    driver.advance(3)
    driver.click(menu_rect(driver.scene.menu, "rematch").center)  # type: ignore[attr-defined]
    driver.until("party_round_intro")
    rematch = driver.game
    assert rematch.config.history and set(rematch.config.history[-1]) == first
    dealt = {key for r in rematch._plan for key in (q.key for q in r.questions)}
    assert len(dealt) == len(first) and not dealt & first


DEEP = b"[" * 100_000 + b"]" * 100_000


@pytest.mark.parametrize(("content", "said"), [
    pytest.param(DEEP, "nested too deeply", id="nested 100,000 deep"),
    pytest.param(b'{"format": 1, "players": {"\xff": []}}', "not UTF-8", id="not UTF-8"),
    pytest.param(b'{"format": 1, "tables": {}}', "not a game history file", id="not a history"),
])
def test_a_damaged_history_is_set_aside_and_the_game_still_starts(
        isolated_home: Path, content: bytes, said: str) -> None:
    (isolated_home / "history.json").write_bytes(content)
    driver = Driver.open()
    try:
        assert driver.scene_name == "title"
        told = [w for w in driver.session.warnings if "history.json" in w]
        assert len(told) == 1 and said in told[0] and "kept it as history.json.corrupt-" in told[0]
        assert len(list(isolated_home.glob("history.json.corrupt-*"))) == 1
        driver.press("return")
        driver.until("setup")
        driver.press("return")
        driver.until("round_intro")
        met = play_solo_game(driver)
        assert len(met) == 20
        # The new file holds the game just played, and nothing of the damaged one.
        assert GameHistory.load().recent(driver.game.config) == (met,)
    finally:
        driver.close()


def test_a_game_quit_after_some_questions_counts_them_as_met(driver: Driver) -> None:
    driver.press("return")
    driver.until("setup")
    driver.press("return")
    driver.until("round_intro")
    for _ in range(100):  # answer two questions, then stand on the third
        if driver.scene_name in ("question", "text_answer", "ordering"):
            if len(driver.game.asked_keys) == 3:
                break
            answer_keyboard(driver)
            driver.until("reveal", 2)
        else:
            driver.press("return")
            driver.step(2)
    met = driver.game.asked_keys
    assert len(met) == 3
    config = driver.game.config
    driver.press("escape")  # pause, then Quit to title
    driver.press("down")
    driver.press("down")
    driver.press("return")
    driver.until("title")
    assert GameHistory.load().recent(config) == (met,)
    driver.session.routes.start_game(config)
    driver.until("round_intro")
    dealt = {q.key for r in driver.game._plan for q in r.questions}
    assert len(dealt) == 20 and not dealt & set(met)
