"""A table of broken packs: each must be refused with the right message at the right place."""

from __future__ import annotations

import textwrap

import pytest

from quiz.packs.loader import load_bytes
from quiz.packs.model import Severity

HEADER = """\
format: 1
pack:
  id: test-pack
  title: "Test"
questions:
"""

GOOD_QUESTION = """\
  - id: q1
    category: cast
    prompt: "Who plays Neil McCauley?"
    answer: "Robert De Niro"
    wrong: ["Al Pacino", "Val Kilmer"]
    explain: "De Niro plays the thief."
"""


def errors_of(text: str) -> list[tuple[int, int, str]]:
    result = load_bytes(textwrap.dedent(text).encode(), "pack.yaml")
    return [(d.line, d.column, d.message) for d in result.diagnostics
            if d.severity is Severity.ERROR]


CASES = [
    # (what is wrong, file text, expected line, expected column, words in the message)
    ("empty file", "", 1, 1, "empty"),
    ("top level is a list", "- a\n- b\n", 1, 1, "must be a mapping"),
    ("missing questions", "format: 1\npack:\n  id: p\n  title: T\n", 1, 1,
     "missing 'questions'"),
    ("newer format", "format: 2\npack: {id: p, title: T}\nquestions: []\n", 1, 9,
     "needs a newer heat-quiz"),
    ("format as text", "format: \"1\"\npack: {id: p, title: T}\nquestions: []\n", 1, 9,
     "whole number"),
    ("unknown top key", HEADER + GOOD_QUESTION + "extra: 1\n", 12, 1, "unknown key 'extra'"),
    ("typo in pack key", "format: 1\npack:\n  id: p\n  titel: T\nquestions: []\n", 4, 3,
     "did you mean 'title'"),
    ("bad pack id", "format: 1\npack:\n  id: My Pack\n  title: T\nquestions: []\n", 3, 7,
     "lower-case"),
    ("no questions", HEADER.replace("questions:\n", "questions: []\n"), 5, 12,
     "at least one question"),
    ("duplicate key", HEADER + GOOD_QUESTION + "    prompt: \"Again?\"\n", 12, 5,
     "'prompt' is given twice"),
    ("missing prompt", HEADER + GOOD_QUESTION.replace(
        '    prompt: "Who plays Neil McCauley?"\n', ""), 6, 5, "missing 'prompt'"),
    ("empty prompt", HEADER + GOOD_QUESTION.replace('"Who plays Neil McCauley?"', '"  "'),
     8, 13, "'prompt' is empty"),
    ("unknown type", HEADER + GOOD_QUESTION + "    type: multiple\n", 12, 11, "'type' must be"),
    ("wrong is not a list", HEADER + GOOD_QUESTION.replace(
        '["Al Pacino", "Val Kilmer"]', '"Al Pacino"'), 10, 12, "must be a list"),
    ("answer repeated among wrong", HEADER + GOOD_QUESTION.replace(
        '"Al Pacino"', '"robert de niro"'), 10, 13, "appears twice"),
    ("too many wrong", HEADER + GOOD_QUESTION.replace(
        '["Al Pacino", "Val Kilmer"]', '["a", "b", "c", "d", "e", "f"]'), 10, 12, "1 to 5"),
    ("quoted boolean", HEADER + """\
  - id: q1
    category: cast
    type: truefalse
    prompt: "De Niro plays McCauley."
    answer: "true"
    explain: "He does."
""", 10, 13, "remove the quotes"),
    ("yes as boolean", HEADER + """\
  - id: q1
    category: cast
    type: truefalse
    prompt: "De Niro plays McCauley."
    answer: yes
    explain: "He does."
""", 10, 13, "ambiguous"),
    ("order with two items", HEADER + """\
  - id: q1
    category: cast
    type: order
    prompt: "Order these."
    items: ["a", "b"]
    explain: "Because."
""", 10, 12, "3 to 6 items"),
    ("field of another type", HEADER + GOOD_QUESTION + "    items: [a, b, c]\n", 12, 12,
     "'items' is not used by choice"),
    ("time out of range", HEADER + GOOD_QUESTION + "    time: 200\n", 12, 11,
     "between 5 and 120"),
    ("octal-looking time", HEADER + GOOD_QUESTION + "    time: 010\n", 12, 11,
     "leading zeros"),
    ("duplicate id", HEADER + GOOD_QUESTION + GOOD_QUESTION, 12, 5, "used twice"),
    ("unknown category", """\
format: 1
pack: {id: p, title: T}
categories:
  cast: "The Cast"
questions:
  - id: q1
    category: casts
    prompt: "Who?"
    answer: "A"
    wrong: ["B"]
    explain: "A."
""", 7, 15, "did you mean 'cast'"),
    ("prompt too long", HEADER + GOOD_QUESTION.replace(
        '"Who plays Neil McCauley?"', '"' + "x" * 301 + '"'), 8, 13, "the limit is 300"),
    ("answer too long", HEADER + GOOD_QUESTION.replace(
        '"Robert De Niro"', '"' + "y" * 121 + '"'), 9, 13, "the limit is 120"),
    ("python tag", "format: 1\npack: !!python/object:os.system {id: p}\n", 2, 7,
     "not allowed"),
    ("syntax error", "format: 1\npack: [\n", 2, 7, "never closed: end it with ']'"),
    ("two documents", "format: 1\n---\nformat: 1\n", 2, 1, "one YAML document"),
    ("image outside", HEADER + GOOD_QUESTION + "    image: ../secret.png\n", 12, 12,
     "may not leave"),
    ("absolute image", HEADER + GOOD_QUESTION + "    image: /etc/passwd\n", 12, 12,
     "relative"),
]


