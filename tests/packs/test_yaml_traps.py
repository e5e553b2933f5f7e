"""YAML's traps told in an author's words: the place, what is wrong, how to fix it; and
after a syntax error, the problems of the questions before it are still reported."""

from __future__ import annotations

import pytest

from quiz.packs.loader import load_bytes
from quiz.packs.model import Diagnostic

HEAD = 'format: 1\npack:\n  id: traps\n  title: "Traps"\nquestions:\n'
FIRST = """\
  - id: first
    category: general
    prompt: "Who plays Neil McCauley?"
    answer: "Robert De Niro"
    wrong: ["Al Pacino"]
    explain: "De Niro plays the thief."
"""  # lines 6-11
SECOND = FIRST.replace("first", "second")  # lines 12-17; its prompt is line 14


def second(old: str, new: str) -> str:
    return HEAD + FIRST + SECOND.replace(old, new)


def errors(text: str) -> list[Diagnostic]:
    result = load_bytes(text.encode(), "traps.yaml")
    assert result.pack is None, "a file with a syntax error is not played"
    return list(result.errors)


def the_error(text: str) -> Diagnostic:
    (error,) = errors(text)
    return error


TRAPS = [
    # name, the second question's line as written, line, column, words the message holds
    ("tab", ("    category", "\tcategory"), 13, 1, "use spaces, not tabs, to indent"),
    ("unquoted colon", ('prompt: "Who plays Neil McCauley?"',
                        "prompt: Heat: who plays Neil?"), 14, 17,
     'put the text in quotes: prompt: "Heat: who plays Neil?"'),
    ("quote never closed", ('prompt: "Who plays Neil McCauley?"',
                            'prompt: "Who plays Neil McCauley?'), 14, 13,
     'this " opens a text that is never closed: add the closing "'),
    ("apostrophe in single quotes", ('prompt: "Who plays Neil McCauley?"',
                                     "prompt: 'Who's Neil?'"), 14, 17,
     "use double quotes instead: prompt: \"Who's Neil?\""),
    ("text after the closing quote", ('prompt: "Who plays Neil McCauley?"',
                                      'prompt: "Neil" is who?'), 14, 19,
     "put the whole text in quotes: prompt: '\"Neil\" is who?'"),
    ("list never closed", ('wrong: ["Al Pacino"]', 'wrong: ["Al Pacino", "Val Kilmer"'),
     16, 12, "this '[' starts a list that is never closed: end it with ']'"),
    ("list never opened", ('wrong: ["Al Pacino"]', 'wrong: "Al Pacino", "Val Kilmer"]'),
     16, 37, "closes a list that was never opened: start it with '['"),
    ("key indented too far", ("    answer", "      answer"), 15, 7,
     "indented 6 spaces, more than the 4 of line 14"),
    ("key indented too little", ("    answer", "   answer"), 15, 4,
     "indented 3 spaces, less than the 4 of line 14"),
    ("text starting with @", ('explain: "De Niro plays the thief."', "explain: @home"), 17, 14,
     "cannot start with '@'"),
    ("text starting with a dash", ('explain: "De Niro plays the thief."', "explain: - thief"),
     17, 14, 'put it in quotes: explain: "- thief"'),
]


@pytest.mark.parametrize(("change", "line", "column", "words"),
                         [trap[1:] for trap in TRAPS], ids=[trap[0] for trap in TRAPS])
def test_each_trap_is_named_at_its_place_with_the_fix(
        change: tuple[str, str], line: int, column: int, words: str) -> None:
    # GIVEN a sound first question and the trap in the second
    error = the_error(second(*change))
    # THEN one error, where the author made the mistake, saying how to fix it
    assert (error.line, error.column) == (line, column), error
    assert words in error.message, error.message
    assert "YAML syntax" not in error.message  # not the parser's own words


def test_a_brace_never_closed_is_told_at_the_brace() -> None:
    error = the_error('format: 1\npack: {id: traps, title: "Traps"\nquestions:\n' + FIRST)
    assert (error.line, error.column) == (2, 7)
    assert "this '{' starts a mapping that is never closed: end it with '}'" in error.message


def test_a_bracket_left_open_at_the_end_of_the_file_is_found() -> None:
    error = the_error("format: 1\npack: [\n")
    assert (error.line, error.column) == (2, 7) and "never closed" in error.message


