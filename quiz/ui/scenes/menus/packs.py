"""The pack picker: built-in and user packs with question counts. Enter or a click ticks a
pack for the next game.

A pack with errors in some questions plays the rest and says how many it leaves out; one
that cannot be played is greyed out with its first error. Either opens the list of every
problem (Right, its Problems button, or Enter on a pack that cannot be played)."""

from __future__ import annotations

import pygame

from quiz.packs.model import LoadResult
from quiz.paths import user_packs_dir
from quiz.storage.problems import folder_problem
from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.scene import Scene
from quiz.ui.scenes.common import BackButton, draw_background, draw_heading, draw_hints
from quiz.ui.scenes.menus.pack_problems import PackProblemsScene
from quiz.ui.session import Session
from quiz.ui.widgets.draw import fitted, glow, hover_button, label, panel
from quiz.ui.widgets.menu import Menu, MenuItem

LIST = pygame.Rect(140, 118, 1000, 288)
ROW_H = 88
ROW_GAP = 8
VISIBLE = LIST.height // (ROW_H + ROW_GAP)
# Below the list: what the focused pack is about, then where the player's own packs go.
ABOUT = pygame.Rect(140, 420, 1000, 112)
WHERE = pygame.Rect(140, 538, 1000, 28)
MESSAGE = pygame.Rect(140, 566, 1000, 28)  # what Reload found, or why a tick stays


def about(result: LoadResult) -> str:
    """The pack's own description and author, for the panel under the list."""
    pack = result.pack
    if pack is None:
        return ""
    byline = f"By {pack.author}." if pack.author else ""
    return " ".join(part for part in (pack.description or "", byline) if part)


def describe(result: LoadResult) -> str:
    if result.pack is None:
        # The row's title already names the file: give the place in it and the problem.
        why = result.why_not_playable()
        return f"Cannot be played: {why}" if why else "Cannot be played."
    pack = result.pack
    where = "built-in" if pack.builtin else f"your pack: {result.path.name}"
    count = f"{len(pack.questions)} question{'' if len(pack.questions) == 1 else 's'}"
    if result.left_out:
        count += f", {result.left_out} left out"
    return f"{count}  ·  {where}"


def has_problems(result: LoadResult) -> bool:
    """Whether the row offers the list of problems: it has errors to fix."""
    return bool(result.errors)


def found_message(results: list[LoadResult]) -> str:
    """What a reload found: the packs that can be played, and apart from them the broken ones."""
    good = sum(1 for r in results if r.playable)
    broken = len(results) - good
    text = f"Found {good} pack{'' if good == 1 else 's'} to play"
    if broken:
        text += f"; {broken} cannot be played (see {'its' if broken == 1 else 'their'} row)"
    return text + "."


