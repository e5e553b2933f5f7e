"""Player avatars: a disc in the player's colour with a white icon, and key chips.

Icons differ from the answer shapes (triangle, diamond, circle, square), so a
player is never mistaken for an answer. Every surface is drawn once per look
and size and cached.
"""

from __future__ import annotations

import math

import pygame

from quiz.ui import theme
from quiz.ui.resources import Resources
from quiz.ui.theme import Colour
from quiz.ui.widgets.draw import label, panel, shape_points

Point = tuple[float, float]


def _heart(cx: float, cy: float, r: float) -> list[Point]:
    points = []
    for i in range(48):
        t = 2 * math.pi * i / 48
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        points.append((cx + x * r / 17, cy - y * r / 17 - r * 0.05))
    return points


def _bolt(cx: float, cy: float, r: float) -> list[Point]:
    shape = [(0.15, -1), (-0.6, 0.15), (-0.05, 0.15), (-0.25, 1), (0.6, -0.2), (0.05, -0.2)]
    return [(cx + x * r, cy + y * r) for x, y in shape]


def _crown(cx: float, cy: float, r: float) -> list[Point]:
    shape = [
        (-0.9, 0.6),
        (-0.9, -0.5),
        (-0.45, 0.0),
        (0, -0.8),
        (0.45, 0.0),
        (0.9, -0.5),
        (0.9, 0.6),
    ]
    return [(cx + x * r, cy + y * r) for x, y in shape]


def _cross(cx: float, cy: float, r: float) -> list[Point]:
    a, b = 0.3 * r, 0.85 * r
    shape = [(-a, -b), (a, -b), (a, -a), (b, -a), (b, a), (a, a), (a, b), (-a, b), (-a, a), (-b, a)]
    shape += [(-b, -a), (-a, -a)]
    return [(cx + x, cy + y) for x, y in shape]


def draw_icon(
    surface: pygame.Surface, kind: str, centre: Point, r: float, colour: tuple[int, ...]
) -> None:
    """One icon straight onto `surface` (used when making the cached discs)."""
    cx, cy = centre
    if kind == "star":
        pygame.draw.polygon(surface, colour, shape_points("star", centre, r))
    elif kind == "bolt":
        pygame.draw.polygon(surface, colour, _bolt(cx, cy, r))
    elif kind == "heart":
        pygame.draw.polygon(surface, colour, _heart(cx, cy, r * 0.95))
    elif kind == "moon":
        pygame.draw.circle(surface, colour, (cx, cy), r * 0.8)
        pygame.draw.circle(surface, (0, 0, 0, 0), (cx + r * 0.38, cy - r * 0.28), r * 0.66)
    elif kind == "crown":
        pygame.draw.polygon(surface, colour, _crown(cx, cy, r))
    elif kind == "drop":
        pygame.draw.circle(surface, colour, (cx, cy + r * 0.3), r * 0.55)
        tip = [(cx, cy - r * 0.9), (cx - r * 0.52, cy + r * 0.12), (cx + r * 0.52, cy + r * 0.12)]
        pygame.draw.polygon(surface, colour, tip)
    elif kind == "spade":
        heart = [(x, 2 * cy - y) for x, y in _heart(cx, cy - r * 0.1, r * 0.8)]
        pygame.draw.polygon(surface, colour, heart)
        stem = [(cx, cy + r * 0.2), (cx - r * 0.35, cy + r * 0.9), (cx + r * 0.35, cy + r * 0.9)]
        pygame.draw.polygon(surface, colour, stem)
    elif kind == "cross":
        pygame.draw.polygon(surface, colour, _cross(cx, cy, r))


