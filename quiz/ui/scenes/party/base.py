"""What every in-game party scene shares: the roster, the header, pausing and lost controllers.

Party scenes read the engine like the solo ones and never apply rules. They add
the roster (which device is which player) and watch the controllers: a seated
player's pad going away pauses the game and asks for it back; a new pad that
appears takes the first empty seat.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

import pygame

from quiz.engine import Mode
from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.roster import PAD_KEYS, PartyPlayer, Roster, is_pad, is_phone, pad_device, zone_of
from quiz.ui.scenes.game_base import GameScene
from quiz.ui.session import Session
from quiz.ui.widgets.draw import fitted, hover_button, panel
from quiz.ui.widgets.names import draw_name

HEADER_PAUSE = pygame.Rect(1124, 16, 108, 42)
# The question counter, between the round-and-category box (ends at 478) and the name box (800).
COUNTER_BOX = pygame.Rect(490, 12, 300, 50)
INPUT_GUARD = 0.6  # seconds a new screen ignores "continue", so a late answer key cannot skip it


def keys_of(session: Session, player: PartyPlayer) -> tuple[str, ...]:
    """The four keys (or pad buttons) a player answers with, as shown on screen."""
    if is_pad(player.device):
        return PAD_KEYS
    zone = zone_of(player.device)
    zones = session.input.bindings.party_zones
    if zone is None or zone >= len(zones):
        return ()
    return tuple(zones[zone])


def device_text(session: Session, player: PartyPlayer) -> str:
    if player.waiting:
        return "needs a controller"
    if is_phone(player.device):
        return player.phone_note or "phone"
    if is_pad(player.device):
        return "gamepad"
    return "keys " + " ".join(k.upper() for k in keys_of(session, player))


class PartyScene(GameScene):
    party_input = True
    needs_players: ClassVar[bool] = True  # a missing controller pauses here (not on the podium)

    def __init__(self, session: Session) -> None:
        super().__init__(session)
        assert session.party is not None, "a party scene needs a roster"
        self.roster: Roster = session.party
        self.mode: Mode = self.game.config.mode

    # Players ----------------------------------------------------------------------------------

    def slot_for(self, action: PlayerAction) -> int | None:
        """The engine slot of the player who made `action`, None for menus and strangers."""
        return self.roster.slot_of(action.device)

    def player(self, slot: int) -> PartyPlayer:
        return self.roster.players[slot]

    # Controllers ------------------------------------------------------------------------------

    def handle_devices(self, action: PlayerAction) -> bool:
        """A pad appearing, or a free pad pressing a button, takes a waiting seat."""
        if action.action is Action.JOINED:
            self._claim(pad_device(action.value))
            return True
        if is_pad(action.device) and action.device not in self.roster.devices():
            return self._claim(action.device)
        return False

    def _claim(self, device: str) -> bool:
        slot = self.roster.claim(device)
        if slot is not None:
            self.session.sound.play("select")
        return slot is not None

    def device_lost(self) -> None:
        lost = self.roster.lose_pads(self.session.input.pads)
        if lost and self.needs_players and self.session.stack.top is self:
            self.open_reconnect()

    def update(self, dt: float) -> None:
        if self.needs_players and self.roster.needs_attention() and self.session.stack.top is self:
            self.open_reconnect()
        super().update(dt)

    def open_reconnect(self, paused_before: bool = False) -> None:
        """Pause and wait for a lost controller; `paused_before`: this overlay paused it."""
        from quiz.ui.scenes.party.reconnect import ReconnectScene

        paused_here = self.game.pause() or paused_before

        def kept() -> None:
            # "Keep playing": wait for the controller again, unless it came back meanwhile.
            if self.roster.waiting():
                self.open_reconnect(paused_here)
            elif paused_here:
                self.game.resume()

        def closed(choice: object) -> None:
            if choice == "quit":
                self.leave_game(on_no=kept)
                return
            if choice == "without":
                self.roster.excused.update(self.roster.waiting())
            if paused_here:
                self.game.resume()

        self.session.stack.push(ReconnectScene(self.session), closed)

    def can_remove_players(self) -> bool:
        from quiz.ui.scenes.party.remove_player import removable

        return bool(removable(self.roster))

    def remove_player(self, then: Callable[[], None]) -> None:
        """Pick a phone player, confirm, and put them out; `then` reopens the pause overlay."""
        from quiz.ui.scenes.menus.confirm import ConfirmScene
        from quiz.ui.scenes.party.remove_player import RemovePlayerScene

        def picked(slot: object) -> None:
            if not isinstance(slot, int):
                then()
                return
            name = self.roster.players[slot].name

            def confirmed(yes: object) -> None:
                if yes:
                    self.roster.players[slot].removed = True  # the phone link revokes the token
                    self.session.sound.play("select")
                then()

            question = f"Remove {name} from this game? Their phone is signed out for good."
            self.session.stack.push(
                ConfirmScene(self.session, question, yes="Remove", no="Keep"), confirmed
            )

        self.session.stack.push(RemovePlayerScene(self.session, self.roster), picked)

    def leave_game(self, on_no: Callable[[], None]) -> None:
        """A room's game is not thrown away on one key: ask, with the focus on "No"."""
        from quiz.ui.scenes.menus.confirm import ConfirmScene

        def answered(yes: object) -> None:
            if yes:
                self.session.routes.quit_to_title()
            else:
                on_no()

        question = "Quit this party game? Everyone's scores so far are lost."
        self.session.stack.push(
            ConfirmScene(self.session, question, yes="Quit", no="Keep playing"), answered
        )

    # Drawing ----------------------------------------------------------------------------------

    def draw_party_header(
        self,
        surface: pygame.Surface,
        right: str = "",
        colour: tuple[int, int, int] | None = None,
        pause_button: bool = True,
    ) -> None:
        """Round and category on the left, the question counter, and `right` by the Pause button."""
        res = self.session.resources
        info = self.game.round
        surface.blit(panel(res, (1280, 74), theme.NIGHT, None, 215, radius=0), (0, 0))
        pygame.draw.line(surface, theme.PANEL_EDGE, (0, 74), (1280, 74), 2)
        text = f"Round {info.number}/{info.count}  ·  {info.category}"
        if info.final:
            # "double points" goes with the counter: beside the category it would not fit.
            text = f"Final round  ·  {info.category}"
        fitted(
            res,
            surface,
            text,
            pygame.Rect(48, 12, 430, 50),
            theme.AMBER if info.final else theme.STEEL_LIGHT,
            theme.SMALL_SIZE + 2,
            "left",
        )
        current = self.game.current
        if current is not None:
            counter = f"Question {current.number_in_round} of {current.round_size}"
            if info.final:
                counter += "  ·  double points"
            counter_colour = theme.AMBER if info.final else theme.TEXT
            # Kept between the category and the name boxes, so a long name never touches it;
            # one line, shrunk to fit: wrapped, the second line would start with its "·".
            draw_name(res, surface, counter, COUNTER_BOX, counter_colour, theme.SMALL_SIZE + 2,
                      "center")
        if right:
            # One line, shrunk to fit: "NAME's turn" wrapped reads as two labels.
            draw_name(
                res,
                surface,
                right,
                pygame.Rect(800, 12, 310 if pause_button else 432, 50),
                colour or theme.STEEL_LIGHT,
                theme.SMALL_SIZE + 2,
                "right",
            )
        if pause_button:
            hover_button(res, surface, HEADER_PAUSE, "Pause", self.pause_hover, theme.TINY_SIZE + 2)

    def continue_pressed(self, action: PlayerAction, button: pygame.Rect | None = None) -> bool:
        """Enter, a pad's A, or a click on `button`, once the screen has been up a moment."""
        if self.age < INPUT_GUARD:
            return False
        if action.action is Action.CONFIRM:
            return True
        return bool(
            action.action is Action.CLICK
            and button is not None
            and action.pos is not None
            and button.collidepoint(action.pos)
        )
