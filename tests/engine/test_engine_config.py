"""GameConfig validation and what each mode can play."""

from __future__ import annotations

import pytest
from engine_helpers import choice, make_pack

from quiz.engine import GameConfig, Mode
from quiz.packs.model import Difficulty, QuestionType

PACK = make_pack([choice("q1", "cast")])


def test_defaults() -> None:
    config = GameConfig(mode=Mode.SOLO, players=("Neil",), packs=(PACK,))
    assert (config.rounds, config.per_round, config.seconds) == (4, 5, 20)
    assert config.difficulties is None
    assert config.max_choices == 6


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"mode": Mode.SOLO, "players": ("Neil", "Chris")}, "Solo is for exactly one player"),
        ({"mode": Mode.SOLO, "players": ()}, "Solo is for exactly one player"),
        ({"mode": Mode.BUZZ, "players": ("Neil",)}, "Buzz needs 2 to 8 players"),
        ({"mode": Mode.EVERYONE, "players": tuple("ABCDEFGHI")}, "needs 2 to 8 players"),
        ({"mode": Mode.TURNS, "players": ("Neil", "  ")}, "Every player needs a name"),
        ({"mode": Mode.TURNS, "players": ("Neil", "neil ")}, "Two players are called"),
        ({"mode": Mode.TURNS, "players": ("Neil", "X" * 17)}, "too long"),
        ({"packs": ()}, "Pick at least one question pack"),
        ({"packs": (PACK, PACK)}, "chosen twice"),
        ({"rounds": 0}, "Rounds must be a whole number from 1 to 20"),
        ({"rounds": 21}, "Rounds must be"),
        ({"per_round": 0}, "Questions per round must be"),
        ({"seconds": 2}, "Seconds per question must be between 5 and 120"),
        ({"seconds": 500}, "Seconds per question"),
        ({"difficulty": frozenset()}, "Pick at least one difficulty"),
        ({"buzz_seconds": 0}, "buzz answer time"),
    ],
)
def test_invalid_configs_say_why(options: dict[str, object], message: str) -> None:
    settings: dict[str, object] = {"mode": Mode.SOLO, "players": ("Neil",), "packs": (PACK,)}
    settings.update(options)
    with pytest.raises(ValueError, match=message):
        GameConfig(**settings)  # type: ignore[arg-type]


def test_names_are_trimmed_and_lists_accepted() -> None:
    config = GameConfig(mode="turns", players=[" Neil ", "Chris"], packs=[PACK])  # type: ignore[arg-type]
    assert config.mode is Mode.TURNS
    assert config.names == ("Neil", "Chris")
    assert isinstance(config.packs, tuple)


def test_relaxed_game_has_no_clock() -> None:
    assert GameConfig(mode=Mode.SOLO, players=("N",), packs=(PACK,), seconds=None).seconds is None


def test_difficulty_filter_forms() -> None:
    one = GameConfig(mode=Mode.SOLO, players=("N",), packs=(PACK,), difficulty=Difficulty.HARD)
    assert one.difficulties == frozenset({Difficulty.HARD})
    many = GameConfig(
        mode=Mode.SOLO,
        players=("N",),
        packs=(PACK,),
        difficulty=frozenset({Difficulty.EASY, Difficulty.HARD}),
    )
    assert many.difficulties == frozenset({Difficulty.EASY, Difficulty.HARD})


@pytest.mark.parametrize(
    ("mode", "max_choices", "types", "party"),
    [
        (Mode.SOLO, 6, set(QuestionType), False),
        (Mode.EVERYONE, 4, {QuestionType.CHOICE, QuestionType.TRUEFALSE, QuestionType.ORDER}, True),
        (Mode.BUZZ, 4, {QuestionType.CHOICE, QuestionType.TRUEFALSE}, True),
        (Mode.TURNS, 4, set(QuestionType), True),
    ],
)
def test_modes(mode: Mode, max_choices: int, types: set[QuestionType], party: bool) -> None:
    assert mode.max_choices == max_choices
    assert set(mode.types) == types
    assert mode.is_party is party


def test_pack_ids_are_sorted_for_score_tables() -> None:
    other = make_pack([choice("x", "cast")], pack_id="aaa")
    config = GameConfig(mode=Mode.SOLO, players=("N",), packs=(PACK, other))
    assert config.pack_ids == ("aaa", "heat")
