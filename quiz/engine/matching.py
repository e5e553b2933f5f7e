"""Lenient matching of typed answers.

A guess matches when, after normalising both sides, it equals the answer or an accepted
spelling, or is one typo away from one of them that has five letters or more.
Normalising ignores case, accents, punctuation, spaces and a leading "the".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Final

TYPO_MIN_LETTERS: Final = 5
_ARTICLE: Final = "the"


def _words(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", text)
    kept: list[str] = []
    for char in decomposed:
        if unicodedata.combining(char):
            continue  # accents: "Café" -> "Cafe"
        # Punctuation and symbols separate words; letters and digits are kept.
        kept.append(char if char.isalnum() else " ")
    return "".join(kept).casefold().split()


def normalise(text: str) -> str:
    """The comparable form of a text: 'The Café-Bar!' -> 'cafebar'."""
    words = _words(text)
    if len(words) > 1 and words[0] == _ARTICLE:
        words = words[1:]
    return "".join(words)


def within_one_edit(a: str, b: str) -> bool:
    """True when a and b differ by at most one insertion, deletion, substitution or adjacent swap."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    for i in range(len(long)):
        if long[:i] + long[i + 1 :] == short:
            return True
    return False


def matches(guess: str, answer: str, accept: Iterable[str] = ()) -> bool:
    """Whether a typed guess counts as the answer (or one of the accepted spellings)."""
    mine = normalise(guess)
    if not mine:
        return False
    for target in (answer, *accept):
        right = normalise(target)
        if not right:
            continue
        if mine == right:
            return True
        if len(right) >= TYPO_MIN_LETTERS and within_one_edit(mine, right):
            return True
    return False
