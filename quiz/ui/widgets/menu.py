"""A focusable list of buttons driven by keys, pad, or mouse hover and click."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.resources import Resources
from quiz.ui.theme import Colour
from quiz.ui.widgets.draw import fitted, glow, label, panel, within


@dataclass
class MenuItem:
    key: str
    label: str
    enabled: bool = True
    detail: str = ""  # a value shown on the right (settings) or a note under the label
    adjustable: bool = False  # left/right change it (settings)


@dataclass(frozen=True)
class MenuEvent:
    kind: str  # "activate", "left", "right", "focus"
    key: str


class Menu:
    def __init__(
        self,
        items: list[MenuItem],
        topleft: tuple[int, int],
        item_size: tuple[int, int] = (420, 64),
        gap: int = 14,
        horizontal: bool = False,
        text_size: int = theme.BODY_SIZE,
        detail_align: str = "left",
    ) -> None:
        self.items = items
        self.topleft = topleft
        self.item_size = item_size
        self.gap = gap
        self.horizontal = horizontal
        self.text_size = text_size
        self.detail_align = detail_align  # a label with a note under it: "center" on the title
        self.focus = next((i for i, item in enumerate(items) if item.enabled), 0)
        self.active = True  # shows the focus ring; off while another widget has focus

    @property
    def focused(self) -> MenuItem:
        return self.items[self.focus]

    def rects(self) -> list[pygame.Rect]:
        x, y = self.topleft
        w, h = self.item_size
        step_x, step_y = (w + self.gap, 0) if self.horizontal else (0, h + self.gap)
        return [pygame.Rect(x + i * step_x, y + i * step_y, w, h) for i in range(len(self.items))]

    def bounds(self) -> pygame.Rect:
        rects = self.rects()
        return rects[0].unionall(rects[1:]) if rects else pygame.Rect(self.topleft, (0, 0))

    @staticmethod
    def value_rect(rect: pygame.Rect) -> pygame.Rect:
        """Where an adjustable item shows its value between < and >."""
        width = rect.width * 9 // 20
        return pygame.Rect(rect.right - width - 12, rect.y, width, rect.height)

    def item_at(self, pos: tuple[int, int]) -> int | None:
        for index, rect in enumerate(self.rects()):
            if rect.collidepoint(pos) and self.items[index].enabled:
                return index
        return None

    def move(self, step: int) -> bool:
        count = len(self.items)
        index = self.focus
        for _ in range(count):
            index = (index + step) % count
            if self.items[index].enabled:
                changed = index != self.focus
                self.focus = index
                return changed
        return False

    def select(self, key: str) -> None:
        for index, item in enumerate(self.items):
            if item.key == key:
                self.focus = index

    def handle(self, action: PlayerAction) -> MenuEvent | None:
        kind = action.action
        back, forward = (Action.LEFT, Action.RIGHT) if self.horizontal else (Action.UP, Action.DOWN)
        if kind in (back, forward):
            if self.move(-1 if kind is back else 1):
                return MenuEvent("focus", self.focused.key)
            return None
        if kind in (Action.LEFT, Action.RIGHT) and self.focused.adjustable:
            return MenuEvent("left" if kind is Action.LEFT else "right", self.focused.key)
        if kind is Action.CONFIRM and self.focused.enabled:
            return MenuEvent("activate", self.focused.key)
        if kind in (Action.POINT, Action.CLICK) and action.pos is not None:
            index = self.item_at(action.pos)
            if index is None:
                return None
            moved = index != self.focus
            self.focus = index
            if kind is Action.CLICK and self.focused.adjustable:
                # Clicking the left half of the value steps down, the right half steps up.
                value = self.value_rect(self.rects()[index])
                side = "left" if action.pos[0] < value.centerx else "right"
                return MenuEvent(side, self.focused.key)
            if kind is Action.CLICK:
                return MenuEvent("activate", self.focused.key)
            return MenuEvent("focus", self.focused.key) if moved else None
        return None

    def draw(self, surface: pygame.Surface, res: Resources) -> None:
        for index, (item, rect) in enumerate(zip(self.items, self.rects())):
            focused = self.active and index == self.focus and item.enabled
            if focused:
                surface.blit(glow(res, rect.size, theme.AMBER), rect.move(-12, -12))
                fill, edge, colour = theme.AMBER, theme.AMBER, theme.TEXT_DARK
            elif item.enabled:
                fill, edge, colour = theme.PANEL, theme.PANEL_EDGE, theme.TEXT
            else:
                fill, edge, colour = theme.PANEL, theme.DISABLED, theme.TEXT_DIM
            surface.blit(panel(res, rect.size, fill, edge, 240 if item.enabled else 150), rect)
            with within(res, rect):
                self._draw_item(surface, res, item, rect, colour, focused)

    def _draw_item(
        self,
        surface: pygame.Surface,
        res: Resources,
        item: MenuItem,
        rect: pygame.Rect,
        colour: Colour,
        focused: bool,
    ) -> None:
        inner = rect.inflate(-36, -10)
        if item.adjustable:
            # Label on the left, value between arrows on the right.
            value = self.value_rect(rect)
            left = pygame.Rect(inner.x, inner.y, value.x - inner.x - 10, inner.height)
            fitted(res, surface, item.label, left, colour, self.text_size, "left")
            middle = value.inflate(-70, 0)
            fitted(res, surface, item.detail, middle, colour, self.text_size)
            label(res, surface, "<", self.text_size, colour, (value.x + 18, value.centery))
            label(res, surface, ">", self.text_size, colour, (value.right - 18, value.centery))
        elif item.detail:
            inner = rect.inflate(-36, -4)  # two lines: the note needs the room of its smallest size
            top = pygame.Rect(inner.x, inner.y, inner.width, inner.height * 3 // 5)
            bottom = pygame.Rect(inner.x, top.bottom, inner.width, inner.height - top.height)
            align = self.detail_align
            fitted(res, surface, item.label, top, colour, self.text_size, align)
            dim = colour if focused else theme.TEXT_DIM
            fitted(res, surface, item.detail, bottom, dim, theme.SMALL_SIZE - 4, align)
        else:
            fitted(res, surface, item.label, inner, colour, self.text_size)

