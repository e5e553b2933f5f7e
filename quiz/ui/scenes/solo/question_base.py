"""Shared by the three question scenes: prompt, countdown, last-seconds tick, lock-in delay."""

from __future__ import annotations

import math

import pygame

from quiz.engine import Event, Phase, QuestionView, Revealed
from quiz.ui import theme
from quiz.ui.scenes.game_base import GameScene
from quiz.ui.session import Session
from quiz.ui.sound import SoundBoard
from quiz.ui.widgets.draw import fitted, panel
from quiz.ui.widgets.hud import draw_countdown

PROMPT = pygame.Rect(48, 116, 1184, 176)
PICTURE_BOX = (300, PROMPT.height - 30)  # a pack's picture, left of the prompt


def load_round_pictures(session: Session) -> None:
    """Decode and scale the pictures of the game's current round, before its clock runs."""
    if session.game is not None:
        session.resources.preload(session.game.round_pictures(), PICTURE_BOX)
LOCK_DELAY = 0.4  # show the locked-in answer briefly before the reveal


class LastSecondsTick:
    """A tick as each of the clock's last five whole seconds begins."""

    def __init__(self) -> None:
        self._last_whole: int | None = None

    def update(self, sound: SoundBoard, left: float | None) -> None:
        """`left`: seconds on the running clock; call only while it runs."""
        if left is None or left <= 0:
            return
        whole = math.ceil(left)
        if whole <= 5 and whole != self._last_whole and self._last_whole is not None:
            sound.play("tick")
        self._last_whole = whole


class QuestionBase(GameScene):
    phase = Phase.QUESTION

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        current = self.game.current
        assert current is not None
        self.question: QuestionView = current
        self._ticks = LastSecondsTick()
        self._held: list[Event] = []
        self._locked_age: float | None = None
        self._left: float | None = self.game.time_left()

    def lock(self) -> None:
        """Call after the engine accepted an answer."""
        self.session.sound.play("select")
        self._locked_age = self.age

    def update(self, dt: float) -> None:
        game = self.game
        game.tick()
        events = game.poll_events()
        for event in events:
            if isinstance(event, Revealed):
                self.session.history.append(event)
            self.on_event(event)
        self._held.extend(events)
        current = game.current
        if current is not None and game.phase is Phase.QUESTION:
            self.question = current
            self._left = game.time_left()  # kept as it was when the answer locked in
        if not game.paused:
            self._ticks.update(self.session.sound, game.time_left())
        if game.phase is not self.phase:
            waited = self._locked_age is not None and self.age - self._locked_age < LOCK_DELAY
            if not waited:
                self.session.stack.replace(self.session.routes.for_phase(self._held))

    def animating(self) -> bool:
        return True  # the countdown drains every frame

    def draw_top(self, surface: pygame.Surface) -> None:
        """Header, countdown bar and the prompt panel."""
        res = self.session.resources
        self.draw_header(surface)
        draw_countdown(surface, res, self._left, self.question.time_limit, self.game.paused)
        surface.blit(panel(res, PROMPT.size, theme.PANEL, theme.PANEL_EDGE, 230), PROMPT)
        inner = PROMPT.inflate(-60, -30)
        image = self.question.image
        picture = res.picture(image, PICTURE_BOX) if image is not None else None
        if picture is not None:
            # A pack's picture on the left, the prompt beside it.
            spot = picture.get_rect(midleft=(inner.x, inner.centery))
            surface.blit(picture, spot)
            inner = pygame.Rect(
                spot.right + 30, inner.y, inner.right - spot.right - 30, inner.height
            )
        fitted(res, surface, self.question.prompt, inner, theme.TEXT, 52, min_size=20)
