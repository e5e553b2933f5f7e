"""The way out of a scene: what a scene asks for when it leaves, without importing the scene.

A scene that moves on to the title, the lobby or the scene for the game's phase asks
`session.routes`. The one implementation, `quiz.ui.scenes.flow.SceneRoutes`, imports the
scenes; the scenes import only this protocol, so the house has no import circle.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from quiz.engine import Event, GameConfig
    from quiz.ui.stack import Layer


class Routes(Protocol):
    def title(self) -> Layer:
        """A new title screen."""
        ...

    def lobby(self) -> Layer:
        """A new party lobby."""
        ...

    def for_phase(self, events: Sequence[Event] = ()) -> Layer:
        """The scene for the game's current phase; `events` carries what the last scene saw."""
        ...

    def start_game(self, config: GameConfig) -> bool:
        """Build the engine's game and show its first round; False when the config is refused."""
        ...

    def quit_to_title(self) -> None:
        """Drop the game and go back to the title screen."""
        ...
