"""Timers, pausing, devices coming and going, global keys, the window and the pack picker."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pygame
import pytest
from ui_helpers import menu_rect

from quiz.engine import GameConfig, Mode, Phase
from quiz.packs.registry import discover
from quiz.storage import load_settings
from quiz.ui.control import IDLE_NAP_MS, IDLE_WAIT_MS
from quiz.ui.driver import Driver
from quiz.ui.scenes.menus.packs import describe
from quiz.ui.scenes.solo.question import QuestionScene
from quiz.ui.sound import SoundBoard
from quiz.ui.widgets.tiles import TileState


def heat_pack():
    packs = [r.pack for r in discover() if r.ok and r.pack is not None and r.pack.builtin]
    assert packs, "the built-in Heat pack should load"
    return packs[0]


def choice_game(seconds: float | None = 10) -> Driver:
    """A solo game started directly (as `heat-quiz play` does), on its first choice question."""
    config = GameConfig(
        Mode.SOLO, ("Neil",), (heat_pack(),), rounds=1, per_round=50, seconds=seconds, seed=3
    )
    drv = Driver.open(config)
    drv.until("round_intro")
    drv.press("return")
    for _ in range(60):
        if drv.scene_name == "question" and drv.game.current.type.value == "choice":
            return drv
        # Skip other kinds of question without answering.
        drv.game.reveal_now()
        drv.until("reveal")
        drv.press("return")
    raise AssertionError("no choice question")


@pytest.fixture
def game_driver() -> Driver:
    drv = choice_game()
    yield drv
    drv.close()


def test_time_runs_out_on_the_fake_clock(game_driver: Driver) -> None:
    left = game_driver.game.time_left()
    assert left is not None and 9 < left <= 10
    game_driver.advance(5)
    assert game_driver.game.time_left() == pytest.approx(left - 5, abs=0.05)
    assert game_driver.scene_name == "question"
    game_driver.advance(5.5)
    game_driver.until("reveal")
    scene = game_driver.scene
    assert scene.verdict()[0] == "Time's up"  # type: ignore[attr-defined]
    assert scene.result.answered is False  # type: ignore[attr-defined]
    # The last-seconds tick sounded.
    assert "tick" in game_driver.session.sound.played


def test_pause_overlay_freezes_the_clock_and_resumes(game_driver: Driver) -> None:
    left = game_driver.game.time_left()
    game_driver.press("escape")
    assert game_driver.scene_name == "pause"
    assert game_driver.game.paused
    game_driver.advance(60)
    assert game_driver.game.phase is Phase.QUESTION
    game_driver.press("escape")
    assert game_driver.scene_name == "question"
    assert not game_driver.game.paused
    assert game_driver.game.time_left() == pytest.approx(left, abs=0.1)


def test_quit_to_title_from_the_pause_overlay(game_driver: Driver) -> None:
    game_driver.press("escape")
    game_driver.press("down")
    game_driver.press("down")
    game_driver.press("return")
    game_driver.until("title")
    assert game_driver.session.game is None
    assert len(game_driver.session.stack.scenes) == 1


def test_unplugging_a_pad_pauses_a_running_question(game_driver: Driver) -> None:
    game_driver.pad_added(4)
    assert game_driver.scene_name == "question"
    game_driver.pad_removed(4)
    assert game_driver.scene_name == "pause"
    assert game_driver.game.paused
    assert "controller" in game_driver.scene.reason  # type: ignore[attr-defined]
    game_driver.press("return")  # Resume
    assert game_driver.scene_name == "question" and not game_driver.game.paused


def test_plugging_and_unplugging_pads_on_menus_never_crashes(driver: Driver) -> None:
    for pad in range(3):
        driver.pad_added(pad)
    driver.pad_removed(1)
    driver.pad_removed(1)
    driver.pad_removed(9)
    assert driver.scene_name == "title"


def test_simultaneous_presses_in_one_frame_are_all_delivered(game_driver: Driver) -> None:
    scene = game_driver.scene
    assert isinstance(scene, QuestionScene)
    # Right then Enter in the same frame: the focus moves to tile 2, then it is answered.
    game_driver.press("right", "return", frames=1)
    assert scene.tiles[1].state is TileState.PICKED
    assert game_driver.game.last_reveal.results[0].answer == 1


def test_fifty_fifty_removes_tiles_once(game_driver: Driver) -> None:
    scene = game_driver.scene
    assert isinstance(scene, QuestionScene)
    game_driver.press("l")
    removed = [t.index for t in scene.tiles if t.state is TileState.REMOVED]
    assert removed and set(removed) == set(game_driver.game.current.removed)
    # The right answer and at most half of the others stay: of 4 options 2.
    left = [t for t in scene.tiles if t.state is not TileState.REMOVED]
    assert len(left) == len(scene.tiles) // 2 + len(scene.tiles) % 2
    game_driver.advance(1.0)
    game_driver.screenshot(Path("/tmp/heat-quiz-shots/solo-fifty-fifty.png"))
    assert not game_driver.game.can_use_fifty_fifty(0)
    # A removed answer cannot be picked.
    game_driver.press(str(removed[0] + 1))
    assert game_driver.scene_name == "question"


def test_m_mutes_and_the_setting_is_saved(driver: Driver) -> None:
    driver.press("m")
    assert driver.session.sound.muted
    assert load_settings()[0].muted is True
    driver.press("m")
    assert not driver.session.sound.muted


def test_f11_toggles_fullscreen(driver: Driver) -> None:
    driver.press("f11")
    assert driver.session.display.fullscreen
    assert driver.session.settings.fullscreen
    driver.press("f11")
    assert not driver.session.display.fullscreen
    assert driver.session.display.window.get_size() == (1280, 720)


def test_a_resized_window_is_letterboxed_and_clicks_still_land() -> None:
    drv = Driver.open()
    try:
        pygame.display.set_mode((1000, 900), pygame.RESIZABLE)
        drv.step(2)
        title = drv.scene
        # Driver.click maps canvas positions into the scaled window; the scene sees canvas ones.
        drv.click(menu_rect(title.menu, "settings").center)  # type: ignore[attr-defined]
        drv.until("settings")
        # The canvas is scaled into the window: 1000 wide, so 1000x562 with bars above and below.
        assert drv.session.display.canvas.get_size() == (1280, 720)
        assert drv.session.display.to_logical((500, 100)) is None
    finally:
        drv.close()


def test_settings_change_and_persist(driver: Driver) -> None:
    driver.click(menu_rect(driver.scene.menu, "settings").center)  # type: ignore[attr-defined]
    driver.until("settings")
    before = driver.session.settings.timer_seconds
    driver.press("right")  # timer one step up
    after = load_settings()[0].timer_seconds
    assert after != before and after == driver.session.settings.timer_seconds
    driver.press("down")
    driver.press("left")
    assert load_settings()[0].volume == pytest.approx(0.7)


def test_pack_picker_greys_out_broken_packs_with_their_first_error(
    isolated_home: Path,
) -> None:
    packs = isolated_home / "packs"
    packs.mkdir()
    (packs / "broken.yaml").write_text("format: 1\npack:\n  id: [oops\n", encoding="utf-8")
    drv = Driver.open()
    try:
        drv.click(menu_rect(drv.scene.menu, "packs").center)  # type: ignore[attr-defined]
        drv.until("packs")
        scene = drv.scene
        results = scene.results  # type: ignore[attr-defined]
        broken = [r for r in results if not r.ok]
        assert len(broken) == 1 and broken[0].path.name == "broken.yaml"
        text = describe(broken[0])
        first = broken[0].errors[0]
        assert text == (
            f"Cannot be played: line {first.line}, column {first.column}: {first.message}"
        )
        ok = [r for r in results if r.ok]
        assert "questions" in describe(ok[0])
        # The only ticked pack cannot be unticked.
        drv.press("return")
        assert scene.chosen == {ok[0].pack.id}  # type: ignore[attr-defined]
        # The broken one takes the focus but no tick: Enter opens its problems instead.
        drv.press("down")
        assert results[scene.focus] is broken[0]  # type: ignore[attr-defined]
        drv.press("return")
        assert drv.scene_name == "pack_problems"
        drv.press("escape")
        assert drv.scene_name == "packs"
        assert scene.chosen == {ok[0].pack.id}  # type: ignore[attr-defined]
        drv.press("down")
        assert scene.focus == -1  # type: ignore[attr-defined]
    finally:
        drv.close()


def test_idle_menus_nap_instead_of_redrawing(
    driver: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    driver.advance(3)  # the title's entrance animation is over
    naps: list[int] = []
    monkeypatch.setattr(pygame.time, "wait", naps.append)
    monkeypatch.setattr(driver.session.clock, "manual", False)
    frames = driver.control.frames
    driver.step(2)
    # Two idle steps of naps with no input, and nothing redrawn.
    assert naps == [IDLE_NAP_MS] * (2 * IDLE_WAIT_MS // IDLE_NAP_MS)
    assert driver.control.frames == frames
    # Input ends the nap at once and the screen is redrawn.
    naps.clear()
    driver.press("down", frames=1)
    assert naps == [] and driver.control.frames == frames + 1


def test_sound_is_silent_without_a_mixer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise pygame.error("no audio device")

    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", broken)
    board = SoundBoard(tmp_path)
    assert not board.available
    board.play("right")
    board.volume = 0.3
    assert board.toggle_mute() is True


def test_sounds_ship_with_the_game() -> None:
    from quiz.paths import assets_dir
    from quiz.ui.sound import SOUNDS

    for name in SOUNDS:
        path = assets_dir() / "sounds" / f"{name}.wav"
        assert path.exists() and 500 < path.stat().st_size < 100_000


def test_importing_the_ui_opens_nothing() -> None:
    code = "import sys, quiz.ui.app, quiz.ui; print('pygame' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_run_opens_the_title_and_returns_the_exit_code(monkeypatch: pytest.MonkeyPatch) -> None:
    from quiz.ui import app
    from quiz.ui.display import Display

    shown: list[str] = []
    original_present = Display.present

    def present(self: Display) -> None:
        # The player closes the window as soon as the first frame is on screen.
        shown.append("frame")
        original_present(self)
        pygame.event.post(pygame.event.Event(pygame.QUIT))

    monkeypatch.setattr(Display, "present", present)
    assert app.run() == 0
    assert shown == ["frame"]


def test_a_question_with_a_picture_shows_it(tmp_path: Path) -> None:
    from quiz.packs.model import Pack, Question

    picture = pygame.Surface((40, 30))
    picture.fill((255, 0, 255))
    path = tmp_path / "still.png"
    pygame.image.save(picture, str(path))
    questions = tuple(
        Question(
            f"q{i}",
            "stills",
            f"Which scene is this? ({i})",
            answer="The diner",
            wrong=("The bank", "The airport", "The bar"),
            image=path,
            pack_id="pics",
        )
        for i in range(3)
    )
    pack = Pack("pics", "Pictures", questions, path=tmp_path / "pics.yaml")
    drv = Driver.open(GameConfig(Mode.SOLO, ("Neil",), (pack,), rounds=1, per_round=3, seed=1))
    try:
        drv.press("return")
        drv.until("question")
        drv.step(20)
        shot = drv.screenshot(tmp_path / "question.png")
        image = pygame.image.load(str(shot))
        # The picture, scaled up to the prompt panel's height, sits at its left.
        assert image.get_at((160, 204))[:3] == (255, 0, 255)
        # An unreadable picture is skipped, not fatal.
        assert drv.session.resources.picture(tmp_path / "missing.png", (10, 10)) is None
    finally:
        drv.close()


def test_the_shipped_sounds_are_what_the_synth_script_makes(tmp_path: Path) -> None:
    import importlib.util

    from quiz.paths import assets_dir

    script = Path(__file__).resolve().parents[2] / "tools" / "synth_sounds.py"
    spec = importlib.util.spec_from_file_location("synth_sounds", script)
    assert spec is not None and spec.loader is not None
    synth = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synth)
    synth.main(tmp_path)
    made = sorted(p.name for p in tmp_path.glob("*.wav"))
    assert "tick.wav" in made and "fanfare.wav" in made
    for name in made:
        shipped = assets_dir() / "sounds" / name
        assert shipped.read_bytes() == (tmp_path / name).read_bytes(), name
