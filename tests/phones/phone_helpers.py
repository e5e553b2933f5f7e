"""Talking to the phone server as a phone would: join, resume, read the next message of a kind."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from aiohttp import ClientWebSocketResponse, WSMsgType

from quiz.phones import PhoneServer
from quiz.phones.events import PhoneEvent


async def receive(ws: ClientWebSocketResponse, kind: str, timeout: float = 3.0) -> dict[str, Any]:
    """The next message of `kind`, answering pings on the way."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while True:
        message = await ws.receive(timeout=max(0.01, end - loop.time()))
        if message.type is not WSMsgType.TEXT:
            raise AssertionError(f"socket closed ({ws.close_code}) waiting for {kind}")
        data = json.loads(message.data)
        if data["type"] == "ping":
            await ws.send_json({"type": "pong", "id": data["id"]})
            continue
        if data["type"] == kind:
            return data


async def join(ws: ClientWebSocketResponse, server: PhoneServer, name: str,
               colour: int = 0, icon: int = 0) -> dict[str, Any]:
    await ws.send_json({"type": "join", "v": 1, "room": server.code, "name": name,
                        "colour": colour, "icon": icon})
    return await receive(ws, "welcome")


async def next_event(server: PhoneServer, timeout: float = 2.0) -> PhoneEvent:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while loop.time() < end:
        if not server.inbox.empty():
            return server.inbox.get_nowait()
        await asyncio.sleep(0.005)
    raise AssertionError("no event from the phone server")


def drain(server: PhoneServer) -> list[PhoneEvent]:
    events = []
    while not server.inbox.empty():
        events.append(server.inbox.get_nowait())
    return events


def question_state(number: int = 1, input_kind: str = "choice", count: int = 4) -> dict[str, Any]:
    return {"screen": "question", "question": {"n": number, "input": input_kind, "count": count,
                                                "prompt": "Who?", "choices": ["a"] * count}}
