"""The core (packs, engine, storage, CLI plumbing) must work with pygame unavailable."""

from __future__ import annotations

import subprocess
import sys

PURE_MODULES = [
    "quiz.paths", "quiz.packs", "quiz.packs.model", "quiz.packs.loader",
    "quiz.packs.validate", "quiz.packs.yamlnodes", "quiz.packs.layout",
    "quiz.packs.registry", "quiz.importers.command", "quiz.pack_commands", "quiz.play",
    "quiz.cli", "quiz.engine", "quiz.storage", "quiz.phones", "quiz.phones.server",
]


def test_core_imports_and_validates_with_pygame_blocked() -> None:
    script = (
        "import sys\n"
        "sys.modules['pygame'] = None  # any 'import pygame' now raises ImportError\n"
        f"for name in {PURE_MODULES!r}:\n"
        "    __import__(name)\n"
        "from quiz.cli import main\n"
        "from quiz.paths import builtin_packs_dir\n"
        "sys.exit(main(['packs', 'validate', str(builtin_packs_dir())]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "0 errors" in done.stdout
    assert "pygame" not in done.stderr
