"""The phone server: the page, and one WebSocket per phone, on aiohttp in a background thread.

Threads: the game loop calls `start`, `stop`, `publish`, `kick`, `rename` and
`set_others`; each hands its work to the server's own asyncio loop with
`call_soon_threadsafe` and returns at once. What phones do comes back as
`PhoneEvent`s on `inbox`, a `queue.SimpleQueue` the game loop drains each frame
without waiting. The game loop never blocks on the network.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import queue
import threading
import time
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Final

from aiohttp import WSCloseCode, WSMsgType, web

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
from quiz.phones.protocol import (
    MAX_MESSAGE_BYTES,
    PROTOCOL_VERSION,
    BadMessage,
    Message,
    encode,
    parse,
)
from quiz.phones.room import JoinLimiter, Room, Seat, code_matches, name_problem
from quiz.phones.timing import RoundTrips

log = logging.getLogger("quiz.phones")

PING_SECONDS: Final = 2.0
CLOSE_ROOM: Final = 4003  # wrong room code
CLOSE_KICKED: Final = 4004
CLOSE_REPLACED: Final = 4005  # the same seat connected again from a newer page
CLOSE_LEFT: Final = 4006
PAGE_FILES: Final = {
    "index.html": "text/html",
    "phone.css": "text/css",
    "phone.js": "text/javascript",
}
LOCAL_NAMES: Final = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})


def load_page() -> dict[str, bytes]:
    """The page's files, read once from the package into memory."""
    web_dir = resources.files("quiz.phones").joinpath("web")
    return {name: web_dir.joinpath(name).read_bytes() for name in PAGE_FILES}


@dataclass
class Connection:
    socket: web.WebSocketResponse
    address: str
    seat: Seat | None = None
    trips: RoundTrips = field(default_factory=RoundTrips)
    pings: dict[int, float] = field(default_factory=dict)
    # What the last state message was made of, so an unchanged one is not sent again.
    sent: tuple[object, ...] | None = None
    sent_personal: dict[str, Any] | None = None


