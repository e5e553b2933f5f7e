"""Phones in the game loop: the phone server's events become roster changes and PlayerActions,
and what each phone should show is published whenever it changes.

A phone player is a roster seat like a keyboard zone or a pad: device "phone:N". Scenes get
the same PlayerActions as from keys (ANSWER with the choice's index), plus BUZZ, TYPED (a whole
typed answer), ORDERED (a whole order) and START (the leader's Start). Each carries `ago`: how
long before this frame the phone gave it (the wait in the queue plus half the measured round
trip, capped), which the engine takes off the answer time. Nothing here waits: the server's
queue is read with get_nowait.
"""

from __future__ import annotations

import queue
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from quiz.engine import Mode, Phase
from quiz.packs.model import QuestionType
from quiz.phones import (
    PhoneAnswer,
    PhoneBuzz,
    PhoneCommand,
    PhoneConnection,
    PhoneEvent,
    PhoneJoined,
    PhoneLeft,
    PhoneLook,
    PhoneServer,
)
from quiz.ui.bindings import SOLO_SLOT, Action, PlayerAction
from quiz.ui.roster import PLAYER_COLOURS, PartyPlayer, Roster, is_phone, phone_device

if TYPE_CHECKING:
    from quiz.engine import Game
    from quiz.ui.session import Session

# Where the leader's Continue means "go on" (elsewhere it could pick a menu item).
CONTINUE_SCENES: Final = frozenset(
    {"party_reveal", "party_standings", "party_round_intro", "pass_device"}
)
BREAKS: Final = (Phase.ROUND_INTRO, Phase.ROUND_END)


