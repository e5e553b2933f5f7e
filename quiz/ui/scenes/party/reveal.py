"""The party reveal: the right answer, who picked what, and the scoreboard.

Each answer row carries the avatars of the players who chose it. On the right
every player's points pop up and count into their score, then the rows slide
into the new order and arrows show who climbed or fell.
"""

from __future__ import annotations

import pygame

from quiz.engine import Mode, Phase, PlayerResult, Revealed
from quiz.packs.model import QuestionType
from quiz.ui import theme
from quiz.ui.input import PlayerAction
from quiz.ui.mark_log import MarkKind
from quiz.ui.scenes.common import draw_background, draw_hints
from quiz.ui.scenes.party.base import HEADER_PAUSE, PartyScene
from quiz.ui.session import Session
from quiz.ui.widgets.avatar import avatar
from quiz.ui.widgets.draw import fitted, label, panel
from quiz.ui.widgets.scoreboard import Scoreboard
from quiz.ui.widgets.tiles import Tile, TileState, draw_tile, picked_index

LEFT = pygame.Rect(48, 84, 760, 582)
ROWS_TOP = 182
ROW_H, ROW_GAP = 66, 10
TILE_W = 470
BOARD = pygame.Rect(836, 90, 396, 510)
EXPLAIN = pygame.Rect(48, 490, 760, 176)
NEXT_BUTTON = pygame.Rect(836, 612, 396, 54)
PICK = 34  # avatar size next to an answer


