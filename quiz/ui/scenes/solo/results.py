"""Results: final score, accuracy and stats, points per round as a bar chart; then the
high-score name entry if the score makes the table."""

from __future__ import annotations

import dataclasses

import pygame

from quiz.engine import GameEnded, Phase, PlayerStats
from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.scenes.common import draw_background, draw_heading, draw_hints, menu_pick
from quiz.ui.scenes.game_base import PLAYER, GameScene
from quiz.ui.scenes.menus.highscores import Table
from quiz.ui.session import Session
from quiz.ui.widgets.chart import draw_round_chart
from quiz.ui.widgets.draw import ease_out, label, panel
from quiz.ui.widgets.menu import Menu, MenuItem

LEFT = pygame.Rect(80, 110, 520, 486)
RIGHT = pygame.Rect(640, 110, 560, 486)


def seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} s"


class ResultsScene(GameScene):
    phase = Phase.GAME_OVER
    name = "results"
    pausable = False

    def __init__(self, session: Session, over: GameEnded | None) -> None:
        super().__init__(session)
        session.record_played()  # the next game deals other questions first
        stats = over.stats if over else self.game.stats()
        self.stats: PlayerStats = stats[PLAYER]
        self.pack_ids = list(self.game.config.pack_ids)
        config = self.game.config
        self.length = (config.rounds, config.per_round)
        self.qualifies = session.scores.qualifies(
            "solo", self.pack_ids, self.stats.score, self.length
        )
        first = (
            MenuItem("save", "Save high score")
            if self.qualifies
            else MenuItem("scores", "High scores")
        )
        self.menu = Menu(
            [first, MenuItem("again", "Play again"), MenuItem("title", "Title")],
            (205, 612),
            item_size=(270, 54),
            gap=20,
            horizontal=True,
            text_size=theme.SMALL_SIZE + 2,
        )
        session.sound.play("fanfare")

    def handle(self, action: PlayerAction) -> None:
        if action.action in (Action.BACK, Action.PAUSE):
            self.session.routes.quit_to_title()
            return
        key = menu_pick(self.session, self.menu, action)
        if key is None:
            return
        if key == "save":
            from quiz.ui.scenes.menus.name_entry import open_high_score_entry

            open_high_score_entry(self.session, self.stats, self.pack_ids)
        elif key == "scores":
            from quiz.ui.scenes.menus.highscores import HighScoresScene

            self.session.stack.reset(self.session.routes.title())
            self.session.stack.push(HighScoresScene(self.session, self.table()))
        elif key == "again":
            self.session.routes.start_game(dataclasses.replace(self.game.config, seed=None, history=()))
        else:
            self.session.routes.quit_to_title()

    def table(self) -> Table:
        titles = [p.title for p in self.game.config.packs]
        return Table("solo", tuple(self.pack_ids), " + ".join(titles), self.length)

    def animating(self) -> bool:
        return self.age < 1.5

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        s = self.stats
        draw_background(surface, res)
        draw_heading(surface, res, "New high score!" if self.qualifies else "Final score")
        surface.blit(panel(res, LEFT.size), LEFT)
        shown = round(s.score * ease_out(self.age / 1.0))
        label(
            res, surface, f"{shown:,}", 110, theme.AMBER, (LEFT.centerx, LEFT.y + 86), shadow=True
        )
        label(
            res, surface, "points", theme.SMALL_SIZE, theme.TEXT_DIM, (LEFT.centerx, LEFT.y + 150)
        )
        rows = (
            ("Accuracy", f"{round(s.accuracy * 100)}%"),
            ("Right answers", f"{s.correct} of {s.questions}"),
            ("Longest streak", str(s.longest_streak)),
            ("Fastest right answer", seconds(s.fastest_right)),
            ("Average answer time", seconds(s.mean_time)),
        )
        for i, (name, value) in enumerate(rows):
            y = LEFT.y + 200 + i * 54
            label(
                res,
                surface,
                name,
                theme.SMALL_SIZE + 2,
                theme.TEXT_DIM,
                (LEFT.x + 40, y),
                "midleft",
            )
            label(
                res, surface, value, theme.BODY_SIZE, theme.TEXT, (LEFT.right - 40, y), "midright"
            )
        draw_round_chart(surface, res, RIGHT, s.round_points, grow=self.age / 0.9)
        self.menu.draw(surface, res)
        draw_hints(surface, res, "Left / Right: choose    Enter / A / click: go    Esc / B: title")
