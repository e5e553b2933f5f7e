"""Whatever a phone sends, the parser answers with a Message or BadMessage, never anything else;
and a running server in its own thread survives a stream of junk and keeps serving."""

from __future__ import annotations

import asyncio
import json

import aiohttp
from hypothesis import given, settings
from hypothesis import strategies as st
from phone_helpers import join

from quiz.phones import PhoneServer
from quiz.phones.protocol import BadMessage, Message, parse

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=5),
    max_leaves=20,
)
messages = st.fixed_dictionaries(
    {"type": st.sampled_from(["join", "resume", "answer", "buzz", "look", "command", "pong",
                              "leave", "x"])},
    optional={"v": json_values, "room": json_values, "name": json_values, "q": json_values,
              "choice": json_values, "text": json_values, "order": json_values,
              "do": json_values, "colour": json_values, "icon": json_values, "id": json_values,
              "token": json_values},
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(messages.map(json.dumps), st.text(max_size=200)))
def test_parse_never_raises_anything_but_bad_message(raw: str) -> None:
    try:
        message = parse(raw)
    except BadMessage:
        return
    assert isinstance(message, Message)
    if message.type == "answer":
        assert message.question >= 1
        values = [message.choice, message.text, message.order]
        assert sum(v is not None for v in values) == 1
        if message.order is not None:
            assert sorted(message.order) == list(range(len(message.order)))


def test_a_threaded_server_survives_junk_and_stops_cleanly() -> None:
    server = PhoneServer("127.0.0.1", 0)
    server.start()
    assert server.running and server.port > 0
    assert server.url.startswith("http://127.0.0.1:") and f"room={server.code}" in server.url

    async def attack() -> str:
        async with aiohttp.ClientSession() as session:
            for junk in ("{", "[]", "x" * 9000, '{"type":"answer","q":1,"choice":2}'):
                async with session.ws_connect(f"http://127.0.0.1:{server.port}/ws") as ws:
                    await ws.send_str(junk)
                    await ws.receive(timeout=2)
            async with session.ws_connect(f"http://127.0.0.1:{server.port}/ws") as ws:
                return str((await join(ws, server, "Neil"))["name"])

    assert asyncio.run(attack()) == "Neil"
    server.publish({"screen": "lobby"}, {})  # from this thread: handed over, never blocking
    server.stop()
    assert not server.running
    server.stop()  # twice is harmless


def test_a_busy_port_is_reported_not_raised_later() -> None:
    first = PhoneServer("127.0.0.1", 0)
    first.start()
    try:
        second = PhoneServer("127.0.0.1", first.port)
        try:
            second.start()
        except OSError as error:
            assert str(error)
        else:
            raise AssertionError("two servers on one port")
    finally:
        first.stop()


