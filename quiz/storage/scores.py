"""High scores: the top ten per mode and set of packs, kept safely on disk."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Final

from quiz.engine.config import MAX_NAME_LENGTH
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
}


def table_key(mode: str, packs: Iterable[str]) -> str:
    """One table per mode and set of packs; pack order does not matter."""
    return f"{mode}:{'+'.join(sorted(set(packs)))}"


@dataclass(frozen=True)
class ScoreEntry:
    name: str
    score: int
    accuracy: float  # 0..1
    date: str  # ISO 8601, UTC
    mode: str
    packs: tuple[str, ...]  # sorted pack ids

    @classmethod
    def create(
        cls,
        name: str,
        score: int,
        accuracy: float,
        mode: str,
        packs: Iterable[str],
        when: datetime | None = None,
    ) -> ScoreEntry:
        moment = when or datetime.now(timezone.utc)
        return cls(
            name=fields.clean_text(name, MAX_NAME_LENGTH),  # as it will read back
            score=int(score),
            accuracy=min(1.0, max(0.0, float(accuracy))),
            date=moment.isoformat(timespec="seconds"),
            mode=str(mode),
            packs=tuple(sorted(set(packs))),
        )

    @property
    def key(self) -> str:
        return table_key(self.mode, self.packs)

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "score": self.score,
            "accuracy": self.accuracy,
            "date": self.date,
            "mode": self.mode,
            "packs": list(self.packs),
        }

    @classmethod
    def from_json(cls, data: object) -> ScoreEntry:
        """An entry read back from the file; raises fields.BadField naming what is wrong."""
        values = fields.read_record(data, ENTRY_FIELDS)
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

    def top(self, mode: str, packs: Iterable[str]) -> tuple[ScoreEntry, ...]:
        return tuple(self._tables.get(table_key(mode, packs), ()))

    def qualifies(self, mode: str, packs: Iterable[str], score: int) -> bool:
        table = self.top(mode, packs)
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
