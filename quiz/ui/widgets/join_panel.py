"""The lobby's join panel: the QR code of the phone page, its address in large type, the room code."""

from __future__ import annotations

import pygame
import segno

from quiz.ui import theme
from quiz.ui.resources import Resources
from quiz.ui.widgets.draw import fitted, label, panel

QUIET = 2  # modules of white around the code (phones read it fine on a dark screen with 2)


def qr_surface(text: str, size: int) -> pygame.Surface:
    """`text` as a QR code of `size` pixels square, dark modules on white."""
    matrix = segno.make(text, error="m", micro=False).matrix
    count = len(matrix) + 2 * QUIET
    module = max(1, size // count)
    side = module * count
    surface = pygame.Surface((side, side))
    surface.fill((255, 255, 255))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                rect = ((x + QUIET) * module, (y + QUIET) * module, module, module)
                surface.fill((0, 0, 0), rect)
    if side != size:
        surface = pygame.transform.scale(surface, (size, size))
    return surface


def draw_join_panel(
    surface: pygame.Surface,
    res: Resources,
    area: pygame.Rect,
    qr: pygame.Surface | None,
    address: str,
    code: str,
    note: str,
) -> None:
    surface.blit(panel(res, area.size, theme.NIGHT, theme.AMBER, 230, width=2), area)
    x = area.x + 12
    if qr is not None:
        surface.blit(qr, (area.x + 12, area.centery - qr.get_height() // 2))
        x += qr.get_width() + 20
    text = pygame.Rect(x, area.y + 10, area.right - x - 14, area.height - 20)
    label(
        res,
        surface,
        "Join on your phone: scan, or open",
        theme.SMALL_SIZE,
        theme.STEEL_LIGHT,
        (text.x, text.y + 14),
        "midleft",
    )
    fitted(
        res,
        surface,
        address,
        pygame.Rect(text.x, text.y + 32, text.width, 64),
        theme.TEXT,
        56,
        "left",
        24,
    )
    label(
        res,
        surface,
        "Room code",
        theme.SMALL_SIZE,
        theme.STEEL_LIGHT,
        (text.x, text.y + 120),
        "midleft",
    )
    label(res, surface, code, 60, theme.AMBER, (text.x + 150, text.y + 120), "midleft")
    fitted(
        res,
        surface,
        note,
        pygame.Rect(text.x, text.bottom - 40, text.width, 40),
        theme.TEXT_DIM,
        theme.TINY_SIZE + 2,
        "left",
    )
