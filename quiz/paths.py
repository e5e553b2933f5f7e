"""Where the game finds its shipped data and keeps the player's own files.

Shipped data (`questions/`, `assets/`) lives at the top of a source checkout
and inside the package in an installed wheel; both are looked for. The user
data root comes from platformdirs and can be overridden with HEAT_QUIZ_HOME
(tests always do, so they never touch a real home directory).
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "heat-quiz"
HOME_ENV = "HEAT_QUIZ_HOME"

_PACKAGE_DIR = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    # Installed wheel: quiz/<name>. Source checkout or editable install: <repo>/<name>.
    for candidate in (_PACKAGE_DIR / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    return _PACKAGE_DIR / name


def builtin_packs_dir() -> Path:
    return _shipped("questions")


def assets_dir() -> Path:
    return _shipped("assets")


def data_root() -> Path:
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override)
    return Path(user_data_dir(APP_NAME, appauthor=False))


def user_packs_dir() -> Path:
    return data_root() / "packs"


def scores_path() -> Path:
    return data_root() / "scores.json"


def settings_path() -> Path:
    return data_root() / "settings.json"


def history_path() -> Path:
    return data_root() / "history.json"
