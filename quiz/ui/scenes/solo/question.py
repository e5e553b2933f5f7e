"""A choice or true/false question: tiles with number, colour and shape; the 50:50 lifeline."""

from __future__ import annotations

import pygame

from quiz.engine import Event, FiftyFiftyUsed
from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.scenes.common import draw_background, draw_hints
from quiz.ui.scenes.game_base import PLAYER
from quiz.ui.scenes.solo.question_base import QuestionBase
from quiz.ui.session import Session
from quiz.ui.widgets.draw import label, panel
from quiz.ui.widgets.tiles import Tile, TileState, draw_tile, layout, tile_at

TILE_AREA = pygame.Rect(48, 306, 1184, 300)
LIFELINE_BUTTON = pygame.Rect(930, 620, 150, 48)


class QuestionScene(QuestionBase):
    name = "question"

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        rects = layout(len(self.question.choices), TILE_AREA)
        self.tiles = [
            Tile(i, text, rect) for i, (text, rect) in enumerate(zip(self.question.choices, rects))
        ]
        self.focus = 0
        self.show_focus = False  # the focus ring appears once arrows or a pad are used
        self.lifeline_hover = False

    # Input ------------------------------------------------------------------------------------

    def _choose(self, index: int) -> None:
        if not 0 <= index < len(self.tiles) or self._locked_age is not None:
            return
        if self.game.answer(PLAYER, index):
            self.tiles[index].state = TileState.PICKED
            self.focus = index
            self.lock()

    def _fifty(self) -> None:
        if self.game.use_fifty_fifty(PLAYER):
            self.session.sound.play("select")
        else:
            self.session.sound.play("wrong")

    def _move(self, action: Action) -> None:
        self.show_focus = True
        row, col = divmod(self.focus, 2)
        if action is Action.LEFT or action is Action.RIGHT:
            col = 1 - col
        else:
            row += -1 if action is Action.UP else 1
        index = row * 2 + col
        if 0 <= index < len(self.tiles):
            self.focus = index
            self.session.sound.play("move")

    def handle(self, action: PlayerAction) -> None:
        if self.handle_pause(action):
            return
        kind = action.action
        if kind is Action.ANSWER:
            self._choose(action.value)
        elif kind in (Action.UP, Action.DOWN, Action.LEFT, Action.RIGHT):
            self._move(kind)
        elif kind is Action.CONFIRM:
            # Enter answers only a focus the player can see; the first press shows it, so a
            # press meant for the screen before never locks in an answer.
            if self.show_focus:
                self._choose(self.focus)
            else:
                self.show_focus = True
                self.session.sound.play("move")
        elif kind is Action.LIFELINE:
            self._fifty()
        elif kind in (Action.POINT, Action.CLICK) and action.pos is not None:
            self.lifeline_hover = LIFELINE_BUTTON.collidepoint(action.pos)
            if kind is Action.CLICK and self.lifeline_hover:
                self._fifty()
                return
            tile = tile_at(self.tiles, action.pos)
            if tile is not None:
                self.focus = tile.index
                self.show_focus = True
                if kind is Action.CLICK:
                    self._choose(tile.index)

    def on_event(self, event: Event) -> None:
        if isinstance(event, FiftyFiftyUsed):
            for index in event.removed:
                self.tiles[index].state = TileState.REMOVED
            if self.tiles[self.focus].state is TileState.REMOVED:
                self.focus = next(t.index for t in self.tiles if t.state is not TileState.REMOVED)

    # Drawing ----------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        draw_background(surface, res)
        self.draw_top(surface)
        for tile in self.tiles:
            focused = self.show_focus and tile.index == self.focus and self._locked_age is None
            appear = max(0.0, 1 - (self.age - tile.index * 0.05) / 0.2)
            draw_tile(surface, res, tile, focused, lift=int(-18 * appear))
        self._draw_lifeline(surface)
        self.draw_pause_button(surface)
        keys = f"1-{len(self.tiles)}" if len(self.tiles) > 1 else "1"
        draw_hints(
            surface, res, f"{keys} / click / A: answer    L / X: 50:50    Esc / Start: pause"
        )

    def _draw_lifeline(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        live = self.game.can_use_fifty_fifty(PLAYER)
        if live and self.lifeline_hover:
            fill, colour = theme.AMBER, theme.TEXT_DARK
        elif live:
            fill, colour = theme.PANEL, theme.AMBER
        else:
            fill, colour = theme.PANEL, theme.DISABLED
        edge = theme.AMBER if live else theme.DISABLED
        surface.blit(
            panel(res, LIFELINE_BUTTON.size, fill, edge, 230 if live else 140), LIFELINE_BUTTON
        )
        label(res, surface, "50:50", theme.SMALL_SIZE + 2, colour, LIFELINE_BUTTON.center)
