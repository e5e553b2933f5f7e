"""Pieces many scenes share: the backdrop, a heading, the hint bar, a Back button, menu sounds."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.resources import Resources
from quiz.ui.widgets.backdrop import backdrop
from quiz.ui.widgets.draw import label, panel
from quiz.ui.widgets.menu import Menu, MenuEvent

if TYPE_CHECKING:
    from quiz.ui.session import Session

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


def menu_event(session: Session, menu: Menu, action: PlayerAction) -> MenuEvent | None:
    """Pass `action` to `menu`. A focus move plays the move sound and ends there; any other
    event (activate, left, right) is handed back."""
    event = menu.handle(action)
    if event is not None and event.kind == "focus":
        session.sound.play("move")
        return None
    return event


def menu_pick(session: Session, menu: Menu, action: PlayerAction) -> str | None:
    """For a menu of plain buttons: the move sound as the focus moves, and the select sound
    and the item's key when one is chosen."""
    event = menu_event(session, menu, action)
    if event is None or event.kind != "activate":
        return None
    session.sound.play("select")
    return event.key
