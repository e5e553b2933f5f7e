"""Simulated phones in a process of their own, for the phone benchmark.

Real phones decode the game's messages on their own devices. The tests' simulated phones
(tests/phones/sim.py) run in the game's process, where decoding eight phones' messages takes
the interpreter lock from the game loop; for timing the loop, they run here instead.

The parent drives this process with JSON lines on stdin ({"op": "join" | "answer" | "drop" |
"resume" | "close", "i": phone, ...}) and reads JSON lines on stdout: {"i", "n"} whenever a
phone's question number changes, {"i", "sent"} (time.monotonic, shared by both processes on
one machine) the moment an answer leaves, and {"i", "id"} once a phone has its seat.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


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
    from sim import PhoneCrowd  # type: ignore[import-not-found]

    crowd = PhoneCrowd(port)
    phones: dict[int, Any] = {}
    shown: dict[int, object] = {}

    def report(**news: object) -> None:
        sys.stdout.write(json.dumps(news) + "\n")
        sys.stdout.flush()

    def watch() -> None:  # question numbers, polled: a phone only needs to know which is up
        while True:
            for index, phone in list(phones.items()):
                number = phone.question.get("n")
                if shown.get(index) != number:
                    shown[index] = number
                    report(i=index, n=number)
            time.sleep(0.001)

    threading.Thread(target=watch, daemon=True).start()
    for line in sys.stdin:
        command = json.loads(line)
        op, index = command["op"], command.get("i")
        if op == "join":
            phones[index] = crowd.phone()
            phones[index].join(command["room"], command["name"], command["colour"],
                               command["icon"])
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
