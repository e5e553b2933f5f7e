"""The high-score table, one per mode, set of packs and game length; left and right switch."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from quiz.engine import Mode
from quiz.storage import Length, length_text
from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.scene import Scene
from quiz.ui.scenes.common import BackButton, draw_background, draw_heading, draw_hints
from quiz.ui.session import Session
from quiz.ui.widgets.draw import fitted, label, panel

TABLE = pygame.Rect(190, 150, 900, 510)
ROW_H = 44
# With a notice the rows close up, and the notice sits under the table where it is read next.
NOTICE_TABLE = pygame.Rect(190, 150, 900, 448)
NOTICE_ROW_H = 38
NOTICE = pygame.Rect(190, 606, 900, 64)
ARROW_LEFT = pygame.Rect(110, 112, 60, 60)
ARROW_RIGHT = pygame.Rect(1110, 112, 60, 60)


@dataclass(frozen=True)
class Table:
    mode: str
    packs: tuple[str, ...]
    title: str
    length: Length | None = None  # rounds x questions; None: older scores saved without one


class HighScoresScene(Scene):
    name = "highscores"

    def __init__(
        self,
        session: Session,
        table: Table | None = None,
        highlight: int | None = None,
        notice: str | None = None,
    ):
        super().__init__(session)
        self.notice = notice  # e.g. that the score just played could not be saved
        self.tables = self._tables(table)
        self.index = 0
        self.highlight = highlight  # the 1-based rank just earned, shown in amber
        self.back = BackButton()

    def _tables(self, first: Table | None) -> list[Table]:
        tables = [first] if first else []
        for result in self.session.packs():
            if result.pack is not None:
                for mode in Mode:
                    packs = (result.pack.id,)
                    lengths = self.session.scores.lengths(mode.value, packs)
                    # Solo always has a table; a party mode once someone has scored in it.
                    if not lengths and mode is Mode.SOLO:
                        lengths = (None,)
                    for length in lengths:
                        table = Table(mode.value, packs, result.pack.title, length)
                        if table not in tables:
                            tables.append(table)
        return tables

    @property
    def table(self) -> Table | None:
        return self.tables[self.index] if self.tables else None

    def _switch(self, step: int) -> None:
        if len(self.tables) > 1:
            self.index = (self.index + step) % len(self.tables)
            self.highlight = None
            self.session.sound.play("move")

    def handle(self, action: PlayerAction) -> None:
        if self.back.handle(action) or action.action is Action.CONFIRM:
            self.session.sound.play("select")
            self.session.stack.pop()
        elif action.action in (Action.LEFT, Action.UP):
            self._switch(-1)
        elif action.action in (Action.RIGHT, Action.DOWN):
            self._switch(1)
        elif action.action is Action.CLICK and action.pos is not None:
            if ARROW_LEFT.collidepoint(action.pos):
                self._switch(-1)
            elif ARROW_RIGHT.collidepoint(action.pos):
                self._switch(1)

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        draw_background(surface, res)
        draw_heading(surface, res, "High Scores")
        self.back.draw(surface, res)
        frame, row_h = (NOTICE_TABLE, NOTICE_ROW_H) if self.notice else (TABLE, ROW_H)
        surface.blit(panel(res, frame.size), frame)
        if self.notice:
            surface.blit(panel(res, NOTICE.size, theme.NIGHT, theme.WRONG, 245, width=3), NOTICE)
            fitted(res, surface, self.notice, NOTICE.inflate(-32, -10), theme.TEXT,
                   theme.SMALL_SIZE)
        table = self.table
        if table is None:
            label(
                res,
                surface,
                "No question packs found.",
                theme.BODY_SIZE,
                theme.TEXT_DIM,
                frame.center,
            )
            draw_hints(surface, res, "Esc / B / Enter: back")
            return
        modes = {m.value: m.label for m in Mode}
        title = f"{table.title}  ·  {modes[table.mode]}" if table.mode in modes else table.title
        if table.length is not None:
            title += f"  ·  {length_text(table.length)}"  # rounds x questions
        elif self.session.scores.top(table.mode, list(table.packs)):
            title += "  ·  earlier games"  # saved before the game length was kept
        fitted(res, surface, title, pygame.Rect(200, 112, 880, 36), theme.STEEL_LIGHT, 32)
        if len(self.tables) > 1:
            for rect, text in ((ARROW_LEFT, "<"), (ARROW_RIGHT, ">")):
                surface.blit(panel(res, rect.size), rect)
                label(res, surface, text, theme.BODY_SIZE, theme.AMBER, rect.center)
        entries = self.session.scores.top(table.mode, list(table.packs), table.length)
        columns = ((240, "#"), (300, "Name"), (700, "Score"), (830, "Right"), (940, "Date"))
        for x, text in columns:
            label(res, surface, text, theme.SMALL_SIZE, theme.TEXT_DIM, (x, 168), "topleft")
        pygame.draw.line(surface, theme.PANEL_EDGE, (220, 200), (1060, 200), 2)
        if not entries:
            fitted(
                res,
                surface,
                "No scores yet. Play a solo game to set the first one!",
                pygame.Rect(240, 340, 800, 80),
                theme.TEXT_DIM,
                theme.BODY_SIZE,
            )
        else:
            # Places still free show as dim numbered rows, so the table reads as ten places.
            for rank in range(len(entries) + 1, 11):
                y = 210 + (rank - 1) * row_h + row_h // 2 - 3
                label(
                    res, surface, str(rank), theme.SMALL_SIZE, theme.DISABLED, (240, y), "midleft"
                )
                label(res, surface, "-", theme.SMALL_SIZE, theme.DISABLED, (300, y), "midleft")
        for rank, entry in enumerate(entries[:10], start=1):
            y = 210 + (rank - 1) * row_h
            mine = rank == self.highlight
            if mine:
                row = pygame.Rect(214, y - 2, 852, row_h - 4)
                surface.blit(panel(res, row.size, theme.AMBER, None, 255, radius=8), row)
            colour = theme.TEXT_DARK if mine else (theme.AMBER if rank == 1 else theme.TEXT)
            size = theme.SMALL_SIZE + 4
            cy = y + row_h // 2 - 3
            label(res, surface, str(rank), size, colour, (240, cy), "midleft")
            fitted(
                res, surface, entry.name, pygame.Rect(300, y, 380, row_h - 6), colour, size, "left"
            )
            label(res, surface, f"{entry.score:,}", size, colour, (700, cy), "midleft")
            label(
                res, surface, f"{round(entry.accuracy * 100)}%", size, colour, (830, cy), "midleft"
            )
            label(res, surface, entry.date[:10], theme.TINY_SIZE + 2, colour, (940, cy), "midleft")
        # Left / Right only does something when there is another table to go to.
        others = "Left / Right: other tables    " if len(self.tables) > 1 else ""
        draw_hints(surface, res, f"{others}Esc / B / Enter: back")
