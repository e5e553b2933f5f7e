"""The names players get until they type their own, shared by the lobby and `heat-quiz play`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

from quiz.engine.config import MAX_NAME_LENGTH

# People the question bank's article names.
HEAT_NAMES: Final[tuple[str, ...]] = (
    "Neil",
    "Vincent",
    "Chris",
    "Chuck",
    "Ashley",
    "Danny",
    "Jon",
    "Tom",
    "Val",
    "Michael",
    "Al",
    "Robert",
)


def free_name(taken: Iterable[str], preferred: Sequence[str] = ()) -> str:
    """The first of `preferred`, then of HEAT_NAMES, that nobody has; else "Player N"."""
    used = {name.casefold() for name in taken}
    for name in (*preferred, *HEAT_NAMES):
        name = name.strip()[:MAX_NAME_LENGTH]
        if name and name.casefold() not in used:
            return name
    number = len(used) + 1
    while f"Player {number}".casefold() in used:
        number += 1
    return f"Player {number}"


def default_names(count: int, preferred: Sequence[str] = ()) -> tuple[str, ...]:
    """Names for `count` players sitting down one after another, as in the lobby."""
    names: list[str] = []
    for _ in range(count):
        names.append(free_name(names, preferred))
    return tuple(names)
