"""Pieces many scenes share: the backdrop, a heading, the hint bar and a Back button."""

from __future__ import annotations

import pygame

from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.resources import Resources
from quiz.ui.widgets.backdrop import backdrop
from quiz.ui.widgets.draw import label, panel

BACK_RECT = pygame.Rect(theme.MARGIN, 28, 150, 52)


def draw_background(surface: pygame.Surface, res: Resources, dim: bool = True) -> None:
    surface.blit(backdrop(res, dim), (0, 0))


def draw_heading(surface: pygame.Surface, res: Resources, text: str, y: int = 54) -> None:
    label(res, surface, text, theme.HEADING_SIZE, theme.AMBER, (640, y), shadow=True)


def draw_hints(surface: pygame.Surface, res: Resources, text: str) -> None:
    """The input help along the bottom edge."""
    bar = panel(res, (1280, 44), theme.NIGHT, None, 200, radius=0)
    surface.blit(bar, (0, 676))
    label(res, surface, text, theme.TINY_SIZE, theme.TEXT_DIM, (640, 698))


def draw_back_button(surface: pygame.Surface, res: Resources, hover: bool = False) -> None:
    fill = theme.AMBER if hover else theme.PANEL
    colour = theme.TEXT_DARK if hover else theme.TEXT
    surface.blit(panel(res, BACK_RECT.size, fill, theme.PANEL_EDGE, 230), BACK_RECT)
    label(res, surface, "Back", theme.SMALL_SIZE, colour, BACK_RECT.center)


def is_back(action: PlayerAction) -> bool:
    """Esc, pad B, right click, or a click on the Back button."""
    if action.action is Action.BACK:
        return True
    return (
        action.action is Action.CLICK
        and action.pos is not None
        and BACK_RECT.collidepoint(action.pos)
    )


def hovering_back(action: PlayerAction) -> bool | None:
    """For POINT actions: whether the pointer is over Back (None for other actions)."""
    if action.action is not Action.POINT or action.pos is None:
        return None
    return BACK_RECT.collidepoint(action.pos)


MENU_HINTS = (
    "Arrows / d-pad: move    Enter / A: choose    Esc / B: back    M: mute    F11: fullscreen"
)
