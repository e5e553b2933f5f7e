"""Small cached drawing helpers shared by widgets and scenes."""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager

import pygame

from quiz.ui import theme
from quiz.ui.layout_log import ink_of
from quiz.ui.resources import Resources
from quiz.ui.theme import Colour


def panel(
    res: Resources,
    size: tuple[int, int],
    fill: Colour = theme.PANEL,
    edge: Colour | None = theme.PANEL_EDGE,
    alpha: int = 235,
    radius: int = theme.RADIUS,
    width: int = 2,
) -> pygame.Surface:
    """A translucent rounded panel, made once per look and size."""

    def make() -> pygame.Surface:
        surface = pygame.Surface(size, pygame.SRCALPHA)
        rect = surface.get_rect()
        pygame.draw.rect(surface, (*fill, alpha), rect, border_radius=radius)
        if edge is not None and width:
            pygame.draw.rect(surface, (*edge, 255), rect, width, border_radius=radius)
        return surface

    return res.memo(("panel", size, fill, edge, alpha, radius, width), make)


def shape_points(kind: str, centre: tuple[float, float], r: float) -> list[tuple[float, float]]:
    cx, cy = centre
    if kind == "triangle":
        return [
            (cx + r * math.cos(a), cy + r * math.sin(a) + r * 0.15)
            for a in (-math.pi / 2, math.pi / 6, 5 * math.pi / 6)
        ]
    if kind == "diamond":
        return [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]
    if kind == "square":
        s = r * 0.8
        return [(cx - s, cy - s), (cx + s, cy - s), (cx + s, cy + s), (cx - s, cy + s)]
    if kind == "star":
        points = []
        for i in range(10):
            radius = r if i % 2 == 0 else r * 0.45
            angle = -math.pi / 2 + i * math.pi / 5
            points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
        return points
    if kind == "hexagon":
        return [
            (cx + r * math.cos(a), cy + r * math.sin(a))
            for a in (i * math.pi / 3 for i in range(6))
        ]
    return []


def shape_icon(res: Resources, kind: str, radius: int, colour: Colour) -> pygame.Surface:
    """A filled shape (triangle, diamond, circle, square, star, hexagon) on a transparent square."""

    def make() -> pygame.Surface:
        side = radius * 2 + 4
        surface = pygame.Surface((side, side), pygame.SRCALPHA)
        centre = (side / 2, side / 2)
        if kind == "circle":
            pygame.draw.circle(surface, colour, centre, radius * 0.85)
        else:
            pygame.draw.polygon(surface, colour, shape_points(kind, centre, radius))
        return surface

    return res.memo(("shape", kind, radius, colour), make)


def label(
    res: Resources,
    surface: pygame.Surface,
    text: str,
    size: int,
    colour: Colour,
    pos: tuple[int, int],
    anchor: str = "center",
    shadow: bool = False,
    box: pygame.Rect | None = None,
) -> pygame.Rect:
    """Blit cached text with its `anchor` (a pygame.Rect attribute name) at `pos`.

    `box` is where the text belongs (a button, a badge) for the layout check; without it,
    the box opened with `within`, else the canvas."""
    rendered = res.text(text, size, colour)
    rect = rendered.get_rect(**{anchor: pos})
    if shadow:
        surface.blit(res.text(text, size, (0, 0, 0)), rect.move(3, 3))
    surface.blit(rendered, rect)
    if res.layout is not None:
        res.layout.place(surface, text, (text,), (ink_of(rendered, rect),), box)
    return rect


def fitted(
    res: Resources,
    surface: pygame.Surface,
    text: str,
    rect: pygame.Rect,
    colour: Colour,
    max_size: int,
    align: str = "center",
    min_size: int = 14,
) -> int:
    """Wrap and shrink text into rect (vertically centred); returns the size used."""
    block = res.fit(text, rect.size, colour, max_size, min_size, align)  # type: ignore[arg-type]
    at = block.surface.get_rect(center=rect.center)
    surface.blit(block.surface, at)
    if res.layout is not None:
        area = block.surface.get_rect()
        ink = [
            block.surface.subsurface(line.clip(area)).get_bounding_rect().move(line.clip(area).topleft)
            for line in block.line_rects
        ]
        res.layout.place(
            surface,
            text,
            block.lines,
            [r.move(at.topleft) for r in ink],
            rect,
            block.needed.move(at.topleft),
            framed=False,
        )
    return block.size


@contextmanager
def within(res: Resources, box: pygame.Rect) -> Iterator[None]:
    """For the layout check: the texts drawn in the block belong to `box` (a card, a panel)."""
    if res.layout is None:
        yield
        return
    with res.layout.within(box):
        yield


def cover(res: Resources, surface: pygame.Surface, rect: pygame.Rect) -> None:
    """For the layout check: an opaque panel now hides the texts drawn under `rect`."""
    if res.layout is not None:
        res.layout.cover(surface, rect)


def hover_button(
    res: Resources,
    surface: pygame.Surface,
    rect: pygame.Rect,
    text: str,
    hover: bool,
    size: int = theme.SMALL_SIZE,
) -> None:
    """A plain button (Back, Pause) that turns amber while the pointer is over it."""
    fill = theme.AMBER if hover else theme.PANEL
    surface.blit(panel(res, rect.size, fill, theme.PANEL_EDGE, 230), rect)
    colour = theme.TEXT_DARK if hover else theme.TEXT
    label(res, surface, text, size, colour, rect.center, box=rect)


def glow(res: Resources, size: tuple[int, int], colour: Colour, spread: int = 12) -> pygame.Surface:
    """A soft halo drawn behind a focused or highlighted rect."""

    def make() -> pygame.Surface:
        w, h = size[0] + spread * 2, size[1] + spread * 2
        surface = pygame.Surface((w, h), pygame.SRCALPHA)
        for i in range(spread, 0, -2):
            alpha = int(90 * (1 - i / spread) ** 2) + 8
            rect = pygame.Rect(spread - i, spread - i, size[0] + 2 * i, size[1] + 2 * i)
            pygame.draw.rect(surface, (*colour, alpha), rect, 2, border_radius=theme.RADIUS + i)
        return surface

    return res.memo(("glow", size, colour, spread), make)


def mark(
    surface: pygame.Surface,
    centre: tuple[int, int],
    right: bool,
    colour: Colour,
    size: int = 14,
    width: int = 6,
) -> None:
    """A tick for right, a cross for wrong: drawn, so no font needs the glyphs."""
    cx, cy = centre
    if right:
        points = [
            (cx - size, cy),
            (cx - size // 3, cy + size * 2 // 3),
            (cx + size, cy - size * 2 // 3),
        ]
        pygame.draw.lines(surface, colour, False, points, width)
    else:
        s = size * 3 // 4
        pygame.draw.line(surface, colour, (cx - s, cy - s), (cx + s, cy + s), width)
        pygame.draw.line(surface, colour, (cx - s, cy + s), (cx + s, cy - s), width)


def lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * max(0.0, min(1.0, t))


def ease_out(t: float) -> float:
    t = max(0.0, min(1.0, t))
    return 1 - (1 - t) ** 3
