"""The game with damaged saved files and a folder it cannot write: it starts, says so, answers.

Each row puts a hostile file in HEAT_QUIZ_HOME, opens the game through the headless driver,
and checks what the player is told and that the game still reaches the high-score table and
back within a bound (frames of game time, and a generous wall-clock limit for the cases that
used to freeze). Saving where the disk refuses is tested with a real unusable folder: tests
may run as root, where chmod does not stop writes, so HEAT_QUIZ_HOME is put under a regular
file, or os.replace is patched to raise PermissionError as a read-only folder would.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_party_podium import tied_game_to_podium
from ui_helpers import answer_keyboard, play_to_results

from quiz.engine import GameConfig, Mode
from quiz.packs.registry import discover, playable
from quiz.storage import HighScores, ScoreEntry, atomic
from quiz.ui.driver import Driver
from quiz.ui.scenes.menus.highscores import HighScoresScene
from quiz.ui.scenes.party.podium import PodiumScene

WALL_LIMIT = 20.0  # seconds; only a freeze or a hang comes near it
GOOD = {"name": "Neil", "score": 4200, "accuracy": 0.75, "date": "2025-01-01T00:00:00+00:00",
        "mode": "solo", "packs": ["heat-1995"]}
DEEP = b"[" * 100_000 + b"]" * 100_000


def scores_bytes(*entries: dict[str, object], raw: str = "") -> bytes:
    text = json.dumps({"format": 1, "tables": {"solo:heat-1995": list(entries)}})
    return text.replace('"__RAW__"', raw).encode()


@pytest.fixture
def home(isolated_home: Path) -> Path:
    return isolated_home


@pytest.fixture
def opened() -> Iterator[list[Driver]]:
    """Drivers opened by a test, closed after it."""
    drivers: list[Driver] = []
    yield drivers
    for drv in drivers:
        drv.close()


def open_game(opened: list[Driver], config: GameConfig | None = None) -> Driver:
    drv = Driver.open(config)
    opened.append(drv)
    return drv


def responsive(drv: Driver) -> None:
    """From the title, High scores opens, draws, and goes back, within a few seconds of game."""
    drv.until("title", 5)
    menu = drv.scene.menu  # type: ignore[attr-defined]
    for _ in range(len(menu.items)):
        if menu.items[menu.focus].key == "scores":
            break
        drv.press("down", frames=1)
    drv.press("return")
    drv.until("highscores", 3)
    drv.control.draw()
    drv.press("escape")
    drv.until("title", 3)


ROWS: list[tuple[str, str, bytes, str]] = [
    # (case, file, content, what the title says)
    ("scores nested 100,000 deep", "scores.json", DEEP, "nested too deeply"),
    ("settings nested 100,000 deep", "settings.json", DEEP, "nested too deeply"),
    ("settings in an object nested deep", "settings.json", b'{"a": ' + DEEP + b"}",
     "nested too deeply"),
    ("accuracy Infinity", "scores.json", scores_bytes({**GOOD, "accuracy": "__RAW__"},
                                                      raw="Infinity"), "Infinity"),
    ("accuracy NaN", "scores.json", scores_bytes({**GOOD, "accuracy": "__RAW__"}, raw="NaN"),
     "NaN"),
    ("scores not UTF-8", "scores.json", b'{"format": 1, "tables": {"\xff": []}}', "not UTF-8"),
    ("settings over 8 MiB", "settings.json", b"{}" + b" " * (9 * 2**20), "larger than 8 MiB"),
]


@pytest.mark.parametrize(("case", "name", "content", "said"), ROWS, ids=[r[0] for r in ROWS])
def test_a_damaged_file_is_set_aside_and_the_game_starts(
    home: Path, opened: list[Driver], case: str, name: str, content: bytes, said: str
) -> None:
    (home / name).write_bytes(content)
    started = time.perf_counter()
    drv = open_game(opened)
    assert drv.scene_name == "title"
    warnings = drv.session.warnings
    assert len(warnings) == 1 and said in warnings[0] and f"kept it as {name}.corrupt-" in warnings[0]
    assert not (home / name).exists() and len(list(home.glob(f"{name}.corrupt-*"))) == 1
    responsive(drv)
    assert time.perf_counter() - started < WALL_LIMIT


@pytest.mark.parametrize(("name", "content"), [("scores.json", DEEP), ("settings.json", DEEP)])
def test_the_start_after_a_set_aside_is_quiet(
    home: Path, opened: list[Driver], name: str, content: bytes
) -> None:
    (home / name).write_bytes(content)
    open_game(opened).close()
    opened.clear()
    drv = open_game(opened)
    assert drv.session.warnings == []


def test_a_score_of_1e400_accuracy_is_dropped_and_the_table_draws(
    home: Path, opened: list[Driver]
) -> None:
    (home / "scores.json").write_bytes(
        scores_bytes(GOOD, {**GOOD, "name": "Chris", "accuracy": "__RAW__"}, raw="1e400"))
    drv = open_game(opened)
    assert drv.session.warnings == [
        "Skipped 1 unreadable high score entry (an entry 'accuracy' is not a finite number)."
    ]
    responsive(drv)
    assert [e.name for e in drv.session.scores.top("solo", ["heat-1995"])] == ["Neil"]


def test_a_million_character_name_is_cut_and_high_scores_opens_at_once(
    home: Path, opened: list[Driver]
) -> None:
    (home / "scores.json").write_bytes(scores_bytes({**GOOD, "name": "N" * 1_000_000}))
    started = time.perf_counter()
    drv = open_game(opened)
    responsive(drv)
    assert time.perf_counter() - started < WALL_LIMIT
    assert drv.session.scores.top("solo", ["heat-1995"])[0].name == "N" * 16


def test_control_characters_in_a_saved_name_never_reach_the_font(
    home: Path, opened: list[Driver]
) -> None:
    # font.render raises on NUL: the name is cleaned on load, so the table draws.
    (home / "scores.json").write_bytes(scores_bytes({**GOOD, "name": "Ne\u0000il\u001b[2J"}))
    drv = open_game(opened)
    responsive(drv)
    assert drv.session.scores.top("solo", ["heat-1995"])[0].name == "Neil[2J"


# Saving where the disk refuses ----------------------------------------------------------------


def short_solo() -> GameConfig:
    packs = [p for p in playable(discover()) if p.builtin]
    return GameConfig(Mode.SOLO, ("Neil",), tuple(packs[:1]), rounds=1, per_round=2, seed=5)


def play_solo_and_save(drv: Driver, name: str) -> None:
    play_to_results(drv, answer_keyboard, lambda d: d.press("return"))
    assert drv.scene.qualifies  # type: ignore[attr-defined]
    drv.press("return")
    drv.until("name_entry")
    for _ in range(20):
        drv.press("backspace", frames=1)
    drv.type(name)
    drv.press("return")
    drv.step(3)


def under_a_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """HEAT_QUIZ_HOME under a regular file: nothing can be created there, even by root."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("HEAT_QUIZ_HOME", str(blocker / "heat-quiz"))
    return blocker


