"""Player names on one line: the largest size that fits the box, never wrapped.

A wrapped name reads as two players; so names shrink instead, and only the
widest sixteen letters at the smallest size are squeezed to the box.
"""

from __future__ import annotations

import pygame

from quiz.textsafe import for_screen
from quiz.ui.layout_log import ink_of
from quiz.ui.resources import Resources
from quiz.ui.theme import Colour

MIN_SIZE = 14


def name_surface(
    res: Resources, text: str, width: int, colour: Colour, max_size: int
) -> pygame.Surface:
    text = for_screen(text)

    def make() -> pygame.Surface:
        size = max_size
        while size > MIN_SIZE and res.font(size).size(text)[0] > width:
            size -= 1
        surface = res.font(size).render(text, True, colour)
        if surface.get_width() > width:
            height = max(1, surface.get_height() * width // surface.get_width())
            surface = pygame.transform.smoothscale(surface, (width, height))
        return surface

    return res.memo(("name", text, width, colour, max_size, res.face), make)


def draw_name(
    res: Resources,
    surface: pygame.Surface,
    text: str,
    rect: pygame.Rect,
    colour: Colour,
    max_size: int,
    align: str = "left",
) -> pygame.Rect:
    """Blit a name into `rect`, vertically centred, aligned left, centre or right."""
    rendered = name_surface(res, text, rect.width, colour, max_size)
    anchors = {"left": "midleft", "center": "center", "right": "midright"}
    point = getattr(rect, anchors[align])
    box = rendered.get_rect(**{anchors[align]: point})
    surface.blit(rendered, box)
    if res.layout is not None:
        res.layout.place(surface, text, (text,), (ink_of(rendered, box),), rect, framed=False)
    return box
