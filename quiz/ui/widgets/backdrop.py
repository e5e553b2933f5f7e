"""The night-time Los Angeles backdrop: a sky gradient over a lit downtown skyline.

Drawn once (seeded, so it is the same every run) and blitted every frame.
"""

from __future__ import annotations

import random

import pygame

from quiz.ui import theme
from quiz.ui.resources import Resources
from quiz.ui.widgets.draw import lerp


def _make(size: tuple[int, int], dim: bool) -> pygame.Surface:
    width, height = size
    surface = pygame.Surface(size)
    horizon = int(height * 0.78)
    top, low, glow = theme.NIGHT, theme.NIGHT_HIGH, (70, 52, 48)
    for y in range(height):
        t = y / horizon
        if t <= 1:
            # Dark at the top, city glow just above the horizon.
            base = [lerp(top[i], low[i], t**1.6) for i in range(3)]
            warm = max(0.0, (t - 0.75) / 0.25)
            colour = [lerp(base[i], glow[i], warm * 0.55) for i in range(3)]
        else:
            colour = [c * 0.6 for c in low]
        pygame.draw.line(surface, [int(c) for c in colour], (0, y), (width, y))
    del colour
    rng = random.Random(1995)
    for _ in range(90):
        x, y = rng.randrange(width), rng.randrange(int(horizon * 0.6))
        shade = rng.randrange(90, 170)
        surface.set_at((x, y), (shade, shade, min(255, shade + 30)))
    # Two rows of buildings: far ones lighter and lower, near ones darker with lit windows.
    for row, (wall, min_h, max_h, lit) in enumerate(
        (((22, 34, 60), 40, 150, 0.12), ((10, 16, 30), 60, 230, 0.22))
    ):
        x = -rng.randrange(40)
        while x < width:
            w = rng.randrange(40, 110)
            h = rng.randrange(min_h, max_h)
            if rng.random() < 0.12:
                h += rng.randrange(80, 160)  # a downtown tower
            rect = pygame.Rect(x, horizon - h + row * 30, w, h + height)
            pygame.draw.rect(surface, wall, rect)
            for wy in range(rect.top + 8, horizon + row * 30 - 6, 12):
                for wx in range(rect.left + 6, rect.right - 6, 10):
                    if rng.random() < lit:
                        warm = rng.random() < 0.7
                        light = (255, 196, 92) if warm else (170, 200, 240)
                        bright = rng.uniform(0.35, 0.9)
                        surface.fill([int(c * bright) for c in light], (wx, wy, 4, 5))
            x += w + rng.randrange(2, 14)
    # Street lights along the freeway.
    for x in range(0, width, 26):
        pygame.draw.circle(surface, (255, 170, 60), (x + 8, height - 34), 2)
    if dim:
        veil = pygame.Surface(size, pygame.SRCALPHA)
        veil.fill((4, 8, 20, 150))
        surface.blit(veil, (0, 0))
    return surface.convert()


def backdrop(res: Resources, dim: bool = True) -> pygame.Surface:
    """The full 1280x720 backdrop; `dim` darkens it behind busy screens."""
    return res.memo(("backdrop", dim), lambda: _make(theme.LOGICAL_SIZE, dim))
