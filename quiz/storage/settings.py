"""Player settings: sound, display, game defaults and keyboard zones, loaded tolerantly."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from quiz.engine.config import MAX_NAME_LENGTH, MAX_PER_ROUND, MAX_PLAYERS, MAX_ROUNDS
from quiz.paths import settings_path
from quiz.storage import fields
from quiz.storage.atomic import CorruptFile, read_json, write_json_atomic

KEYS_PER_ZONE: Final = 4
MAX_ZONES: Final = 8
MAX_KEY_NAME: Final = 32  # pygame's longest key name is about 20 characters

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
    phones: bool = True  # a party lobby serves the phone page (players join by QR code)
    last_players: tuple[str, ...] = ()
    key_zones: dict[str, tuple[str, ...]] = field(default_factory=_default_zones)

    def to_json(self) -> dict[str, object]:
        data = dataclasses.asdict(self)
        data["last_players"] = list(self.last_players)
        data["key_zones"] = {zone: list(keys) for zone, keys in self.key_zones.items()}
        return data


def _timer(value: object) -> object:
    return None if value is None else fields.whole(5, 120)(value)


def _names(value: object) -> tuple[str, ...]:
    # Each name is cleaned and cut like any saved text; an empty or non-text one resets the list.
    names = fields.list_of(fields.text(MAX_NAME_LENGTH), most=MAX_PLAYERS)(value)
    return tuple(dict.fromkeys(names))


def _zones(value: object) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict) or not 0 < len(value) <= MAX_ZONES:
        raise fields.BadField(f"is not a mapping of 1 to {MAX_ZONES} zones")
    zones: dict[str, tuple[str, ...]] = {}
    used: set[str] = set()
    for zone, keys in value.items():
        shown = fields.clean_text(str(zone), MAX_KEY_NAME)
        if not shown:
            raise fields.BadField("has a zone without a name")
        if not isinstance(keys, list) or len(keys) != KEYS_PER_ZONE:
            raise fields.BadField(f"has a zone '{shown}' without {KEYS_PER_ZONE} keys")
        # A key name is used as it is, never cut: a shortened name would be another key.
        if not all(isinstance(k, str) and 0 < len(k) <= MAX_KEY_NAME for k in keys):
            raise fields.BadField(f"has a zone '{shown}' with a key that is not a key name")
        names = tuple(keys)
        if used & set(names) or len(set(names)) != len(names):
            raise fields.BadField(f"has a zone '{shown}' that reuses a key")
        used.update(names)
        zones[shown] = names
    return zones


SETTING_FIELDS: Final[dict[str, fields.Reader[object]]] = {
    "volume": fields.number(0, 1),
    "music_volume": fields.number(0, 1),
    "muted": fields.flag,
    "fullscreen": fields.flag,
    "timer_seconds": _timer,
    "rounds": fields.whole(1, MAX_ROUNDS),
    "per_round": fields.whole(1, MAX_PER_ROUND),
    "show_explanations": fields.flag,
    "phones": fields.flag,
    "last_players": _names,
    "key_zones": _zones,
}


def _reset(name: str, reason: str) -> str:
    return f"Setting '{name}' was reset to its default (it {reason})."


def _parse(data: object) -> tuple[Settings, tuple[str, ...]]:
    if not isinstance(data, dict):
        raise CorruptFile("not a settings file")
    notes: list[str] = []
    # Unknown fields are dropped; missing ones keep their default; bad ones too, with a note.
    values = fields.read_each(data, SETTING_FIELDS, notes, _reset)
    return Settings(**values), tuple(notes)  # type: ignore[arg-type]


def load_settings(path: Path | None = None) -> tuple[Settings, tuple[str, ...]]:
    """The saved settings (defaults where missing or bad) and warnings to show the player."""
    loaded = read_json(path if path is not None else settings_path(), _parse)
    if loaded.value is None:
        return Settings(), loaded.warnings
    settings, notes = loaded.value
    return settings, loaded.warnings + notes


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Raises SaveFailed (an OSError) with the reason when the file could not be written."""
    write_json_atomic(path if path is not None else settings_path(), settings.to_json())
