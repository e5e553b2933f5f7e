"""Whole party games played from 8 simulated phones (real WebSocket clients) through the
headless driver: joining, every mode to the podium, reconnects, kicks and late joiners."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from party_helpers import open_lobby, pack_question, right_index, right_order

sys.path.insert(0, str(Path(__file__).parents[1] / "phones"))
from sim import PhoneCrowd, SimPhone, wait_for

from quiz.engine import Mode, Phase
from quiz.packs.model import QuestionType
from quiz.ui.driver import Driver
from quiz.ui.phone_link import PhoneLink

PHONE_QUESTION_SCENES = {"party_question", "party_order", "party_typed", "party_text"}


@pytest.fixture
def phones(driver: Driver) -> Iterator[tuple[Driver, PhoneCrowd]]:
    driver.session.settings = replace(driver.session.settings, rounds=2, per_round=3,
                                      timer_seconds=None)
    open_lobby(driver)
    if driver.session.phones is None:
        driver.session.phones = PhoneLink.open("127.0.0.1", 0)
    crowd = PhoneCrowd(driver.session.phones.server.port)
    yield driver, crowd
    crowd.close()


def seat_phones(drv: Driver, crowd: PhoneCrowd, count: int) -> list[SimPhone]:
    code = drv.session.phones.server.code  # type: ignore[union-attr]
    phones = []
    for index in range(count):
        phone = crowd.phone()
        phone.join(code, f"Phone {index + 1}", colour=index % 8, icon=(7 - index) % 8)
        phones.append(phone)
    roster = drv.session.party
    assert roster is not None
    wait_for(drv.step, lambda: len(roster) == count and all(p.screen == "lobby" for p in phones))
    return phones


def leader_presses(drv: Driver, phone: SimPhone, command: str) -> None:
    before = drv.scene
    phone.send({"type": "command", "do": command})
    wait_for(drv.step, lambda: drv.session.stack.top is not before, 5)


def answer_all(drv: Driver, phones: list[SimPhone], wrong: set[int]) -> None:
    """Every phone whose question it is answers: right, or wrong for the slots in `wrong`."""
    game = drv.game
    current = game.current
    assert current is not None
    wait_for(drv.step, lambda: all(p.question.get("n") == current.number for p in phones))
    question = pack_question(game)
    for slot, phone in enumerate(phones):
        kind = phone.question["input"]
        if kind == "watch":
            continue
        if kind == "buzz":
            continue
        if kind == "choice":
            right = right_index(game)
            pick = (right + 1) % len(current.choices) if slot in wrong else right
            phone.answer(choice=pick)
        elif kind == "text":
            phone.answer(text="not it at all" if slot in wrong else str(question.answer))
        elif kind == "order":
            order = right_order(game)
            phone.answer(order=order[::-1] if slot in wrong else order)


def play_buzz(drv: Driver, phones: list[SimPhone]) -> None:
    """Phone 2 buzzes and answers wrong, then phone 1 buzzes and answers right."""
    for slot, right in ((1, False), (0, True)):
        buzz_and_answer(drv, phones[slot], right)
        if right:
            return


def buzz_and_answer(drv: Driver, phone: SimPhone, right: bool) -> None:
    game = drv.game
    wait_for(drv.step, lambda: phone.question.get("input") == "buzz"
             and phone.question.get("buzzer") is None and not phone.question.get("locked_out"))
    phone.send({"type": "buzz", "q": phone.question["n"]})
    wait_for(drv.step, lambda: phone.question.get("you_buzzed"))
    choice = right_index(game)
    phone.answer(choice=choice if right else (choice + 1) % len(game.current.choices))  # type: ignore[union-attr]
    if not right:
        wait_for(drv.step, lambda: phone.question.get("locked_out"))


def play_to_podium(drv: Driver, phones: list[SimPhone], mode: Mode) -> list[str]:
    leader = phones[0]
    seen = []
    for _ in range(200):
        name = drv.scene_name
        seen.append(name)
        if name == "podium":
            return seen
        if name in PHONE_QUESTION_SCENES:
            number = drv.game.current.number  # type: ignore[union-attr]
            if mode is Mode.BUZZ:
                play_buzz(drv, phones)
            else:
                answer_all(drv, phones, wrong={1, 3})
            wait_for(drv.step, lambda: drv.scene_name == "party_reveal", 10)
            check_reveal(drv, phones, number, mode)
        elif name in ("party_reveal", "party_standings", "party_round_intro", "pass_device"):
            drv.advance(0.7)  # the screen's guard against mashed keys
            leader_presses(drv, leader, "continue")
        else:
            raise AssertionError(f"unexpected scene {name!r}")
    raise AssertionError("the game did not end")


def check_reveal(drv: Driver, phones: list[SimPhone], number: int, mode: Mode) -> None:
    revealed = drv.game.last_reveal
    assert revealed is not None and revealed.question.number == number
    results = {r.player: r for r in revealed.results}
    wait_for(drv.step, lambda: all(p.screen == "reveal" for p in phones))
    for slot, phone in enumerate(phones):
        result = phone.state["result"]
        if slot not in results:
            assert result["facing"] is False
            continue
        engine = results[slot]
        assert result["correct"] == engine.correct and result["points"] == engine.points
        if mode is Mode.EVERYONE:
            # Phones 2 and 4 answered wrong on purpose; everyone else was right.
            assert engine.correct == (slot not in (1, 3)), (slot, revealed.question.type)
        if mode is Mode.BUZZ:
            assert engine.correct == (slot == 0)


@pytest.mark.parametrize("mode", [Mode.EVERYONE, Mode.BUZZ, Mode.TURNS])
def test_a_party_of_eight_phones_plays_every_mode_to_the_podium(phones, mode: Mode) -> None:  # type: ignore[no-untyped-def]
    drv, crowd = phones
    party = seat_phones(drv, crowd, 8)
    drv.scene.roster.mode = mode  # type: ignore[attr-defined]
    assert party[0].state["leader"] and not any(p.state["leader"] for p in party[1:])
    leader_presses(drv, party[0], "start")
    config = drv.game.config
    assert config.mode is mode and len(config.players) == 8 and config.phones
    seen = play_to_podium(drv, party, mode)
    assert {"party_round_intro", "party_reveal", "party_standings", "podium"} <= set(seen)
    wait_for(drv.step, lambda: all(p.screen == "podium" for p in party))
    standings = drv.game.standings()
    for phone in party:
        podium = phone.state["podium"]
        mine = next(s for s in standings if s.name == phone.state["you"]["name"])
        assert podium["rank"] == mine.rank and podium["score"] == mine.score and podium["of"] == 8


def test_typed_answers_are_played_in_everyone_when_everyone_has_a_phone(phones) -> None:  # type: ignore[no-untyped-def]
    drv, crowd = phones
    seat_phones(drv, crowd, 3)
    config = replace(drv.scene.config(), rounds=4, per_round=12, seed=3)  # type: ignore[attr-defined]
    assert config.phones
    from quiz.engine.planner import eligible

    kinds = {e.question.type for e in eligible(config)}
    assert QuestionType.TEXT in kinds  # the built-in pack's typed answers join Everyone
    keys_only = replace(config, phones=False)
    assert QuestionType.TEXT not in {e.question.type for e in eligible(keys_only)}


def test_a_phone_that_drops_keeps_its_seat_and_the_question_goes_on(phones) -> None:  # type: ignore[no-untyped-def]
    drv, crowd = phones
    party = seat_phones(drv, crowd, 3)
    leader_presses(drv, party[0], "start")
    leader_presses(drv, party[0], "continue")  # round card to the first question
    assert drv.scene_name in PHONE_QUESTION_SCENES
    roster = drv.session.party
    assert roster is not None
    party[2].drop()
    wait_for(drv.step, lambda: roster.players[2].reconnecting)
    assert drv.scene.card_look(2).status == "reconnecting..."  # type: ignore[attr-defined]
    assert drv.session.stack.top.name != "reconnect"  # nothing pauses for a phone
    number = drv.game.current.number  # type: ignore[union-attr]
    answer_all(drv, party[:2], wrong=set())
    # The two phones still here answered: the question closes without the absent one.
    wait_for(drv.step, lambda: drv.scene_name == "party_reveal")
    result = next(r for r in drv.game.last_reveal.results if r.player == 2)  # type: ignore[union-attr]
    assert not result.answered and drv.game.last_reveal.question.number == number  # type: ignore[union-attr]
    party[2].resume(drv.session.phones.server.code)  # type: ignore[union-attr]
    wait_for(drv.step, lambda: not roster.players[2].reconnecting and party[2].screen == "reveal")
    assert party[2].welcome["resumed"] and roster.players[2].name == "Phone 3"


def test_the_tv_removes_a_phone_and_its_token_stops_working(phones) -> None:  # type: ignore[no-untyped-def]
    drv, crowd = phones
    party = seat_phones(drv, crowd, 3)
    roster = drv.session.party
    assert roster is not None
    roster.leave(1)  # as the lobby's "Remove player" does
    wait_for(drv.step, lambda: any(m["type"] == "kicked" for m in party[1].messages))
    wait_for(drv.step, lambda: party[1].closed_code == 4004)
    party[1].resume(drv.session.phones.server.code)  # type: ignore[union-attr]
    wait_for(drv.step, lambda: any(m.get("reason") == "token" for m in party[1].messages))
    assert [p.name for p in roster.players] == ["Phone 1", "Phone 3"]


def test_a_late_joiner_waits_for_the_break_between_rounds(phones) -> None:  # type: ignore[no-untyped-def]
    drv, crowd = phones
    party = seat_phones(drv, crowd, 2)
    leader_presses(drv, party[0], "start")
    leader_presses(drv, party[0], "continue")
    assert drv.scene_name in PHONE_QUESTION_SCENES
    late = crowd.phone()
    late.join(drv.session.phones.server.code, "Latecomer")  # type: ignore[union-attr]
    wait_for(drv.step, lambda: late.screen == "waiting")
    assert len(drv.game.players) == 2
    while drv.game.phase is not Phase.ROUND_END:
        if drv.scene_name in PHONE_QUESTION_SCENES:
            answer_all(drv, party, wrong=set())
            wait_for(drv.step, lambda: drv.scene_name == "party_reveal")
        drv.advance(0.7)
        leader_presses(drv, party[0], "continue")
    wait_for(drv.step, lambda: len(drv.game.players) == 3 and late.screen == "standings")
    assert drv.game.players[2].name == "Latecomer" and drv.game.players[2].score == 0
    roster = drv.session.party
    assert roster is not None and roster.players[2].name == "Latecomer"


def test_the_host_removes_a_phone_in_the_middle_of_a_game(phones) -> None:  # type: ignore[no-untyped-def]
    drv, crowd = phones
    party = seat_phones(drv, crowd, 3)
    leader_presses(drv, party[0], "start")
    leader_presses(drv, party[0], "continue")  # round card to the first question
    assert drv.scene_name in PHONE_QUESTION_SCENES
    number = drv.game.current.number  # type: ignore[union-attr]
    # At the TV: Esc pauses; the overlay offers to remove a player; pick Phone 2, confirm.
    drv.press("escape")
    assert drv.scene_name == "pause"
    labels = [item.label for item in drv.scene.menu.items]  # type: ignore[attr-defined]
    assert "Remove a player" in labels
    drv.scene.menu.focus = labels.index("Remove a player")  # type: ignore[attr-defined]
    drv.press("return")
    assert drv.scene_name == "remove_player"
    names = [item.label for item in drv.scene.menu.items]  # type: ignore[attr-defined]
    assert names == ["Phone 1", "Phone 2", "Phone 3", "Back"]
    drv.scene.menu.focus = 1  # type: ignore[attr-defined]
    drv.press("return")
    assert drv.scene_name == "confirm"
    drv.press("right")  # from "Keep" to "Remove"
    drv.press("return")
    assert drv.scene_name == "pause"  # back on the overlay, Phone 2 is out
    roster = drv.session.party
    assert roster is not None and roster.players[1].removed
    # The phone hears it and its token no longer opens a seat.
    wait_for(drv.step, lambda: any(m["type"] == "kicked" for m in party[1].messages))
    party[1].resume(drv.session.phones.server.code)  # type: ignore[union-attr]
    wait_for(drv.step, lambda: any(m.get("reason") == "token" for m in party[1].messages))
    drv.press("escape")  # resume the game
    assert drv.scene_name in PHONE_QUESTION_SCENES
    assert drv.scene.card_look(1).status == "removed"  # type: ignore[attr-defined]
    # The two left answer: the question closes without waiting for the removed seat.
    answer_all(drv, [party[0], party[2]], wrong=set())
    wait_for(drv.step, lambda: drv.scene_name == "party_reveal")
    reveal = drv.game.last_reveal
    assert reveal is not None and reveal.question.number == number
    assert not next(r for r in reveal.results if r.player == 1).answered
    # The seat keeps its name and score on the board; nobody can remove it twice.
    assert [p.name for p in drv.game.players] == ["Phone 1", "Phone 2", "Phone 3"]
