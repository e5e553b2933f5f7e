"""The phone protocol through aiohttp's test client: joining, resuming, kicks and hostile input."""

from __future__ import annotations

import asyncio
import json

import pytest
from aiohttp import WSMsgType
from phone_helpers import drain, join, next_event, question_state, receive

from quiz.phones import PhoneServer
from quiz.phones.events import PhoneAnswer, PhoneBuzz, PhoneConnection, PhoneJoined, PhoneLeft
from quiz.phones.room import CODE_ALPHABET, CODE_LENGTH, code_matches, new_room_code


@pytest.fixture
def server() -> PhoneServer:
    return PhoneServer("127.0.0.1", 0)


@pytest.fixture
async def client(aiohttp_client, server):  # type: ignore[no-untyped-def]
    return await aiohttp_client(server.make_app())


def test_room_codes_avoid_look_alikes_and_compare_loosely() -> None:
    codes = {new_room_code() for _ in range(200)}
    assert len(codes) > 150  # random, not a fixed code
    for code in codes:
        assert len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET)
    assert not set("O0I1L8B5S2Z") & set(CODE_ALPHABET)
    assert code_matches(" acdf ", "ACDF")
    assert not code_matches("ACDE", "ACDF") and not code_matches(None, "ACDF")


async def test_the_page_is_served_from_memory_by_name_only(client) -> None:  # type: ignore[no-untyped-def]
    page = await client.get("/")
    assert page.status == 200 and "Heat Quiz" in await page.text()
    assert "no-store" in page.headers["Cache-Control"]
    script = await client.get("/static/phone.js")
    assert script.status == 200 and script.content_type == "text/javascript"
    for path in ("/static/", "/static/../server.py", "/static/%2e%2e%2fserver.py",
                 "/static/index.htm", "/web/phone.js", "/static/__init__.py"):
        response = await client.get(path)
        assert response.status == 404, path
    other_host = await client.get("/", headers={"Host": "evil.example:80"})
    assert other_host.status == 421


async def test_join_gives_a_token_and_tells_the_game(client, server) -> None:  # type: ignore[no-untyped-def]
    ws = await client.ws_connect("/ws")
    welcome = await join(ws, server, "  Neil ", colour=3, icon=2)
    assert welcome["name"] == "Neil" and len(welcome["token"]) >= 24
    event = await next_event(server)
    assert event == PhoneJoined(welcome["id"], "Neil", 3, 2)
    state = await receive(ws, "state")
    assert state["you"]["name"] == "Neil" and state["leader"] is True
    second = await client.ws_connect("/ws")
    await join(second, server, "Vincent")
    assert (await receive(second, "state"))["leader"] is False


async def test_duplicate_names_are_refused_whatever_their_case(client, server) -> None:  # type: ignore[no-untyped-def]
    server.set_others(("Chris",), 1)
    await asyncio.sleep(0.05)
    first = await client.ws_connect("/ws")
    await join(first, server, "Neil")
    other = await client.ws_connect("/ws")
    for taken in ("neil", " NEIL", "chris"):
        await other.send_json({"type": "join", "v": 1, "room": server.code, "name": taken,
                               "colour": 0, "icon": 0})
        refused = await receive(other, "refused")
        assert refused["reason"] == "name_taken"
    # The same socket may try again with a free name.
    assert (await join(other, server, "Vincent"))["name"] == "Vincent"


@pytest.mark.parametrize("name", ["", "   ", "x" * 17, "a\u0000b", "tab\there"])
async def test_bad_names_are_refused(client, server, name: str) -> None:  # type: ignore[no-untyped-def]
    ws = await client.ws_connect("/ws")
    await ws.send_json({"type": "join", "v": 1, "room": server.code, "name": name,
                        "colour": 0, "icon": 0})
    assert (await receive(ws, "refused"))["reason"] == "name"
    assert drain(server) == []


async def test_resume_with_the_token_keeps_the_seat_and_without_it_does_not(client, server) -> None:  # type: ignore[no-untyped-def]
    ws = await client.ws_connect("/ws")
    welcome = await join(ws, server, "Neil")
    await ws.close()
    await asyncio.sleep(0.05)
    events = drain(server)
    assert events[-1] == PhoneConnection(welcome["id"], False)
    again = await client.ws_connect("/ws")
    await again.send_json({"type": "resume", "v": 1, "room": server.code,
                           "token": welcome["token"]})
    back = await receive(again, "welcome")
    assert back["id"] == welcome["id"] and back["resumed"] is True
    assert await next_event(server) == PhoneConnection(welcome["id"], True)
    stranger = await client.ws_connect("/ws")
    await stranger.send_json({"type": "resume", "v": 1, "room": server.code,
                              "token": "x" * 32})
    assert (await receive(stranger, "refused"))["reason"] == "token"
    # The public seat number is no key to the seat.
    await stranger.send_json({"type": "resume", "v": 1, "room": server.code,
                              "token": str(welcome["id"])})
    assert (await receive(stranger, "refused"))["reason"] == "token"


