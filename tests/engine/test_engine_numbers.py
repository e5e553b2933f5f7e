"""Typed numbers: every digit counts, and a number in words equals its digits."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numbers_helpers import digit_mutations, in_words, spell, spell_ordinal

from quiz.engine.matching import matches, normalise
from quiz.packs.loader import load_pack
from quiz.packs.model import QuestionType
from quiz.paths import builtin_packs_dir


@pytest.mark.parametrize(
    ("guess", "answer"),
    [
        ("thirty", "30"),
        ("30", "thirty"),
        ("ninety-five", "95"),
        ("ninety five", "95"),
        ("one hundred and twenty", "120"),
        ("one hundred twenty", "120"),
        ("a hundred", "100"),
        ("third", "3rd"),
        ("3rd", "third"),
        ("thirtieth", "30th"),
        ("twenty-first", "21st"),
        ("thirty seconds", "30 seconds"),
        ("thirty-second rule", "the 30-second rule"),
        ("second", "2nd"),
        ("ninety minutes", "90 minutes"),
        ("three times", "3 times"),
        ("nineteen ninety-five", "1995"),
        ("nineteen eighty nine", "1989"),
        ("two thousand and nineteen", "2019"),
        ("sixty million", "$60 million"),
        ("sixty million dollars", "60,000,000 dollars"),
        ("60,000,000 dollars", "60 million dollars"),
        ("1,000", "1000"),
        ("30 secnds", "30 seconds"),  # a typo in the words is still forgiven
        ("The 13th Warior", "13th Warrior"),
    ],
)
def test_numbers_in_words_or_digits_are_accepted(guess: str, answer: str) -> None:
    assert matches(guess, answer)


@pytest.mark.parametrize(
    ("guess", "answer"),
    [
        ("20 seconds", "30 seconds"),
        ("40 seconds", "30 seconds"),
        ("300 seconds", "30 seconds"),
        ("3 seconds", "30 seconds"),
        ("60", "90"),
        ("80", "90"),
        ("95 minutes", "90 minutes"),
        ("1996", "1995"),
        ("19 95", "1995"),  # two numbers are not one
        ("forty seconds", "30 seconds"),
        ("fourth", "3rd"),
        ("3", "3rd"),  # a place is not a count
        ("thirty", "thirtieth"),
        ("2.50", "2.5"),
        ("seconds", "30 seconds"),
        ("30 seconds 2", "30 seconds"),
    ],
)
def test_a_different_number_is_refused(guess: str, answer: str) -> None:
    assert not matches(guess, answer)


def test_normalised_numbers_read_plainly() -> None:
    assert normalise("Ninety-five minutes") == "95minutes"
    assert normalise("One hundred and twenty") == "120"
    assert normalise("the thirtieth") == "30th"
    assert normalise("19 95") == "19 95"


_WORDY = st.text(alphabet=st.sampled_from("abcdefghij klmnoprstuvwxyz-,.'"), max_size=14)
_ANSWERS = st.builds(
    lambda a, n, b: f"{a}{n}{b}",
    _WORDY,
    st.integers(0, 10**7).map(str) | st.sampled_from(["1,000", "3rd", "2.5", "007", "21st"]),
    _WORDY,
)


@settings(max_examples=300, deadline=None)
@given(_ANSWERS)
def test_changing_adding_or_dropping_any_digit_is_refused(answer: str) -> None:
    assert matches(answer, answer)
    for guess in digit_mutations(answer):
        assert not matches(guess, answer), guess


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10**9 - 1), st.booleans(), st.booleans())
def test_every_number_in_words_equals_its_digits(number: int, hyphen: bool,
                                                 use_and: bool) -> None:
    words = spell(number, hyphen, use_and)
    assert matches(words, str(number)), words
    assert matches(str(number), words), words
    assert matches(f"{words} minutes", f"{number} minutes")
    assert not matches(words, str(number + 1)), words


@given(st.integers(1, 999).filter(lambda n: n == 2 or n % 10 != 2 or n % 100 == 12))
def test_every_ordinal_in_words_equals_its_digits(number: int) -> None:
    # After a number, "second" is read as the unit of time: "thirty-second rule".
    suffix = "th" if 11 <= number % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(
        number % 10, "th")
    assert matches(spell_ordinal(number), f"{number}{suffix}"), spell_ordinal(number)
    assert not matches(spell_ordinal(number), f"{number + 1}th")


def heat_text_questions() -> list:  # type: ignore[type-arg]
    result = load_pack(builtin_packs_dir() / "heat-1995.yaml", builtin=True)
    assert result.pack is not None
    return [q for q in result.pack.questions if q.type is QuestionType.TEXT]


def test_every_typed_heat_answer_refuses_its_digit_mutations_and_takes_number_words() -> None:
    questions = heat_text_questions()
    assert questions
    with_numbers = 0
    for question in questions:
        forms = (question.answer, *question.accept)
        for written in forms:
            assert matches(written, question.answer, question.accept)
            for guess in digit_mutations(written):
                assert not matches(guess, question.answer, question.accept), (
                    f"{question.id}: '{guess}' passes for '{written}'"
                )
            if any(c.isdigit() for c in written):
                with_numbers += 1
                spelled = in_words(written)
                assert matches(spelled, question.answer, question.accept), (
                    f"{question.id}: '{spelled}' is refused"
                )
    assert with_numbers, "the Heat pack types some numbers"
