"""What the phone server tells the game loop. Plain frozen data, safe to pass between threads."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PhoneEvent:
    phone: int  # the seat's public number; the game knows the phone as device "phone:N"


@dataclass(frozen=True)
class PhoneJoined(PhoneEvent):
    name: str
    colour: int
    icon: int


@dataclass(frozen=True)
class PhoneLook(PhoneEvent):
    colour: int
    icon: int


@dataclass(frozen=True)
class PhoneConnection(PhoneEvent):
    connected: bool


@dataclass(frozen=True)
class PhoneLeft(PhoneEvent):
    """The player left on their own (or was kicked): their seat is gone."""


@dataclass(frozen=True)
class PhoneAnswer(PhoneEvent):
    question: int  # QuestionView.number the phone was shown
    value: int | str | tuple[int, ...]  # a choice index, typed text, or an order of indices
    received: float  # time.monotonic() when the server read the message
    lag: float  # seconds to take off the receive time: half the median round trip, capped


@dataclass(frozen=True)
class PhoneBuzz(PhoneEvent):
    question: int
    received: float
    lag: float


@dataclass(frozen=True)
class PhoneCommand(PhoneEvent):
    command: str  # "start" (lobby) or "continue" (reveal, standings): the leader's buttons
