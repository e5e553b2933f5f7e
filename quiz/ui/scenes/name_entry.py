"""Name entry for a high score: type, or use the on-screen keys; then the table with the new
entry highlighted."""

from __future__ import annotations

import pygame

from quiz.engine import PlayerStats
from quiz.engine.config import MAX_NAME_LENGTH
from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.scene import Scene
from quiz.ui.scenes.common import draw_background, draw_heading, draw_hints
from quiz.ui.session import Session
from quiz.ui.widgets.draw import fitted, label, panel
from quiz.ui.widgets.keyboard import OnScreenKeyboard

FIELD = pygame.Rect(340, 190, 600, 80)


class NameEntryScene(Scene):
    name = "name_entry"
    wants_text = True

    def __init__(self, session: Session, stats: PlayerStats, pack_ids: list[str]) -> None:
        super().__init__(session)
        self.stats = stats
        self.pack_ids = pack_ids
        last = session.settings.last_players
        self.text = last[0] if last else ""
        self.keys = OnScreenKeyboard((345, 300), key_size=52, gap=8)
        self.message = ""

    def _save(self) -> None:
        from quiz.storage import ScoreEntry
        from quiz.ui.scenes.highscores import HighScoresScene, Table
        from quiz.ui.scenes.title import TitleScene

        name = self.text.strip()
        if not name:
            self.message = "Type a name first."
            self.session.sound.play("wrong")
            return
        entry = ScoreEntry.create(
            name=name,
            score=self.stats.score,
            accuracy=self.stats.accuracy,
            mode="solo",
            packs=self.pack_ids,
        )
        scores = self.session.scores
        rank = scores.add(entry)
        try:
            scores.save()
        except OSError as error:
            self.session.warnings.append(f"High scores could not be saved: {error}")
        self.session.change_settings(last_players=(name,))
        self.session.sound.play("select")
        game = self.session.game
        title = " + ".join(p.title for p in game.config.packs) if game else ", ".join(self.pack_ids)
        table = Table("solo", tuple(sorted(self.pack_ids)), title)
        self.session.game = None
        self.session.stack.reset(TitleScene(self.session))
        self.session.stack.push(HighScoresScene(self.session, table, highlight=rank))

    def _add(self, chars: str) -> None:
        self.text = (self.text + chars)[:MAX_NAME_LENGTH]
        self.message = ""

    def handle(self, action: PlayerAction) -> None:
        kind = action.action
        pad = action.device.startswith("pad")
        if kind is Action.TEXT:
            self._add(action.text)
        elif kind is Action.ERASE or (kind is Action.BACK and pad):
            self.text = self.text[:-1]
        elif kind is Action.CONFIRM and not pad:
            self._save()
        elif kind is Action.BACK:
            from quiz.ui.scenes.flow import quit_to_title

            quit_to_title(self.session)  # Esc: leave without saving
        else:
            event = self.keys.handle(action)
            if event is None:
                return
            if event.kind == "char":
                self._add(event.char if not self.text else event.char.lower())
            elif event.kind == "erase":
                self.text = self.text[:-1]
            else:
                self._save()

    def animating(self) -> bool:
        return True  # the caret blinks

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        draw_background(surface, res)
        draw_heading(surface, res, "New high score!")
        label(
            res,
            surface,
            f"{self.stats.score:,} points  ·  enter your name",
            theme.BODY_SIZE,
            theme.STEEL_LIGHT,
            (640, 140),
        )
        surface.blit(panel(res, FIELD.size, theme.NIGHT, theme.AMBER, 250, width=3), FIELD)
        inner = FIELD.inflate(-40, -16)
        size = fitted(res, surface, self.text or " ", inner, theme.TEXT, 56)
        width = res.font(size).size(self.text)[0] if self.text else 0
        if int(self.age * 2) % 2 == 0:
            x = inner.centerx + width // 2 + 4
            pygame.draw.line(surface, theme.AMBER, (x, inner.y + 8), (x, inner.bottom - 8), 3)
        self.keys.draw(surface, res)
        if self.message:
            fitted(
                res,
                surface,
                self.message,
                pygame.Rect(340, 610, 600, 40),
                theme.AMBER,
                theme.SMALL_SIZE,
            )
        draw_hints(
            surface,
            res,
            "Type, or pick keys with the d-pad / mouse    Enter / OK: save"
            "    Backspace / B: rub out    Esc: skip",
        )
