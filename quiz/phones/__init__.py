"""Phones as controllers: a small web server the game runs on the local network.

No pygame here. The server runs aiohttp on its own asyncio loop in a background
thread; what phones do reaches the game loop as `PhoneEvent`s on a
`queue.SimpleQueue`, and what phones should show goes the other way through
`PhoneServer.publish`. The protocol is described in docs/phones.md.
"""

from quiz.phones.events import (
    PhoneAnswer,
    PhoneBuzz,
    PhoneCommand,
    PhoneConnection,
    PhoneEvent,
    PhoneJoined,
    PhoneLeft,
    PhoneLook,
)
from quiz.phones.protocol import PROTOCOL_VERSION
from quiz.phones.server import PhoneServer

__all__ = [
    "PROTOCOL_VERSION",
    "PhoneAnswer",
    "PhoneBuzz",
    "PhoneCommand",
    "PhoneConnection",
    "PhoneEvent",
    "PhoneJoined",
    "PhoneLeft",
    "PhoneLook",
    "PhoneServer",
]
