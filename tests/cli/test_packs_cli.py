"""`heat-quiz packs ...` and `heat-quiz play` option errors, as a player meets them."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from quiz.cli import main
from quiz.packs.loader import load_pack
from quiz.paths import builtin_packs_dir, user_packs_dir

# Real OpenTDB data that lives beside the checkout only (never shipped, never required).
SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"
# A small OpenTDB-format file of our own, so the importer is tested in any clone.
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "opentdb-small.json"
GOOD = """\
format: 1
pack:
  id: tiny
  title: "Tiny"
questions:
  - id: q1
    category: general
    prompt: "Who plays Vincent Hanna?"
    answer: "Al Pacino"
    wrong: ["Robert De Niro"]
    explain: "Pacino plays the cop."
"""
BROKEN = GOOD.replace("    answer: \"Al Pacino\"\n", "").replace("id: q1", "id: Q1")


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_validate_good_pack_exits_zero(tmp_path: Path) -> None:
    pack = tmp_path / "tiny.yaml"
    pack.write_text(GOOD)
    code, text = run("packs", "validate", str(pack))
    assert code == 0
    assert text.strip() == "ok: 1 file checked, 0 errors, 0 warnings"


def test_validate_broken_pack_lists_every_problem_and_exits_one(tmp_path: Path) -> None:
    pack = tmp_path / "broken.yaml"
    pack.write_text(BROKEN)
    code, text = run("packs", "validate", str(pack))
    lines = text.strip().splitlines()
    assert code == 1
    pattern = re.compile(rf"^{re.escape(str(pack))}:\d+:\d+: (error|warning): .+")
    assert all(pattern.match(line) for line in lines[:-1]), lines
    assert any(":6:9: error: 'id' must use lower-case" in line for line in lines)
    assert any(":6:5: error: question 'Q1'" not in line and "missing 'answer'" in line
               for line in lines)
    assert lines[-1] == "FAILED: 1 file checked, 2 errors, 0 warnings"


def test_validate_a_folder_checks_every_pack_in_it(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.yml").write_text(BROKEN)
    code, text = run("packs", "validate", str(tmp_path))
    assert code == 1
    assert "2 files checked" in text.splitlines()[-1]


def test_usage_errors_exit_two(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["packs", "validate"])
    assert stop.value.code == 2
    assert "required" in capsys.readouterr().err


def test_version_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert re.match(r"heat-quiz \d+\.\d+\.\d+", capsys.readouterr().out)


def test_list_shows_builtin_and_user_packs_and_broken_ones() -> None:
    folder = user_packs_dir()
    folder.mkdir(parents=True)
    (folder / "tiny.yaml").write_text(GOOD)
    (folder / "broken.yaml").write_text(BROKEN)
    code, text = run("packs", "list")
    assert code == 0
    rows = text.splitlines()
    heat = next(r for r in rows if r.startswith("heat-1995"))
    assert "built-in" in heat and str(builtin_packs_dir()) in heat
    assert re.search(r"\b1\d\d\b", heat)  # the bank holds well over 100 questions
    assert any(r.startswith("tiny") and " 1 " in r and "user" in r for r in rows)
    assert any("BROKEN" in r and "missing 'answer'" in r and "broken.yaml" in r for r in rows)


def test_two_packs_with_one_id_are_not_both_loaded() -> None:
    folder = user_packs_dir()
    folder.mkdir(parents=True)
    (folder / "a.yaml").write_text(GOOD)
    (folder / "b.yaml").write_text(GOOD)
    _, text = run("packs", "list")
    assert "already used by" in text


def test_import_opentdb_file_makes_a_valid_playable_pack() -> None:
    code, text = run("packs", "import", str(FIXTURE), "--id", "mixed-trivia",
                     "--title", "Mixed Trivia")
    assert code == 0, text
    # Imports install as a folder, like the author's own packs.
    installed = user_packs_dir() / "mixed-trivia" / "mixed-trivia.yaml"
    result = load_pack(installed)
    assert result.ok and result.pack is not None, result
    questions = result.pack.questions
    assert len(questions) == 6
    # HTML entities are decoded in prompts, answers and categories.
    by_prompt = {q.prompt: q for q in questions}
    city = by_prompt['Which city is known as "the City of Light"?']
    assert city.answer == "Paris"
    assert "How many sides does a 'hexagon' have?" in by_prompt
    assert 'Which of these is the accent in the word "café"?' in by_prompt
    assert not any("&" in q.prompt for q in questions)
    # True/false questions keep their answer as a truth value, both ways round.
    nile = by_prompt["The Nile flows into the Mediterranean Sea."]
    sound = by_prompt["Sound travels faster in air than in water."]
    assert nile.answer is True and sound.answer is False
    # Categories too small to fill a round (here 1-3 questions each) are merged
    # into one "Mixed" category rather than shown as three thin ones.
    categories = {q.category for q in questions}
    assert len(categories) == 1, categories
    assert [c.name for c in result.pack.categories] == ["Mixed"]
    # importing again without --force must not overwrite
    again, _ = run("packs", "import", str(FIXTURE), "--id", "mixed-trivia")
    assert again == 1


@pytest.mark.skipif(not (SAMPLES / "opentdb-sample.json").is_file(),
                    reason="real OpenTDB sample not present (../shared/samples lives beside "
                           "the development checkout only)")
def test_import_opentdb_sample_makes_a_valid_playable_pack() -> None:
    sample = SAMPLES / "opentdb-sample.json"
    code, text = run("packs", "import", str(sample), "--id", "film-trivia",
                     "--title", "Film Trivia")
    assert code == 0, text
    installed = user_packs_dir() / "film-trivia" / "film-trivia.yaml"
    result = load_pack(installed)
    assert result.ok and result.pack is not None
    source = json.loads(sample.read_text())["results"]
    assert len(result.pack.questions) == len(source)
    first = result.pack.questions[0]
    assert first.prompt == 'What is the name of the first "Star Wars" film by release order?'
    assert first.answer == "A New Hope"
    booleans = [q for q, s in zip(result.pack.questions, source) if s["type"] == "boolean"]
    assert booleans and all(isinstance(q.answer, bool) for q in booleans)


def test_import_refuses_a_broken_pack_and_writes_nothing(tmp_path: Path) -> None:
    pack = tmp_path / "broken.yaml"
    pack.write_text(BROKEN)
    code, text = run("packs", "import", str(pack))
    assert code == 1 and "not imported" in text
    assert not user_packs_dir().exists() or not any(user_packs_dir().iterdir())


def test_import_bad_json_is_located(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"results": [\n  {"type": "multiple",,}\n]}')
    code, text = run("packs", "import", str(bad))
    assert code == 1
    assert text.startswith(f"{bad}:2:")


def test_import_skips_unusable_opentdb_entries_and_names_them(tmp_path: Path) -> None:
    data = {"results": [
        {"type": "multiple", "difficulty": "easy", "category": "Film", "question": "Q?",
         "correct_answer": "A", "incorrect_answers": ["A", "B"]},
        {"type": "boolean", "difficulty": "hard", "category": "Film", "question": "Is it?",
         "correct_answer": "False", "incorrect_answers": ["True"]},
    ]}
    source = tmp_path / "mixed.json"
    source.write_text(json.dumps(data, indent=1))
    code, text = run("packs", "import", str(source))
    assert code == 1 and "add --lenient" in text
    assert not any(user_packs_dir().glob("*/*.yaml"))
    code, text = run("packs", "import", str(source), "--lenient")
    assert code == 0, text
    assert f"{source}:3:3: error: entry 1: 'A' appears twice among the answer and wrong answers\n" in text
    assert "1 left out" in text
    result = load_pack(user_packs_dir() / "mixed" / "mixed.yaml")
    assert result.pack is not None and [q.answer for q in result.pack.questions] == [False]


@pytest.mark.parametrize("argv, words", [
    (["play", "--pack", "no-such-pack"], "no pack with id 'no-such-pack'"),
    (["play", "--rounds", "0"], "Rounds must be"),
    (["play", "--mode", "buzz", "--players", "9"], "2 to 8 players"),
    (["play", "--mode", "everyone", "--players", "3", "--names", "A,B"], "3 but 2 names"),
    (["play", "--time", "2"], "Seconds per question"),
])
def test_play_option_errors_are_one_line_not_a_traceback(
        argv: list[str], words: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert words in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_python_dash_m_quiz_runs_the_same_command() -> None:
    done = subprocess.run([sys.executable, "-m", "quiz", "packs", "validate",
                           str(builtin_packs_dir())], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("0 errors, 0 warnings")
