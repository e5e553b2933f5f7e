"""Damaged and hostile saved files: each is set aside or cleaned, never a crash, hang or freeze.

One table per kind of damage. A file that cannot be read at all (nested 100,000 deep,
Infinity, bad UTF-8, too big, not a regular file) is kept aside as NAME.corrupt-TIME and the
game starts with defaults; a file that reads but holds bad fields loses only those.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.storage import HighScores, ScoreEntry, atomic, load_settings, save_settings
from quiz.storage.fields import BadField, clean_text, read_record, text, whole
from quiz.storage.problems import SaveFailed

DEEP = b"[" * 100_000 + b"]" * 100_000
GOOD = {"name": "Neil", "score": 4200, "accuracy": 0.75, "date": "2025-01-01T00:00:00+00:00",
        "mode": "solo", "packs": ["heat-1995"]}


def bounded(action: Callable[[], object], seconds: float = 10.0) -> object:
    """Run `action` in a thread and fail if it has not finished in `seconds` (a hang)."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["value"] = action()
        except BaseException as error:  # noqa: BLE001 - handed back to the test
            box["error"] = error

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still running after {seconds} s"
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box.get("value")


HUGE = "__1e400__"  # stands for the number 1e400, which json.dumps cannot write


def raw_json(data: object) -> bytes:
    # 1e400 is valid JSON that Python reads as infinity, without asking parse_constant.
    return json.dumps(data).replace(f'"{HUGE}"', "1e400").encode()


def scores_file(*entries: object) -> bytes:
    return raw_json({"format": 1, "tables": {"solo:heat-1995": list(entries)}})


def make_fifo(path: Path) -> None:
    os.mkfifo(path)


def make_folder(path: Path) -> None:
    path.mkdir()


def make_zero_link(path: Path) -> None:
    path.symlink_to("/dev/zero")


def make_link_loop(path: Path) -> None:
    path.symlink_to(path.name)


UNREADABLE: list[tuple[str, object, str]] = [
    # (case, the bytes or a maker of the file, what the warning says)
    ("nested 100,000 deep", DEEP, "nested too deeply"),
    ("nested in an object", b'{"tables": ' + DEEP + b"}", "nested too deeply"),
    ("Infinity", b'{"format": 1, "tables": {}, "x": Infinity}', "Infinity"),
    ("-Infinity", b"[-Infinity]", "-Infinity"),
    ("NaN", b'{"accuracy": NaN}', "NaN"),
    ("invalid UTF-8", b'{"name": "\xff\xfe"}', "not UTF-8"),
    ("truncated", b'{"format": 1, "tables": {', "not valid JSON (line 1"),
    ("an integer of 5,000 digits", b"[" + b"9" * 5000 + b"]", "number too long"),
    ("over 8 MiB", b"{}" + b" " * (atomic.MAX_FILE_BYTES + 1), "larger than 8 MiB"),
    ("a FIFO", make_fifo, "not a regular file"),
    ("a folder", make_folder, "not a regular file"),
    ("a link to /dev/zero", make_zero_link, "not a regular file"),
    ("a link to itself", make_link_loop, "could not read"),
]


def place(path: Path, content: object) -> None:
    if callable(content):
        content(path)
    else:
        assert isinstance(content, bytes)
        path.write_bytes(content)


@pytest.mark.parametrize(("case", "content", "said"), UNREADABLE, ids=[c[0] for c in UNREADABLE])
def test_an_unreadable_scores_file_is_set_aside(
    tmp_path: Path, case: str, content: object, said: str
) -> None:
    path = tmp_path / "scores.json"
    place(path, content)
    scores = bounded(lambda: HighScores.load(path))
    assert isinstance(scores, HighScores)
    assert scores.table_keys() == ()
    assert len(scores.warnings) == 1
    warning = scores.warnings[0]
    assert said.lower() in warning.lower() and "kept it as scores.json.corrupt-" in warning
    assert "Error" not in warning and "Traceback" not in warning  # plain words
    assert not os.path.lexists(path) and len(list(tmp_path.glob("scores.json.corrupt-*"))) == 1
    # The next save writes a fresh file, and the start after it is quiet.
    scores.add(ScoreEntry.from_json(GOOD))
    scores.save()
    again = HighScores.load(path)
    assert again.warnings == () and [e.name for e in again.top("solo", ["heat-1995"])] == ["Neil"]


@pytest.mark.parametrize(("case", "content", "said"), UNREADABLE, ids=[c[0] for c in UNREADABLE])
def test_an_unreadable_settings_file_is_set_aside(
    tmp_path: Path, case: str, content: object, said: str
) -> None:
    path = tmp_path / "settings.json"
    place(path, content)
    loaded = bounded(lambda: load_settings(path))
    assert isinstance(loaded, tuple)
    settings, warnings = loaded
    assert settings == type(settings)()
    assert len(warnings) == 1 and said.lower() in warnings[0].lower()
    assert len(list(tmp_path.glob("settings.json.corrupt-*"))) == 1


