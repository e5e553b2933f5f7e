"""What every importer hands the shared pipeline: questions still tied to the author's file.

A reader (OpenTDB, CSV, GIFT, ...) turns the author's file into a `Draft`:
format-1 question fields plus, for each question, where in the author's file
it came from. Every message the import prints is a `Note` located in that
file, never in the converted YAML the author does not see.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from quiz.packs.model import Severity


@dataclass(frozen=True)
class Note:
    """One message about the author's file; `line` is a row for spreadsheets."""

    severity: Severity
    file: str
    line: int | None
    column: int | None
    message: str
    label: str = ""  # "row 12", "entry 7": how the author numbers the place

    def __str__(self) -> str:
        place = self.file
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        label = f"{self.label}: " if self.label else ""
        return f"{place}: {self.severity.value}: {label}{self.message}"


@dataclass(frozen=True)
class Origin:
    """Where one question starts in the author's file, and where its fields are."""

    line: int
    column: int = 1
    label: str = ""
    # Column of each format-1 field, for formats that have columns (spreadsheets).
    columns: dict[str, int] = field(default_factory=dict)

    def note(self, file: str, severity: Severity, message: str,
             key: str | None = None) -> Note:
        column = self.columns.get(key, self.column) if key else self.column
        return Note(severity, file, self.line, column, message, self.label)


@dataclass
class DraftQuestion:
    origin: Origin
    category: str  # the display name; the pipeline gives it an id
    fields: dict[str, Any]  # format-1 question keys other than `category`


@dataclass
class Draft:
    file: str  # the author's file, as messages name it
    format_name: str  # "Open Trivia Database JSON", "CSV (Kahoot! template)", ...
    title: str
    description: str | None = None
    author: str | None = None
    questions: list[DraftQuestion] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)  # what the reader itself refused
    refused: int = 0  # questions the reader left out (each has an error note)

    def skip(self, origin: Origin, message: str, key: str | None = None) -> None:
        """Leave a question out, saying why at its place in the file."""
        self.refused += 1
        self.notes.append(origin.note(self.file, Severity.ERROR, message, key))

    def error(self, line: int | None, message: str, column: int | None = None) -> None:
        """A problem with the file that is not one question's (an unknown column, say)."""
        self.notes.append(Note(Severity.ERROR, self.file, line, column, message))

    def warn(self, origin: Origin, message: str, key: str | None = None) -> None:
        self.notes.append(origin.note(self.file, Severity.WARNING, message, key))


class NotThisFormat(ValueError):
    """The file cannot be read by this reader at all (wrong shape, not just bad rows)."""


def slug(text: str, fallback: str = "general") -> str:
    """An id in the pack format's charset from any text."""
    ascii_text = text.lower().encode("ascii", "ignore").decode()
    made = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return made[:60].strip("-") or fallback
