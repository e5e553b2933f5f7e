"""Spreadsheet rows (CSV or Excel) into a draft: Kahoot!'s quiz template or a header row.

Two layouts are read:

- Kahoot!'s quiz template: a header row with "Question", "Answer 1" to
  "Answer 4", "Time limit" and "Correct answer(s)" (any instruction rows
  above it are passed over), or the same seven columns with no header.
  The game takes one right answer per question, so a row with several
  correct numbers, or none, is reported.
- A plain header row naming this format's fields: prompt, answer,
  wrong1..wrong5, type, category, difficulty, explain, source, time, fact,
  and also id, accept (spellings split by "|") and item1..item6 for order
  questions.

Rows are numbered as the spreadsheet numbers them; for a CSV file the line
is where the row starts in the file (the same, unless a cell spans lines).
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Final

from quiz.importers.draft import Draft, DraftQuestion, NotThisFormat, Origin
from quiz.packs.validate import MAX_QUESTIONS, TIME_RANGE

_DELIMITERS: Final = ",;\t"
_SNIFF_BYTES: Final = 64 * 1024
_WRONG: Final = tuple(f"wrong{i}" for i in range(1, 6))
_ITEMS: Final = tuple(f"item{i}" for i in range(1, 7))
HEADER_FIELDS: Final = ("id", "prompt", "answer", *_WRONG, "accept", *_ITEMS, "type",
                        "category", "difficulty", "explain", "source", "time", "fact")
_TYPES: Final = ("choice", "truefalse", "text", "order")
_NUMBERS: Final = re.compile(r"[\s,;/&+]+|\band\b")


@dataclass(frozen=True)
class Row:
    line: int  # where the row starts: a line of a CSV file, a row of a sheet
    number: int  # the spreadsheet's row number
    cells: list[str]


# -- CSV -------------------------------------------------------------------
def consistency(text: str, delimiter: str) -> tuple[int, int]:
    """How many of the first rows share one width (>1 cell), and that width."""
    reader = csv.reader(io.StringIO(text[:_SNIFF_BYTES]), delimiter=delimiter)
    widths: Counter[int] = Counter()
    try:
        for number, cells in enumerate(reader):
            if number >= 50:
                break
            if any(c.strip() for c in cells):
                widths[len(cells)] += 1
    except csv.Error:
        return 0, 0
    if not widths:
        return 0, 0
    width, count = max(widths.items(), key=lambda item: (item[1], item[0]))
    return (count if width > 1 else 0), width


def sniff(text: str) -> type[csv.Dialect]:
    """The CSV dialect: the delimiter csv.Sniffer guesses, checked against how evenly each
    candidate splits the first rows. Quoting is always the spreadsheets' own ('"', doubled):
    the Sniffer's guess of a quote character from a few rows is easily fooled by an
    apostrophe."""
    sample = text[:_SNIFF_BYTES]
    if len(text) > _SNIFF_BYTES and "\n" in sample:
        sample = sample[:sample.rindex("\n")]
    scores = {d: consistency(text, d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: scores[d])
    try:
        guessed = csv.Sniffer().sniff(sample, _DELIMITERS).delimiter
    except csv.Error:
        guessed = best
    chosen = guessed if guessed in _DELIMITERS and scores[guessed] >= scores[best] else best

    class Sniffed(csv.excel):
        delimiter = chosen

    return Sniffed


def csv_rows(text: str, file: str) -> Iterator[Row]:
    reader = csv.reader(io.StringIO(text, newline=""), sniff(text))
    start = 1
    try:
        for number, cells in enumerate(reader, start=1):
            yield Row(start, number, [c.strip() for c in cells])
            start = reader.line_num + 1
    except csv.Error as bad:
        raise NotThisFormat(f"{file}:{reader.line_num}: error: CSV: {bad}") from None


# -- both layouts ----------------------------------------------------------
def _key(cell: str) -> str:
    return re.sub(r"[\s_\-]+", "", cell.casefold())


def _kahoot_columns(cells: list[str]) -> dict[str, int] | None:
    """Columns of a Kahoot! template header row, if this is one."""
    keys = [_key(c) for c in cells]
    found: dict[str, int] = {}
    for index, key in enumerate(keys):
        if key.startswith("question") and "question" not in found:
            found["question"] = index
        for n in range(1, 5):
            if key.startswith(f"answer{n}"):
                found.setdefault(f"answer{n}", index)
        if key.startswith("timelimit"):
            found.setdefault("time", index)
        if key.startswith("correct"):
            found.setdefault("correct", index)
    needed = {"question", "answer1", "answer2", "correct"}
    return found if needed <= set(found) else None


def _headless_kahoot(cells: list[str]) -> dict[str, int] | None:
    """The seven Kahoot! columns with no header (optionally after a row number)."""
    for offset in (0, 1):
        if len(cells) >= 7 + offset and re.fullmatch(r"[\d\s,;]+", cells[6 + offset]) \
                and (offset == 0 or cells[0].isdigit()):
            names = ("question", "answer1", "answer2", "answer3", "answer4", "time", "correct")
            return {name: index + offset for index, name in enumerate(names)}
    return None


def _cell(row: Row, columns: dict[str, int], name: str) -> str:
    index = columns.get(name)
    return row.cells[index] if index is not None and index < len(row.cells) else ""


def _origin(row: Row, columns: dict[str, int], cell_columns: bool,
            to_field: dict[str, str]) -> Origin:
    places = {field: columns[name] + 1 for name, field in to_field.items()
              if name in columns} if cell_columns else {}
    return Origin(row.line, 1, f"row {row.number}", places)


def _whole(text: str) -> int | str:
    cleaned = text.strip()
    if re.fullmatch(r"\d+(\.0+)?", cleaned):
        return int(float(cleaned))
    return cleaned


def _time(draft: Draft, origin: Origin, text: str) -> int | None:
    if not text:
        return None
    value = _whole(text)
    if not isinstance(value, int):
        draft.warn(origin, f"time limit '{text}' is not a number of seconds; using the "
                           "game's setting", "time")
        return None
    low, high = TIME_RANGE
    if not low <= value <= high:
        clamped = min(max(value, low), high)
        draft.warn(origin, f"time limit {value} s is outside the game's {low} to {high} s; "
                           f"using {clamped} s", "time")
        return clamped
    return value


def read_rows(rows: Iterable[Row], file: str, title: str, format_name: str,
              cell_columns: bool = False) -> Draft:
    """A draft from rows; `cell_columns` when messages should name the cell's column."""
    draft = Draft(file, format_name, title)
    layout: str | None = None
    columns: dict[str, int] = {}
    seen = 0
    for row in rows:
        if not any(row.cells):
            continue
        if layout is None:
            header = [_key(c) for c in row.cells]
            if "prompt" in header:
                layout, columns = "header", _header_columns(draft, row)
                draft.format_name = f"{format_name} with a header row"
                continue
            kahoot = _kahoot_columns(row.cells)
            if kahoot is not None:
                layout, columns = "kahoot", kahoot
                draft.format_name = f"{format_name} (Kahoot! quiz template)"
                continue
            headless = _headless_kahoot(row.cells)
            if headless is None:
                if seen < 20:  # instructions above a Kahoot! header
                    seen += 1
                    continue
                break
            layout, columns = "kahoot", headless
            draft.format_name = f"{format_name} (Kahoot! quiz layout, no header)"
        if len(draft.questions) + draft.refused >= MAX_QUESTIONS:
            draft.error(row.line, f"more than {MAX_QUESTIONS:,} rows; a pack holds at most "
                                  f"{MAX_QUESTIONS:,} questions, the rest are not read")
            break
        if layout == "kahoot":
            _kahoot_row(draft, row, columns, cell_columns)
        else:
            _header_row(draft, row, columns, cell_columns)
    if layout is None:
        raise NotThisFormat(
            f"{file}:1: error: no header row found: name the columns "
            "(prompt, answer, wrong1, ...) or use Kahoot!'s quiz "
            "template (Question, Answer 1-4, Time limit, Correct answer)")
    return draft