def avatar(
    res: Resources, kind: str, colour: Colour, diameter: int, dim: bool = False
) -> pygame.Surface:
    """A disc in the player's colour with their icon; `dim` greys it (waiting, locked out)."""

    def make() -> pygame.Surface:
        scale = 3  # drawn large and scaled down: smooth edges without gfxdraw
        big = diameter * scale
        surface = pygame.Surface((big, big), pygame.SRCALPHA)
        fill = tuple(c // 3 + 30 for c in colour) if dim else colour
        pygame.draw.circle(surface, (*fill, 255), (big / 2, big / 2), big / 2)
        pygame.draw.circle(surface, (255, 255, 255, 255), (big / 2, big / 2), big / 2, scale * 2)
        icon = pygame.Surface((big, big), pygame.SRCALPHA)
        draw_icon(icon, kind, (big / 2, big / 2), big * 0.3, (255, 255, 255, 235))
        surface.blit(icon, (0, 0))
        return pygame.transform.smoothscale(surface, (diameter, diameter))

    return res.memo(("avatar", kind, colour, diameter, dim), make)


def key_chip(
    res: Resources,
    surface: pygame.Surface,
    text: str,
    rect: pygame.Rect,
    index: int,
    dim: bool = False,
) -> None:
    """One of a player's four keys, in the colour of the answer it gives (1st key: red...)."""
    colour = theme.ANSWER_COLOURS[index % len(theme.ANSWER_COLOURS)]
    if dim:
        colour = tuple(c // 3 for c in colour)  # type: ignore[assignment]
    surface.blit(panel(res, rect.size, colour, None, 255, radius=6), rect)
    size = max(12, rect.height - 4) if len(text) == 1 else max(12, rect.height - 8)
    colour = theme.TEXT if not dim else theme.TEXT_DIM
    label(res, surface, text.upper(), size, colour, rect.center, box=rect)


def key_chips(
    res: Resources,
    surface: pygame.Surface,
    keys: tuple[str, ...],
    topleft: tuple[int, int],
    size: int,
    gap: int = 4,
    dim: bool = False,
) -> pygame.Rect:
    """A player's keys in a row; returns the area used."""
    x, y = topleft
    for index, key in enumerate(keys):
        width = max(size, res.font(size).size(key.upper())[0] + 10)
        key_chip(res, surface, key, pygame.Rect(x, y, width, size), index, dim)
        x += width + gap
    return pygame.Rect(topleft, (x - gap - topleft[0], size))


def chips_width(res: Resources, keys: tuple[str, ...], size: int, gap: int = 4) -> int:
    widths = [max(size, res.font(size).size(k.upper())[0] + 10) for k in keys]
    return sum(widths) + gap * (len(widths) - 1)



LEGEND_SIZE = theme.TINY_SIZE - 2
LEGEND_ROW = LEGEND_SIZE + 8


def _legend_widths(res: Resources, entry: tuple[str, int, str]) -> tuple[int, int]:
    key, _, word = entry
    chip = LEGEND_SIZE + 4
    return max(chip, res.font(chip).size(key.upper())[0] + 8), res.font(LEGEND_SIZE).size(word)[0]


def legend_rows(
    res: Resources, entries: list[tuple[str, int, str]], width: int
) -> list[list[tuple[str, int, str]]]:
    """The legend's entries in rows that fit `width`, as many to a row as go."""
    rows: list[list[tuple[str, int, str]]] = [[]]
    used = 0
    for entry in entries:
        cap, word = _legend_widths(res, entry)
        need = cap + 4 + word + (12 if rows[-1] else 0)
        if rows[-1] and used + need > width:
            rows.append([])
            used, need = 0, cap + 4 + word
        rows[-1].append(entry)
        used += need
    return rows


def key_legend(
    res: Resources,
    surface: pygame.Surface,
    entries: list[tuple[str, int, str]],
    card: pygame.Rect,
    top: int,
) -> None:
    """Key caps with what they do ("[,] colour  [.] icon"), rows centred on `card` from
    `top`: a bare "," or "." in a line of text reads as punctuation, a cap as a key."""
    chip = LEGEND_SIZE + 4
    for number, row in enumerate(legend_rows(res, entries, card.width - 16)):
        widths = [_legend_widths(res, entry) for entry in row]
        width = sum(cap + 4 + word for cap, word in widths) + 12 * (len(row) - 1)
        x = card.centerx - width // 2
        centre_y = top + number * LEGEND_ROW + LEGEND_ROW // 2
        for (key, index, word), (cap, room) in zip(row, widths):
            key_chip(res, surface, key, pygame.Rect(x, centre_y - chip // 2, cap, chip), index)
            x += cap + 4
            label(res, surface, word, LEGEND_SIZE, theme.TEXT_DIM, (x, centre_y), "midleft")
            x += room + 12
