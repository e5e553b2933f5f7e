"""Every party scene rendered to PNG with eight players, and the longest names fitting their boxes."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from ui_helpers import assert_distinct_pictures

from quiz.engine.config import MAX_NAME_LENGTH
from quiz.paths import assets_dir
from quiz.ui.party_tour import PARTY_SCENES, party_tour
from quiz.ui.resources import Resources
from quiz.ui.scenes.party.question_base import STRIP
from quiz.ui.widgets.lobby_view import card_rects
from quiz.ui.widgets.names import name_surface
from quiz.ui.widgets.player_card import strip_rects


def test_every_party_scene_renders_to_png(tmp_path: Path) -> None:
    saved = party_tour(tmp_path)
    assert set(saved) == set(PARTY_SCENES)
    assert_distinct_pictures(saved)


@pytest.fixture
def res() -> Resources:
    pygame.init()
    return Resources(assets_dir())


WIDEST = "W" * MAX_NAME_LENGTH


@pytest.mark.parametrize(
    "where, width, max_size",
    [
        ("compact card in a strip of eight", strip_rects(8, STRIP)[0].width - 90, 28),
        ("lobby card", card_rects()[0].width - 20, 36),
        ("scoreboard row", 376 - 66 - 40 - 96, 30),
    ],
)
def test_the_widest_sixteen_letter_name_fits_on_one_line(
    res: Resources, where: str, width: int, max_size: int
) -> None:
    surface = name_surface(res, WIDEST, width, (255, 255, 255), max_size)
    assert surface.get_width() <= width, where
    assert surface.get_height() >= res.font(14).get_height() - 2, f"{where}: unreadably small"
    normal = name_surface(res, "Vincent Hanna LA", width, (255, 255, 255), max_size)
    assert normal.get_height() >= res.font(20).get_height(), f"{where}: a usual long name"
