"""Settings: the party's keyboard zones. Pick a zone and press its four new keys, left to right.

Keys that drive the menus (arrows, Enter, Space, Esc, Backspace, Tab, F11)
cannot be answer keys, and a key belongs to one zone only. Saved at once.
"""

from __future__ import annotations

import pygame

from quiz.storage.settings import DEFAULT_KEY_ZONES, KEYS_PER_ZONE
from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.scene import Scene
from quiz.ui.scenes.common import (
    MENU_HINTS,
    BackButton,
    draw_background,
    draw_heading,
    draw_hints,
    menu_pick,
)
from quiz.ui.session import Session
from quiz.ui.widgets.avatar import chips_width, key_chips
from quiz.ui.widgets.draw import fitted, label
from quiz.ui.widgets.menu import Menu, MenuItem

RESERVED = frozenset(
    {"escape", "return", "enter", "space", "up", "down", "left", "right", "backspace", "tab", "f11"}
)
MESSAGE = pygame.Rect(240, 600, 800, 50)


class KeyZonesScene(Scene):
    name = "key_zones"

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.zones: dict[str, tuple[str, ...]] = dict(session.settings.key_zones)
        self.editing: str | None = None  # the zone taking new keys
        self.typed: list[str] = []
        self.message = ""
        self.back = BackButton()
        self.menu = Menu(self._items(), (290, 120), item_size=(700, 64), gap=12)

    @property
    def wants_keys(self) -> bool:  # type: ignore[override]
        return self.editing is not None

    def _items(self) -> list[MenuItem]:
        items = [
            MenuItem(zone, f"Player keys {number}", detail="Enter: press four new keys")
            for number, zone in enumerate(self.zones, start=1)
        ]
        return items + [MenuItem("reset", "Back to the default keys"), MenuItem("done", "Done")]

    def handle(self, action: PlayerAction) -> None:
        if self.editing is not None:
            if action.action is Action.KEY:
                self._take(action.text)
            return
        if self.back.handle(action):
            self.session.stack.pop()
            return
        key = menu_pick(self.session, self.menu, action)
        if key == "done":
            self.session.stack.pop()
        elif key == "reset":
            self.zones = dict(DEFAULT_KEY_ZONES)
            self._save()
            self.message = "The default keys are back."
        elif key is not None:
            self.editing, self.typed = key, []
            self.message = ""

    def _take(self, key: str) -> None:
        assert self.editing is not None
        if key == "escape":
            self.editing = None
            self.message = "Unchanged."
            return
        taken = {k: z for z, keys in self.zones.items() if z != self.editing for k in keys}
        if key in RESERVED:
            self.message = f"{key.upper()} drives the menus: pick another key."
        elif key in taken:
            number = list(self.zones).index(taken[key]) + 1
            self.message = f"{key.upper()} is one of player keys {number}: pick another."
        elif key in self.typed:
            self.message = f"{key.upper()} is already in this zone."
        else:
            self.typed.append(key)
            self.message = ""
            self.session.sound.play("move")
        if len(self.typed) < KEYS_PER_ZONE:
            if self.message:
                self.session.sound.play("wrong")
            return
        self.zones[self.editing] = tuple(self.typed)
        self.editing = None
        self._save()
        self.message = "Saved."

    def _save(self) -> None:
        self.session.change_settings(key_zones=dict(self.zones))
        self.session.input.set_bindings(self.session.bindings())

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        draw_background(surface, res)
        draw_heading(surface, res, "Party Keys")
        self.back.draw(surface, res)
        self.menu.draw(surface, res)
        for item, rect in zip(self.menu.items, self.menu.rects()):
            if item.key not in self.zones:
                continue
            keys = tuple(self.typed) if item.key == self.editing else self.zones[item.key]
            width = chips_width(res, keys or ("?",), 40, 8)
            x = rect.right - 24 - width
            if keys:
                key_chips(res, surface, keys, (x, rect.centery - 20), 40, 8)
            if item.key == self.editing:
                left = KEYS_PER_ZONE - len(self.typed)
                label(
                    res,
                    surface,
                    f"press {left} more",
                    theme.SMALL_SIZE,
                    theme.TEXT_DARK,  # on the focused, amber row
                    (x - 20, rect.centery),
                    "midright",
                    box=rect,
                )
        if self.message:
            fitted(res, surface, self.message, MESSAGE, theme.AMBER, theme.SMALL_SIZE + 2)
        if self.editing is not None:
            hints = "Press the zone's four keys, left to right    Esc: keep the old keys"
        else:
            hints = "Each party player answers with four keys    " + MENU_HINTS
        draw_hints(surface, res, hints)
