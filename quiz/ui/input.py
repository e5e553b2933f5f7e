"""Input bindings and the mapper that turns pygame events into player actions.

Scenes only ever see `PlayerAction(slot, action)`. Which physical input gives
which action for which player is decided here and nowhere else: the solo keys,
the four party keyboard zones, the mouse, and every gamepad by instance_id.
Bindings can be overridden from settings by key name.

Edges, not levels: a held key or button gives one action (a repeat KEYDOWN is
dropped), and every event of a frame is turned into an action, so presses
that land in the same frame are all delivered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum

import pygame

from quiz.storage.settings import DEFAULT_KEY_ZONES


class Action(Enum):
    UP = "up"
    DOWN = "down"
    LEFT = "left"
    RIGHT = "right"
    CONFIRM = "confirm"
    BACK = "back"
    PAUSE = "pause"
    ANSWER = "answer"  # value: answer index 0-5
    LIFELINE = "lifeline"
    POINT = "point"  # pos: mouse position in logical coordinates
    CLICK = "click"  # pos
    TEXT = "text"  # text: typed characters
    ERASE = "erase"
    MUTE = "mute"
    FULLSCREEN = "fullscreen"
    JOINED = "joined"  # a device appeared (value: pad instance id)
    LEFT_GAME = "left_game"  # a device went away mid-game
    KEY = "key"  # text: the raw key name, while a scene captures keys (rebinding)


@dataclass(frozen=True)
class PlayerAction:
    slot: int
    action: Action
    value: int = 0
    pos: tuple[int, int] | None = None
    text: str = ""
    device: str = "keyboard"


SOLO_SLOT = 0

_SOLO_KEYS: dict[str, tuple[Action, int]] = {
    "up": (Action.UP, 0),
    "down": (Action.DOWN, 0),
    "left": (Action.LEFT, 0),
    "right": (Action.RIGHT, 0),
    "return": (Action.CONFIRM, 0),
    "enter": (Action.CONFIRM, 0),
    "space": (Action.CONFIRM, 0),
    "escape": (Action.BACK, 0),
    "backspace": (Action.ERASE, 0),
    "l": (Action.LIFELINE, 0),
    "m": (Action.MUTE, 0),
    "f11": (Action.FULLSCREEN, 0),
    **{str(n): (Action.ANSWER, n - 1) for n in range(1, 7)},
    **{f"[{n}]": (Action.ANSWER, n - 1) for n in range(1, 7)},
}

# Party keyboard zones: four answer keys per player, left to right. The defaults live with the
# settings (which can rebind them) so there is one list of them.
PARTY_ZONES: tuple[tuple[str, ...], ...] = tuple(DEFAULT_KEY_ZONES.values())
# In party questions a pad's four face buttons are its answer keys: A B X Y are answers 1-4.
PAD_ANSWER_BUTTONS = 4

# SDL joystick button numbers of an Xbox-layout pad.
_PAD_BUTTONS: dict[str, tuple[Action, int]] = {
    "0": (Action.CONFIRM, 0),  # A
    "1": (Action.BACK, 0),  # B
    "2": (Action.LIFELINE, 0),  # X
    "6": (Action.PAUSE, 0),  # Back / Select
    "7": (Action.PAUSE, 0),  # Start
}

_HAT = {(0, 1): Action.UP, (0, -1): Action.DOWN, (-1, 0): Action.LEFT, (1, 0): Action.RIGHT}
_AXIS_THRESHOLD = 0.6

# Keys that still mean something while a scene takes typed text.
_TEXT_MODE_KEYS = {"up", "down", "left", "right", "return", "enter", "escape", "backspace", "f11"}


def _action_by_name(name: str) -> Action:
    return Action(name)


@dataclass
class Bindings:
    """Which key or pad button gives which action, with names as pygame spells them."""

    solo_keys: dict[str, tuple[Action, int]] = field(default_factory=lambda: dict(_SOLO_KEYS))
    party_zones: tuple[tuple[str, ...], ...] = PARTY_ZONES
    pad_buttons: dict[str, tuple[Action, int]] = field(default_factory=lambda: dict(_PAD_BUTTONS))

    @classmethod
    def from_settings(cls, overrides: Mapping[str, object] | None) -> Bindings:
        """Apply overrides such as {"keys": {"k": "lifeline", "7": "answer:6"}, "zones": [[..]]}."""
        bindings = cls()
        if not overrides:
            return bindings
        keys = overrides.get("keys")
        if isinstance(keys, Mapping):
            for key, spec in keys.items():
                parsed = _parse_spec(spec)
                if parsed is not None and _key_code(str(key)) is not None:
                    bindings.solo_keys[str(key)] = parsed
        buttons = overrides.get("pad_buttons")
        if isinstance(buttons, Mapping):
            for button, spec in buttons.items():
                parsed = _parse_spec(spec)
                if parsed is not None:
                    bindings.pad_buttons[str(button)] = parsed
        zones = overrides.get("zones")
        if (
            isinstance(zones, list)
            and zones
            and all(
                isinstance(z, list)
                and len(z) == 4
                and all(_key_code(str(k)) is not None for k in z)
                for z in zones
            )
        ):
            bindings.party_zones = tuple(tuple(str(k) for k in z) for z in zones)
        return bindings


def _parse_spec(spec: object) -> tuple[Action, int] | None:
    if not isinstance(spec, str):
        return None
    name, _, number = spec.partition(":")
    try:
        action = _action_by_name(name)
    except ValueError:
        return None
    if action is Action.ANSWER:
        if not number.isdigit() or not 1 <= int(number) <= 6:
            return None
        return (action, int(number) - 1)
    return (action, 0)


def _key_code(name: str) -> int | None:
    try:
        return pygame.key.key_code(name)
    except ValueError:
        return None


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
            code = _key_code(name)
            if code is not None:
                self._solo[code] = binding
        self._zones: dict[int, tuple[int, int]] = {}
        for slot, zone in enumerate(self.bindings.party_zones):
            for index, name in enumerate(zone):
                code = _key_code(name)
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
