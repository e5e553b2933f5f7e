"""Shared by the party question scenes: the prompt, the clock, the strip of player cards.

The scene stays up through the engine's QUESTION and BUZZED phases, and lingers
a moment after the reveal so the last lock-in is seen. Only answer keys from a
seated player's device reach `press`; the mouse drives the Pause button only.
"""

from __future__ import annotations

import math

import pygame

from quiz.engine import AnswerLocked, Event, Mode, Phase, QuestionView, Revealed
from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.roster import is_phone
from quiz.ui.scenes.common import draw_background, draw_hints
from quiz.ui.scenes.party.base import HEADER_PAUSE, PartyScene, keys_of
from quiz.ui.scenes.solo.question_base import LastSecondsTick
from quiz.ui.session import Session
from quiz.ui.widgets.draw import fitted, panel
from quiz.ui.widgets.hud import draw_countdown
from quiz.ui.widgets.player_card import CardLook, draw_card, strip_rects

PROMPT = pygame.Rect(48, 112, 1184, 140)
STRIP = pygame.Rect(48, 518, 1184, 150)
LOCK_DELAY = 0.5  # the last lock-in stays on screen this long before the reveal
BOUNCE = 0.25


class PartyQuestionBase(PartyScene):
    phase = Phase.QUESTION
    pad_answers = True
    open_phases = (Phase.QUESTION, Phase.BUZZED)

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        current = self.game.current
        assert current is not None
        self.question: QuestionView = current
        self.locked_at: dict[int, float] = {}  # slot -> scene age when they locked in
        self._held: list[Event] = []
        self._closed_at: float | None = None
        self._ticks = LastSecondsTick()
        self.cards = strip_rects(len(self.roster), STRIP)

    # Input ------------------------------------------------------------------------------------

    def handle(self, action: PlayerAction) -> None:
        if self.handle_devices(action) or self.handle_pause(action, HEADER_PAUSE):
            return
        if self._closed_at is not None:
            return
        slot = self.slot_for(action)
        if slot is None:
            return
        kind = action.action
        if kind is Action.ANSWER:
            self.press(slot, action.value, action.ago)
        elif kind is Action.BUZZ and self.mode is Mode.BUZZ and self.game.phase is Phase.QUESTION:
            self.press(slot, 0, action.ago)
        elif kind is Action.TYPED:
            self.submit(slot, action.text, action.ago)
        elif kind is Action.ORDERED:
            self.submit(slot, tuple(action.items), action.ago)

    def press(self, slot: int, index: int, ago: float = 0.0) -> None:
        """One of a seated player's answer keys (0-3) went down."""

    def submit(self, slot: int, value: str | tuple[int, ...], ago: float = 0.0) -> None:
        """A whole typed answer or order from a phone; the engine says whether it counts."""
        if isinstance(value, tuple) and len(value) != len(self.question.choices):
            return
        if self.game.answer(slot, value, ago=ago):
            self.session.sound.play("select")

    @property
    def turn(self) -> int | None:
        return self.question.turn_player

    # Engine -----------------------------------------------------------------------------------

    def update(self, dt: float) -> None:
        if self.roster.needs_attention() and self.session.stack.top is self:
            self.open_reconnect()
        game = self.game
        game.tick()
        events = game.poll_events()
        for event in events:
            if isinstance(event, Revealed):
                self.session.history.append(event)
            elif isinstance(event, AnswerLocked):
                self.locked_at.setdefault(event.player, self.age)
            self.on_event(event)
        self._held.extend(events)
        if game.phase in self.open_phases and game.current is not None:
            self.question = game.current
            if self._only_absent_left():
                game.reveal_now()
        elif self._closed_at is None:
            self._closed_at = self.age
        if not game.paused and self._closed_at is None:
            self._ticks.update(self.session.sound, game.time_left())
        if self._closed_at is not None and self.age - self._closed_at >= LOCK_DELAY:
            self.session.stack.replace(self.session.routes.for_phase(self._held))

    def _only_absent_left(self) -> bool:
        """Everyone still to answer has no controller: nobody can, so close the question now.

        The room chose to play on without them; in a game without a clock it would otherwise
        wait for them for ever.
        """
        q = self.question
        if self.game.phase is not Phase.QUESTION or self.game.paused:
            return False
        facing = [q.turn_player] if q.turn_player is not None else range(len(self.roster))
        absent = {s for s in facing if self.player(s).absent}
        done = q.answered | q.locked_out
        return bool(absent) and all(s in done for s in facing if s not in absent)

    def animating(self) -> bool:
        return True

    # Drawing ----------------------------------------------------------------------------------

    def header_text(self) -> tuple[str, tuple[int, int, int] | None]:
        if self.turn is not None:
            player = self.player(self.turn)
            return f"{player.name}'s turn", player.rgb
        return self.mode.label, None

    def draw_top(self, surface: pygame.Surface, prompt: pygame.Rect = PROMPT) -> None:
        res = self.session.resources
        draw_background(surface, res)
        text, colour = self.header_text()
        self.draw_party_header(surface, text, colour)
        left = self.game.question_time_left() if self._closed_at is None else 0.0
        draw_countdown(surface, res, left, self.question.time_limit, self.game.paused)
        surface.blit(panel(res, prompt.size, theme.PANEL, theme.PANEL_EDGE, 230), prompt)
        fitted(
            res,
            surface,
            self.question.prompt,
            prompt.inflate(-60, -24),
            theme.TEXT,
            48,
            min_size=20,
        )

    def card_look(self, slot: int) -> CardLook:
        """How a player's card looks now; the default shows the secret lock-in."""
        player = self.player(slot)
        if player.waiting and slot not in self.question.answered:
            return CardLook(dim=True)  # the card itself says "no controller"
        if player.phone_note and slot not in self.question.answered:
            return CardLook(player.phone_note, None, theme.AMBER, dim=True)
        if self.turn is not None and slot != self.turn:
            return CardLook(f"{self.game.players[slot].score:,}", None, theme.TEXT_DIM, dim=True)
        if slot in self.question.answered:
            since = self.age - self.locked_at.get(slot, -1.0)
            lift = int(10 * math.sin(math.pi * since / BOUNCE)) if 0 <= since < BOUNCE else 0
            return CardLook("LOCKED", theme.AMBER, theme.TEXT_DARK, highlight=True, lift=lift)
        if self.turn is not None:
            return CardLook("YOUR TURN", player.rgb, theme.TEXT_DARK, highlight=True)
        return CardLook("thinking...", None, theme.TEXT_DIM)

    def draw_strip(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        for slot, rect in enumerate(self.cards):
            player = self.player(slot)
            draw_card(
                surface, res, rect, player, keys_of(self.session, player), self.card_look(slot)
            )

    def hints(self) -> str:
        if self.mode is Mode.TURNS and self.turn is not None:
            name = self.player(self.turn).name
            return (
                f"{name}: answer with your keys    Everyone else: hands off    Esc / Start: pause"
            )
        if any(is_phone(p.device) for p in self.roster.players):
            return "Press one of your keys, or tap on your phone, to lock in a secret answer    Esc: pause"
        return "Press one of your four keys to lock in a secret answer    Esc / Start: pause"

    def draw_hints(self, surface: pygame.Surface) -> None:
        draw_hints(surface, self.session.resources, self.hints())
