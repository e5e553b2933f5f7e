"""Frozen data types for packs, questions and validator diagnostics."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from quiz.textsafe import for_terminal


class QuestionType(str, Enum):
    CHOICE = "choice"
    TRUEFALSE = "truefalse"
    TEXT = "text"
    ORDER = "order"


class Difficulty(str, Enum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    """One finding of the validator, located in the pack file (1-based line and column)."""

    severity: Severity
    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        # Printed to terminals: a file name or a quoted text may hold an ESC.
        return for_terminal(
            f"{self.file}:{self.line}:{self.column}: {self.severity.value}: {self.message}")


@dataclass(frozen=True)
class Question:
    """One question as the pack author wrote it.

    `answer` is the right text for choice and text questions, a bool for
    truefalse, and None for order questions (whose `items` are listed in the
    right order).
    """

    id: str
    category: str
    prompt: str
    type: QuestionType = QuestionType.CHOICE
    difficulty: Difficulty = Difficulty.MEDIUM
    answer: str | bool | None = None
    wrong: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    explain: str | None = None
    source: str | None = None
    image: Path | None = None
    time: int | None = None
    fact: str | None = None
    pack_id: str = ""

    @property
    def key(self) -> str:
        """Identity across packs: ids are only unique within one pack."""
        return f"{self.pack_id}/{self.id}"

    @property
    def fact_id(self) -> str:
        """What the question asks: its `fact` when given, else its own id.

        Two questions of one fact are never dealt in the same game. Falling back
        to the id lets an author tag only the variants (`fact: pilot-year` on
        `pilot-year-typed`) and leave the original question as it was.
        """
        return self.fact or self.id


@dataclass(frozen=True)
class Category:
    id: str
    name: str


@dataclass(frozen=True)
class Pack:
    id: str
    title: str
    questions: tuple[Question, ...]
    categories: tuple[Category, ...] = ()
    description: str | None = None
    author: str | None = None
    version: str | None = None
    language: str = "en"
    path: Path | None = None
    builtin: bool = False
    format: int = 1
    font: Path | None = None  # the pack's own TTF/OTF, for the texts of its questions

    def category_name(self, category_id: str) -> str:
        for category in self.categories:
            if category.id == category_id:
                return category.name
        return category_id

    def category_order(self) -> tuple[str, ...]:
        """Category ids in round order: as declared, else as first used by a question."""
        if self.categories:
            return tuple(c.id for c in self.categories)
        seen: dict[str, None] = {}
        for question in self.questions:
            seen.setdefault(question.category, None)
        return tuple(seen)


@dataclass(frozen=True)
class LoadResult:
    """What loading one file gives: every diagnostic, and a pack of the sound questions
    when the pack's own parts (`format`, `pack`) are sound and one question at least is.

    `ok` is the strict verdict (no errors at all: what validate and import ask for);
    `playable` is the lenient one (what the game asks for): `left_out` questions with
    errors are not in the pack.
    """

    path: Path
    pack: Pack | None
    diagnostics: tuple[Diagnostic, ...] = field(default_factory=tuple)
    left_out: int = 0

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        return self.pack is not None and not self.errors

    @property
    def playable(self) -> bool:
        return self.pack is not None

    def why_not_playable(self) -> str:
        """One sentence for a pack that cannot be played (empty when it can)."""
        if self.pack is not None:
            return ""
        first = self.errors[0] if self.errors else None
        where = f"line {first.line}, column {first.column}: {first.message}" if first else ""
        if self.left_out and first is not None:
            every = "its only question has" if self.left_out == 1 else \
                f"all {self.left_out} of its questions have"
            return f"{every} errors; the first is at {where}"
        return where
