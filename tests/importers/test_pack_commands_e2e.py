"""`packs new`, `import`, `export`, `remove` end to end through the installed `heat-quiz`."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

HEAT_QUIZ = Path(sys.executable).parent / "heat-quiz"
pytestmark = pytest.mark.skipif(not HEAT_QUIZ.exists(),
                                reason="the heat-quiz entry point is not installed here")


def heat_quiz(home: Path, cwd: Path, *argv: str,
              stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HEAT_QUIZ_HOME": str(home)}
    return subprocess.run([str(HEAT_QUIZ), *argv], cwd=cwd, env=env, input=stdin,
                          capture_output=True, text=True, timeout=60, check=False)


def test_new_import_export_remove_and_import_the_zip_back(tmp_path: Path) -> None:
    home, work = tmp_path / "home", tmp_path / "work"
    work.mkdir()
    made = heat_quiz(home, work, "packs", "new", "Heist Nights")
    assert made.returncode == 0, made.stderr
    template = work / "heist-nights.yaml"
    assert "one question of each type" in made.stdout and template.is_file()
    assert "# choice:" in template.read_text()  # commented for the author

    checked = heat_quiz(home, work, "packs", "validate", str(template))
    assert checked.stdout.strip() == "ok: 1 file checked, 0 errors, 0 warnings", checked.stdout
    again = heat_quiz(home, work, "packs", "new", "Heist Nights")
    assert again.returncode == 1 and "already exists" in again.stderr

    # give it a picture, so the export has something beside the YAML
    (work / "images").mkdir()
    picture = (Path(__file__).resolve().parents[2] / "assets").rglob("*.png")
    png = next(picture, None)
    if png is not None:
        (work / "images" / "pilot.png").write_bytes(png.read_bytes())
        template.write_text(template.read_text().replace("# image: images/pilot.png",
                                                         "image: images/pilot.png"))
    imported = heat_quiz(home, work, "packs", "import", str(template))
    assert imported.returncode == 0, imported.stdout + imported.stderr
    installed = home / "packs" / "heist-nights"
    assert (installed / "heist-nights.yaml").is_file()
    listed = heat_quiz(home, work, "packs", "list").stdout
    assert any(row.startswith("heist-nights") for row in listed.splitlines())

    shared = work / "heist.zip"
    exported = heat_quiz(home, work, "packs", "export", "heist-nights", "--out", str(shared))
    assert exported.returncode == 0, exported.stderr
    with zipfile.ZipFile(shared) as archive:
        names = set(archive.namelist())
    assert "heist-nights/heist-nights.yaml" in names
    if png is not None:
        assert "heist-nights/images/pilot.png" in names

    declined = heat_quiz(home, work, "packs", "remove", "heist-nights", stdin="n\n")
    assert declined.returncode == 1 and "Remove pack 'Heist Nights'" in declined.stdout
    assert installed.is_dir()
    removed = heat_quiz(home, work, "packs", "remove", "heist-nights", "--yes")
    assert removed.returncode == 0 and not installed.exists()
    assert not any(r.startswith("heist-nights")
                   for r in heat_quiz(home, work, "packs", "list").stdout.splitlines())

    back = heat_quiz(home, work, "packs", "import", str(shared))
    assert back.returncode == 0, back.stdout + back.stderr
    assert (installed / "heist-nights.yaml").read_bytes() == template.read_bytes()
    if png is not None:
        assert (installed / "images" / "pilot.png").read_bytes() == png.read_bytes()
    twice = heat_quiz(home, work, "packs", "import", str(shared))
    assert twice.returncode == 1 and "--force" in twice.stderr
    assert not [p for p in (home / "packs").iterdir() if p.name.startswith(".")]


def test_builtin_packs_cannot_be_removed(tmp_path: Path) -> None:
    done = heat_quiz(tmp_path / "home", tmp_path, "packs", "remove", "heat-1995", "--yes")
    assert done.returncode == 1 and "built-in pack and cannot be removed" in done.stderr


def test_removing_an_unknown_pack_names_the_installed_ones(tmp_path: Path) -> None:
    done = heat_quiz(tmp_path / "home", tmp_path, "packs", "remove", "nope", "--yes")
    assert done.returncode == 1 and "no installed pack 'nope'" in done.stderr
