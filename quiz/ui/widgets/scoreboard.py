"""The party scoreboard: points popping up, scores counting, rows sliding to their new rank.

Built from the engine's numbers only: a player's score before is their score
now minus what they just gained, and the new order is the engine's standings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pygame

from quiz.engine import Game, PlayerResult
from quiz.ui import theme
from quiz.ui.resources import Resources
from quiz.ui.roster import Roster
from quiz.ui.theme import Colour
from quiz.ui.widgets.avatar import avatar
from quiz.ui.widgets.draw import ease_out, fitted, label, lerp, panel

COUNT = (0.45, 1.15)  # seconds: the score counts up
SLIDE = (1.3, 1.9)  # seconds: rows move to their new places
HEADING = 36


@dataclass(frozen=True)
class BoardRow:
    slot: int
    name: str
    icon: str
    colour: Colour
    before: int
    after: int
    rank_before: int
    rank_after: int
    note: str = ""  # under the name: "3 of 4 in place", "no answer"...

    @property
    def gained(self) -> int:
        return self.after - self.before


def competition_ranks(scores: Mapping[int, int]) -> dict[int, int]:
    """1 + how many have more points: ties share a rank."""
    return {
        slot: 1 + sum(1 for other in scores.values() if other > score)
        for slot, score in scores.items()
    }


@dataclass
class Scoreboard:
    rows: dict[int, BoardRow]
    order_before: list[int]
    order_after: list[int]
    moved: bool  # ranks changed and there was an order before (no arrows after the first question)
    title: str = "Scores"

    @classmethod
    def build(
        cls,
        game: Game,
        roster: Roster,
        gains: Mapping[int, int],
        notes: Mapping[int, str] | None = None,
        order_before: Iterable[int] | None = None,
        title: str = "Scores",
    ) -> Scoreboard:
        after = {p.slot: p.score for p in game.players}
        before = {slot: score - gains.get(slot, 0) for slot, score in after.items()}
        ranks_before = competition_ranks(before)
        standings = game.standings()
        ranks_after = {s.slot: s.rank for s in standings}
        rows = {}
        for slot, player in enumerate(roster.players):
            rows[slot] = BoardRow(
                slot,
                player.name,
                player.icon_name,
                player.rgb,
                before[slot],
                after[slot],
                ranks_before[slot],
                ranks_after[slot],
                (notes or {}).get(slot, ""),
            )
        previous = list(order_before or [])
        if sorted(previous) != sorted(after):
            previous = sorted(after, key=lambda s: (-before[s], s))
        level = len(set(before.values())) <= 1
        return cls(rows, previous, [s.slot for s in standings], not level, title)

    @classmethod
    def after(cls, game: Game, roster: Roster, results: Iterable[PlayerResult]) -> Scoreboard:
        """The board after one question; remembers its order for the next one."""
        results = list(results)
        gains = {r.player: r.points for r in results}
        notes = {}
        for r in results:
            if not r.answered:
                notes[r.player] = "no answer"
            elif 0 < r.share < 1:
                notes[r.player] = f"{round(r.share * 100)}% in place"
        board = cls.build(game, roster, gains, notes, roster.board)
        roster.board = board.order_after
        return board

    def draw(self, surface: pygame.Surface, res: Resources, rect: pygame.Rect, age: float) -> None:
        surface.blit(panel(res, rect.size, theme.PANEL, theme.PANEL_EDGE, 225), rect)
        label(
            res, surface, self.title, theme.SMALL_SIZE, theme.TEXT_DIM, (rect.centerx, rect.y + 22)
        )
        count = max(1, len(self.rows))
        step = min(62, (rect.height - HEADING - 10) // count)
        slide = ease_out((age - SLIDE[0]) / (SLIDE[1] - SLIDE[0]))
        counted = ease_out((age - COUNT[0]) / (COUNT[1] - COUNT[0]))
        for slot, row in self.rows.items():
            start = self.order_before.index(slot)
            end = self.order_after.index(slot)
            y = rect.y + HEADING + lerp(start, end, slide) * step
            box = pygame.Rect(rect.x + 10, int(y), rect.width - 20, step - 6)
            shown = round(lerp(row.before, row.after, counted))
            rank = row.rank_after if slide >= 1 else row.rank_before
            self._row(surface, res, box, row, shown, rank, age, settled=slide >= 1)

    def _row(
        self,
        surface: pygame.Surface,
        res: Resources,
        box: pygame.Rect,
        row: BoardRow,
        score: int,
        rank: int,
        age: float,
        settled: bool,
    ) -> None:
        edge = theme.AMBER if rank == 1 and settled else theme.PANEL_EDGE
        surface.blit(panel(res, box.size, theme.NIGHT, edge, 200, radius=10), box)
        cy = box.centery
        label(
            res,
            surface,
            str(rank),
            theme.SMALL_SIZE + 2,
            theme.AMBER if rank == 1 else theme.TEXT,
            (box.x + 20, cy),
        )
        if settled and self.moved and row.rank_after != row.rank_before:
            up = row.rank_after < row.rank_before
            colour = theme.RIGHT if up else theme.WRONG
            x, tip = box.x + 44, -7 if up else 7
            pygame.draw.polygon(
                surface, colour, [(x - 7, cy - tip), (x + 7, cy - tip), (x, cy + tip)]
            )
        size = min(40, box.height - 6)
        surface.blit(avatar(res, row.icon, row.colour, size), (box.x + 58, cy - size // 2))
        name = pygame.Rect(box.x + 64 + size, box.y + 2, box.width - 250, box.height - 4)
        if row.note:
            name.height = box.height * 3 // 5
            label(
                res,
                surface,
                row.note,
                theme.TINY_SIZE - 4,
                theme.TEXT_DIM,
                (name.x, box.bottom - 9),
                "midleft",
            )
        fitted(res, surface, row.name, name, theme.TEXT, theme.SMALL_SIZE + 2, "left", 14)
        label(
            res,
            surface,
            f"{score:,}",
            theme.SMALL_SIZE + 4,
            theme.TEXT,
            (box.right - 12, cy),
            "midright",
        )
        gained = row.gained
        if gained and COUNT[0] - 0.2 <= age:
            sign = "+" if gained > 0 else ""
            colour = theme.RIGHT if gained > 0 else theme.WRONG
            label(
                res,
                surface,
                f"{sign}{gained:,}",
                theme.TINY_SIZE + 2,
                colour,
                (box.right - 108, cy),
                "midright",
            )
