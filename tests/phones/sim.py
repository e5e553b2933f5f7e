"""Simulated phones for whole games: real WebSocket clients on a loop in a helper thread.

The headless driver runs the game in the test's thread; each SimPhone keeps the latest state
the server sent it, answers pings, and sends what the test tells it to.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable
from typing import Any

import aiohttp


class PhoneCrowd:
    """One asyncio loop in a thread, shared by every simulated phone of a test."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.session: aiohttp.ClientSession = self.run(self._session())
        self.phones: list[SimPhone] = []

    async def _session(self) -> aiohttp.ClientSession:
        return aiohttp.ClientSession()

    def run(self, coroutine: Any, timeout: float = 10.0) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def phone(self) -> SimPhone:
        phone = SimPhone(self)
        self.phones.append(phone)
        return phone

    def close(self) -> None:
        for phone in self.phones:
            phone.drop()
        self.run(self.session.close())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


class SimPhone:
    def __init__(self, crowd: PhoneCrowd) -> None:
        self.crowd = crowd
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.state: dict[str, Any] = {}
        self.messages: list[dict[str, Any]] = []
        self.welcome: dict[str, Any] = {}
        self.closed_code: int | None = None
        self._reader: asyncio.Future[None] | None = None

    # Connection ------------------------------------------------------------------------------

    def connect(self) -> None:
        self.crowd.run(self._connect())

    async def _connect(self) -> None:
        url = f"http://127.0.0.1:{self.crowd.port}/ws"
        self.ws = await self.crowd.session.ws_connect(url, origin=f"http://127.0.0.1:{self.crowd.port}")
        self.closed_code = None
        self._reader = asyncio.ensure_future(self._read(self.ws))

    async def _read(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        async for message in ws:
            if message.type is not aiohttp.WSMsgType.TEXT:
                break
            data = json.loads(message.data)
            if data["type"] == "ping":
                await ws.send_json({"type": "pong", "id": data["id"]})
                continue
            self.messages.append(data)
            if data["type"] == "state":
                self.state = data
            elif data["type"] == "welcome":
                self.welcome = data
        self.closed_code = ws.close_code

    def send(self, message: dict[str, Any]) -> None:
        assert self.ws is not None
        self.crowd.run(self.ws.send_json(message))

    def join(self, room: str, name: str, colour: int = 0, icon: int = 0) -> None:
        self.connect()
        self.send({"type": "join", "v": 1, "room": room, "name": name, "colour": colour,
                   "icon": icon})

    def resume(self, room: str) -> None:
        self.connect()
        self.send({"type": "resume", "v": 1, "room": room, "token": self.welcome["token"]})

    def drop(self) -> None:
        """The phone goes away without a word (sleep, reload, Wi-Fi)."""
        if self.ws is not None and not self.ws.closed:
            self.crowd.run(self.ws.close())

    # Reading ---------------------------------------------------------------------------------

    @property
    def id(self) -> int:
        return int(self.welcome["id"])

    @property
    def screen(self) -> str:
        return str(self.state.get("screen", ""))

    @property
    def question(self) -> dict[str, Any]:
        return dict(self.state.get("question") or {})

    def answer(self, **value: Any) -> None:
        self.send({"type": "answer", "q": self.question["n"], **value})


def wait_for(step: Callable[[], None], ready: Callable[[], bool], seconds: float = 5.0) -> None:
    """Run game frames until `ready()`, for at most `seconds` of real time."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if ready():
            return
        step()
        time.sleep(0.002)
    if not ready():
        raise AssertionError("the phones and the game did not get there in time")
