"""The one path every converted file takes: render to format 1, validate, map back.

The draft is written out as a format-1 pack and checked by the same validator
as a hand-written pack. Each of the validator's findings is traced back to the
question it is about, and from there to the row or line of the author's file
that question came from. A question with an error is left out and reported
there; the rest are rendered again and checked again, so what is installed
is exactly what was validated.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, Final

import yaml

from quiz.importers.draft import Draft, DraftQuestion, Note, slug
from quiz.packs.loader import load_bytes
from quiz.packs.model import Diagnostic, Pack, Severity

try:  # libyaml's emitter is several times faster; the pure one gives the same text
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]

CONVERTED: Final = "(converted)"
_KEY_LINE: Final = re.compile(r"^(?:- |  )([a-z]+):")
# "(also at line 12)": a line of the converted text, told as a place in the author's file
_LINE_REFERENCE: Final = re.compile(r" \((also|first) at line (\d+)\)")
_NO_EXPLAIN: Final = "has no 'explain'"
_MAX_PASSES: Final = 3


@dataclass
class Outcome:
    """What an import would install, and every message about the author's file."""

    text: str | None  # the format-1 pack, when at least one question is sound
    pack: Pack | None
    total: int  # questions the author's file offered (rows read, sound or not)
    skipped: list[Note] = field(default_factory=list)  # errors: left out
    warnings: list[Note] = field(default_factory=list)

    @property
    def sound(self) -> bool:
        """Everything the file offered came through."""
        return self.pack is not None and not self.skipped


@dataclass
class _Rendered:
    text: str
    starts: list[int]  # 1-based line where each question begins
    keys: list[list[tuple[int, str]]]  # per question: (line, key) of each key line


def _dump(value: Any, flow: bool | None = None) -> str:
    # flow=None: lists of plain texts on one line, so each key is one line to trace back
    return yaml.dump(value, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     width=1_000_000, default_flow_style=flow)


def _category_ids(questions: list[DraftQuestion]) -> dict[str, str]:
    """Display name -> id, in order of first use; names that slug alike get -2, -3..."""
    ids: dict[str, str] = {}
    used: set[str] = set()
    for question in questions:
        if question.category in ids:
            continue
        base = slug(question.category)
        made, number = base, 2
        while made in used:
            made, number = f"{base}-{number}", number + 1
        used.add(made)
        ids[question.category] = made
    return ids


def render(draft: Draft, pack_id: str, title: str,
           questions: list[DraftQuestion]) -> _Rendered:
    meta: dict[str, str] = {"id": pack_id, "title": title}
    for name in ("description", "author"):
        value = getattr(draft, name)
        if value:
            meta[name] = value
    meta["version"] = "1"
    ids = _category_ids(questions)
    header = _dump({"format": 1, "pack": meta,
                    "categories": {cid: name for name, cid in ids.items()}}, flow=False)
    parts = [header, "questions:\n"]
    line = header.count("\n") + 2
    starts: list[int] = []
    keys: list[list[tuple[int, str]]] = []
    for question in questions:
        fields = {"id": question.fields["id"], "category": ids[question.category]}
        fields.update((k, v) for k, v in question.fields.items() if k != "id")
        chunk = _dump([fields])
        starts.append(line)
        found = []
        for offset, text in enumerate(chunk.splitlines()):
            match = _KEY_LINE.match(text)
            if match:
                found.append((line + offset, match.group(1)))
        keys.append(found)
        parts.append(chunk)
        line += chunk.count("\n")
    return _Rendered("".join(parts), starts, keys)


def _key_at(keys: list[tuple[int, str]], line: int) -> str | None:
    key = None
    for start, name in keys:
        if start > line:
            break
        key = name
    return key


def _trace(draft: Draft, rendered: _Rendered, questions: list[DraftQuestion],
           diagnostic: Diagnostic) -> tuple[int | None, Note]:
    """The question a finding is about (None: the pack as a whole), as a note on the source."""
    index = bisect.bisect_right(rendered.starts, diagnostic.line) - 1
    if index < 0:
        return None, Note(diagnostic.severity, draft.file, None, None, diagnostic.message)
    key = _key_at(rendered.keys[index], diagnostic.line)
    origin = questions[index].origin

    def elsewhere(match: re.Match[str]) -> str:
        other = bisect.bisect_right(rendered.starts, int(match.group(2))) - 1
        if other == index or other < 0:
            return ""  # the same question: its place is already given
        there = questions[other].origin
        return f" ({match.group(1)} at {there.label or f'line {there.line}'})"

    message = _LINE_REFERENCE.sub(elsewhere, diagnostic.message)
    return index, origin.note(draft.file, diagnostic.severity, message, key)


def build(draft: Draft, pack_id: str, title: str) -> Outcome:
    """Validate the draft as a pack; questions with errors are left out and reported."""
    outcome = Outcome(None, None, len(draft.questions) + draft.refused)
    outcome.skipped = [n for n in draft.notes if n.severity is Severity.ERROR]
    reader_warnings = [n for n in draft.notes if n.severity is Severity.WARNING]
    questions = list(draft.questions)
    for _ in range(_MAX_PASSES):
        if not questions:
            break
        rendered = render(draft, pack_id, title, questions)
        result = load_bytes(rendered.text.encode("utf-8"), CONVERTED)
        bad: set[int] = set()
        warnings: list[Note] = []
        pack_errors: list[Note] = []
        unexplained = 0
        for diagnostic in result.diagnostics:
            index, note = _trace(draft, rendered, questions, diagnostic)
            if diagnostic.severity is Severity.WARNING:
                if _NO_EXPLAIN in diagnostic.message:
                    unexplained += 1
                else:
                    warnings.append(note)
            elif index is None:
                pack_errors.append(note)
            else:
                bad.add(index)
                outcome.skipped.append(note)
        if pack_errors:
            outcome.skipped.extend(pack_errors)
            return outcome
        if bad:
            questions = [q for i, q in enumerate(questions) if i not in bad]
            continue
        if unexplained:
            warnings.append(Note(Severity.WARNING, draft.file, None, None,
                                 f"{unexplained} of {len(questions)} questions have no "
                                 "explanation to show after the reveal"))
        outcome.text, outcome.pack = rendered.text, result.pack
        outcome.warnings = reader_warnings + warnings
        break
    outcome.skipped.sort(key=lambda n: (n.line or 0, n.column or 0))
    if outcome.pack is None and not questions:
        outcome.skipped.append(Note(Severity.ERROR, draft.file, None, None,
                                    "no question in the file could be imported"))
    return outcome
