"""Hostile paths and pack texts at the command line: one plain line, the right exit code,
never a hang, and nothing a pack wrote reaches the terminal raw."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import made_files
import pytest

from quiz.cli import main
from quiz.paths import user_packs_dir

ESCAPING_TITLE = 'Evil\\e]0;owned\\a\\e[2J'  # retitles and clears a terminal, as YAML escapes


def run(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue(), capsys.readouterr().err


def run_process(*argv: str, timeout: float = 20) -> subprocess.CompletedProcess[str]:
    """The real command in its own process, so a hang fails the test instead of stalling it."""
    return subprocess.run([sys.executable, "-m", "quiz", *argv], capture_output=True,
                          text=True, timeout=timeout, env={**os.environ}, check=False)


def test_validate_a_missing_file_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run("packs", "validate", "nosuch.yaml", capsys=capsys)
    assert (code, out, err) == (2, "", "heat-quiz: nosuch.yaml: no such file\n")


def test_a_5000_character_path_is_one_line_exit_two(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run("packs", "validate", "p" * 5000, capsys=capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.endswith(": the path is too long\n")
    assert len(err) < 120


def test_a_fifo_given_to_validate_is_reported_not_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "x.yaml"
    os.mkfifo(fifo)
    done = run_process("packs", "validate", str(fifo))
    assert done.returncode == 1
    assert f"{fifo}:1:1: error: cannot read the file: not a regular file: it is a FIFO" \
        in done.stdout


def test_a_folder_holding_a_fifo_and_a_link_to_itself_is_checked_once(tmp_path: Path) -> None:
    made_files.write_pack(tmp_path, [""], name="good.yaml")
    os.mkfifo(tmp_path / "x.yaml")
    (tmp_path / "selfdir").symlink_to(".")
    done = run_process("packs", "validate", str(tmp_path))
    assert done.returncode == 1
    assert "not a regular file: it is a FIFO" in done.stdout
    assert done.stdout.strip().endswith("FAILED: 2 files checked, 1 error, 0 warnings")


def test_dev_zero_is_not_a_regular_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run("packs", "validate", "/dev/zero", capsys=capsys)
    assert code == 1
    assert "/dev/zero:1:1: error: cannot read the file: not a regular file: it is a " \
           "character device" in out
    assert "MiB" not in out


def test_pack_texts_are_printed_with_control_characters_escaped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = made_files.write_pack(tmp_path, [""], title=ESCAPING_TITLE)
    code, out, _ = run("packs", "validate", str(pack), capsys=capsys)
    assert code == 1
    assert "\x1b" not in out and "\x07" not in out
    assert "U+001B (ESC)" in out


def test_a_file_name_with_an_escape_is_printed_escaped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = made_files.write_pack(tmp_path, ["    explain: x\n"], name="a\x1b[2Jb.yaml")
    _, out, _ = run("packs", "validate", str(path), capsys=capsys)
    assert "\x1b" not in out and "a\\x1b[2Jb.yaml" in out


def test_packs_list_never_prints_a_control_character(
        capsys: pytest.CaptureFixture[str]) -> None:
    folder = user_packs_dir()
    made_files.write_pack(folder, [""], name="evil\x07.yaml", title=ESCAPING_TITLE)
    os.mkfifo(folder / "pipe.yaml")
    (folder / "selfdir").symlink_to(".")
    code, out, _ = run("packs", "list", capsys=capsys)
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out and "evil\\x07.yaml" in out
    assert out.count("pipe.yaml") == 1 and "it is a FIFO" in out
    assert "selfdir" not in out


def test_play_with_a_missing_pack_file_says_no_such_file(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run("play", "--pack", "/nonexistent", capsys=capsys)
    assert (code, err) == (2, "heat-quiz: /nonexistent: no such file\n")


def test_play_with_a_fifo_pack_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "x.yaml"
    os.mkfifo(fifo)
    done = run_process("play", "--pack", str(fifo))
    assert done.returncode == 2
    assert "not a regular file: it is a FIFO" in done.stderr
    assert "Traceback" not in done.stderr


def test_import_of_a_fifo_or_a_missing_file_is_one_line(tmp_path: Path) -> None:
    fifo = tmp_path / "x.yaml"
    os.mkfifo(fifo)
    done = run_process("packs", "import", str(fifo))
    assert done.returncode == 1
    assert done.stderr == f"heat-quiz: cannot read {fifo}: not a regular file: it is a " \
                          "FIFO (named pipe)\n"
    missing = run_process("packs", "import", str(tmp_path / "gone.yaml"))
    assert missing.returncode == 2 and missing.stderr.endswith(": no such file\n")
