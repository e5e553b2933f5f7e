"""Lenient matching of typed answers, strict about numbers.

A guess matches when, after normalising both sides, it equals the answer or an accepted
spelling, or is one typo away from one of them whose words have five letters or more.
Normalising ignores case, accents, punctuation, spaces and a leading "the".

Numbers are facts, not spelling: every number of the guess must equal the answer's
number in the same place, digit for digit, and a typo is only forgiven in the words
around them. A number may be written in words ("ninety-five", "one hundred and
twenty", "nineteen ninety-five", "third") or digits ("95", "120", "1995", "3rd"),
and "1,000" is 1000; "60 million" is 60000000 either way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

TYPO_MIN_LETTERS: Final = 5
_ARTICLE: Final = "the"
# Stands for one number in the letters of a form; punctuation, so never in a word.
_NUMBER: Final = "#"

_UNITS: Final = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9,
}
_TEENS: Final = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS: Final = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES: Final = {"thousand": 10**3, "million": 10**6, "billion": 10**9}
_ORDINALS: Final = {
    "first": "one", "second": "two", "third": "three", "fourth": "four", "fifth": "five",
    "sixth": "six", "seventh": "seven", "eighth": "eight", "ninth": "nine", "tenth": "ten",
    "eleventh": "eleven", "twelfth": "twelve", "thirteenth": "thirteen",
    "fourteenth": "fourteen", "fifteenth": "fifteen", "sixteenth": "sixteen",
    "seventeenth": "seventeen", "eighteenth": "eighteen", "nineteenth": "nineteen",
    "twentieth": "twenty", "thirtieth": "thirty", "fortieth": "forty", "fiftieth": "fifty",
    "sixtieth": "sixty", "seventieth": "seventy", "eightieth": "eighty",
    "ninetieth": "ninety", "hundredth": "hundred", "thousandth": "thousand",
    "millionth": "million", "billionth": "billion",
}
_ORDINAL_SUFFIXES: Final = frozenset({"st", "nd", "rd", "th"})
_GROUPED: Final = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,]|\.\d)")
_TOKEN: Final = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+")


@dataclass(frozen=True)
class Form:
    """A text as matching compares it: its words (each number a '#') and its numbers."""

    letters: str
    numbers: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.letters)

    @property
    def word_letters(self) -> int:
        return len(self.letters) - len(self.numbers)

    def __str__(self) -> str:
        numbers = iter(self.numbers)
        out: list[str] = []
        for char in self.letters:
            if char != _NUMBER:
                out.append(char)
                continue
            if out and out[-1][-1:].isdigit():
                out.append(" ")  # "19 95" is two numbers, not 1995
            out.append(next(numbers))
        return "".join(out)


def _tokens(text: str) -> list[tuple[str, bool]]:
    """Lower-case words and digit runs, each with whether it touches the token before it."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    plain = "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in plain)
    plain = _GROUPED.sub(lambda m: m.group().replace(",", ""), plain)
    result: list[tuple[str, bool]] = []
    end = -1
    for match in _TOKEN.finditer(plain):
        result.append((match.group(), match.start() == end))
        end = match.end()
    return result


def _ordinal(value: str) -> str:
    last_two = int(value[-2:]) if value.isdigit() else 0
    if 11 <= last_two <= 13:
        return f"{value}th"
    return value + {"1": "st", "2": "nd", "3": "rd"}.get(value[-1], "th")


