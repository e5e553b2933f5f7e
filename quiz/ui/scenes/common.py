"""Pieces many scenes share: the backdrop, a heading, the hint bar, a Back button, menu sounds."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar

import pygame

from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.resources import Resources
from quiz.ui.widgets.backdrop import backdrop
from quiz.ui.widgets.draw import cover, hover_button, label, panel
from quiz.ui.widgets.menu import Menu, MenuEvent

if TYPE_CHECKING:
    from quiz.ui.session import Session

T = TypeVar("T")

BACK_RECT = pygame.Rect(theme.MARGIN, 28, 150, 52)


def step_choice(
    options: Sequence[T], current: T, step: int, wrap: bool = False
) -> T:
    """The option `step` places from `current`: arrows stop at the ends, `wrap` goes round.

    Left/Right on a spinner stop at its first and last value (one round never turns into
    twenty); Enter or a click, which can only go forward, wraps so every value is reachable.
    """
    index = options.index(current) if current in options else 0
    if wrap:
        return options[(index + step) % len(options)]
    return options[max(0, min(len(options) - 1, index + step))]


def draw_background(surface: pygame.Surface, res: Resources, dim: bool = True) -> None:
    surface.blit(backdrop(res, dim), (0, 0))
    cover(res, surface, surface.get_rect())


def draw_heading(surface: pygame.Surface, res: Resources, text: str, y: int = 54) -> None:
    label(res, surface, text, theme.HEADING_SIZE, theme.AMBER, (640, y), shadow=True)


def draw_hints(surface: pygame.Surface, res: Resources, text: str, opaque: bool = False) -> None:
    """The input help along the bottom edge; `opaque` hides the help of a scene below."""
    bar = panel(res, (1280, 44), theme.NIGHT, None, 255 if opaque else 200, radius=0)
    surface.blit(bar, (0, 676))
    if opaque:
        cover(res, surface, pygame.Rect(0, 676, 1280, 44))
    label(res, surface, text, theme.TINY_SIZE, theme.TEXT_DIM, (640, 698))


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


class BackButton:
    """The Back button in the top-left corner, lit while the pointer is over it."""

    def __init__(self) -> None:
        self.hover = False

    def follow(self, action: PlayerAction) -> None:
        """Light the button while the pointer is over it."""
        hover = hovering_back(action)
        if hover is not None:
            self.hover = hover

    def handle(self, action: PlayerAction) -> bool:
        """Follow the pointer; True when `action` means going back."""
        self.follow(action)
        return is_back(action)

    def draw(self, surface: pygame.Surface, res: Resources) -> None:
        hover_button(res, surface, BACK_RECT, "Back", self.hover)


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
