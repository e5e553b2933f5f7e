"""Player cards for party screens: avatar, name, the player's keys, and a status badge.

One card per player in a strip along the bottom of a question: one row of up
to four tall cards, or two rows of compact ones for five to eight players.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from quiz.ui import theme
from quiz.ui.resources import Resources
from quiz.ui.roster import PartyPlayer, is_phone
from quiz.ui.theme import Colour
from quiz.ui.widgets.avatar import (
    LEGEND_ROW,
    avatar,
    chips_width,
    key_chips,
    key_legend,
    legend_rows,
)
from quiz.ui.widgets.draw import glow, label, panel, within
from quiz.ui.widgets.names import draw_name

COLUMNS = 4


@dataclass(frozen=True)
class CardLook:
    status: str = ""  # the badge on the right: "LOCKED IN", "BUZZED", a score...
    status_fill: Colour | None = None  # None: plain text, no badge
    status_text: Colour = theme.TEXT
    highlight: bool = False  # a thick edge in the player's colour (their turn, buzzed)
    dim: bool = False  # greyed: not their turn, locked out, waiting for a controller
    lift: int = 0  # pixels the card jumps up (a lock-in bounce)


def strip_rects(count: int, area: pygame.Rect, gap: int = 12) -> list[pygame.Rect]:
    """Cards filling `area`: one row up to four players, then two rows, centred."""
    rows = 1 if count <= COLUMNS else 2
    per_row = min(count, COLUMNS) if rows == 1 else (count + 1) // 2
    width = (area.width - gap * (COLUMNS - 1)) // COLUMNS
    height = (area.height - gap * (rows - 1)) // rows
    rects = []
    for index in range(count):
        row, col = divmod(index, per_row)
        in_row = per_row if row < rows - 1 else count - per_row * (rows - 1)
        left = area.x + (area.width - (in_row * width + (in_row - 1) * gap)) // 2
        rects.append(
            pygame.Rect(left + col * (width + gap), area.y + row * (height + gap), width, height)
        )
    return rects


def draw_card(
    surface: pygame.Surface,
    res: Resources,
    rect: pygame.Rect,
    player: PartyPlayer,
    keys: tuple[str, ...],
    look: CardLook,
) -> None:
    rect = rect.move(0, -look.lift)
    with within(res, rect):
        _draw_card(surface, res, rect, player, keys, look)


def _draw_card(
    surface: pygame.Surface,
    res: Resources,
    rect: pygame.Rect,
    player: PartyPlayer,
    keys: tuple[str, ...],
    look: CardLook,
) -> None:
    tall = rect.height >= 100
    edge = player.rgb if look.highlight else theme.PANEL_EDGE
    if look.highlight:
        surface.blit(glow(res, rect.size, player.rgb, 12), rect.move(-12, -12))
    fill = theme.NIGHT if look.dim else theme.PANEL
    surface.blit(panel(res, rect.size, fill, edge, 240, width=4 if look.highlight else 2), rect)
    stripe = pygame.Rect(rect.x + 2, rect.y + 8, 6, rect.height - 16)
    pygame.draw.rect(surface, player.rgb, stripe, border_radius=3)
    size = min(rect.height - 18, 76)
    surface.blit(
        avatar(res, player.icon_name, player.rgb, size, look.dim),
        (rect.x + 16, rect.centery - size // 2),
    )
    left = rect.x + 26 + size
    right = rect.right - 12
    name_h = 44 if tall else rect.height // 2 - 4
    name_rect = pygame.Rect(left, rect.y + (10 if tall else 5), right - left, name_h)
    name_colour = theme.TEXT_DIM if look.dim else theme.TEXT
    draw_name(res, surface, player.name, name_rect, name_colour, 40 if tall else 28)
    chip = 30 if tall else 21
    chip_y = rect.bottom - chip - (14 if tall else 8)
    if player.waiting:
        label(
            res,
            surface,
            "no controller",
            theme.TINY_SIZE,
            theme.WRONG,
            (left, chip_y + chip // 2),
            "midleft",
        )
    elif is_phone(player.device) and not look.status:
        note = player.phone_note
        text, colour = (note, theme.AMBER) if note else ("phone", theme.TEXT_DIM)
        label(res, surface, text, theme.TINY_SIZE, colour, (left, chip_y + chip // 2), "midleft")
    elif keys:
        key_chips(res, surface, keys, (left, chip_y), chip, gap=4 if tall else 3, dim=look.dim)
    if look.status and tall:
        # Room for three lines: name, then the status, then the keys.
        _badge(surface, res, look, (left, (name_rect.bottom + chip_y) // 2), "midleft", tall)
    elif look.status:
        _badge(surface, res, look, (right, chip_y + chip // 2), "midright", tall)


def _badge(
    surface: pygame.Surface,
    res: Resources,
    look: CardLook,
    at: tuple[int, int],
    anchor: str,
    tall: bool,
) -> None:
    size = theme.SMALL_SIZE - 2 if tall else theme.TINY_SIZE - 2
    if look.status_fill is None:
        label(res, surface, look.status, size, look.status_text, at, anchor)
        return
    text = res.text(look.status, size, look.status_text)
    box = pygame.Rect(0, 0, text.get_width() + (18 if tall else 12), text.get_height() + 8)
    setattr(box, anchor, at)
    surface.blit(panel(res, box.size, look.status_fill, None, 255, radius=box.height // 2), box)
    label(res, surface, look.status, size, look.status_text, box.center, box=box)


def draw_lobby_card(
    surface: pygame.Surface,
    res: Resources,
    rect: pygame.Rect,
    player: PartyPlayer,
    keys: tuple[str, ...],
    focused: bool,
    bounce: int = 0,
) -> None:
    """A seated player in the lobby: big avatar, name, keys, and what their keys do here."""
    rect = rect.move(0, -bounce)
    with within(res, rect):
        _draw_lobby_card(surface, res, rect, player, keys, focused)


def _draw_lobby_card(
    surface: pygame.Surface,
    res: Resources,
    rect: pygame.Rect,
    player: PartyPlayer,
    keys: tuple[str, ...],
    focused: bool,
) -> None:
    if focused:
        surface.blit(glow(res, rect.size, theme.AMBER, 14), rect.move(-14, -14))
    edge = theme.AMBER if focused else player.rgb
    surface.blit(panel(res, rect.size, theme.PANEL, edge, 245, width=3), rect)
    band = pygame.Rect(rect.x + 3, rect.y + 3, rect.width - 6, 10)
    pygame.draw.rect(
        surface, player.rgb, band, border_top_left_radius=12, border_top_right_radius=12
    )
    keyboard = not player.waiting and not is_phone(player.device)
    # What the 2nd, 3rd and 4th keys do here, each key drawn as the cap in the row above.
    legend = (
        [(keys[1], 1, "colour"), (keys[2], 2, "icon"), (keys[3], 3, "leave")]
        if keyboard and len(keys) == 4 and rect.height >= 200
        else []
    )
    legend_h = len(legend_rows(res, legend, rect.width - 16)) * LEGEND_ROW if legend else 0
    # Laid out from the bottom up, so the keys stay on the card however short it is.
    chip = 30
    chips_y = rect.bottom - 10 - chip - legend_h
    name = pygame.Rect(rect.x + 10, chips_y - 42, rect.width - 20, 38)
    size = max(24, min(96, name.y - rect.y - 22))
    surface.blit(
        avatar(res, player.icon_name, player.rgb, size),
        (rect.centerx - size // 2, (rect.y + 14 + name.y - size) // 2),
    )
    draw_name(res, surface, player.name, name, theme.TEXT, 36, "center")
    if player.waiting:
        label(
            res,
            surface,
            "controller lost",
            theme.TINY_SIZE,
            theme.WRONG,
            (rect.centerx, chips_y + chip // 2),
        )
        return
    if is_phone(player.device):
        note = player.phone_note
        text, colour = (note, theme.AMBER) if note else ("on a phone", theme.STEEL_LIGHT)
        label(res, surface, text, theme.TINY_SIZE, colour, (rect.centerx, chips_y + chip // 2))
        return
    width = chips_width(res, keys, chip)
    key_chips(res, surface, keys, (rect.centerx - width // 2, chips_y), chip)
    if legend:
        key_legend(res, surface, legend, rect, chips_y + chip + 4)


def draw_empty_card(
    surface: pygame.Surface,
    res: Resources,
    rect: pygame.Rect,
    number: int,
    keys: tuple[str, ...] | None,
) -> None:
    """A free seat: how to sit down in it (a free keyboard zone, or any gamepad)."""
    with within(res, rect):
        _draw_empty_card(surface, res, rect, number, keys)


def _draw_empty_card(
    surface: pygame.Surface,
    res: Resources,
    rect: pygame.Rect,
    number: int,
    keys: tuple[str, ...] | None,
) -> None:
    surface.blit(panel(res, rect.size, theme.NIGHT, theme.PANEL_EDGE, 150), rect)
    label(
        res,
        surface,
        f"Player {number}",
        theme.SMALL_SIZE,
        theme.TEXT_DIM,
        (rect.centerx, rect.y + 40),
    )
    short = rect.height < 200  # the lobby with the phones' join panel under the seats
    if short:
        label(
            res,
            surface,
            "keys, pad or phone",
            theme.TINY_SIZE,
            theme.TEXT_DIM,
            (rect.centerx, rect.y + 74),
        )
        if keys:
            chip = 30
            width = sum(max(chip, res.font(chip).size(k.upper())[0] + 10) for k in keys) + 4 * (
                len(keys) - 1
            )
            key_chips(res, surface, keys, (rect.centerx - width // 2, rect.y + 98), chip, dim=True)
        return
    label(
        res, surface, "press to join", theme.TINY_SIZE, theme.TEXT_DIM, (rect.centerx, rect.y + 92)
    )
    if keys:
        chip = 30
        width = sum(max(chip, res.font(chip).size(k.upper())[0] + 10) for k in keys) + 4 * (
            len(keys) - 1
        )
        key_chips(res, surface, keys, (rect.centerx - width // 2, rect.y + 112), chip, dim=True)
        label(res, surface, "or", theme.TINY_SIZE, theme.TEXT_DIM, (rect.centerx, rect.y + 164))
    label(
        res,
        surface,
        "A on a gamepad",
        theme.TINY_SIZE,
        theme.TEXT_DIM,
        (rect.centerx, rect.y + (190 if keys else 130)),
    )