def test_a_deep_file_falls_back_to_the_backup(tmp_path: Path) -> None:
    path = tmp_path / "scores.json"
    scores = HighScores.load(path)
    scores.add(ScoreEntry.from_json(GOOD))
    scores.save()
    scores.save()  # the good file becomes the backup
    path.write_bytes(DEEP)
    again = HighScores.load(path)
    assert [e.score for e in again.top("solo", ["heat-1995"])] == [4200]
    assert any("Restored scores.json from its backup" in w for w in again.warnings)


BAD_ENTRIES: list[tuple[str, dict[str, object], str]] = [
    ("accuracy 1e400 (read as infinity)", {"accuracy": HUGE}, "'accuracy' is not a finite"),
    ("accuracy above 1", {"accuracy": 1.5}, "'accuracy' is not between 0 and 1"),
    ("accuracy as text", {"accuracy": "90%"}, "'accuracy' is not a number"),
    ("score as true", {"score": True}, "'score' is not a whole number"),
    ("score as a fraction", {"score": 10.5}, "'score' is not a whole number"),
    ("score of a trillion", {"score": 10**12}, "'score' is not between"),
    ("name as a number", {"name": 7}, "'name' is not text"),
    ("name of control characters only", {"name": "\x00\x1b\x07"}, "'name' is empty"),
    ("date that is not a date", {"date": "yesterday"}, "'date' is not a date"),
    ("date of a megabyte", {"date": "2025" * 250_000}, "'date' is not a date"),
    ("mode as a list", {"mode": ["solo"]}, "'mode' is not text"),
    ("no packs", {"packs": []}, "'packs' does not have 1 to"),
    ("a pack id with a path", {"packs": ["../../etc"]}, "'packs' is not an id"),
    ("a thousand packs", {"packs": [f"p{i}" for i in range(1000)]}, "'packs' does not have"),
    ("packs as text", {"packs": "heat-1995"}, "'packs' is not a list"),
]


@pytest.mark.parametrize(("case", "change", "said"), BAD_ENTRIES, ids=[c[0] for c in BAD_ENTRIES])
def test_a_bad_entry_is_dropped_with_a_warning_and_the_rest_kept(
    tmp_path: Path, case: str, change: dict[str, object], said: str
) -> None:
    path = tmp_path / "scores.json"
    path.write_bytes(scores_file(GOOD, {**GOOD, "name": "Chris", **change}))
    scores = HighScores.load(path)
    assert [e.name for e in scores.top("solo", ["heat-1995"])] == ["Neil"]
    (warning,) = scores.warnings
    assert warning.startswith(f"Skipped 1 unreadable high score entry (an entry {said}")
    assert path.exists()  # the file itself is kept: its good entries are still in it


def test_a_million_character_name_is_cut_on_load_without_a_freeze(tmp_path: Path) -> None:
    path = tmp_path / "scores.json"
    path.write_bytes(scores_file({**GOOD, "name": "N" * 1_000_000}))
    started = time.perf_counter()
    scores = HighScores.load(path)
    took = time.perf_counter() - started
    (entry,) = scores.top("solo", ["heat-1995"])
    assert entry.name == "N" * 16 and scores.warnings == ()
    assert took < 5.0  # a generous bound: it was an endless freeze


def test_control_characters_are_removed_from_names(tmp_path: Path) -> None:
    path = tmp_path / "scores.json"
    path.write_bytes(scores_file({**GOOD, "name": "\x1b]0;pwned\x07Ne\x00il\u202e\ud800"}))
    (entry,) = HighScores.load(path).top("solo", ["heat-1995"])
    assert entry.name == "]0;pwnedNeil"


def test_an_entry_of_a_later_version_keeps_its_known_fields(tmp_path: Path) -> None:
    path = tmp_path / "scores.json"
    path.write_bytes(scores_file({**GOOD, "colour": "red"}))
    (entry,) = HighScores.load(path).top("solo", ["heat-1995"])
    assert entry.name == "Neil"