async def test_a_second_page_with_the_token_takes_over_the_seat(client, server) -> None:  # type: ignore[no-untyped-def]
    ws = await client.ws_connect("/ws")
    welcome = await join(ws, server, "Neil")
    newer = await client.ws_connect("/ws")
    await newer.send_json({"type": "resume", "v": 1, "room": server.code,
                           "token": welcome["token"]})
    await receive(newer, "welcome")
    message = await ws.receive(timeout=2)
    while message.type is WSMsgType.TEXT:
        message = await ws.receive(timeout=2)
    assert ws.close_code == 4005
    assert len(server.room.seats) == 1


async def test_kick_revokes_the_token(client, server) -> None:  # type: ignore[no-untyped-def]
    ws = await client.ws_connect("/ws")
    welcome = await join(ws, server, "Neil")
    server.kick(welcome["id"])
    await receive(ws, "kicked")
    message = await ws.receive(timeout=2)
    assert message.type in (WSMsgType.CLOSE, WSMsgType.CLOSED) and ws.close_code == 4004
    again = await client.ws_connect("/ws")
    await again.send_json({"type": "resume", "v": 1, "room": server.code,
                           "token": welcome["token"]})
    assert (await receive(again, "refused"))["reason"] == "token"
    assert server.room.seats == {}


async def test_wrong_room_code_closes_the_socket(client, server) -> None:  # type: ignore[no-untyped-def]
    ws = await client.ws_connect("/ws")
    wrong = "".join(CODE_ALPHABET[(CODE_ALPHABET.index(c) + 1) % len(CODE_ALPHABET)]
                    for c in server.code)
    await ws.send_json({"type": "join", "v": 1, "room": wrong, "name": "Neil",
                        "colour": 0, "icon": 0})
    assert (await receive(ws, "refused"))["reason"] == "room"
    await ws.receive(timeout=2)
    assert ws.closed and ws.close_code == 4003
    assert server.room.seats == {} and drain(server) == []


async def test_a_page_from_another_origin_cannot_connect(client, server) -> None:  # type: ignore[no-untyped-def]
    for origin in ("http://evil.example", "null", f"https://{client.host}:{client.port}"):
        response = await client.get("/ws", headers={
            "Origin": origin, "Upgrade": "websocket", "Connection": "Upgrade",
            "Sec-WebSocket-Version": "13", "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="})
        assert response.status == 403, origin
    same = await client.ws_connect("/ws", origin=f"http://{client.host}:{client.port}")
    assert (await join(same, server, "Neil"))["name"] == "Neil"


async def test_joins_are_rate_limited_per_address(client, server) -> None:  # type: ignore[no-untyped-def]
    ws = await client.ws_connect("/ws")
    reasons = []
    for attempt in range(12):
        if ws.closed:
            ws = await client.ws_connect("/ws")
        await ws.send_json({"type": "join", "v": 1, "room": "XXXX", "name": f"N{attempt}",
                            "colour": 0, "icon": 0})
        reasons.append((await receive(ws, "refused"))["reason"])
        await ws.receive(timeout=2)  # the close after a wrong code or a refusal
    assert reasons[:10] == ["room"] * 10
    assert reasons[10:] == ["rate", "rate"]


async def test_a_message_over_4_kib_closes_the_connection(client, server) -> None:  # type: ignore[no-untyped-def]
    ws = await client.ws_connect("/ws")
    await join(ws, server, "Neil")
    await ws.send_str(json.dumps({"type": "look", "colour": 1, "icon": 1, "pad": "x" * 5000}))
    message = await ws.receive(timeout=2)
    while message.type is WSMsgType.TEXT:
        message = await ws.receive(timeout=2)
    assert ws.close_code == 1009
    await asyncio.sleep(0.05)
    assert server.refused >= 1
    assert PhoneConnection(1, False) in drain(server)


@pytest.mark.parametrize("raw", [
    "not json", "[]", "1e999999", '{"type": "join"}', '{"type": "answer", "q": NaN}',
    "[" * 5000 + "]" * 5000, '{"type": "answer", "q": 1, "choice": true}',
    '{"type": "look", "colour": 99, "icon": 0}', '{"type": "nope"}', '"just a string"',
])
async def test_malformed_messages_close_the_connection(client, server, raw: str) -> None:  # type: ignore[no-untyped-def]
    ws = await client.ws_connect("/ws")
    await join(ws, server, "Neil")
    drain(server)
    await ws.send_str(raw)
    message = await ws.receive(timeout=2)
    while message.type is WSMsgType.TEXT:
        message = await ws.receive(timeout=2)
    assert ws.close_code in (1003, 1008, 1009)
    assert [e for e in drain(server) if not isinstance(e, PhoneConnection)] == []


