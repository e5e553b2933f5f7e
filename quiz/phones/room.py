"""The room: its code, the seats of the phones in it, resume tokens, names and join limits.

Only the server's own thread touches a Room.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
import unicodedata
from collections import deque
from dataclasses import dataclass, field
from typing import Final

# No look-alikes: no O/0, I/1/L, B/8, S/5, Z/2, G/6, Q.
CODE_ALPHABET: Final = "ACDEFHJKMNPRTUVWXY"
CODE_LENGTH: Final = 4
NAME_LENGTH: Final = 16
MAX_SEATS: Final = 8
JOIN_LIMIT: Final = 10  # join or resume attempts per address ...
JOIN_WINDOW: Final = 30.0  # ... within this many seconds


def new_room_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    return "".join(text.split()).upper()


def code_matches(given: object, code: str) -> bool:
    """Constant-time comparison, so the code cannot be guessed letter by letter."""
    if not isinstance(given, str) or len(given) > 32:
        return False
    return hmac.compare_digest(normalise_code(given).encode(), code.encode())


def new_token() -> str:
    return secrets.token_urlsafe(24)


def digest(token: str) -> str:
    # Seats are found by the token's hash, so a lookup reveals nothing about a real token.
    return hashlib.sha256(token.encode()).hexdigest()


def name_problem(name: object) -> str | None:
    """Why `name` cannot be a player's name, or None. Names are shown as text, never markup."""
    if not isinstance(name, str):
        return "Type a name."
    name = name.strip()
    if not name:
        return "Type a name."
    if len(name) > NAME_LENGTH:
        return f"Names have at most {NAME_LENGTH} characters."
    for char in name:
        if unicodedata.category(char)[0] == "C":
            return "Names can only have letters, digits, spaces and punctuation."
    return None


@dataclass
class Seat:
    id: int
    name: str
    colour: int
    icon: int
    token_digest: str
    connected: bool = False
    joined_at: float = field(default_factory=time.monotonic)


class JoinLimiter:
    """At most JOIN_LIMIT joins or failed tries per address in any JOIN_WINDOW seconds.

    A resume with a valid token is not counted: a phone on flaky Wi-Fi may come back as often
    as it needs, and a token cannot be guessed anyway."""

    def __init__(self, limit: int = JOIN_LIMIT, window: float = JOIN_WINDOW) -> None:
        self.limit = limit
        self.window = window
        self._seen: dict[str, deque[float]] = {}

    def allow(self, address: str, now: float | None = None) -> bool:
        """Whether `address` may try now, without counting the try."""
        now = time.monotonic() if now is None else now
        times = self._seen.setdefault(address, deque())
        while times and now - times[0] > self.window:
            times.popleft()
        return len(times) < self.limit

    def charge(self, address: str, now: float | None = None) -> None:
        """Count a try: every new seat and every failure (a resume that works is free)."""
        self._seen.setdefault(address, deque()).append(time.monotonic() if now is None else now)


class Room:
    def __init__(self, code: str | None = None) -> None:
        self.code = code or new_room_code()
        self.seats: dict[int, Seat] = {}
        self._by_token: dict[str, int] = {}
        self._next_id = 1
        self.other_names: tuple[str, ...] = ()  # players at the TV's keys and pads
        self.other_players = 0

    def taken(self, name: str, except_seat: int | None = None) -> bool:
        folded = name.strip().casefold()
        if any(n.casefold() == folded for n in self.other_names):
            return True
        return any(s.name.casefold() == folded for s in self.seats.values() if s.id != except_seat)

    @property
    def full(self) -> bool:
        return len(self.seats) + self.other_players >= MAX_SEATS

    def join(self, name: str, colour: int, icon: int) -> tuple[Seat, str]:
        """A new seat and its resume token (only its hash is kept)."""
        token = new_token()
        seat = Seat(self._next_id, name.strip(), colour, icon, digest(token))
        self._next_id += 1
        self.seats[seat.id] = seat
        self._by_token[seat.token_digest] = seat.id
        return seat, token

    def resume(self, token: object) -> Seat | None:
        if not isinstance(token, str) or len(token) > 128:
            return None
        seat_id = self._by_token.get(digest(token))
        return self.seats.get(seat_id) if seat_id is not None else None

    def remove(self, seat_id: int) -> Seat | None:
        """Free a seat; its token stops working (a kick revokes it)."""
        seat = self.seats.pop(seat_id, None)
        if seat is not None:
            self._by_token.pop(seat.token_digest, None)
        return seat

    def leader(self) -> int | None:
        """The first phone to join leads; if it is away, the next one that is here."""
        ordered = sorted(self.seats.values(), key=lambda s: s.id)
        for seat in ordered:
            if seat.connected:
                return seat.id
        return ordered[0].id if ordered else None
