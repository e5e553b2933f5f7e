"""Every problem of one pack, with its line and column: what an author fixes from.

Opened from the pack picker. Errors come first (each one left a question out, or
keeps the pack from being played), then warnings. Up / Down and the mouse wheel
scroll one problem at a time; Esc, Enter or Back close it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import pygame

from quiz.packs.model import Diagnostic, LoadResult, Severity
from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.scene import Scene
from quiz.ui.scenes.common import BackButton, draw_background, draw_heading, draw_hints
from quiz.ui.session import Session
from quiz.ui.widgets.draw import fitted, label, panel

SUMMARY: Final = pygame.Rect(140, 96, 1000, 64)
VIEW: Final = pygame.Rect(100, 176, 1080, 470)
PLACE_W: Final = 210  # "line 123, column 45" beside each message
PAD: Final = 14
GAP: Final = 10
ENTRY_SIZE: Final = theme.TINY_SIZE + 2  # one size for every entry: nothing shrinks to fit
HEADER_H: Final = 34


@dataclass(frozen=True)
class Entry:
    """One line of the list: a problem, or the heading over the warnings."""

    place: str
    message: str
    severity: Severity | None  # None: a heading


def summary(result: LoadResult) -> str:
    """What the problems mean for play, in one sentence."""
    errors, warnings = len(result.errors), len(result.warnings)
    counted = f"{errors} error{'' if errors == 1 else 's'}"
    if warnings:
        counted += f" and {warnings} warning{'' if warnings == 1 else 's'}"
    if result.pack is None:
        return f"This pack cannot be played: {counted}. Fix the errors, then Reload packs."
    played = len(result.pack.questions)
    plays = f"{played} question{'' if played == 1 else 's'}"
    if result.left_out:
        return f"Plays {plays}; {result.left_out} left out for the errors below ({counted})."
    return f"Plays all {plays} ({counted})."


def entries(diagnostics: tuple[Diagnostic, ...]) -> list[Entry]:
    def entry(d: Diagnostic) -> Entry:
        return Entry(f"line {d.line}, column {d.column}", d.message, d.severity)

    errors = [entry(d) for d in diagnostics if d.severity is Severity.ERROR]
    warnings = [entry(d) for d in diagnostics if d.severity is Severity.WARNING]
    if warnings:
        note = "Warnings: these leave nothing out" if errors else "Warnings"
        warnings.insert(0, Entry("", note, None))
    return errors + warnings


class PackProblemsScene(Scene):
    name = "pack_problems"

    def __init__(self, session: Session, result: LoadResult) -> None:
        super().__init__(session)
        self.result = result
        self.title = result.pack.title if result.pack else result.path.name
        self.summary = summary(result)
        self.entries = entries(result.diagnostics)
        self.top = 0  # index of the first entry shown
        self.back = BackButton()

    # -- measuring -----------------------------------------------------------
    def _height(self, entry: Entry) -> int:
        if entry.severity is None:
            return HEADER_H
        block = self.session.resources.fit(
            entry.message, (VIEW.width - PLACE_W - 3 * PAD, 400), theme.TEXT,
            ENTRY_SIZE, ENTRY_SIZE, "left")
        return max(block.surface.get_height(), ENTRY_SIZE) + PAD

    def last_top(self) -> int:
        """The highest `top` that still fills the view: the list stops at its last entry."""
        room = VIEW.height - 2 * PAD
        for top in range(len(self.entries) - 1, -1, -1):
            room -= self._height(self.entries[top]) + GAP
            if room < 0:
                return min(len(self.entries) - 1, top + 1)
        return 0

    def shown(self) -> range:
        """The entries on screen now."""
        room = VIEW.height - 2 * PAD
        end = self.top
        while end < len(self.entries):
            room -= self._height(self.entries[end]) + GAP
            if room < 0 and end > self.top:
                break
            end += 1
        return range(self.top, end)

    def scroll(self, step: int) -> None:
        before = self.top
        self.top = max(0, min(self.last_top(), self.top + step))
        if self.top != before:
            self.session.sound.play("move")

    # -- input ---------------------------------------------------------------
    def handle(self, action: PlayerAction) -> None:
        if self.back.handle(action) or action.action is Action.CONFIRM:
            self.session.sound.play("select")
            self.session.stack.pop()
            return
        if action.action is Action.UP:
            self.scroll(-1)
        elif action.action is Action.DOWN:
            self.scroll(1)
        elif action.action is Action.LEFT:
            self.scroll(-max(1, len(self.shown()) - 1))
        elif action.action is Action.RIGHT:
            self.scroll(max(1, len(self.shown()) - 1))

    # -- drawing -------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        draw_background(surface, res)
        draw_heading(surface, res, "Pack Problems")
        self.back.draw(surface, res)
        fitted(res, surface, f"{self.title}. {self.summary}", SUMMARY, theme.STEEL_LIGHT,
               theme.SMALL_SIZE - 2)
        surface.blit(panel(res, VIEW.size, theme.NIGHT, theme.PANEL_EDGE, 210), VIEW)
        shown = self.shown()
        y = VIEW.y + PAD
        for index in shown:
            y += self._draw_entry(surface, self.entries[index], y) + GAP
        if not self.entries:
            fitted(res, surface, "No problems: every question plays.", VIEW, theme.TEXT_DIM,
                   theme.BODY_SIZE - 8)
        if self.top > 0:
            label(res, surface, "more above", theme.TINY_SIZE, theme.TEXT_DIM, (640, VIEW.y - 8))
        if shown.stop < len(self.entries):
            label(res, surface, "more below", theme.TINY_SIZE, theme.TEXT_DIM,
                  (640, VIEW.bottom + 10))
        if self.entries:
            problems = [e for e in self.entries if e.severity is not None]
            first = sum(1 for e in self.entries[:shown.start] if e.severity is not None) + 1
            last = sum(1 for e in self.entries[:shown.stop] if e.severity is not None)
            label(res, surface, f"{first}-{last} of {len(problems)}", theme.TINY_SIZE,
                  theme.TEXT_DIM, (VIEW.right, VIEW.y - 8), "midright")
        draw_hints(surface, res, "Up / Down / wheel: scroll    Left / Right: a page    "
                                 "Enter / Esc / B: back")

    def _draw_entry(self, surface: pygame.Surface, entry: Entry, y: int) -> int:
        res = self.session.resources
        height = self._height(entry)
        if entry.severity is None:
            label(res, surface, entry.message, ENTRY_SIZE, theme.AMBER,
                  (VIEW.x + PAD, y + HEADER_H // 2), "midleft")
            return height
        colour = theme.WRONG if entry.severity is Severity.ERROR else theme.STEEL
        label(res, surface, entry.place, ENTRY_SIZE, colour, (VIEW.x + PAD, y + PAD // 2),
              "topleft")
        block = res.fit(entry.message, (VIEW.width - PLACE_W - 3 * PAD, 400), theme.TEXT,
                        ENTRY_SIZE, ENTRY_SIZE, "left")
        surface.blit(block.surface, (VIEW.x + PLACE_W + 2 * PAD, y + PAD // 2))
        return height
