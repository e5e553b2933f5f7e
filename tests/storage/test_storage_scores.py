"""High score tables: ranking, qualifying, merging, and never losing a score."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.paths import scores_path
from quiz.storage import HighScores, ScoreEntry, table_key

START = datetime(2025, 1, 1, tzinfo=timezone.utc)


def entry(
    score: int,
    name: str = "Neil",
    minute: int = 0,
    mode: str = "solo",
    packs: tuple[str, ...] = ("heat-1995",),
) -> ScoreEntry:
    return ScoreEntry.create(name, score, 0.5, mode, packs, when=START + timedelta(minutes=minute))


def test_defaults_to_the_data_root(isolated_home: Path) -> None:
    scores = HighScores.load()
    assert scores.path == scores_path() == isolated_home / "scores.json"
    scores.add(entry(10))
    scores.save()
    assert (isolated_home / "scores.json").exists()


def test_top_ten_best_first_with_places(tmp_path: Path) -> None:
    scores = HighScores.load(tmp_path / "s.json")
    places = [scores.add(entry(s, minute=i)) for i, s in enumerate([500, 900, 100, 700])]
    assert places == [1, 1, 3, 2]
    for i in range(8):
        scores.add(entry(1000 + i, minute=10 + i))
    table = scores.top("solo", ["heat-1995"])
    assert len(table) == 10
    assert [e.score for e in table][:3] == [1007, 1006, 1005]
    assert table[-1].score == 700  # 500 and 100 fell off
    assert scores.add(entry(50)) is None


def test_qualifies_and_ties_keep_the_earlier_entry(tmp_path: Path) -> None:
    scores = HighScores.load(tmp_path / "s.json")
    for i in range(10):
        scores.add(entry(100 * (i + 1), minute=i))
    assert scores.qualifies("solo", ["heat-1995"], 101)
    assert not scores.qualifies("solo", ["heat-1995"], 100)  # a tie with last place
    assert scores.qualifies("buzz", ["heat-1995"], 0)  # an empty table takes anyone
    scores.add(entry(500, name="Later", minute=99))
    names = [e.name for e in scores.top("solo", ["heat-1995"]) if e.score == 500]
    assert names == ["Neil", "Later"]


def test_one_table_per_mode_and_pack_set(tmp_path: Path) -> None:
    scores = HighScores.load(tmp_path / "s.json")
    scores.add(entry(1, packs=("b", "a")))
    scores.add(entry(2, packs=("a", "b")))
    scores.add(entry(3, mode="buzz", packs=("a", "b")))
    assert [e.score for e in scores.top("solo", ["a", "b"])] == [2, 1]
    assert table_key("solo", ["b", "a"]) == table_key("solo", ("a", "b")) == "solo:a+b"
    assert scores.table_keys() == ("buzz:a+b", "solo:a+b")


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    scores = HighScores.load(path)
    first = entry(4200, name="Vincent")
    scores.add(first)
    scores.save()
    again = HighScores.load(path)
    assert again.top("solo", ["heat-1995"]) == (first,) and again.warnings == ()
    assert first.date == "2025-01-01T00:00:00+00:00"


def test_saving_a_stale_table_merges_instead_of_overwriting(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    one, two = HighScores.load(path), HighScores.load(path)
    one.add(entry(10, name="One"))
    one.save()
    two.add(entry(20, name="Two"))
    two.save()
    names = {e.name for e in HighScores.load(path).top("solo", ["heat-1995"])}
    assert names == {"One", "Two"}


def test_bad_entries_are_skipped_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    good = entry(300).to_json()
    path.write_text(
        json.dumps(
            {
                "format": 1,
                "tables": {
                    "solo:heat-1995": [good, {"name": "x"}, {**good, "score": "lots"}, 7],
                    "oops": "not a list",
                },
            }
        )
    )
    scores = HighScores.load(path)
    assert [e.score for e in scores.top("solo", ["heat-1995"])] == [300]
    assert scores.warnings == (
        "Skipped 4 unreadable high score entries (an entry has no 'score').",
    )


def test_a_newer_format_is_set_aside_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"format": 99, "tables": {}}))
    scores = HighScores.load(path)
    assert "newer version" in scores.warnings[0]
    assert len(list(tmp_path.glob("s.json.corrupt-*"))) == 1


def test_a_corrupt_file_falls_back_to_the_backup_and_loses_no_saved_score(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    scores = HighScores.load(path)
    for i in range(3):
        scores.add(entry(100 * i, minute=i))
        scores.save()
    truncated = path.read_text()[:40]
    path.write_text(truncated)  # truncated by something outside the game
    recovered = HighScores.load(path)
    # The backup holds everything up to the save before last...
    assert [e.score for e in recovered.top("solo", ["heat-1995"])] == [100, 0]
    assert any("backup" in w for w in recovered.warnings)
    # ...and the damaged file is kept for the player, never overwritten.
    (aside,) = tmp_path.glob("s.json.corrupt-*")
    assert aside.read_text() == truncated
    recovered.add(entry(999, minute=9))
    recovered.save()
    assert [e.score for e in HighScores.load(path).top("solo", ["heat-1995"])] == [999, 100, 0]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(-500, 5000), st.sampled_from(["solo", "buzz"]), st.booleans()),
        min_size=1,
        max_size=30,
    )
)
def test_a_save_never_loses_an_earlier_score(
    tmp_path_factory: object, moves: list[tuple[int, str, bool]]
) -> None:
    folder = tmp_path_factory.mktemp("scores")  # type: ignore[attr-defined]
    path = folder / "s.json"
    added: dict[str, list[ScoreEntry]] = {}
    scores = HighScores.load(path)
    for minute, (score, mode, reload_first) in enumerate(moves):
        if reload_first:
            scores = HighScores.load(path)  # a fresh process, or a stale copy
        new = entry(score, minute=minute, mode=mode)
        scores.add(new)
        added.setdefault(mode, []).append(new)
        scores.save()
        on_disk = HighScores.load(path)
        for m, entries in added.items():
            best = sorted(entries, key=lambda e: (-e.score, e.date))[:10]
            assert list(on_disk.top(m, ["heat-1995"])) == best


def test_games_of_different_lengths_keep_separate_tables(tmp_path: Path) -> None:
    # GIVEN a 2-round game and a 20-round game on the same pack
    scores = HighScores.load(tmp_path / "s.json")
    short = ScoreEntry.create("Neil", 900, 1.0, "solo", ("heat-1995",), START, length=(2, 5))
    long = ScoreEntry.create("Chris", 9_000, 0.5, "solo", ("heat-1995",), START, length=(20, 5))
    # WHEN both are saved
    assert scores.add(short) == 1 and scores.add(long) == 1  # each first in its own table
    scores.save()
    # THEN they never compete, and each comes back from disk with its length
    again = HighScores.load(tmp_path / "s.json")
    assert again.top("solo", ["heat-1995"], (2, 5)) == (short,)
    assert again.top("solo", ["heat-1995"], (20, 5)) == (long,)
    assert again.top("solo", ["heat-1995"]) == ()
    assert again.lengths("solo", ["heat-1995"]) == ((2, 5), (20, 5))
    assert again.qualifies("solo", ["heat-1995"], 10, (20, 6))  # an empty table: any score


def test_a_file_saved_before_lengths_were_kept_still_loads(tmp_path: Path) -> None:
    # GIVEN a file as older versions wrote it: no length in its entries, and one bad length
    old = {"name": "Neil", "score": 500, "accuracy": 0.5, "date": "2025-01-01T00:00:00+00:00",
           "mode": "solo", "packs": ["heat-1995"]}
    bad = {**old, "name": "Waingro", "length": [2, "five"]}
    path = tmp_path / "scores.json"
    path.write_text(json.dumps({"format": 1, "tables": {"solo:heat-1995": [old, bad]}}))
    # WHEN it loads
    scores = HighScores.load(path)
    # THEN the old entry is in a table of its own, with no length, and the bad one is skipped
    assert [e.name for e in scores.top("solo", ["heat-1995"])] == ["Neil"]
    assert scores.top("solo", ["heat-1995"])[0].length is None
    assert scores.lengths("solo", ["heat-1995"]) == (None,)
    assert len(scores.warnings) == 1 and "'length'" in scores.warnings[0]
    # AND a new score of a known length joins it in the file without disturbing it
    scores.add(ScoreEntry.create("Chris", 700, 1.0, "solo", ("heat-1995",), START, length=(4, 5)))
    scores.save()
    again = HighScores.load(path)
    assert again.lengths("solo", ["heat-1995"]) == ((4, 5), None)
    assert [e.name for e in again.top("solo", ["heat-1995"])] == ["Neil"]