def hex_colour(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


@dataclass
class Memo:
    """The last value made for each part of the phones' views, kept while its inputs stay.

    A phone's view after an answer shares every part but one with the view before it; handing
    the server the very same objects lets it see that in a comparison instead of re-encoding
    them. What is kept here is never changed after it is made: the server thread reads it."""

    _kept: dict[str, tuple[object, Any]] = field(default_factory=dict)

    def get(self, part: str, inputs: object, make: Callable[[], Any]) -> Any:
        kept = self._kept.get(part)
        if kept is not None and kept[0] == inputs:
            return kept[1]
        value = make()
        self._kept[part] = (inputs, value)
        return value


def in_lobby(session: Session) -> bool:
    return any(scene.name == "lobby" for scene in session.stack.scenes)


@dataclass
class PhoneLink:
    server: PhoneServer
    late: dict[int, PhoneJoined] = field(default_factory=dict)  # joined mid-question: wait
    _names: dict[int, str] = field(default_factory=dict)  # as the server last heard them
    _others: tuple[tuple[str, ...], int] | None = None
    _shown: object = None
    _memo: Memo = field(default_factory=Memo)
    published = 0

    @classmethod
    def open(cls, address: str = "127.0.0.1", port: int = 0) -> PhoneLink:
        """Start a phone server; raises OSError when the address or port cannot be had."""
        server = PhoneServer(address, port)
        server.start()
        return cls(server)

    def close(self) -> None:
        self.server.stop()

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def code(self) -> str:
        return self.server.code

    # Phones to the game ----------------------------------------------------------------------

    def poll(self, session: Session) -> list[PlayerAction]:
        """Everything phones did since the last frame, as roster changes and actions."""
        roster = session.party
        if roster is None:
            roster = session.party = Roster()
        actions: list[PlayerAction] = []
        plays: list[tuple[float, PlayerAction]] = []
        while True:
            try:
                event = self.server.inbox.get_nowait()
            except queue.Empty:
                break
            if isinstance(event, (PhoneAnswer, PhoneBuzz)):
                play = self._play(session, roster, event)
                if play is not None:
                    plays.append((event.received - event.lag, play))
            else:
                actions.extend(self._member(session, roster, event))
        self._seat_late(session, roster, actions)
        self._reconcile(session, roster)
        # The first buzz or answer given wins, even when several arrive in one frame.
        plays.sort(key=lambda pair: pair[0])
        return actions + [play for _, play in plays]

    def _member(self, session: Session, roster: Roster, event: PhoneEvent) -> list[PlayerAction]:
        device = phone_device(event.phone)
        slot = _seat_of(roster, device)
        if isinstance(event, PhoneJoined):
            return self._join(session, roster, event)
        if isinstance(event, PhoneLeft):
            self.late.pop(event.phone, None)
            if slot is not None and in_lobby(session):
                roster.leave(slot)
            elif slot is not None:
                roster.players[slot].connected = False
            self._names.pop(event.phone, None)
            return [PlayerAction(SOLO_SLOT, Action.LEFT_GAME, device=device)]
        if slot is None:
            return []
        player = roster.players[slot]
        if isinstance(event, PhoneConnection):
            player.connected = event.connected
            return [
                PlayerAction(
                    slot, Action.POINT if event.connected else Action.LEFT_GAME, device=device
                )
            ]
        if isinstance(event, PhoneLook) and in_lobby(session):
            _set_look(roster, slot, event.colour, event.icon)
            return [PlayerAction(slot, Action.JOINED, device=device)]
        if isinstance(event, PhoneCommand):
            if event.command == "start" and in_lobby(session):
                return [PlayerAction(slot, Action.START, device=device)]
            top = session.stack.top
            if event.command == "continue" and top is not None and top.name in CONTINUE_SCENES:
                return [PlayerAction(slot, Action.CONFIRM, device=device)]
        return []

    def _join(self, session: Session, roster: Roster, event: PhoneJoined) -> list[PlayerAction]:
        game = session.game
        if roster.full:
            self.server.kick(event.phone)
            return []
        if in_lobby(session) or game is None:
            return [self._seat(roster, event)]
        self.late[event.phone] = event
        return []

    def _seat(self, roster: Roster, event: PhoneJoined) -> PlayerAction:
        device = phone_device(event.phone)
        name = event.name
        if any(p.name.casefold() == name.casefold() for p in roster.players):
            name = roster.free_name()  # a keyboard player took it in the same moment
        roster.players.append(PartyPlayer(name, 0, 0, device))
        slot = len(roster.players) - 1
        _set_look(roster, slot, event.colour, event.icon)
        return PlayerAction(slot, Action.JOINED, device=device)

    def _seat_late(self, session: Session, roster: Roster, actions: list[PlayerAction]) -> None:
        """Late joiners sit down at the next break between rounds."""
        game = session.game
        if not self.late or game is None or in_lobby(session) or game.phase not in BREAKS:
            return
        for phone, event in list(self.late.items()):
            if roster.full:
                break
            name = event.name
            if any(p.name.casefold() == name.casefold() for p in roster.players):
                name = roster.free_name()
            if game.add_player(name) is None:
                continue  # Turns takes no one new: they watch until the next game
            del self.late[phone]
            actions.append(self._seat(roster, PhoneJoined(phone, name, event.colour, event.icon)))

    def _play(
        self, session: Session, roster: Roster, event: PhoneAnswer | PhoneBuzz
    ) -> PlayerAction | None:
        game = session.game
        current = game.current if game is not None else None
        if game is None or current is None or current.number != event.question:
            return None  # for a question that is no longer open
        if game.phase not in (Phase.QUESTION, Phase.BUZZED):
            return None
        device = phone_device(event.phone)
        slot = roster.slot_of(device)
        if slot is None:
            return None
        ago = max(0.0, time.monotonic() - event.received) + event.lag
        if isinstance(event, PhoneBuzz):
            return PlayerAction(slot, Action.BUZZ, device=device, ago=ago)
        value = event.value
        if isinstance(value, str):
            return PlayerAction(slot, Action.TYPED, text=value, device=device, ago=ago)
        if isinstance(value, tuple):
            return PlayerAction(slot, Action.ORDERED, items=value, device=device, ago=ago)
        return PlayerAction(slot, Action.ANSWER, value, device=device, ago=ago)

    def _reconcile(self, session: Session, roster: Roster) -> None:
        """Tell the server what the TV changed: removed (kicked), renamed, who else plays."""
        seated = {int(p.device[6:]): p for p in roster.players
                  if is_phone(p.device) and not p.removed}
        for phone in list(self._names):
            if phone not in seated and phone not in self.late:
                del self._names[phone]
                self.server.kick(phone)  # removed at the TV: the token is revoked
        for phone, player in seated.items():
            if self._names.get(phone) != player.name:
                if phone in self._names:
                    self.server.rename(phone, player.name)
                self._names[phone] = player.name
        for phone, event in self.late.items():
            self._names.setdefault(phone, event.name)
        others = tuple(p.name for p in roster.players if not is_phone(p.device))
        if (others, len(others)) != self._others:
            self._others = (others, len(others))
            self.server.set_others(others, len(others))

    # The game to phones ----------------------------------------------------------------------

    def publish(self, session: Session) -> None:
        """Send the phones what they show, when it changed since the last frame."""
        roster = session.party or Roster()
        game = session.game if not in_lobby(session) else None
        top = session.stack.top
        look = tuple((p.name, p.colour, p.icon, p.device, p.connected) for p in roster.players)
        key: tuple[Any, ...] = (look, tuple(self.late), top.name if top else "")
        if game is not None:
            current = game.current
            key += (game.phase, game.paused, len(game.players))
            if current is not None:
                key += (current.number, current.answered, current.buzzed_player, current.locked_out)
        if key == self._shown:
            return
        self._shown = key
        shared, personal = self._views(session, roster, game)
        self.server.publish(shared, personal)
        self.published += 1

    def _views(
        self, session: Session, roster: Roster, game: Game | None
    ) -> tuple[dict[str, Any], dict[int, dict[str, Any]]]:
        look = tuple((p.name, p.rgb, p.icon, p.device, p.connected) for p in roster.players)
        players = self._memo.get("players", look, lambda: [
            {
                "name": name,
                "colour": hex_colour(rgb),
                "icon": icon,
                "phone": is_phone(device),
                "connected": connected,
            }
            for name, rgb, icon, device, connected in look
        ])
        phones = {
            int(p.device[6:]): slot for slot, p in enumerate(roster.players) if is_phone(p.device)
        }
        shared: dict[str, Any] = {"players": players, "paused": bool(game and game.paused)}
        personal: dict[int, dict[str, Any]] = {}
        for phone, slot in phones.items():
            player = roster.players[slot]
            personal[phone] = {
                "you": {
                    "name": player.name,
                    "colour": player.colour,
                    "icon": player.icon,
                    "slot": slot,
                }
            }
        if game is None:
            count = len(roster.players)
            shared.update(
                screen="lobby",
                title="You're in!",
                note=f"{count} player{'s' if count != 1 else ''} so far. "
                "The game starts from the TV.",
            )
        else:
            _game_views(game, roster, phones, shared, personal, self._memo)
        note = "You join the game at the next break between rounds."
        if game is not None and game.config.mode is Mode.TURNS:
            note = "Take turns deals every turn at the start: you play the next game."
        for phone in self.late:
            personal[phone] = {"screen": "waiting", "title": "You're in!", "note": note}
        return shared, personal


def _game_views(
    game: Game,
    roster: Roster,
    phones: dict[int, int],
    shared: dict[str, Any],
    personal: dict[int, dict[str, Any]],
    memo: Memo,
) -> None:
    phase = game.phase
    info = game.round
    players = game.players  # built afresh on each read: once here, not per phone
    standings = game.standings()
    ranks = {s.slot: s.rank for s in standings}
    board = tuple(
        (
            s.slot,
            s.rank,
            s.name,
            s.score,
            hex_colour(roster.players[s.slot].rgb) if s.slot < len(roster) else "#888",
        )
        for s in standings
    )
    rows = memo.get("rows", board, lambda: [
        {"rank": rank, "name": name, "score": score, "colour": colour}
        for _, rank, name, score, colour in board
    ])
    for phone, slot in phones.items():
        view = players[slot] if slot < len(players) else None
        if view is not None:
            personal[phone]["you"].update(score=view.score, streak=view.streak)
        personal[phone]["standings"] = memo.get(f"rows {phone}", (board, slot), lambda: [
            {**row, "you": line[0] == slot} for row, line in zip(rows, board)  # noqa: B023
        ])
    shared["standings"] = rows
    if phase is Phase.ROUND_INTRO:
        title = (
            f"Final round: {info.category}"
            if info.final
            else f"Round {info.number} of {info.count}: {info.category}"
        )
        shared.update(screen="intro", title=title, note="Get ready: watch the TV.")
        return
    if phase in (Phase.QUESTION, Phase.BUZZED):
        _question_views(game, roster, phones, shared, personal)
        return
    if phase is Phase.REVEAL:
        revealed = game.last_reveal
        shared["screen"] = "reveal"
        if revealed is not None:
            q = revealed.question
            shared["answer"] = (
                "see the TV" if q.type is QuestionType.ORDER else (q.answer_text or "")
            )
            results = {r.player: r for r in revealed.results}
            for phone, slot in phones.items():
                r = results.get(slot)
                view = players[slot] if slot < len(players) else None
                personal[phone]["result"] = {
                    "facing": r is not None,
                    "correct": bool(r and r.correct),
                    "answered": bool(r and r.answered),
                    "points": r.points if r else 0,
                    "streak": view.streak if view else 0,
                    "score": view.score if view else 0,
                    "rank": ranks.get(slot),
                }
        return
    if phase is Phase.ROUND_END:
        shared.update(
            screen="standings",
            title="Final standings" if info.final else f"After round {info.number}",
        )
        return
    shared["screen"] = "podium"
    stats = {s.slot: s for s in game.stats()}
    for phone, slot in phones.items():
        st = stats.get(slot)
        if st is None:
            continue
        personal[phone]["podium"] = {
            "rank": ranks.get(slot),
            "of": len(standings),
            "score": st.score,
            "correct": st.correct,
            "questions": st.questions,
            "longest_streak": st.longest_streak,
            "fastest": st.fastest_right,
        }


def _question_views(
    game: Game,
    roster: Roster,
    phones: dict[int, int],
    shared: dict[str, Any],
    personal: dict[int, dict[str, Any]],
) -> None:
    q = game.current
    assert q is not None
    buzz_mode = game.config.mode.value == "buzz"
    kind = (
        "buzz"
        if buzz_mode
        else {QuestionType.TEXT: "text", QuestionType.ORDER: "order"}.get(q.type, "choice")
    )
    buzzer = q.buzzed_player
    info = (
        f"Round {q.round_number}/{q.round_count} · Question {q.number_in_round} of {q.round_size}"
    )
    base = {
        "n": q.number,
        "input": kind,
        "prompt": q.prompt,
        "choices": list(q.choices),
        "count": len(q.choices),
        "info": info,
        "buzzer": roster.players[buzzer].name if buzzer is not None else None,
    }
    shared.update(screen="question", question=base)
    for phone, slot in phones.items():
        mine = dict(base)
        turn = q.turn_player
        if turn is not None and turn != slot:
            mine["input"] = "watch"
            mine["note"] = f"{roster.players[turn].name}'s turn: watch the TV."
        mine.update(
            answered=slot in q.answered, you_buzzed=buzzer == slot, locked_out=slot in q.locked_out
        )
        if mine["locked_out"]:
            mine["note"] = "Out for this question: the others may buzz."
        elif buzzer is not None and buzzer != slot:
            mine["note"] = f"{mine['buzzer']} buzzed!"
        elif buzzer == slot:
            mine["note"] = "You buzzed! Answer now."
        personal[phone]["question"] = mine


def _seat_of(roster: Roster, device: str) -> int | None:
    """The seat of a device, connected or not."""
    return next((i for i, p in enumerate(roster.players) if p.device == device), None)


def _set_look(roster: Roster, slot: int, colour: int, icon: int) -> None:
    """The colour and icon a phone asked for, or the next free ones if taken."""
    player = roster.players[slot]
    others = [p for i, p in enumerate(roster.players) if i != slot]
    used_colours = {p.colour for p in others}
    used_icons = {p.icon for p in others}
    count = len(PLAYER_COLOURS)
    player.colour = next(
        (c % count for c in range(colour, colour + count) if c % count not in used_colours), colour
    )
    player.icon = next((i % 8 for i in range(icon, icon + 8) if i % 8 not in used_icons), icon)
