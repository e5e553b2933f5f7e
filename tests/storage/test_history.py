"""The game history on disk: recent games' questions per player, read back field by field,
set aside when damaged, never a reason for the game not to start or for an error shown."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from quiz.engine import GameConfig, Mode
from quiz.packs.model import Pack, Question
from quiz.storage.history import RECENT_GAMES, GameHistory, player_key


def pack(pack_id: str) -> Pack:
    question = Question(id="q", category="c", prompt="Who?", answer="Neil",
                        wrong=("Chris", "Vincent"), pack_id=pack_id)
    return Pack(id=pack_id, title=pack_id, questions=(question,))


def config(mode: Mode, *names: str, packs: tuple[str, ...] = ("heat-1995",)) -> GameConfig:
    return GameConfig(mode=mode, players=names, packs=tuple(pack(p) for p in packs))


def test_games_are_kept_per_solo_player_and_once_for_party_play(tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    history = GameHistory.load(path)
    neil, vincent = config(Mode.SOLO, "Neil"), config(Mode.SOLO, "Vincent")
    party = config(Mode.EVERYONE, "Neil", "Vincent")
    history.record(neil, ["heat-1995/a", "heat-1995/b"])
    history.record(vincent, ["heat-1995/c"])
    history.record(party, ["heat-1995/d"])
    again = GameHistory.load(path)  # from disk
    assert again.recent(config(Mode.SOLO, "NEIL")) == (("heat-1995/a", "heat-1995/b"),)
    assert again.recent(vincent) == (("heat-1995/c",),)
    assert again.recent(config(Mode.BUZZ, "Chris", "Eady")) == (("heat-1995/d",),)
    assert player_key(party) == "party" and player_key(neil) == "solo:neil"


def test_only_the_games_packs_count_and_only_recent_games_are_kept(tmp_path: Path) -> None:
    history = GameHistory.load(tmp_path / "history.json")
    both = config(Mode.SOLO, "Neil", packs=("heat-1995", "mine"))
    history.record(both, ["heat-1995/a", "mine/x"])
    assert history.recent(config(Mode.SOLO, "Neil", packs=("mine",))) == (("mine/x",),)
    assert history.recent(config(Mode.SOLO, "Neil", packs=("other",))) == ()
    for game in range(RECENT_GAMES + 3):
        history.record(both, [f"heat-1995/g{game}"])
    games = GameHistory.load(tmp_path / "history.json").recent(both)
    assert len(games) == RECENT_GAMES and games[-1] == (f"heat-1995/g{RECENT_GAMES + 2}",)


@pytest.mark.parametrize("damage", [
    b"{" * 100_000,
    b'{"format": 1, "players": {"solo:neil": [[Infinity]]}}',
    b"\xff\xfe not text",
    b'{"format": 99, "players": {}}',
    b"[]",
])
def test_a_damaged_history_is_set_aside_and_costs_only_freshness(tmp_path: Path,
                                                                  damage: bytes) -> None:
    path = tmp_path / "history.json"
    path.write_bytes(damage)
    history = GameHistory.load(path)
    assert history.recent(config(Mode.SOLO, "Neil")) == ()
    assert history.warnings  # said once, in the log
    assert not path.exists() or path.read_bytes() != damage  # moved aside, not reread
    history.record(config(Mode.SOLO, "Neil"), ["heat-1995/a"])
    assert GameHistory.load(path).recent(config(Mode.SOLO, "Neil")) == (("heat-1995/a",),)


def test_bad_games_inside_a_sound_file_are_dropped_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    path.write_text(json.dumps({"format": 1, "players": {
        "solo:neil": [["heat-1995/a"], "not a game", [1, 2], ["x" * 10_000], ["heat-1995/b"]],
        "party": "nonsense"}}))
    history = GameHistory.load(path)
    assert history.recent(config(Mode.SOLO, "Neil")) == (("heat-1995/a",), ("heat-1995/b",))
    assert history.recent(config(Mode.EVERYONE, "A", "B")) == ()


def test_a_failed_save_is_logged_and_never_raised(tmp_path: Path,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    home = tmp_path / "home"
    home.write_text("a file where the folder should be")
    history = GameHistory.load(home / "history.json")
    with caplog.at_level(logging.WARNING):
        history.record(config(Mode.SOLO, "Neil"), ["heat-1995/a"])
    assert "game history not saved" in caplog.text
    # Still remembered for the rest of this run.
    assert history.recent(config(Mode.SOLO, "Neil")) == (("heat-1995/a",),)
