"""What a newcomer meets on a first evening: the marks on the answers, the keys that answer,
the name field. Each test drives the game with real pygame events."""

from __future__ import annotations

from pathlib import Path

from party_helpers import device_keys

from quiz.engine import GameConfig, Mode, Phase
from quiz.packs.model import Difficulty, Pack, Question, QuestionType
from quiz.ui.driver import Driver
from quiz.ui.widgets.tiles import TileState

SHOTS = Path("/tmp/heat-quiz-shots")


def false_statements(count: int = 4) -> Pack:
    """A pack of true/false questions whose answer is always False."""
    questions = tuple(
        Question(
            id=f"tf{i}",
            category="crew",
            prompt=f"Statement {i} about the crew is true?",
            type=QuestionType.TRUEFALSE,
            difficulty=Difficulty.MEDIUM,
            answer=False,
            pack_id="falsehoods",
        )
        for i in range(count)
    )
    return Pack(id="falsehoods", title="Falsehoods", questions=questions)


def test_a_buzzer_who_answers_with_another_key_is_marked_on_the_option_answered() -> None:
    config = GameConfig(
        Mode.BUZZ, ("Neil", "Vincent"), (false_statements(),), rounds=1, per_round=2, seed=3
    )
    drv = Driver.open(config)
    try:
        drv.until("party_round_intro")
        drv.press("return")
        drv.until("party_question")
        game = drv.game
        neil, vincent = device_keys(drv, 0), device_keys(drv, 1)
        drv.press(neil[1])  # buzzes with the key of "False"...
        assert game.phase is Phase.BUZZED
        drv.press(neil[0])  # ...and answers "True", which is wrong
        assert 0 in game.current.locked_out  # type: ignore[union-attr]
        tiles = drv.scene.tiles  # type: ignore[attr-defined]
        assert [t.state for t in tiles] == [TileState.WRONG, TileState.NORMAL]
        drv.screenshot(SHOTS / "buzz-miss-on-true.png")
        drv.press(vincent[1])
        drv.press(vincent[0])  # Vincent too answers "True": both out, the reveal comes
        drv.until("party_reveal")
        reveal = drv.scene
        assert reveal.pickers(0) == [0, 1] and reveal.pickers(1) == []  # type: ignore[attr-defined]
        drv.advance(1.0)
        drv.screenshot(SHOTS / "buzz-reveal-true-picked.png")
    finally:
        drv.close()


def solo_choice_game() -> Driver:
    """A solo game on the Heat pack's choice questions, on its round card."""
    from dataclasses import replace

    from quiz.packs.registry import discover

    heat = next(r.pack for r in discover() if r.ok and r.pack is not None and r.pack.builtin)
    choices = tuple(q for q in heat.questions if q.type is QuestionType.CHOICE)
    pack = replace(heat, questions=choices)
    drv = Driver.open(GameConfig(Mode.SOLO, ("Neil",), (pack,), rounds=2, per_round=2, seed=4))
    drv.until("round_intro")
    return drv


def test_enter_with_no_focus_shown_only_shows_the_focus_then_answers_it() -> None:
    drv = solo_choice_game()
    try:
        # An Enter pressed twice in one frame on the round card: the second reaches the question.
        drv.press("return", "return")
        assert drv.scene_name == "question"
        scene = drv.scene
        assert drv.game.phase is Phase.QUESTION, "a carried-over Enter answered the question"
        assert not scene.show_focus  # type: ignore[attr-defined]
        drv.press("return")  # no focus on screen: Enter shows it and answers nothing
        assert drv.game.phase is Phase.QUESTION
        assert scene.show_focus  # type: ignore[attr-defined]
        drv.advance(0.5)
        drv.screenshot(SHOTS / "solo-question-focus-shown.png")
        drv.press("right")
        drv.press("return")  # now the focus is drawn: Enter answers the focused option
        assert drv.game.phase is Phase.REVEAL
        assert drv.game.last_reveal.results[0].answer == 1  # type: ignore[union-attr]
    finally:
        drv.close()


def test_an_enter_as_the_round_card_closes_by_itself_does_not_answer() -> None:
    from quiz.ui.scenes.solo.round_intro import AUTO_SECONDS

    drv = solo_choice_game()
    try:
        drv.advance(AUTO_SECONDS)
        drv.until("question")
        drv.press("return")  # meant for the card, which just left
        assert drv.game.phase is Phase.QUESTION
        drv.press("return")
        assert drv.game.phase is Phase.REVEAL
        assert drv.game.last_reveal.results[0].answer == 0  # type: ignore[union-attr]
    finally:
        drv.close()



def drawn_texts(drv: Driver) -> list[str]:
    """Every text the current frame draws, as the layout record sees it."""
    from quiz.ui.layout_log import record_frame

    with record_frame(drv.session.resources, drv.session.display.canvas) as log:
        drv.control.draw()
    return [t.text for t in log.texts]


def open_rename(drv: Driver, slot: int) -> None:
    from ui_helpers import menu_rect

    drv.click(drv.scene.cards[slot].center)  # type: ignore[attr-defined]
    drv.until("lobby_edit")
    drv.click(menu_rect(drv.scene.menu, "rename").center)  # type: ignore[attr-defined]
    drv.until("name_entry")


