"""An order question for a party (at most four items, one per key): press your keys in order.

Each player builds their own order from their four keys: item 1 is the first
key, and so on. Pressing a key already used takes it back, with everything
after it. The order locks in when every item is placed. In everyone mode the
cards show only how many items a player has placed; in turns mode the turn
player's order is shown as they build it.
"""

from __future__ import annotations

import pygame

from quiz.engine import Mode
from quiz.ui import theme
from quiz.ui.roster import is_phone
from quiz.ui.scenes.party.question_base import PartyQuestionBase
from quiz.ui.session import Session
from quiz.ui.widgets.draw import fitted, label, panel
from quiz.ui.widgets.player_card import CardLook
from quiz.ui.widgets.tiles import Tile, TileState, draw_tile, layout

PROMPT = pygame.Rect(48, 112, 1184, 112)
ITEMS = pygame.Rect(48, 262, 1184, 170)
ORDER_ROW = pygame.Rect(48, 442, 1184, 62)


class PartyOrderScene(PartyQuestionBase):
    name = "party_order"

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        items = self.question.choices
        rects = layout(len(items), ITEMS, gap=12, max_h=78)
        self.tiles = [Tile(i, text, rect) for i, (text, rect) in enumerate(zip(items, rects))]
        self.orders: dict[int, list[int]] = {}

    def press(self, slot: int, index: int, ago: float = 0.0) -> None:
        if index >= len(self.tiles) or slot in self.question.answered:
            return
        if self.turn is not None and slot != self.turn:
            return
        order = self.orders.setdefault(slot, [])
        if index in order:
            del order[order.index(index) :]  # take it back, and what came after it
            self.session.sound.play("move")
            return
        order.append(index)
        if len(order) < len(self.tiles):
            self.session.sound.play("move")
        elif self.game.answer(slot, tuple(order), ago=ago):
            self.session.sound.play("select")
        else:
            order.pop()  # refused (time up, paused): the player may try again

    def card_look(self, slot: int) -> CardLook:
        look = super().card_look(slot)
        placed = len(self.orders.get(slot, ()))
        if slot in self.question.answered or look.dim or not placed:
            return look
        return CardLook(f"{placed} of {len(self.tiles)}", theme.STEEL, theme.TEXT_DARK)

    @property
    def on_phones(self) -> bool:
        return all(is_phone(p.device) for p in self.roster.players)

    def hints(self) -> str:
        if self.on_phones:
            return "Tap the items in order on your phone, then lock in    Esc: pause"
        who = "Everyone: press your keys" if self.mode is Mode.EVERYONE else "Press your keys"
        return (
            f"{who} in order, first to last    Same key again: take it back    Esc / Start: pause"
        )

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        self.draw_top(surface, PROMPT)
        how = (
            "Tap the items on your phone in order, first to last"
            if self.on_phones
            else "Press the items' keys in order, first to last: your 1st key picks item 1, "
            "your 2nd key item 2, and so on"
        )
        # One line over the items, shrunk to fit rather than cut at the edge.
        how_rect = pygame.Rect(ITEMS.x, ITEMS.y - 34, ITEMS.width, 32)
        fitted(res, surface, how, how_rect, theme.STEEL_LIGHT, theme.SMALL_SIZE, "left")
        order = self.orders.get(self.turn, []) if self.turn is not None else []
        for tile in self.tiles:
            tile.state = TileState.FADED if tile.index in order else TileState.NORMAL
            draw_tile(surface, res, tile, False)
        if self.turn is not None:
            self._draw_order(surface, order)
        self.draw_strip(surface)
        self.draw_hints(surface)

    def _draw_order(self, surface: pygame.Surface, order: list[int]) -> None:
        """The turn player's order so far, in numbered slots."""
        res = self.session.resources
        count = len(self.tiles)
        gap = 12
        width = (ORDER_ROW.width - gap * (count - 1)) // count
        for position in range(count):
            rect = pygame.Rect(
                ORDER_ROW.x + position * (width + gap), ORDER_ROW.y, width, ORDER_ROW.height
            )
            filled = position < len(order)
            edge = theme.AMBER if filled else theme.PANEL_EDGE
            surface.blit(panel(res, rect.size, theme.PANEL, edge, 225 if filled else 120), rect)
            label(
                res,
                surface,
                f"{position + 1}.",
                theme.SMALL_SIZE + 2,
                theme.AMBER,
                (rect.x + 24, rect.centery),
            )
            if filled:
                text = self.tiles[order[position]].text
                fitted(
                    res,
                    surface,
                    text,
                    pygame.Rect(rect.x + 46, rect.y + 4, rect.width - 56, rect.height - 8),
                    theme.TEXT,
                    28,
                    "left",
                )
