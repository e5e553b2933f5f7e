"""A modal yes/no question over the current scene; it hands back True or False."""

from __future__ import annotations

import pygame

from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.scene import Scene
from quiz.ui.scenes.common import menu_pick
from quiz.ui.session import Session
from quiz.ui.widgets.draw import cover, fitted, panel
from quiz.ui.widgets.menu import Menu, MenuItem


class ConfirmScene(Scene):
    opaque = False
    name = "confirm"

    def __init__(
        self, session: Session, question: str, yes: str | None = "Yes", no: str = "No"
    ) -> None:
        """With `yes=None` it is a notice with one button that hands back False."""
        super().__init__(session)
        self.question = question
        self.box = pygame.Rect(0, 0, 620, 300)
        self.box.center = (640, 360)
        items = [MenuItem("no", no)] + ([MenuItem("yes", yes)] if yes else [])
        left = self.box.x + 40 if yes else self.box.centerx - 130
        self.menu = Menu(
            items,
            (left, self.box.bottom - 100),
            item_size=(260, 64),
            gap=20,
            horizontal=True,
        )

    def handle(self, action: PlayerAction) -> None:
        if action.action in (Action.BACK, Action.PAUSE):
            self.session.stack.pop(False)
            return
        key = menu_pick(self.session, self.menu, action)
        if key is not None:
            self.session.stack.pop(key == "yes")

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        surface.blit(panel(res, (1280, 720), theme.NIGHT, None, 170, radius=0), (0, 0))
        surface.blit(panel(res, self.box.size, theme.PANEL, theme.AMBER, 250), self.box)
        cover(res, surface, self.box)
        text = pygame.Rect(self.box.x + 40, self.box.y + 30, self.box.width - 80, 140)
        fitted(res, surface, self.question, text, theme.TEXT, theme.BODY_SIZE + 6)
        self.menu.draw(surface, res)
