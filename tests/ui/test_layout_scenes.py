"""Layout defects a player met on single screens, each checked on the frame as drawn.

Where the layout check can see the fault (a text on a button, a cut line) it is asked;
where the fault is in what the text says or where it sits (a stray label, help for a key
that does nothing, a button left-aligned among centred ones), the recorded texts are read.
"""

from __future__ import annotations

from pathlib import Path

import pygame
from layout_helpers import check_frame, record
from ui_helpers import menu_rect

from quiz.engine import GameConfig, Mode
from quiz.packs.registry import discover
from quiz.ui.driver import Driver
from quiz.ui.layout_log import LayoutLog, PlacedText
from quiz.ui.scenes.solo.standings import NEXT_BUTTON


def heat_pack():
    return next(r.pack for r in discover() if r.ok and r.pack and r.pack.builtin)


def found(log: LayoutLog, text: str) -> list[PlacedText]:
    return [t for t in log.texts if t.text == text]


def bounds(placed: PlacedText) -> pygame.Rect:
    return placed.ink[0].unionall(placed.ink[1:])


def test_the_packs_messages_have_a_line_of_their_own_clear_of_the_buttons(
    driver: Driver,
) -> None:
    driver.click(menu_rect(driver.scene.menu, "packs").center)  # type: ignore[attr-defined]
    driver.until("packs")
    driver.press("return")  # untick the only pack: it must stay
    log = record(driver)
    assert found(log, "Keep at least one pack ticked.")
    assert check_frame(driver) == []
    driver.press("down")  # to the buttons: Reload
    driver.press("return")
    message = [t for t in record(driver).texts if t.text.startswith("Found")]
    assert message and check_frame(driver) == []
    done = menu_rect(driver.scene.buttons, "done")  # type: ignore[attr-defined]
    assert bounds(message[0]).bottom <= done.top


def test_found_packs_counts_only_packs_that_can_be_played(isolated_home: Path) -> None:
    packs = isolated_home / "packs"
    packs.mkdir()
    (packs / "broken.yaml").write_text("format: 1\npack:\n  id: [oops\n", encoding="utf-8")
    (packs / "also-broken.yaml").write_text("format: 1\n", encoding="utf-8")
    drv = Driver.open()
    try:
        drv.click(menu_rect(drv.scene.menu, "packs").center)  # type: ignore[attr-defined]
        drv.until("packs")
        for _ in range(4):  # past the packs, broken ones too, to the buttons: Reload first
            if drv.scene.focus >= 0:  # type: ignore[attr-defined]
                drv.press("down")
        assert drv.scene.buttons.focused.key == "reload"  # type: ignore[attr-defined]
        drv.press("return")
        assert drv.scene.message == (  # type: ignore[attr-defined]
            "Found 1 pack to play; 2 cannot be played (see their row)."
        )
    finally:
        drv.close()


def _standings_after(drv: Driver, rounds_done: int) -> LayoutLog:
    """Play unanswered to the standings after round `rounds_done` of a 3-round game."""
    for _ in range(200):
        if drv.scene_name == "standings" and drv.game.round.number == rounds_done:
            drv.advance(1.3)
            return record(drv)
        if drv.scene_name in ("question", "text_answer", "ordering"):
            drv.game.reveal_now()
            drv.step(2)
        elif drv.scene_name in ("round_intro", "reveal", "standings"):
            drv.advance(0.6)
            drv.press("return")
        else:
            drv.step()
    raise AssertionError(f"no standings after round {rounds_done}; on {drv.scene_name}")


def test_the_note_before_the_final_is_one_line_and_after_it_only_the_button_speaks() -> None:
    config = GameConfig(Mode.SOLO, ("Neil",), (heat_pack(),), rounds=3, per_round=1, seed=5)
    drv = Driver.open(config)
    try:
        log = _standings_after(drv, 2)
        note = [t for t in log.texts if t.text.startswith("Next: the final round")]
        assert note and len(note[0].lines) == 1, note
        assert note[0].text.endswith("double points")
        # Not beside the button, where it had to wrap: nowhere on the button's rows.
        assert bounds(note[0]).bottom < NEXT_BUTTON.top
        assert problems_of(drv) == []
        drv.press("return")
        log = _standings_after(drv, 3)
        final = found(log, "Final results")
        assert len(final) == 1 and final[0].panel == NEXT_BUTTON, final
        assert not found(log, "Continue")
    finally:
        drv.close()


