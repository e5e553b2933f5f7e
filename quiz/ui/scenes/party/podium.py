"""The end of a party game: the podium, every player's stats, and a rematch.

The winner's score goes into the high-score table of the mode (ties: every
winner), when it makes the top ten; no name to type, the lobby already knows it.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timezone

import pygame

from quiz.engine import GameEnded, Phase, PlayerStats, Standing
from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.scenes.common import draw_background, draw_hints, menu_pick
from quiz.ui.scenes.party.base import PartyScene
from quiz.ui.session import Session
from quiz.ui.widgets.avatar import avatar
from quiz.ui.widgets.draw import ease_out, fitted, label, panel
from quiz.ui.widgets.menu import Menu, MenuItem
from quiz.ui.widgets.names import draw_name

BASE_Y = 520
# Longer than other screens: Enter mashed through the last reveals must not start a rematch.
PODIUM_GUARD = 1.5
PLACES = (250, 70, 430)  # x of the first three in the standings: centre, left, right
HEIGHTS = {1: 220, 2: 160, 3: 116}  # by rank, so tied players stand equally high
BLOCK_W = 160
PLACES_LINE = pygame.Rect(20, 530, 620, 56)  # under the podium: where the winners' scores went
TABLE = pygame.Rect(650, 96, 582, 470)
COLUMNS = (
    (16, "#"),
    (56, "Player"),
    (296, "Score"),
    (376, "Right"),
    (446, "Streak"),
    (514, "Fastest"),
)


def places_line(placed: list[tuple[int, str]], table: str) -> str:
    """'Al is #1 and Neil #2 in the Buzz high scores', best place first."""
    if not placed:
        return ""
    (place, name), rest = placed[0], placed[1:]
    said = [f"{name} is #{place}", *(f"{other} #{at}" for at, other in rest)]
    listed = said[0] if len(said) == 1 else f"{', '.join(said[:-1])} and {said[-1]}"
    return f"{listed} in the {table} high scores"


def fastest(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} s"


class PodiumScene(PartyScene):
    phase = Phase.GAME_OVER
    name = "podium"
    pausable = False
    needs_players = False  # the game is over: a pad unplugged now interrupts nothing

    def __init__(self, session: Session, over: GameEnded | None) -> None:
        super().__init__(session)
        session.record_played()  # the next game deals other questions first
        self.standings: tuple[Standing, ...] = over.standings if over else self.game.standings()
        self.stats: tuple[PlayerStats, ...] = over.stats if over else self.game.stats()
        self.winners = [s for s in self.standings if s.rank == 1]
        self.save_failed = False
        self.places = self._record()
        self.menu = Menu(
            [
                MenuItem("rematch", "Rematch"),
                MenuItem("lobby", "New players"),
                MenuItem("title", "Title"),
            ],
            (230, 612),
            item_size=(260, 54),
            gap=20,
            horizontal=True,
            text_size=theme.SMALL_SIZE + 2,
        )
        session.change_settings(report=not self.save_failed, last_players=self.roster.names())
        session.sound.play("fanfare")

    def _record(self) -> str:
        """Put the winners in the mode's table; returns the line saying where they went."""
        from quiz.storage import ScoreEntry

        config = self.game.config
        mode, packs = config.mode.value, config.pack_ids
        length = (config.rounds, config.per_round)
        scores = self.session.scores
        when = datetime.now(timezone.utc)  # one moment for all, so tied winners sort by name
        # Tied winners are judged against the table as it was, so one cannot shut out another.
        entries = [
            ScoreEntry.create(w.name, stats.score, stats.accuracy, mode, packs, when, length)
            for w in self.winners
            if (stats := self.stats[w.slot]).score > 0
            and scores.qualifies(mode, packs, stats.score, length)
        ]
        added = [entry for entry in entries if scores.add(entry) is not None]
        if not added:
            return ""
        try:
            scores.save()
        except OSError as error:
            from quiz.ui.session import save_problem

            # Nothing was saved: the table is back to what is on disk, and no place is claimed.
            self.save_failed = True
            whose = "The winner's score" if len(added) == 1 else "The winners' scores"
            return f"{whose} could not be saved: {save_problem(error)}."
        # Places are read from the table as saved (with scores another game wrote meanwhile),
        # once all are in: a tied winner added later may have gone ahead of another.
        table = scores.top(mode, packs, length)
        placed = sorted((table.index(e) + 1, e.name) for e in added if e in table)
        return places_line(placed, config.mode.label)

    def handle(self, action: PlayerAction) -> None:
        if self.handle_devices(action) or self.age < PODIUM_GUARD:
            return
        if action.action in (Action.BACK, Action.PAUSE):
            self.session.routes.quit_to_title()
            return
        key = menu_pick(self.session, self.menu, action)
        if key is None:
            return
        if key == "rematch":
            # Same players, same settings, new questions.
            self.session.routes.start_game(dataclasses.replace(self.game.config, seed=None, history=()))
        elif key == "lobby":
            self.session.routes.quit_to_title()
            self.session.stack.push(self.session.routes.lobby())
        else:
            self.session.routes.quit_to_title()

    def animating(self) -> bool:
        return self.age < 2.0

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        draw_background(surface, res)
        names = " and ".join(w.name for w in self.winners)
        verb = "wins!" if len(self.winners) == 1 else "share the win!"
        colour = self.player(self.winners[0].slot).rgb if self.winners else theme.AMBER
        fitted(res, surface, f"{names} {verb}", pygame.Rect(48, 16, 1184, 70), colour, 72)
        for place, standing in enumerate(self.standings[:3]):
            self._block(surface, standing, PLACES[place])
        if self.places and self.save_failed:
            # Framed like every "could not be saved" notice, so it reads as news, not a caption.
            box = PLACES_LINE.inflate(0, 8)
            surface.blit(panel(res, box.size, theme.NIGHT, theme.WRONG, 245, width=3), box)
            fitted(res, surface, self.places, box.inflate(-24, -8), theme.TEXT, theme.TINY_SIZE + 2)
        elif self.places:
            fitted(res, surface, self.places, PLACES_LINE, theme.AMBER, theme.TINY_SIZE + 2)
        self._table(surface)
        self.menu.draw(surface, res)
        draw_hints(surface, res, "Left / Right: choose    Enter / A / click: go    Esc / B: title")

    def _block(self, surface: pygame.Surface, standing: Standing, x: int) -> None:
        res = self.session.resources
        player = self.player(standing.slot)
        height = HEIGHTS.get(standing.rank, 90)
        order = {1: 0.35, 2: 0.15}.get(standing.rank, 0.0)  # third rises first, the winner last
        grown = int(height * ease_out((self.age - order) / 0.6))
        block = pygame.Rect(x, BASE_Y - grown, BLOCK_W, grown)
        if grown > 0:
            surface.blit(panel(res, block.size, player.rgb, (255, 255, 255), 235, radius=10), block)
            if grown > 60:
                label(
                    res,
                    surface,
                    str(standing.rank),
                    64,
                    theme.TEXT,
                    (block.centerx, block.y + 42),
                    shadow=True,
                )
        if grown < height:
            return
        size = 96 if standing.rank == 1 else 80
        surface.blit(
            avatar(res, player.icon_name, player.rgb, size),
            (block.centerx - size // 2, block.y - size - 50),
        )
        name = pygame.Rect(block.x - 14, block.y - 48, BLOCK_W + 28, 34)
        draw_name(res, surface, player.name, name, theme.TEXT, 32, "center")
        label(
            res,
            surface,
            f"{standing.score:,}",
            theme.SMALL_SIZE,
            theme.AMBER,
            (block.centerx, block.y - 12),
        )

    def _table(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        rows = max(1, len(self.standings))
        table = TABLE.copy()
        table.height = min(TABLE.height, 60 + rows * 52)  # as tall as its rows, no taller
        surface.blit(panel(res, table.size, theme.PANEL, theme.PANEL_EDGE, 225), table)
        for x, text in COLUMNS:
            label(
                res,
                surface,
                text,
                theme.TINY_SIZE,
                theme.TEXT_DIM,
                (TABLE.x + x, TABLE.y + 22),
                "midleft",
            )
        pygame.draw.line(
            surface,
            theme.PANEL_EDGE,
            (TABLE.x + 12, TABLE.y + 40),
            (TABLE.right - 12, TABLE.y + 40),
            2,
        )
        step = min(52, (table.height - 50) // rows)
        for row, standing in enumerate(self.standings):
            stats = self.stats[standing.slot]
            player = self.player(standing.slot)
            cy = TABLE.y + 48 + row * step + step // 2
            appear = (self.age - 0.6 - row * 0.08) / 0.2
            if appear <= 0:
                continue
            colour = theme.AMBER if standing.rank == 1 else theme.TEXT
            label(
                res,
                surface,
                str(standing.rank),
                theme.SMALL_SIZE,
                colour,
                (TABLE.x + 16, cy),
                "midleft",
            )
            size = min(36, step - 8)
            surface.blit(
                avatar(res, player.icon_name, player.rgb, size), (TABLE.x + 48, cy - size // 2)
            )
            name = pygame.Rect(TABLE.x + 56 + size, cy - 16, 228 - size, 32)
            draw_name(res, surface, player.name, name, theme.TEXT, 28)
            cells = (
                (296, f"{stats.score:,}"),
                (376, f"{stats.correct}/{stats.questions}"),
                (446, str(stats.longest_streak)),
                (514, fastest(stats.fastest_right)),
            )
            for x, text in cells:
                label(
                    res, surface, text, theme.SMALL_SIZE - 2, colour, (TABLE.x + x, cy), "midleft"
                )
