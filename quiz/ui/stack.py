"""The scene stack.

Events go to the top scene only; drawing starts at the topmost opaque scene so
an overlay (pause, confirm) is drawn over the scene below it. Scenes never call
each other: they ask the stack to push, pop or replace, and a pushed scene can
hand a result back to a callback when it is popped (like a modal dialog).
Changes are applied between frames, never while a scene is handling input.

The stack holds anything shaped like a scene (`Layer`), so it needs neither the
scenes nor the session that carries it: `quiz.ui.scene` builds on this module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from pathlib import Path

    import pygame

    from quiz.ui.input import PlayerAction


class Layer(Protocol):
    """What the stack and the loop ask of a scene (`quiz.ui.scene.Scene` is one)."""

    # Read-only here: scenes declare these as class variables.
    @property
    def opaque(self) -> bool: ...
    @property
    def wants_text(self) -> bool: ...
    @property
    def wants_keys(self) -> bool: ...
    @property
    def party_input(self) -> bool: ...
    @property
    def pad_answers(self) -> bool: ...
    @property
    def name(self) -> str: ...

    age: float

    def handle(self, action: PlayerAction) -> None: ...

    def update(self, dt: float) -> None: ...

    def draw(self, surface: pygame.Surface) -> None: ...

    def animating(self) -> bool: ...

    def resumed(self) -> None: ...

    def device_lost(self) -> None: ...

    def text_face(self) -> Path | None: ...


Callback = Callable[[Any], None]


@dataclass
class _Op:
    kind: str
    scene: Layer | None = None
    result: Any = None
    callback: Callback | None = None


class SceneStack:
    def __init__(self) -> None:
        self.scenes: list[Layer] = []
        self._callbacks: dict[int, Callback] = {}
        self._pending: list[_Op] = []
        self.exit_code: int | None = None

    @property
    def top(self) -> Layer | None:
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Layer, on_result: Callback | None = None) -> None:
        self._pending.append(_Op("push", scene, callback=on_result))

    def pop(self, result: Any = None) -> None:
        self._pending.append(_Op("pop", result=result))

    def replace(self, scene: Layer, on_result: Callback | None = None) -> None:
        self._pending.append(_Op("replace", scene, callback=on_result))

    def reset(self, scene: Layer) -> None:
        """Clear the stack down to one scene (e.g. back to the title)."""
        self._pending.append(_Op("reset", scene))

    def quit(self, code: int = 0) -> None:
        self.exit_code = code

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)

    def visible(self) -> list[Layer]:
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
