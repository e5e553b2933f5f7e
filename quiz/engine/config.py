"""Game modes and the validated configuration of one game."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Final

from quiz.packs.model import Difficulty, Pack, QuestionType

MIN_PLAYERS: Final = 1
MAX_PLAYERS: Final = 8
MAX_NAME_LENGTH: Final = 16
DEFAULT_ROUNDS: Final = 4
MAX_ROUNDS: Final = 20
DEFAULT_PER_ROUND: Final = 5
MAX_PER_ROUND: Final = 50
DEFAULT_SECONDS: Final = 20
MIN_SECONDS: Final = 5
MAX_SECONDS: Final = 120
DEFAULT_BUZZ_SECONDS: Final = 5.0
# A party keyboard zone has four answer keys; solo uses the whole screen.
SOLO_MAX_CHOICES: Final = 6
PARTY_MAX_CHOICES: Final = 4


class Mode(str, Enum):
    SOLO = "solo"
    EVERYONE = "everyone"
    BUZZ = "buzz"
    TURNS = "turns"

    @property
    def is_party(self) -> bool:
        return self is not Mode.SOLO

    @property
    def max_choices(self) -> int:
        """How many choices (or order items) a question may show in this mode."""
        return PARTY_MAX_CHOICES if self.is_party else SOLO_MAX_CHOICES

    @property
    def types(self) -> tuple[QuestionType, ...]:
        """The question types this mode can play."""
        return _MODE_TYPES[self]

    @property
    def label(self) -> str:
        return _MODE_LABELS[self]


_ALL_TYPES: Final = (
    QuestionType.CHOICE,
    QuestionType.TRUEFALSE,
    QuestionType.TEXT,
    QuestionType.ORDER,
)
_MODE_TYPES: Final[dict[Mode, tuple[QuestionType, ...]]] = {
    Mode.SOLO: _ALL_TYPES,
    Mode.EVERYONE: (QuestionType.CHOICE, QuestionType.TRUEFALSE, QuestionType.ORDER),
    Mode.BUZZ: (QuestionType.CHOICE, QuestionType.TRUEFALSE),
    Mode.TURNS: _ALL_TYPES,
}
_MODE_LABELS: Final[dict[Mode, str]] = {
    Mode.SOLO: "Solo",
    Mode.EVERYONE: "Everyone answers",
    Mode.BUZZ: "Buzz",
    Mode.TURNS: "Take turns",
}


@dataclass(frozen=True)
class GameConfig:
    """Everything that decides a game. Invalid values raise ValueError with a player-readable message."""

    mode: Mode
    players: tuple[str, ...]
    packs: tuple[Pack, ...]
    rounds: int = DEFAULT_ROUNDS
    per_round: int = DEFAULT_PER_ROUND
    seconds: float | None = DEFAULT_SECONDS
    difficulty: Difficulty | frozenset[Difficulty] | None = None
    seed: int | None = None
    buzz_seconds: float = DEFAULT_BUZZ_SECONDS
    # Recent games on these packs, oldest first, each the keys ("pack/id") of the questions
    # it dealt: the planner prefers the others. An input like the seed, so a seeded game
    # replays the same for the same history.
    history: tuple[tuple[str, ...], ...] = ()
    # Every player answers on their own phone: typed answers and order questions of any
    # length can then be played in Everyone and Turns (a phone has a keyboard and a screen).
    phones: bool = False
    _names: tuple[str, ...] = field(init=False, repr=False, compare=False, default=())

    def __post_init__(self) -> None:
        # Accept lists from callers but store tuples, so a config stays hashable-ish and frozen.
        object.__setattr__(self, "mode", Mode(self.mode))
        object.__setattr__(self, "players", tuple(self.players))
        object.__setattr__(self, "packs", tuple(self.packs))
        object.__setattr__(self, "history", tuple(tuple(game) for game in self.history))
        names = tuple(name.strip() for name in self.players)
        object.__setattr__(self, "_names", names)
        self._check_players(names)
        self._check_packs()
        _check_range("Rounds", self.rounds, 1, MAX_ROUNDS)
        _check_range("Questions per round", self.per_round, 1, MAX_PER_ROUND)
        if self.seconds is not None and not MIN_SECONDS <= self.seconds <= MAX_SECONDS:
            raise ValueError(
                f"Seconds per question must be between {MIN_SECONDS} and {MAX_SECONDS}, "
                f"or none for a relaxed game (got {self.seconds})."
            )
        if self.difficulty is not None and not isinstance(self.difficulty, Difficulty):
            if not self.difficulty:
                raise ValueError("Pick at least one difficulty, or none to play them all.")
            object.__setattr__(
                self, "difficulty", frozenset(Difficulty(d) for d in self.difficulty)
            )
        if not 1 <= self.buzz_seconds <= 60:
            raise ValueError(
                f"The buzz answer time must be 1 to 60 seconds (got {self.buzz_seconds})."
            )

    def _check_players(self, names: tuple[str, ...]) -> None:
        count = len(names)
        if self.mode is Mode.SOLO and count != 1:
            raise ValueError(f"Solo is for exactly one player (got {count}).")
        if self.mode.is_party and not 2 <= count <= MAX_PLAYERS:
            raise ValueError(f"{self.mode.label} needs 2 to {MAX_PLAYERS} players (got {count}).")
        seen: dict[str, str] = {}
        for name in names:
            if not name:
                raise ValueError("Every player needs a name.")
            if len(name) > MAX_NAME_LENGTH:
                raise ValueError(
                    f"'{name}' is too long: names have at most {MAX_NAME_LENGTH} characters."
                )
            folded = name.casefold()
            if folded in seen:
                raise ValueError(f"Two players are called '{name}': names must differ.")
            seen[folded] = name

    def _check_packs(self) -> None:
        if not self.packs:
            raise ValueError("Pick at least one question pack.")
        ids = [pack.id for pack in self.packs]
        for pack_id in ids:
            if ids.count(pack_id) > 1:
                raise ValueError(f"The pack '{pack_id}' is chosen twice.")

    @property
    def names(self) -> tuple[str, ...]:
        """Player names, trimmed."""
        return self._names

    @property
    def max_choices(self) -> int:
        return self.mode.max_choices

    @property
    def types(self) -> tuple[QuestionType, ...]:
        """The question types this game can play: the mode's, and more when all are on phones."""
        if self.phones and self.mode in (Mode.EVERYONE, Mode.TURNS):
            return _ALL_TYPES
        return self.mode.types

    @property
    def max_order_items(self) -> int | None:
        """The longest order question this game plays; None for no limit (phones)."""
        if self.phones and self.mode in (Mode.EVERYONE, Mode.TURNS):
            return None
        return self.mode.max_choices

    @property
    def difficulties(self) -> frozenset[Difficulty] | None:
        """The difficulty filter as a set, None for no filter."""
        if self.difficulty is None:
            return None
        if isinstance(self.difficulty, Difficulty):
            return frozenset({self.difficulty})
        return frozenset(self.difficulty)

    @property
    def pack_ids(self) -> tuple[str, ...]:
        return tuple(sorted(pack.id for pack in self.packs))


def _check_range(what: str, value: int, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"{what} must be a whole number from {low} to {high} (got {value!r}).")
