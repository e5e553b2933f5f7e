"""The title screen: solo, party, packs, high scores, settings, quit."""

from __future__ import annotations

import pygame

from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.scene import Scene
from quiz.ui.scenes.common import MENU_HINTS, draw_background, draw_hints, menu_pick
from quiz.ui.session import Session
from quiz.ui.widgets.draw import fitted, label
from quiz.ui.widgets.menu import Menu, MenuItem


class TitleScene(Scene):
    name = "title"

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.menu = Menu(
            [
                MenuItem("solo", "Solo game"),
                MenuItem("party", "Party game", detail="2-8 players on phones, keys or pads"),
                MenuItem("packs", "Question packs"),
                MenuItem("scores", "High scores"),
                MenuItem("settings", "Settings"),
                MenuItem("quit", "Quit"),
            ],
            (770, 170),
            item_size=(420, 62),
            gap=14,
            detail_align="center",  # among centred buttons, the party button centres too
        )

    def handle(self, action: PlayerAction) -> None:
        if action.action in (Action.BACK, Action.PAUSE):
            self._ask_quit()
            return
        key = menu_pick(self.session, self.menu, action)
        stack = self.session.stack
        if key == "solo":
            from quiz.ui.scenes.menus.setup import SetupScene

            stack.push(SetupScene(self.session))
        elif key == "party":
            from quiz.ui.scenes.party.lobby import LobbyScene

            stack.push(LobbyScene(self.session))
        elif key == "packs":
            from quiz.ui.scenes.menus.packs import PacksScene

            stack.push(PacksScene(self.session))
        elif key == "scores":
            from quiz.ui.scenes.menus.highscores import HighScoresScene

            stack.push(HighScoresScene(self.session))
        elif key == "settings":
            from quiz.ui.scenes.menus.settings import SettingsScene

            stack.push(SettingsScene(self.session))
        elif key == "quit":
            self._ask_quit()

    def _ask_quit(self) -> None:
        from quiz.ui.scenes.menus.confirm import ConfirmScene

        def answered(yes: object) -> None:
            if yes:
                self.session.stack.quit(0)

        self.session.stack.push(
            ConfirmScene(self.session, "Quit Heat Quiz?", "Quit", "Stay"), answered
        )

    def animating(self) -> bool:
        return self.age < 1.2

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        draw_background(surface, res, dim=False)
        rise = int(30 * max(0.0, 1 - self.age / 0.6) ** 2)
        label(res, surface, "HEAT", 230, theme.AMBER, (96, 120 + rise), "topleft", shadow=True)
        label(res, surface, "T H E   Q U I Z", 58, theme.STEEL_LIGHT, (104, 300 + rise), "topleft")
        pygame.draw.line(surface, theme.AMBER, (104, 360 + rise), (560, 360 + rise), 3)
        label(
            res,
            surface,
            "A trivia game about Michael Mann's",
            theme.SMALL_SIZE,
            theme.TEXT_DIM,
            (104, 380 + rise),
            "topleft",
        )
        label(
            res,
            surface,
            "crime epic, Los Angeles, 1995.",
            theme.SMALL_SIZE,
            theme.TEXT_DIM,
            (104, 412 + rise),
            "topleft",
        )
        self.menu.draw(surface, res)
        if self.session.sound.muted:
            label(
                res,
                surface,
                "Sound off (M)",
                theme.TINY_SIZE,
                theme.TEXT_DIM,
                (1232, 24),
                "topright",
            )
        warnings = self.session.warnings[-2:]
        if warnings:
            # Wrapped and shrunk to fit, never cut: the end names where a damaged file went.
            box = pygame.Rect(96, 590, 650, 80)
            fitted(res, surface, "\n".join(warnings), box, theme.AMBER, theme.TINY_SIZE, "left")
        draw_hints(surface, res, MENU_HINTS)
