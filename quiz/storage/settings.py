"""Player settings: sound, display, game defaults and keyboard zones, loaded tolerantly."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from quiz.paths import settings_path
from quiz.storage.atomic import CorruptFile, read_json, write_json_atomic

KEYS_PER_ZONE: Final = 4
MAX_ZONES: Final = 8
MAX_PLAYERS: Final = 8
MAX_NAME_LENGTH: Final = 16

# Four answer keys per party zone, spread over the keyboard so players do not crowd one corner.
# Names as pygame.key.name() spells them.
DEFAULT_KEY_ZONES: Final[dict[str, tuple[str, ...]]] = {
    "zone1": ("1", "2", "3", "4"),
    "zone2": ("7", "8", "9", "0"),
    "zone3": ("z", "x", "c", "v"),
    "zone4": ("m", ",", ".", "/"),
}


def _default_zones() -> dict[str, tuple[str, ...]]:
    return dict(DEFAULT_KEY_ZONES)


@dataclass(frozen=True)
class Settings:
    volume: float = 0.8
    music_volume: float = 0.6
    muted: bool = False
    fullscreen: bool = False
    timer_seconds: int | None = 20  # None: relaxed, no clock
    rounds: int = 4
    per_round: int = 5
    show_explanations: bool = True
    last_players: tuple[str, ...] = ()
    key_zones: dict[str, tuple[str, ...]] = field(default_factory=_default_zones)

    def to_json(self) -> dict[str, object]:
        data = dataclasses.asdict(self)
        data["last_players"] = list(self.last_players)
        data["key_zones"] = {zone: list(keys) for zone, keys in self.key_zones.items()}
        return data


def _number(low: float, high: float) -> Callable[[object], object]:
    def check(value: object) -> object:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError("not a number")
        if not low <= value <= high:
            raise ValueError(f"not between {low} and {high}")
        return float(value)

    return check


def _whole(low: int, high: int) -> Callable[[object], object]:
    def check(value: object) -> object:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValueError(f"not a whole number from {low} to {high}")
        return value

    return check


def _flag(value: object) -> object:
    if not isinstance(value, bool):
        raise TypeError("not true or false")
    return value


def _timer(value: object) -> object:
    return None if value is None else _whole(5, 120)(value)


def _names(value: object) -> object:
    if not isinstance(value, list) or len(value) > MAX_PLAYERS:
        raise ValueError(f"not a list of at most {MAX_PLAYERS} names")
    if not all(isinstance(n, str) and 0 < len(n.strip()) <= MAX_NAME_LENGTH for n in value):
        raise ValueError("a name is empty, too long or not text")
    return tuple(n.strip() for n in value)


def _zones(value: object) -> object:
    if not isinstance(value, dict) or not 0 < len(value) <= MAX_ZONES:
        raise ValueError(f"not a mapping of 1 to {MAX_ZONES} zones")
    zones: dict[str, tuple[str, ...]] = {}
    used: set[str] = set()
    for zone, keys in value.items():
        if not isinstance(keys, list) or len(keys) != KEYS_PER_ZONE:
            raise ValueError(f"zone {zone!r} does not have {KEYS_PER_ZONE} keys")
        if not all(isinstance(k, str) and k for k in keys):
            raise ValueError(f"zone {zone!r} has a key that is not a key name")
        if used & set(keys) or len(set(keys)) != len(keys):
            raise ValueError(f"zone {zone!r} reuses a key")
        used.update(keys)
        zones[str(zone)] = tuple(keys)
    return zones


_CHECKS: Final[dict[str, Callable[[object], object]]] = {
    "volume": _number(0, 1),
    "music_volume": _number(0, 1),
    "muted": _flag,
    "fullscreen": _flag,
    "timer_seconds": _timer,
    "rounds": _whole(1, 20),
    "per_round": _whole(1, 50),
    "show_explanations": _flag,
    "last_players": _names,
    "key_zones": _zones,
}


def _parse(data: object) -> tuple[Settings, tuple[str, ...]]:
    if not isinstance(data, dict):
        raise CorruptFile("not a settings file")
    values: dict[str, object] = {}
    notes: list[str] = []
    # Unknown fields are dropped; missing ones keep their default; bad ones too, with a note.
    for name, check in _CHECKS.items():
        if name not in data:
            continue
        try:
            values[name] = check(data[name])
        except (TypeError, ValueError) as error:
            notes.append(f"Setting '{name}' was reset to its default ({error}).")
    return Settings(**values), tuple(notes)  # type: ignore[arg-type]


def load_settings(path: Path | None = None) -> tuple[Settings, tuple[str, ...]]:
    """The saved settings (defaults where missing or bad) and warnings to show the player."""
    loaded = read_json(path if path is not None else settings_path(), _parse)
    if loaded.value is None:
        return Settings(), loaded.warnings
    settings, notes = loaded.value
    return settings, loaded.warnings + notes


def save_settings(settings: Settings, path: Path | None = None) -> None:
    write_json_atomic(path if path is not None else settings_path(), settings.to_json())