def refuse_replace(monkeypatch: pytest.MonkeyPatch, error: OSError) -> list[bool]:
    """Make every save's os.replace raise `error` while the returned flag holds True.

    As a folder made read-only after the start refuses (chmod does not stop root). Set the
    flag to False to let saves through again; never monkeypatch.undo(), which would also undo
    the test's own HEAT_QUIZ_HOME and let a save reach the real home folder.
    """
    real_replace = os.replace
    refusing = [True]

    def replace(source: object, target: object) -> None:
        if refusing[0]:
            raise error
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic.os, "replace", replace)
    return refusing


def test_solo_score_in_an_unusable_home_is_told_at_once_and_not_shown_as_saved(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, opened: list[Driver]
) -> None:
    blocker = under_a_file(monkeypatch, tmp_path)
    drv = open_game(opened, short_solo())
    play_solo_and_save(drv, "Vincent")
    scene = drv.scene
    assert isinstance(scene, HighScoresScene)
    assert scene.notice is not None
    assert scene.notice.startswith("Your score of ")
    assert scene.notice.endswith(f"could not be saved: {blocker} is a file, not a folder.")
    assert scene.highlight is None  # no place claimed
    length = scene.table.length  # type: ignore[union-attr]
    assert drv.session.scores.top("solo", ["heat-1995"], length) == ()  # on disk: nothing
    assert drv.session.toast is None  # one message, not a second one about the settings
    assert drv.session.warnings == []  # nothing saved up for the title later
    drv.press("escape")
    drv.until("title")


