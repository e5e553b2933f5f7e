"""Moodle GIFT text into a draft.

Read: multiple choice (`{=right ~wrong ~wrong}`), true/false (`{T}`,
`{FALSE}`), short answer (`{=one =another}`), each with an optional
`::title::`, a `[html]`/`[plain]`/`[markdown]` text format, answer feedback
(`#...`) and general feedback (`####...`, used as the explanation), and
`$CATEGORY:` lines. A missing-word question (text on both sides of the
answers) becomes a prompt with a blank. Matching, numerical, essay and
description questions, and multiple choice with several right answers, have
no counterpart in the game and are reported by line.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any, Final

from quiz.importers.draft import Draft, DraftQuestion, NotThisFormat, Origin, slug

_ESCAPABLE: Final = "~=#{}:\\"
_FORMAT: Final = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_TAG: Final = re.compile(r"</?[A-Za-z][^<>]*>")  # a real tag, not "a <> b"
_TRUE: Final = ("t", "true")
_FALSE: Final = ("f", "false")
_BLANK: Final = "_____"
_PERCENT: Final = re.compile(r"^%(-?\d+(?:\.\d+)?)%")


@dataclass
class _Chunk:
    line: int  # 1-based line where the question starts
    text: str
    category: str


def _split(text: str) -> list[_Chunk]:
    """Questions are separated by blank lines; `//` lines are comments."""
    chunks: list[_Chunk] = []
    current: list[str] = []
    start = 0
    category = ""
    depth = 0  # inside an answer block blank lines do not end a question
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if depth == 0 and line.lstrip().startswith("//"):
            continue
        if depth == 0 and not current and line.strip().startswith("$CATEGORY:"):
            category = line.split(":", 1)[1].strip().rstrip("/").split("/")[-1]
            category = "" if category.startswith("$") else category
            continue
        if not line.strip() and depth == 0:
            if current:
                chunks.append(_Chunk(start, "\n".join(current), category))
                current = []
            continue
        if not current:
            start = number
        current.append(line)
        depth = max(0, depth + _unescaped(line, "{") - _unescaped(line, "}"))
    if current:
        chunks.append(_Chunk(start, "\n".join(current), category))
    return chunks


def _unescaped(line: str, char: str) -> int:
    return len(re.findall(r"(?<!\\)(?:\\\\)*" + re.escape(char), line))


def _find(text: str, char: str, start: int = 0) -> int:
    """Index of the first unescaped `char` at or after `start`, or -1."""
    index = start
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text[index] == char:
            return index
        index += 1
    return -1


def _unescape(text: str) -> str:
    out = re.sub(r"\\n", "\n", text)
    return re.sub(r"\\([" + re.escape(_ESCAPABLE) + "])", r"\1", out)


def _clean(text: str, markup: str) -> str:
    if markup in ("html", "moodle"):
        text = _TAG.sub(" ", text)
        text = html.unescape(text)
    return " ".join(_unescape(text).split())


def _parts(body: str) -> list[tuple[str, str]]:
    """The answer block's answers as (marker, text-with-feedback): marker '=', '~' or ''."""
    parts: list[tuple[str, str]] = []
    index, marker, start = 0, "", 0
    while index < len(body):
        char = body[index]
        if char == "\\":
            index += 2
            continue
        if char in "=~":
            if index > start or marker:
                parts.append((marker, body[start:index]))
            marker, start = char, index + 1
        index += 1
    parts.append((marker, body[start:]))
    return [(m, t) for m, t in parts if m or t.strip()]


def _feedback(text: str) -> tuple[str, str]:
    at = _find(text, "#")
    return (text, "") if at < 0 else (text[:at], text[at + 1:])


def read(text: str, file: str, title: str) -> Draft:
    chunks = _split(text)
    if not any(_find(c.text, "{") >= 0 for c in chunks):
        raise NotThisFormat(f"{file}:1: error: no GIFT question found (a question's "
                            "answers go in {braces})")
    draft = Draft(file, "Moodle GIFT", title)
    used_ids: set[str] = set()
    for number, chunk in enumerate(chunks, start=1):
        origin = Origin(chunk.line, 1, f"question {number}")
        question = _question(draft, chunk, origin)
        if question is None:
            continue
        base = question.fields["id"]
        made, suffix = base, 2
        while made in used_ids:
            made, suffix = f"{base}-{suffix}", suffix + 1
        used_ids.add(made)
        question.fields["id"] = made
        draft.questions.append(question)
    return draft


