"""The player's files beside the engine: high scores, settings and the game history, written
crash-safely."""

from __future__ import annotations

from quiz.storage.atomic import Loaded, read_json, write_json_atomic
from quiz.storage.problems import SaveFailed
from quiz.storage.scores import (
    MAX_ENTRIES,
    HighScores,
    Length,
    ScoreEntry,
    length_text,
    table_key,
)
from quiz.storage.settings import DEFAULT_KEY_ZONES, Settings, load_settings, save_settings

__all__ = [
    "DEFAULT_KEY_ZONES",
    "MAX_ENTRIES",
    "HighScores",
    "Length",
    "Loaded",
    "SaveFailed",
    "ScoreEntry",
    "Settings",
    "length_text",
    "load_settings",
    "read_json",
    "save_settings",
    "table_key",
    "write_json_atomic",
]