def problems_of(drv: Driver) -> list[str]:
    return check_frame(drv)


def test_the_lobby_shows_the_zone_keys_as_key_caps_beside_what_they_do(driver: Driver) -> None:
    driver.session.change_settings(phones=False)
    driver.click(menu_rect(driver.scene.menu, "party").center)  # type: ignore[attr-defined]
    driver.until("lobby")
    driver.press("1", "7", "z", "m")  # four keyboard players: tall cards with the legend
    driver.advance(0.5)
    log = record(driver)
    # No line of text that starts with a bare comma or reads ". icon": keys are caps.
    assert not [t for t in log.texts if "colour" in t.text and t.text != "colour"]
    assert len(found(log, "colour")) == 4 and len(found(log, "leave")) == 4
    for key in (",", ".", "/"):
        caps = found(log, key)
        # The 4th zone's keys: once in its row of keys, once in its legend, each on a chip.
        assert len(caps) == 2 and all(c.panel is not None and c.panel.width < 40 for c in caps)
    assert check_frame(driver) == []


def test_one_high_score_table_offers_no_left_right(driver: Driver) -> None:
    driver.click(menu_rect(driver.scene.menu, "scores").center)  # type: ignore[attr-defined]
    driver.until("highscores")
    assert len(driver.scene.tables) <= 1  # type: ignore[attr-defined]
    texts = [t.text for t in record(driver).texts]
    assert not [t for t in texts if "other tables" in t]
    assert "Esc / B / Enter: back" in texts


def test_the_pause_overlay_brings_its_own_help_over_the_answer_keys() -> None:
    import dataclasses
    import random

    from quiz.engine.planner import plan
    from quiz.packs.model import QuestionType

    config = GameConfig(Mode.SOLO, ("Neil",), (heat_pack(),), rounds=1, per_round=3)
    # The first seed whose game opens on an answer-key question, whatever the pack holds.
    seed = next(
        s for s in range(3, 200)
        if plan(config, random.Random(s))[0].questions[0].question.type
        in (QuestionType.CHOICE, QuestionType.TRUEFALSE)
    )
    drv = Driver.open(dataclasses.replace(config, seed=seed))
    try:
        drv.until("round_intro")
        drv.press("return")
        drv.until("question")
        drv.advance(1.0)
        drv.press("escape")
        drv.until("pause")
        drv.advance(0.5)
        log = record(drv)
        bar = [t for t in log.texts if bounds(t).top >= 676]
        assert [t.scene for t in bar] == ["pause"], [t.describe() for t in bar]
        assert "resume" in bar[0].text and "answer" not in bar[0].text
        assert check_frame(drv) == []
    finally:
        drv.close()


def test_party_game_is_centred_like_the_other_title_buttons(driver: Driver) -> None:
    driver.advance(1.0)
    log = record(driver)
    menu = driver.scene.menu  # type: ignore[attr-defined]
    for key, text in (
        ("party", "Party game"),
        ("party", "2-8 players on phones, keys or pads"),
        ("solo", "Solo game"),
    ):
        rect = menu_rect(menu, key)
        placed = found(log, text)
        assert placed and abs(bounds(placed[0]).centerx - rect.centerx) <= 2, (text, rect)


def test_the_party_order_instruction_is_whole_and_on_one_line() -> None:
    from quiz.packs.model import QuestionType

    pack = heat_pack()
    order = next(q for q in pack.questions if q.type is QuestionType.ORDER)
    one = type(pack)(**{**pack.__dict__, "questions": (order,)})
    drv = Driver.open()
    try:
        drv.session.change_settings(phones=False)
        drv.click(menu_rect(drv.scene.menu, "party").center)  # type: ignore[attr-defined]
        drv.until("lobby")
        drv.press("1", "7")
        from quiz.ui.scenes.flow import start_game

        base = drv.scene.config()  # type: ignore[attr-defined]
        import dataclasses

        start_game(drv.session, dataclasses.replace(base, packs=(one,), rounds=1, per_round=1))
        drv.until("party_round_intro")
        drv.press("return")
        drv.until("party_order")
        drv.advance(0.5)
        log = record(drv)
        how = [t for t in log.texts if t.text.startswith("Press the items' keys")]
        assert how and len(how[0].lines) == 1
        assert not how[0].text.endswith("..."), how[0].text
        assert check_frame(drv) == []
    finally:
        drv.close()
