"""The one loop: read events, turn them into player actions, update, draw.

The loop caps at 60 FPS with `clock.tick`. When nothing on screen moves it
naps until input arrives instead of redrawing, so an idle menu costs almost no
CPU. Global keys (mute, fullscreen) and device changes are handled here;
everything else goes to the top scene.
"""

from __future__ import annotations

import pygame

from quiz.ui.input import Action
from quiz.ui.session import Session
from quiz.ui.stack import SceneStack
from quiz.ui.theme import FPS, TRANSITION_SECONDS
from quiz.ui.widgets.toast import draw_toast

IDLE_WAIT_MS = 240
IDLE_NAP_MS = 30


class Control:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.frames = 0
        self._fade: pygame.Surface | None = None
        self._fade_left = 0.0
        self._dirty = True

    @property
    def stack(self) -> SceneStack:
        return self.session.stack

    def run(self) -> int:
        self.stack.apply()
        while self.stack.exit_code is None and self.stack.scenes:
            self.step()
        return self.stack.exit_code or 0

    def _idle(self) -> bool:
        top = self.stack.top
        moving = self._fade_left > 0 or any(s.animating() for s in self.stack.visible())
        # A toast keeps the loop awake, so it goes on time even on a still screen.
        moving = moving or self.session.toast is not None
        return top is not None and not moving and not self._dirty

    def _gather(self) -> tuple[float, list[pygame.event.Event]]:
        clock = self.session.clock
        if not clock.manual and self._idle():
            # Nothing moves: sleep in short naps until input arrives (or a timeout, for clocks
            # on screen). SDL's own wait polls about every millisecond, which costs more CPU
            # than these naps; a nap adds at most IDLE_NAP_MS of input delay on a still screen.
            events: list[pygame.event.Event] = []
            for _ in range(IDLE_WAIT_MS // IDLE_NAP_MS):
                events = pygame.event.get()
                if events:
                    break
                pygame.time.wait(IDLE_NAP_MS)
            return min(clock.tick(FPS), 0.1), events
        dt = min(clock.tick(FPS), 0.1)
        return dt, pygame.event.get()

    def step(self) -> None:
        self.stack.apply()
        dt, events = self._gather()
        session = self.session
        for event in events:
            if event.type == pygame.QUIT:
                self.stack.quit(0)
                return
            if event.type in (pygame.WINDOWRESIZED, pygame.WINDOWEXPOSED, pygame.VIDEORESIZE):
                self._dirty = True
        top = self.stack.top
        session.input.text_mode = bool(top and top.wants_text)
        session.input.capture_keys = bool(top and top.wants_keys)
        session.input.party = bool(top and top.party_input)
        session.input.pad_answers = bool(top and top.pad_answers)
        actions = session.input.translate(events)
        if session.phones is not None:
            actions += session.phones.poll(session)
        for action in actions:
            self._dirty = True
            if action.action is Action.MUTE:
                session.toggle_mute()
            elif action.action is Action.FULLSCREEN:
                session.toggle_fullscreen()
            elif action.action is Action.LEFT_GAME:
                for scene in self.stack.scenes:
                    scene.device_lost()
            elif self.stack.top is not None:
                self.stack.top.handle(action)
            # A scene change takes effect before the next action of the same frame.
            self._apply_changes()
        for scene in self.stack.visible():
            scene.age += dt
        if self.stack.top is not None:
            self.stack.top.update(dt)
        self._apply_changes()
        if self._fade_left > 0:
            self._fade_left = max(0.0, self._fade_left - dt)
        toast = session.toast
        if toast is not None and session.now() >= toast.until:
            session.toast = None
            self._dirty = True  # redraw once without it
        if self.stack.scenes and (self._dirty or not self._idle_now()):
            self.draw()
            self._dirty = False
        if session.phones is not None:
            # After the picture is up: the phone server's work of sending it then overlaps
            # the wait for the next frame, not the drawing of this one.
            session.phones.publish(session)

    def _idle_now(self) -> bool:
        if self._fade_left > 0 or self.session.toast is not None:
            return False
        return not any(s.animating() for s in self.stack.visible())

    def _apply_changes(self) -> None:
        if not self.stack.has_pending:
            return
        snapshot = self.session.display.canvas.copy() if self.stack.scenes else None
        if self.stack.apply() and snapshot is not None:
            self._fade = snapshot
            self._fade_left = TRANSITION_SECONDS
        self._dirty = True

    def draw(self) -> None:
        canvas = self.session.display.canvas
        resources = self.session.resources
        for scene in self.stack.visible():
            if resources.layout is not None:
                resources.layout.scene = scene.name
            if resources.marks is not None:
                resources.marks.scene = scene.name
            with resources.using_face(scene.text_face()):
                scene.draw(canvas)
        if self._fade is not None and self._fade_left > 0:
            self._fade.set_alpha(int(255 * self._fade_left / TRANSITION_SECONDS))
            canvas.blit(self._fade, (0, 0))
        if self.session.toast is not None:
            if resources.layout is not None:
                resources.layout.scene = "toast"
            draw_toast(canvas, self.session.resources, self.session.toast.text)
        self.session.display.present()
        self.frames += 1
