"""The party lobby: players sit down with their own keys or gamepad, pick a mode, and start.

Any key of a free keyboard zone, or any face button of a gamepad, seats a new
player. Once seated, a player's own keys act on their own card: the 2nd key
changes colour, the 3rd the icon, the 4th leaves; A on a seated pad opens that
player's editor, so a pad alone can rename its player. The arrows (or a d-pad) and
Enter drive the menu on the right; "Edit players" walks the cards to rename,
move or remove someone; a click on a card does the same. Enter on Start, or
Start on any pad, begins the game.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from quiz.engine import GameConfig, Mode
from quiz.engine.config import MAX_ROUNDS
from quiz.packs.model import Difficulty, Pack
from quiz.phones.network import has_network, local_addresses
from quiz.ui import theme
from quiz.ui.input import Action, PlayerAction
from quiz.ui.phone_link import PhoneLink
from quiz.ui.roster import Roster, is_pad, is_phone, zone_device
from quiz.ui.scene import Scene
from quiz.ui.scenes.common import (
    BackButton,
    draw_background,
    draw_heading,
    draw_hints,
    is_back,
    menu_event,
    step_choice,
)
from quiz.ui.scenes.menus.settings import TIMER_STEPS, timer_text
from quiz.ui.scenes.party.base import keys_of
from quiz.ui.session import Session
from quiz.ui.widgets.join_panel import draw_join_panel, qr_surface
from quiz.ui.widgets.lobby_view import (
    COLUMNS,
    HELP,
    MODE_HELP,
    Seat,
    card_rects,
    draw_help,
    draw_seats,
)
from quiz.ui.widgets.menu import Menu, MenuItem

MODES = (Mode.EVERYONE, Mode.BUZZ, Mode.TURNS)
ROUND_STEPS = tuple(range(1, MAX_ROUNDS + 1))
BOUNCE = 0.3
# With phones on, the seats make room for the join panel under them.
PHONE_GRID = pygame.Rect(48, 118, 780, 318)
JOIN_PANEL = pygame.Rect(48, 446, 780, 220)
PHONE_HELP = pygame.Rect(852, 512, 380, 154)
QR_SIZE = 200


@dataclass(frozen=True)
class LobbyPlan:
    """`heat-quiz play --phones N`: the lobby starts by itself once these players are in."""

    mode: Mode
    phones: int
    keyboard: int = 0
    rounds: int | None = None
    per_round: int | None = None
    seconds: float | None = None
    relaxed: bool = False
    packs: tuple[Pack, ...] = ()  # none: the packs chosen on the title's pack screen
    difficulty: Difficulty | frozenset[Difficulty] | None = None
    seed: int | None = None


class LobbyScene(Scene):
    name = "lobby"
    party_input = True
    pad_answers = True

    def __init__(self, session: Session, plan: LobbyPlan | None = None) -> None:
        super().__init__(session)
        self.plan = plan
        self.waiting_to_start = plan is not None  # starts by itself once, when all are in
        roster = session.party or Roster()
        if plan is not None:
            roster.mode = plan.mode
        connected = {f"pad:{i}" for i in session.input.pads}
        # Seats from the last party whose pad is gone are freed; keyboard zones stay.
        roster.players = [
            p for p in roster.players if not is_pad(p.device) or p.device in connected
        ]
        roster.players = [p for p in roster.players if not p.waiting]
        self.roster = session.party = roster
        s = session.settings
        self.rounds = max(1, min(MAX_ROUNDS, s.rounds))
        self.seconds = s.timer_seconds
        if plan is not None:
            self.rounds = plan.rounds or self.rounds
            timer = int(plan.seconds) if plan.seconds else None  # the CLI's --time is whole
            self.seconds = None if plan.relaxed else (timer or self.seconds)
        self.addresses = local_addresses()
        given = session.phone_address
        if given is not None and given not in self.addresses:
            self.addresses.insert(0, given)
        self.address = given or self.addresses[0]
        self.phone_note = ""
        self._qr: tuple[str, pygame.Surface] | None = None
        if s.phones or plan is not None:
            self._phones_on()
        self.cards = card_rects(PHONE_GRID if self.session.phones else None)
        self.card_focus: int | None = None  # walking the cards ("Edit players")
        self.bounced: dict[str, float] = {}  # device -> age of its last press, for a hop
        self.back = BackButton()
        self.message = ""
        self.menu = Menu(
            self._items(), (852, 100), item_size=(380, 50), gap=8, text_size=theme.SMALL_SIZE + 4
        )
        self.menu.select("start")

    def _items(self) -> list[MenuItem]:
        return [
            MenuItem("mode", self.roster.mode.label, detail="Mode: Left / Right to change"),
            MenuItem("rounds", "Rounds", detail=str(self.rounds), adjustable=True),
            MenuItem("timer", "Timer", detail=timer_text(self.seconds), adjustable=True),
            MenuItem(
                "phones", "Phones", detail="On" if self.session.phones else "Off", adjustable=True
            ),
            *(
                [MenuItem("address", "Address", detail=self.address, adjustable=True)]
                if self.session.phones and len(self.addresses) > 1
                else []
            ),
            MenuItem("edit", "Edit players", enabled=bool(self.roster.players)),
            MenuItem("start", "Start game"),
        ]

    # Phones -----------------------------------------------------------------------------------

    def _phones_on(self) -> None:
        """Serve the phone page (if it is not served already) and print where to join."""
        session = self.session
        if session.phones is not None:
            return
        if not has_network(self.addresses):
            self.phone_note = (
                "No network found: phones cannot join (only this computer can open the page). "
                "Keys and gamepads still work."
            )
        link = None
        for port in dict.fromkeys((session.phone_port, 0)):
            try:
                link = PhoneLink.open(self.address, port)
                break
            except OSError as error:
                self.phone_note = f"Phones cannot join: {error}. Keys and gamepads still work."
        if link is None:
            return
        session.phones = link
        if has_network(self.addresses):
            self.phone_note = ""
        print(f"join: {link.url}", flush=True)

    def _phones_off(self) -> None:
        self.session.stop_phones()
        self.phone_note = ""

    def _toggle_phones(self) -> None:
        if self.session.phones is None:
            self._phones_on()
        else:
            self._phones_off()
        self.session.change_settings(phones=self.session.phones is not None)
        self.cards = card_rects(PHONE_GRID if self.session.phones else None)
        self.card_focus = None

    def _next_address(self, step: int) -> None:
        at = self.addresses.index(self.address) if self.address in self.addresses else 0
        self.address = self.addresses[(at + step) % len(self.addresses)]
        self.session.phone_address = self.address
        self._phones_off()  # seats on the old address cannot follow: they join again
        self._phones_on()

    def update(self, dt: float) -> None:
        plan = self.plan
        if plan is None or not self.waiting_to_start or self.session.stack.top is not self:
            return
        phones = sum(1 for p in self.roster.players if is_phone(p.device))
        others = len(self.roster) - phones
        if phones >= plan.phones and others >= plan.keyboard:
            self.waiting_to_start = False  # once: a refused start is shown, not retried
            self._start()

    def _refresh(self) -> None:
        key = self.menu.focused.key
        self.menu.items = self._items()
        self.menu.select(key)
        if not self.menu.focused.enabled:
            self.menu.move(-1)

    # Seats ------------------------------------------------------------------------------------

    def _seat(self, action: PlayerAction) -> None:
        """A player's own key or button: sit down, or act on their own card."""
        device = action.device
        slot = self.roster.slot_of(device)
        self.bounced[device] = self.age
        if slot is None:
            if self.roster.join(device, self.session.settings.last_players) is None:
                self.session.sound.play("wrong")  # the party is full
                return
            self.session.sound.play("select")
        elif action.value == 0 and is_pad(device):
            self._edit(slot, by_pad=True)
            return
        elif action.value == 1:
            self.roster.next_colour(slot)
            self.session.sound.play("move")
        elif action.value == 2:
            self.roster.next_icon(slot)
            self.session.sound.play("move")
        elif action.value == 3:
            self.roster.leave(slot)
            self.session.sound.play("wrong")
            if self.card_focus is not None and self.card_focus >= len(self.roster):
                self.card_focus = len(self.roster) - 1 if self.roster.players else None
        self.message = ""
        self._refresh()

    def device_lost(self) -> None:
        connected = {f"pad:{i}" for i in self.session.input.pads}
        for slot in reversed(range(len(self.roster))):
            if (
                is_pad(self.roster.players[slot].device)
                and self.roster.players[slot].device not in connected
            ):
                self.roster.leave(slot)
        self.card_focus = None if not self.roster.players else self.card_focus
        self._refresh()

    # Input ------------------------------------------------------------------------------------

    def handle(self, action: PlayerAction) -> None:
        kind = action.action
        if kind is Action.ANSWER and action.device != "keyboard":
            self._seat(action)
            return
        if kind is Action.JOINED and is_phone(action.device):
            self.bounced[action.device] = self.age  # a phone sat down or changed its look
            self.session.sound.play("select")
            self.message = ""
            self._refresh()
            return
        if kind is Action.JOINED:
            self.message = "A gamepad is connected: press A on it to join."
            return
        if kind is Action.START:
            self._start()
            return
        if kind is Action.LEFT_GAME and is_phone(action.device):
            self._refresh()
            return
        if kind is Action.PAUSE and is_pad(action.device):
            self._start()
            return
        self.back.follow(action)
        if kind is Action.CLICK and action.pos is not None:
            for slot, rect in enumerate(self.cards[: len(self.roster)]):
                if rect.collidepoint(action.pos):
                    self._edit(slot)
                    return
        if self.card_focus is not None:
            self._walk_cards(action)
            return
        if is_back(action):
            self.session.stop_phones()  # the party is over before it began
            self.session.stack.pop()
            return
        if kind in (Action.LEFT, Action.RIGHT) and self.menu.focused.key == "mode":
            self._change("mode", -1 if kind is Action.LEFT else 1)
            return
        event = menu_event(self.session, self.menu, action)
        if event is None:
            return
        if event.kind in ("left", "right"):
            self._change(event.key, -1 if event.kind == "left" else 1)
        elif event.kind == "activate":
            if event.key == "start":
                self._start()
            elif event.key == "edit":
                self.card_focus = 0
                self.menu.active = False
                self.session.sound.play("select")
            else:
                self._change(event.key, 1, wrap=True)

    def _walk_cards(self, action: PlayerAction) -> None:
        kind = action.action
        assert self.card_focus is not None
        if kind is Action.BACK:
            self.card_focus = None
            self.menu.active = True
            return
        steps = {Action.LEFT: -1, Action.RIGHT: 1, Action.UP: -COLUMNS, Action.DOWN: COLUMNS}
        if kind in steps:
            target = self.card_focus + steps[kind]
            if 0 <= target < len(self.roster):
                self.card_focus = target
                self.session.sound.play("move")
        elif kind is Action.CONFIRM:
            self._edit(self.card_focus)

    def _edit(self, slot: int, by_pad: bool = False) -> None:
        from quiz.ui.scenes.party.lobby_edit import PlayerEditScene

        self.session.sound.play("select")
        # Opened while walking the cards: back to the cards after. A pad cannot leave the
        # walk (its B is its colour key), so its editor goes back to the menu.
        walking = self.card_focus is not None and not by_pad
        self.card_focus = slot

        def closed(focus: object) -> None:
            self._refresh()
            if walking and isinstance(focus, int) and 0 <= focus < len(self.roster):
                self.card_focus = focus
            else:
                self.card_focus = None
                self.menu.active = True

        self.session.stack.push(PlayerEditScene(self.session, slot), closed)

    def _change(self, key: str, step: int, wrap: bool = False) -> None:
        """Left/right step a value and stop at its ends; Enter or a click steps up and wraps."""
        if key == "phones":
            self._toggle_phones()
        elif key == "address":
            self._next_address(step)
        elif key == "mode":
            self.roster.mode = step_choice(MODES, self.roster.mode, step, wrap)
        elif key == "rounds":
            self.rounds = step_choice(ROUND_STEPS, self.rounds, step, wrap)
        elif key == "timer":
            self.seconds = step_choice(TIMER_STEPS, self.seconds, step, wrap)
        self.session.sound.play("move")
        self._refresh()

    def config(self) -> GameConfig:
        return GameConfig(
            mode=self.roster.mode,
            players=self.roster.names(),
            packs=(self.plan and self.plan.packs) or tuple(self.session.playable_packs()),
            rounds=self.rounds,
            per_round=(self.plan and self.plan.per_round) or self.session.settings.per_round,
            seconds=self.seconds,
            difficulty=self.plan.difficulty if self.plan else None,
            seed=self.plan.seed if self.plan else None,
            phones=bool(self.roster.players)
            and all(is_phone(p.device) for p in self.roster.players),
        )

    def _start(self) -> None:
        if len(self.roster) < 2:
            self.message = "A party needs at least two players."
            self.session.sound.play("wrong")
            return
        try:
            config = self.config()
        except ValueError as error:
            self.message = str(error)
            self.session.sound.play("wrong")
            return
        self.session.sound.play("select")
        self.session.change_settings(
            rounds=self.rounds, timer_seconds=self.seconds, last_players=config.names
        )
        self.session.routes.start_game(config)

    # Drawing ----------------------------------------------------------------------------------

    def _draw_join(self, surface: pygame.Surface, url: str, code: str) -> None:
        if self._qr is None or self._qr[0] != url:
            self._qr = (url, qr_surface(url, QR_SIZE))  # drawn once per address
        shown = url.split("://", 1)[1].split("/?", 1)[0]
        note = self.phone_note or "Open the address, type the room code and a name."
        draw_join_panel(surface, self.session.resources, JOIN_PANEL, self._qr[1], shown, code, note)

    def animating(self) -> bool:
        return any(self.age - at < BOUNCE for at in self.bounced.values()) or self.age < 0.4

    def _free_zones(self) -> list[tuple[str, ...]]:
        taken = self.roster.devices()
        zones = self.session.input.bindings.party_zones
        return [tuple(keys) for z, keys in enumerate(zones) if zone_device(z) not in taken]

    def draw(self, surface: pygame.Surface) -> None:
        res = self.session.resources
        draw_background(surface, res)
        draw_heading(surface, res, "Party Game", y=50)
        self.back.draw(surface, res)
        seats = []
        for player in self.roster.players:
            since = self.age - self.bounced.get(player.device, -9.0)
            hop = int(14 * (1 - since / BOUNCE)) if 0 <= since < BOUNCE else 0
            seats.append(Seat(player, keys_of(self.session, player), hop))
        draw_seats(surface, res, self.cards, seats, self.card_focus, self._free_zones())
        self.menu.draw(surface, res)
        phones = self.session.phones
        area = PHONE_HELP if phones else HELP
        if self.message:
            draw_help(surface, res, self.message, theme.AMBER, area)
        else:
            draw_help(surface, res, MODE_HELP.get(self.roster.mode, ""), theme.TEXT, area)
        if phones is not None:
            self._draw_join(surface, phones.url, phones.code)
        elif self.phone_note:
            draw_help(surface, res, self.phone_note, theme.AMBER, area)
        if self.card_focus is not None:
            hints = "Arrows: pick a player    Enter / click: rename, move, remove    Esc: back to the menu"
        else:
            hints = (
                "Arrows / d-pad: menu    Enter: choose    A on your pad: rename, move"
                "    Start on a pad: start    Esc: title"
            )
        draw_hints(surface, res, hints)
