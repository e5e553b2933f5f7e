"""Party input and the roster: zones and pads carry their device, seats, names and controllers."""

from __future__ import annotations

import pygame
import pytest

from quiz.engine import GameConfig, Mode
from quiz.packs.registry import discover
from quiz.ui.input import Action, InputMapper
from quiz.ui.roster import ICONS, PLAYER_COLOURS, Roster, pad_device, zone_device


@pytest.fixture(autouse=True)
def _pygame() -> None:
    pygame.init()


def key(name: str, down: bool = True) -> pygame.event.Event:
    kind = pygame.KEYDOWN if down else pygame.KEYUP
    return pygame.event.Event(kind, key=pygame.key.key_code(name), mod=0, unicode="", scancode=0)


def button(number: int, instance: int = 4, down: bool = True) -> pygame.event.Event:
    kind = pygame.JOYBUTTONDOWN if down else pygame.JOYBUTTONUP
    return pygame.event.Event(kind, instance_id=instance, button=number, joy=0)


def test_zone_keys_name_their_zone_and_stray_answer_keys_are_silent_in_a_party() -> None:
    mapper = InputMapper()
    mapper.party = True
    actions = mapper.translate([key("3"), key("0"), key("5"), key("[6]")])
    # "5" and keypad 6 answer in solo, but belong to no zone: in a party they answer for nobody.
    assert [(a.slot, a.action, a.value, a.device) for a in actions] == [
        (0, Action.ANSWER, 2, "zone:0"),
        (1, Action.ANSWER, 3, "zone:1"),
    ]


def test_pad_face_buttons_answer_only_where_a_scene_asks_for_it() -> None:
    mapper = InputMapper()
    mapper.party = True
    mapper.pad_answers = True
    answered = mapper.translate([button(n) for n in range(4)] + [button(7)])
    assert [(a.action, a.value) for a in answered] == [
        (Action.ANSWER, 0),
        (Action.ANSWER, 1),
        (Action.ANSWER, 2),
        (Action.ANSWER, 3),
        (Action.PAUSE, 0),
    ]
    assert {a.device for a in answered} == {"pad:4"}
    mapper.translate([button(n, down=False) for n in range(4)])
    mapper.pad_answers = False  # a menu: A confirms again
    assert [a.action for a in mapper.translate([button(0)])] == [Action.CONFIRM]


def test_a_held_pad_button_answers_once() -> None:
    mapper = InputMapper()
    mapper.pad_answers = True
    assert len(mapper.translate([button(1), button(1), button(1)])) == 1
    assert len(mapper.translate([button(1, down=False), button(1)])) == 1


def test_capturing_keys_reports_every_key_by_name() -> None:
    mapper = InputMapper()
    mapper.capture_keys = True
    actions = mapper.translate([key("q"), key("escape"), key("[7]")])
    assert [(a.action, a.text) for a in actions] == [
        (Action.KEY, "q"),
        (Action.KEY, "escape"),
        (Action.KEY, "[7]"),
    ]


def test_joining_gives_each_player_their_own_colour_icon_and_name() -> None:
    roster = Roster()
    devices = [zone_device(z) for z in range(4)] + [pad_device(p) for p in range(4)]
    for device in devices:
        assert roster.join(device, preferred=("Neil", "neil", "Chris")) is not None
    assert roster.full and roster.join(pad_device(9)) is None
    assert roster.join(zone_device(0)) is None  # already seated
    assert len({p.colour for p in roster.players}) == len(PLAYER_COLOURS)
    assert len({p.icon for p in roster.players}) == len(ICONS)
    names = roster.names()
    assert names[:2] == ("Neil", "Chris")  # "neil" is the same name as "Neil"
    assert len({n.casefold() for n in names}) == 8


def test_colour_and_icon_changes_skip_ones_in_use() -> None:
    roster = Roster()
    roster.join(zone_device(0))
    roster.join(zone_device(1))
    roster.next_colour(0)
    assert roster.players[0].colour not in (roster.players[1].colour,)
    roster.next_icon(1)
    assert roster.players[1].icon != roster.players[0].icon


def test_leaving_rejoining_moving_and_renaming() -> None:
    roster = Roster()
    for z in range(3):
        roster.join(zone_device(z))
    first = roster.players[0].name
    roster.leave(0)
    assert roster.slot_of(zone_device(0)) is None
    roster.join(zone_device(0))
    assert roster.slot_of(zone_device(0)) == 2  # back, at the end
    assert roster.move(2, -1) == 1 and roster.slot_of(zone_device(0)) == 1
    assert roster.move(0, -1) == 0  # nowhere to go
    assert roster.rename(0, "   ") == "A name cannot be empty."
    assert "16" in (roster.rename(0, "x" * 17) or "")
    assert "already playing" in (roster.rename(0, roster.players[1].name.upper()) or "")
    assert roster.rename(0, "  Lt. Hanna  ") is None and roster.players[0].name == "Lt. Hanna"
    assert first  # the first seat had a name from the start


def test_a_config_seats_zones_then_pads_then_waits_for_controllers() -> None:
    pack = next(r.pack for r in discover() if r.pack is not None and r.pack.builtin)
    names = tuple(f"P{i}" for i in range(7))
    config = GameConfig(Mode.BUZZ, names, (pack,))
    roster = Roster.from_config(config, zones=4, pads=(31, 32))
    devices = [p.device for p in roster.players]
    assert devices[:6] == ["zone:0", "zone:1", "zone:2", "zone:3", "pad:31", "pad:32"]
    assert roster.waiting() == [6]
    assert roster.claim(pad_device(33)) == 6 and roster.waiting() == []


def test_a_lost_pad_leaves_its_player_waiting_until_any_pad_takes_the_seat() -> None:
    roster = Roster()
    roster.join(zone_device(0))
    roster.join(pad_device(5))
    roster.join(pad_device(6))
    assert roster.lose_pads(connected=[6]) == [1]
    assert roster.lose_pads(connected=[6]) == []  # reported once
    assert roster.slot_of(pad_device(5)) is None and roster.waiting() == [1]
    assert roster.claim(pad_device(6)) is None  # a seated pad cannot take a second seat
    assert roster.claim(zone_device(3)) is None  # only pads take controller seats
    assert roster.claim(pad_device(9)) == 1
    assert roster.slot_of(pad_device(9)) == 1 and roster.waiting() == []