def test_renaming_a_sixteen_letter_name_replaces_it_with_the_first_key_typed(
    driver: Driver,
) -> None:
    from party_helpers import open_lobby, zones

    from quiz.engine.config import MAX_NAME_LENGTH

    open_lobby(driver)
    keys = zones(driver)
    driver.press(keys[0][0], keys[1][0])
    roster = driver.session.party
    assert roster is not None
    roster.rename(1, "Lieutenant Hanna")  # 16 letters: the field is full
    open_rename(driver, 1)
    assert driver.scene.text == "Lieutenant Hanna"  # type: ignore[attr-defined]
    driver.advance(0.5)
    driver.screenshot(SHOTS / "rename-old-name-selected.png")
    assert "16/16" in drawn_texts(driver)
    driver.type("Eady")
    assert driver.scene.text == "Eady"  # type: ignore[attr-defined]
    assert "4/16" in drawn_texts(driver)
    # A name longer than the field is cut with a word on screen, not in silence.
    driver.type(" the informant's girl")
    assert driver.scene.text == "Eady the informa"  # type: ignore[attr-defined]
    assert len(driver.scene.text) == MAX_NAME_LENGTH  # type: ignore[attr-defined]
    shown = drawn_texts(driver)
    assert "16/16" in shown and f"Names stop at {MAX_NAME_LENGTH} letters." in shown
    driver.advance(0.5)
    driver.screenshot(SHOTS / "rename-cut-at-sixteen.png")
    driver.press("return")
    driver.until("lobby_edit")
    assert roster.players[1].name == "Eady the informa"


def test_the_solo_name_entry_replaces_the_last_name_with_the_first_key() -> None:
    from ui_helpers import answer_keyboard, play_to_results

    from quiz.packs.registry import discover

    heat = next(r.pack for r in discover() if r.ok and r.pack is not None and r.pack.builtin)
    drv = Driver.open(GameConfig(Mode.SOLO, ("Neil",), (heat,), rounds=1, per_round=2, seed=2))
    try:
        drv.session.change_settings(last_players=("Chris Shiherlis",))  # the last name used
        drv.until("round_intro")
        play_to_results(drv, answer_keyboard, lambda d: d.press("return"))
        drv.press("return")  # Save high score
        drv.until("name_entry")
        assert drv.scene.text == "Chris Shiherlis"  # type: ignore[attr-defined]
        drv.advance(0.5)
        drv.screenshot(SHOTS / "solo-name-selected.png")
        drv.type("Neil")
        assert drv.scene.text == "Neil"  # type: ignore[attr-defined]
        drv.press("return")
        drv.until("highscores")
        table = drv.scene.table  # type: ignore[attr-defined]
        top = drv.session.scores.top(table.mode, list(table.packs), table.length)
        assert [e.name for e in top] == ["Neil"]
    finally:
        drv.close()

def test_a_short_game_gets_its_own_high_score_table_showing_its_length(
    isolated_home: Path,
) -> None:
    import json

    from ui_helpers import answer_keyboard, play_to_results

    # GIVEN scores of a long game and one saved before lengths were kept, both far higher
    old = {"name": "Neil", "score": 99_000, "accuracy": 1.0, "date": "2025-01-01T00:00:00+00:00",
           "mode": "solo", "packs": ["heat-1995"]}
    long = {**old, "name": "Chris", "length": [20, 10]}
    (isolated_home / "scores.json").write_text(
        json.dumps({"format": 1, "tables": {"a": [old], "b": [long]}})
    )
    from quiz.packs.registry import discover

    heat = next(r.pack for r in discover() if r.ok and r.pack is not None and r.pack.builtin)
    drv = Driver.open(GameConfig(Mode.SOLO, ("Vincent",), (heat,), rounds=1, per_round=2, seed=2))
    try:
        drv.until("round_intro")
        # WHEN a game of 1 round of 2 questions is played and its small score saved
        play_to_results(drv, answer_keyboard, lambda d: d.press("return"))
        drv.press("return")  # Save high score: the table of this length is empty
        drv.until("name_entry")
        drv.type("Vincent")
        drv.press("return")
        drv.until("highscores")
        # THEN it is first in a table of its own length, and the title says the length
        scene = drv.scene
        assert scene.highlight == 1  # type: ignore[attr-defined]
        assert scene.table.length == (1, 2)  # type: ignore[attr-defined]
        shown = drawn_texts(drv)
        assert any(t.endswith("·  Solo  ·  1 x 2") for t in shown), shown
        assert "Vincent" in shown and "Neil" not in shown and "Chris" not in shown
        drv.advance(0.5)
        drv.screenshot(SHOTS / "highscores-by-length.png")
        # AND the other lengths, and the older scores, are tables of their own
        titles = set()
        for _ in range(len(scene.tables)):  # type: ignore[attr-defined]
            drv.press("right")
            now = {t for t in drawn_texts(drv) if "·  Solo" in t}
            if any(t.endswith("earlier games") for t in now):
                drv.screenshot(SHOTS / "highscores-earlier-games.png")
            titles |= now
        assert any(t.endswith("20 x 10") for t in titles), titles
        assert any(t.endswith("earlier games") for t in titles), titles
    finally:
        drv.close()
