"""An on-screen keyboard, so names and typed answers work with a pad or a mouse alone."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.resources import Resources
from quiz.ui.widgets.draw import label, panel

ROWS: tuple[tuple[str, ...], ...] = (
    tuple("ABCDEFGHIJ"),
    tuple("KLMNOPQRST"),
    tuple("UVWXYZ.-'&"),
    tuple("1234567890"),
    ("SPACE", "DEL", "OK"),
)
WIDE = {"SPACE": 4, "DEL": 3, "OK": 3}


@dataclass(frozen=True)
class KeyEvent:
    kind: str  # "char", "erase", "done"
    char: str = ""


class OnScreenKeyboard:
    def __init__(
        self, topleft: tuple[int, int], key_size: int = 52, gap: int = 8, done_label: str = "OK"
    ) -> None:
        self.topleft = topleft
        self.done_label = done_label  # what the OK key says, e.g. "DONE" for a name
        self.key_size = key_size
        self.gap = gap
        self.row = 0
        self.col = 0
        self.show_focus = False  # only once a pad or the arrows are used
        self._rects = self._layout()

    def _layout(self) -> list[list[pygame.Rect]]:
        x0, y0 = self.topleft
        unit = self.key_size + self.gap
        rows = []
        for r, keys in enumerate(ROWS):
            x = x0
            rects = []
            for key in keys:
                span = WIDE.get(key, 1)
                width = span * unit - self.gap
                rects.append(pygame.Rect(x, y0 + r * unit, width, self.key_size))
                x += width + self.gap
            rows.append(rects)
        return rows

    @property
    def size(self) -> tuple[int, int]:
        unit = self.key_size + self.gap
        return (10 * unit - self.gap, len(ROWS) * unit - self.gap)

    def _press(self, key: str) -> KeyEvent:
        if key == "SPACE":
            return KeyEvent("char", " ")
        if key == "DEL":
            return KeyEvent("erase")
        if key == "OK":
            return KeyEvent("done")
        return KeyEvent("char", key)

    def _nearest(self, row: int, x: int) -> int:
        rects = self._rects[row]
        return min(range(len(rects)), key=lambda i: abs(rects[i].centerx - x))

    def handle(self, action: PlayerAction) -> KeyEvent | None:
        """Arrows or d-pad move, Confirm from a pad presses; mouse clicks press keys."""
        kind = action.action
        if kind in (Action.UP, Action.DOWN, Action.LEFT, Action.RIGHT):
            self.show_focus = True
            if kind in (Action.LEFT, Action.RIGHT):
                step = -1 if kind is Action.LEFT else 1
                self.col = (self.col + step) % len(self._rects[self.row])
            else:
                x = self._rects[self.row][self.col].centerx
                step = -1 if kind is Action.UP else 1
                self.row = (self.row + step) % len(self._rects)
                self.col = self._nearest(self.row, x)
            return None
        if kind is Action.CONFIRM and action.device.startswith("pad"):
            self.show_focus = True
            return self._press(ROWS[self.row][self.col])
        if kind in (Action.CLICK, Action.POINT) and action.pos is not None:
            for r, rects in enumerate(self._rects):
                for c, rect in enumerate(rects):
                    if rect.collidepoint(action.pos):
                        self.row, self.col = r, c
                        self.show_focus = True
                        if kind is Action.CLICK:
                            return self._press(ROWS[r][c])
                        return None
        return None

    def draw(self, surface: pygame.Surface, res: Resources) -> None:
        for r, rects in enumerate(self._rects):
            for c, rect in enumerate(rects):
                key = ROWS[r][c]
                focused = self.show_focus and (r, c) == (self.row, self.col)
                fill = theme.AMBER if focused else theme.PANEL
                colour = theme.TEXT_DARK if focused else theme.TEXT
                edge = theme.AMBER if key == "OK" else theme.PANEL_EDGE
                surface.blit(panel(res, rect.size, fill, edge, 235, radius=8), rect)
                text = self.done_label if key == "OK" else key
                size = theme.SMALL_SIZE if len(text) == 1 else theme.TINY_SIZE + 2
                label(res, surface, text, size, colour, rect.center)
