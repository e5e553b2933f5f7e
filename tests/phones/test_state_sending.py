"""State messages: each phone is sent its state when, and only when, it changed for that phone."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from aiohttp import ClientWebSocketResponse, WSMsgType
from hypothesis import given, settings
from hypothesis import strategies as st
from phone_helpers import join, question_state, receive

from quiz.phones import PhoneServer


async def states_within(ws: ClientWebSocketResponse, seconds: float) -> list[dict[str, Any]]:
    """Every state message that arrives in the next `seconds`, answering pings on the way."""
    loop = asyncio.get_running_loop()
    end = loop.time() + seconds
    states: list[dict[str, Any]] = []
    while (left := end - loop.time()) > 0:
        try:
            message = await ws.receive(timeout=left)
        except asyncio.TimeoutError:
            break
        assert message.type is WSMsgType.TEXT, f"socket closed ({ws.close_code})"
        data = json.loads(message.data)
        if data["type"] == "ping":
            await ws.send_json({"type": "pong", "id": data["id"]})
        elif data["type"] == "state":
            states.append(data)
    return states


def personal_views(
    ids: list[int], answered: set[int], number: int = 4
) -> dict[int, dict[str, Any]]:
    return {
        seat: {
            "you": {"slot": slot, "score": 0},
            "question": {**question_state(number)["question"], "answered": seat in answered},
        }
        for slot, seat in enumerate(ids)
    }


async def test_after_one_answer_only_that_phone_is_sent_a_new_state(aiohttp_client) -> None:  # type: ignore[no-untyped-def]
    server = PhoneServer("127.0.0.1", 0)
    client = await aiohttp_client(server.make_app())
    sockets = [await client.ws_connect("/ws") for _ in range(3)]
    names = ("Neil", "Chris", "Eady")
    ids = [(await join(ws, server, name))["id"] for ws, name in zip(sockets, names)]
    for ws in sockets:
        await states_within(ws, 0.2)  # what joining brought
    server.publish(question_state(4), personal_views(ids, set()))
    for ws in sockets:
        assert [s["question"]["answered"] for s in await states_within(ws, 0.3)] == [False]

    # Chris answers: the game publishes again, and only Chris's view differs.
    server.publish(question_state(4), personal_views(ids, {ids[1]}))
    heard = [await states_within(ws, 0.3) for ws in sockets]
    assert [len(h) for h in heard] == [0, 1, 0]
    assert heard[1][0]["question"]["answered"] is True
    assert heard[1][0]["you"]["name"] == "Chris" and heard[1][0]["leader"] is False

    # The same views once more: nobody is sent anything.
    server.publish(question_state(4), personal_views(ids, {ids[1]}))
    assert [len(await states_within(ws, 0.3)) for ws in sockets] == [0, 0, 0]

    # The next question is for everyone; a phone that reconnects is sent its state at once.
    server.publish(question_state(5), personal_views(ids, set(), 5))
    heard = [await states_within(ws, 0.3) for ws in sockets]
    assert [[s["question"]["n"] for s in h] for h in heard] == [[5], [5], [5]]
    await sockets[2].close()
    again = await client.ws_connect("/ws")
    welcome = await join(again, server, "Eady 2")
    state = await receive(again, "state")
    assert state["you"]["id"] == welcome["id"] and state["question"]["n"] == 5
    for ws in (*sockets[:2], again):
        await ws.close()


async def test_the_leader_leaving_tells_the_next_phone_it_leads(aiohttp_client) -> None:  # type: ignore[no-untyped-def]
    server = PhoneServer("127.0.0.1", 0)
    client = await aiohttp_client(server.make_app())
    first, second = await client.ws_connect("/ws"), await client.ws_connect("/ws")
    await join(first, server, "Neil")
    await join(second, server, "Chris")
    server.publish({"screen": "lobby"}, {})
    assert [s["leader"] for s in await states_within(second, 0.3)] == [False]
    await first.close()
    assert [s["leader"] for s in await states_within(second, 0.5)] == [True]
    await second.close()


views = st.dictionaries(
    st.sampled_from(["screen", "title", "note", "question", "standings", "you", "result"]),
    st.one_of(st.text(max_size=8), st.integers(), st.none(),
              st.dictionaries(st.sampled_from(["n", "answered", "score"]), st.integers(), max_size=3)),
    max_size=5,
)


@settings(max_examples=200, deadline=None)
@given(shared=views, own=views, lead=st.booleans())
def test_a_state_put_together_from_its_parts_reads_as_the_whole(
    shared: dict[str, Any], own: dict[str, Any], lead: bool
) -> None:
    server = PhoneServer("127.0.0.1", 0)
    seat, _ = server.room.join("Neil", 2, 3)
    if isinstance(own.get("you"), (str, int)) or own.get("you") is None:
        own.pop("you", None)  # the game's own "you" is always an object
    server._publish(shared, {seat.id: own})
    leader = seat.id if lead else None
    text = server._state_text(seat, leader)
    whole = server._state_for(seat)
    whole["leader"] = lead
    pairs = json.loads(text, object_pairs_hook=lambda items: items)
    keys = [key for key, _ in pairs]
    assert len(keys) == len(set(keys)), f"a key sent twice: {keys}"
    assert json.loads(text) == whole