def test_solo_score_with_a_refused_replace_shows_the_table_on_disk(
    home: Path, monkeypatch: pytest.MonkeyPatch, opened: list[Driver]
) -> None:
    (home / "scores.json").write_bytes(scores_bytes({**GOOD, "score": 1}))
    drv = open_game(opened, short_solo())

    refusing = refuse_replace(monkeypatch, PermissionError(13, "Permission denied"))
    play_solo_and_save(drv, "Vincent")
    scene = drv.scene
    assert isinstance(scene, HighScoresScene)
    assert scene.notice is not None
    assert scene.notice.endswith(f"could not be saved: the game may not write in {home}.")
    # The game's own table is as on disk: empty; the older score is kept in its table.
    length = scene.table.length  # type: ignore[union-attr]
    assert drv.session.scores.top("solo", ["heat-1995"], length) == ()
    shown = drv.session.scores.top("solo", ["heat-1995"])
    assert [e.name for e in shown] == ["Neil"] and scene.highlight is None
    refusing[0] = False
    on_disk = HighScores.load(home / "scores.json")
    assert [e.name for e in on_disk.top("solo", ["heat-1995"])] == ["Neil"]
    assert on_disk.top("solo", ["heat-1995"], length) == ()


def test_party_winner_in_an_unusable_home_is_told_on_the_podium(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, opened: list[Driver]
) -> None:
    blocker = under_a_file(monkeypatch, tmp_path)
    drv = open_game(opened)
    tied_game_to_podium(drv)  # two winners, both of whom would make the table
    podium = drv.scene
    assert isinstance(podium, PodiumScene)
    assert podium.save_failed
    assert podium.places == (
        f"The winners' scores could not be saved: {blocker} is a file, not a folder.")
    config = drv.game.config
    assert drv.session.scores.top(config.mode.value, config.pack_ids) == ()
    assert drv.session.toast is None and drv.session.warnings == []
    drv.advance(2)
    drv.press("escape")
    drv.until("title")


def test_a_setting_that_cannot_be_saved_is_told_at_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, opened: list[Driver]
) -> None:
    blocker = under_a_file(monkeypatch, tmp_path)
    drv = open_game(opened)
    drv.press("m")  # mute, from the title
    assert drv.session.settings.muted  # in use for this run all the same
    toast = drv.session.toast
    assert toast is not None
    assert toast.text == f"Settings could not be saved: {blocker} is a file, not a folder."
    assert drv.session.settings_problem == f"{blocker} is a file, not a folder"
    drv.advance(7)
    assert drv.session.toast is None  # it goes by itself
    assert drv.scene_name == "title"


def test_a_settings_save_that_works_again_clears_the_problem(
    home: Path, monkeypatch: pytest.MonkeyPatch, opened: list[Driver]
) -> None:
    drv = open_game(opened)

    full = refuse_replace(monkeypatch, OSError(28, "No space left on device"))
    drv.press("m")
    assert drv.session.settings_problem == "the disk is full"
    full[0] = False
    drv.press("m")
    assert drv.session.settings_problem is None
    assert json.loads((home / "settings.json").read_text())["muted"] is False


def test_a_saved_entry_and_its_screen_agree(home: Path, opened: list[Driver]) -> None:
    # The control: where the disk takes the score, the table claims the place it has on disk.
    drv = open_game(opened, short_solo())
    play_solo_and_save(drv, "Vincent")
    scene = drv.scene
    assert isinstance(scene, HighScoresScene) and scene.notice is None and scene.highlight == 1
    length = scene.table.length  # type: ignore[union-attr]
    assert length is not None
    saved = HighScores.load(home / "scores.json").top("solo", ["heat-1995"], length)
    assert [e.name for e in saved] == ["Vincent"]
    assert ScoreEntry.from_json(saved[0].to_json()) == saved[0]
    assert os.path.exists(home / "settings.json")


def test_the_packs_screen_says_when_the_packs_folder_is_a_file(
    home: Path, opened: list[Driver]
) -> None:
    from quiz.ui.scenes.menus.packs import PacksScene

    (home / "packs").write_text("not a folder")
    drv = open_game(opened)
    menu = drv.scene.menu  # type: ignore[attr-defined]
    while menu.items[menu.focus].key != "packs":
        drv.press("down", frames=1)
    drv.press("return")
    drv.until("packs", 3)
    scene = drv.scene
    assert isinstance(scene, PacksScene)
    assert scene.folder_problem == f"{home / 'packs'} is a file, not a folder"
    assert any(r.ok and r.pack is not None and r.pack.builtin for r in scene.results)
    drv.control.draw()
    drv.press("escape")
    drv.until("title", 3)
