"""Spelling numbers in English words and mutating digits: an independent reference for tests."""

from __future__ import annotations

import re
from collections.abc import Iterator

_SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALES = ((10**9, "billion"), (10**6, "million"), (1000, "thousand"))
_ORDINAL_WORDS = {
    "one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
    "nine": "ninth", "twelve": "twelfth",
}


def spell(number: int, hyphen: bool = True, use_and: bool = True) -> str:
    """96 -> 'ninety-six', 120 -> 'one hundred and twenty'."""
    if number < 20:
        return _SMALL[number]
    if number < 100:
        tens, unit = divmod(number, 10)
        if not unit:
            return _TENS[tens - 2]
        return f"{_TENS[tens - 2]}{'-' if hyphen else ' '}{_SMALL[unit]}"
    if number < 1000:
        hundreds, rest = divmod(number, 100)
        head = f"{_SMALL[hundreds]} hundred"
        if not rest:
            return head
        return f"{head} {'and ' if use_and else ''}{spell(rest, hyphen)}"
    for size, name in _SCALES:
        if number >= size:
            high, rest = divmod(number, size)
            head = f"{spell(high, hyphen, use_and)} {name}"
            if not rest:
                return head
            joiner = " and " if use_and and rest < 100 else " "
            return f"{head}{joiner}{spell(rest, hyphen, use_and)}"
    raise ValueError(number)


def spell_ordinal(number: int) -> str:
    """3 -> 'third', 30 -> 'thirtieth', 21 -> 'twenty-first'."""
    words = spell(number)
    head, sep, last = words.rpartition("-") if "-" in words.split()[-1] else \
        words.rpartition(" ")
    if last in _ORDINAL_WORDS:
        last = _ORDINAL_WORDS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return f"{head}{sep}{last}"


_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(st|nd|rd|th)?")


def in_words(text: str) -> str:
    """Every whole number of a text spelled out: '30 seconds' -> 'thirty seconds'."""

    def spelled(match: re.Match[str]) -> str:
        digits = match.group().replace(",", "")
        if match.group(1):
            return spell_ordinal(int(digits[: -len(match.group(1))]))
        return spell(int(digits))

    return _NUMBER.sub(spelled, text)


def digit_mutations(text: str) -> Iterator[str]:
    """Every text one digit away: a digit changed or dropped, or one added anywhere."""
    for index, char in enumerate(text):
        if char.isdigit():
            yield text[:index] + text[index + 1 :]
            for other in "0123456789":
                if other != char:
                    yield text[:index] + other + text[index + 1 :]
    for index in range(len(text) + 1):
        for digit in "0123456789":
            yield text[:index] + digit + text[index:]
