"""The party roster: who plays, in which seat, with which colour, icon and device.

A player's device is a keyboard zone ("zone:1") or a gamepad ("pad:7", by SDL
instance id). Scenes get `PlayerAction(slot, action, device=...)` from the
input layer and ask the roster which player (engine slot) that device belongs
to. Player `i` of the roster is player `i` of the engine's GameConfig.

A pad that goes away leaves its player waiting; the next pad that appears, or
a free pad that presses a button, takes the seat back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final

from quiz.engine import GameConfig, Mode
from quiz.engine.config import MAX_NAME_LENGTH, MAX_PLAYERS
from quiz.engine.names import free_name
from quiz.ui.theme import Colour

PLAYER_COLOURS: Final[tuple[Colour, ...]] = (
    (236, 84, 96),  # crimson
    (70, 160, 255),  # azure
    (250, 200, 60),  # gold
    (60, 206, 134),  # jade
    (176, 118, 245),  # violet
    (255, 142, 54),  # tangerine
    (255, 116, 200),  # pink
    (48, 212, 222),  # cyan
)
ICONS: Final[tuple[str, ...]] = ("star", "bolt", "heart", "moon", "crown", "drop", "spade", "cross")
PAD_KEYS: Final[tuple[str, ...]] = ("A", "B", "X", "Y")
NO_DEVICE: Final = ""


def zone_device(zone: int) -> str:
    return f"zone:{zone}"


def pad_device(instance_id: int) -> str:
    return f"pad:{instance_id}"


def is_pad(device: str) -> bool:
    return device.startswith("pad:")


def phone_device(phone: int) -> str:
    return f"phone:{phone}"


def is_phone(device: str) -> bool:
    return device.startswith("phone:")


def zone_of(device: str) -> int | None:
    if not device.startswith("zone:"):
        return None
    return int(device.partition(":")[2])


@dataclass(frozen=True)
class Shown:
    """A scoreboard as it was last shown, so the next one can say who climbed and who fell."""

    order: tuple[int, ...]  # slots, top first
    ranks: dict[int, int]  # slot -> rank


@dataclass
class PartyPlayer:
    name: str
    colour: int  # index into PLAYER_COLOURS
    icon: int  # index into ICONS
    device: str  # "zone:N", "pad:ID", or NO_DEVICE while waiting for a controller
    connected: bool = True
    removed: bool = False  # put out of the game by the host: keeps the seat, never answers

    @property
    def rgb(self) -> Colour:
        return PLAYER_COLOURS[self.colour % len(PLAYER_COLOURS)]

    @property
    def icon_name(self) -> str:
        return ICONS[self.icon % len(ICONS)]

    @property
    def waiting(self) -> bool:
        """Needs a controller before they can answer (a phone reconnects by itself)."""
        if is_phone(self.device):
            return False
        return not self.connected or self.device == NO_DEVICE

    @property
    def reconnecting(self) -> bool:
        """A phone that dropped: the game goes on without them until it comes back."""
        return is_phone(self.device) and not self.connected and not self.removed

    @property
    def absent(self) -> bool:
        return self.waiting or self.reconnecting or self.removed

    @property
    def phone_note(self) -> str | None:
        """What a phone player's card says instead of their keys, when something is up."""
        if self.removed:
            return "removed"
        return "reconnecting..." if self.reconnecting else None