class PhoneServer:
    def __init__(self, address: str = "127.0.0.1", port: int = 0, code: str | None = None) -> None:
        self.address = address
        self.port = port
        self.room = Room(code)
        self.inbox: queue.SimpleQueue[PhoneEvent] = queue.SimpleQueue()
        self.limiter = JoinLimiter()
        self._page = load_page()
        self._shared: dict[str, Any] = {"screen": "lobby"}
        self._personal: dict[int, dict[str, Any]] = {}
        self._edition = 0  # counts changes of the shared part
        self._fragments: dict[frozenset[str], str] = {}  # the shared part encoded, per keys left out
        self._connections: dict[int, Connection] = {}  # seat id -> its live connection
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self.refused = 0  # hostile or broken messages and handshakes, for tests and logs

    # The game loop's side ------------------------------------------------------------------

    @property
    def code(self) -> str:
        return self.room.code

    @property
    def url(self) -> str:
        host = f"[{self.address}]" if ":" in self.address else self.address
        return f"http://{host}:{self.port}/?room={self.code}"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, timeout: float = 10.0) -> None:
        """Bind and serve in a background thread; raises OSError when the port cannot be had."""
        self._thread = threading.Thread(target=self._serve, name="phone-server", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            raise OSError("the phone server did not start in time")
        if self._error is not None:
            self._thread.join(timeout)
            raise OSError(str(self._error)) from self._error

    def stop(self, timeout: float = 5.0) -> None:
        loop, thread = self._loop, self._thread
        if loop is None or thread is None or not thread.is_alive():
            return
        future = asyncio.run_coroutine_threadsafe(self._shutdown(), loop)
        with contextlib.suppress(Exception):
            future.result(timeout)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout)

    def publish(self, shared: dict[str, Any], personal: dict[int, dict[str, Any]]) -> None:
        """What every phone shows now, and what each one shows of its own (by seat id)."""
        self._call(self._publish, shared, personal)

    def kick(self, phone: int) -> None:
        self._call(self._kick, phone)

    def rename(self, phone: int, name: str) -> None:
        self._call(self._rename, phone, name)

    def set_others(self, names: tuple[str, ...], count: int) -> None:
        """The players not on phones (their names are taken; they fill seats too)."""
        self._call(self._set_others, names, count)

    def _call(self, function: Any, *args: Any) -> None:
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        with contextlib.suppress(RuntimeError):  # the loop closed in between: nothing to do
            loop.call_soon_threadsafe(function, *args)

    # The server thread ---------------------------------------------------------------------

    def _serve(self) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self._open())
        except BaseException as error:  # noqa: BLE001 - handed to start() in the other thread
            self._error = error
            self._ready.set()
            loop.close()
            return
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _open(self) -> None:
        self._runner = web.AppRunner(
            self.make_app(), access_log=None, handle_signals=False, shutdown_timeout=1.0
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.address, self.port)
        await site.start()
        server = site._server
        sockets = getattr(server, "sockets", None) or ()
        if sockets:
            self.port = sockets[0].getsockname()[1]

    async def _shutdown(self) -> None:
        for connection in list(self._connections.values()):
            with contextlib.suppress(Exception):
                await connection.socket.close(code=WSCloseCode.GOING_AWAY, message=b"game over")
        if self._runner is not None:
            await self._runner.cleanup()

    def make_app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_MESSAGE_BYTES)
        app.router.add_get("/", self._index)
        app.router.add_get("/static/{name}", self._static)
        app.router.add_get("/ws", self._socket)
        app.on_startup.append(self._started)
        return app

    async def _started(self, app: web.Application) -> None:
        self._loop = asyncio.get_running_loop()

    # HTTP ------------------------------------------------------------------------------------

    def _host_allowed(self, request: web.Request) -> bool:
        """Only requests for our own address (a guard against DNS rebinding)."""
        host = request.host.rsplit(":", 1)[0] if not request.host.endswith("]") else request.host
        host = host.strip("[]")
        if host == self.address:
            return True
        with contextlib.suppress(ValueError):
            if ipaddress.ip_address(self.address).is_loopback:
                return host in LOCAL_NAMES
        return False

    def _headers(self) -> dict[str, str]:
        return {
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
            "Content-Security-Policy": (
                "default-src 'self'; connect-src 'self'; img-src 'self' data:; "
                "frame-ancestors 'none'"
            ),
        }

    async def _index(self, request: web.Request) -> web.Response:
        return self._file(request, "index.html")

    async def _static(self, request: web.Request) -> web.Response:
        return self._file(request, request.match_info["name"])

    def _file(self, request: web.Request, name: str) -> web.Response:
        if not self._host_allowed(request):
            return web.Response(status=421, text="wrong host")
        body = self._page.get(name) if name != "index.html" or request.path == "/" else None
        if body is None:
            return web.Response(status=404, text="not found")
        return web.Response(body=body, content_type=PAGE_FILES[name], headers=self._headers())

    # WebSocket -------------------------------------------------------------------------------

    def _origin_ok(self, request: web.Request) -> bool:
        origin = request.headers.get("Origin")
        # Browsers always send Origin; a page from elsewhere must not drive a player.
        return origin is None or origin == f"http://{request.host}"

    async def _socket(self, request: web.Request) -> web.StreamResponse:
        address = request.remote or "?"
        if not self._host_allowed(request) or not self._origin_ok(request):
            self.refused += 1
            log.warning("phone socket refused from %s: host or origin not ours", address)
            return web.Response(status=403, text="forbidden")
        # No per-message deflate: state messages are a few KiB on a LAN, and compressing each
        # one would be more work on the thread that shares the interpreter with the game loop.
        socket = web.WebSocketResponse(
            max_msg_size=MAX_MESSAGE_BYTES, heartbeat=None, compress=False
        )
        await socket.prepare(request)
        connection = Connection(socket, address)
        pinger = asyncio.ensure_future(self._ping(connection))
        try:
            async for message in socket:
                if message.type is not WSMsgType.TEXT:
                    if message.type is WSMsgType.ERROR:
                        log.warning("phone %s: %s", address, socket.exception())
                        self.refused += 1
                    elif message.type is WSMsgType.BINARY:
                        self.refused += 1
                        await socket.close(code=WSCloseCode.UNSUPPORTED_DATA, message=b"text only")
                    break
                try:
                    parsed = parse(message.data)
                except BadMessage as error:
                    self.refused += 1
                    log.warning("phone %s sent a bad message: %s", address, error)
                    await socket.close(code=WSCloseCode.POLICY_VIOLATION, message=b"bad message")
                    break
                await self._handle(connection, parsed)
                if socket.closed:
                    break
        finally:
            pinger.cancel()
            self._disconnected(connection)
        if socket.close_code == WSCloseCode.MESSAGE_TOO_BIG:
            self.refused += 1
            log.warning("phone %s sent a message over %d bytes", address, MAX_MESSAGE_BYTES)
        return socket

    async def _ping(self, connection: Connection) -> None:
        number = 0
        while not connection.socket.closed:
            number += 1
            connection.pings[number] = time.monotonic()
            # Only the last few pings are kept: a phone that never answers costs nothing.
            for old in [n for n in connection.pings if n < number - 4]:
                del connection.pings[old]
            await self._send(connection, {"type": "ping", "id": number})
            await asyncio.sleep(PING_SECONDS)

    async def _send(self, connection: Connection, message: dict[str, Any]) -> None:
        await self._send_text(connection, encode(message))

    async def _send_text(self, connection: Connection, text: str) -> None:
        if connection.socket.closed:
            return
        with contextlib.suppress(ConnectionError, RuntimeError):
            await connection.socket.send_str(text)

    def _disconnected(self, connection: Connection) -> None:
        seat = connection.seat
        if seat is None or self._connections.get(seat.id) is not connection:
            return
        del self._connections[seat.id]
        if seat.id in self.room.seats:
            seat.connected = False
            self.inbox.put(PhoneConnection(seat.id, False))
            self._broadcast()

    async def _refuse(
        self, connection: Connection, reason: str, text: str, close: int | None = None
    ) -> None:
        self.refused += 1
        log.info("phone %s refused: %s", connection.address, reason)
        await self._send(connection, {"type": "refused", "reason": reason, "message": text})
        if close is not None:
            await connection.socket.close(code=close, message=reason.encode())

    async def _handle(self, connection: Connection, message: Message) -> None:
        kind = message.type
        if kind == "pong":
            sent = connection.pings.pop(message.ping, None)
            if sent is not None:
                connection.trips.add(time.monotonic() - sent)
            return
        if kind in ("join", "resume"):
            await self._enter(connection, message)
            return
        seat = connection.seat
        if seat is None or self._connections.get(seat.id) is not connection:
            await self._refuse(connection, "not_joined", "Join the game first.")
            return
        if kind == "look":
            seat.colour, seat.icon = message.colour, message.icon
            self.inbox.put(PhoneLook(seat.id, seat.colour, seat.icon))
        elif kind == "answer":
            await self._answer(connection, seat, message)
        elif kind == "buzz":
            if not await self._current(connection, message.question, ("buzz",)):
                return
            lag = connection.trips.compensation()
            self.inbox.put(PhoneBuzz(seat.id, message.question, time.monotonic(), lag))
        elif kind == "command":
            if self.room.leader() != seat.id:
                await self._send(connection, {"type": "ignored", "reason": "not_leader"})
                return
            self.inbox.put(PhoneCommand(seat.id, message.command))
        elif kind == "leave":
            self.room.remove(seat.id)
            self._connections.pop(seat.id, None)
            connection.seat = None
            self.inbox.put(PhoneLeft(seat.id))
            self._broadcast()
            await connection.socket.close(code=CLOSE_LEFT, message=b"left")

    async def _enter(self, connection: Connection, message: Message) -> None:
        if connection.seat is not None:
            await self._refuse(connection, "joined", "This page has already joined.")
            return
        if not self.limiter.allow(connection.address):
            await self._refuse(connection, "rate", "Too many tries: wait a little.", 4029)
            return
        if not code_matches(message.room, self.room.code):
            self.limiter.charge(connection.address)
            text = "That room code is not this game's: check the TV."
            await self._refuse(connection, "room", text, CLOSE_ROOM)
            return
        if message.type == "resume":
            seat = self.room.resume(message.token)
            if seat is None:
                self.limiter.charge(connection.address)
                await self._refuse(connection, "token", "That seat is gone: join again.")
                return
            old = self._connections.get(seat.id)
            if old is not None and old is not connection:
                old.seat = None
                await old.socket.close(code=CLOSE_REPLACED, message=b"opened elsewhere")
            await self._seat(connection, seat, message.token, resumed=True)
            return
        self.limiter.charge(connection.address)
        problem = name_problem(message.name)
        if problem is not None:
            await self._refuse(connection, "name", problem)
            return
        if self.room.taken(message.name):
            text = f"{message.name.strip()} is already playing: pick another name."
            await self._refuse(connection, "name_taken", text)
            return
        if self.room.full:
            await self._refuse(connection, "full", "The game is full (8 players).")
            return
        seat, token = self.room.join(message.name, message.colour, message.icon)
        self.inbox.put(PhoneJoined(seat.id, seat.name, seat.colour, seat.icon))
        await self._seat(connection, seat, token, resumed=False)

    async def _seat(self, connection: Connection, seat: Seat, token: str, resumed: bool) -> None:
        connection.seat = seat
        self._connections[seat.id] = connection
        seat.connected = True
        if resumed:
            self.inbox.put(PhoneConnection(seat.id, True))
        await self._send(
            connection,
            {
                "type": "welcome",
                "v": PROTOCOL_VERSION,
                "id": seat.id,
                "token": token,
                "name": seat.name,
                "colour": seat.colour,
                "icon": seat.icon,
                "resumed": resumed,
            },
        )
        self._broadcast()

    async def _current(self, connection: Connection, number: int, kinds: tuple[str, ...]) -> bool:
        """Whether `number` is the question open now and takes this kind of input."""
        question = self._shared.get("question")
        if not isinstance(question, dict) or self._shared.get("screen") != "question":
            await self._send(connection, {"type": "ignored", "reason": "not_current"})
            return False
        if question.get("n") != number or question.get("input") not in kinds:
            await self._send(connection, {"type": "ignored", "reason": "not_current"})
            return False
        return True

    async def _answer(self, connection: Connection, seat: Seat, message: Message) -> None:
        question = self._shared.get("question") or {}
        count = question.get("count", 0) if isinstance(question, dict) else 0
        value: int | str | tuple[int, ...]
        if message.choice is not None:
            if not await self._current(connection, message.question, ("choice", "buzz")):
                return
            if message.choice >= count:
                await self._refuse(connection, "range", "No such answer.")
                return
            value = message.choice
        elif message.text is not None:
            if not await self._current(connection, message.question, ("text",)):
                return
            value = message.text
        else:
            assert message.order is not None
            if not await self._current(connection, message.question, ("order",)):
                return
            if len(message.order) != count:
                await self._refuse(connection, "range", "Put every item in order.")
                return
            value = message.order
        lag = connection.trips.compensation()
        self.inbox.put(PhoneAnswer(seat.id, message.question, value, time.monotonic(), lag))

    # Work handed over from the game loop ---------------------------------------------------

    def _publish(self, shared: dict[str, Any], personal: dict[int, dict[str, Any]]) -> None:
        if shared != self._shared:
            self._shared = shared
            self._edition += 1
            self._fragments.clear()
        self._personal = personal
        self._broadcast()

    def _state_for(self, seat: Seat) -> dict[str, Any]:
        """The state message one phone is sent, as a dict (see `_state_text`)."""
        state: dict[str, Any] = {"type": "state", **self._shared}
        state.update(self._own_part(seat, self.room.leader()))
        return state

    def _own_part(self, seat: Seat, leader: int | None) -> dict[str, Any]:
        own = dict(self._personal.get(seat.id, {}))
        you = {"id": seat.id, "name": seat.name, "colour": seat.colour, "icon": seat.icon}
        own["you"] = {**you, **own.get("you", {})}
        own["leader"] = leader == seat.id
        return own

    def _state_text(self, seat: Seat, leader: int | None) -> str:
        """`_state_for` encoded, with the part every phone shares encoded once per change.

        After an answer only the answering phone's own part differs; encoding eight whole
        messages each time would hold the interpreter lock the game loop draws with."""
        own = self._own_part(seat, leader)
        left_out = frozenset(own.keys() & self._shared.keys())  # the phone's own part wins
        fragment = self._fragments.get(left_out)
        if fragment is None:
            common = {k: v for k, v in self._shared.items() if k not in left_out}
            fragment = self._fragments[left_out] = encode(common)[1:-1]
        pieces = ['"type":"state"', fragment, encode(own)[1:-1]]
        return "{" + ",".join(piece for piece in pieces if piece) + "}"

    def _broadcast(self) -> None:
        """Send each phone its state, unless it is the one it was last sent."""
        leader = self.room.leader()
        for connection in list(self._connections.values()):
            seat = connection.seat
            if seat is None:
                continue
            made_of = (self._edition, seat.id, seat.name, seat.colour, seat.icon, leader == seat.id)
            personal = self._personal.get(seat.id)
            if connection.sent == made_of and connection.sent_personal == personal:
                continue
            connection.sent, connection.sent_personal = made_of, personal
            asyncio.ensure_future(self._send_text(connection, self._state_text(seat, leader)))

    def _kick(self, phone: int) -> None:
        self.room.remove(phone)  # the token is revoked with the seat
        connection = self._connections.pop(phone, None)
        if connection is not None:
            connection.seat = None

            async def tell() -> None:
                await self._send(connection, {"type": "kicked"})
                await connection.socket.close(code=CLOSE_KICKED, message=b"kicked")

            asyncio.ensure_future(tell())
        self._broadcast()

    def _rename(self, phone: int, name: str) -> None:
        seat = self.room.seats.get(phone)
        if seat is not None:
            seat.name = name
            self._broadcast()

    def _set_others(self, names: tuple[str, ...], count: int) -> None:
        self.room.other_names = names
        self.room.other_players = count
