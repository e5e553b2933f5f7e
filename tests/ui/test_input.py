"""The input layer: bindings to PlayerAction(slot, action) for keys, zones, mouse and pads."""

from __future__ import annotations

import pygame
import pytest

from quiz.ui.display import letterbox, to_logical
from quiz.ui.input import Action, Bindings, InputMapper, PlayerAction


@pytest.fixture(autouse=True)
def _pygame() -> None:
    pygame.init()


def key(name: str, down: bool = True) -> pygame.event.Event:
    kind = pygame.KEYDOWN if down else pygame.KEYUP
    return pygame.event.Event(kind, key=pygame.key.key_code(name), mod=0, unicode="", scancode=0)


def kinds(actions: list[PlayerAction]) -> list[tuple[int, Action, int]]:
    return [(a.slot, a.action, a.value) for a in actions]


def test_solo_keys_map_to_the_solo_player() -> None:
    mapper = InputMapper()
    actions = mapper.translate([key(n) for n in ("up", "return", "space", "escape", "3", "l")])
    assert kinds(actions) == [
        (0, Action.UP, 0),
        (0, Action.CONFIRM, 0),
        (0, Action.CONFIRM, 0),
        (0, Action.BACK, 0),
        (0, Action.ANSWER, 2),
        (0, Action.LIFELINE, 0),
    ]


def test_a_held_key_gives_one_answer_until_released() -> None:
    mapper = InputMapper()
    # GIVEN "1" held down: SDL's key repeat sends more KEYDOWNs without a KEYUP
    held = mapper.translate([key("1"), key("1"), key("1")])
    assert kinds(held) == [(0, Action.ANSWER, 0)]
    # WHEN it is released and pressed again THEN it answers again
    again = mapper.translate([key("1", down=False), key("1")])
    assert kinds(again) == [(0, Action.ANSWER, 0)]


def test_presses_in_the_same_frame_are_all_delivered_in_party_zones() -> None:
    mapper = InputMapper()
    mapper.party = True
    actions = mapper.translate([key("2"), key("8"), key("c"), key("m")])
    assert kinds(actions) == [
        (0, Action.ANSWER, 1),
        (1, Action.ANSWER, 1),
        (2, Action.ANSWER, 2),
        (3, Action.ANSWER, 0),
    ]


def test_zones_can_be_rebound_from_settings() -> None:
    bindings = Bindings.from_settings({"zones": [["7", "8", "9", "0"], ["u", "i", "o", "p"]]})
    mapper = InputMapper(bindings)
    mapper.party = True
    assert kinds(mapper.translate([key("9"), key("u")])) == [
        (0, Action.ANSWER, 2),
        (1, Action.ANSWER, 0),
    ]
    # Zones that are not four real keys are refused, keeping the defaults.
    assert Bindings.from_settings({"zones": [["1", "2"]]}).party_zones == Bindings().party_zones
    assert Bindings.from_settings({"zones": [["nokey", "2", "3", "4"]]}).party_zones == (
        Bindings().party_zones
    )


def test_solo_keys_can_be_rebound_and_bad_overrides_are_ignored() -> None:
    bindings = Bindings.from_settings({"keys": {"k": "lifeline", "f1": "answer:6", "x": "nope"}})
    mapper = InputMapper(bindings)
    assert kinds(mapper.translate([key("k"), key("f1"), key("x")])) == [
        (0, Action.LIFELINE, 0),
        (0, Action.ANSWER, 5),
    ]


def test_text_mode_turns_typing_into_text_not_answers() -> None:
    mapper = InputMapper()
    mapper.text_mode = True
    events = [key("1"), key("m"), pygame.event.Event(pygame.TEXTINPUT, text="1m")]
    events += [key("backspace"), key("return")]
    actions = mapper.translate(events)
    assert [(a.action, a.text) for a in actions] == [
        (Action.TEXT, "1m"),
        (Action.ERASE, ""),
        (Action.CONFIRM, ""),
    ]
    mapper.text_mode = False
    assert mapper.translate([pygame.event.Event(pygame.TEXTINPUT, text="x")]) == []


