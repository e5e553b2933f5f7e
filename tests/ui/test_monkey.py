"""A monkey at the controls: thousands of random inputs from every device never crash the game.

Keys from the solo set and every party zone, typing, clicks anywhere, pads
plugged in, pressed and pulled out, and time passing, all in a seeded random
order. Whatever the player does, the game must never raise.
"""

from __future__ import annotations

import random

import pytest

from quiz.ui.driver import Driver

KEYS = ["up", "down", "left", "right", "return", "space", "backspace", "escape", "m", "l",
        "1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "q", "w", "z", "x", "c", "v",
        ",", ".", "/", "a", "s", "d", "f"]
ACTIONS = 1500


def random_input(drv: Driver, rng: random.Random, pads: set[int]) -> None:
    roll = rng.random()
    if roll < 0.55:
        drv.press(rng.choice(KEYS), frames=1)
    elif roll < 0.62:
        drv.type(rng.choice(["Neil", "McCauley", "1989", "x"]), frames=1)
    elif roll < 0.75:
        drv.click((rng.randrange(1280), rng.randrange(720)), frames=1)
    elif roll < 0.80:
        pad = rng.randrange(4)
        if pad in pads:
            drv.pad_removed(pad)
            pads.discard(pad)
        else:
            drv.pad_added(pad)
            pads.add(pad)
    elif roll < 0.90 and pads:
        pad = rng.choice(sorted(pads))
        if rng.random() < 0.5:
            drv.pad_button(rng.randrange(8), instance_id=pad, frames=1)
        else:
            drv.pad_hat(rng.choice([(0, 1), (0, -1), (1, 0), (-1, 0)]), instance_id=pad, frames=1)
    else:
        drv.advance(rng.choice([0.5, 2.0, 6.0]))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_input_from_every_device_never_crashes(seed: int) -> None:
    rng = random.Random(seed)
    visited: set[str] = set()
    drv = Driver.open()
    pads: set[int] = set()
    try:
        for _ in range(ACTIONS):
            if drv.exited:  # the monkey found Quit: start the game again, as a player would
                drv.close()
                drv = Driver.open()
                pads = set()
            random_input(drv, rng, pads)
            if drv.session.stack.top is not None:
                visited.add(drv.scene_name)
    finally:
        drv.close()
    # The monkey got around: a crash anywhere on the way would have failed the test.
    assert len(visited) >= 6, visited
