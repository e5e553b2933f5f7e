"""Open Trivia Database JSON (the API's `results` list) into a draft.

OpenTDB encodes its texts with HTML entities (`&quot;`), licenses its
questions CC BY-SA 4.0 (attribution wherever people see them: on every
question's `source` and in the pack's description), and files many
questions in categories too small for a round: those are grouped under
their family ("Entertainment: Film" and "Entertainment: Music" become
"Entertainment") or, still too small, under "Mixed".
"""

from __future__ import annotations

import html
import json
from collections import Counter
from typing import Any, Final

from quiz.importers.draft import Draft, DraftQuestion, NotThisFormat, Origin
from quiz.packs.validate import ROUND_SIZE

SOURCE: Final = "Open Trivia Database (opentdb.com), CC BY-SA 4.0"
DESCRIPTION: Final = ("Questions from the Open Trivia Database (opentdb.com), "
                      "licensed CC BY-SA 4.0.")
MIXED: Final = "Mixed"
_DIFFICULTIES: Final = ("easy", "medium", "hard")


def _refuse_constant(name: str) -> float:
    raise ValueError(f"'{name}' is not a JSON number")


def _parse(text: str, file: str) -> Any:
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as bad:
        raise NotThisFormat(f"{file}:{bad.lineno}:{bad.colno}: error: JSON: {bad.msg}") \
            from None
    except RecursionError:
        raise NotThisFormat(f"{file}:1:1: error: the JSON is nested too deeply") from None
    except ValueError as bad:
        raise NotThisFormat(f"{file}:1:1: error: {bad}") from None


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index] in " \t\r\n":
        index += 1
    return index


def entry_lines(text: str) -> list[tuple[int, int]]:
    """1-based line and column of each element of the top-level object's `results` list.

    The text already parsed as JSON, so this only walks it: the top-level
    object's keys are decoded one by one and every other value is skipped
    whole, so a "results" inside a string or a nested object cannot fool it.
    """
    decoder = json.JSONDecoder()
    index = _skip_space(text, 0) + 1  # past '{'
    while True:
        index = _skip_space(text, index)
        if text[index] == "}":
            return []
        key, index = decoder.raw_decode(text, index)
        index = _skip_space(text, index) + 1  # past ':'
        index = _skip_space(text, index)
        if key == "results" and text[index] == "[":
            break
        _, index = decoder.raw_decode(text, index)
        index = _skip_space(text, index)
        if text[index] == ",":
            index += 1
    lines: list[tuple[int, int]] = []
    line, counted = 1, 0
    index = _skip_space(text, index + 1)
    while text[index] != "]":
        line += text.count("\n", counted, index)
        counted = index
        lines.append((line, index - text.rfind("\n", 0, index)))
        _, index = decoder.raw_decode(text, index)
        index = _skip_space(text, index)
        if text[index] == ",":
            index = _skip_space(text, index + 1)
    return lines


def _text(value: Any) -> str | None:
    return html.unescape(value).strip() if isinstance(value, str) and value.strip() else None


def group_small_categories(questions: list[DraftQuestion], round_size: int = ROUND_SIZE) -> None:
    """Categories with fewer questions than a round: into their family, else into Mixed."""
    counts = Counter(q.category for q in questions)
    if len(counts) <= 1:
        return
    families = Counter(q.category.split(":")[0].strip() for q in questions
                       if counts[q.category] < round_size)
    for question in questions:
        if counts[question.category] >= round_size:
            continue
        family = question.category.split(":")[0].strip()
        whole = families[family] + (counts[family] if counts[family] >= round_size else 0)
        question.category = family if whole >= round_size else MIXED


def read(text: str, file: str, title: str) -> Draft:
    data = _parse(text, file)
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise NotThisFormat(f"{file}:1:1: error: not an Open Trivia Database file: expected "
                            "an object with a 'results' list")
    lines = entry_lines(text)
    draft = Draft(file, "Open Trivia Database JSON", title, description=DESCRIPTION)
    for number, (entry, (line, column)) in enumerate(zip(data["results"], lines), start=1):
        origin = Origin(line, column, f"entry {number}")
        question = _question(draft, entry, origin, number)
        if question is not None:
            draft.questions.append(question)
    group_small_categories(draft.questions)
    return draft


def _question(draft: Draft, entry: Any, origin: Origin, number: int) -> DraftQuestion | None:
    if not isinstance(entry, dict):
        draft.skip(origin, "not an object with a question")
        return None
    prompt = _text(entry.get("question"))
    kind = entry.get("type")
    difficulty = entry.get("difficulty")
    if prompt is None:
        draft.skip(origin, "'question' is missing or empty")
        return None
    if kind not in ("multiple", "boolean"):
        draft.skip(origin, f"unknown type {kind!r}; OpenTDB questions are 'multiple' or "
                           "'boolean'")
        return None
    fields: dict[str, Any] = {"id": f"entry-{number}"}
    if difficulty in _DIFFICULTIES:
        fields["difficulty"] = difficulty
    elif difficulty is not None:
        draft.warn(origin, f"unknown difficulty {difficulty!r}; using medium")
    answer = _text(entry.get("correct_answer"))
    if answer is None:
        draft.skip(origin, "'correct_answer' is missing or empty")
        return None
    if kind == "boolean":
        if answer.lower() not in ("true", "false"):
            draft.skip(origin, f"a boolean question's answer must be True or False, "
                               f"not '{answer}'")
            return None
        fields.update(type="truefalse", prompt=prompt, answer=answer.lower() == "true")
    else:
        wrong = entry.get("incorrect_answers")
        if not isinstance(wrong, list) or not all(isinstance(w, str) for w in wrong):
            draft.skip(origin, "'incorrect_answers' must be a list of texts")
            return None
        fields.update(type="choice", prompt=prompt, answer=answer,
                      wrong=[html.unescape(w).strip() for w in wrong])
    fields["source"] = SOURCE
    category = _text(entry.get("category")) or "General"
    return DraftQuestion(origin, category, fields)
