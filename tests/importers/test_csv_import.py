"""CSV and Excel spreadsheets: Kahoot!'s template and a header row, in every dialect."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_helpers import installed, nothing_installed, run, write

from quiz.packs.model import QuestionType

KAHOOT = """\
,Quiz template,,,,,,
,"Add questions, at least two answer alternatives, time limit and choose correct answers",,,,,,
,Question - max 120 characters,Answer 1 - max 75 characters,Answer 2 - max 75 characters,\
Answer 3 - max 75 characters,Answer 4 - max 75 characters,"Time limit (sec) – 5, 10, 20, 30, \
60, 90, 120, or 240 secs",Correct answer(s) - choose at least one
1,Which year did L.A. Takedown air?,1986,1989,1991,1993,20,2
2,Who plays Neil McCauley?,Al Pacino,Robert De Niro,Val Kilmer,,30,2
3,Heat was released in 1995.,True,False,,,10,1
"""

HEADER = """\
prompt,answer,wrong1,wrong2,type,category,difficulty,explain,time,fact
"Which year did L.A. Takedown air?",1989,1986,1991,choice,Story,easy,"The pilot came first.",15,
"Who plays Neil McCauley?",Robert De Niro,,,text,Cast,,,,mccauley-actor
"De Niro plays the thief.",true,,,truefalse,Cast,hard,"He plays McCauley.",,mccauley-actor
"""


def test_kahoot_template_rows_become_questions(tmp_path: Path) -> None:
    source = write(tmp_path / "kahoot.csv", KAHOOT)
    code, text = run("packs", "import", str(source), "--id", "kahoot")
    assert code == 0, text
    assert "Kahoot! quiz template" in text
    pack = installed("kahoot")
    first, second, third = pack.questions
    assert (first.prompt, first.answer, set(first.wrong)) == (
        "Which year did L.A. Takedown air?", "1989", {"1986", "1991", "1993"})
    assert first.time == 20
    assert second.answer == "Robert De Niro" and len(second.wrong) == 2  # the empty 4th left out
    assert third.type is QuestionType.TRUEFALSE and third.answer is True


@pytest.mark.parametrize("correct, words", [
    ('"1,3"', "2 correct answers (1, 3); the game takes one right answer"),
    ("", "no correct answer number"),
    ("4", "correct answer 4 points at an empty answer"),
    ("seven", "correct answer 'seven' is not a number from 1 to 4"),
])
def test_kahoot_rows_with_several_or_no_correct_numbers_are_reported_by_row(
        tmp_path: Path, correct: str, words: str) -> None:
    bad_row = f"4,Who directed Heat?,Michael Mann,Ridley Scott,Tony Scott,,20,{correct}\n"
    source = write(tmp_path / "kahoot.csv", KAHOOT + bad_row)
    code, text = run("packs", "import", str(source), "--id", "kahoot")
    assert code == 1
    assert f"{source}:7:1: error: row 7: {words}" in text, text
    assert "add --lenient to import the 3 that are sound" in text
    assert nothing_installed()
    code, text = run("packs", "import", str(source), "--id", "kahoot", "--lenient")
    assert code == 0 and "1 left out" in text
    assert len(installed("kahoot").questions) == 3


def test_kahoot_time_above_the_game_limit_is_clamped_with_a_warning(tmp_path: Path) -> None:
    source = write(tmp_path / "k.csv", KAHOOT.replace(",20,2", ",240,2"))
    code, text = run("packs", "import", str(source))
    assert code == 0, text
    assert f"{source}:4:1: warning: row 4: time limit 240 s is outside" in text
    assert installed("k").questions[0].time == 120


def test_header_row_csv_reads_every_type(tmp_path: Path) -> None:
    source = write(tmp_path / "mine.csv", HEADER)
    code, text = run("packs", "import", str(source), "--title", "Mine")
    assert code == 0, text
    assert "with a header row" in text
    pack = installed("mine")
    assert [q.type for q in pack.questions] == [QuestionType.CHOICE, QuestionType.TEXT,
                                                QuestionType.TRUEFALSE]
    assert [pack.category_name(q.category) for q in pack.questions] == ["Story", "Cast", "Cast"]
    assert pack.questions[0].time == 15 and pack.questions[0].explain == "The pilot came first."
    assert pack.questions[2].answer is True and pack.questions[2].difficulty.value == "hard"
    assert [q.fact for q in pack.questions][1:] == ["mccauley-actor", "mccauley-actor"]


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolon_and_tab_dialects_are_sniffed(tmp_path: Path, delimiter: str) -> None:
    rows = [["prompt", "answer", "wrong1", "wrong2"],
            ["Who plays Chris Shiherlis, the loyal one?", "Val Kilmer", "Tom Sizemore",
             "Jon Voight"],
            ["Who plays Vincent Hanna?", "Al Pacino", "Robert De Niro", "Val Kilmer"]]
    text = "\n".join(delimiter.join(r) for r in rows) + "\n"
    source = write(tmp_path / "dialect.csv", text)
    code, out = run("packs", "import", str(source))
    assert code == 0, out
    first = installed("dialect").questions[0]
    assert first.prompt == "Who plays Chris Shiherlis, the loyal one?"  # the comma stays
    assert first.answer == "Val Kilmer" and set(first.wrong) == {"Tom Sizemore", "Jon Voight"}


@pytest.mark.parametrize("encoding, told", [("cp1252", "Windows-1252"), ("utf-8-sig", "UTF-8"),
                                            ("utf-16", "UTF-16")])
def test_encodings_are_detected_not_assumed(tmp_path: Path, encoding: str, told: str) -> None:
    text = "prompt;answer;wrong1\nQui a réalisé « Heat » ?;Michael Mann;Ridley Scott\n"
    source = write(tmp_path / "accents.csv", text, encoding)
    code, out = run("packs", "import", str(source))
    assert code == 0, out
    assert f"{told} text" in out
    assert installed("accents").questions[0].prompt == "Qui a réalisé « Heat » ?"
    assert "prompt" not in installed("accents").category_order()  # the BOM never became a cell


def test_malformed_rows_are_each_reported_at_their_row(tmp_path: Path) -> None:
    text = ("prompt,answer,wrong1,type,explain\n"
            "Who plays Hanna?,Al Pacino,Al Pacino,choice,x\n"
            ",orphan answer,,,\n"
            "Is Heat from 1995?,maybe,,truefalse,x\n"
            "\n"
            "Who plays McCauley?,Robert De Niro,Al Pacino,,Yes.\n")
    source = write(tmp_path / "bad.csv", text)
    code, out = run("packs", "import", str(source))
    assert code == 1
    assert f"{source}:2:1: error: row 2: 'Al Pacino' appears twice" in out
    assert f"{source}:3:1: error: row 3: the prompt is empty" in out
    assert f"{source}:4:1: error: row 4: a truefalse question's answer must be true or false" \
        in out
    assert "(converted)" not in out and "line 1" not in out.split("read as")[1]
    assert "3 of 4 questions would be left out" in out


def test_an_unknown_column_is_an_error_naming_it(tmp_path: Path) -> None:
    source = write(tmp_path / "typo.csv", "prompt,answer,wrong1,explanation\nQ?,A,B,why\n")
    code, out = run("packs", "import", str(source))
    assert code == 1
    assert f"{source}:1:4: error: unknown column 'explanation'" in out


def test_a_csv_with_no_header_says_what_it_needs(tmp_path: Path) -> None:
    source = write(tmp_path / "plain.csv", "a,b\nc,d\n")
    code, out = run("packs", "import", str(source))
    assert code == 1 and "no header row found" in out and nothing_installed()


def test_excel_workbook_rows_are_numbered_as_excel_numbers_them(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Quiz template"])
    sheet.append([])
    sheet.append(["", "Question - max 120 characters", "Answer 1", "Answer 2", "Answer 3",
                  "Answer 4", "Time limit (sec)", "Correct answer(s)"])
    sheet.append([1, "Which year did L.A. Takedown air?", 1986, 1989, 1991, None, 20, 2])
    sheet.append([2, "Who plays Hanna?", "Al Pacino", "Robert De Niro", None, None, 20, "1,2"])
    source = tmp_path / "kahoot.xlsx"
    book.save(source)
    code, out = run("packs", "import", str(source), "--lenient")
    assert code == 0, out
    # row 5, column H: where the author clicks in Excel
    assert f"{source}:5:8: error: row 5: 2 correct answers (1, 2)" in out
    question = installed("kahoot").questions[0]
    assert question.answer == "1989" and set(question.wrong) == {"1986", "1991"}
