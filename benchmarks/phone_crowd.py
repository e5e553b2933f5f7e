"""Simulated phones in a process of their own, for the phone benchmark.

Real phones decode the game's messages on their own devices. The tests' simulated phones
(tests/phones/sim.py) run in the game's process, where decoding eight phones' messages takes
the interpreter lock from the game loop; for timing the loop, they run here instead.

The parent drives this process with JSON lines on stdin ({"op": "join" | "answer" | "drop" |
"close", "i": phone, ...}) and reads JSON lines on stdout: {"i", "n"} the moment a state
message changes a phone's question number, and {"i", "sent"} (time.monotonic, shared by both
processes on one machine) the moment an answer leaves. On a machine of two cores or more the
phones keep to the last core and the game to the others, as real phones are devices of their
own; nothing here polls.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def split_cores() -> tuple[set[int], set[int]]:
    """The cores for the game and for the simulated phones: the last one is the phones' alone,
    as real phones are devices of their own (on one core, both share it)."""
    cores = sorted(os.sched_getaffinity(0))
    if len(cores) < 2:
        return set(cores), set(cores)
    return set(cores[:-1]), {cores[-1]}


class RemotePhone:
    """The parent's handle on one phone of the child process."""

    def __init__(self, crowd: RemoteCrowd, index: int) -> None:
        self.crowd, self.index = crowd, index
        self.number: int | None = None  # the question the phone shows, by number
        self.sent: float | None = None  # when its last answer left the phone

    @property
    def question(self) -> dict[str, Any]:
        return {} if self.number is None else {"n": self.number}

    def join(self, room: str, name: str, colour: int = 0, icon: int = 0) -> None:
        self.crowd.send(op="join", i=self.index, room=room, name=name, colour=colour, icon=icon)

    def answer(self, **value: Any) -> None:
        self.sent = None
        self.crowd.send(op="answer", i=self.index, value=value)

    def drop(self) -> None:
        self.crowd.send(op="drop", i=self.index)


class RemoteCrowd:
    def __init__(self, port: int) -> None:
        self.child = subprocess.Popen(
            [sys.executable, __file__, str(port)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            text=True, bufsize=1, env={"PYTHONPATH": str(ROOT / "tests" / "phones"),
                                       "PATH": "/usr/bin:/bin"})
        self.phones: list[RemotePhone] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def phone(self) -> RemotePhone:
        phone = RemotePhone(self, len(self.phones))
        self.phones.append(phone)
        return phone

    def send(self, **command: Any) -> None:
        assert self.child.stdin is not None
        self.child.stdin.write(json.dumps(command) + "\n")

    def _read(self) -> None:
        assert self.child.stdout is not None
        for line in self.child.stdout:
            news = json.loads(line)
            phone = self.phones[news["i"]]
            if "n" in news:
                phone.number = news["n"]
            if "sent" in news:
                phone.sent = news["sent"]

    def close(self) -> None:
        self.send(op="close")
        self.child.wait(10)


def serve(port: int) -> None:
    """The child: phones from tests/phones/sim.py, told what to do on stdin."""
    from sim import PhoneCrowd, SimPhone  # type: ignore[import-not-found]

    os.sched_setaffinity(0, split_cores()[1])
    lock = threading.Lock()

    def report(**news: object) -> None:
        with lock:
            sys.stdout.write(json.dumps(news) + "\n")
            sys.stdout.flush()

    class ReportingPhone(SimPhone):  # type: ignore[misc]
        """Tells the parent its question number the moment a state message changes it."""

        def __init__(self, crowd: Any, index: int) -> None:
            self.index = index
            self._state: dict[str, Any] = {}
            super().__init__(crowd)

        @property
        def state(self) -> dict[str, Any]:
            return self._state

        @state.setter
        def state(self, value: dict[str, Any]) -> None:
            before = (self._state.get("question") or {}).get("n")
            self._state = value
            number = (value.get("question") or {}).get("n")
            if number != before:
                report(i=self.index, n=number)

    crowd = PhoneCrowd(port)
    phones: dict[int, Any] = {}
    for line in sys.stdin:
        command = json.loads(line)
        op, index = command["op"], command.get("i")
        if op == "join":
            phone = phones[index] = ReportingPhone(crowd, index)
            crowd.phones.append(phone)
            phone.join(command["room"], command["name"], command["colour"], command["icon"])
        elif op == "answer":
            phone = phones[index]
            message = {"type": "answer", "q": phone.question["n"], **command["value"]}
            sent = time.monotonic()
            phone.send(message)
            report(i=index, sent=sent)
        elif op == "drop":
            phones[index].drop()
        elif op == "close":
            break
    crowd.close()


if __name__ == "__main__":
    serve(int(sys.argv[1]))
