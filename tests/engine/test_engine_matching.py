"""Typed answers: lenient about form, strict about substance."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.engine.matching import matches, normalise, within_one_edit


@pytest.mark.parametrize(
    ("guess", "answer"),
    [
        ("neil mccauley", "Neil McCauley"),  # case
        ("NEIL MCCAULEY", "Neil McCauley"),
        ("Café", "Cafe"),  # accents either way
        ("cafe", "Café"),
        ("Kiss Me Deadly", "Kiss Me, Deadly!"),  # punctuation
        ("Neil Mc-Cauley", "Neil McCauley"),
        ("O'Hara", "OHara"),
        ("Bank of America", "The Bank of America"),  # a leading "the" either way
        ("the bank of america", "Bank of America"),
        ("  Waingro  ", "Waingro"),  # spaces
        ("Neil McCauly", "Neil McCauley"),  # one deletion in 5+ letters
        ("Neil McCaulley", "Neil McCauley"),  # one insertion
        ("Waingra", "Waingro"),  # one substitution
        ("Wiangro", "Waingro"),  # two neighbours swapped
        ("Chris", "Chris"),
        ("Chirs", "Chris"),  # five letters: one typo is fine
    ],
)
def test_accepted(guess: str, answer: str) -> None:
    assert matches(guess, answer)


@pytest.mark.parametrize(
    ("guess", "answer"),
    [
        ("Neal", "Neil"),  # four letters: no typo allowed
        ("Nate", "Nat"),
        ("1996", "1995"),
        ("Waingr", "Waingro2"),  # two edits
        ("Neil McCaul", "Neil McCauley"),
        ("Vincent Hanna", "Neil McCauley"),
        ("", "Neil"),
        ("!!!", "Neil"),
        ("the", "Theo"),
        ("Chirs Shiherlis", "Chris Shiherlis Jr"),
    ],
)
def test_rejected(guess: str, answer: str) -> None:
    assert not matches(guess, answer)


def test_accept_list_and_its_own_typo_rule() -> None:
    assert matches("LAX", "Los Angeles International Airport", accept=("LAX",))
    assert matches("lax", "Los Angeles International Airport", accept=("LAX",))
    assert not matches("LAC", "Los Angeles International Airport", accept=("LAX",))
    assert matches("Nate Ramos", "Nate", accept=("Nate Ramos",))
    assert matches("Nate Ramoz", "Nate", accept=("Nate Ramos",))


def test_normalise() -> None:
    assert normalise("The Café-Bar!") == "cafebar"
    assert normalise("The") == "the"  # nothing would be left
    assert normalise("Émile Zola") == "emilezola"
    assert normalise("Straße") == "strasse"


@pytest.mark.parametrize(
    ("a", "b", "close"),
    [
        ("abcde", "abcde", True),
        ("abcde", "abde", True),
        ("abcde", "abxde", True),
        ("abcde", "bacde", True),
        ("abcde", "badce", False),
        ("abcde", "abc", False),
        ("abcde", "edcba", False),
    ],
)
def test_within_one_edit(a: str, b: str, close: bool) -> None:
    assert within_one_edit(a, b) is close
    assert within_one_edit(b, a) is close


@given(st.text(min_size=1, max_size=40))
def test_an_answer_always_matches_itself(answer: str) -> None:
    if normalise(answer):
        assert matches(answer, answer)


_PRINTABLE = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ 0123456789.,'!-éèüÉ"),
    min_size=1,
    max_size=30,
)


@given(_PRINTABLE)
def test_case_and_punctuation_never_matter(answer: str) -> None:
    if normalise(answer):
        assert matches(answer.upper(), answer)
        assert matches(f"  {answer.lower()}!?", answer)


@given(st.text(max_size=40))
def test_normalise_is_idempotent(value: str) -> None:
    once = normalise(value)
    assert normalise(once) == once
