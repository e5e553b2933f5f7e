"""Three phone pages in phone-sized Chromium viewports join and play whole games against the
game under the headless driver; one reloads mid-game and keeps its seat; every screen of the
page is photographed and its touch targets measured."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from party_helpers import open_lobby, pack_question, right_index, right_order
from scripted import PHONE, SHOWN

from quiz.engine import Mode
from quiz.phones import PhoneServer
from quiz.ui.driver import Driver

SHOTS = Path(__file__).parent / "shots"


def until(ready: Callable[[], bool], step: Callable[[], None], seconds: float = 20) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if ready():
            return
        step()
    assert ready(), "the page did not get there in time"


@pytest.fixture
def game() -> Iterator[Driver]:
    drv = Driver.open()
    drv.session.settings = replace(drv.session.settings, rounds=2, per_round=2,
                                   timer_seconds=None)
    open_lobby(drv)
    yield drv
    drv.close()


def join_pages(browser: Any, drv: Driver, names: list[str]) -> list[Any]:
    link = drv.session.phones
    assert link is not None
    pages = []
    for name in names:
        page = browser.new_context(**PHONE).new_page()
        page.goto(link.url)
        page.fill("#name", name)
        page.click("#join-button")
        pages.append(page)
    roster = drv.session.party
    assert roster is not None
    until(lambda: len(roster) == len(names), lambda: drv.step(2))
    for page in pages:
        until(showing(page, "#lobby"), lambda: drv.step(2))
    return pages


def visible(page: Any, selector: str) -> bool:
    return bool(page.locator(selector).first.is_visible())


def showing(page: Any, selector: str) -> Callable[[], bool]:
    """A wait condition bound to this page and selector (not to a loop's variables)."""
    return lambda: visible(page, selector)


def moved_on(drv: Driver, before: object) -> Callable[[], bool]:
    return lambda: drv.session.stack.top is not before


def answer_on(page: Any, drv: Driver, slot: int) -> None:
    """Answer on the page the way a player would: right, except slot 1 answers wrong."""
    game = drv.game
    current = game.current
    assert current is not None
    until(lambda: page.locator("#prompt").text_content() == current.prompt, lambda: drv.step(2))
    if visible(page, "#buzz"):
        return
    if visible(page, "#typed"):
        answer = str(pack_question(game).answer)
        page.fill("#typed-input", answer if slot != 1 else "nobody at all")
        page.click("#typed-send")
    elif visible(page, "#order"):
        order = right_order(game)
        for index in order if slot != 1 else order[::-1]:
            page.locator("#order-items .answer").nth(index).click()
        page.click("#order-send")
    elif visible(page, "#answers"):
        right = right_index(game)
        pick = right if slot != 1 else (right + 1) % len(current.choices)
        page.locator("#answers .answer").nth(pick).click()


def play(drv: Driver, pages: list[Any], mode: Mode, reload_at: int = 2) -> set[str]:
    leader = pages[0]
    seen: set[str] = set()
    questions = 0
    for _ in range(100):
        name = drv.scene_name
        seen.add(name)
        if name == "podium":
            return seen
        if name in ("party_question", "party_order", "party_typed"):
            questions += 1
            if questions == reload_at:
                pages[2].reload()  # a phone reloads mid-game: same seat, same name
                # The page shows the question as soon as it is seated again; the TV hears of
                # the seat's return in its next frame.
                until(showing(pages[2], "#question"), lambda: drv.step(2))
                until(lambda: drv.session.party.players[2].connected,  # type: ignore[union-attr]
                      lambda: drv.step(1), seconds=1)
                assert drv.session.party.players[2].name == "Eady"  # type: ignore[union-attr]
            if mode is Mode.BUZZ:
                page = pages[questions % len(pages)]
                until(showing(page, "#buzz"), lambda: drv.step(2))
                page.click("#buzz")
                until(showing(page, "#answers"), lambda: drv.step(2))
                page.locator("#answers .answer").nth(right_index(drv.game)).click()
            else:
                for slot, page in enumerate(pages):
                    answer_on(page, drv, slot)
            until(lambda: drv.scene_name == "party_reveal", lambda: drv.step(2))
            until(lambda: visible(leader, "#reveal"), lambda: drv.step(2))
            verdicts = [p.locator("#verdict").text_content() for p in pages]
            results = {r.player: r for r in drv.game.last_reveal.results}  # type: ignore[union-attr]
            for slot, verdict in enumerate(verdicts):
                assert verdict == ("Right!" if results[slot].correct else
                                   "Wrong" if results[slot].answered else "No answer"), slot
        elif name in ("party_reveal", "party_standings", "party_round_intro"):
            drv.advance(0.7)
            before = drv.scene
            button = {"party_reveal": "#reveal .continue", "party_standings": "#standings .continue",
                      "party_round_intro": "#intro-go"}[name]
            until(showing(leader, button), lambda: drv.step(2))
            leader.click(button)
            until(moved_on(drv, before), lambda: drv.step(2))
        else:
            raise AssertionError(f"unexpected scene {name}")
    raise AssertionError("the game did not end")


@pytest.mark.parametrize("mode", [Mode.EVERYONE, Mode.BUZZ])
def test_three_phone_pages_play_a_whole_game(browser: Any, game: Driver, mode: Mode) -> None:
    pages = join_pages(browser, game, ["Hanna", "Waingro", "Eady"])
    game.scene.roster.mode = mode  # type: ignore[attr-defined]
    assert visible(pages[0], "#start") and not visible(pages[1], "#start")
    pages[0].click("#start")
    until(lambda: game.scene_name == "party_round_intro", lambda: game.step(2))
    seen = play(game, pages, mode)
    assert "party_standings" in seen
    for page in pages:
        until(showing(page, "#podium"), lambda: game.step(2))
    standings = game.game.standings()
    for page, name in zip(pages, ["Hanna", "Waingro", "Eady"]):
        rank = next(s.rank for s in standings if s.name == name)
        expected = "You win!" if rank == 1 else f"#{rank} of 3"
        assert page.locator("#place").text_content() == expected
    assert [p.name for p in game.session.party.players] == ["Hanna", "Waingro", "Eady"]  # type: ignore[union-attr]


SCREENS: dict[str, dict[str, Any]] = {
    "lobby": {"screen": "lobby", "title": "You're in!", "note": "4 players so far."},
    "question": {"screen": "question", "question": {
        "n": 3, "input": "choice", "prompt": "Who plays Neil McCauley?", "count": 4,
        "choices": ["Robert De Niro", "Al Pacino", "Val Kilmer", "Tom Sizemore"],
        "info": "Round 1/4 · Question 3 of 5"}},
    "typed": {"screen": "question", "question": {
        "n": 4, "input": "text", "prompt": "Which city is the film set in?", "count": 0,
        "choices": [], "info": "Round 2/4 · Question 1 of 5"}},
    "order": {"screen": "question", "question": {
        "n": 5, "input": "order", "prompt": "Put these in the order the film shows them",
        "count": 5, "choices": ["The armoured car", "The diner", "The bank", "The airport",
                                "The hotel"], "info": "Round 2/4 · Question 2 of 5"}},
    "buzz": {"screen": "question", "question": {
        "n": 6, "input": "buzz", "prompt": "Who directed the film?", "count": 4,
        "choices": ["Michael Mann", "Ridley Scott", "Tony Scott", "Brian De Palma"],
        "info": "Round 3/4 · Question 1 of 5"}},
    "locked": {"screen": "question", "question": {
        "n": 3, "input": "choice", "prompt": "Who plays Neil McCauley?", "count": 4,
        "choices": ["a", "b", "c", "d"], "answered": True, "info": "Round 1/4"}},
    "reveal": {"screen": "reveal", "answer": "Robert De Niro", "result": {
        "facing": True, "correct": True, "answered": True, "points": 1240, "streak": 3,
        "score": 4870, "rank": 2}},
    "standings": {"screen": "standings", "title": "After round 2", "standings": [
        {"rank": 1, "name": "Waingro", "score": 6120, "colour": "#3cce86", "you": False},
        {"rank": 2, "name": "Hanna", "score": 4870, "colour": "#fac83c", "you": True},
        {"rank": 3, "name": "Chris <b>", "score": 2210, "colour": "#b076f5", "you": False}]},
    "podium": {"screen": "podium", "podium": {
        "rank": 2, "of": 3, "score": 9450, "correct": 14, "questions": 20,
        "longest_streak": 6, "fastest": 2.43}, "standings": [
        {"rank": 1, "name": "Waingro", "score": 10120, "colour": "#3cce86", "you": False},
        {"rank": 2, "name": "Hanna", "score": 9450, "colour": "#fac83c", "you": True},
        {"rank": 3, "name": "Chris <b>", "score": 5210, "colour": "#b076f5", "you": False}]},
}


# Every visible button's size and label, and how far the page reaches past the window's width.
BUTTONS = f"""() => [...document.querySelectorAll("button")].filter({SHOWN})
    .map(el => {{ const r = el.getBoundingClientRect();
                 return {{width: r.width, height: r.height, label: el.textContent.trim()}}; }})"""
OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"
MARKUP = """() => [...document.querySelectorAll("b")]
    .filter(el => el.textContent.includes("Chris")).length"""


# Numbers read as the TV writes them, whatever the browser's language.
NUMBERS = {"reveal": {"#r-points": "+1,240", "#r-score": "Score: 4,870"},
           "podium": {"#p-score": "9,450", "#podium-list li:first-child .score": "10,120"}}


def check_readable(page: Any, name: str) -> None:
    """Touch targets of at least 48 px, nothing to scroll sideways (no zoom needed), names as
    text (a name holding `<b>` must not become bold markup)."""
    for box in page.evaluate(BUTTONS):
        assert box["height"] >= 48 and box["width"] >= 48, (name, box)
    assert page.evaluate(OVERFLOW) <= 0, name
    assert page.evaluate(MARKUP) == 0, name


def test_every_screen_of_the_page_is_readable_with_big_touch_targets(
        browser: Any, browser_name: str) -> None:
    server = PhoneServer("127.0.0.1", 0)
    server.start()
    prefix = "phone" if browser_name == "chromium" else f"{browser_name}-phone"
    try:
        SHOTS.mkdir(exist_ok=True)
        page = browser.new_context(**PHONE).new_page()
        page.goto(server.url)
        page.wait_for_selector("#join", state="visible")
        page.fill("#name", "Hanna")
        page.screenshot(path=str(SHOTS / f"{prefix}-join.png"))
        check_readable(page, "join")
        page.click("#join-button")
        page.wait_for_selector("#lobby", state="visible")
        for name, state in SCREENS.items():
            players = [{"name": n, "colour": c, "icon": i, "phone": True, "connected": n != "Eady"}
                       for n, c, i in (("Hanna", "#fac83c", 3), ("Waingro", "#3cce86", 4),
                                       ("Chris <b>", "#b076f5", 5), ("Eady", "#ff8e36", 6))]
            server.publish({"players": players, **state}, {})
            section = "question" if state["screen"] == "question" else state["screen"]
            page.wait_for_selector(f"#{section}", state="visible")
            page.wait_for_timeout(150)
            page.screenshot(path=str(SHOTS / f"{prefix}-{name}.png"))
            check_readable(page, name)
            for selector, text in NUMBERS.get(name, {}).items():
                assert page.locator(selector).text_content() == text, (name, selector)
        page.set_viewport_size({"width": 844, "height": 390})
        server.publish({"players": [], **SCREENS["question"]}, {})
        page.wait_for_timeout(150)
        page.screenshot(path=str(SHOTS / f"{prefix}-question-landscape.png"))
        check_readable(page, "landscape question")
    finally:
        server.stop()