BAD_SETTINGS: list[tuple[str, object, str]] = [
    ("volume", HUGE, "is not a finite number"),
    ("volume", -0.1, "is not between 0 and 1"),
    ("music_volume", None, "is not a number"),
    ("muted", "yes", "is not true or false"),
    ("fullscreen", 0, "is not true or false"),
    ("timer_seconds", 10**100, "is not between 5 and 120"),
    ("timer_seconds", 20.5, "is not a whole number"),
    ("rounds", True, "is not a whole number"),
    ("rounds", 21, "is not between 1 and 20"),
    ("per_round", 0, "is not between 1 and 50"),
    ("show_explanations", [], "is not true or false"),
    ("last_players", "Neil", "is not a list"),
    ("last_players", ["Neil"] * 9, "does not have 0 to 8 items"),
    ("last_players", ["Neil", 5], "is not text"),
    ("key_zones", [], "is not a mapping"),
    ("key_zones", {f"z{i}": [f"{i}a", f"{i}b", f"{i}c", f"{i}d"] for i in range(9)},
     "is not a mapping of 1 to 8"),
    ("key_zones", {"a": ["1", "2", "3"]}, "has a zone 'a' without 4 keys"),
    ("key_zones", {"a": ["1", "2", "3", "x" * 1_000_000]}, "with a key that is not a key name"),
    ("key_zones", {"a": ["1", "2", "3", 4]}, "has a zone 'a' with a key that is not a key name"),
    ("key_zones", {"a": ["1", "2", "3", "4"], "b": ["4", "5", "6", "7"]}, "that reuses a key"),
    ("key_zones", {"\x00": ["1", "2", "3", "4"]}, "has a zone without a name"),
]


@pytest.mark.parametrize(("name", "value", "said"), BAD_SETTINGS,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(BAD_SETTINGS)])
def test_a_bad_setting_is_reset_and_the_others_kept(
    tmp_path: Path, name: str, value: object, said: str
) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(raw_json({"rounds": 7, "per_round": 3, name: value}))
    settings, warnings = load_settings(path)
    kept = {"rounds": 7, "per_round": 3}
    kept.pop(name, None)
    assert all(getattr(settings, key) == wanted for key, wanted in kept.items())
    assert getattr(settings, name) == getattr(type(settings)(), name)
    (warning,) = warnings
    assert warning.startswith(f"Setting '{name}' was reset to its default (it ") and said in warning


def test_long_player_names_in_settings_are_cut_not_refused(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"last_players": ["V" * 1_000_000, "Chris\x1b[2J", "Chris[2J"]}))
    settings, warnings = load_settings(path)
    assert settings.last_players == ("V" * 16, "Chris[2J") and warnings == ()


def test_the_field_readers_name_what_is_wrong() -> None:
    readers = {"name": text(5), "score": whole(0, 9)}
    assert read_record({"name": " Al\tPacino ", "score": 3}, readers) == {"name": "Al Pa",
                                                                          "score": 3}
    with pytest.raises(BadField, match="'score' is not between 0 and 9"):
        read_record({"name": "x", "score": 10}, readers)
    with pytest.raises(BadField, match="has no 'score'"):
        read_record({"name": "x"}, readers)
    with pytest.raises(BadField, match="is not an object"):
        read_record([1], readers)
    assert clean_text("\x00" * 1000 + "ok", 4) == "ok"


# Saving where the disk refuses -----------------------------------------------------------------
# Tests may run as root, where a chmod'ed folder is still writable: the folder is made
# unusable by putting it under a regular file, or os.replace is patched to refuse.


def test_a_save_under_a_regular_file_fails_in_plain_words(tmp_path: Path) -> None:
    blocker = tmp_path / "home"
    blocker.write_text("I am a file")
    scores = HighScores.load(blocker / "data" / "scores.json")
    scores.add(ScoreEntry.from_json(GOOD))
    with pytest.raises(SaveFailed) as failed:
        scores.save()
    assert failed.value.reason == f"{blocker} is a file, not a folder"
    assert scores.top("solo", ["heat-1995"]) == ()  # the table shows what is on disk: nothing


def test_a_refused_replace_keeps_the_table_as_on_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "scores.json"
    scores = HighScores.load(path)
    scores.add(ScoreEntry.from_json(GOOD))
    scores.save()

    def refuse(*_: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    place_two = scores.add(ScoreEntry.from_json({**GOOD, "name": "Chris", "score": 9000}))
    assert place_two == 1
    with pytest.raises(SaveFailed) as failed:
        scores.save()
    assert failed.value.reason == f"the game may not write in {tmp_path}"
    assert [e.name for e in scores.top("solo", ["heat-1995"])] == ["Neil"]
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_full_disk_is_said_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", full)
    with pytest.raises(SaveFailed, match="settings.json could not be saved: the disk is full"):
        save_settings(load_settings(tmp_path / "settings.json")[0], tmp_path / "settings.json")


def test_a_new_entry_is_cleaned_as_loading_would_clean_it(tmp_path: Path) -> None:
    # A name from a phone or a pad may hold anything; what is saved is what reads back.
    entry = ScoreEntry.create("\x07Vincent Hanna of the LAPD\n", 10, 0.5, "solo", ["heat-1995"])
    assert entry.name == "Vincent Hanna of"
    path = tmp_path / "scores.json"
    scores = HighScores.load(path)
    scores.add(entry)
    scores.save()
    assert HighScores.load(path).top("solo", ["heat-1995"]) == (entry,)
