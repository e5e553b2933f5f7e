"""The phone protocol (version 1): JSON objects over one WebSocket. See docs/phones.md.

`parse` turns one text message into a checked `Message`, or raises `BadMessage`
with a short reason. Nothing a phone sends reaches the game unchecked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Final

PROTOCOL_VERSION: Final = 1
MAX_MESSAGE_BYTES: Final = 4096
MAX_TEXT_ANSWER: Final = 200
MAX_ORDER_ITEMS: Final = 32
MAX_LOOK: Final = 8  # colours and icons are indices 0-7
COMMANDS: Final = frozenset({"start", "continue"})


class BadMessage(ValueError):
    pass


@dataclass(frozen=True)
class Message:
    type: str
    room: str = ""
    token: str = ""
    name: str = ""
    colour: int = 0
    icon: int = 0
    question: int = 0
    choice: int | None = None
    text: str | None = None
    order: tuple[int, ...] | None = None
    command: str = ""
    ping: int = 0


def _reject_constant(name: str) -> float:
    raise BadMessage(f"not a number: {name}")


def _int(data: dict[str, object], key: str, low: int, high: int) -> int:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise BadMessage(f"{key} must be a whole number from {low} to {high}")
    return value


def _str(data: dict[str, object], key: str, limit: int, required: bool = True) -> str:
    value = data.get(key, None if required else "")
    if not isinstance(value, str) or len(value) > limit:
        raise BadMessage(f"{key} must be text of at most {limit} characters")
    return value


def parse(raw: str) -> Message:
    if len(raw.encode("utf-8", "surrogatepass")) > MAX_MESSAGE_BYTES:
        raise BadMessage("message too long")
    try:
        data = json.loads(raw, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as error:  # RecursionError: absurdly deep nesting
        raise BadMessage("not JSON") from error
    if not isinstance(data, dict):
        raise BadMessage("a message is a JSON object")
    kind = data.get("type")
    if kind == "join":
        _version(data)
        return Message(
            "join",
            room=_str(data, "room", 32),
            name=_str(data, "name", 64),
            colour=_int(data, "colour", 0, MAX_LOOK - 1),
            icon=_int(data, "icon", 0, MAX_LOOK - 1),
        )
    if kind == "resume":
        _version(data)
        return Message("resume", room=_str(data, "room", 32), token=_str(data, "token", 128))
    if kind == "look":
        return Message(
            "look",
            colour=_int(data, "colour", 0, MAX_LOOK - 1),
            icon=_int(data, "icon", 0, MAX_LOOK - 1),
        )
    if kind == "answer":
        return _answer(data)
    if kind == "buzz":
        return Message("buzz", question=_int(data, "q", 1, 10_000))
    if kind == "command":
        command = _str(data, "do", 16)
        if command not in COMMANDS:
            raise BadMessage("unknown command")
        return Message("command", command=command)
    if kind == "pong":
        return Message("pong", ping=_int(data, "id", 0, 2**31))
    if kind == "leave":
        return Message("leave")
    raise BadMessage("unknown message type")


def _version(data: dict[str, object]) -> None:
    if data.get("v") != PROTOCOL_VERSION:
        raise BadMessage(f"this game speaks protocol version {PROTOCOL_VERSION}")


def _answer(data: dict[str, object]) -> Message:
    question = _int(data, "q", 1, 10_000)
    given = [key for key in ("choice", "text", "order") if key in data]
    if len(given) != 1:
        raise BadMessage("an answer has one of choice, text or order")
    if given[0] == "choice":
        return Message("answer", question=question, choice=_int(data, "choice", 0, 15))
    if given[0] == "text":
        text = _str(data, "text", MAX_TEXT_ANSWER).strip()
        if not text or not text.isprintable():
            raise BadMessage("a typed answer is printable text")
        return Message("answer", question=question, text=text)
    order = data["order"]
    if (
        not isinstance(order, list)
        or not 2 <= len(order) <= MAX_ORDER_ITEMS
        or not all(isinstance(i, int) and not isinstance(i, bool) for i in order)
        or sorted(order) != list(range(len(order)))
    ):
        raise BadMessage("an order lists each item's index once")
    return Message("answer", question=question, order=tuple(order))


def encode(message: dict[str, object]) -> str:
    text = json.dumps(message, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return text
