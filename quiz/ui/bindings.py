"""Player actions, and which key or pad button gives which action.

Bindings can be overridden from settings by key name; the party keyboard zones
come from the settings too.
"""

from __future__ import annotations

from collections.abc import Mapping
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
    BUZZ = "buzz"  # a phone's buzz button
    TYPED = "typed"  # text: a whole typed answer, from a phone
    ORDERED = "ordered"  # items: a whole order, from a phone
    START = "start"  # the leading phone's Start in the lobby


@dataclass(frozen=True)
class PlayerAction:
    slot: int
    action: Action
    value: int = 0
    pos: tuple[int, int] | None = None
    text: str = ""
    device: str = "keyboard"
    items: tuple[int, ...] = ()
    ago: float = 0.0  # seconds before this frame the input was given (a phone's network delay)


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
                if parsed is not None and key_code(str(key)) is not None:
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
                isinstance(z, list) and len(z) == 4 and all(key_code(str(k)) is not None for k in z)
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


def key_code(name: str) -> int | None:
    """pygame's code for a key name, None for a name it does not know."""
    try:
        return pygame.key.key_code(name)
    except ValueError:
        return None
