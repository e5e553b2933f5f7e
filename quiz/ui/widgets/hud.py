"""The in-game header: round and category, question counter, score and streak, countdown bar."""

from __future__ import annotations

import pygame

from quiz.ui import theme
from quiz.ui.resources import Resources
from quiz.ui.widgets.draw import fitted, label, lerp, panel

BAR = pygame.Rect(48, 84, 1100, 16)
SCORE_POS = (1232, 40)


def draw_header(
    surface: pygame.Surface,
    res: Resources,
    round_text: str,
    counter: str,
    score: int,
    streak: int,
    final: bool = False,
) -> None:
    surface.blit(panel(res, (1280, 74), theme.NIGHT, None, 210, radius=0), (0, 0))
    pygame.draw.line(surface, theme.PANEL_EDGE, (0, 74), (1280, 74), 2)
    fitted(
        res,
        surface,
        round_text,
        pygame.Rect(48, 20, 490, 34),  # one line: long names shrink rather than wrap
        theme.AMBER if final else theme.STEEL_LIGHT,
        theme.SMALL_SIZE + 2,
        "left",
    )
    label(res, surface, counter, theme.SMALL_SIZE + 2, theme.TEXT, (640, 37))
    label(res, surface, f"{score:,}", theme.BODY_SIZE + 6, theme.AMBER, SCORE_POS, "midright")
    if streak >= 2:
        chip = pygame.Rect(0, 0, 130, 36)
        chip.midright = (SCORE_POS[0] - 150, 38)
        surface.blit(panel(res, chip.size, theme.AMBER_DEEP, theme.AMBER, 255, radius=18), chip)
        label(res, surface, f"Streak x{streak}", theme.TINY_SIZE + 2, theme.TEXT, chip.center)


def bar_colour(fraction: float) -> tuple[int, int, int]:
    """Steel while there is time, amber past half, red in the last quarter."""
    if fraction > 0.5:
        return theme.STEEL_LIGHT
    if fraction > 0.25:
        return theme.AMBER
    t = fraction / 0.25
    return tuple(int(lerp(theme.WRONG[i], theme.AMBER[i], t)) for i in range(3))  # type: ignore[return-value]


def draw_countdown(
    surface: pygame.Surface,
    res: Resources,
    left: float | None,
    limit: float | None,
    paused: bool = False,
) -> None:
    """The draining bar and the seconds left; 'Relaxed' when there is no clock."""
    pygame.draw.rect(surface, theme.PANEL, BAR, border_radius=8)
    if left is None or not limit:
        label(
            res, surface, "Relaxed", theme.SMALL_SIZE, theme.TEXT_DIM, (BAR.right + 42, BAR.centery)
        )
        return
    fraction = max(0.0, min(1.0, left / limit))
    fill = BAR.copy()
    fill.width = max(0, round(BAR.width * fraction))
    if fill.width:
        pygame.draw.rect(surface, bar_colour(fraction), fill, border_radius=8)
    seconds = f"{int(left + 0.999)}" if left > 0 else "0"
    colour = theme.WRONG if left <= 5 and not paused else theme.TEXT
    label(res, surface, seconds, theme.BODY_SIZE + 4, colour, (BAR.right + 42, BAR.centery + 2))
