"""What every in-game scene shares: the engine's game, its events, the header and pausing.

Scenes never apply rules: they call the engine's verbs and draw what it reports.
When the engine's phase moves on, the scene hands over to the scene for the new phase.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import pygame

from quiz.engine import Event, Game, Phase, RoundInfo
from quiz.ui.input import Action, PlayerAction
from quiz.ui.scene import Scene
from quiz.ui.session import Session
from quiz.ui.widgets.draw import hover_button
from quiz.ui.widgets.hud import draw_header

PLAYER = 0  # the solo player's slot
PAUSE_BUTTON = pygame.Rect(1096, 620, 136, 48)


class GameScene(Scene):
    phase: ClassVar[Phase]
    pausable: ClassVar[bool] = True

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        assert session.game is not None, "a game scene needs a running game"
        self.game: Game = session.game
        self.pause_hover = False

    def text_face(self) -> Path | None:
        """While a question is asked or revealed, its pack's own font (if it ships one)."""
        if self.game.phase not in (Phase.QUESTION, Phase.REVEAL):
            return None
        current = self.game.current
        if current is None:
            return None
        pack_id = current.key.split("/", 1)[0]
        return next((p.font for p in self.game.config.packs if p.id == pack_id), None)

    # Engine -----------------------------------------------------------------------------------

    def update(self, dt: float) -> None:
        self.game.tick()
        events = self.game.poll_events()
        for event in events:
            self.on_event(event)
        if self.game.phase is not self.phase:
            self.session.stack.replace(self.session.routes.for_phase(events))

    def on_event(self, event: Event) -> None:
        """React to one engine event (sounds, animations)."""

    # Pausing ----------------------------------------------------------------------------------

    def open_pause(self, reason: str = "") -> None:
        from quiz.ui.scenes.menus.pause import PauseScene

        self.game.pause()

        def closed(choice: object) -> None:
            if choice == "quit":
                self.leave_game(on_no=lambda: self.open_pause(reason))
            elif choice == "remove":
                self.remove_player(then=lambda: self.open_pause(reason))
            else:
                self.game.resume()

        can_remove = self.can_remove_players()
        self.session.stack.push(PauseScene(self.session, reason, can_remove), closed)

    def can_remove_players(self) -> bool:
        """Whether the pause overlay offers to put a player out (party games with phones)."""
        return False

    def remove_player(self, then: Callable[[], None]) -> None:
        then()

    def leave_game(self, on_no: Callable[[], None]) -> None:
        """Quit to the title; a scene whose game is shared asks first (see PartyScene)."""
        self.session.routes.quit_to_title()

    def device_lost(self) -> None:
        if self.pausable and self.session.stack.top is self and not self.game.paused:
            self.open_pause("A controller was disconnected.")

    def handle_pause(self, action: PlayerAction, button: pygame.Rect = PAUSE_BUTTON) -> bool:
        """Esc, Start, or the Pause `button` open the pause overlay; True when handled."""
        kind = action.action
        if kind is Action.POINT and action.pos is not None:
            self.pause_hover = button.collidepoint(action.pos)
            return False
        clicked = kind is Action.CLICK and action.pos and button.collidepoint(action.pos)
        if kind in (Action.PAUSE, Action.BACK) or clicked:
            self.open_pause()
            return True
        return False

    def handle_continue(self, action: PlayerAction, button: pygame.Rect) -> None:
        """Between questions: Enter, A or a click on `button` moves the game on; Esc, B or
        Start pause it."""
        kind = action.action
        clicked = kind is Action.CLICK and action.pos and button.collidepoint(action.pos)
        if kind is Action.CONFIRM or clicked:
            self.session.sound.play("select")
            self.game.advance()
        elif kind in (Action.BACK, Action.PAUSE):
            self.open_pause()

    # Drawing ----------------------------------------------------------------------------------

    def next_round_text(self, info: RoundInfo, after_last: str) -> str:
        """What follows round `info`: the next round, or `after_last` when it was the last."""
        if info.number >= info.count:
            return after_last
        nxt = self.game.rounds[info.number]
        if nxt.final:
            return f"Next: the final round, {nxt.category}, double points"
        return f"Next: round {nxt.number}, {nxt.category}"

    def draw_header(self, surface: pygame.Surface, score: int | None = None) -> None:
        game = self.game
        info = game.round
        round_text = f"Round {info.number}/{info.count}  ·  {info.category}"
        if info.final:
            round_text = f"Final round (x2)  ·  {info.category}"
        current = game.current
        counter = ""
        if current is not None:
            counter = f"Question {current.number_in_round} of {current.round_size}"
        player = game.players[PLAYER]
        draw_header(
            surface,
            self.session.resources,
            round_text,
            counter,
            player.score if score is None else score,
            player.streak,
            info.final,
        )

    def draw_pause_button(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        hover_button(res, surface, PAUSE_BUTTON, "Pause", self.pause_hover)
