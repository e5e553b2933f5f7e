"""Settings: defaults, round trips and tolerant loading."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from quiz.paths import settings_path
from quiz.storage import DEFAULT_KEY_ZONES, Settings, load_settings, save_settings


def test_defaults_without_a_file(isolated_home: Path) -> None:
    settings, warnings = load_settings()
    assert settings == Settings() and warnings == ()
    assert settings.timer_seconds == 20 and settings.volume == 0.8
    assert all(len(keys) == 4 for keys in settings.key_zones.values())
    assert settings.key_zones == DEFAULT_KEY_ZONES


def test_round_trip_in_the_data_root(isolated_home: Path) -> None:
    changed = dataclasses.replace(
        Settings(),
        volume=0.25,
        muted=True,
        timer_seconds=None,
        last_players=("Neil", "Chris"),
        key_zones={"left": ("a", "s", "d", "f"), "right": ("j", "k", "l", ";")},
    )
    save_settings(changed)
    assert settings_path() == isolated_home / "settings.json"
    assert load_settings() == (changed, ())
    assert json.loads(settings_path().read_text())["timer_seconds"] is None


def test_unknown_missing_and_bad_fields(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {
                "volume": "loud",  # wrong type
                "music_volume": 3,  # out of range
                "muted": 1,  # not a bool
                "fullscreen": True,
                "timer_seconds": 2,  # below the minimum
                "rounds": 6,
                "future_option": {"x": 1},  # unknown: dropped
                "key_zones": {"a": ["1", "2", "3"]},  # three keys: not a zone
                "last_players": ["Neil", ""],
            }
        )
    )
    settings, warnings = load_settings(path)
    assert settings.fullscreen is True and settings.rounds == 6
    assert settings.volume == 0.8 and settings.music_volume == 0.6 and settings.muted is False
    assert settings.timer_seconds == 20 and settings.key_zones == DEFAULT_KEY_ZONES
    assert settings.last_players == ()
    assert len(warnings) == 6
    assert any("'volume'" in w for w in warnings)


def test_zones_may_not_share_keys(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"key_zones": {"a": ["1", "2", "3", "4"], "b": ["4", "5", "6", "7"]}})
    )
    settings, warnings = load_settings(path)
    assert settings.key_zones == DEFAULT_KEY_ZONES and "reuses a key" in warnings[0]


@pytest.mark.parametrize("content", ["", "{", "[]", "null", '"text"'])
def test_a_corrupt_file_gives_defaults_or_the_backup(tmp_path: Path, content: str) -> None:
    path = tmp_path / "settings.json"
    save_settings(dataclasses.replace(Settings(), volume=0.1), path)
    save_settings(dataclasses.replace(Settings(), volume=0.2), path)
    path.write_text(content)
    settings, warnings = load_settings(path)
    assert settings.volume == 0.1  # the backup
    assert any("Could not read settings.json" in w for w in warnings)
    (tmp_path / "settings.json.bak").unlink()
    path.write_text(content)
    settings, _ = load_settings(path)
    assert settings == Settings()
