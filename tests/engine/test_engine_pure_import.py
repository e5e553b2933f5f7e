"""Every engine and storage module imports, and a game plays, with pygame unavailable."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
sys.modules["pygame"] = None  # any "import pygame" now raises ImportError
import importlib, pkgutil
import quiz.engine, quiz.storage
names = []
for package in (quiz.engine, quiz.storage):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
        names.append(info.name)
from quiz.engine import FakeClock, Game, GameConfig, Mode, Phase
from quiz.packs.model import Pack, Question
pack = Pack("p", "P", (Question("q", "k", "Q?", answer="a", wrong=("b",), pack_id="p"),))
game = Game(GameConfig(mode=Mode.SOLO, players=("N",), packs=(pack,)), clock=FakeClock())
while game.phase is not Phase.GAME_OVER:
    game.advance() or game.answer(0, 0)
assert not any(name == "pygame" or name.startswith("pygame.") for name in sys.modules
               if sys.modules[name] is not None)
print(len(names), "modules")
"""


def test_engine_and_storage_never_import_pygame() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], check=False, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    # Everything under quiz/engine and quiz/storage was imported, not just the packages.
    assert int(done.stdout.split()[0]) >= 14