class _Reader:
    """Turns the tokens of a text into words and numbers, left to right."""

    def __init__(self, tokens: list[tuple[str, bool]]) -> None:
        self.tokens = tokens
        self.at = 0

    def peek(self, ahead: int = 0) -> str:
        index = self.at + ahead
        return self.tokens[index][0] if index < len(self.tokens) else ""

    def items(self) -> list[str | tuple[str]]:
        """Words as str, numbers as a 1-tuple holding their canonical digits."""
        items: list[str | tuple[str]] = []
        while self.at < len(self.tokens):
            token = self.peek()
            if token[0].isdigit():
                items.append((self.digits(),))
                continue
            spelled = self.words(after_number=bool(items) and isinstance(items[-1], tuple))
            if spelled is not None:
                items.append((spelled,))
                continue
            items.append(token)
            self.at += 1
        return items

    def digits(self) -> str:
        value = self.peek()
        self.at += 1
        scale = _SCALES.get(self.peek(), 100 if self.peek() == "hundred" else 0)
        if scale and value.isdigit() and not value.startswith("0"):
            # "60 million" is the number 60000000, however it is written. Decimals and
            # leading zeros are left as typed, so that every digit still counts.
            self.at += 1
            return str(int(value) * scale)
        if self.peek() in _ORDINAL_SUFFIXES and self.tokens[self.at][1] and value.isdigit():
            self.at += 1
            return _ordinal(value)
        return value

    def words(self, after_number: bool) -> str | None:
        """A number spelled in words starting here, or None (nothing consumed)."""
        start = self.at
        total = 0
        group = 0  # below a thousand
        last = ""  # what the previous word was: unit, teen, tens, hundred, scale, and
        ordinal = False
        while self.at < len(self.tokens) and not ordinal:
            word = self.peek()
            if word == "second" and (after_number or last):
                break  # "thirty second rule" means seconds, not the 32nd
            spelled_ordinal = word in _ORDINALS
            word = _ORDINALS.get(word, word)
            if word == "a" and last == "" and self.peek(1) in ("hundred", *_SCALES):
                group, last = 1, "unit"
            elif word in _UNITS and last in ("", "tens", "hundred", "scale", "and"):
                if last == "tens" and group % 10:
                    break
                if word == "zero" and last:
                    break
                group += _UNITS[word]
                last = "unit" if last != "tens" else "tens-unit"
            elif word in _TEENS and last in ("", "hundred", "scale", "and"):
                group += _TEENS[word]
                last = "teen"
            elif word in _TENS and last in ("", "hundred", "scale", "and"):
                group += _TENS[word]
                last = "tens"
            elif word in (*_TEENS, *_TENS) and last in ("teen", "tens", "tens-unit") \
                    and not total and 10 <= group <= 99 and not spelled_ordinal:
                # A year said aloud: "nineteen ninety-five".
                self.at += 1
                low = _TEENS.get(word) or _TENS[word]
                if word in _TENS and self.peek() in _UNITS and self.peek() != "zero":
                    low += _UNITS[self.peek()]
                    self.at += 1
                return str(group * 100 + low)
            elif word == "hundred" and last in ("unit", "teen", "tens", "tens-unit") \
                    and 1 <= group <= 99:
                group *= 100
                last = "hundred"
            elif word in _SCALES and last and last not in ("scale", "and") and group:
                total += group * _SCALES[word]
                group, last = 0, "scale"
            elif word == "and" and last in ("hundred", "scale") \
                    and self.peek(1) in (*_UNITS, *_TEENS, *_TENS, *_ORDINALS):
                last = "and"
            else:
                break
            ordinal = spelled_ordinal
            self.at += 1
        if last == "and":
            self.at -= 1  # "and" belongs to the words after the number
        if self.at == start or (last == "" and not ordinal):
            self.at = start
            return None
        value = str(total + group)
        return _ordinal(value) if ordinal else value


def form(text: str) -> Form:
    """The comparable form of a text."""
    items = _Reader(_tokens(text)).items()
    if len(items) > 1 and items[0] == _ARTICLE:
        items = items[1:]
    letters = "".join(_NUMBER if isinstance(item, tuple) else item for item in items)
    numbers = tuple(item[0] for item in items if isinstance(item, tuple))
    return Form(letters, numbers)


def normalise(text: str) -> str:
    """The comparable form of a text as one string: 'The Café-Bar!' -> 'cafebar',
    'Ninety-five minutes' -> '95minutes'."""
    return str(form(text))


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


def close_enough(guess: Form, right: Form) -> bool:
    """Equal, or one typo apart in the words while every number is the same."""
    if not guess or not right:
        return False
    if guess == right:
        return True
    return (
        guess.numbers == right.numbers
        and right.word_letters >= TYPO_MIN_LETTERS
        and within_one_edit(guess.letters, right.letters)
    )


def matches(guess: str, answer: str, accept: Iterable[str] = ()) -> bool:
    """Whether a typed guess counts as the answer (or one of the accepted spellings)."""
    mine = form(guess)
    return any(close_enough(mine, form(target)) for target in (answer, *accept))
