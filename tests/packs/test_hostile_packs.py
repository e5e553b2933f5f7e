"""Hostile pack input, row by row: pictures, control characters, fonts, paths and special
files. Each row asserts the exact place and message the author is given."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import made_files
import pytest

from quiz.packs import images
from quiz.packs.loader import load_bytes, load_pack
from quiz.packs.registry import pack_files
from quiz.textsafe import for_screen, for_terminal

IMAGE_LINE = 12  # the line of `image:` in a one-question pack from made_files


@pytest.fixture(scope="session")
def huge_png(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("huge") / "huge.png"
    path.write_bytes(made_files.png(20000, 20000))
    return path


def picture_error(folder: Path, data: bytes, name: str = "pic.png") -> str:
    (folder / name).write_bytes(data)
    pack = made_files.write_pack(folder, [f"    image: {name}\n"])
    result = load_pack(pack)
    assert result.pack is None
    assert len(result.errors) == 1, result.diagnostics
    error = result.errors[0]
    assert (error.line, error.column) == (IMAGE_LINE, 12), error
    return error.message


@pytest.mark.parametrize(("make", "expected"), [
    (lambda: made_files.png_claiming(60000, 60000),
     "the picture is 60000 x 60000 pixels; at most 4096 x 4096"),
    (lambda: made_files.png_claiming(4097, 10), "the picture is 4097 x 10 pixels"),
    (made_files.png_truncated, "the PNG is truncated"),
    (made_files.png_short_pixels, "picture data is truncated"),
    (lambda: made_files.png(8, 8)[:-6], "the PNG is truncated"),
    (lambda: made_files.png(8, 8).replace(b"IDAT", b"IDAX"), "checksum of its IDAX chunk"),
    (lambda: made_files.jpeg_with_segments(800), "more than 256 segments"),
    (lambda: made_files.jpeg()[:-300], "the JPEG is truncated"),
    (lambda: b"GIF89a" + b"\0" * 40, "not a PNG or JPEG picture"),
])
def test_a_bad_picture_is_refused_from_its_header(tmp_path: Path, make, expected: str) -> None:
    message = picture_error(tmp_path, make())
    assert message.startswith("image file 'pic.png': ")
    assert expected in message


def test_the_69_byte_png_claiming_60000_square_is_tiny_and_refused(tmp_path: Path) -> None:
    data = made_files.png_claiming(60000, 60000)
    assert len(data) < 100
    assert "60000 x 60000" in picture_error(tmp_path, data)


def test_a_real_20000_square_png_is_refused_without_inflating_it(huge_png: Path) -> None:
    assert 1_000_000 < huge_png.stat().st_size < 2_000_000
    with pytest.raises(images.PictureProblem, match="20000 x 20000 pixels"):
        images.open_picture(huge_png)


def test_a_picture_over_8_mib_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.png"
    with big.open("wb") as handle:
        handle.truncate(8 * 1024 * 1024 + 1)
    assert "the picture is 8.0 MiB; a picture may be at most 8 MiB" in \
        picture_error(tmp_path, big.read_bytes(), "big.png")


@pytest.mark.parametrize("make", [
    lambda: made_files.png(4096, 4096, colour=0),
    lambda: made_files.png(300, 200),
    lambda: made_files.jpeg(120, 80),
    lambda: made_files.jpeg_with_segments(100),
])
def test_sound_pictures_up_to_the_limit_pass(tmp_path: Path, make) -> None:
    (tmp_path / "ok.img").write_bytes(make())
    pack = made_files.write_pack(tmp_path, ["    image: ok.img\n"])
    result = load_pack(pack)
    assert result.ok, result.diagnostics


def test_a_backslash_path_gets_a_hint_to_use_slashes(tmp_path: Path) -> None:
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "ok.png").write_bytes(made_files.png(8, 8))
    pack = made_files.write_pack(tmp_path, ["    image: 'pics\\ok.png'\n"])
    (error,) = load_pack(pack).errors
    assert error.message == "image file 'pics\\ok.png' not found next to the pack; " \
                            "write folders with '/', as in 'pics/ok.png'"


def test_a_fifo_as_a_picture_is_reported_never_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.png")
    pack = made_files.write_pack(tmp_path, ["    image: pipe.png\n"])
    (error,) = load_pack(pack).errors
    assert "cannot be used: not a regular file: it is a FIFO" in error.message


# -- control characters ------------------------------------------------------

CONTROLS = [("\\0", "U+0000 (NUL)"), ("\\e", "U+001B (ESC)"), ("\\a", "U+0007 (BEL)"),
            ("\\x7f", "U+007F (DEL)"), ("\\r", "U+000D (carriage return)"),
            ("\\x9b", "U+009B"), ("\\b", "U+0008 (backspace)")]


@pytest.mark.parametrize(("escape", "named"), CONTROLS)
@pytest.mark.parametrize(("field", "line", "column"), [
    ("prompt", 8, 13), ("answer", 9, 13), ("explain", 11, 14), ("title", 4, 10),
])
def test_a_control_character_in_any_text_is_a_located_error(
        escape: str, named: str, field: str, line: int, column: int) -> None:
    text = made_files.pack_text([""])
    text = text.replace(f'{field}: "', f'{field}: "x{escape}', 1)
    result = load_bytes(text.encode(), "ctl.yaml")
    assert result.pack is None
    (error,) = result.errors
    assert (error.line, error.column) == (line, column)
    assert error.message == f"'{field}' holds the control character {named} at character 2; " \
                            "pack texts may not hold control characters"


@pytest.mark.parametrize("where", ["wrong", "items", "source", "author", "description",
                                   "category name"])
def test_control_characters_are_refused_in_every_other_text(where: str) -> None:
    bad = '"a\\e[2J"'
    if where == "wrong":
        text = made_files.pack_text([""]).replace('"Chris"', bad)
    elif where == "items":
        text = made_files.pack_text([]) + (
            "  - id: o1\n    category: general\n    type: order\n    prompt: \"Order\"\n"
            f"    items: [one, {bad}, three]\n    explain: \"x\"\n")
    elif where == "source":
        text = made_files.pack_text([f"    source: {bad}\n"])
    elif where == "category name":
        text = made_files.pack_text([""], pack_extra=f"categories:\n  general: {bad}\n")
    else:
        text = made_files.pack_text([""], pack_extra=f"  {where}: {bad}\n")
    result = load_bytes(text.encode(), "ctl.yaml")
    assert any("U+001B (ESC)" in e.message for e in result.errors), result.diagnostics


def test_a_raw_control_character_in_the_file_is_located() -> None:
    text = made_files.pack_text([""]).replace("Hostile", "Ho\x1b]0;owned\x07stile")
    (error,) = load_bytes(text.encode(), "raw.yaml").errors
    assert (error.line, error.column) == (4, 13)
    assert "U+001B (ESC)" in error.message


def test_line_breaks_and_tabs_stay_allowed() -> None:
    text = made_files.pack_text([""]).replace("Neil leads", "Neil\\tleads\\r\\nthe\\nway")
    assert load_bytes(text.encode(), "ok.yaml").ok


def test_terminal_text_shows_control_characters_escaped() -> None:
    assert for_terminal("a\x1b]0;x\x07b\x00\u202e\udcff") == "a\\x1b]0;x\\x07b\\x00\\u202e\\udcff"
    assert for_terminal("Café 日本") == "Café 日本"


def test_screen_text_never_holds_a_nul_and_keeps_few_marks_per_letter() -> None:
    assert for_screen("a\x00b\x1bc\r\nd\te") == "abc\nd e"
    piled = "q" + "\u0301" * 400 + " rest of the prompt"
    assert for_screen(piled) == "q" + "\u0301" * 3 + " rest of the prompt"
    assert for_screen("e\u0301") == "\u00e9"  # NFC
    assert for_screen("bad \udcff name") == "bad \ufffd name"


# -- fonts -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "named"), [
    ("Who is 😀?", "'😀' (U+1F600)"), ("日本の映画", "'日' (U+65E5)"),
    ("שלום", "'ש' (U+05E9)"), ("ﻙ", "'ﻙ' (U+FED9)"),
])
def test_characters_the_game_font_cannot_draw_are_a_warning_naming_them(
        text: str, named: str) -> None:
    pack = made_files.pack_text([""]).replace("Who leads the crew? (1)", text)
    result = load_bytes(pack.encode(), "glyphs.yaml")
    assert result.ok
    warnings = [w for w in result.warnings if "cannot draw" in w.message]
    assert len(warnings) == 1 and (warnings[0].line, warnings[0].column) == (8, 13)
    assert named in warnings[0].message
    assert "'prompt' has characters the game's font cannot draw" in warnings[0].message


def test_accented_latin_and_combining_accents_the_font_composes_are_fine() -> None:
    pack = made_files.pack_text([""]).replace("Who leads", "Qui dirige Cafe\u0301 à")
    assert not [w for w in load_bytes(pack.encode(), "fr.yaml").warnings
                if "cannot draw" in w.message]


def _bundled_font() -> Path:
    pygame = pytest.importorskip("pygame")
    return Path(pygame.__file__).parent / "freesansbold.ttf"


def test_a_pack_may_ship_its_own_font(tmp_path: Path) -> None:
    (tmp_path / "fonts").mkdir()
    shutil.copyfile(_bundled_font(), tmp_path / "fonts" / "sans.ttf")
    pack = made_files.write_pack(tmp_path, [""], pack_extra="  font: fonts/sans.ttf\n")
    result = load_pack(pack)
    assert result.ok and result.pack is not None, result.diagnostics
    assert result.pack.font == (tmp_path / "fonts" / "sans.ttf").resolve()


@pytest.mark.skipif(not Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").exists(),
                    reason="needs DejaVu Sans installed, a font with Hebrew")
def test_a_pack_font_with_the_characters_silences_the_warning(tmp_path: Path) -> None:
    shutil.copyfile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", tmp_path / "dv.ttf")
    text = made_files.pack_text([""], pack_extra="  font: dv.ttf\n")
    (tmp_path / "p.yaml").write_text(text.replace("Who leads the crew?", "שלום?"))
    result = load_pack(tmp_path / "p.yaml")
    assert result.ok and not [w for w in result.warnings if "cannot draw" in w.message]


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("f.ttf", b"not a font at all", "not a TrueType or OpenType font file"),
    ("f.ttf", b"\x00\x01\x00\x00\x00", "truncated or damaged"),
    ("f.ttc", b"ttcf" + b"\0" * 40, "must be a .ttf or .otf file"),
    ("f.woff", b"wOFF", "must be a .ttf or .otf file"),
])
def test_a_bad_pack_font_is_a_located_error(tmp_path: Path, name: str, data: bytes,
                                            expected: str) -> None:
    (tmp_path / name).write_bytes(data)
    pack = made_files.write_pack(tmp_path, [""], pack_extra=f"  font: {name}\n")
    (error,) = load_pack(pack).errors
    assert (error.line, error.column) == (5, 9)
    assert expected in error.message


def test_a_font_outside_the_pack_or_missing_is_refused(tmp_path: Path) -> None:
    for value, expected in [("../x.ttf", "may not leave the pack's folder"),
                            ("/usr/x.ttf", "must be a path relative"),
                            ("gone.ttf", "font file 'gone.ttf' not found next to the pack")]:
        pack = made_files.write_pack(tmp_path, [""], pack_extra=f"  font: {value}\n")
        (error,) = load_pack(pack).errors
        assert expected in error.message


# -- paths and special files -------------------------------------------------

@pytest.mark.parametrize(("make", "expected"), [
    (lambda p: os.mkfifo(p), "cannot read the file: not a regular file: it is a FIFO"),
    (lambda p: p.symlink_to("/dev/zero"), "not a regular file: it is a character device"),
    (lambda p: p.mkdir(), "not a regular file: it is a folder"),
    (lambda p: None, "cannot read the file: no such file"),
])
def test_special_files_are_reported_not_opened(tmp_path: Path, make, expected: str) -> None:
    path = tmp_path / "x.yaml"
    make(path)
    (error,) = load_pack(path).errors
    assert expected in error.message


def test_a_5000_character_path_is_one_line() -> None:
    (error,) = load_pack("x" * 5000 + ".yaml").errors
    assert error.message == "cannot read the file: the path is too long"


def test_a_scanned_folder_lists_each_real_pack_once_and_follows_no_folder_links(
        tmp_path: Path) -> None:
    made_files.write_pack(tmp_path, [""], name="a.yaml")
    made_files.write_pack(tmp_path / "sub", [""], name="b.yaml")
    (tmp_path / "selfdir").symlink_to(".")
    (tmp_path / "alias.yaml").symlink_to(tmp_path / "a.yaml")
    os.mkfifo(tmp_path / "pipe.yaml")
    found = [p.relative_to(tmp_path).as_posix() for p in pack_files(tmp_path)]
    assert sorted(found) == ["a.yaml", "pipe.yaml", "sub/b.yaml"]
