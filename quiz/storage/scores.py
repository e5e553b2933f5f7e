"""High scores: the top ten per mode, set of packs and game length, kept safely on disk.

A game of 2 rounds and one of 20 never share a table. Entries saved before the length was
kept have none; they stay together in their own table for their mode and packs.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Final

from quiz.engine.config import MAX_NAME_LENGTH, MAX_PER_ROUND, MAX_ROUNDS
from quiz.paths import scores_path
from quiz.storage import fields
from quiz.storage.atomic import CorruptFile, read_json, write_json_atomic
from quiz.storage.problems import SaveFailed

MAX_ENTRIES: Final = 10
FORMAT: Final = 1
MAX_SCORE: Final = 10**9  # far above any game's total, far below what a table can draw
MAX_PACKS: Final = 64
MAX_MODE_LENGTH: Final = 32
log = logging.getLogger(__name__)

# How each field of a saved entry is read back: a bad one drops the entry, not the file.
# Text is cleaned and cut to its limit, so a name a million characters long costs nothing.
ENTRY_FIELDS: Final[dict[str, fields.Reader[object]]] = {
    "name": fields.text(MAX_NAME_LENGTH),
    "score": fields.whole(-MAX_SCORE, MAX_SCORE),
    "accuracy": fields.number(0, 1),
    "date": fields.timestamp,
    "mode": fields.text(MAX_MODE_LENGTH),
    "packs": fields.list_of(fields.identifier, least=1, most=MAX_PACKS),
    "length": fields.list_of(fields.whole(1, max(MAX_ROUNDS, MAX_PER_ROUND)), least=2, most=2),
}
OPTIONAL_FIELDS: Final = frozenset({"length"})  # older files have no length

Length = tuple[int, int]  # rounds x questions per round


def length_text(length: Length | None) -> str:
    """'4 x 5' for 4 rounds of 5 questions."""
    return "" if length is None else f"{length[0]} x {length[1]}"


def table_key(mode: str, packs: Iterable[str], length: Length | None = None) -> str:
    """One table per mode, set of packs and game length; pack order does not matter."""
    key = f"{mode}:{'+'.join(sorted(set(packs)))}"
    return key if length is None else f"{key}:{length[0]}x{length[1]}"


@dataclass(frozen=True)
class ScoreEntry:
    name: str
    score: int
    accuracy: float  # 0..1
    date: str  # ISO 8601, UTC
    mode: str
    packs: tuple[str, ...]  # sorted pack ids
    length: Length | None = None  # rounds x questions; None in entries saved before it was kept

    @classmethod
    def create(
        cls,
        name: str,
        score: int,
        accuracy: float,
        mode: str,
        packs: Iterable[str],
        when: datetime | None = None,
        length: Length | None = None,
    ) -> ScoreEntry:
        moment = when or datetime.now(timezone.utc)
        return cls(
            name=fields.clean_text(name, MAX_NAME_LENGTH),  # as it will read back
            score=int(score),
            accuracy=min(1.0, max(0.0, float(accuracy))),
            date=moment.isoformat(timespec="seconds"),
            mode=str(mode),
            packs=tuple(sorted(set(packs))),
            length=None if length is None else (int(length[0]), int(length[1])),
        )

    @property
    def key(self) -> str:
        return table_key(self.mode, self.packs, self.length)

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "name": self.name,
            "score": self.score,
            "accuracy": self.accuracy,
            "date": self.date,
            "mode": self.mode,
            "packs": list(self.packs),
        }
        if self.length is not None:
            data["length"] = list(self.length)
        return data

    @classmethod
    def from_json(cls, data: object) -> ScoreEntry:
        """An entry read back from the file; raises fields.BadField naming what is wrong."""
        values = fields.read_record(data, ENTRY_FIELDS, OPTIONAL_FIELDS)
        values["packs"] = tuple(sorted(set(values["packs"])))  # type: ignore[call-overload]
        return cls(**values)  # type: ignore[arg-type]


def _rank_key(entry: ScoreEntry) -> tuple[int, str, str]:
    # Best score first; on a tie the earlier date keeps its place.
    return (-entry.score, entry.date, entry.name)


def _merge(*tables: Iterable[ScoreEntry]) -> list[ScoreEntry]:
    seen: dict[ScoreEntry, None] = {}
    for table in tables:
        for entry in table:
            seen.setdefault(entry, None)
    return sorted(seen, key=_rank_key)[:MAX_ENTRIES]


def _parse(data: object) -> tuple[dict[str, list[ScoreEntry]], tuple[str, ...]]:
    if not isinstance(data, dict) or not isinstance(data.get("tables"), dict):
        raise CorruptFile("not a high score file")
    if not isinstance(data.get("format"), int) or data["format"] > FORMAT:
        raise CorruptFile("written by a newer version, or no format number")
    tables: dict[str, list[ScoreEntry]] = {}
    skipped = 0
    first_problem = ""
    for entries in data["tables"].values():
        if not isinstance(entries, list):
            skipped += 1
            first_problem = first_problem or "a table is not a list"
            continue
        for raw in entries:
            try:
                entry = ScoreEntry.from_json(raw)
            except fields.BadField as bad:
                skipped += 1  # one bad line must not cost the good ones
                first_problem = first_problem or f"an entry {bad}"
                continue
            tables.setdefault(entry.key, []).append(entry)
    notes: tuple[str, ...] = ()
    if skipped:
        what = "entry" if skipped == 1 else "entries"
        notes = (f"Skipped {skipped} unreadable high score {what} ({first_problem}).",)
    return {key: _merge(entries) for key, entries in tables.items()}, notes


class HighScores:
    """Every high score table, loaded from and saved to one JSON file."""

    def __init__(self, path: Path, tables: dict[str, list[ScoreEntry]] | None = None) -> None:
        self.path = path
        self._tables: dict[str, list[ScoreEntry]] = dict(tables or {})
        self.warnings: tuple[str, ...] = ()

    @classmethod
    def load(cls, path: Path | None = None) -> HighScores:
        target = path if path is not None else scores_path()
        loaded = read_json(target, _parse)
        tables, notes = loaded.value if loaded.value is not None else ({}, ())
        scores = cls(target, tables)
        scores.warnings = loaded.warnings + notes
        return scores

    def table_keys(self) -> tuple[str, ...]:
        return tuple(sorted(self._tables))

    def top(
        self, mode: str, packs: Iterable[str], length: Length | None = None
    ) -> tuple[ScoreEntry, ...]:
        return tuple(self._tables.get(table_key(mode, packs, length), ()))

    def lengths(self, mode: str, packs: Iterable[str]) -> tuple[Length | None, ...]:
        """The game lengths with a table for this mode and set of packs; shortest first,
        the table of entries with no length (older saves) last."""
        ids = tuple(sorted(set(packs)))
        found = {
            entries[0].length
            for entries in self._tables.values()
            if entries and entries[0].mode == mode and entries[0].packs == ids
        }
        known = sorted(length for length in found if length is not None)
        return (*known, None) if None in found else tuple(known)

    def qualifies(
        self, mode: str, packs: Iterable[str], score: int, length: Length | None = None
    ) -> bool:
        table = self.top(mode, packs, length)
        # A tie with the last place does not push out the earlier entry.
        return len(table) < MAX_ENTRIES or score > table[-1].score

    def add(self, entry: ScoreEntry) -> int | None:
        """Put an entry in its table; its 1-based place, or None if it did not make the top ten."""
        table = _merge(self._tables.get(entry.key, ()), (entry,))
        self._tables[entry.key] = table
        return table.index(entry) + 1 if entry in table else None

    def save(self) -> None:
        """Write every table, first merging in whatever is on disk so no earlier score is lost.

        Raises SaveFailed when the file could not be written. The tables then hold what is on
        disk, without the entries that were not saved: no screen may show those as saved.
        """
        on_disk = read_json(self.path, _parse)
        disk_tables = on_disk.value[0] if on_disk.value is not None else {}
        self.warnings += on_disk.warnings
        merged = dict(self._tables)
        for key, entries in disk_tables.items():
            merged[key] = _merge(merged.get(key, ()), entries)
        payload = {
            "format": FORMAT,
            "tables": {
                key: [entry.to_json() for entry in entries]
                for key, entries in sorted(merged.items())
            },
        }
        try:
            write_json_atomic(self.path, payload)
        except SaveFailed:
            self._tables = dict(disk_tables)
            raise
        self._tables = merged
