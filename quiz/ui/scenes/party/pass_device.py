"""Turns mode: "pass to NAME" between turns, so a question's clock starts only when its player
is ready. Their keys (or Enter, or a click) start it."""

from __future__ import annotations

import pygame

from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.scenes.common import draw_background, draw_hints
from quiz.ui.scenes.party.base import PartyScene, device_text, keys_of
from quiz.ui.session import Session
from quiz.ui.widgets.avatar import avatar, chips_width, key_chips
from quiz.ui.widgets.draw import ease_out, fitted, label, panel
from quiz.ui.widgets.names import draw_name

CARD = pygame.Rect(240, 110, 800, 500)


class PassDeviceScene(PartyScene):
    name = "pass_device"
    pausable = False

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        # Shown in ROUND_INTRO or REVEAL: the scene hands over when advance() moves the phase on.
        self.phase = self.game.phase  # type: ignore[misc]
        turn = self.game.next_turn_player
        assert turn is not None, "pass to whom? not a turns game"
        self.turn = turn
        self.started = False

    def _go(self) -> None:
        if not self.started:
            self.started = True
            self.session.sound.play("select")
            self.game.advance()

    def handle(self, action: PlayerAction) -> None:
        if self.handle_devices(action):
            return
        if action.action in (Action.BACK, Action.PAUSE):
            self.open_pause()
            return
        theirs = action.action is Action.ANSWER and self.slot_for(action) == self.turn
        anyone = action.action in (Action.CONFIRM, Action.CLICK)
        if (theirs or anyone) and self.age >= 0.4:
            self._go()

    def animating(self) -> bool:
        return self.age < 1.0

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        player = self.player(self.turn)
        draw_background(surface, res)
        wash = panel(res, (1280, 720), player.rgb, None, 60, radius=0)
        surface.blit(wash, (0, 0))
        card = CARD.move(0, int(40 * (1 - ease_out(self.age / 0.35))))
        surface.blit(panel(res, card.size, theme.PANEL, player.rgb, 245, width=5), card)
        label(
            res,
            surface,
            "PASS TO",
            theme.SMALL_SIZE + 6,
            theme.STEEL_LIGHT,
            (card.centerx, card.y + 50),
        )
        surface.blit(
            avatar(res, player.icon_name, player.rgb, 150), (card.centerx - 75, card.y + 80)
        )
        name = pygame.Rect(card.x + 40, card.y + 240, card.width - 80, 100)
        draw_name(res, surface, player.name, name, player.rgb, 96, "center")
        keys = keys_of(self.session, player)
        if player.waiting or not keys:
            text = f"{player.name} {device_text(self.session, player)}: press Enter to go on"
            fitted(
                res,
                surface,
                text,
                pygame.Rect(card.x + 40, card.y + 360, card.width - 80, 50),
                theme.WRONG,
                theme.SMALL_SIZE + 4,
            )
        else:
            label(
                res,
                surface,
                f"{player.name}, press any of your keys when you are ready",
                theme.SMALL_SIZE + 2,
                theme.TEXT,
                (card.centerx, card.y + 372),
            )
            width = chips_width(res, keys, 44, 8)
            key_chips(res, surface, keys, (card.centerx - width // 2, card.y + 404), 44, 8)
        current = self.game.current
        number = (
            (current.number_in_round + 1) if current and self.game.phase.value == "reveal" else 1
        )
        label(
            res,
            surface,
            f"Question {number} of {self.game.round.size}  ·  the clock starts when you press",
            theme.TINY_SIZE + 2,
            theme.TEXT_DIM,
            (card.centerx, card.bottom - 30),
        )
        draw_hints(surface, res, "Their keys / Enter / A / click: start    Esc / Start: pause")
