"""Atomic JSON writes and recovery from corrupt, truncated and half-written files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quiz.storage import atomic
from quiz.storage.atomic import backup_path, read_json, write_json_atomic


def as_dict(data: object) -> dict[str, object]:
    if not isinstance(data, dict):
        raise atomic.CorruptFile("not an object")
    return data


def test_round_trip_and_backup_of_the_previous_version(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "state.json"
    write_json_atomic(path, {"v": 1})
    assert not backup_path(path).exists()
    write_json_atomic(path, {"v": 2})
    assert json.loads(path.read_text()) == {"v": 2}
    assert json.loads(backup_path(path).read_text()) == {"v": 1}
    loaded = read_json(path, as_dict)
    assert loaded.value == {"v": 2} and loaded.warnings == () and loaded.source == path
    assert sorted(p.name for p in path.parent.iterdir()) == ["state.json", "state.json.bak"]


def test_missing_file_gives_defaults_quietly(tmp_path: Path) -> None:
    loaded = read_json(tmp_path / "none.json", as_dict)
    assert loaded.value is None and loaded.warnings == ()


@pytest.mark.parametrize(
    "damage",
    [
        b'{"v": 2',  # truncated
        b"",  # emptied
        b"\x00\x00\x00\x00",  # zeroed by a crash
        b"\xff\xfe not utf-8",
        b"[1, 2, 3]",  # valid JSON, wrong shape
    ],
)
def test_a_damaged_file_is_set_aside_and_the_backup_used(tmp_path: Path, damage: bytes) -> None:
    path = tmp_path / "state.json"
    write_json_atomic(path, {"v": 1})
    write_json_atomic(path, {"v": 2})
    path.write_bytes(damage)
    loaded = read_json(path, as_dict)
    assert loaded.value == {"v": 1} and loaded.source == backup_path(path)
    assert any("Could not read state.json" in w for w in loaded.warnings)
    assert any("Restored state.json from its backup" in w for w in loaded.warnings)
    aside = list(tmp_path.glob("state.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == damage  # kept, not destroyed


def test_both_damaged_gives_defaults_and_keeps_both(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text("{oops")
    backup_path(path).write_text("[")
    loaded = read_json(path, as_dict)
    assert loaded.value is None and len(loaded.warnings) == 2
    assert len(list(tmp_path.glob("*.corrupt-*"))) == 2


def test_a_corrupt_file_is_never_made_the_backup(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    write_json_atomic(path, {"v": 1})
    write_json_atomic(path, {"v": 2})
    path.write_text("garbage")
    write_json_atomic(path, {"v": 3})
    assert json.loads(backup_path(path).read_text()) == {"v": 1}


def test_a_failed_replace_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "state.json"
    write_json_atomic(path, {"v": 1})

    def refuse(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        write_json_atomic(path, {"v": 2})
    monkeypatch.undo()
    assert json.loads(path.read_text()) == {"v": 1}
    assert not list(tmp_path.glob(".*.tmp"))


def test_leftover_temp_files_from_a_crash_are_ignored_and_cleared(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    write_json_atomic(path, {"v": 1})
    (tmp_path / ".state.json.abc123.tmp").write_text('{"v": 99, "half')
    loaded = read_json(path, as_dict)
    assert loaded.value == {"v": 1} and loaded.warnings == ()
    assert not list(tmp_path.glob(".*.tmp"))


def test_an_unreadable_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.mkdir()  # reading a folder fails with an OSError
    loaded = read_json(path, as_dict)
    assert loaded.value is None and "Could not read state.json" in loaded.warnings[0]
