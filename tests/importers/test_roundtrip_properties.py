"""Every importer round-trips: rows in, a format-1 pack out that validates with 0 errors.

Generated rows go through each reader and the shared pipeline; then the
pack text is validated again on its own. Every row either comes out as the
question it described or is reported at its own row or line.
"""

from __future__ import annotations

import csv
import html
import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.importers.formats import reader
from quiz.importers.pipeline import build
from quiz.packs.loader import load_bytes

# Letters, digits, punctuation a spreadsheet holds (quotes, commas, semicolons, braces...)
TEXT = st.text(st.characters(whitelist_categories=("L", "N", "P", "S", "Zs"),
                             blacklist_characters="\u2028\u2029\x85"),
               min_size=1, max_size=40).map(str.strip).filter(bool)
ROW = st.tuples(TEXT, TEXT, st.lists(TEXT, min_size=1, max_size=3))
ROWS = st.lists(ROW, min_size=1, max_size=12)
SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def check(kind: str, data: bytes, rows: list[tuple[str, str, list[str]]],
          lines: list[int]) -> None:
    draft, _ = reader(kind)(data, "author.file", "Round trip")
    outcome = build(draft, "round-trip", "Round trip")
    reported = {note.line for note in outcome.skipped}
    assert all("(converted)" not in str(note) for note in outcome.skipped + outcome.warnings)
    if outcome.text is not None:
        again = load_bytes(outcome.text.encode("utf-8"), "exported.yaml")
        assert not again.errors, again.errors[:3]
        assert again.pack is not None
        prompts = {q.prompt for q in again.pack.questions}
    else:
        prompts = set()
    for (prompt, answer, _), line in zip(rows, lines):
        cleaned = " ".join(prompt.split())
        assert cleaned in prompts or prompt in prompts or line in reported, (prompt, line)
    assert outcome.total == len(rows)


@SETTINGS
@given(ROWS, st.sampled_from([",", ";", "\t"]))
def test_header_csv_round_trips(rows: list[tuple[str, str, list[str]]], delimiter: str) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(["prompt", "answer", "wrong1", "wrong2", "wrong3", "type"])
    for prompt, answer, wrong in rows:
        writer.writerow([prompt, answer, *wrong, *[""] * (3 - len(wrong)), "choice"])
    check("csv", buffer.getvalue().encode("utf-8"), rows, list(range(2, len(rows) + 2)))


@SETTINGS
@given(ROWS)
def test_kahoot_csv_round_trips(rows: list[tuple[str, str, list[str]]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["", "Question - max 120 characters", "Answer 1", "Answer 2", "Answer 3",
                     "Answer 4", "Time limit (sec)", "Correct answer(s)"])
    for number, (prompt, answer, wrong) in enumerate(rows, start=1):
        writer.writerow([number, prompt, *wrong, answer, *[""] * (3 - len(wrong)), 20,
                         len(wrong) + 1])
    check("csv", buffer.getvalue().encode("utf-8"), rows, list(range(2, len(rows) + 2)))


def gift_escape(text: str) -> str:
    return "".join("\\" + c if c in "~=#{}:\\" else c for c in text)


@SETTINGS
@given(ROWS)
def test_gift_round_trips(rows: list[tuple[str, str, list[str]]]) -> None:
    blocks, lines, line = [], [], 1
    for prompt, answer, wrong in rows:
        answers = " ".join([f"={gift_escape(answer)}", *(f"~{gift_escape(w)}" for w in wrong)])
        # [plain]: Moodle's default format reads <b> as markup, which is not a round trip
        blocks.append(f"[plain]{gift_escape(prompt)} {{{answers}}}\n")
        lines.append(line)
        line += 2
    check("gift", "\n".join(blocks).encode("utf-8"), rows, lines)


@SETTINGS
@given(ROWS)
def test_opentdb_round_trips(rows: list[tuple[str, str, list[str]]]) -> None:
    results = [{"type": "multiple", "difficulty": "medium", "category": "Film",
                "question": html.escape(prompt), "correct_answer": html.escape(answer),
                "incorrect_answers": [html.escape(w) for w in wrong]}
               for prompt, answer, wrong in rows]
    text = json.dumps({"response_code": 0, "results": results}, indent=1)
    lines = [number for number, row in enumerate(text.splitlines(), start=1)
             if row == "  {"]
    check("opentdb", text.encode("utf-8"), rows, lines)