class PartyRevealScene(PartyScene):
    phase = Phase.REVEAL
    name = "party_reveal"
    pausable = False

    def __init__(self, session: Session, revealed: Revealed | None) -> None:
        super().__init__(session)
        assert revealed is not None, "a reveal needs the engine's Revealed event"
        self.revealed = revealed
        self.question = revealed.question
        self.results: dict[int, PlayerResult] = {r.player: r for r in revealed.results}
        self.board = Scoreboard.after(self.game, self.roster, revealed.results)
        self.hover = False
        anyone = any(r.correct for r in revealed.results)
        session.sound.play("right" if anyone else "wrong")

    # Input ------------------------------------------------------------------------------------

    def handle(self, action: PlayerAction) -> None:
        if self.handle_devices(action):
            return
        if action.action.value == "point" and action.pos is not None:
            self.hover = NEXT_BUTTON.collidepoint(action.pos)
        if self.handle_pause(action, HEADER_PAUSE):
            return
        if self.continue_pressed(action, NEXT_BUTTON):
            self.session.sound.play("select")
            self._next()

    def _more_in_round(self) -> bool:
        return self.question.number_in_round < self.question.round_size

    def _next(self) -> None:
        if self.mode is Mode.TURNS and self._more_in_round():
            from quiz.ui.scenes.party.pass_device import PassDeviceScene

            self.session.stack.replace(PassDeviceScene(self.session))
        else:
            self.game.advance()

    def animating(self) -> bool:
        return self.age < 2.4

    # Drawing ----------------------------------------------------------------------------------

    def pickers(self, index: int) -> list[int]:
        return [s for s, r in self.results.items() if picked_index(r.answer) == index]

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        draw_background(surface, res)
        self.draw_party_header(surface, self.mode.label)
        fitted(
            res,
            surface,
            self.question.prompt,
            pygame.Rect(LEFT.x, 84, LEFT.width, 46),
            theme.STEEL_LIGHT,
            28,
            "left",
            16,
        )
        answer = self.question.answer_text
        if self.question.type is QuestionType.ORDER:
            answer = "the right order"
        pop = 1 + 0.2 * max(0.0, 1 - self.age / 0.25)
        fitted(
            res,
            surface,
            f"Answer: {answer}",
            pygame.Rect(LEFT.x, 132, LEFT.width, 44),
            theme.RIGHT,
            int(40 * pop),
            "left",
            18,
        )
        kind = self.question.type
        if kind in (QuestionType.CHOICE, QuestionType.TRUEFALSE):
            self._draw_choices(surface)
        elif kind is QuestionType.ORDER:
            self._draw_order(surface)
        else:
            self._draw_text(surface)
        self._draw_explain(surface)
        self.board.draw(surface, res, BOARD, self.age)
        fill = theme.AMBER
        surface.blit(
            panel(
                res,
                NEXT_BUTTON.size,
                fill,
                theme.AMBER if not self.hover else theme.TEXT,
                255,
                width=3,
            ),
            NEXT_BUTTON,
        )
        label(
            res,
            surface,
            self._next_text(),
            theme.SMALL_SIZE + 2,
            theme.TEXT_DARK,
            NEXT_BUTTON.center,
        )
        draw_hints(surface, res, "Enter / A / click: continue    Esc / Start: pause")

    def _next_text(self) -> str:
        if not self._more_in_round():
            return "Round results"
        turn = self.game.next_turn_player
        if self.mode is Mode.TURNS and turn is not None:
            return f"Pass to {self.player(turn).name}"
        return "Next question"

    def _row(self, position: int) -> pygame.Rect:
        return pygame.Rect(LEFT.x, ROWS_TOP + position * (ROW_H + ROW_GAP), TILE_W, ROW_H)

    def _avatars(
        self, surface: pygame.Surface, slots: list[int], rect: pygame.Rect, option: int
    ) -> None:
        """Who chose `option` (a choice, or a place in the order), beside its row."""
        res = self.session.resources
        x = rect.right + 14
        for order, slot in enumerate(slots):
            appear = (self.age - 0.3 - order * 0.05) / 0.2
            if appear <= 0:
                continue
            player = self.player(slot)
            size = int(PICK * min(1.0, appear))
            at = (x + order * (PICK - 4) + (PICK - size) // 2, rect.centery - size // 2)
            surface.blit(avatar(res, player.icon_name, player.rgb, max(size, 2)), at)
            if res.marks is not None:
                res.marks.add(MarkKind.PICK, option, slot)

    def _draw_choices(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        q = self.question
        for index, text in enumerate(q.choices):
            chosen = self.pickers(index)
            if index == q.correct_index:
                state = TileState.RIGHT
            elif chosen:
                state = TileState.WRONG
            else:
                state = TileState.FADED
            rect = self._row(index)
            draw_tile(surface, res, Tile(index, text, rect, state), False)
            self._avatars(surface, chosen, rect, index)

    def _draw_order(self, surface: pygame.Surface) -> None:
        """The right order; beside each place, who put the right item there."""
        res = self.session.resources
        q = self.question
        for position, index in enumerate(q.correct_order or ()):
            rect = self._row(position)
            surface.blit(panel(res, rect.size, theme.PANEL, theme.RIGHT, 235, width=3), rect)
            if res.marks is not None:
                res.marks.add(MarkKind.TICK, position)  # a row of the right order
            label(
                res,
                surface,
                f"{position + 1}.",
                theme.BODY_SIZE - 4,
                theme.AMBER,
                (rect.x + 30, rect.centery),
            )
            fitted(
                res,
                surface,
                q.choices[index],
                pygame.Rect(rect.x + 60, rect.y + 4, rect.width - 72, rect.height - 8),
                theme.TEXT,
                32,
                "left",
            )
            placed = [
                s
                for s, r in self.results.items()
                if isinstance(r.answer, tuple)
                and position < len(r.answer)
                and r.answer[position] == index
            ]
            self._avatars(surface, placed, rect, position)

    def _draw_text(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        for position, (slot, result) in enumerate(self.results.items()):
            player = self.player(slot)
            rect = self._row(position)
            rect.width = LEFT.width
            edge = theme.RIGHT if result.correct else theme.WRONG
            surface.blit(panel(res, rect.size, theme.PANEL, edge, 235, width=3), rect)
            if res.marks is not None:
                res.marks.add(MarkKind.TICK if result.correct else MarkKind.CROSS, None, slot)
            surface.blit(avatar(res, player.icon_name, player.rgb, 48), (rect.x + 10, rect.y + 9))
            given = str(result.answer) if result.answered else "(no answer)"
            fitted(
                res,
                surface,
                f"{player.name}: {given}",
                pygame.Rect(rect.x + 72, rect.y + 6, rect.width - 90, rect.height - 12),
                theme.TEXT,
                34,
                "left",
            )

    def _draw_explain(self, surface: pygame.Surface) -> None:
        q = self.question
        if not self.session.settings.show_explanations or not q.explain:
            return
        res = self.session.resources
        surface.blit(panel(res, EXPLAIN.size, theme.NIGHT, theme.PANEL_EDGE, 225), EXPLAIN)
        fitted(res, surface, q.explain, EXPLAIN.inflate(-36, -20), theme.TEXT, 30, "left", 15)
