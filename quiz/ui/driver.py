"""A headless driver for tests, benchmarks and screenshots.

It posts real pygame events (keys, text, mouse, gamepad) and steps the one
Control loop frame by frame on a manual clock, so `advance(20)` makes twenty
seconds pass for question timers without waiting. Use it with the dummy SDL
video and audio drivers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from quiz.ui.app import build_session, open_scenes
from quiz.ui.clock import ManualClock
from quiz.ui.control import Control
from quiz.ui.display import letterbox
from quiz.ui.scene import Scene

if TYPE_CHECKING:
    from quiz.engine import Game, GameConfig
    from quiz.packs.model import LoadResult
    from quiz.ui.session import Session


class Driver:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.control = Control(session)
        self.clock = session.clock

    @classmethod
    def open(
        cls,
        config: GameConfig | None = None,
        discover: Callable[[], list[LoadResult]] | None = None,
    ) -> Driver:
        session = build_session(clock=ManualClock(), discover=discover)
        session.phone_port = 0  # tests run side by side: any free port
        open_scenes(session, config)
        driver = cls(session)
        driver.step()
        return driver

    def close(self) -> None:
        self.session.stop_phones()
        pygame.quit()

    # Reading state ----------------------------------------------------------------------------

    @property
    def scene(self) -> Scene:
        top = self.session.stack.top
        assert isinstance(top, Scene), "no scene on the stack"
        return top

    @property
    def scene_name(self) -> str:
        return self.scene.name

    @property
    def game(self) -> Game:
        assert self.session.game is not None, "no game running"
        return self.session.game

    @property
    def exited(self) -> bool:
        return self.session.stack.exit_code is not None

    # Time -------------------------------------------------------------------------------------

    def step(self, frames: int = 1) -> None:
        for _ in range(frames):
            self.control.step()

    def advance(self, seconds: float) -> None:
        """Run frames until `seconds` of game time have passed."""
        assert isinstance(self.clock, ManualClock)
        frames = max(1, round(seconds / self.clock.step))
        self.step(frames)

    def until(self, name: str, seconds: float = 10.0) -> None:
        """Run frames until the top scene is `name`; fail after `seconds` of game time."""
        assert isinstance(self.clock, ManualClock)
        for _ in range(int(seconds / self.clock.step)):
            if self.session.stack.top is not None and self.scene_name == name:
                return
            self.step()
        raise AssertionError(f"scene {name!r} not reached; on {self.scene_name!r}")

    # Input ------------------------------------------------------------------------------------

    def _post(self, kind: int, **attrs: Any) -> None:
        pygame.event.post(pygame.event.Event(kind, **attrs))

    def key_down(self, key: str) -> None:
        code = pygame.key.key_code(key)
        self._post(pygame.KEYDOWN, key=code, mod=0, scancode=0, unicode="")

    def key_up(self, key: str) -> None:
        code = pygame.key.key_code(key)
        self._post(pygame.KEYUP, key=code, mod=0, scancode=0, unicode="")

    def press(self, *keys: str, frames: int = 2) -> None:
        """Press and release keys (all in the same frame), then run a few frames."""
        for key in keys:
            self.key_down(key)
        for key in keys:
            self.key_up(key)
        self.step(frames)

    def type(self, text: str, frames: int = 2) -> None:
        for char in text:
            self._post(pygame.TEXTINPUT, text=char)
        self.step(frames)

    def _window_pos(self, pos: tuple[int, int]) -> tuple[int, int]:
        window = pygame.display.get_surface()
        assert window is not None, "the display is not open"
        view = letterbox(window.get_size())
        return (view.x + pos[0] * view.width // 1280, view.y + pos[1] * view.height // 720)

    def move(self, pos: tuple[int, int], frames: int = 1) -> None:
        at = self._window_pos(pos)
        self._post(pygame.MOUSEMOTION, pos=at, rel=(0, 0), buttons=(0, 0, 0), touch=False)
        self.step(frames)

    def click(self, pos: tuple[int, int], button: int = 1, frames: int = 2) -> None:
        """Move the mouse to a canvas position and click there."""
        at = self._window_pos(pos)
        self._post(pygame.MOUSEMOTION, pos=at, rel=(0, 0), buttons=(0, 0, 0), touch=False)
        self._post(pygame.MOUSEBUTTONDOWN, pos=at, button=button, touch=False)
        self._post(pygame.MOUSEBUTTONUP, pos=at, button=button, touch=False)
        self.step(frames)

    def wheel(self, y: int, frames: int = 2) -> None:
        """Turn the mouse wheel: positive y away from the player (scrolls up)."""
        self._post(pygame.MOUSEWHEEL, x=0, y=y, flipped=False, precise_x=0.0,
                   precise_y=float(y), touch=False)
        self.step(frames)

    def pad_added(self, instance_id: int = 0, frames: int = 1) -> None:
        self._post(pygame.JOYDEVICEADDED, device_index=instance_id, instance_id=instance_id)
        self.step(frames)

    def pad_removed(self, instance_id: int = 0, frames: int = 1) -> None:
        self._post(pygame.JOYDEVICEREMOVED, instance_id=instance_id)
        self.step(frames)

    def pad_button(self, button: int, instance_id: int = 0, frames: int = 2) -> None:
        self._post(pygame.JOYBUTTONDOWN, instance_id=instance_id, button=button, joy=instance_id)
        self._post(pygame.JOYBUTTONUP, instance_id=instance_id, button=button, joy=instance_id)
        self.step(frames)

    def pad_hat(self, value: tuple[int, int], instance_id: int = 0, frames: int = 2) -> None:
        self._post(
            pygame.JOYHATMOTION, instance_id=instance_id, hat=0, value=value, joy=instance_id
        )
        self._post(
            pygame.JOYHATMOTION, instance_id=instance_id, hat=0, value=(0, 0), joy=instance_id
        )
        self.step(frames)

    # Pictures ---------------------------------------------------------------------------------

    def screenshot(self, path: Path) -> Path:
        self.control.draw()
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(self.session.display.canvas, str(path))
        return path
