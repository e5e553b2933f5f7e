"""The pause overlay: resume, sound on or off, or quit to the title. Hands back its choice."""

from __future__ import annotations

import pygame

from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.scene import Scene
from quiz.ui.scenes.common import menu_pick
from quiz.ui.session import Session
from quiz.ui.widgets.draw import fitted, label, panel
from quiz.ui.widgets.menu import Menu, MenuItem

BOX = pygame.Rect(390, 130, 500, 440)


class PauseScene(Scene):
    """Result: "resume" or "quit"."""

    opaque = False
    name = "pause"

    def __init__(self, session: Session, reason: str = "") -> None:
        super().__init__(session)
        self.reason = reason
        self.menu = Menu(self._items(), (BOX.x + 50, BOX.y + 150), item_size=(400, 66), gap=16)

    def _items(self) -> list[MenuItem]:
        sound = "Sound: off" if self.session.settings.muted else "Sound: on"
        return [
            MenuItem("resume", "Resume"),
            MenuItem("sound", sound),
            MenuItem("quit", "Quit to title"),
        ]

    def handle(self, action: PlayerAction) -> None:
        if action.action in (Action.BACK, Action.PAUSE):
            self.session.stack.pop("resume")
            return
        key = menu_pick(self.session, self.menu, action)
        if key == "sound":
            self.session.toggle_mute()
            self.menu.items = self._items()
        elif key is not None:
            self.session.stack.pop(key)

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        surface.blit(panel(res, (1280, 720), theme.NIGHT, None, 190, radius=0), (0, 0))
        surface.blit(panel(res, BOX.size, theme.PANEL, theme.AMBER, 250), BOX)
        label(res, surface, "Paused", theme.HEADING_SIZE, theme.AMBER, (BOX.centerx, BOX.y + 60))
        if self.reason:
            rect = pygame.Rect(BOX.x + 30, BOX.y + 98, BOX.width - 60, 40)
            fitted(res, surface, self.reason, rect, theme.STEEL_LIGHT, theme.SMALL_SIZE)
        self.menu.draw(surface, res)
        label(
            res,
            surface,
            "Esc / B / Start: resume",
            theme.TINY_SIZE,
            theme.TEXT_DIM,
            (BOX.centerx, BOX.bottom - 26),
        )
