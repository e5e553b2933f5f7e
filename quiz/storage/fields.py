"""Typed readers for the fields of the player's saved files (scores, settings, history).

A saved file is JSON the game wrote, but anything can have happened to it since: an editor, a
disk fault, a prank. Each reader takes one raw JSON value and gives it back checked and
cleaned, or raises `BadField` with a short reason in plain words. `read_record` applies a
table of readers to an object and fails on the first bad field (a score entry is kept whole
or dropped); `read_each` applies them one by one and keeps the default for a bad field (a
setting is reset, the others kept). Text is cleaned of control characters and cut to its
limit, so a million-character name costs one cut, not a frozen screen.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Final, TypeVar

T = TypeVar("T")
Reader = Callable[[object], T]

# C0 and C1 controls, lone surrogates, and the bidirectional overrides that can reorder what
# follows them on screen. Tabs and line breaks become spaces first.
_CONTROL: Final = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
_BREAKS: Final = re.compile("[\t\n\r\v\f]+")
ID_PATTERN: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_ID_LENGTH: Final = 64
MAX_DATE_LENGTH: Final = 40


class BadField(ValueError):
    """A saved value of the wrong type or out of range; the message says which and why."""


def clean_text(text: str, limit: int) -> str:
    """`text` without control characters, trimmed, at most `limit` characters."""
    # Cleaned a chunk at a time and only until the limit is reached, so a million-character
    # string costs a few small steps, and a run of controls before the text still leaves it.
    step = limit * 4 + 64
    kept = ""
    start = 0
    while len(kept) <= limit and start < len(text):
        chunk = text[start : start + step]
        kept = (kept + _CONTROL.sub("", _BREAKS.sub(" ", chunk))).lstrip()
        start += step
    return kept[:limit].rstrip()


def text(limit: int, *, empty_ok: bool = False) -> Reader[str]:
    def read(value: object) -> str:
        if not isinstance(value, str):
            raise BadField("is not text")
        cleaned = clean_text(value, limit)
        if not cleaned and not empty_ok:
            raise BadField("is empty")
        return cleaned

    return read


def identifier(value: object) -> str:
    """A pack or question id: lower-case letters, digits and '-'."""
    if not isinstance(value, str) or len(value) > MAX_ID_LENGTH or not ID_PATTERN.fullmatch(value):
        raise BadField("is not an id (lower-case letters, digits and '-')")
    return value


def whole(low: int, high: int) -> Reader[int]:
    def read(value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise BadField("is not a whole number")
        if not low <= value <= high:
            raise BadField(f"is not between {low} and {high}")
        return value

    return read


def number(low: float, high: float) -> Reader[float]:
    """A finite number in range; JSON's Infinity, NaN and 1e400 are refused."""

    def read(value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise BadField("is not a number")
        if isinstance(value, float) and not math.isfinite(value):
            raise BadField("is not a finite number")
        if not low <= value <= high:
            raise BadField(f"is not between {low:g} and {high:g}")
        return float(value)

    return read


def flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise BadField("is not true or false")
    return value


def one_of(*choices: str) -> Reader[str]:
    def read(value: object) -> str:
        if not isinstance(value, str) or value not in choices:
            raise BadField(f"is not one of {', '.join(choices)}")
        return value

    return read


def timestamp(value: object) -> str:
    """An ISO 8601 date and time, as the game writes them."""
    if not isinstance(value, str) or len(value) > MAX_DATE_LENGTH:
        raise BadField("is not a date")
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise BadField("is not a date") from None
    return value


def optional(reader: Reader[T]) -> Reader[T | None]:
    def read(value: object) -> T | None:
        return None if value is None else reader(value)

    return read


def list_of(reader: Reader[T], *, most: int, least: int = 0, unique: bool = False) -> Reader[
    tuple[T, ...]
]:
    def read(value: object) -> tuple[T, ...]:
        if not isinstance(value, list):
            raise BadField("is not a list")
        if not least <= len(value) <= most:
            raise BadField(f"does not have {least} to {most} items")
        items = tuple(reader(item) for item in value)
        if unique and len(set(items)) != len(items):
            raise BadField("repeats an item")
        return items

    return read


def read_record(data: object, readers: Mapping[str, Reader[object]],
                optional_fields: frozenset[str] = frozenset()) -> dict[str, object]:
    """Every field of `readers` read from the object `data`; unknown fields are ignored.

    Raises BadField naming the first missing or bad field.
    """
    if not isinstance(data, dict):
        raise BadField("is not an object")
    values: dict[str, object] = {}
    for name, reader in readers.items():
        if name not in data:
            if name in optional_fields:
                continue
            raise BadField(f"has no '{name}'")
        try:
            values[name] = reader(data[name])
        except BadField as bad:
            raise BadField(f"'{name}' {bad}") from None
    return values


def read_each(data: Mapping[str, object], readers: Mapping[str, Reader[object]],
              notes: list[str], describe: Callable[[str, str], str]) -> dict[str, object]:
    """The fields of `data` that read well; each bad one adds `describe(name, reason)` to notes.

    Missing fields are left out, so the caller's defaults apply.
    """
    values: dict[str, object] = {}
    for name, reader in readers.items():
        if name not in data:
            continue
        try:
            values[name] = reader(data[name])
        except BadField as bad:
            notes.append(describe(name, str(bad)))
    return values
