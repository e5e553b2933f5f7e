"""Colours, sizes and timings of the night-time Los Angeles look, kept in one place."""

from __future__ import annotations

from typing import Final

Colour = tuple[int, int, int]

LOGICAL_SIZE: Final = (1280, 720)
FPS: Final = 60

# Deep blue night, steel for chrome, amber for what matters now.
NIGHT: Final[Colour] = (7, 12, 28)
NIGHT_HIGH: Final[Colour] = (18, 36, 70)
PANEL: Final[Colour] = (16, 28, 54)
PANEL_EDGE: Final[Colour] = (58, 82, 120)
STEEL: Final[Colour] = (128, 148, 176)
STEEL_LIGHT: Final[Colour] = (196, 210, 228)
AMBER: Final[Colour] = (255, 178, 48)
AMBER_DEEP: Final[Colour] = (196, 120, 20)
TEXT: Final[Colour] = (236, 241, 249)
TEXT_DIM: Final[Colour] = (140, 156, 184)
TEXT_DARK: Final[Colour] = (10, 16, 32)
RIGHT: Final[Colour] = (58, 202, 124)
WRONG: Final[Colour] = (232, 72, 76)
DISABLED: Final[Colour] = (70, 80, 100)

# Each answer slot has a colour and a shape, so colour is never the only cue.
ANSWER_COLOURS: Final[tuple[Colour, ...]] = (
    (214, 58, 72),  # red
    (46, 116, 220),  # blue
    (226, 158, 30),  # amber
    (38, 160, 96),  # green
    (142, 86, 206),  # violet
    (26, 160, 176),  # teal
)
ANSWER_SHAPES: Final[tuple[str, ...]] = (
    "triangle",
    "diamond",
    "circle",
    "square",
    "star",
    "hexagon",
)

# Font sizes (pixels passed to pygame.font.Font(None, size)).
TITLE_SIZE: Final = 120
HEADING_SIZE: Final = 64
BODY_SIZE: Final = 40
SMALL_SIZE: Final = 28
TINY_SIZE: Final = 22

RADIUS: Final = 14
MARGIN: Final = 48

TRANSITION_SECONDS: Final = 0.18
