"""Phones under load, on loopback only: frame times, phone-to-engine latency, reconnects.

    SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy python benchmarks/bench_phones.py

1. Frame time of the party scenes (question, reveal, round card, standings) in an Everyone game
   of eight players, three rounds of five, with eight phones connected and answering, against
   the same seeded game with the phone server off and the same answers, at the same moments,
   given as input from another device of the room (handled in the frame, as a key zone's
   press is). Every frame, timed or not, is paced at 60 a second, as the game's loop is, and
   each answer lands at a random moment between two frames. A frame is timed from its start to
   its picture on screen: the game hands the phones their views after that, so the phone
   server's work runs while the loop waits for the next frame (the time after the picture is
   printed too). Both games run in turn, RUNS times each; each scene's p99 is the median of
   its runs' p99s.
   Target: p99 within 10%, judged on the processor time the whole game (both threads) used in
   that span: a virtual machine's wall clock carries the host's scheduling (seen here: the
   same no-phones game at 5.3 ms p99 in one run and 9.7 ms in the next, with its processor
   time at 5.3 and 5.7), which the processor time leaves out, while the server thread's work
   inside a frame still counts. The wall-clock figures are printed beside, and the server
   thread's own share of each frame's processor time.
   The simulated phones run in a process of their own (benchmarks/phone_crowd.py) on a core of
   their own where there are two: decoding every state message for eight phones is work a real
   room's phones do on their own devices.
2. Phone-to-engine latency, with the game loop paced at 60 frames a second as in a real window
   and each phone answering at a random moment of a frame (as a player's tap does): from the
   phone sending an answer to the engine holding it (the moment `Game.answer` accepts it, in
   the next frame's input step), and to the time the engine stamps on it (the server's receipt,
   less the measured lag: what scoring sees). Target: p99 under 20 ms. At 60 FPS the wait for
   the next frame alone is up to 16.7 ms; the loop's own frame times are printed beside it.
3. Eight phones each drop and resume 100 times while the loop runs: no seat may be lost.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAYERS = 8
RECONNECTS = 100
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
FRAME = 1 / 60


def p99(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def setup() -> None:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    os.environ["HEAT_QUIZ_HOME"] = tempfile.mkdtemp(prefix="heat-quiz-bench-")
    for folder in (ROOT, ROOT / "tests" / "phones", ROOT / "tests" / "ui", ROOT / "benchmarks"):
        sys.path.insert(0, str(folder))
    from phone_crowd import split_cores

    os.sched_setaffinity(0, split_cores()[0])  # with phones or without, the same cores


def party(phones: bool, rounds: int = 2, per_round: int = 3, remote: bool = True):  # type: ignore[no-untyped-def]
    """A driver in a started Everyone game of eight phone seats, and the phones (or None).

    `remote`: the phones run in a process of their own (benchmarks/phone_crowd.py), as real
    phones decode on their own devices; otherwise in this one (tests/phones/sim.py)."""
    from party_helpers import open_lobby
    from phone_crowd import RemoteCrowd
    from sim import PhoneCrowd, wait_for

    from quiz.ui.driver import Driver
    from quiz.ui.scenes.flow import start_game

    drv = Driver.open()
    drv.session.settings = replace(drv.session.settings, timer_seconds=None)
    open_lobby(drv)
    link = drv.session.phones
    assert link is not None
    crowd = RemoteCrowd(link.server.port) if remote else PhoneCrowd(link.server.port)
    for index in range(PLAYERS):
        crowd.phone().join(link.server.code, f"Phone {index + 1}", colour=index, icon=index)
    roster = drv.session.party
    assert roster is not None
    wait_for(drv.step, lambda: len(roster) == PLAYERS, 30)
    config = replace(drv.scene.config(), rounds=rounds, per_round=per_round, seed=11)  # type: ignore[attr-defined]
    if not phones:
        # The same seats and scenes, with the server gone: answers go straight to the engine.
        for phone in crowd.phones:
            phone.drop()
        crowd.close()
        link.close()
        drv.session.phones = None
        for player in roster.players:
            player.connected = True
        crowd = None
    start_game(drv.session, config)
    drv.step(2)
    return drv, crowd


Samples = dict[str, dict[str, list[float]]]  # figure -> scene -> one value per frame, in ms


def frame_times(phones: bool) -> Samples:
    """Per scene and frame, in ms: "wall", the time from the frame's start to its picture on
    screen; "cpu", the processor time the whole game (the phone server's thread too) used in
    that span; "server", the part of that processor time spent outside the game's own thread
    (the phone server's); "after", the rest of the step, once the picture is up (handing views
    to phones)."""
    from party_helpers import right_index
    from sim import wait_for

    drv, crowd = party(phones, rounds=3, per_round=5)
    control = drv.control
    samples: Samples = {"wall": {}, "cpu": {}, "server": {}, "after": {}}
    pending: list[object] = []  # without phones: the answers the next frame reads as input
    translate = drv.session.input.translate

    def translate_with_answers(events):  # type: ignore[no-untyped-def]
        actions = translate(events) + pending
        pending.clear()
        return actions

    drv.session.input.translate = translate_with_answers  # type: ignore[method-assign]
    display = drv.session.display
    present = display.present
    shown = [0.0, 0.0, 0.0]  # when the last picture went up: wall clock, processor, this thread

    def timed_present() -> None:
        present()
        shown[:] = [time.perf_counter(), time.process_time(), time.thread_time()]

    display.present = timed_present  # type: ignore[method-assign]
    phase = random.Random(3)  # the same moments with phones and without
    next_frame = [time.monotonic()]
    step = control.step

    def wait_for_frame() -> None:
        time.sleep(max(0.0, next_frame[0] - time.monotonic()))
        next_frame[0] = max(next_frame[0] + FRAME, time.monotonic())

    def paced_step() -> None:
        # Every frame, timed or not, comes 1/60 s after the one before, as `clock.tick` paces
        # the game's loop: the work a scene change hands the phone server has that time to run.
        wait_for_frame()
        step()

    control.step = paced_step  # type: ignore[method-assign]

    def timed(frames: int, between=None) -> None:  # type: ignore[no-untyped-def]
        for frame in range(frames):
            # A tap lands at any moment between two frames.
            if between is not None:
                tap = next_frame[0] - FRAME * phase.random()
                time.sleep(max(0.0, tap - time.monotonic()))
                between(frame)
            wait_for_frame()
            start, start_cpu, start_own = time.perf_counter(), time.process_time(), time.thread_time()
            control._dirty = True
            step()
            end = time.perf_counter()
            scene = drv.scene_name
            cpu = shown[1] - start_cpu
            for figure, value in (("wall", shown[0] - start), ("cpu", cpu),
                                  ("server", cpu - (shown[2] - start_own)),
                                  ("after", end - shown[0])):
                samples[figure].setdefault(scene, []).append(value * 1000)

    while drv.scene_name != "podium":
        name = drv.scene_name
        if name in ("party_question", "party_order", "party_typed"):
            game = drv.game
            current = game.current
            assert current is not None
            if crowd is not None:
                wait_for(drv.step, lambda: all(
                    p.question.get("n") == current.number for p in crowd.phones), 10)  # noqa: B023

            def answer(frame: int, game=game, current=current) -> None:  # type: ignore[no-untyped-def]
                if frame % 10 or frame // 10 >= PLAYERS:
                    return
                slot = frame // 10
                value: object
                if current.type.value == "order":
                    from party_helpers import right_order

                    value = right_order(game)
                elif current.type.value == "text":
                    from party_helpers import pack_question

                    value = str(pack_question(game).answer)
                else:
                    value = right_index(game)
                if crowd is None:
                    # From a device in the room, as a key zone's press is: handled in the frame.
                    device = drv.session.party.players[slot].device  # type: ignore[union-attr]
                    pending.append(stand_in_action(slot, device, value, current.type.value))
                    return
                key = {"order": "order", "text": "text"}.get(current.type.value, "choice")
                crowd.phones[slot].answer(**{key: value})

            timed(PLAYERS * 10 + 40, answer)
            wait_for(drv.step, lambda: drv.scene_name == "party_reveal", 10)
        else:
            timed(120)  # two seconds: the round cards and standings come only 3 times a game
            drv.advance(0.7)
            drv.press("return")
    drv.close()
    if crowd is not None:
        crowd.close()
    return samples


def stand_in_action(slot: int, device: str, value: object, kind: str):  # type: ignore[no-untyped-def]
    """The action a phone's answer becomes, as another device in the room would give it."""
    from quiz.ui.bindings import Action, PlayerAction

    if kind == "order":
        return PlayerAction(slot, Action.ORDERED, items=tuple(value), device=device)  # type: ignore[arg-type]
    if kind == "text":
        return PlayerAction(slot, Action.TYPED, text=str(value), device=device)
    return PlayerAction(slot, Action.ANSWER, value, device=device)  # type: ignore[arg-type]


STEPS: list[float] = []  # how long each paced frame of the latency run took, for context


def latency() -> tuple[list[float], list[float]]:
    from party_helpers import right_index
    from sim import wait_for

    drv, crowd = party(True, rounds=3, per_round=5)
    assert crowd is not None
    delays: list[float] = []
    stamps: list[float] = []
    held: dict[int, tuple[float, float]] = {}  # slot -> (held at, stamped at)
    engine_answer = drv.game.answer
    phase = random.Random(5)

    def answer(player: int, value: object, ago: float = 0.0) -> bool:
        # The moment the engine holds the answer: in the frame's input step, before drawing.
        accepted = engine_answer(player, value, ago=ago)
        if accepted:
            now = time.monotonic()
            held[player] = (now, now - ago)
        return accepted

    drv.game.answer = answer  # type: ignore[method-assign]
    while drv.scene_name != "podium":
        if drv.scene_name in ("party_question", "party_order", "party_typed"):
            game = drv.game
            current = game.current
            assert current is not None
            if current.type.value != "choice" and current.type.value != "truefalse":
                game.reveal_now()
                wait_for(drv.step, lambda: drv.scene_name == "party_reveal", 10)
                continue
            wait_for(drv.step, lambda: all(
                p.question.get("n") == current.number for p in crowd.phones), 10)  # noqa: B023
            next_frame = time.monotonic() + FRAME
            for slot, phone in enumerate(crowd.phones):
                # A tap lands at any moment of a frame, not just after one was drawn.
                time.sleep(max(0.0, next_frame - FRAME * phase.random() - time.monotonic()))
                phone.answer(choice=right_index(game))
                while slot not in game.current.answered and game.phase.value == "question":  # type: ignore[union-attr]
                    # A real loop: one frame every 1/60 s, the phone's message read in whichever.
                    time.sleep(max(0.0, next_frame - time.monotonic()))
                    next_frame += FRAME
                    began = time.perf_counter()
                    drv.step()
                    STEPS.append((time.perf_counter() - began) * 1000)
                wait_for(lambda: None, lambda: phone.sent is not None, 5)  # noqa: B023
                sent = phone.sent  # stamped by the phones' process as the message left
                now = time.monotonic()
                held_at, stamped_at = held.pop(slot, (now, now))
                delays.append((held_at - sent) * 1000)
                stamps.append((stamped_at - sent) * 1000)
            wait_for(drv.step, lambda: drv.scene_name == "party_reveal", 10)
        else:
            drv.advance(0.7)
            drv.press("return")
    drv.close()
    crowd.close()
    return delays, stamps


def reconnects() -> tuple[int, int, float]:
    from sim import wait_for

    drv, crowd = party(True, remote=False)  # resumes need the in-process phones' tokens
    assert crowd is not None
    roster = drv.session.party
    assert roster is not None
    names = [p.name for p in roster.players]
    code = drv.session.phones.server.code  # type: ignore[union-attr]
    start = time.monotonic()
    for _ in range(RECONNECTS):
        for phone in crowd.phones:
            phone.drop()
        drv.step()
        for phone in crowd.phones:
            phone.resume(code)
        drv.step()
    wait_for(drv.step, lambda: all(p.connected for p in roster.players), 30)
    took = time.monotonic() - start
    lost = sum(1 for p in roster.players if not p.connected)
    changed = [p.name for p in roster.players] != names
    seats = len(drv.session.phones.server.room.seats)  # type: ignore[union-attr]
    drv.close()
    crowd.close()
    return lost + (PLAYERS if changed else 0), seats, took


def main() -> int:
    setup()
    ok = True
    runs: dict[bool, list[Samples]] = {False: [], True: []}
    for _ in range(RUNS):
        for phones in (False, True):
            runs[phones].append(frame_times(phones))

    def figure(kind: str, phones: bool, scene: str) -> float:
        return statistics.median(p99(run[kind][scene]) for run in runs[phones])

    print(f"1. frame time of the party scenes at 60 FPS, 8 players, from a frame's start to its "
          f"picture (ms; p99 per run, median of {RUNS} runs; target: cpu ratio <= 1.10)")
    print(f"{'scene':18} {'wall: none':>10} {'8 phones':>9} {'ratio':>6}   {'cpu: none':>9} "
          f"{'8 phones':>9} {'ratio':>6}   {'of it server':>12} {'after picture':>13}  frames")
    scenes = set.intersection(*(set(r["wall"]) for rs in runs.values() for r in rs))
    for name in sorted(scenes):
        row = []
        for kind in ("wall", "cpu"):
            base, loaded = figure(kind, False, name), figure(kind, True, name)
            row += [base, loaded, loaded / base if base else float("inf")]
        ok = ok and row[5] <= 1.10  # processor time: see the docstring
        frames = sum(len(r["wall"][name]) for r in runs[True])
        print(f"{name:18} {row[0]:10.2f} {row[1]:9.2f} {row[2]:6.2f}   {row[3]:9.2f} "
              f"{row[4]:9.2f} {row[5]:6.2f}   {figure('server', True, name):12.2f} "
              f"{figure('after', True, name):13.2f}  {frames}")
    delays, stamps = latency()
    worst, stamp_worst = p99(delays), p99(stamps)
    ok = ok and stamp_worst < 20
    print(f"2. phone-to-engine latency at 60 FPS, {len(delays)} answers at random moments of a "
          f"frame: held by the engine median {statistics.median(delays):.1f} ms, p99 "
          f"{worst:.1f} ms; stamped by the engine median {statistics.median(stamps):.1f} ms, "
          f"p99 {stamp_worst:.1f} ms (target p99 < 20 ms); a frame of that loop took median "
          f"{statistics.median(STEPS):.1f} ms, p99 {p99(STEPS):.1f} ms")
    lost, seats, took = reconnects()
    ok = ok and lost == 0 and seats == PLAYERS
    print(f"3. {PLAYERS} phones x {RECONNECTS} reconnects in {took:.1f} s: "
          f"{lost} seats lost, {seats} seats on the server")
    print("all targets met" if ok else "a target was missed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
