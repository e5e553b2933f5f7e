"""A game on a pack with bad questions deals only its sound ones, to the end."""

from __future__ import annotations

from pathlib import Path

from engine_helpers import Table
from lenient_packs import MOSTLY_SOUND, SOUND_IDS

from quiz.engine import GameConfig, Mode, Phase
from quiz.packs.loader import load_bytes


def test_a_whole_game_deals_only_the_sound_questions() -> None:
    result = load_bytes(MOSTLY_SOUND.encode(), "getaway.yaml", base_dir=Path("/nonexistent"))
    assert result.pack is not None
    config = GameConfig(Mode.SOLO, ("Neil",), (result.pack,), rounds=1, per_round=3, seed=3)
    table = Table(config)
    dealt: list[str] = []
    while table.game.phase is not Phase.GAME_OVER:
        if table.game.phase is Phase.QUESTION:
            dealt.append(table.view.key)
            table.right(0)
        else:
            table.next()
    assert sorted(dealt) == sorted(f"getaway/{qid}" for qid in SOUND_IDS)
    assert table.game.players[0].score > 0
