"""How the lobby looks: eight seats in two rows, and the help under the menu.

Kept apart from the lobby scene, which owns the input and the roster.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from quiz.engine import Mode
from quiz.engine.config import MAX_PLAYERS
from quiz.ui import theme
from quiz.ui.resources import Resources
from quiz.ui.roster import PartyPlayer
from quiz.ui.theme import Colour
from quiz.ui.widgets.draw import fitted, label, panel
from quiz.ui.widgets.player_card import draw_empty_card, draw_lobby_card

GRID = pygame.Rect(48, 124, 780, 476)
COLUMNS, ROWS = 4, 2
HELP = pygame.Rect(852, 470, 380, 196)
MODE_HELP = {
    Mode.EVERYONE: "Everyone answers at once, in secret: a card shows who has locked in, never "
    "what. Faster right answers score more.",
    Mode.BUZZ: "Race to buzz with any of your keys, then answer within 5 seconds. A wrong "
    "answer costs points and locks you out of that question.",
    Mode.TURNS: "Pass and play: each question belongs to one player, in turn. Typed answers "
    "are typed on the keyboard.",
}
FOUR_KEYS = (
    "Four keys each: a question shows at most four answers, and order questions have at most "
    "four items, put in order by pressing your keys one after another."
)


@dataclass(frozen=True)
class Seat:
    player: PartyPlayer
    keys: tuple[str, ...]
    hop: int = 0  # pixels the card jumps when its player presses a key


def card_rects(grid: pygame.Rect | None = None) -> list[pygame.Rect]:
    grid = grid or GRID
    gap = 12
    width = (grid.width - gap * (COLUMNS - 1)) // COLUMNS
    height = (grid.height - gap * (ROWS - 1)) // ROWS
    return [
        pygame.Rect(grid.x + c * (width + gap), grid.y + r * (height + gap), width, height)
        for r in range(ROWS)
        for c in range(COLUMNS)
    ]


def draw_seats(
    surface: pygame.Surface,
    res: Resources,
    cards: list[pygame.Rect],
    seats: list[Seat],
    focus: int | None,
    free_zones: list[tuple[str, ...]],
) -> None:
    """Seated players first; each free seat shows a free keyboard zone that could sit there."""
    count = len(seats)
    label(
        res,
        surface,
        f"{count} of {MAX_PLAYERS} players",
        theme.SMALL_SIZE,
        theme.STEEL_LIGHT,
        (GRID.x, 104),
        "midleft",
    )
    label(
        res,
        surface,
        "Join: press any of your keys, or a button on a gamepad",
        theme.SMALL_SIZE,
        theme.TEXT_DIM,
        (GRID.right, 104),
        "midright",
    )
    for index, rect in enumerate(cards):
        if index < count:
            seat = seats[index]
            draw_lobby_card(surface, res, rect, seat.player, seat.keys, focus == index, seat.hop)
        else:
            spare = index - count
            keys = free_zones[spare] if spare < len(free_zones) else None
            draw_empty_card(surface, res, rect, index + 1, keys)


def draw_help(
    surface: pygame.Surface, res: Resources, text: str, colour: Colour, area: pygame.Rect = HELP
) -> None:
    """The mode (or a message) and the four-keys rule, under the menu."""
    surface.blit(panel(res, area.size, theme.NIGHT, theme.PANEL_EDGE, 220), area)
    if area.height < HELP.height:  # beside the phones' join panel: the message alone
        fitted(res, surface, text, area.inflate(-32, -20), colour, 26, "left")
        return
    top = pygame.Rect(area.x + 16, area.y + 10, area.width - 32, 92)
    fitted(res, surface, text, top, colour, 26, "left")
    bottom = pygame.Rect(area.x + 16, area.y + 106, area.width - 32, 80)
    fitted(res, surface, FOUR_KEYS, bottom, theme.TEXT_DIM, 22, "left")
