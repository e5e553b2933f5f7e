"""The mapper that turns pygame events into player actions.

Scenes only ever see `PlayerAction(slot, action)`. Which physical input gives
which action for which player is decided here and nowhere else: the solo keys,
the four party keyboard zones, the mouse, and every gamepad by instance_id.
The bindings themselves live in quiz.ui.bindings.

Edges, not levels: a held key or button gives one action (a repeat KEYDOWN is
dropped), and every event of a frame is turned into an action, so presses
that land in the same frame are all delivered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pygame

from quiz.ui.bindings import (
    PAD_ANSWER_BUTTONS,
    SOLO_SLOT,
    Action,
    Bindings,
    PlayerAction,
    key_code,
)

__all__ = ["Action", "Bindings", "InputMapper", "PlayerAction"]

_HAT = {(0, 1): Action.UP, (0, -1): Action.DOWN, (-1, 0): Action.LEFT, (1, 0): Action.RIGHT}
_AXIS_THRESHOLD = 0.6

# Keys that still mean something while a scene takes typed text.
_TEXT_MODE_KEYS = {"up", "down", "left", "right", "return", "enter", "escape", "backspace", "f11"}


class InputMapper:
    """Turns pygame events into PlayerActions for the current mode.

    `to_logical` maps window pixels to the 1280x720 canvas (letterboxing).
    """

    def __init__(
        self,
        bindings: Bindings | None = None,
        to_logical: Callable[[tuple[int, int]], tuple[int, int] | None] = lambda p: p,
    ) -> None:
        self.bindings = bindings or Bindings()
        self.to_logical = to_logical
        self.text_mode = False
        self.party = False  # zone keys answer for their player
        self.pad_answers = False  # pad face buttons answer instead of confirm / back
        self.capture_keys = False  # every key press is reported by name (rebinding keys)
        self.pads: dict[int, int] = {}  # instance_id -> slot
        self._joysticks: dict[int, object] = {}
        self._held_keys: set[int] = set()
        self._held_buttons: set[tuple[int, int]] = set()
        self._axes: dict[tuple[int, int], int] = {}
        self._rebuild()

    def set_bindings(self, bindings: Bindings) -> None:
        self.bindings = bindings
        self._rebuild()

    def _rebuild(self) -> None:
        self._solo: dict[int, tuple[Action, int]] = {}
        for name, binding in self.bindings.solo_keys.items():
            code = key_code(name)
            if code is not None:
                self._solo[code] = binding
        self._zones: dict[int, tuple[int, int]] = {}
        for slot, zone in enumerate(self.bindings.party_zones):
            for index, name in enumerate(zone):
                code = key_code(name)
                if code is not None:
                    self._zones[code] = (slot, index)
        self._buttons: dict[int, tuple[Action, int]] = {
            int(b): spec for b, spec in self.bindings.pad_buttons.items() if b.isdigit()
        }

    # Pads -------------------------------------------------------------------------------------

    def pad_slot(self, instance_id: int) -> int:
        """The slot of a pad: the solo player in solo, the next free party slot otherwise."""
        slot = self.pads.get(instance_id)
        if slot is None:
            if self.party:
                used = set(self.pads.values())
                slot = len(self.bindings.party_zones)
                while slot in used:
                    slot += 1
            else:
                slot = SOLO_SLOT
            self.pads[instance_id] = slot
        return slot

    def _pad_added(self, event: pygame.event.Event) -> PlayerAction:
        instance_id: int | None = getattr(event, "instance_id", None)
        try:
            # A real device: keep the Joystick object alive so SDL keeps sending its events.
            stick = pygame.joystick.Joystick(event.device_index)
            instance_id = stick.get_instance_id()
            self._joysticks[instance_id] = stick
        except (pygame.error, AttributeError, TypeError):
            # No such device (a posted event, or it left again at once): track it by id anyway.
            if instance_id is None:
                instance_id = int(getattr(event, "device_index", -1))
        slot = self.pad_slot(instance_id)
        return PlayerAction(slot, Action.JOINED, instance_id, device=f"pad:{instance_id}")

    def _pad_removed(self, event: pygame.event.Event) -> PlayerAction | None:
        instance_id = getattr(event, "instance_id", None)
        if instance_id is None or instance_id not in self.pads:
            return None
        slot = self.pads.pop(instance_id)
        self._joysticks.pop(instance_id, None)
        self._held_buttons = {held for held in self._held_buttons if held[0] != instance_id}
        self._axes = {k: v for k, v in self._axes.items() if k[0] != instance_id}
        return PlayerAction(slot, Action.LEFT_GAME, instance_id, device=f"pad:{instance_id}")

    # Events -----------------------------------------------------------------------------------

    def translate(self, events: Iterable[pygame.event.Event]) -> list[PlayerAction]:
        actions: list[PlayerAction] = []
        for event in events:
            actions.extend(self._translate(event))
        return actions

    def _translate(self, event: pygame.event.Event) -> list[PlayerAction]:
        kind = event.type
        if kind == pygame.KEYDOWN:
            if event.key in self._held_keys:
                return []
            self._held_keys.add(event.key)
            return self._key(event.key)
        if kind == pygame.KEYUP:
            self._held_keys.discard(event.key)
            return []
        if kind == pygame.TEXTINPUT:
            if self.text_mode and event.text.isprintable():
                return [PlayerAction(SOLO_SLOT, Action.TEXT, text=event.text)]
            return []
        if kind in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN):
            return self._mouse(event)
        if kind == pygame.MOUSEWHEEL:
            action = Action.UP if event.y > 0 else Action.DOWN
            return [PlayerAction(SOLO_SLOT, action, device="mouse")] if event.y else []
        if kind == pygame.JOYDEVICEADDED:
            return [self._pad_added(event)]
        if kind == pygame.JOYDEVICEREMOVED:
            removed = self._pad_removed(event)
            return [removed] if removed else []
        if kind in (pygame.JOYBUTTONDOWN, pygame.JOYBUTTONUP):
            return self._button(event)
        if kind == pygame.JOYHATMOTION:
            direction = _HAT.get(tuple(event.value))
            if direction is None:
                return []
            return [self._pad_action(event.instance_id, direction)]
        if kind == pygame.JOYAXISMOTION:
            return self._axis(event)
        return []

    def _key(self, code: int) -> list[PlayerAction]:
        if self.capture_keys:
            return [PlayerAction(SOLO_SLOT, Action.KEY, text=pygame.key.name(code))]
        if self.text_mode:
            name = pygame.key.name(code)
            if name not in _TEXT_MODE_KEYS:
                return []
        if self.party and code in self._zones:
            slot, index = self._zones[code]
            return [PlayerAction(slot, Action.ANSWER, index, device=f"zone:{slot}")]
        binding = self._solo.get(code)
        if binding is None:
            return []
        action, value = binding
        # In a party only the zones answer: a solo answer key outside them belongs to nobody.
        if (self.text_mode or self.party) and action is Action.ANSWER:
            return []
        return [PlayerAction(SOLO_SLOT, action, value)]

    def _mouse(self, event: pygame.event.Event) -> list[PlayerAction]:
        pos = self.to_logical(tuple(event.pos))
        if pos is None:
            return []
        if event.type == pygame.MOUSEMOTION:
            return [PlayerAction(SOLO_SLOT, Action.POINT, pos=pos, device="mouse")]
        if event.button == 1:
            return [PlayerAction(SOLO_SLOT, Action.CLICK, pos=pos, device="mouse")]
        if event.button == 3:
            return [PlayerAction(SOLO_SLOT, Action.BACK, pos=pos, device="mouse")]
        return []

    def _pad_action(self, instance_id: int, action: Action, value: int = 0) -> PlayerAction:
        slot = self.pad_slot(instance_id)
        return PlayerAction(slot, action, value, device=f"pad:{instance_id}")

    def _button(self, event: pygame.event.Event) -> list[PlayerAction]:
        held = (event.instance_id, event.button)
        if event.type == pygame.JOYBUTTONUP:
            self._held_buttons.discard(held)
            return []
        if held in self._held_buttons:
            return []
        self._held_buttons.add(held)
        if self.pad_answers and 0 <= event.button < PAD_ANSWER_BUTTONS:
            return [self._pad_action(event.instance_id, Action.ANSWER, event.button)]
        binding = self._buttons.get(event.button)
        if binding is None:
            return []
        return [self._pad_action(event.instance_id, *binding)]

    def _axis(self, event: pygame.event.Event) -> list[PlayerAction]:
        if event.axis not in (0, 1):
            return []
        key = (event.instance_id, event.axis)
        value = event.value
        position = 0 if abs(value) < _AXIS_THRESHOLD else (1 if value > 0 else -1)
        if position == self._axes.get(key, 0):
            return []
        self._axes[key] = position
        if position == 0:
            return []
        if event.axis == 0:
            action = Action.RIGHT if position > 0 else Action.LEFT
        else:
            action = Action.DOWN if position > 0 else Action.UP
        return [self._pad_action(event.instance_id, action)]
