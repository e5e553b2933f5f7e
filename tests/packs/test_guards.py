"""Hostile and odd files: refused with a plain message, never a crash or a hang."""

from __future__ import annotations

import os
from pathlib import Path

import made_files
import pytest

from quiz.packs.loader import MAX_FILE_BYTES, load_bytes, load_pack

SMALL_PACK = """\
format: 1
pack:
  id: small
  title: "Small"
questions:
  - id: q1
    category: general
    prompt: "Which year did the pilot air?"
    answer: 1989
    wrong: [no, yes, 12:30]
    explain: "It aired in 1989."
  - id: q2
    category: general
    type: truefalse
    prompt: "The pilot was called L.A. Takedown."
    answer: true
    explain: "It was."
"""


def only_error(result, left_out: int = 0) -> str:  # type: ignore[no-untyped-def]
    """The one error; the pack is refused, or plays without the `left_out` bad questions."""
    if left_out:
        assert result.pack is not None and result.left_out == left_out, result
    else:
        assert result.pack is None
    assert len(result.errors) == 1, result.diagnostics
    return str(result.errors[0])


def test_plain_scalars_are_read_as_the_author_wrote_them() -> None:
    result = load_bytes(SMALL_PACK.encode(), "small.yaml")
    assert result.ok and result.pack is not None
    first, second = result.pack.questions
    assert first.answer == "1989"
    assert first.wrong == ("no", "yes", "12:30")
    assert second.answer is True


def test_byte_order_mark_and_crlf_line_ends_are_fine() -> None:
    data = b"\xef\xbb\xbf" + SMALL_PACK.replace("\n", "\r\n").encode()
    result = load_bytes(data, "windows.yaml")
    assert result.ok, result.diagnostics


@pytest.mark.parametrize("depth", [17, 500, 40_000])
def test_deep_flow_nesting_is_stopped_before_it_is_built(depth: int) -> None:
    data = b"format: 1\npack: " + b"[" * depth + b"]" * depth + b"\n"
    assert "nesting is deeper than 16 levels" in only_error(load_bytes(data, "deep.yaml"))


@pytest.mark.parametrize("depth", [17, 600, 40_000])
def test_deep_block_nesting_is_stopped(depth: int) -> None:
    data = b"format: 1\npack:\n  " + b"- " * depth + b"x\n"
    assert "nesting is deeper than 16 levels" in only_error(load_bytes(data, "deep.yaml"))


def test_sixteen_levels_are_allowed_by_the_guard() -> None:
    # 1 (top) + 15 nested lists = 16 levels: the guard lets it through to the validator.
    data = b"format: 1\npack: " + b"[" * 15 + b"]" * 15 + b"\n"
    result = load_bytes(data, "ok-depth.yaml")
    assert not any("nesting" in d.message for d in result.diagnostics)


def test_alias_bomb_is_refused() -> None:
    lines = ["format: 1", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    error = only_error(load_bytes("\n".join(lines).encode(), "bomb.yaml"))
    assert "expands to more than" in error


def test_an_alias_inside_its_own_anchor_is_refused() -> None:
    assert "contains it" in only_error(load_bytes(b"format: 1\npack: &p [*p]\n", "loop.yaml"))


def test_an_alias_that_nests_too_deep_is_refused() -> None:
    deep = b"[" * 10 + b"]" * 10
    data = b"format: 1\na: &deep " + deep + b"\nb: [[[[[[[[*deep]]]]]]]]\n"
    assert "nesting is deeper" in only_error(load_bytes(data, "deep-alias.yaml"))


def test_nul_byte_means_binary() -> None:
    error = only_error(load_bytes(b"format: 1\npa\x00ck: x\n", "bin.yaml"))
    assert error == "bin.yaml:2:3: error: this is a binary file, not YAML text " \
                    "(it contains a NUL byte)"


def test_invalid_utf8_is_located() -> None:
    error = only_error(load_bytes("format: 1\npack: caf\u00e9 \xff\n".encode("latin-1"),
                                  "latin.yaml"))
    assert error.startswith("latin.yaml:2:10: error: the file is not valid UTF-8 (byte 0xe9)")


def test_png_header_is_binary_not_yaml() -> None:
    assert "binary file" in only_error(load_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
                                                  "picture.yaml"))


def test_file_over_the_size_cap_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.write(b"#" * (MAX_FILE_BYTES + 10))
    assert "a pack file may be at most 5 MiB" in only_error(load_pack(big))


def test_missing_file_and_folder_get_a_message(tmp_path: Path) -> None:
    assert "cannot read the file" in only_error(load_pack(tmp_path / "nope.yaml"))
    assert "is a folder" in only_error(load_pack(tmp_path))


def _pack_with_image(folder: Path, image: str) -> Path:
    pack = folder / "pics.yaml"
    pack.write_text(SMALL_PACK + f"    image: {image}\n", encoding="utf-8")
    return pack


def test_image_inside_the_pack_folder_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "pilot.png").write_bytes(made_files.png(40, 30))
    result = load_pack(_pack_with_image(tmp_path, "images/pilot.png"))
    assert result.ok, result.diagnostics
    assert result.pack is not None
    assert result.pack.questions[1].image == (tmp_path / "images" / "pilot.png").resolve()


def test_missing_image_and_non_image_are_errors(tmp_path: Path) -> None:
    # The question with the picture is left out; the pack plays its other question.
    assert "not found" in only_error(load_pack(_pack_with_image(tmp_path, "gone.png")), 1)
    (tmp_path / "fake.png").write_text("not a picture")
    assert "not a PNG or JPEG" in only_error(
        load_pack(_pack_with_image(tmp_path, "fake.png")), 1)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_image_link_leading_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.png"
    outside.write_bytes(made_files.png(4, 4))
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "sneaky.png").symlink_to(outside)
    assert "outside the pack's folder" in only_error(
        load_pack(_pack_with_image(folder, "sneaky.png")), 1)