@dataclass
class Roster:
    players: list[PartyPlayer] = field(default_factory=list)
    mode: Mode = Mode.EVERYONE
    excused: set[int] = field(default_factory=set)  # waiting, but the room plays on without them
    board: Shown | None = None  # the scoreboard as last shown
    round_board: Shown | None = None  # ... and as shown at the end of the last round

    # Reading ----------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.players)

    @property
    def full(self) -> bool:
        return len(self.players) >= MAX_PLAYERS

    def names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.players)

    def slot_of(self, device: str) -> int | None:
        """The engine slot of the player on `device`, or None."""
        for slot, player in enumerate(self.players):
            if player.device == device and player.connected and device != NO_DEVICE \
                    and not player.removed:
                return slot
        return None

    def waiting(self) -> list[int]:
        """Slots of players without a working device."""
        return [slot for slot, p in enumerate(self.players) if p.waiting]

    def needs_attention(self) -> list[int]:
        """Waiting players the room has not chosen to play on without."""
        return [slot for slot in self.waiting() if slot not in self.excused]

    def devices(self) -> set[str]:
        return {p.device for p in self.players if p.device != NO_DEVICE}

    # Lobby ------------------------------------------------------------------------------------

    def free_name(self, preferred: Sequence[str] = ()) -> str:
        return free_name((p.name for p in self.players), preferred)

    def _free(self, options: int, used: Iterable[int]) -> int:
        taken = set(used)
        return next((i for i in range(options) if i not in taken), len(self.players) % options)

    def join(self, device: str, preferred: Sequence[str] = ()) -> PartyPlayer | None:
        """Seat a new player on `device`; None when it is already seated or the party is full."""
        if device in self.devices() or self.full:
            return None
        player = PartyPlayer(
            name=self.free_name(preferred),
            colour=self._free(len(PLAYER_COLOURS), (p.colour for p in self.players)),
            icon=self._free(len(ICONS), (p.icon for p in self.players)),
            device=device,
        )
        self.players.append(player)
        return player

    def leave(self, slot: int) -> PartyPlayer:
        self.excused.clear()
        return self.players.pop(slot)

    def move(self, slot: int, step: int) -> int:
        """Swap a player with a neighbour; returns their new slot."""
        target = slot + step
        if not 0 <= slot < len(self.players) or not 0 <= target < len(self.players):
            return slot
        self.players[slot], self.players[target] = self.players[target], self.players[slot]
        self.excused.clear()
        return target

    def next_colour(self, slot: int) -> None:
        self._cycle(slot, "colour", len(PLAYER_COLOURS))

    def next_icon(self, slot: int) -> None:
        self._cycle(slot, "icon", len(ICONS))

    def _cycle(self, slot: int, attr: str, options: int) -> None:
        player = self.players[slot]
        used = {getattr(p, attr) for i, p in enumerate(self.players) if i != slot}
        value = getattr(player, attr)
        for _ in range(options):
            value = (value + 1) % options
            if value not in used:  # colours and icons stay unique while there are enough
                break
        setattr(player, attr, value)

    def name_problem(self, slot: int, name: str) -> str | None:
        """Why `name` (trimmed) cannot be the name of the player in `slot`, or None."""
        name = name.strip()
        if not name:
            return "A name cannot be empty."
        if len(name) > MAX_NAME_LENGTH:
            return f"Names have at most {MAX_NAME_LENGTH} characters."
        for other, player in enumerate(self.players):
            if other != slot and player.name.casefold() == name.casefold():
                return f"{player.name} is already playing: pick another name."
        return None

    def rename(self, slot: int, name: str) -> str | None:
        """Change a name; returns why it was refused, or None."""
        problem = self.name_problem(slot, name)
        if problem is None:
            self.players[slot].name = name.strip()
        return problem

    # Devices coming and going -----------------------------------------------------------------

    def lose_pads(self, connected: Iterable[int]) -> list[int]:
        """Mark players whose pad is no longer connected; returns the newly lost slots."""
        present = {pad_device(i) for i in connected}
        lost = []
        for slot, player in enumerate(self.players):
            if is_pad(player.device) and player.connected and player.device not in present:
                player.connected = False
                lost.append(slot)
        return lost

    def claim(self, device: str) -> int | None:
        """A pad that is not seated takes the first waiting seat; returns that slot."""
        if not is_pad(device) or device in {p.device for p in self.players if p.connected}:
            return None
        for slot in self.waiting():
            player = self.players[slot]
            player.device = device
            player.connected = True
            self.excused.discard(slot)
            return slot
        return None

    # Building ---------------------------------------------------------------------------------

    def matches(self, config: GameConfig) -> bool:
        return self.names() == config.names

    @classmethod
    def from_config(cls, config: GameConfig, zones: int, pads: Sequence[int] = ()) -> Roster:
        """Seat the config's players on the keyboard zones in order, then on the pads present."""
        roster = cls(mode=config.mode)
        devices = [zone_device(z) for z in range(zones)] + [pad_device(p) for p in pads]
        for index, name in enumerate(config.names):
            device = devices[index] if index < len(devices) else NO_DEVICE
            roster.players.append(
                PartyPlayer(
                    name=name,
                    colour=index % len(PLAYER_COLOURS),
                    icon=index % len(ICONS),
                    device=device,
                    connected=device != NO_DEVICE,
                )
            )
        return roster