class PacksScene(Scene):
    name = "packs"

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.back = BackButton()
        self.buttons = Menu(
            [MenuItem("reload", "Reload packs"), MenuItem("done", "Done")],
            (380, 596),
            item_size=(250, 62),
            gap=20,
            horizontal=True,
        )
        self._load(refresh=False)

    def _load(self, refresh: bool) -> None:
        self.results = self.session.packs(refresh=refresh)
        # Checked once per listing, not per frame: why the player's own packs cannot be there.
        self.folder_problem = folder_problem(user_packs_dir())
        self.chosen = {p.id for p in self.session.playable_packs()}
        self.focus = 0 if self.results else -1
        self.top_row = 0
        self.message = ""
        self.buttons.active = self.focus < 0

    def _playable(self, index: int) -> bool:
        return 0 <= index < len(self.results) and self.results[index].playable

    def _move(self, step: int) -> None:
        index = self.focus
        while True:
            index += step
            if index < 0 or index >= len(self.results):
                if step > 0:
                    self.focus, self.buttons.active = -1, True
                return
            # Every row takes the focus: one that cannot be played still shows its problems.
            self.focus, self.buttons.active = index, False
            self.top_row = max(min(self.top_row, index), index - VISIBLE + 1)
            self.session.sound.play("move")
            return

    def _toggle(self, index: int) -> None:
        pack = self.results[index].pack
        if pack is None:
            self._show_problems(index)
            return
        if pack.id in self.chosen:
            if len(self.chosen) == 1:
                self.message = "Keep at least one pack ticked."
                self.session.sound.play("wrong")
                return
            self.chosen.discard(pack.id)
        else:
            self.chosen.add(pack.id)
        self.message = ""
        self.session.chosen_packs = set(self.chosen)
        self.session.sound.play("select")

    def _show_problems(self, index: int) -> None:
        result = self.results[index]
        if not has_problems(result):
            return
        self.session.sound.play("select")
        self.session.stack.push(PackProblemsScene(self.session, result))

    def _problems_rect(self, index: int) -> pygame.Rect:
        """The row's Problems button, at its right end."""
        row = self._row_rect(index)
        return pygame.Rect(row.right - 176, row.centery - 24, 156, 48)

    def _row_rect(self, index: int) -> pygame.Rect:
        slot = index - self.top_row
        return pygame.Rect(LIST.x, LIST.y + slot * (ROW_H + ROW_GAP), LIST.width, ROW_H)

    def _row_at(self, pos: tuple[int, int]) -> int | None:
        for index in range(self.top_row, min(len(self.results), self.top_row + VISIBLE)):
            if self._row_rect(index).collidepoint(pos):
                return index
        return None

    def handle(self, action: PlayerAction) -> None:
        if self.back.handle(action):
            self.session.stack.pop()
            return
        kind = action.action
        pointer = kind in (Action.POINT, Action.CLICK) and action.pos is not None
        if pointer:
            row = self._row_at(action.pos)  # type: ignore[arg-type]
            if row is not None:
                self.focus, self.buttons.active = row, False
                if kind is Action.CLICK:
                    on_button = has_problems(self.results[row]) and \
                        self._problems_rect(row).collidepoint(action.pos)  # type: ignore[arg-type]
                    if on_button:
                        self._show_problems(row)
                    else:
                        self._toggle(row)
                return
        if self.focus >= 0 and not pointer:
            if kind is Action.UP:
                self._move(-1)
            elif kind is Action.DOWN:
                self._move(1)
            elif kind is Action.CONFIRM:
                self._toggle(self.focus)
            elif kind is Action.RIGHT:
                self._show_problems(self.focus)
            return
        if kind is Action.UP:
            last = len(self.results) - 1
            if last >= 0:
                self.focus, self.buttons.active = last, False
                self.top_row = max(0, last - VISIBLE + 1)
            return
        event = self.buttons.handle(action)
        if event is None:
            return
        self.focus, self.buttons.active = -1, True
        if event.kind == "focus":
            self.session.sound.play("move")
        elif event.kind == "activate":
            self.session.sound.play("select")
            if event.key == "done":
                self.session.stack.pop()
            else:
                self._load(refresh=True)
                self.message = found_message(self.results)

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        draw_background(surface, res)
        draw_heading(surface, res, "Question Packs")
        self.back.draw(surface, res)
        if not self.results:
            fitted(
                res,
                surface,
                "No packs found. Put .yaml packs in your packs folder.",
                LIST,
                theme.TEXT_DIM,
                theme.BODY_SIZE,
            )
        last = min(len(self.results), self.top_row + VISIBLE)
        for index in range(self.top_row, last):
            self._draw_row(surface, index)
        text = about(self.results[self.focus]) if self.focus >= 0 else ""
        if text:
            surface.blit(panel(res, ABOUT.size, theme.NIGHT, theme.PANEL_EDGE, 200), ABOUT)
            fitted(
                res,
                surface,
                text,
                ABOUT.inflate(-40, -24),
                theme.TEXT,
                theme.SMALL_SIZE,
                "left",
            )
        if self.folder_problem:
            where = f"Your packs folder cannot be used: {self.folder_problem}."
            fitted(res, surface, where, WHERE, theme.WRONG, theme.TINY_SIZE + 2, "left")
        else:
            where = f"Add your own packs: put .yaml files in {user_packs_dir()}"
            fitted(res, surface, where, WHERE, theme.TEXT_DIM, theme.TINY_SIZE + 2, "left")
        if self.top_row > 0:
            label(res, surface, "more above", theme.TINY_SIZE, theme.TEXT_DIM, (640, 106))
        if last < len(self.results):
            label(res, surface, "more below", theme.TINY_SIZE, theme.TEXT_DIM, (640, 410))
        self.buttons.draw(surface, res)
        if self.message:
            # Its own line over the buttons: beside Done it ran into the button.
            fitted(res, surface, self.message, MESSAGE, theme.AMBER, theme.SMALL_SIZE - 2)
        draw_hints(
            surface,
            res,
            "Up / Down: move    Enter / A / click: tick a pack    "
            "Right / Problems: every problem    Esc / B: back",
        )

    def _draw_row(self, surface: pygame.Surface, index: int) -> None:
        res = self.session.resources
        result = self.results[index]
        rect = self._row_rect(index)
        ok = result.playable
        focused = index == self.focus
        if focused:
            surface.blit(glow(res, rect.size, theme.AMBER), rect.move(-12, -12))
        edge = theme.AMBER if focused else (theme.PANEL_EDGE if ok else theme.DISABLED)
        surface.blit(panel(res, rect.size, theme.PANEL, edge, 235 if ok else 140), rect)
        box = pygame.Rect(rect.x + 24, rect.centery - 18, 36, 36)
        if ok:
            pygame.draw.rect(surface, theme.STEEL_LIGHT, box, 3, border_radius=6)
            if result.pack is not None and result.pack.id in self.chosen:
                inner = box.inflate(-12, -12)
                pygame.draw.rect(surface, theme.AMBER, inner, border_radius=4)
        else:
            pygame.draw.line(surface, theme.WRONG, box.topleft, box.bottomright, 4)
            pygame.draw.line(surface, theme.WRONG, box.topright, box.bottomleft, 4)
        title = result.pack.title if result.pack else result.path.name
        colour = theme.TEXT if ok else theme.TEXT_DIM
        problems = has_problems(result)
        text_width = rect.width - 110 - (190 if problems else 0)
        fitted(
            res,
            surface,
            title,
            pygame.Rect(rect.x + 84, rect.y + 8, text_width, 40),
            colour,
            theme.BODY_SIZE - 4,
            "left",
        )
        detail_colour = theme.WRONG if not ok else theme.AMBER if problems else theme.STEEL_LIGHT
        fitted(
            res,
            surface,
            describe(result),
            pygame.Rect(rect.x + 84, rect.y + 48, text_width, 34),
            detail_colour,
            theme.SMALL_SIZE - 4,
            "left",
        )
        if problems:
            hover_button(res, surface, self._problems_rect(index), "Problems", focused)
