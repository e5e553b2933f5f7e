"""The optional `fact` key: read as an id, located when wrong, absent in older packs."""

from __future__ import annotations

import textwrap

from quiz.packs.loader import load_bytes
from quiz.packs.model import Severity

PACK = """\
format: 1
pack:
  id: test-pack
  title: "Test"
questions:
  - id: pilot-year
    category: production
    prompt: "Which year did the pilot air?"
    answer: "1989"
    wrong: ["1986", "1991"]
    explain: "It aired in 1989."
  - id: pilot-year-typed
    category: production
    type: text
    prompt: "Type the year the pilot aired."
    answer: "1989"
    explain: "It aired in 1989."
    fact: {fact}
"""


def load(fact: str):
    return load_bytes(textwrap.dedent(PACK.format(fact=fact)).encode(), "pack.yaml")


def test_fact_is_read_and_untagged_question_is_its_own_fact() -> None:
    result = load("pilot-year")
    assert result.ok, [str(d) for d in result.diagnostics]
    assert result.pack is not None
    first, typed = result.pack.questions
    assert first.fact is None and first.fact_id == "pilot-year"
    assert typed.fact == "pilot-year" and typed.fact_id == "pilot-year"


def test_fact_must_be_an_id() -> None:
    result = load('"Pilot Year"')
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    assert [(d.line, d.column) for d in errors] == [(18, 11)]
    assert "'fact' must use lower-case letters" in errors[0].message
    # That question is left out; the other one still plays.
    assert result.pack is not None and result.left_out == 1
    assert [q.id for q in result.pack.questions] == ["pilot-year"]


def test_fact_may_not_be_a_list() -> None:
    result = load("[a, b]")
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    assert len(errors) == 1 and errors[0].line == 18


def warnings(result) -> list[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    return [(d.line, d.column, d.message) for d in result.diagnostics
            if d.severity is Severity.WARNING]


def test_two_questions_with_one_answer_and_no_shared_fact_are_warned_about() -> None:
    result = load("pilot-typed")  # a fact of its own: the two could be dealt in one game
    assert result.ok
    assert warnings(result) == [(
        16, 13, ("same answer as 'pilot-year' at line 6: if they ask the same fact, give both "
                 "the same `fact`"))]


def test_a_shared_fact_silences_the_same_answer_warning() -> None:
    assert warnings(load("pilot-year")) == []


def test_the_same_answer_check_ignores_case_and_spaces_but_not_other_types() -> None:
    text = textwrap.dedent(PACK.format(fact="pilot-typed")).replace(
        'type: text\n    prompt: "Type the year the pilot aired."\n    answer: "1989"',
        'type: text\n    prompt: "Type the year the pilot aired."\n    answer: " 1989 "')
    assert len(warnings(load_bytes(text.encode(), "pack.yaml"))) == 1
    truefalse = textwrap.dedent("""\
        format: 1
        pack: {id: tf, title: T}
        questions:
          - {id: a, category: c, type: truefalse, prompt: "A?", answer: true, explain: "x"}
          - {id: b, category: c, type: truefalse, prompt: "B?", answer: true, explain: "x"}
        """)
    result = load_bytes(truefalse.encode(), "pack.yaml")
    assert not [w for w in warnings(result) if "same answer" in w[2]]
