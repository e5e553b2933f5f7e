"""Scenes and the scene stack.

Events go to the top scene only; drawing starts at the topmost opaque scene so
an overlay (pause, confirm) is drawn over the scene below it. Scenes never call
each other: they ask the stack to push, pop or replace, and a pushed scene can
hand a result back to a callback when it is popped (like a modal dialog).
Changes are applied between frames, never while a scene is handling input.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from pathlib import Path

    import pygame

    from quiz.ui.input import PlayerAction
    from quiz.ui.session import Session

from quiz.ui.theme import TRANSITION_SECONDS


class Scene:
    """One screen. Subclasses override handle, update and draw."""

    opaque: ClassVar[bool] = True
    wants_text: ClassVar[bool] = False
    wants_keys: ClassVar[bool] = False  # every key press arrives as Action.KEY (rebinding)
    party_input: ClassVar[bool] = False  # keyboard zones answer for their own player
    pad_answers: ClassVar[bool] = False  # pad face buttons A B X Y answer 1-4
    name: ClassVar[str] = "scene"

    def __init__(self, session: Session) -> None:
        self.session = session
        self.age = 0.0

    def handle(self, action: PlayerAction) -> None:
        """React to one player action."""

    def update(self, dt: float) -> None:
        """Advance animations and poll the engine; `dt` is seconds since the last frame."""

    def draw(self, surface: pygame.Surface) -> None:
        """Draw the whole scene (or, for an overlay, what goes over the scene below)."""

    def text_face(self) -> Path | None:
        """A font file for this scene's texts (a pack's own); None: the game's font."""
        return None

    def animating(self) -> bool:
        """True while the scene changes without input, so the loop must keep redrawing."""
        return self.age < TRANSITION_SECONDS * 2

    def resumed(self) -> None:
        """Called when the scene above this one was popped."""

    def device_lost(self) -> None:
        """A gamepad went away; scenes with a running timer pause."""


Callback = Callable[[Any], None]


@dataclass
class _Op:
    kind: str
    scene: Scene | None = None
    result: Any = None
    callback: Callback | None = None


class SceneStack:
    def __init__(self) -> None:
        self.scenes: list[Scene] = []
        self._callbacks: dict[int, Callback] = {}
        self._pending: list[_Op] = []
        self.exit_code: int | None = None

    @property
    def top(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene, on_result: Callback | None = None) -> None:
        self._pending.append(_Op("push", scene, callback=on_result))

    def pop(self, result: Any = None) -> None:
        self._pending.append(_Op("pop", result=result))

    def replace(self, scene: Scene, on_result: Callback | None = None) -> None:
        self._pending.append(_Op("replace", scene, callback=on_result))

    def reset(self, scene: Scene) -> None:
        """Clear the stack down to one scene (e.g. back to the title)."""
        self._pending.append(_Op("reset", scene))

    def quit(self, code: int = 0) -> None:
        self.exit_code = code

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)

    def visible(self) -> list[Scene]:
        """Scenes to draw, bottom first: from the topmost opaque one up."""
        start = 0
        for index in range(len(self.scenes) - 1, -1, -1):
            if self.scenes[index].opaque:
                start = index
                break
        return self.scenes[start:]

    def apply(self) -> bool:
        """Carry out pending changes; True when an opaque scene came on top (for a fade)."""
        changed = False
        while self._pending:
            op = self._pending.pop(0)
            if op.kind == "push" and op.scene is not None:
                self.scenes.append(op.scene)
                if op.callback is not None:
                    self._callbacks[id(op.scene)] = op.callback
                changed = changed or op.scene.opaque
            elif op.kind == "pop" and self.scenes:
                popped = self.scenes.pop()
                callback = self._callbacks.pop(id(popped), None)
                if self.top is not None:
                    self.top.resumed()
                if callback is not None:
                    callback(op.result)
                changed = changed or popped.opaque
            elif op.kind == "replace" and op.scene is not None:
                if self.scenes:
                    self._callbacks.pop(id(self.scenes.pop()), None)
                self.scenes.append(op.scene)
                if op.callback is not None:
                    self._callbacks[id(op.scene)] = op.callback
                changed = True
            elif op.kind == "reset" and op.scene is not None:
                self.scenes.clear()
                self._callbacks.clear()
                self.scenes.append(op.scene)
                changed = True
        return changed
