"""The reveal: the right answer highlighted, the player's pick, points flying into the score,
and the explanation."""

from __future__ import annotations

import pygame

from quiz.engine import Phase, Revealed, RevealReason
from quiz.packs.model import QuestionType
from quiz.ui import theme
from quiz.ui.input import PlayerAction
from quiz.ui.mark_log import MarkKind
from quiz.ui.scenes.common import draw_background, draw_hints
from quiz.ui.scenes.game_base import PLAYER, GameScene
from quiz.ui.session import Session
from quiz.ui.widgets.draw import ease_out, fitted, label, lerp, mark, panel
from quiz.ui.widgets.hud import SCORE_POS
from quiz.ui.widgets.tiles import Tile, TileState, draw_tile, layout

PROMPT = pygame.Rect(48, 160, 1184, 58)
CONTENT = pygame.Rect(48, 230, 1184, 240)
EXPLAIN = pygame.Rect(48, 482, 1184, 124)
NEXT_BUTTON = pygame.Rect(490, 618, 300, 52)
FLY_START, FLY_END = 0.45, 1.15  # seconds: when the points leave and reach the score
FLY_TO = (SCORE_POS[0] - 50, 108)  # where the points land, centred: under the score


class RevealScene(GameScene):
    phase = Phase.REVEAL
    name = "reveal"
    pausable = False

    def __init__(self, session: Session, revealed: Revealed | None) -> None:
        super().__init__(session)
        assert revealed is not None, "a reveal needs the engine's Revealed event"
        self.revealed = revealed
        self.question = revealed.question
        self.result = next((r for r in revealed.results if r.player == PLAYER), None)
        self.points = self.result.points if self.result else 0
        self.score = self.result.score if self.result else self.game.players[PLAYER].score
        self.right = bool(self.result and self.result.correct)
        self.picked: int | None = None
        self.tiles = self._tiles()
        session.sound.play("right" if self.right else "wrong")

    def _tiles(self) -> list[Tile]:
        q = self.question
        if q.type not in (QuestionType.CHOICE, QuestionType.TRUEFALSE):
            return []
        picked = self.result.answer if self.result and self.result.answered else None
        if isinstance(picked, bool):
            picked = 0 if picked else 1
        self.picked = picked if isinstance(picked, int) else None
        rects = layout(len(q.choices), CONTENT, gap=12, max_h=74)
        tiles = []
        for index, (text, rect) in enumerate(zip(q.choices, rects)):
            if index == q.correct_index:
                state = TileState.RIGHT
            elif index == picked:
                state = TileState.WRONG
            elif index in q.removed:
                state = TileState.REMOVED
            else:
                state = TileState.FADED
            tiles.append(Tile(index, text, rect, state))
        return tiles

    def verdict(self) -> tuple[str, tuple[int, int, int]]:
        result = self.result
        if self.right:
            return "Right!", theme.RIGHT
        if result is not None and result.share > 0:
            return "Partly right", theme.AMBER
        if self.revealed.reason is RevealReason.TIME_UP and not (result and result.answered):
            return "Time's up", theme.AMBER
        return "Not quite", theme.WRONG

    def handle(self, action: PlayerAction) -> None:
        self.handle_continue(action, NEXT_BUTTON)

    def animating(self) -> bool:
        return self.age < FLY_END + 0.2

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        draw_background(surface, res)
        t = (self.age - FLY_START) / (FLY_END - FLY_START)
        shown = round(lerp(self.score - self.points, self.score, ease_out(t)))
        self.draw_header(surface, score=shown)
        text, colour = self.verdict()
        pop = 1 + 0.25 * max(0.0, 1 - self.age / 0.25)
        label(res, surface, text, int(theme.HEADING_SIZE * pop), colour, (640, 118), shadow=True)
        self._draw_points(surface)
        surface.blit(panel(res, PROMPT.size, theme.PANEL, None, 170), PROMPT)
        fitted(
            res,
            surface,
            self.question.prompt,
            PROMPT.inflate(-40, -10),
            theme.STEEL_LIGHT,
            30,
            min_size=16,
        )
        if self.tiles:
            for tile in self.tiles:
                tag = "Your pick" if tile.index == self.picked else ""
                draw_tile(surface, res, tile, False, number=True, tag=tag)
                if tag and res.marks is not None:
                    res.marks.add(MarkKind.PICK, tile.index, PLAYER)
        elif self.question.type is QuestionType.TEXT:
            self._draw_text_answer(surface)
        else:
            self._draw_order(surface)
        self._draw_explain(surface)
        fill = theme.AMBER
        surface.blit(panel(res, NEXT_BUTTON.size, fill, theme.AMBER, 255), NEXT_BUTTON)
        last = self.question.number_in_round >= self.question.round_size
        label(
            res,
            surface,
            "Round results" if last else "Next question",
            theme.SMALL_SIZE + 2,
            theme.TEXT_DARK,
            NEXT_BUTTON.center,
        )
        draw_hints(surface, res, "Enter / A / click: continue    Esc / Start: pause")

    def _draw_points(self, surface: pygame.Surface) -> None:
        if self.points == 0 or self.age > FLY_END:
            return
        res = self.session.resources
        sign = "+" if self.points > 0 else ""
        text = f"{sign}{self.points:,}"
        t = ease_out((self.age - FLY_START) / (FLY_END - FLY_START))
        # Under the header to just below the score: through the header it crossed the streak.
        x = lerp(900, FLY_TO[0], t)
        y = lerp(118, FLY_TO[1], t)
        size = int(lerp(64, 30, t))
        colour = theme.AMBER if self.points > 0 else theme.WRONG
        label(res, surface, text, size, colour, (int(x), int(y)), shadow=True)

    def _draw_text_answer(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        given = self.result.answer if self.result and self.result.answered else None
        rows = [
            (
                "Your answer",
                str(given) if given else "(no answer)",
                theme.RIGHT if self.right else theme.WRONG,
            ),
            ("Answer", self.question.answer_text or "", theme.RIGHT),
        ]
        if res.marks is not None:
            res.marks.add(MarkKind.TICK if self.right else MarkKind.CROSS, None, PLAYER)
        for i, (name, value, colour) in enumerate(rows):
            rect = pygame.Rect(CONTENT.x + 120, CONTENT.y + 20 + i * 110, CONTENT.width - 240, 92)
            surface.blit(panel(res, rect.size, theme.PANEL, colour, 235, width=3), rect)
            label(
                res,
                surface,
                name,
                theme.SMALL_SIZE,
                theme.TEXT_DIM,
                (rect.x + 24, rect.y + 22),
                "midleft",
            )
            fitted(
                res,
                surface,
                value,
                pygame.Rect(rect.x + 24, rect.y + 36, rect.width - 48, 50),
                theme.TEXT,
                44,
                "left",
            )

    def _draw_order(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        q = self.question
        right = q.correct_order or ()
        given = self.result.answer if self.result and self.result.answered else ()
        count = max(len(right), 1)
        height = min(52, (CONTENT.height - 6 * (count - 1)) // count)
        for position, index in enumerate(right):
            rect = pygame.Rect(
                CONTENT.x + 60, CONTENT.y + position * (height + 6), CONTENT.width - 120, height
            )
            yours = given[position] if isinstance(given, tuple) and position < len(given) else None
            placed = yours == index
            edge = theme.RIGHT if placed else theme.WRONG
            surface.blit(panel(res, rect.size, theme.PANEL, edge, 235, width=3), rect)
            label(
                res,
                surface,
                f"{position + 1}.",
                theme.BODY_SIZE - 8,
                theme.AMBER,
                (rect.x + 30, rect.centery),
            )
            item = pygame.Rect(rect.x + 64, rect.y + 3, 560, rect.height - 6)
            fitted(res, surface, q.choices[index], item, theme.TEXT, 34, "left")
            if yours is not None and not placed:
                # What the player put in this place, beside the right one.
                mine = pygame.Rect(
                    item.right + 16, rect.y + 3, rect.right - item.right - 90, rect.height - 6
                )
                fitted(res, surface, f"you: {q.choices[yours]}", mine, theme.TEXT_DIM, 26, "right")
            mark(surface, (rect.right - 40, rect.centery), placed, edge, size=11, width=5)
            if res.marks is not None:
                res.marks.add(MarkKind.TICK if placed else MarkKind.CROSS, position, PLAYER)

    def _draw_explain(self, surface: pygame.Surface) -> None:
        q = self.question
        if not self.session.settings.show_explanations or not q.explain:
            return
        res = self.session.resources
        surface.blit(panel(res, EXPLAIN.size, theme.NIGHT, theme.PANEL_EDGE, 225), EXPLAIN)
        body = EXPLAIN.inflate(-48, -24)
        if q.source:
            body.height -= 24
            fitted(
                res,
                surface,
                f"Source: {q.source}",
                pygame.Rect(body.x, body.bottom + 2, body.width, 22),
                theme.TEXT_DIM,
                theme.TINY_SIZE,
                "left",
            )
        fitted(res, surface, q.explain, body, theme.TEXT, 34, "left", min_size=16)
