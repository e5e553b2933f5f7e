"""The lobby with phones: the join panel with QR code, address and room code, the printed join
line, the Phones toggle, `play --phones N` starting by itself, and the server never outliving
the party."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pygame
import pytest
from party_helpers import open_lobby

sys.path.insert(0, str(Path(__file__).parents[1] / "phones"))
from sim import PhoneCrowd, wait_for

from quiz.engine import Mode
from quiz.packs.model import Difficulty
from quiz.play import PlayError, add_play_arguments, phone_plan_from_args
from quiz.ui.driver import Driver
from quiz.ui.scenes.party.lobby import JOIN_PANEL, LobbyPlan, LobbyScene


def test_a_party_lobby_serves_phones_and_shows_how_to_join(
    driver: Driver, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    open_lobby(driver)
    link = driver.session.phones
    assert link is not None and link.server.running
    url = link.url
    assert url.startswith("http://127.0.0.1:") and url.endswith(f"/?room={link.server.code}")
    assert f"join: {url}" in capsys.readouterr().out
    driver.advance(1)  # past the fade from the title
    shot = driver.screenshot(tmp_path / "lobby.png")
    picture = pygame.image.load(str(shot))
    # The QR code: pure black and white modules at the left of the join panel.
    qr = [picture.get_at((JOIN_PANEL.x + 12 + x, JOIN_PANEL.y + 10 + y))[:3]
          for x in range(0, 200, 7) for y in range(0, 200, 7)]
    assert {(0, 0, 0), (255, 255, 255)} <= set(qr)
    assert set(qr) <= {(0, 0, 0), (255, 255, 255)}
    # ...and a real QR reader, given the whole screen, reads exactly the join address.
    zxingcpp = pytest.importorskip("zxingcpp", reason="the QR reader zxing-cpp (test extra)")
    pixels = pygame.image.tobytes(picture, "RGB")
    view = zxingcpp.ImageView(memoryview(pixels), *picture.get_size(), zxingcpp.ImageFormat.RGB)
    assert [code.text for code in zxingcpp.read_barcodes(view)] == [url]
    # This machine has no LAN address: the lobby says so, and the keys still seat players.
    assert "No network found" in driver.scene.phone_note  # type: ignore[attr-defined]
    keys = driver.session.input.bindings.party_zones
    driver.press(keys[0][0])
    assert len(driver.session.party) == 1  # type: ignore[arg-type]


def test_the_phones_toggle_stops_the_server_and_frees_phone_seats(driver: Driver) -> None:
    open_lobby(driver)
    link = driver.session.phones
    assert link is not None
    crowd = PhoneCrowd(link.server.port)
    try:
        crowd.phone().join(link.server.code, "Hanna")
        roster = driver.session.party
        assert roster is not None
        wait_for(driver.step, lambda: len(roster) == 1)
        scene = driver.scene
        assert isinstance(scene, LobbyScene)
        scene.menu.select("phones")
        driver.press("right")
        assert driver.session.phones is None and not link.server.running
        assert len(roster) == 0 and driver.session.settings.phones is False
        driver.press("right")
        assert driver.session.phones is not None and driver.session.phones.server.code
    finally:
        crowd.close()


def test_back_to_the_title_stops_the_phone_server(driver: Driver) -> None:
    open_lobby(driver)
    link = driver.session.phones
    assert link is not None
    driver.press("escape")
    driver.until("title")
    assert driver.session.phones is None and not link.server.running


def test_a_phone_plan_starts_the_game_once_everyone_is_in(driver: Driver) -> None:
    driver.session.stack.push(
        LobbyScene(driver.session, LobbyPlan(Mode.BUZZ, phones=2, keyboard=1, rounds=1))
    )
    driver.step(2)
    link = driver.session.phones
    assert link is not None
    crowd = PhoneCrowd(link.server.port)
    try:
        for name in ("Hanna", "Waingro"):
            crowd.phone().join(link.server.code, name)
        wait_for(driver.step, lambda: len(driver.session.party) == 2)  # type: ignore[arg-type]
        assert driver.scene_name == "lobby"  # still one keyboard player to come
        driver.press(driver.session.input.bindings.party_zones[0][0])
        driver.until("party_round_intro")
        assert driver.game.config.mode is Mode.BUZZ and len(driver.game.players) == 3
        assert driver.game.config.phones is False  # a keyboard player: key-sized questions
    finally:
        crowd.close()


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_play_arguments(parser)
    return parser.parse_args(argv)


def test_play_phones_options_are_checked() -> None:
    plan = phone_plan_from_args(_args("--mode", "turns", "--phones", "3", "--players", "1",
                                      "--port", "0", "--address", "192.168.1.20"))
    assert plan is not None and (plan.mode, plan.phones, plan.keyboard) == (Mode.TURNS, 3, 1)
    assert phone_plan_from_args(_args("--mode", "everyone")) is None
    for argv, said in (
        (("--phones", "2"), "party modes"),
        (("--mode", "buzz", "--phones", "9"), "2 to 8"),
        (("--mode", "buzz", "--phones", "1"), "2 to 8"),
        (("--mode", "buzz", "--phones", "2", "--address", "8.8.8.8"), "private"),
        (("--mode", "buzz", "--phones", "2", "--address", "192.0.2.2"), "private"),
        (("--mode", "buzz", "--phones", "2", "--port", "70000"), "--port"),
        (("--mode", "buzz", "--address", "10.0.0.2"), "--phones"),
    ):
        with pytest.raises(PlayError, match=said):
            phone_plan_from_args(_args(*argv))


def _small_pack(folder: Path, count: int) -> Path:
    lines = ["format: 1", "pack: {id: lobby-test, title: Lobby Test}", "questions:"]
    for i in range(count):
        lines += [f"  - id: q{i}", "    category: general", "    difficulty: hard",
                  f'    prompt: "Lobby question {i}?"', '    answer: "Right"',
                  '    wrong: ["Wrong a", "Wrong b", "Wrong c"]']
    path = folder / "lobby-test.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_play_phones_plays_the_packs_difficulty_and_seed_it_was_given(
    driver: Driver, tmp_path: Path
) -> None:
    pack = _small_pack(tmp_path, 4)
    plan = phone_plan_from_args(_args("--mode", "everyone", "--phones", "2", "--rounds", "1",
                                      "--per-round", "3", "--pack", str(pack),
                                      "--difficulty", "hard", "--seed", "7"))
    assert plan is not None and [p.id for p in plan.packs] == ["lobby-test"]
    driver.session.stack.push(LobbyScene(driver.session, LobbyPlan(
        plan.mode, plan.phones, rounds=plan.rounds, per_round=plan.per_round,
        packs=plan.packs, difficulty=plan.difficulty, seed=plan.seed)))
    driver.step(2)
    link = driver.session.phones
    assert link is not None
    crowd = PhoneCrowd(link.server.port)
    try:
        for name in ("Hanna", "Waingro"):
            crowd.phone().join(link.server.code, name)
        driver.until("party_round_intro")
        config = driver.game.config
        assert [p.id for p in config.packs] == ["lobby-test"] and config.seed == 7
        assert config.difficulty is Difficulty.HARD and config.per_round == 3
        driver.until("party_question")
        current = driver.game.current
        assert current is not None and current.prompt.startswith("Lobby question")
    finally:
        crowd.close()


def test_play_phones_refuses_a_game_its_packs_cannot_give(tmp_path: Path) -> None:
    pack = _small_pack(tmp_path, 4)  # every question hard
    with pytest.raises(PlayError, match="easy"):
        phone_plan_from_args(_args("--mode", "everyone", "--phones", "2",
                                   "--difficulty", "easy", "--pack", str(pack)))
    with pytest.raises(PlayError, match="no pack"):
        phone_plan_from_args(_args("--mode", "everyone", "--phones", "2", "--pack", "nosuch"))