def test_a_colon_in_a_list_item_is_a_mapping_told_to_quote() -> None:
    text = HEAD + FIRST.replace('wrong: ["Al Pacino"]', "wrong: [Al Pacino, Time: 12:30]")
    result = load_bytes(text.encode(), "traps.yaml")
    (error,) = result.errors
    assert (error.line, error.column) == (10, 24)
    assert error.message.endswith("not a mapping; a ':' followed by a space inside unquoted "
                                  "text starts a mapping: put the text in quotes")


# -- a list where a mapping was meant -------------------------------------------------------

def test_pack_written_as_a_list_says_to_drop_the_dashes() -> None:
    text = 'format: 1\npack:\n  - id: traps\n  - title: "Traps"\nquestions:\n' + FIRST
    error = the_error(text)
    assert (error.line, error.column) == (3, 3)
    assert "not a list; write its keys without '- ' before them" in error.message


def test_top_level_written_as_a_list_says_to_drop_the_dashes() -> None:
    error = the_error("- format: 1\n- pack: {id: traps, title: Traps}\n")
    assert "with no '- ' before them" in error.message


def test_a_question_with_a_dash_before_every_field_is_one_question_with_one_error_a_dash(
        ) -> None:
    split = SECOND.replace("    category", "  - category").replace("    prompt", "  - prompt")
    result = load_bytes((HEAD + FIRST + split).encode(), "traps.yaml")
    # The sound first question still plays; the second is left out, told of its dashes
    assert result.pack is not None and [q.id for q in result.pack.questions] == ["first"]
    assert result.left_out == 1
    assert [(e.line, e.column) for e in result.errors] == [(13, 3), (14, 3)]
    assert "this '- ' starts a new question at 'category'; only the first field of a " \
           "question takes '- '" in result.errors[0].message


def test_a_missing_dash_between_questions_is_named() -> None:
    text = HEAD + FIRST + SECOND.replace("  - id: second", "    id: second")
    first = errors(text)[0]  # the two questions run together: neither is sound
    assert (first.line, first.column) == (12, 5)
    assert "if a new question starts here, begin its first line with '- '" in first.message


# -- after a syntax error, the questions before it are still checked -----------------------

def test_the_questions_before_a_syntax_error_are_still_checked() -> None:
    # GIVEN a first question with no wrong answers, and a tab further down
    broken_first = FIRST.replace('    wrong: ["Al Pacino"]\n', "")
    text = HEAD + broken_first + SECOND.replace("    category", "\tcategory")
    found = errors(text)
    # THEN both are reported, in file order: the first question's problem, then the tab
    assert [(e.line, e.column) for e in found] == [(6, 5), (12, 1)]
    assert "needs 'wrong' answers" in found[0].message
    assert "use spaces, not tabs" in found[1].message
    assert found[1].message.endswith("the questions after it are checked once it is fixed")


def test_a_question_cut_short_by_the_error_is_not_judged() -> None:
    # The second question's 'answer' is indented too little: YAML ends that question there.
    text = HEAD + FIRST + SECOND.replace("    answer", "   answer")
    found = errors(text)
    assert len(found) == 1 and "indented 3 spaces" in found[0].message  # no "missing answer"


def test_an_error_inside_pack_checks_nothing_after_it() -> None:
    text = 'format: 1\npack:\n  id: traps\n  title: Heat: the quiz\nquestions:\n' + FIRST
    error = the_error(text)
    assert (error.line, error.column) == (4, 14)
    assert 'put the text in quotes: title: "Heat: the quiz"' in error.message
    assert "checked once it is fixed" not in error.message


# -- a ' #' in unquoted text starts a comment --------------------------------------------

def test_unquoted_text_cut_short_by_a_hash_is_warned_about_with_the_fix() -> None:
    text = HEAD + FIRST.replace('explain: "De Niro plays the thief."',
                                "explain: De Niro is #1 on the list.")
    result = load_bytes(text.encode(), "traps.yaml")
    assert result.ok and result.pack is not None  # it loads, but not as the author meant
    assert result.pack.questions[0].explain == "De Niro is"
    (warning,) = [w for w in result.warnings if "comment" in w.message]
    assert (warning.line, warning.column) == (11, 14)
    assert warning.message.endswith(
        'put the whole text in quotes to keep it: explain: "De Niro is #1 on the list."')


def test_a_real_comment_after_a_text_is_left_alone() -> None:
    text = HEAD + FIRST.replace('explain: "De Niro plays the thief."',
                                "explain: De Niro plays the thief.  # checked in the article")
    result = load_bytes(text.encode(), "traps.yaml")
    assert result.ok and not [w for w in result.warnings if "comment" in w.message]
