"""The pause overlay: resume, sound on or off, or quit to the title. Hands back its choice."""

from __future__ import annotations

import pygame

from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.scene import Scene
from quiz.ui.scenes.common import draw_hints, menu_pick
from quiz.ui.session import Session
from quiz.ui.widgets.draw import cover, fitted, label, panel
from quiz.ui.widgets.menu import Menu, MenuItem

PAUSE_HINTS = "Up / Down: move    Enter / A: choose    Esc / B / Start: resume"
BOX = pygame.Rect(390, 130, 500, 440)  # three items; a fourth makes it taller
ITEM_H, ITEM_GAP = 66, 16


class PauseScene(Scene):
    """Result: "resume", "quit", or "remove" (a party with phones: put a player out)."""

    opaque = False
    name = "pause"

    def __init__(self, session: Session, reason: str = "", can_remove: bool = False) -> None:
        super().__init__(session)
        self.reason = reason
        self.can_remove = can_remove
        items = self._items()
        self.box = BOX.inflate(0, (len(items) - 3) * (ITEM_H + ITEM_GAP))
        self.box.centery = BOX.centery
        self.menu = Menu(items, (self.box.x + 50, self.box.y + 150), item_size=(400, ITEM_H),
                         gap=ITEM_GAP)

    def _items(self) -> list[MenuItem]:
        sound = "Sound: off" if self.session.settings.muted else "Sound: on"
        return [
            MenuItem("resume", "Resume"),
            MenuItem("sound", sound),
            *([MenuItem("remove", "Remove a player")] if self.can_remove else []),
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
        surface.blit(panel(res, self.box.size, theme.PANEL, theme.AMBER, 250), self.box)
        cover(res, surface, self.box)
        box = self.box
        label(res, surface, "Paused", theme.HEADING_SIZE, theme.AMBER, (box.centerx, box.y + 60))
        if self.reason:
            rect = pygame.Rect(self.box.x + 30, self.box.y + 98, self.box.width - 60, 40)
            fitted(res, surface, self.reason, rect, theme.STEEL_LIGHT, theme.SMALL_SIZE)
        self.menu.draw(surface, res)
        # Its own help over the game's: "1-4: answer" does nothing while paused.
        draw_hints(surface, res, PAUSE_HINTS, opaque=True)
