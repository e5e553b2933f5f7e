"""Settings: question timer, sound volume, mute, fullscreen, explanations. Saved at once."""

from __future__ import annotations

import pygame

from quiz.ui import theme
from quiz.ui.input import PlayerAction
from quiz.ui.scene import Scene
from quiz.ui.scenes.common import (
    MENU_HINTS,
    BackButton,
    draw_background,
    draw_heading,
    draw_hints,
    menu_event,
    step_choice,
)
from quiz.ui.session import Session
from quiz.ui.widgets.draw import fitted
from quiz.ui.widgets.menu import Menu, MenuItem

TIMER_STEPS: tuple[int | None, ...] = (None, 10, 15, 20, 30, 45, 60)
PROBLEM = pygame.Rect(200, 646, 880, 28)
VOLUME_STEPS: tuple[float, ...] = tuple(round(i / 10, 1) for i in range(11))


def timer_text(seconds: float | None) -> str:
    return "Relaxed" if seconds is None else f"{int(seconds)} s"


class SettingsScene(Scene):
    name = "settings"

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.back = BackButton()
        self.menu = Menu(self._items(), (290, 124), item_size=(700, 62), gap=12)

    def _items(self) -> list[MenuItem]:
        s = self.session.settings
        on_off = {True: "On", False: "Off"}
        return [
            MenuItem(
                "timer", "Question timer", detail=timer_text(s.timer_seconds), adjustable=True
            ),
            MenuItem("volume", "Sound volume", detail=f"{round(s.volume * 100)}%", adjustable=True),
            MenuItem("muted", "Sound", detail=on_off[not s.muted], adjustable=True),
            MenuItem("fullscreen", "Fullscreen", detail=on_off[s.fullscreen], adjustable=True),
            MenuItem(
                "explain",
                "Explanations",
                detail=on_off[s.show_explanations],
                adjustable=True,
            ),
            MenuItem("keys", "Party keys", detail="the four answer keys of each keyboard player"),
            MenuItem("done", "Done"),
        ]

    def _change(self, key: str, direction: int, wrap: bool = False) -> None:
        """Left/right step a value; Enter or a click steps it up and wraps around."""
        s = self.session.settings
        if key == "timer":
            seconds = step_choice(TIMER_STEPS, s.timer_seconds, direction, wrap)
            self.session.change_settings(timer_seconds=seconds)
        elif key == "volume":
            volume = step_choice(VOLUME_STEPS, round(s.volume, 1), direction, wrap)
            self.session.change_settings(volume=volume)
        elif key == "muted":
            self.session.change_settings(muted=not s.muted)
        elif key == "fullscreen":
            self.session.change_settings(fullscreen=not s.fullscreen)
        elif key == "explain":
            self.session.change_settings(show_explanations=not s.show_explanations)
        self.menu.items = self._items()
        self.session.sound.play("move")

    def handle(self, action: PlayerAction) -> None:
        if self.back.handle(action):
            self.session.stack.pop()
            return
        event = menu_event(self.session, self.menu, action)
        if event is None:
            return
        if event.kind in ("left", "right"):
            self._change(event.key, -1 if event.kind == "left" else 1)
        elif event.kind == "activate":
            if event.key == "done":
                self.session.sound.play("select")
                self.session.stack.pop()
            elif event.key == "keys":
                from quiz.ui.scenes.menus.key_zones import KeyZonesScene

                self.session.sound.play("select")
                self.session.stack.push(KeyZonesScene(self.session))
            else:
                self._change(event.key, 1, wrap=True)

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        draw_background(surface, res)
        draw_heading(surface, res, "Settings")
        self.back.draw(surface, res)
        self.menu.draw(surface, res)
        problem = self.session.settings_problem
        if problem:
            # Stays while the settings are not on disk: they apply now, but not next time.
            fitted(res, surface, f"Not saved: {problem}", PROBLEM, theme.WRONG, theme.TINY_SIZE)
        draw_hints(surface, res, "Left / Right: change    " + MENU_HINTS)
