"""Typing a name on the keyboard, or with the on-screen keys from a pad or a mouse.

NameEntryScene is a modal: it pops with the trimmed name, or with None when
left without one, and whoever pushed it decides what the name is for. Saving a
solo high score and renaming a party player both use it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from quiz.engine import PlayerStats
from quiz.engine.config import MAX_NAME_LENGTH
from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.roster import PartyPlayer
from quiz.ui.scene import Scene
from quiz.ui.scenes.common import draw_background, draw_heading, draw_hints
from quiz.ui.session import Session
from quiz.ui.widgets.avatar import avatar
from quiz.ui.widgets.draw import fitted, label, panel
from quiz.ui.widgets.keyboard import OnScreenKeyboard

SUBTITLE = pygame.Rect(60, 116, 1160, 48)
FIELD = pygame.Rect(340, 190, 600, 80)
MESSAGE = pygame.Rect(340, 610, 600, 40)
AVATAR = 88


def _any_name(name: str) -> str | None:
    return None


@dataclass(frozen=True)
class NamePrompt:
    """What a name entry asks for and how it answers."""

    heading: str
    subtitle: str
    hints: str
    initial: str = ""
    check: Callable[[str], str | None] = _any_name  # why a (trimmed) name is refused, or None
    back_when_empty: bool = False  # pad B on an empty field leaves, as Esc does
    done_label: str = "OK"
    player: PartyPlayer | None = None  # whose name it is: their avatar beside the field
    select_initial: bool = True  # the old name starts selected: the first key typed replaces it


class NameEntryScene(Scene):
    name = "name_entry"
    wants_text = True

    def __init__(self, session: Session, prompt: NamePrompt) -> None:
        super().__init__(session)
        self.prompt = prompt
        self.text = prompt.initial[:MAX_NAME_LENGTH]
        self.selected = prompt.select_initial and bool(self.text)
        self.keys = OnScreenKeyboard((345, 300), key_size=52, gap=8, done_label=prompt.done_label)
        self.message = ""

    def _finish(self) -> None:
        name = self.text.strip()
        problem = self.prompt.check(name)
        if problem:
            self.message = problem
            self.session.sound.play("wrong")
            return
        self.session.sound.play("select")
        self.session.stack.pop(name)

    def _add(self, chars: str) -> None:
        if self.selected:
            self.text, self.selected = "", False
        wanted = self.text + chars
        self.text = wanted[:MAX_NAME_LENGTH]
        # Say so when letters are cut off, rather than dropping them silently.
        cut = len(wanted) > len(self.text)
        self.message = f"Names stop at {MAX_NAME_LENGTH} letters." if cut else ""

    def _erase(self) -> None:
        self.text = "" if self.selected else self.text[:-1]
        self.selected = False
        self.message = ""

    def handle(self, action: PlayerAction) -> None:
        kind = action.action
        pad = action.device.startswith("pad")
        if kind is Action.TEXT:
            self._add(action.text)
        elif kind is Action.BACK and pad and not self.text and self.prompt.back_when_empty:
            self.session.stack.pop(None)
        elif kind is Action.ERASE or (kind is Action.BACK and pad):
            self._erase()
        elif (kind is Action.CONFIRM and not pad) or kind is Action.PAUSE:
            self._finish()  # Enter, or Start on a pad
        elif kind is Action.BACK:
            self.session.stack.pop(None)  # Esc or a right click: leave without a name
        else:
            event = self.keys.handle(action)
            if event is None:
                return
            if event.kind == "char":
                first = not self.text or self.selected
                self._add(event.char if first else event.char.lower())
            elif event.kind == "erase":
                self._erase()
            else:
                self._finish()

    def animating(self) -> bool:
        return True  # the caret blinks

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        prompt = self.prompt
        draw_background(surface, res)
        draw_heading(surface, res, prompt.heading)
        fitted(res, surface, prompt.subtitle, SUBTITLE, theme.STEEL_LIGHT, theme.BODY_SIZE)
        if prompt.player is not None:
            player = prompt.player
            at = (FIELD.x - AVATAR - 24, FIELD.centery - AVATAR // 2)
            surface.blit(avatar(res, player.icon_name, player.rgb, AVATAR), at)
        surface.blit(panel(res, FIELD.size, theme.NIGHT, theme.AMBER, 250, width=3), FIELD)
        inner = FIELD.inflate(-40, -16)
        if self.selected:
            # The old name shown selected, as a text field does: typing replaces it.
            size = res.fit(self.text, inner.size, theme.TEXT, 56, 14, "center").size
            width, height = res.font(size).size(self.text)
            mark = pygame.Rect(0, 0, width + 12, height + 4)
            mark.center = inner.center
            surface.blit(panel(res, mark.size, theme.STEEL, None, 200, radius=6), mark)
        size = fitted(res, surface, self.text or " ", inner, theme.TEXT, 56)
        width = res.font(size).size(self.text)[0] if self.text else 0
        full = len(self.text) >= MAX_NAME_LENGTH
        label(
            res,
            surface,
            f"{len(self.text)}/{MAX_NAME_LENGTH}",
            theme.SMALL_SIZE,
            theme.AMBER if full else theme.TEXT_DIM,
            (FIELD.right + 16, FIELD.centery),
            "midleft",
        )
        if int(self.age * 2) % 2 == 0 and not self.selected:
            x = inner.centerx + width // 2 + 4
            pygame.draw.line(surface, theme.AMBER, (x, inner.y + 8), (x, inner.bottom - 8), 3)
        self.keys.draw(surface, res)
        if self.message:
            fitted(res, surface, self.message, MESSAGE, theme.AMBER, theme.SMALL_SIZE)
        draw_hints(surface, res, prompt.hints)


# The solo high score -------------------------------------------------------------------------


def open_high_score_entry(session: Session, stats: PlayerStats, pack_ids: list[str]) -> None:
    """Ask for the name to put a solo score under, in place of the results."""
    last = session.settings.last_players
    prompt = NamePrompt(
        heading="New high score!",
        subtitle=f"{stats.score:,} points  ·  enter your name",
        hints="Type, or pick keys with the d-pad / mouse    Enter / OK: save"
        "    Backspace / B: rub out    Esc: skip",
        initial=last[0] if last else "",
        check=lambda name: None if name else "Type a name first.",
    )

    def entered(name: object) -> None:
        if isinstance(name, str) and name:
            _save_high_score(session, stats, pack_ids, name)
        else:
            session.routes.quit_to_title()  # Esc: leave without saving

    session.stack.replace(NameEntryScene(session, prompt), entered)


def _save_high_score(session: Session, stats: PlayerStats, pack_ids: list[str], name: str) -> None:
    from quiz.storage import ScoreEntry
    from quiz.ui.scenes.menus.highscores import HighScoresScene, Table
    from quiz.ui.session import save_problem

    game = session.game
    length = (game.config.rounds, game.config.per_round) if game else None
    entry = ScoreEntry.create(
        name=name,
        score=stats.score,
        accuracy=stats.accuracy,
        mode="solo",
        packs=pack_ids,
        length=length,
    )
    scores = session.scores
    scores.add(entry)
    notice = None
    try:
        scores.save()
    except OSError as error:
        # The table falls back to what is on disk; the player learns why at once.
        notice = f"Your score of {stats.score:,} could not be saved: {save_problem(error)}."
    # The place as saved: saving merges in scores another game wrote meanwhile.
    saved = scores.top("solo", pack_ids, length)
    rank = saved.index(entry) + 1 if entry in saved else None
    # The score's notice already names the folder's problem; the name need not say it again.
    session.change_settings(report=notice is None, last_players=(name,))
    title = " + ".join(p.title for p in game.config.packs) if game else ", ".join(pack_ids)
    table = Table("solo", tuple(sorted(pack_ids)), title, length)
    session.game = None
    session.stack.reset(session.routes.title())
    session.stack.push(HighScoresScene(session, table, highlight=rank, notice=notice))
