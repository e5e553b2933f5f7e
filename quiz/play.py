"""`heat-quiz play`: its options, and turning them into a checked GameConfig.

Pure: builds the configuration and proves the packs can give a game before
any window opens, so a bad option or pack is one line on stderr.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from quiz.engine.config import (
    DEFAULT_PER_ROUND,
    DEFAULT_ROUNDS,
    DEFAULT_SECONDS,
    MAX_PLAYERS,
    GameConfig,
    Mode,
)
from quiz.engine.names import default_names
from quiz.packs.model import Difficulty, Pack
from quiz.packs.registry import PackNotFound, discover, playable, resolve

DEFAULT_PARTY_PLAYERS = 2


class PlayError(Exception):
    """A one-line reason the requested game cannot start."""


def add_play_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--mode", choices=[m.value for m in Mode], default=Mode.SOLO.value,
                        help="solo (default), or a party mode: everyone answers at once, "
                             "buzz, or take turns")
    parser.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS, metavar="R",
                        help=f"number of rounds (default {DEFAULT_ROUNDS}; the last is a "
                             "double-points final)")
    parser.add_argument("--per-round", type=int, default=DEFAULT_PER_ROUND, metavar="Q",
                        help=f"questions per round (default {DEFAULT_PER_ROUND}; per player "
                             "in turns mode)")
    timing = parser.add_mutually_exclusive_group()
    timing.add_argument("--time", type=int, default=DEFAULT_SECONDS, metavar="S",
                        help=f"seconds per question (default {DEFAULT_SECONDS})")
    timing.add_argument("--relaxed", action="store_true", help="no clock at all")
    parser.add_argument("--difficulty", choices=[d.value for d in Difficulty],
                        help="only questions of this difficulty")
    parser.add_argument("--pack", action="append", default=None, metavar="ID_OR_PATH",
                        help="a pack id or a pack file; repeat for several (default: "
                             "the built-in packs)")
    parser.add_argument("--seed", type=int, default=None, metavar="N",
                        help="replay the same questions in the same order")
    parser.add_argument("--players", type=int, default=None, metavar="N",
                        help=f"party modes: number of players, 2 to {MAX_PLAYERS}")
    parser.add_argument("--names", default=None, metavar="A,B,...",
                        help="player names, separated by commas")
    parser.add_argument("--phones", type=int, default=None, metavar="N",
                        help="party modes: open the lobby with phones on and start once N "
                             "phones (and --players keyboard players, none unless given) "
                             "have joined")
    parser.add_argument("--port", type=int, default=8765, metavar="P",
                        help="port of the phone page (default 8765; 0: any free port)")
    parser.add_argument("--address", default=None, metavar="A",
                        help="local address to serve phones on (default: the best private "
                             "one); only private or loopback addresses are accepted")


def _names(args: argparse.Namespace, mode: Mode) -> tuple[str, ...]:
    given = [n.strip() for n in args.names.split(",")] if args.names else []
    if mode is Mode.SOLO:
        if args.players not in (None, 1):
            raise PlayError("solo is for one player; use --mode everyone, buzz or turns "
                            "for a party")
        return (given[0],) if given else ("Player",)
    count = args.players if args.players is not None else (len(given) or DEFAULT_PARTY_PLAYERS)
    if given and len(given) != count:
        raise PlayError(f"--players {count} but {len(given)} names were given")
    return tuple(given) if given else default_names(count)  # as a fresh lobby names them


def _packs(args: argparse.Namespace, notes: list[str] | None = None) -> tuple[Pack, ...]:
    """The packs named by --pack, or the built-in ones."""
    try:
        if args.pack:
            packs = resolve(args.pack, notes)
        else:
            packs = [p for p in playable(discover()) if p.builtin]
    except PackNotFound as problem:
        raise PlayError(str(problem)) from None
    if not packs:
        raise PlayError("no playable question pack found")
    return tuple(packs)


def config_from_args(args: argparse.Namespace, players: tuple[str, ...] | None = None,
                     notes: list[str] | None = None) -> GameConfig:
    """A validated configuration, or PlayError with a reason fit for one line. Packs that
    play without some of their questions add a line to `notes`."""
    from quiz.engine import Game  # the check below builds the game's plan

    mode = Mode(args.mode)
    packs = _packs(args, notes)
    try:
        config = GameConfig(
            mode=mode, players=players or _names(args, mode), packs=packs, rounds=args.rounds,
            per_round=args.per_round, seconds=None if args.relaxed else args.time,
            difficulty=Difficulty(args.difficulty) if args.difficulty else None,
            seed=args.seed,
        )
        Game(config, clock=lambda: 0.0)
    except ValueError as problem:
        raise PlayError(str(problem)) from None
    return config


@dataclass(frozen=True)
class PhonePlan:
    """`play --phones N`: the lobby to open, and when it starts by itself."""

    mode: Mode
    phones: int
    keyboard: int
    rounds: int
    per_round: int
    seconds: float | None
    address: str | None
    port: int
    packs: tuple[Pack, ...] = ()
    difficulty: Difficulty | frozenset[Difficulty] | None = None
    seed: int | None = None


def phone_plan_from_args(args: argparse.Namespace,
                         notes: list[str] | None = None) -> PhonePlan | None:
    """None without --phones; PlayError for options that cannot make a phone party."""
    from quiz.phones.network import lan_safe

    if args.phones is None:
        if args.address is not None:
            raise PlayError("--address is for phones: add --phones N")
        return None
    mode = Mode(args.mode)
    if not mode.is_party:
        raise PlayError("phones are for party modes: use --mode everyone, buzz or turns")
    keyboard = args.players or 0
    if args.phones < 1 or keyboard < 0 or not 2 <= args.phones + keyboard <= MAX_PLAYERS:
        raise PlayError(f"a party has 2 to {MAX_PLAYERS} players (got {args.phones} phones "
                        f"and {keyboard} at the keyboard)")
    if not 0 <= args.port <= 65535:
        raise PlayError(f"--port must be 0 to 65535 (got {args.port})")
    if args.address is not None and not lan_safe(args.address):
        raise PlayError(f"--address {args.address} is not a private or loopback IPv4 address: "
                        "the game only serves the local network")
    # The game the lobby will start, checked now with stand-in names, so a pack that
    # cannot fill the rounds (or a difficulty it lacks) is one line before any window opens.
    checked = config_from_args(args, players=default_names(args.phones + keyboard), notes=notes)
    return PhonePlan(mode, args.phones, keyboard, args.rounds, args.per_round,
                     None if args.relaxed else args.time, args.address, args.port,
                     packs=checked.packs, difficulty=checked.difficulty, seed=checked.seed)
