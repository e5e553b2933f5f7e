"""Hostile packs in the running game: pictures checked before pygame decodes them and loaded
before the clock runs, pack texts that would crash or swallow the renderer, a pack's own font.
Each test ends by proving the game still answers a key within a bounded number of frames."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import made_files
import pygame
import pytest
from ui_helpers import menu_rect

from quiz.engine import GameConfig, Mode
from quiz.packs.loader import load_pack
from quiz.packs.model import Pack
from quiz.ui.driver import Driver
from quiz.ui.scenes.solo.question_base import PICTURE_BOX

RESPONSIVE_FRAMES = 120  # two seconds of game time at most to react


def assert_responsive(drv: Driver) -> None:
    """The loop still runs and a key still changes the screen."""
    before = drv.scene_name
    drv.press("escape")
    for _ in range(RESPONSIVE_FRAMES):
        if drv.scene_name != before:
            return
        drv.step()
    raise AssertionError(f"no reaction to Esc on {before!r}")


def picture_pack(folder: Path, picture: bytes, name: str = "still.png",
                 extra: str = "") -> Pack:
    (folder / name).write_bytes(picture)
    path = made_files.write_pack(folder, [f"    image: {name}\n"] * 3, pack_extra=extra)
    result = load_pack(path)
    assert result.ok and result.pack is not None, result.diagnostics
    return result.pack


@pytest.fixture
def count_decodes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every pygame.image.load of a pack picture, by name hint."""
    calls: list[str] = []
    real = pygame.image.load

    def counting(source, namehint: str = ""):  # type: ignore[no-untyped-def]
        if namehint.startswith("picture"):
            calls.append(namehint)
        return real(source, namehint) if namehint else real(source)

    monkeypatch.setattr(pygame.image, "load", counting)
    yield calls


def test_pictures_load_on_the_round_card_never_inside_the_clock(
        tmp_path: Path, count_decodes: list[str]) -> None:
    surface = pygame.Surface((400, 300))
    surface.fill((255, 0, 255))
    pygame.image.save(surface, str(tmp_path / "magenta.png"))
    pack = picture_pack(tmp_path, (tmp_path / "magenta.png").read_bytes())
    drv = Driver.open(GameConfig(Mode.SOLO, ("Neil",), (pack,), rounds=1, per_round=3,
                                 seed=1))
    try:
        assert drv.scene_name == "round_intro"
        assert count_decodes == ["picture.png"]  # decoded once, on the round card
        drv.press("return")
        drv.until("question")
        drv.step(20)
        shot = pygame.image.load(str(drv.screenshot(tmp_path / "question.png")))
        red, green, blue = shot.get_at((160, 204))[:3]
        assert red > 240 and green < 10 and blue > 240  # drawn left of the prompt
        drv.press("1")
        drv.until("reveal")
        drv.press("return")
        drv.until("question")
        drv.step(5)
        assert count_decodes == ["picture.png"]  # the same picture, scaled once, reused
        assert_responsive(drv)
    finally:
        drv.close()


@pytest.mark.parametrize("make", [
    lambda: made_files.png_claiming(60000, 60000),
    lambda: made_files.png(20000, 20000),
    made_files.png_truncated,
    lambda: made_files.jpeg_with_segments(800),
])
def test_the_game_never_decodes_a_picture_that_fails_the_check(
        tmp_path: Path, count_decodes: list[str], make) -> None:
    (tmp_path / "bad.png").write_bytes(make())
    drv = Driver.open()
    try:
        assert drv.session.resources.picture(tmp_path / "bad.png", PICTURE_BOX) is None
        assert count_decodes == []
        assert_responsive(drv)
    finally:
        drv.close()


def broken_pack_home(home: Path) -> Path:
    folder = home / "packs"
    made_files.write_pack(folder, [""], name="nul.yaml", title="Nul\\0title")
    made_files.write_pack(folder, [""], name="esc\x1b.yaml", pack_id="esc",
                          title="Esc\\e]0;x\\a")
    (folder / "zero.yaml").symlink_to("/dev/zero")
    (folder / "selfdir").symlink_to(".")
    return folder


def test_the_pack_picker_opens_with_broken_packs_installed(
        isolated_home: Path, tmp_path: Path) -> None:
    broken_pack_home(isolated_home)
    drv = Driver.open()
    try:
        drv.click(menu_rect(drv.scene.menu, "packs").center)  # type: ignore[attr-defined]
        drv.until("packs")
        drv.step(10)
        names = [r.path.name for r in drv.scene.results]  # type: ignore[attr-defined]
        assert names.count("nul.yaml") == 1 and "selfdir" not in str(names)
        drv.screenshot(tmp_path / "packs.png")
        assert_responsive(drv)
    finally:
        drv.close()


def test_a_prompt_under_hundreds_of_combining_marks_keeps_its_words(tmp_path: Path) -> None:
    drv = Driver.open()
    try:
        res = drv.session.resources
        piled = "q" + "\u0301" * 400 + " and then the rest of the prompt stays readable"
        plain = "q and then the rest of the prompt stays readable"
        box = (1000, 150)
        fitted, expected = res.fit(piled, box, (255, 255, 255), 52), res.fit(plain, box,
                                                                                (255, 255, 255), 52)
        assert fitted.size == expected.size  # not shrunk to nothing by one tall box
        assert len(fitted.lines) == len(expected.lines)
        assert res.text("a\0b", 30, (255, 255, 255)).get_width() > 0  # no ValueError
        assert_responsive(drv)
    finally:
        drv.close()


def test_a_pack_font_is_used_for_its_questions(tmp_path: Path) -> None:
    font = Path(pygame.__file__).parent / "freesansbold.ttf"
    (tmp_path / "fonts").mkdir()
    shutil.copyfile(font, tmp_path / "fonts" / "own.ttf")
    path = made_files.write_pack(tmp_path, [""] * 3, pack_extra="  font: fonts/own.ttf\n")
    result = load_pack(path)
    assert result.ok and result.pack is not None and result.pack.font is not None
    drv = Driver.open(GameConfig(Mode.SOLO, ("Neil",), (result.pack,), rounds=1, per_round=3,
                                 seed=1))
    try:
        res = drv.session.resources
        drv.press("return")
        drv.until("question")
        drv.step(5)
        faces = {face for face, _ in res._fonts}
        assert result.pack.font in faces  # the prompt and answers were drawn with it
        assert res.face is None  # and only inside the question's own drawing
        assert_responsive(drv)
    finally:
        drv.close()


def test_a_pack_font_pygame_cannot_open_falls_back_to_the_game_font(tmp_path: Path) -> None:
    drv = Driver.open()
    try:
        res = drv.session.resources
        broken = tmp_path / "broken.ttf"
        broken.write_bytes(b"\x00\x01\x00\x00" + b"\0" * 64)
        with res.using_face(broken):
            assert res.text("Still drawn", 30, (255, 255, 255)).get_width() > 50
        assert_responsive(drv)
    finally:
        drv.close()
