"""The base of every scene: one screen that handles actions, updates and draws.

Scenes live on the session's stack (`quiz.ui.stack`) and never call each other:
they push, pop or replace through the stack and ask `session.routes` for the
title, the lobby or the scene for the game's phase.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

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
