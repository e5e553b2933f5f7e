"""An ordering question: pick the items first to last; undo steps back; lock in when all placed."""

from __future__ import annotations

import pygame

from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.scenes.common import draw_background, draw_hints
from quiz.ui.scenes.game_base import PLAYER
from quiz.ui.scenes.solo.question_base import QuestionBase
from quiz.ui.session import Session
from quiz.ui.widgets.draw import fitted, label, panel
from quiz.ui.widgets.tiles import Tile, TileState, draw_tile

POOL = pygame.Rect(48, 336, 580, 272)
SLOTS = pygame.Rect(652, 336, 580, 272)
UNDO_BUTTON = pygame.Rect(560, 620, 150, 48)
LOCK_BUTTON = pygame.Rect(730, 620, 200, 48)


def column(area: pygame.Rect, count: int, gap: int = 8) -> list[pygame.Rect]:
    height = min(64, (area.height - gap * (count - 1)) // max(count, 1))
    return [
        pygame.Rect(area.x, area.y + i * (height + gap), area.width, height) for i in range(count)
    ]


class OrderingScene(QuestionBase):
    name = "ordering"

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        items = self.question.choices
        self.tiles = [
            Tile(i, text, rect)
            for i, (text, rect) in enumerate(zip(items, column(POOL, len(items))))
        ]
        self.slots = column(SLOTS, len(items))
        self.order: list[int] = []
        self.focus = 0
        self.show_focus = False
        self.hover = ""

    @property
    def complete(self) -> bool:
        return len(self.order) == len(self.tiles)

    def _pick(self, index: int) -> None:
        if self._locked_age is not None or not 0 <= index < len(self.tiles):
            return
        if index in self.order:
            return
        self.order.append(index)
        self.tiles[index].state = TileState.FADED
        self.session.sound.play("move")
        free = [t.index for t in self.tiles if t.index not in self.order]
        self.focus = free[0] if free else -1  # -1: the Lock in button

    def _undo(self, keep: int | None = None) -> None:
        """Take back the last pick, or everything from position `keep` on."""
        if self._locked_age is not None or not self.order:
            return
        keep = len(self.order) - 1 if keep is None else keep
        for index in self.order[keep:]:
            self.tiles[index].state = TileState.NORMAL
        self.order = self.order[:keep]
        self.focus = next(t.index for t in self.tiles if t.index not in self.order)
        self.session.sound.play("move")

    def _lock(self) -> None:
        if (
            self._locked_age is None
            and self.complete
            and self.game.answer(PLAYER, tuple(self.order))
        ):
            self.lock()

    def _move(self, step: int) -> None:
        self.show_focus = True
        free = [t.index for t in self.tiles if t.index not in self.order]
        stops = free + ([-1] if self.complete else [])
        if not stops:
            return
        at = stops.index(self.focus) if self.focus in stops else 0
        self.focus = stops[(at + step) % len(stops)]

    def handle(self, action: PlayerAction) -> None:
        kind = action.action
        pad = action.device.startswith("pad")
        if (kind is Action.BACK and pad) or kind is Action.ERASE:
            self._undo()
            return
        if self.handle_pause(action):
            return
        if kind is Action.ANSWER:
            self._pick(action.value)
        elif kind in (Action.UP, Action.DOWN):
            self._move(-1 if kind is Action.UP else 1)
        elif kind is Action.CONFIRM:
            if not self.show_focus and not self.complete:
                self.show_focus = True  # pick only a focus the player can see
            elif self.focus < 0 or self.complete:
                self._lock()
            else:
                self._pick(self.focus)
        elif kind in (Action.POINT, Action.CLICK) and action.pos is not None:
            self._pointer(kind, action.pos)

    def _pointer(self, kind: Action, pos: tuple[int, int]) -> None:
        self.hover = ""
        if UNDO_BUTTON.collidepoint(pos):
            self.hover = "undo"
        elif LOCK_BUTTON.collidepoint(pos):
            self.hover = "lock"
        if kind is not Action.CLICK:
            for tile in self.tiles:
                if tile.rect.collidepoint(pos) and tile.index not in self.order:
                    self.focus, self.show_focus = tile.index, True
            return
        if self.hover == "undo":
            self._undo()
        elif self.hover == "lock":
            self._lock()
        for tile in self.tiles:
            if tile.rect.collidepoint(pos):
                self._pick(tile.index)
        for position, rect in enumerate(self.slots):
            if rect.collidepoint(pos) and position < len(self.order):
                self._undo(position)

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        draw_background(surface, res)
        self.draw_top(surface)
        label(
            res,
            surface,
            "Pick the items in order, first to last",
            theme.SMALL_SIZE,
            theme.STEEL_LIGHT,
            (POOL.x, 318),
            "midleft",
        )
        label(
            res,
            surface,
            "Your order",
            theme.SMALL_SIZE,
            theme.STEEL_LIGHT,
            (SLOTS.x, 318),
            "midleft",
        )
        for tile in self.tiles:
            focused = self.show_focus and tile.index == self.focus
            draw_tile(surface, res, tile, focused)
        for position, rect in enumerate(self.slots):
            filled = position < len(self.order)
            edge = theme.AMBER if filled else theme.PANEL_EDGE
            surface.blit(panel(res, rect.size, theme.PANEL, edge, 220 if filled else 120), rect)
            label(
                res,
                surface,
                f"{position + 1}.",
                theme.BODY_SIZE - 6,
                theme.AMBER,
                (rect.x + 34, rect.centery),
            )
            if filled:
                text = self.tiles[self.order[position]].text
                fitted(
                    res,
                    surface,
                    text,
                    pygame.Rect(rect.x + 70, rect.y + 4, rect.width - 90, rect.height - 8),
                    theme.TEXT,
                    36,
                    "left",
                )
        self._button(surface, UNDO_BUTTON, "Undo", bool(self.order), self.hover == "undo")
        lock_focus = self.show_focus and self.focus < 0
        self._button(
            surface, LOCK_BUTTON, "Lock in", self.complete, self.hover == "lock" or lock_focus
        )
        self.draw_pause_button(surface)
        draw_hints(
            surface,
            res,
            "1-6 / click / A: pick next    Backspace / B: undo    "
            "Enter: lock in    Esc / Start: pause",
        )

    def _button(
        self, surface: pygame.Surface, rect: pygame.Rect, text: str, live: bool, hot: bool
    ) -> None:
        res = self.session.resources
        fill = theme.AMBER if live and hot else theme.PANEL
        colour = theme.TEXT_DARK if live and hot else (theme.TEXT if live else theme.DISABLED)
        surface.blit(
            panel(
                res, rect.size, fill, theme.AMBER if live else theme.DISABLED, 230 if live else 130
            ),
            rect,
        )
        label(res, surface, text, theme.SMALL_SIZE, colour, rect.center)
