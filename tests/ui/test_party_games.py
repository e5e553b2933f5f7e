"""Whole party games of every mode through the headless driver, to the podium.

Several players press in the same frame, pads come and go mid-game, and the
engine's results are checked after each reveal.
"""

from __future__ import annotations

import pytest
from party_helpers import (
    device_keys,
    open_lobby,
    pack_question,
    play_to_podium,
    right_index,
    right_order,
    zones,
)
from ui_helpers import menu_rect

from quiz.engine import GameConfig, Mode, Phase
from quiz.packs.registry import discover
from quiz.ui.driver import Driver

PAD = 21


def heat_pack():
    return next(r.pack for r in discover() if r.ok and r.pack is not None and r.pack.builtin)


def seat_lobby(drv: Driver, zone_count: int, pads: tuple[int, ...] = ()) -> None:
    open_lobby(drv)
    keys = zones(drv)
    drv.press(*(keys[z][0] for z in range(zone_count)))  # everyone sits down in one frame
    for pad in pads:
        drv.pad_added(pad)
        drv.pad_button(0, instance_id=pad)


def start_from_lobby(drv: Driver, mode: Mode, rounds: int = 2, per_round: int = 3) -> None:
    from dataclasses import replace

    from quiz.ui.scenes.flow import start_game

    config = replace(drv.scene.config(), mode=mode, rounds=rounds, per_round=per_round, seed=5)  # type: ignore[attr-defined]
    start_game(drv.session, config)
    drv.step(2)


def test_everyone_game_with_simultaneous_presses_and_a_pad_that_comes_and_goes(
    driver: Driver,
) -> None:
    seat_lobby(driver, 3, pads=(PAD,))
    start_from_lobby(driver, Mode.EVERYONE)
    keys = zones(driver)
    pad = {"id": PAD}
    checked: list[str] = []

    def answer(drv: Driver) -> None:
        game = drv.game
        if drv.scene_name == "party_order":
            order = right_order(game)
            for position in range(len(order)):
                # Three zones press in the same frame; the last zone puts them backwards.
                drv.press(
                    keys[0][order[position]],
                    keys[1][order[position]],
                    keys[2][order[-1 - position]],
                )
                drv.pad_button(order[position], instance_id=pad["id"], frames=1)
            return
        right = right_index(game)
        wrong = (right + 1) % len(game.current.choices)  # type: ignore[union-attr]
        if not checked:
            # The first player locks in; their card says so and no tile gives away the choice.
            drv.press(keys[0][right])
            scene = drv.scene
            assert scene.card_look(0).status == "LOCKED"  # type: ignore[attr-defined]
            assert {t.state.value for t in scene.tiles} == {"normal"}  # type: ignore[attr-defined]
            assert game.current is not None and game.current.answered == {0}
            # A pad is plugged in mid-game and pressed: nobody's seat, so nothing happens.
            drv.pad_added(55)
            drv.pad_button(right, instance_id=55)
            # The seated pad goes away: the game pauses and asks for it back.
            drv.pad_removed(pad["id"])
            assert drv.scene_name == "reconnect" and game.paused
            left = game.time_left()
            drv.advance(5)
            assert game.time_left() == left  # paused: the clock does not drain
            drv.pad_added(56)  # a pad appears and takes the empty seat
            drv.until("party_question")
            assert not game.paused
            pad["id"] = 56
            drv.press(keys[1][right], keys[2][wrong])
            checked.append("secret lock-in, pads")
        else:
            drv.press(keys[0][right], keys[1][right], keys[2][wrong])
        drv.pad_button(right, instance_id=pad["id"])

    def verify(drv: Driver) -> None:
        revealed = drv.game.last_reveal
        assert revealed is not None
        results = {r.player: r for r in revealed.results}
        assert all(r.answered for r in results.values()), "every press was honoured"
        assert results[0].correct and results[1].correct and results[3].correct
        assert results[2].correct is (
            revealed.question.type.value == "order" and results[2].share == 1
        )

    seen = play_to_podium(driver, answer, verify)
    assert checked
    assert {"party_round_intro", "party_question", "party_reveal", "party_standings"} <= seen
    assert driver.game.phase is Phase.GAME_OVER
    standings = driver.game.standings()
    config = driver.game.config
    length = (config.rounds, config.per_round)
    table = driver.session.scores.top("everyone", config.pack_ids, length)
    assert table[0].name == (
        standings[0].name
    )


