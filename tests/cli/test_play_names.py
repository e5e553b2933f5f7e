"""`heat-quiz play` in a party mode names the players as a fresh lobby would."""

from __future__ import annotations

import pytest

from quiz.cli import build_parser
from quiz.play import config_from_args
from quiz.ui.roster import Roster, zone_device


def lobby_names(count: int) -> tuple[str, ...]:
    """The names a fresh lobby gives `count` players sitting down one after another."""
    roster = Roster()
    for zone in range(count):
        roster.join(zone_device(zone) if zone < 4 else f"pad:{zone}")
    return roster.names()


@pytest.mark.parametrize(("mode", "count"), [("turns", 3), ("everyone", 2), ("buzz", 8)])
def test_party_players_from_the_command_line_get_the_lobby_names(mode: str, count: int) -> None:
    args = build_parser().parse_args(["play", "--mode", mode, "--players", str(count)])
    names = config_from_args(args).players
    assert names == lobby_names(count)
    assert not any(name.startswith("Player") for name in names)
    assert len(set(names)) == count


def test_given_names_are_kept() -> None:
    args = build_parser().parse_args(["play", "--mode", "turns", "--names", "Ann,Bo,Cy"])
    assert config_from_args(args).players == ("Ann", "Bo", "Cy")
