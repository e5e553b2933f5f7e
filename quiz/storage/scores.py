"""High scores: the top ten per mode and set of packs, kept safely on disk."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Final

from quiz.paths import scores_path
from quiz.storage.atomic import CorruptFile, read_json, write_json_atomic

MAX_ENTRIES: Final = 10
FORMAT: Final = 1
log = logging.getLogger(__name__)


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
            name=name.strip(),
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
        if not isinstance(data, dict):
            raise TypeError("an entry is not an object")
        name, score, accuracy = data["name"], data["score"], data["accuracy"]
        date, mode, packs = data["date"], data["mode"], data["packs"]
        if not isinstance(name, str) or not isinstance(date, str) or not isinstance(mode, str):
            raise TypeError("an entry has a name, date or mode that is not text")
        if isinstance(score, bool) or not isinstance(score, int):
            raise TypeError("an entry has a score that is not a whole number")
        if isinstance(accuracy, bool) or not isinstance(accuracy, int | float):
            raise TypeError("an entry has an accuracy that is not a number")
        if not isinstance(packs, list) or not all(isinstance(p, str) for p in packs):
            raise TypeError("an entry has packs that are not a list of ids")
        return cls(name, score, float(accuracy), date, mode, tuple(sorted(packs)))


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
    for entries in data["tables"].values():
        if not isinstance(entries, list):
            skipped += 1
            continue
        for raw in entries:
            try:
                entry = ScoreEntry.from_json(raw)
            except (KeyError, TypeError, ValueError):
                skipped += 1  # one bad line must not cost the good ones
                continue
            tables.setdefault(entry.key, []).append(entry)
    notes = (f"Skipped {skipped} unreadable high score entries.",) if skipped else ()
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
        """Write every table, first merging in whatever is on disk so no earlier score is lost."""
        on_disk = read_json(self.path, _parse)
        if on_disk.value is not None:
            disk_tables, _notes = on_disk.value
            for key, entries in disk_tables.items():
                self._tables[key] = _merge(self._tables.get(key, ()), entries)
        self.warnings += on_disk.warnings
        payload = {
            "format": FORMAT,
            "tables": {
                key: [entry.to_json() for entry in entries]
                for key, entries in sorted(self._tables.items())
            },
        }
        write_json_atomic(self.path, payload)
