"""Moodle GIFT and Open Trivia Database files, and files in no format the game reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from import_helpers import installed, nothing_installed, run, write

from quiz.importers.opentdb import DESCRIPTION, SOURCE
from quiz.packs.model import QuestionType

GIFT = """\
// every kind of GIFT question, one per block
$CATEGORY: $course$/top/The Story

::pilot::Which year did L.A. Takedown air? {
  =1989 #Five years before Heat went into production.
  ~1986
  ~1993
}

::real::[html]Neil McCauley was named after a <b>real</b> criminal.{T#No: he was real.#Yes.}

Who plays Neil McCauley? {=Robert De Niro =De Niro}

Mann based the story on a Chicago cop named {=Chuck Adamson} and his chase.

::match:: Match the actors. {=Pacino -> Hanna =De Niro -> McCauley =Kilmer -> Chris}

::numeric:: In which year was Heat released? {#1995}

::essay:: Write about the coffee scene. {}

::several:: Which actors are in Heat? {~%50%Al Pacino ~%50%Robert De Niro ~Tom Hanks}

::two right:: Pick one. {=Al Pacino =Robert De Niro ~Tom Hanks}

A description with no answers at all.

::general::Heat came out in 1995.{TRUE####Released in 1995 and directed by Michael Mann.}
"""


def test_gift_reads_choice_truefalse_short_answer_and_reports_the_rest_by_line(
        tmp_path: Path) -> None:
    source = write(tmp_path / "moodle.gift", GIFT)
    code, out = run("packs", "import", str(source), "--lenient")
    assert code == 0, out
    for line, words in [(16, "a matching question (a -> b) is not supported"),
                        (18, "a numerical question ({#...}) is not supported"),
                        (20, "an essay question (empty answers) is not supported"),
                        (22, "partial credit"),
                        (24, "2 right answers"),
                        (26, "a description with no answers")]:
        assert f"{source}:{line}:1: error: question " in out and words in out, (line, words)
        assert any(row.startswith(f"{source}:{line}:1: error:") and words in row
                   for row in out.splitlines()), (line, words)
    pack = installed("moodle")
    by_id = {q.id: q for q in pack.questions}
    assert by_id["pilot"].type is QuestionType.CHOICE and by_id["pilot"].answer == "1989"
    assert by_id["pilot"].explain == "Five years before Heat went into production."
    assert by_id["real"].type is QuestionType.TRUEFALSE and by_id["real"].answer is True
    assert by_id["real"].prompt == "Neil McCauley was named after a real criminal."
    text = by_id["line-12"]
    assert text.type is QuestionType.TEXT and text.accept == ("De Niro",)
    blank = by_id["line-14"]
    assert blank.prompt == "Mann based the story on a Chicago cop named _____ and his chase."
    assert by_id["general"].explain == "Released in 1995 and directed by Michael Mann."
    assert pack.category_name(by_id["pilot"].category) == "The Story"


def test_gift_unclosed_braces_are_located(tmp_path: Path) -> None:
    source = write(tmp_path / "open.gift", "Q one {=a ~b}\n\nQ two {=a ~b\n")
    code, out = run("packs", "import", str(source))
    assert code == 1 and f"{source}:3:1: error: question 2: the answers' '{{' is never " \
                          "closed" in out
    assert nothing_installed()


def opentdb(entries: list[dict[str, object]]) -> str:
    return json.dumps({"response_code": 0, "results": entries}, indent=2)


def entry(number: int, category: str = "Entertainment: Film",
          **changes: object) -> dict[str, object]:
    made: dict[str, object] = {
        "type": "multiple", "difficulty": "easy", "category": category,
        "question": f"Question &quot;{number}&quot; &amp; more?",
        "correct_answer": f"Right &#039;{number}&#039;",
        "incorrect_answers": [f"Wrong {number}", f"Other {number}"]}
    made.update(changes)
    return made


def test_opentdb_decodes_entities_and_credits_the_licence(tmp_path: Path) -> None:
    source = write(tmp_path / "trivia.json", opentdb([entry(n) for n in range(6)]))
    code, out = run("packs", "import", str(source))
    assert code == 0, out
    pack = installed("trivia")
    assert pack.questions[1].prompt == 'Question "1" & more?'
    assert pack.questions[1].answer == "Right '1'"
    assert all(q.source == SOURCE for q in pack.questions)
    assert pack.description == DESCRIPTION and "CC BY-SA 4.0" in pack.description


def test_opentdb_small_categories_join_their_family_or_mixed(tmp_path: Path) -> None:
    entries = [entry(n) for n in range(6)]
    entries += [entry(10 + n, "Entertainment: Music") for n in range(3)]
    entries += [entry(20 + n, "Entertainment: Books") for n in range(2)]
    entries += [entry(30, "Science: Gadgets"), entry(31, "History"), entry(32, "Art"),
                entry(33, "Sports"), entry(34, "Politics")]
    source = write(tmp_path / "cats.json", opentdb(entries))
    code, out = run("packs", "import", str(source))
    assert code == 0, out
    pack = installed("cats")
    assert [c.name for c in pack.categories] == ["Entertainment: Film", "Entertainment",
                                                 "Mixed"]
    assert "a round needs" not in out


def test_opentdb_messages_name_the_entry_and_its_line(tmp_path: Path) -> None:
    entries = [entry(n) for n in range(5)]
    entries.insert(2, entry(99, correct_answer="Same", incorrect_answers=["same"]))
    entries.insert(4, entry(98, type="matching"))
    source = write(tmp_path / "bad.json", opentdb(entries))
    code, out = run("packs", "import", str(source))
    assert code == 1
    text = source.read_text().splitlines()
    third = next(i for i, line in enumerate(text, 1) if "99" in line) - 4
    assert f"{source}:{third}:5: error: entry 3: 'same' appears twice" in out
    assert "entry 5: unknown type 'matching'" in out
    assert "(converted)" not in out


@pytest.mark.parametrize("name, content", [
    ("notes.docx", b"PK\x03\x04\x14\x00binary"),
    ("notes.txt", b"just some words in a text file\n"),
    ("data.bin", b"\x00\x01\x02\x03"),
])
def test_an_unknown_extension_or_content_gets_one_line_naming_the_formats(
        tmp_path: Path, name: str, content: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    code, _ = run("packs", "import", str(source))
    err = capsys.readouterr().err.strip()
    assert code == 1 and len(err.splitlines()) == 1, err
    assert "supported:" in err and "Moodle GIFT" in err and "Kahoot" in err


def test_a_json_file_that_is_not_opentdb_says_so(tmp_path: Path) -> None:
    source = write(tmp_path / "other.json", '{"quiz": []}')
    code, out = run("packs", "import", str(source))
    assert code == 1 and "not an Open Trivia Database file" in out
