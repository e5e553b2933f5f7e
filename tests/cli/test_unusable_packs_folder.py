"""`packs import` and `packs list` when the user packs folder cannot be used: one line, no traceback.

Tests may run as root, where a chmod'ed folder is still writable. The folder is made unusable
by making it (or HEAT_QUIZ_HOME) a regular file, or by patching the write or os.access to
refuse as a read-only folder would.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_packs_cli import GOOD as PACK

from quiz.cli import main
from quiz.paths import user_packs_dir
from quiz.storage import problems


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue(), capsys.readouterr().err


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.yaml"
    path.write_text(PACK)
    return path


def test_a_packs_folder_that_is_a_file(
    capsys: pytest.CaptureFixture[str], pack: Path
) -> None:
    folder = user_packs_dir()
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("not a folder")
    code, _, err = run(capsys, "packs", "import", str(pack))
    assert code == 1
    assert err == (f"heat-quiz: cannot import into the packs folder {folder}: "
                   f"{folder} is a file, not a folder\n")
    assert folder.read_text() == "not a folder"  # untouched
    code, out, err = run(capsys, "packs", "list")
    assert code == 0 and err == ""
    assert out.splitlines()[1].startswith("heat-1995 ")  # the built-in packs still listed
    assert out.splitlines()[-1] == (f"user packs folder: {folder} "
                                    f"(unusable: {folder} is a file, not a folder)")


def test_a_home_under_a_regular_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    pack: Path
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    monkeypatch.setenv("HEAT_QUIZ_HOME", str(blocker / "home"))
    code, _, err = run(capsys, "packs", "import", str(pack))
    assert code == 1 and err.count("\n") == 1
    assert err.endswith(f"{blocker} is a file, not a folder\n")
    code, out, _ = run(capsys, "packs", "list")
    assert code == 0 and "heat-1995" in out
    assert out.endswith(f"(unusable: {blocker} is a file, not a folder)\n")


def test_a_read_only_home(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, pack: Path
) -> None:
    # A read-only folder, as os.access and the write itself report it to a normal user.
    real_access = os.access
    home = Path(os.environ["HEAT_QUIZ_HOME"])
    monkeypatch.setattr(problems.os, "access",
                        lambda path, mode: False if Path(path) == home else real_access(path, mode))
    code, out, _ = run(capsys, "packs", "list")
    assert out.endswith(f"(unusable: the game may not write in {home})\n")
    code, _, err = run(capsys, "packs", "import", str(pack))
    assert code == 1
    assert err == (f"heat-quiz: cannot import into the packs folder {user_packs_dir()}: "
                   f"the game may not write in {home}\n")


def test_a_write_refused_midway_leaves_nothing_behind(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, pack: Path
) -> None:
    def refuse(self: Path, data: bytes) -> int:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "write_bytes", refuse)
    code, _, err = run(capsys, "packs", "import", str(pack))
    assert code == 1
    assert err == (f"heat-quiz: cannot import into the packs folder {user_packs_dir()}: "
                   f"the game may not write in {user_packs_dir()}\n")
    assert list(user_packs_dir().iterdir()) == []


def test_the_real_command_prints_no_traceback(tmp_path: Path, pack: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    env = {**os.environ, "HEAT_QUIZ_HOME": str(blocker)}
    done = subprocess.run([sys.executable, "-m", "quiz", "packs", "import", str(pack)],
                          check=False, capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip().endswith(f"{blocker} is a file, not a folder")