@pytest.mark.parametrize("text, line, column, words",
                         [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_each_broken_pack_gets_a_located_message(text: str, line: int, column: int,
                                                 words: str) -> None:
    found = errors_of(text)
    assert any(words in message and (line, column) == (l_, c_)
               for l_, c_, message in found), found


def test_every_error_of_a_file_is_reported_not_only_the_first() -> None:
    text = HEADER + GOOD_QUESTION.replace('"Al Pacino"', '"Robert De Niro"') + """\
  - id: Bad Id
    category: cast
    prompt: ""
    answer: "x"
    wrong: ["y"]
    difficulty: extreme
"""
    messages = [m for _, _, m in errors_of(text)]
    assert len(messages) >= 4
    assert any("appears twice" in m for m in messages)
    assert any("lower-case" in m for m in messages)
    assert any("'prompt' is empty" in m for m in messages)
    assert any("extreme" in m for m in messages)


def test_diagnostics_come_in_file_order() -> None:
    text = HEADER + GOOD_QUESTION.replace("category: cast", "category: cast\n    bogus: 1") + \
        "  - 7\n"
    result = load_bytes(text.encode(), "pack.yaml")
    places = [(d.line, d.column) for d in result.diagnostics]
    assert places == sorted(places) and len(places) >= 2


def test_diagnostic_prints_as_file_line_column() -> None:
    result = load_bytes(b"format: 1\npack: {id: p, title: T}\nquestions: 5\n", "my.yaml")
    assert str(result.errors[0]) == "my.yaml:3:12: error: 'questions' must be a list, not text"


def test_warnings_do_not_stop_a_pack_from_loading() -> None:
    result = load_bytes((HEADER + GOOD_QUESTION.replace(
        '    explain: "De Niro plays the thief."\n', "")).encode(), "pack.yaml")
    assert result.ok and result.pack is not None
    expected = "question 'q1' has no 'explain'; players like to learn why"
    assert [d.message for d in result.warnings] == [expected]


def test_a_prompt_too_wide_for_the_screen_is_a_warning() -> None:
    wide = " ".join(["Wwwwwwwwww"] * 26)  # under the 300 character limit, but very wide
    result = load_bytes((HEADER + GOOD_QUESTION.replace(
        '"Who plays Neil McCauley?"', f'"{wide}"')).encode(), "pack.yaml")
    assert result.ok
    assert any("will not fit" in d.message for d in result.warnings)


def test_thin_category_is_a_warning() -> None:
    text = """\
format: 1
pack: {id: p, title: T}
categories:
  cast: "The Cast"
questions:
""" + GOOD_QUESTION
    result = load_bytes(text.encode(), "pack.yaml")
    assert result.ok
    assert any(d.line == 4 and "a round needs 5" in d.message for d in result.warnings)
