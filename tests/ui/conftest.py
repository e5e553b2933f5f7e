"""UI tests run headless: dummy SDL video and audio, a manual clock, a temporary home folder."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

# Chosen before anything imports pygame: no window, no sound card.
os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from quiz.ui.driver import Driver


@pytest.fixture
def driver() -> Iterator[Driver]:
    """The game on its title screen, with the built-in packs."""
    drv = Driver.open()
    yield drv
    drv.close()