def test_buzz_game_started_from_the_command_line_with_lock_outs_and_a_same_frame_race() -> None:
    config = GameConfig(
        Mode.BUZZ, ("Neil", "Vincent", "Chris"), (heat_pack(),), rounds=2, per_round=3, seed=8
    )
    drv = Driver.open(config)  # as `heat-quiz play --mode buzz --players 3 --names ...` does
    try:
        roster = drv.session.party
        assert roster is not None
        assert [p.device for p in roster.players] == ["zone:0", "zone:1", "zone:2"]
        drv.until("party_round_intro")

        def answer(drv: Driver) -> None:
            game = drv.game
            right = right_index(game)
            wrong = (right + 1) % len(game.current.choices)  # type: ignore[union-attr]
            vincent, neil, chris = (device_keys(drv, s) for s in (1, 0, 2))
            drv.press(vincent[2])  # any key buzzes
            assert game.phase is Phase.BUZZED and game.current.buzzed_player == 1  # type: ignore[union-attr]
            assert "buzz" in drv.session.sound.played
            drv.press(vincent[wrong])
            assert 1 in game.current.locked_out  # type: ignore[union-attr]
            drv.press(vincent[0])  # locked out: cannot buzz again
            assert game.phase is Phase.QUESTION
            # Neil and Chris buzz in the same frame: the first event read wins, the other waits.
            drv.press(neil[0], chris[0])
            assert game.current.buzzed_player == 0  # type: ignore[union-attr]
            drv.press(neil[right])

        def verify(drv: Driver) -> None:
            results = {r.player: r for r in drv.game.last_reveal.results}  # type: ignore[union-attr]
            assert results[1].points < 0 and not results[1].correct
            assert results[0].correct and results[0].points > 0
            assert results[2].points == 0

        seen = play_to_podium(drv, answer, verify)
        assert "party_question" in seen
        assert driver_podium_scores(drv)[1] < 0  # Vincent only ever lost points
    finally:
        drv.close()


def driver_podium_scores(drv: Driver) -> dict[int, int]:
    return {p.slot: p.score for p in drv.game.players}


def test_turns_game_passes_the_device_and_types_text_answers(driver: Driver) -> None:
    seat_lobby(driver, 2, pads=(PAD,))
    start_from_lobby(driver, Mode.TURNS, rounds=2, per_round=12)
    keys = zones(driver)
    passes: list[int] = []

    def answer(drv: Driver) -> None:
        game = drv.game
        turn = game.current.turn_player  # type: ignore[union-attr]
        assert turn is not None
        roster = drv.session.party
        assert roster is not None
        others = [z for z in range(2) if roster.slot_of(f"zone:{z}") != turn]
        if drv.scene_name != "party_text":
            # Someone else's keys do nothing on this player's turn.
            drv.press(*(keys[z][0] for z in others))
            assert game.current.answered == frozenset()  # type: ignore[union-attr]
        device = roster.players[turn].device
        if drv.scene_name == "party_text":
            drv.type(str(pack_question(game).answer))
            drv.press("return")
            return
        picks = right_order(game) if drv.scene_name == "party_order" else [right_index(game)]
        for index in picks:
            if device.startswith("pad:"):
                drv.pad_button(index, instance_id=PAD)
            else:
                drv.press(zones(drv)[int(device[5:])][index])

    def verify(drv: Driver) -> None:
        revealed = drv.game.last_reveal
        assert revealed is not None and len(revealed.results) == 1
        assert revealed.results[0].correct, revealed.question.prompt
        nxt = drv.game.next_turn_player
        if nxt is not None:
            passes.append(nxt)

    seen = play_to_podium(driver, answer, verify)
    assert {"pass_device", "party_text", "party_question"} <= seen
    assert set(passes) == {0, 1, 2}
    stats = driver.game.stats()
    assert len({s.questions for s in stats}) == 1  # everyone faced as many questions


