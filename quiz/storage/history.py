"""Which questions were dealt in recent games, so the next game deals fresh ones first.

Kept per player for solo games (by name, ignoring case) and once for the machine for party
games, in history.json beside the high scores: written atomically, read back field by
field, and set aside when damaged, like the other saved files. Losing it costs nothing but
freshness, so a failed save is logged, never shown as an error.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from quiz.engine.config import MAX_NAME_LENGTH, GameConfig, Mode
from quiz.paths import history_path
from quiz.storage import fields
from quiz.storage.atomic import CorruptFile, read_json, write_json_atomic
from quiz.storage.problems import SaveFailed

FORMAT: Final = 1
RECENT_GAMES: Final = 8  # per player: enough for a pack of 100+ questions to cycle through
MAX_KEYS: Final = 500  # questions in one game; far above any real game
MAX_KEY_LENGTH: Final = 200  # "pack-id/question-id"
MAX_PLAYERS_KEPT: Final = 64  # distinct solo names kept; the least recent go first
PARTY: Final = "party"
log = logging.getLogger(__name__)

GAME_KEYS: Final = fields.list_of(fields.text(MAX_KEY_LENGTH), most=MAX_KEYS)


def player_key(config: GameConfig) -> str:
    """Whose history a game adds to: the solo player's, or the machine's for a party."""
    if config.mode is Mode.SOLO:
        return "solo:" + fields.clean_text(config.names[0], MAX_NAME_LENGTH).casefold()
    return PARTY


def _parse(data: object) -> dict[str, list[tuple[str, ...]]]:
    if not isinstance(data, dict) or not isinstance(data.get("players"), dict):
        raise CorruptFile("not a game history file")
    if not isinstance(data.get("format"), int) or data["format"] > FORMAT:
        raise CorruptFile("written by a newer version, or no format number")
    players: dict[str, list[tuple[str, ...]]] = {}
    for who, games in list(data["players"].items())[-MAX_PLAYERS_KEPT:]:
        if not isinstance(who, str) or len(who) > MAX_NAME_LENGTH + 8 or not isinstance(games,
                                                                                       list):
            continue  # one bad player costs only their own freshness
        kept = []
        for game in games[-RECENT_GAMES:]:
            try:
                kept.append(GAME_KEYS(game))
            except fields.BadField:
                continue
        players[who] = kept
    return players


class GameHistory:
    """Recent games' question keys per player, oldest first."""

    def __init__(self, path: Path, players: dict[str, list[tuple[str, ...]]] | None = None
                 ) -> None:
        self.path = path
        self._players = dict(players or {})
        self.warnings: tuple[str, ...] = ()

    @classmethod
    def load(cls, path: Path | None = None) -> GameHistory:
        target = path if path is not None else history_path()
        loaded = read_json(target, _parse)
        history = cls(target, loaded.value)
        history.warnings = loaded.warnings
        return history

    def recent(self, config: GameConfig) -> tuple[tuple[str, ...], ...]:
        """The planner's input for `config`: this player's recent games on its packs."""
        packs = {pack.id for pack in config.packs}
        games = []
        for game in self._players.get(player_key(config), ()):
            mine = tuple(key for key in game if key.split("/", 1)[0] in packs)
            if mine:
                games.append(mine)
        return tuple(games)

    def record(self, config: GameConfig, keys: Iterable[str]) -> None:
        """Add a game's dealt questions and save; a failed save is only logged."""
        game = tuple(keys)[:MAX_KEYS]
        if not game:
            return
        who = player_key(config)
        games = self._players.pop(who, [])  # re-inserted last: the most recent player
        self._players[who] = (games + [game])[-RECENT_GAMES:]
        while len(self._players) > MAX_PLAYERS_KEPT:
            del self._players[next(iter(self._players))]
        try:
            write_json_atomic(self.path, {
                "format": FORMAT,
                "players": {who: [list(g) for g in games] for who, games in self._players.items()},
            })
        except SaveFailed as failed:
            log.warning("game history not saved: %s", failed)
