"""Driving party games through the headless driver: seating players and playing to the podium."""

from __future__ import annotations

from collections.abc import Callable

from ui_helpers import menu_rect

from quiz.engine import Game
from quiz.packs.model import Question, QuestionType
from quiz.ui.driver import Driver

QUESTION_SCENES = {"party_question", "party_order", "party_text"}


def zones(drv: Driver) -> tuple[tuple[str, ...], ...]:
    return drv.session.input.bindings.party_zones


def open_lobby(drv: Driver) -> None:
    drv.click(menu_rect(drv.scene.menu, "party").center)  # type: ignore[attr-defined]
    drv.until("lobby")


def pack_question(game: Game) -> Question:
    current = game.current
    assert current is not None
    for pack in game.config.packs:
        for question in pack.questions:
            if question.key == current.key:
                return question
    raise AssertionError(f"{current.key} is in no pack")


def right_index(game: Game) -> int:
    """The right choice, looked up in the pack, as a player who knows the film would."""
    question = pack_question(game)
    current = game.current
    assert current is not None
    if question.type is QuestionType.TRUEFALSE:
        return 0 if question.answer else 1
    return current.choices.index(str(question.answer))


def right_order(game: Game) -> list[int]:
    question = pack_question(game)
    current = game.current
    assert current is not None
    return [current.choices.index(item) for item in question.items]


def device_keys(drv: Driver, slot: int) -> tuple[str, ...]:
    """A seated keyboard player's four keys."""
    roster = drv.session.party
    assert roster is not None
    device = roster.players[slot].device
    assert device.startswith("zone:"), device
    return zones(drv)[int(device.split(":")[1])]


def play_to_podium(
    drv: Driver,
    answer: Callable[[Driver], None],
    between: Callable[[Driver], None] | None = None,
    limit: int = 400,
) -> set[str]:
    """Answer every question with `answer` and go on until the podium; returns scenes seen."""
    seen: set[str] = set()
    for _ in range(limit):
        name = drv.scene_name
        seen.add(name)
        if name == "podium":
            return seen
        if name in QUESTION_SCENES:
            key = drv.game.current.key  # type: ignore[union-attr]
            answer(drv)
            drv.until("party_reveal", 40)
            assert drv.game.current is not None and drv.game.current.key == key
        elif name in ("party_reveal", "party_standings", "pass_device"):
            if between is not None and name == "party_reveal":
                between(drv)
            drv.advance(
                0.7
            )  # the screen ignores "continue" for a moment, so mashing cannot skip it
            drv.press("return")
        elif name == "party_round_intro":
            drv.press("return")
        else:
            raise AssertionError(f"unexpected scene {name!r} in a party game")
        drv.step(2)
    raise AssertionError("the party game did not end")