def test_rematch_keeps_the_players_and_deals_new_questions(driver: Driver) -> None:
    seat_lobby(driver, 2)
    start_from_lobby(driver, Mode.EVERYONE, rounds=1, per_round=1)
    first = driver.game
    names = first.config.names
    play_to_podium(driver, lambda d: d.game.reveal_now() and None)
    driver.advance(0.8)
    driver.press("return")  # Enter still being mashed from the reveals: no rematch yet
    assert driver.scene_name == "podium"
    driver.advance(1.0)
    driver.click(menu_rect(driver.scene.menu, "rematch").center)  # type: ignore[attr-defined]
    driver.until("party_round_intro")
    assert driver.game is not first and driver.game.config.names == names
    assert driver.game.config.seed is None or driver.game.seed != first.seed


def test_the_mouse_cannot_answer_in_a_party(driver: Driver) -> None:
    seat_lobby(driver, 2)
    start_from_lobby(driver, Mode.EVERYONE, rounds=1, per_round=10)
    driver.press("return")
    for _ in range(10):
        driver.until("party_question", 5) if driver.scene_name != "party_question" else None
        if driver.game.current.type.value == "choice":  # type: ignore[union-attr]
            break
        driver.game.reveal_now()
        driver.until("party_reveal", 3)
        driver.advance(0.7)
        driver.press("return")
    tile = driver.scene.tiles[0]  # type: ignore[attr-defined]
    driver.click(tile.rect.center)
    assert driver.game.current.answered == frozenset()  # type: ignore[union-attr]
    driver.click((1178, 37))  # the header's Pause button is a menu: it works
    assert driver.scene_name == "pause"


@pytest.mark.parametrize("choice", ["without", "pad"])
def test_more_players_than_zones_wait_for_pads_from_the_command_line(choice: str) -> None:
    names = tuple(f"Player {i}" for i in range(1, 7))
    config = GameConfig(
        Mode.EVERYONE, names, (heat_pack(),), rounds=1, per_round=2, seconds=None, seed=4
    )
    drv = Driver.open(config)
    try:
        drv.until("reconnect")
        roster = drv.session.party
        assert roster is not None and roster.waiting() == [4, 5]
        assert drv.game.paused
        if choice == "pad":
            drv.pad_added(70)
            drv.pad_button(0, instance_id=71)  # a pad already there presses a button
            drv.until("party_round_intro")
            assert roster.waiting() == []
            assert [p.device for p in roster.players[4:]] == ["pad:70", "pad:71"]
        else:
            drv.advance(1.0)
            drv.press("return")  # Play on without them
            drv.until("party_round_intro")
            assert roster.waiting() == [4, 5] and not drv.game.paused
            drv.press("return")
            drv.until("party_question", 3)
            # The four at the keyboard answer: nobody waits for the two without a controller.
            keys = zones(drv)
            drv.press(*(keys[z][0] for z in range(4)))
            drv.until("party_reveal", 1.5)
            drv.pad_added(72)  # one turns up later and takes a seat
            assert roster.waiting() == [5]
    finally:
        drv.close()


def test_play_command_starts_a_party_with_the_lobby_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from quiz import cli
    from quiz.ui import app

    started: list[GameConfig] = []
    monkeypatch.setattr(app, "run", lambda config: started.append(config) or 0)
    assert cli.main(["play", "--mode", "buzz", "--players", "3"]) == 0
    assert cli.main(["play", "--mode", "turns", "--names", "Ann,Bo,Cy"]) == 0
    buzz, turns = started
    # Without names, the players get the names a fresh lobby gives, not "Player 1/2/3".
    assert buzz.mode is Mode.BUZZ and buzz.names == ("Neil", "Vincent", "Chris")
    assert turns.mode is Mode.TURNS and turns.names == ("Ann", "Bo", "Cy")
    assert buzz.max_choices == 4


def test_an_unplugged_pad_on_the_podium_interrupts_nothing(driver: Driver) -> None:
    seat_lobby(driver, 1, pads=(PAD,))
    start_from_lobby(driver, Mode.EVERYONE, rounds=1, per_round=1)
    play_to_podium(driver, lambda d: d.game.reveal_now() and None)
    driver.pad_removed(PAD)
    driver.advance(1.0)
    assert driver.scene_name == "podium"