# -- Kahoot! ----------------------------------------------------------------
_KAHOOT_FIELDS: Final = {"question": "prompt", "answer1": "answer", "answer2": "wrong",
                         "answer3": "wrong", "answer4": "wrong", "time": "time"}


def _kahoot_row(draft: Draft, row: Row, columns: dict[str, int], cell_columns: bool) -> None:
    origin = _origin(row, columns, cell_columns, {**_KAHOOT_FIELDS, "correct": "correct"})
    prompt = _cell(row, columns, "question")
    if not prompt:
        draft.skip(origin, "the question is empty", "prompt")
        return
    answers = {n: _cell(row, columns, f"answer{n}") for n in range(1, 5)}
    correct_text = _cell(row, columns, "correct")
    numbers = [p for p in _NUMBERS.split(correct_text) if p]
    if not numbers:
        draft.skip(origin, "no correct answer number (1 to 4) is given", "correct")
        return
    if not all(n.isdigit() and 1 <= int(n) <= 4 for n in numbers):
        draft.skip(origin, f"correct answer '{correct_text}' is not a number from 1 to 4",
                   "correct")
        return
    chosen = sorted({int(n) for n in numbers})
    if len(chosen) > 1:
        draft.skip(origin, f"{len(chosen)} correct answers ({', '.join(map(str, chosen))}); "
                           "the game takes one right answer per question: keep one",
                   "correct")
        return
    right = chosen[0]
    if not answers[right]:
        draft.skip(origin, f"correct answer {right} points at an empty answer", "correct")
        return
    fields: dict[str, Any] = {"id": f"row-{row.number}"}
    given = {n: text for n, text in answers.items() if text}
    if sorted(t.casefold() for t in given.values()) == ["false", "true"]:
        fields.update(type="truefalse", prompt=prompt,
                      answer=given[right].casefold() == "true")
    else:
        fields.update(type="choice", prompt=prompt, answer=given[right],
                      wrong=[text for n, text in given.items() if n != right])
    time = _time(draft, origin, _cell(row, columns, "time"))
    if time is not None:
        fields["time"] = time
    draft.questions.append(DraftQuestion(origin, draft.title, fields))


