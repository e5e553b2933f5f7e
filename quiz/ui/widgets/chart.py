"""A bar chart of points per round, drawn straight onto the canvas."""

from __future__ import annotations

import pygame

from quiz.ui import theme
from quiz.ui.resources import Resources
from quiz.ui.widgets.draw import ease_out, label, panel


def draw_bars(
    surface: pygame.Surface,
    res: Resources,
    rect: pygame.Rect,
    values: tuple[int, ...],
    final_last: bool = True,
    grow: float = 1.0,
    slots: int | None = None,
) -> None:
    """Bars for each value with its number above and R1.. (or Final) below; `grow` animates 0..1.

    With `slots` larger than len(values), rounds still to play show as empty outlines.
    """
    played = len(values)
    count = max(played, slots or 0)
    if not count:
        return
    base = rect.bottom - 30
    pygame.draw.line(surface, theme.PANEL_EDGE, (rect.x, base), (rect.right, base), 2)
    top = max(max(values, default=0), 1)
    slot = rect.width / count
    width = min(90, int(slot * 0.6))
    height_room = rect.height - 70
    for i in range(count):
        cx = int(rect.x + slot * (i + 0.5))
        final = final_last and i == count - 1 and count > 1
        name = "Final" if final else f"R{i + 1}"
        label(res, surface, name, theme.TINY_SIZE + 2, theme.TEXT_DIM, (cx, rect.bottom - 14))
        if i >= played:
            ghost = pygame.Rect(cx - width // 2, base - 24, width, 24)
            pygame.draw.rect(surface, theme.PANEL_EDGE, ghost, 2, border_radius=6)
            continue
        value = values[i]
        h = int(height_room * max(0, value) / top * ease_out(grow - i * 0.08))
        bar = pygame.Rect(cx - width // 2, base - h, width, h)
        colour = theme.AMBER if final else theme.STEEL_LIGHT
        if h > 0:
            pygame.draw.rect(
                surface, colour, bar, border_top_left_radius=6, border_top_right_radius=6
            )
        label(res, surface, f"{value:,}", theme.TINY_SIZE + 2, theme.TEXT, (cx, bar.top - 14))


def draw_round_chart(
    surface: pygame.Surface,
    res: Resources,
    rect: pygame.Rect,
    values: tuple[int, ...],
    grow: float,
    slots: int | None = None,
) -> None:
    """A panel titled "Points per round" holding the bars (see draw_bars)."""
    surface.blit(panel(res, rect.size), rect)
    label(
        res,
        surface,
        "Points per round",
        theme.SMALL_SIZE,
        theme.TEXT_DIM,
        (rect.centerx, rect.y + 36),
    )
    chart = pygame.Rect(rect.x + 30, rect.y + 80, rect.width - 60, rect.height - 110)
    draw_bars(surface, res, chart, values, grow=grow, slots=slots)
