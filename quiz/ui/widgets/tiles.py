"""Answer tiles: colour, shape and number on each, so no answer relies on colour alone."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import pygame

from quiz.ui import theme
from quiz.ui.mark_log import MarkKind
from quiz.ui.resources import Resources
from quiz.ui.theme import Colour
from quiz.ui.widgets.draw import fitted, glow, label, mark, panel, shape_icon


class TileState(Enum):
    NORMAL = "normal"
    REMOVED = "removed"  # taken away by 50:50
    PICKED = "picked"  # the player's choice, not yet judged
    RIGHT = "right"
    WRONG = "wrong"  # the player's wrong pick
    FADED = "faded"  # not chosen, shown after the reveal


def picked_index(answer: object) -> int | None:
    """The tile an engine answer sits on; a bool is a true/false answer, not an index."""
    if isinstance(answer, bool):
        return 0 if answer else 1  # true/false choices are ("True", "False")
    return answer if isinstance(answer, int) else None


@dataclass
class Tile:
    index: int
    text: str
    rect: pygame.Rect
    state: TileState = TileState.NORMAL


def layout(count: int, area: pygame.Rect, gap: int = 16, max_h: int = 132) -> list[pygame.Rect]:
    """Two columns (one row of two for true/false), centred vertically in `area`."""
    columns = 2
    rows = (count + 1) // 2
    width = (area.width - gap) // columns
    height = min(max_h, (area.height - gap * (rows - 1)) // max(rows, 1))
    top = area.y + (area.height - (rows * height + (rows - 1) * gap)) // 2
    rects = []
    for i in range(count):
        row, col = divmod(i, columns)
        rects.append(
            pygame.Rect(area.x + col * (width + gap), top + row * (height + gap), width, height)
        )
    return rects


def tile_at(tiles: list[Tile], pos: tuple[int, int]) -> Tile | None:
    for tile in tiles:
        if tile.rect.collidepoint(pos) and tile.state is not TileState.REMOVED:
            return tile
    return None


def draw_tile(
    surface: pygame.Surface,
    res: Resources,
    tile: Tile,
    focused: bool,
    number: bool = True,
    lift: int = 0,
    tag: str = "",
) -> None:
    """One answer tile; `tag` is a short note pinned to its right end (e.g. "Your pick")."""
    colour = theme.ANSWER_COLOURS[tile.index % len(theme.ANSWER_COLOURS)]
    shape = theme.ANSWER_SHAPES[tile.index % len(theme.ANSWER_SHAPES)]
    rect = tile.rect.move(0, -lift)
    state = tile.state
    text_colour = theme.TEXT
    fill: Colour = colour
    alpha = 255
    edge = None
    if state is TileState.REMOVED:
        fill, alpha, text_colour = theme.PANEL, 110, theme.DISABLED
    elif state is TileState.FADED:
        fill, alpha, text_colour = (
            (colour[0] // 3, colour[1] // 3, colour[2] // 3),
            200,
            theme.TEXT_DIM,
        )
    elif state is TileState.RIGHT:
        fill, edge = theme.RIGHT, (255, 255, 255)
    elif state is TileState.WRONG:
        fill, edge = theme.WRONG, (255, 255, 255)
    elif state is TileState.PICKED:
        edge = theme.AMBER
    if focused and state is not TileState.REMOVED:
        surface.blit(glow(res, rect.size, theme.AMBER, 14), rect.move(-14, -14))
        edge = theme.AMBER
    surface.blit(panel(res, rect.size, fill, edge, alpha, width=4), rect)
    badge = pygame.Rect(rect.x + 14, rect.centery - 32, 64, 64)
    icon_colour = (255, 255, 255) if state is not TileState.REMOVED else theme.DISABLED
    if state in (TileState.RIGHT, TileState.WRONG):
        pygame.draw.circle(surface, (255, 255, 255), badge.center, 28)
        mark(surface, badge.center, state is TileState.RIGHT, fill)
        if res.marks is not None:
            res.marks.add(MarkKind.TICK if state is TileState.RIGHT else MarkKind.CROSS, tile.index)
    else:
        surface.blit(shape_icon(res, shape, 26, icon_colour), badge.move(4, 4))
        if number:
            label(
                res,
                surface,
                str(tile.index + 1),
                theme.SMALL_SIZE - 2,
                fill if state is not TileState.REMOVED else theme.PANEL,
                (badge.centerx, badge.centery + (6 if shape == "triangle" else 2)),
                box=badge,
            )
    text_rect = pygame.Rect(
        badge.right + 14, rect.y + 8, rect.right - badge.right - 30, rect.height - 16
    )
    if tag:
        pill = res.text(tag, theme.TINY_SIZE, theme.TEXT_DARK).get_rect()
        pill.inflate_ip(24, 10)
        pill.midright = (rect.right - 14, rect.centery)
        surface.blit(
            panel(res, pill.size, (255, 255, 255), None, 235, radius=pill.height // 2), pill
        )
        label(res, surface, tag, theme.TINY_SIZE, theme.TEXT_DARK, pill.center, box=pill)
        text_rect.width -= pill.width + 12
    fitted(res, surface, tile.text, text_rect, text_colour, 40, "left", min_size=16)