def test_pads_without_a_joystick_object_are_tracked_by_instance_id() -> None:
    mapper = InputMapper()
    added = mapper.translate(
        [pygame.event.Event(pygame.JOYDEVICEADDED, device_index=5, instance_id=42)]
    )
    assert kinds(added) == [(0, Action.JOINED, 42)]
    presses = [
        pygame.event.Event(pygame.JOYBUTTONDOWN, instance_id=42, button=0, joy=0),
        pygame.event.Event(pygame.JOYBUTTONDOWN, instance_id=42, button=0, joy=0),  # held
        pygame.event.Event(pygame.JOYBUTTONUP, instance_id=42, button=0, joy=0),
        pygame.event.Event(pygame.JOYBUTTONDOWN, instance_id=42, button=1, joy=0),
        pygame.event.Event(pygame.JOYHATMOTION, instance_id=42, hat=0, value=(0, 1), joy=0),
        pygame.event.Event(pygame.JOYHATMOTION, instance_id=42, hat=0, value=(1, 0), joy=0),
        pygame.event.Event(pygame.JOYBUTTONDOWN, instance_id=42, button=7, joy=0),
        pygame.event.Event(pygame.JOYBUTTONDOWN, instance_id=42, button=11, joy=0),  # unbound
    ]
    assert [a.action for a in mapper.translate(presses)] == [
        Action.CONFIRM,
        Action.BACK,
        Action.UP,
        Action.RIGHT,
        Action.PAUSE,
    ]
    # A button from a pad never announced is taken as a new pad, not a crash.
    stray = mapper.translate(
        [pygame.event.Event(pygame.JOYBUTTONDOWN, instance_id=99, button=0, joy=1)]
    )
    assert kinds(stray) == [(0, Action.CONFIRM, 0)]


def test_unplugging_a_pad_reports_it_and_forgets_it() -> None:
    mapper = InputMapper()
    mapper.translate([pygame.event.Event(pygame.JOYDEVICEADDED, device_index=0, instance_id=3)])
    removed = mapper.translate([pygame.event.Event(pygame.JOYDEVICEREMOVED, instance_id=3)])
    assert kinds(removed) == [(0, Action.LEFT_GAME, 3)]
    assert mapper.pads == {}
    # Removing an unknown pad is a no-op.
    assert mapper.translate([pygame.event.Event(pygame.JOYDEVICEREMOVED, instance_id=8)]) == []


def test_party_pads_get_their_own_slots_after_the_keyboard_zones() -> None:
    mapper = InputMapper()
    mapper.party = True
    for instance in (10, 11):
        mapper.translate(
            [pygame.event.Event(pygame.JOYDEVICEADDED, device_index=0, instance_id=instance)]
        )
    assert mapper.pads == {10: 4, 11: 5}
    press = pygame.event.Event(pygame.JOYBUTTONDOWN, instance_id=11, button=0, joy=0)
    assert kinds(mapper.translate([press])) == [(5, Action.CONFIRM, 0)]


def test_stick_gives_one_action_per_push_past_the_threshold() -> None:
    mapper = InputMapper()

    def axis(value: float, which: int = 1) -> pygame.event.Event:
        return pygame.event.Event(
            pygame.JOYAXISMOTION, instance_id=1, axis=which, value=value, joy=0
        )

    events = [axis(0.3), axis(0.7), axis(0.9), axis(0.1), axis(-0.8), axis(-0.9, 0)]
    assert [a.action for a in mapper.translate(events)] == [
        Action.DOWN,
        Action.UP,
        Action.LEFT,
    ]


def test_mouse_positions_are_mapped_through_the_letterbox() -> None:
    # A 1920x1200 window shows the 16:9 canvas 1920x1080 with 60 px bars top and bottom.
    assert letterbox((1920, 1200)) == pygame.Rect(0, 60, 1920, 1080)
    assert to_logical((960, 600), (1920, 1200)) == (640, 360)
    assert to_logical((960, 30), (1920, 1200)) is None
    mapper = InputMapper(to_logical=lambda p: to_logical(p, (640, 360)))
    click = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(320, 180), button=1)
    motion = pygame.event.Event(pygame.MOUSEMOTION, pos=(0, 0), rel=(0, 0), buttons=(0, 0, 0))
    right = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(10, 10), button=3)
    actions = mapper.translate([click, motion, right])
    assert [(a.action, a.pos) for a in actions] == [
        (Action.CLICK, (640, 360)),
        (Action.POINT, (0, 0)),
        (Action.BACK, (20, 20)),
    ]
