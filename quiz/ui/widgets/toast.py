"""A short message over whatever scene is showing, e.g. that a setting could not be saved."""

from __future__ import annotations

import pygame

from quiz.ui import theme
from quiz.ui.resources import Resources
from quiz.ui.widgets.draw import cover, fitted, panel

# Over the heading rather than the buttons at the bottom, which stay usable meanwhile.
TOAST = pygame.Rect(220, 14, 840, 64)  # clear of the Back button at the top left


def draw_toast(surface: pygame.Surface, res: Resources, text: str) -> None:
    surface.blit(panel(res, TOAST.size, theme.NIGHT, theme.WRONG, 255, width=3), TOAST)
    cover(res, surface, TOAST)
    fitted(res, surface, text, TOAST.inflate(-40, -12), theme.TEXT, theme.SMALL_SIZE)
