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
from quiz.ui.roster import Roster, Shown
from quiz.ui.theme import Colour
from quiz.ui.widgets.avatar import avatar
from quiz.ui.widgets.draw import ease_out, label, lerp, panel
from quiz.ui.widgets.names import draw_name

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
    moved: bool  # show rank arrows: there was a real order before, not everyone level at zero
    title: str = "Scores"

    @classmethod
    def build(
        cls,
        game: Game,
        roster: Roster,
        gains: Mapping[int, int],
        notes: Mapping[int, str] | None = None,
        before: Shown | None = None,
        title: str = "Scores",
    ) -> Scoreboard:
        """Rows from the engine's scores; `before` is the board last shown, if there was one."""
        after = {p.slot: p.score for p in game.players}
        earlier = {slot: score - gains.get(slot, 0) for slot, score in after.items()}
        standings = game.standings()
        ranks_after = {s.slot: s.rank for s in standings}
        if before is not None and sorted(before.order) == sorted(after):
            order_before, ranks_before, moved = list(before.order), before.ranks, True
        else:
            # Nothing shown yet: rank by the points before (ties share), no arrows at a level start.
            order_before = sorted(after, key=lambda s: (-earlier[s], s))
            ranks_before = competition_ranks(earlier)
            moved = len(set(earlier.values())) > 1
        rows = {
            slot: BoardRow(
                slot,
                player.name,
                player.icon_name,
                player.rgb,
                earlier[slot],
                after[slot],
                ranks_before[slot],
                ranks_after[slot],
                (notes or {}).get(slot, ""),
            )
            for slot, player in enumerate(roster.players)
        }
        return cls(rows, order_before, [s.slot for s in standings], moved, title)

    @property
    def shown(self) -> Shown:
        return Shown(tuple(self.order_after), {s: r.rank_after for s, r in self.rows.items()})

    @classmethod
    def after(cls, game: Game, roster: Roster, results: Iterable[PlayerResult]) -> Scoreboard:
        """The board after one question; remembers itself so the next one shows who moved."""
        results = list(results)
        gains = {r.player: r.points for r in results}
        notes = {}
        for r in results:
            if not r.answered:
                notes[r.player] = "no answer"
            elif 0 < r.share < 1:
                notes[r.player] = f"{round(r.share * 100)}% in place"
        board = cls.build(game, roster, gains, notes, roster.board)
        roster.board = board.shown
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
        left = box.x + 66 + size
        # One line, shrunk to fit: a name never wraps into the row below.
        name = pygame.Rect(left, cy - 15 - (7 if row.note else 0), box.right - 96 - left, 30)
        draw_name(res, surface, row.name, name, theme.TEXT, theme.SMALL_SIZE + 2)
        if row.note:
            label(
                res,
                surface,
                row.note,
                theme.TINY_SIZE - 4,
                theme.TEXT_DIM,
                (left, cy + 14),
                "midleft",
            )
        gained = row.gained
        showing = bool(gained) and age >= COUNT[0] - 0.2
        score_y = cy - 8 if showing else cy
        label(
            res,
            surface,
            f"{score:,}",
            theme.SMALL_SIZE + 4,
            theme.TEXT,
            (box.right - 12, score_y),
            "midright",
        )
        if showing:
            sign = "+" if gained > 0 else ""
            colour = theme.RIGHT if gained > 0 else theme.WRONG
            label(
                res,
                surface,
                f"{sign}{gained:,}",
                theme.TINY_SIZE,
                colour,
                (box.right - 12, cy + 14),
                "midright",
            )