# -- header row -------------------------------------------------------------
def _header_columns(draft: Draft, row: Row) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(row.cells):
        name = _key(cell)
        if not name:
            continue
        if name not in HEADER_FIELDS:
            draft.error(row.line, f"unknown column '{cell}'; known columns: "
                                  f"{', '.join(HEADER_FIELDS)}", index + 1)
        elif name in columns:
            draft.error(row.line, f"column '{cell}' is given twice", index + 1)
        else:
            columns[name] = index
    return columns


_HEADER_TO_FIELD: Final = {name: ("wrong" if name in _WRONG else
                                  "items" if name in _ITEMS else name)
                           for name in HEADER_FIELDS}


def _header_row(draft: Draft, row: Row, columns: dict[str, int], cell_columns: bool) -> None:
    origin = _origin(row, columns, cell_columns, _HEADER_TO_FIELD)

    def cell(name: str) -> str:
        return _cell(row, columns, name)

    prompt = cell("prompt")
    if not prompt:
        draft.skip(origin, "the prompt is empty", "prompt")
        return
    wrong = [cell(name) for name in _WRONG if cell(name)]
    items = [cell(name) for name in _ITEMS if cell(name)]
    answer = cell("answer")
    kind = cell("type").casefold()
    if not kind:
        kind = "order" if items and not answer else "choice" if wrong else \
            "truefalse" if answer.casefold() in ("true", "false") else "text"
    fields: dict[str, Any] = {"id": cell("id") or f"row-{row.number}", "type": kind}
    for name in ("difficulty",):
        if cell(name):
            fields[name] = cell(name).casefold()
    fields["prompt"] = prompt
    if kind == "truefalse":
        if answer.casefold() not in ("true", "false"):
            draft.skip(origin, f"a truefalse question's answer must be true or false, not "
                               f"'{answer}'", "answer")
            return
        fields["answer"] = answer.casefold() == "true"
    elif answer or kind not in _TYPES:
        fields["answer"] = answer
    if wrong:
        fields["wrong"] = wrong
    if cell("accept"):
        fields["accept"] = [a.strip() for a in cell("accept").split("|") if a.strip()]
    if items:
        fields["items"] = items
    for name in ("explain", "source", "fact"):
        if cell(name):
            fields[name] = cell(name)
    if cell("time"):
        fields["time"] = _whole(cell("time"))
    draft.questions.append(DraftQuestion(origin, cell("category") or "General", fields))