def _question(draft: Draft, chunk: _Chunk, origin: Origin) -> DraftQuestion | None:
    text = chunk.text.strip()
    name = ""
    if text.startswith("::"):
        end = text.find("::", 2)
        if end < 0:
            draft.skip(origin, "the title is not closed with '::'")
            return None
        name, text = text[2:end].strip(), text[end + 2:]
    markup = "moodle"
    matched = _FORMAT.match(text)
    if matched:
        markup, text = matched.group(1).lower(), text[matched.end():]
    opening = _find(text, "{")
    if opening < 0:
        draft.skip(origin, "a description with no answers is not a question the game can "
                           "play")
        return None
    closing = _find(text, "}", opening)
    if closing < 0:
        draft.skip(origin, "the answers' '{' is never closed with '}'")
        return None
    before, body, after = text[:opening], text[opening + 1:closing], text[closing + 1:]
    prompt = _clean(before, markup)
    if after.strip():
        prompt = f"{prompt} {_BLANK} {_clean(after, markup)}".strip()
    if not prompt:
        draft.skip(origin, "the question has no text")
        return None
    fields: dict[str, Any] = {"id": slug(name, "") or f"line-{chunk.line}"}
    kind = _answers(draft, origin, body, markup, fields)
    if kind is None:
        return None
    fields = {"id": fields.pop("id"), "type": kind, "prompt": prompt, **fields}
    return DraftQuestion(origin, chunk.category or draft.title, fields)


def _answers(draft: Draft, origin: Origin, body: str, markup: str,
             fields: dict[str, Any]) -> str | None:
    """Fill in the answer fields; the question type, or None when it was reported."""
    general_at = body.find("####")
    if general_at >= 0:
        explain = _clean(body[general_at + 4:], markup)
        if explain:
            fields["explain"] = explain
        body = body[:general_at]
    stripped = body.strip()
    if not stripped:
        draft.skip(origin, "an essay question (empty answers) is not supported")
        return None
    if stripped.startswith("#"):
        draft.skip(origin, "a numerical question ({#...}) is not supported")
        return None
    word, feedback = _feedback(stripped)
    if word.strip().casefold() in _TRUE + _FALSE:
        fields["answer"] = word.strip().casefold() in _TRUE
        # {T#shown when wrong#shown when right}: the second is the explanation
        said = feedback.split("#")
        _explain_from(fields, said[1] if len(said) > 1 else said[0], markup)
        return "truefalse"
    parts = _parts(body)
    if any("->" in text for marker, text in parts if marker == "="):
        draft.skip(origin, "a matching question (a -> b) is not supported")
        return None
    right: list[tuple[str, str]] = []
    wrong: list[str] = []
    for marker, raw in parts:
        answer, note = _feedback(raw)
        weight = _PERCENT.match(answer.strip())
        value = _clean(_PERCENT.sub("", answer.strip()), markup)
        if marker == "=" or (weight and float(weight.group(1)) >= 100):
            right.append((value, note))
        elif marker == "~" and weight and float(weight.group(1)) > 0:
            draft.skip(origin, "an answer with partial credit (~%50%) is not supported: "
                               "the game takes one right answer per question")
            return None
        elif marker == "~":
            wrong.append(value)
        else:
            draft.skip(origin, f"'{value}' is neither a right (=) nor a wrong (~) answer")
            return None
    if not right:
        draft.skip(origin, "no right answer (=) among the answers")
        return None
    if wrong:
        if len(right) > 1:
            draft.skip(origin, f"{len(right)} right answers; the game takes one right answer "
                               "per multiple-choice question")
            return None
        fields["answer"], fields["wrong"] = right[0][0], wrong
        _explain_from(fields, right[0][1], markup)
        return "choice"
    fields["answer"] = right[0][0]
    if len(right) > 1:
        fields["accept"] = [value for value, _ in right[1:]]
    _explain_from(fields, right[0][1], markup)
    return "text"


def _explain_from(fields: dict[str, Any], feedback: str, markup: str) -> None:
    text = _clean(feedback, markup)
    if text and "explain" not in fields:
        fields["explain"] = text
