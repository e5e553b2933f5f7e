"""Play a whole solo game through the driver with one kind of input only."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pygame

from quiz.packs.model import QuestionType
from quiz.ui.driver import Driver
from quiz.ui.scenes.common import BACK_RECT
from quiz.ui.widgets.keyboard import ROWS
from quiz.ui.widgets.menu import Menu

GAME_SCENES = {"round_intro", "question", "text_answer", "ordering", "reveal", "standings"}


def assert_distinct_pictures(saved: Mapping[str, Path]) -> None:
    """Every saved screen is a 1280x720 picture with many colours, and no two are alike."""
    pygame.init()
    seen: dict[bytes, str] = {}
    for name, path in saved.items():
        image = pygame.image.load(str(path))
        assert image.get_size() == (1280, 720), name
        # A real picture: many colours, and no two scenes alike. Sampled on a fine grid: on
        # a coarse one, a calm screen's few colours can all fall between the samples.
        small = pygame.transform.scale(image, (160, 90))
        colours = {small.get_at((x, y))[:3] for x in range(160) for y in range(90)}
        assert len(colours) > 60, f"{name} looks blank"
        raw = pygame.image.tobytes(image, "RGB")
        assert raw not in seen, f"{name} is the same picture as {seen.get(raw)}"
        seen[raw] = name


def menu_rect(menu: Menu, key: str) -> pygame.Rect:
    for item, rect in zip(menu.items, menu.rects()):
        if item.key == key:
            return rect
    raise AssertionError(f"no menu item {key!r}")


def key_rect(driver: Driver, key: str) -> pygame.Rect:
    keys = driver.scene.keys  # type: ignore[attr-defined]
    for r, row in enumerate(ROWS):
        for c, name in enumerate(row):
            if name == key:
                return keys._rects[r][c]
    raise AssertionError(f"no on-screen key {key!r}")


def osk_target(key: str) -> tuple[int, int]:
    for r, row in enumerate(ROWS):
        if key in row:
            return r, row.index(key)
    raise AssertionError(key)


def pad_walk(driver: Driver, key: str, pad: int = 0) -> None:
    """Move the on-screen keyboard focus to `key` with the d-pad, then press A."""
    target_row, target_col = osk_target(key)
    keys = driver.scene.keys  # type: ignore[attr-defined]
    while keys.row != target_row:
        driver.pad_hat((0, -1) if keys.row < target_row else (0, 1), instance_id=pad, frames=1)
    while keys.col != target_col:
        driver.pad_hat((1, 0) if keys.col < target_col else (-1, 0), instance_id=pad, frames=1)
    driver.pad_button(0, instance_id=pad)


def current_type(driver: Driver) -> QuestionType:
    current = driver.game.current
    assert current is not None
    return current.type


def answer_keyboard(driver: Driver) -> None:
    name = driver.scene_name
    if name == "question":
        driver.press("2" if len(driver.scene.tiles) > 1 else "1")  # type: ignore[attr-defined]
    elif name == "text_answer":
        driver.type("Hanna")
        driver.press("return")
    elif name == "ordering":
        for index in range(len(driver.scene.tiles)):  # type: ignore[attr-defined]
            driver.press(str(index + 1))
        driver.press("return")


def answer_mouse(driver: Driver) -> None:
    scene = driver.scene
    name = driver.scene_name
    if name == "question":
        driver.click(scene.tiles[-1].rect.center)  # type: ignore[attr-defined]
    elif name == "text_answer":
        for letter in "HANNA":
            driver.click(key_rect(driver, letter).center)
        driver.click(key_rect(driver, "OK").center)
    elif name == "ordering":
        from quiz.ui.scenes.solo.ordering import LOCK_BUTTON

        for tile in list(scene.tiles):  # type: ignore[attr-defined]
            driver.click(tile.rect.center)
        driver.click(LOCK_BUTTON.center)


def answer_pad(driver: Driver, pad: int) -> None:
    name = driver.scene_name
    if name == "question":
        driver.pad_hat((0, -1), instance_id=pad)  # d-pad down: the second row
        driver.pad_button(0, instance_id=pad)
    elif name == "text_answer":
        for letter in "HANNA":
            pad_walk(driver, letter)
        pad_walk(driver, "OK")
    elif name == "ordering":
        driver.pad_button(0, instance_id=pad)  # the first A shows the focus, picking nothing
        for _ in range(len(driver.scene.tiles)):  # type: ignore[attr-defined]
            driver.pad_button(0, instance_id=pad)  # A takes the first item still free
        driver.pad_button(0, instance_id=pad)  # then A on Lock in


def play_to_results(
    driver: Driver, answer: Callable[[Driver], None], advance: Callable[[Driver], None]
) -> int:
    """Answer every question and move on until the results; returns questions answered."""
    answered = 0
    for _ in range(400):
        name = driver.scene_name
        if name == "results":
            return answered
        if name in ("question", "text_answer", "ordering"):
            before = driver.game.current
            answer(driver)
            driver.until("reveal", 2)
            assert driver.game.current is not None and before is not None
            assert driver.game.current.key == before.key
            answered += 1
        elif name in ("round_intro", "reveal", "standings"):
            advance(driver)
            driver.step(2)
        else:
            raise AssertionError(f"unexpected scene {name!r} during a game")
    raise AssertionError("the game did not end")


def back_button() -> tuple[int, int]:
    return BACK_RECT.center
