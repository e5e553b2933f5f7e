"""A typed-answer question: type on the keyboard, or use the on-screen keys with a pad or mouse."""

from __future__ import annotations

import pygame

from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.scenes.common import draw_background, draw_hints
from quiz.ui.scenes.game_base import PLAYER
from quiz.ui.scenes.solo.question_base import QuestionBase
from quiz.ui.session import Session
from quiz.ui.widgets.draw import fitted, label, panel
from quiz.ui.widgets.keyboard import OnScreenKeyboard

FIELD = pygame.Rect(240, 306, 800, 72)
MAX_LENGTH = 40


class TextAnswerScene(QuestionBase):
    name = "text_answer"
    wants_text = True

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        self.text = ""
        self.keys = OnScreenKeyboard((393, 392), key_size=44, gap=6)

    def _submit(self) -> None:
        if self._locked_age is not None:
            return
        if not self.text.strip():
            self.session.sound.play("wrong")
            return
        if self.game.answer(PLAYER, self.text):
            self.lock()

    def _add(self, chars: str) -> None:
        if self._locked_age is None:
            self.text = (self.text + chars)[:MAX_LENGTH]

    def _erase(self) -> None:
        if self._locked_age is None:
            self.text = self.text[:-1]

    def handle(self, action: PlayerAction) -> None:
        kind = action.action
        pad = action.device.startswith("pad")
        if kind is Action.BACK and pad:
            self._erase()  # B rubs out on a pad, as on a console keyboard
            return
        if self.handle_pause(action):
            return
        if kind is Action.TEXT:
            self._add(action.text)
        elif kind is Action.ERASE:
            self._erase()
        elif kind is Action.CONFIRM and not pad:
            self._submit()
        else:
            event = self.keys.handle(action)
            if event is None:
                return
            if event.kind == "char":
                self._add(event.char.lower() if self.text else event.char)
            elif event.kind == "erase":
                self._erase()
            else:
                self._submit()

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        draw_background(surface, res)
        self.draw_top(surface)
        edge = theme.AMBER if self._locked_age is None else theme.STEEL
        surface.blit(panel(res, FIELD.size, theme.NIGHT, edge, 250, width=3), FIELD)
        inner = FIELD.inflate(-40, -16)
        if self.text:
            size = fitted(res, surface, self.text, inner, theme.TEXT, 48, "left")
            width = res.font(size).size(self.text)[0]
        else:
            fitted(res, surface, "Type your answer", inner, theme.TEXT_DIM, 40, "left")
            width = 0
        if self._locked_age is None and int(self.age * 2) % 2 == 0:
            x = min(inner.right, inner.x + width + 4)
            pygame.draw.line(surface, theme.AMBER, (x, inner.y + 8), (x, inner.bottom - 8), 3)
        self.keys.draw(surface, res)
        self.draw_pause_button(surface)
        label(
            res,
            surface,
            "Enter / OK: lock in",
            theme.TINY_SIZE + 2,
            theme.TEXT_DIM,
            (FIELD.right + 20, FIELD.centery),
            "midleft",
        )
        draw_hints(
            surface,
            res,
            "Type, or pick keys with the d-pad / mouse    Backspace / B: rub out"
            "    Esc / Start: pause",
        )
