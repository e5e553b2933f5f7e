"""Every scene rendered to PNG by a scripted tour, and the text-fitting that keeps words in boxes."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from ui_helpers import assert_distinct_pictures

from quiz.paths import assets_dir
from quiz.ui.resources import Resources, wrap
from quiz.ui.tour import SCENES, tour


def test_every_scene_renders_to_png(tmp_path: Path) -> None:
    saved = tour(tmp_path)
    assert set(saved) == set(SCENES)
    assert_distinct_pictures(saved)


@pytest.fixture
def res() -> Resources:
    pygame.init()
    return Resources(assets_dir())


def test_long_text_shrinks_until_it_fits_its_box(res: Resources) -> None:
    text = "Which actor plays the detective who chases McCauley across Los Angeles? " * 3
    fitted = res.fit(text, (600, 120), (255, 255, 255), 52)
    assert fitted.size < 52
    font = res.font(fitted.size)
    assert all(font.size(line)[0] <= 600 for line in fitted.lines)
    assert fitted.surface.get_height() <= 120
    short = res.fit("Heat", (600, 120), (255, 255, 255), 52)
    assert short.size == 52 and short.lines == ("Heat",)


def test_wrap_breaks_words_longer_than_the_box(res: Resources) -> None:
    font = res.font(30)
    lines = wrap("A" * 80 + " end", font, 200)
    assert len(lines) > 2
    assert all(font.size(line)[0] <= 200 for line in lines)
    assert "".join(lines).replace(" end", "") == "A" * 80


def test_text_and_fonts_are_cached(res: Resources) -> None:
    assert res.font(40) is res.font(40)
    assert res.text("Heat", 40, (1, 2, 3)) is res.text("Heat", 40, (1, 2, 3))
    assert res.fit("Heat", (100, 50), (1, 2, 3), 40) is res.fit("Heat", (100, 50), (1, 2, 3), 40)