async def test_answers_count_only_for_the_open_question_and_in_range(client, server) -> None:  # type: ignore[no-untyped-def]
    ws = await client.ws_connect("/ws")
    seat = (await join(ws, server, "Neil"))["id"]
    server.publish(question_state(7, "choice", 3), {})
    await receive(ws, "state")
    drain(server)
    await ws.send_json({"type": "answer", "q": 6, "choice": 0})
    assert (await receive(ws, "ignored"))["reason"] == "not_current"
    await ws.send_json({"type": "answer", "q": 7, "choice": 3})
    assert (await receive(ws, "refused"))["reason"] == "range"
    await ws.send_json({"type": "answer", "q": 7, "text": "Heat"})
    assert (await receive(ws, "ignored"))["reason"] == "not_current"
    await ws.send_json({"type": "buzz", "q": 7})
    assert (await receive(ws, "ignored"))["reason"] == "not_current"
    await ws.send_json({"type": "answer", "q": 7, "choice": 2})
    event = await next_event(server)
    assert isinstance(event, PhoneAnswer) and (event.phone, event.question, event.value) == (
        seat, 7, 2)
    assert 0 <= event.lag <= 0.1
    server.publish(question_state(8, "order", 3), {})
    await receive(ws, "state")
    await ws.send_json({"type": "answer", "q": 8, "order": [1, 0]})
    assert (await receive(ws, "refused"))["reason"] == "range"
    await ws.send_json({"type": "answer", "q": 8, "order": [2, 0, 1]})
    assert (await next_event(server)).value == (2, 0, 1)  # type: ignore[attr-defined]
    server.publish(question_state(9, "buzz", 4), {})
    await receive(ws, "state")
    await ws.send_json({"type": "buzz", "q": 9})
    assert isinstance(await next_event(server), PhoneBuzz)


async def test_late_join_while_a_question_is_open_is_seated_and_told(client, server) -> None:  # type: ignore[no-untyped-def]
    server.publish(question_state(3), {})
    first = await client.ws_connect("/ws")
    await join(first, server, "Neil")
    late = await client.ws_connect("/ws")
    welcome = await join(late, server, "Latecomer")
    assert isinstance(await next_event(server), PhoneJoined)
    assert (await next_event(server)).phone == welcome["id"]
    # What the game tells that phone of its own wins over the shared screen.
    server.publish(question_state(3), {welcome["id"]: {"screen": "waiting", "note": "soon"}})
    state = await receive(late, "state")
    while state["screen"] != "waiting":
        state = await receive(late, "state")
    assert state["note"] == "soon"


async def test_only_the_leader_commands_and_leaving_frees_the_seat(client, server) -> None:  # type: ignore[no-untyped-def]
    lead = await client.ws_connect("/ws")
    first = (await join(lead, server, "Neil"))["id"]
    other = await client.ws_connect("/ws")
    await join(other, server, "Vincent")
    drain(server)
    await other.send_json({"type": "command", "do": "start"})
    assert (await receive(other, "ignored"))["reason"] == "not_leader"
    await lead.send_json({"type": "command", "do": "start"})
    assert (await next_event(server)).command == "start"  # type: ignore[attr-defined]
    await lead.send_json({"type": "leave"})
    assert await next_event(server) == PhoneLeft(first)
    state = await receive(other, "state")
    while not state["leader"]:
        state = await receive(other, "state")
    assert state["leader"] is True


async def test_round_trips_are_measured_from_pongs(client, server) -> None:  # type: ignore[no-untyped-def]
    ws = await client.ws_connect("/ws")
    await join(ws, server, "Neil")
    await receive(ws, "state")
    await asyncio.sleep(0.05)  # the first ping has been answered on the way
    connection = next(iter(server._connections.values()))
    assert connection.trips.median is not None and connection.trips.median < 1.0


async def test_a_valid_resume_is_never_rate_limited(client, server) -> None:  # type: ignore[no-untyped-def]
    ws = await client.ws_connect("/ws")
    welcome = await join(ws, server, "Neil")
    await ws.close()
    for _ in range(15):  # more than the limit of 10 tries
        again = await client.ws_connect("/ws")
        await again.send_json({"type": "resume", "v": 1, "room": server.code,
                               "token": welcome["token"]})
        assert (await receive(again, "welcome"))["resumed"] is True
        await again.close()
