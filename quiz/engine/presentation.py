"""How a question is shown in a mode (which choices, in what order) and how an answer is judged."""

from __future__ import annotations

import random
from dataclasses import dataclass

from quiz.engine.config import GameConfig, Mode
from quiz.engine.matching import matches
from quiz.engine.scoring import order_share
from quiz.engine.views import AnswerValue
from quiz.packs.model import Question, QuestionType

TRUE_FALSE_CHOICES: tuple[str, str] = ("True", "False")
MIN_ORDER_ITEMS = 2


def playable(question: Question, mode: Mode | GameConfig) -> bool:
    """Whether the mode (or game) can play this question: its type, and what a key zone or a
    phone can show."""
    if isinstance(mode, GameConfig):
        types, most = mode.types, mode.max_order_items
    else:
        types, most = mode.types, mode.max_choices
    if question.type not in types:
        return False
    if question.type is QuestionType.CHOICE:
        return isinstance(question.answer, str) and len(question.wrong) >= 1
    if question.type is QuestionType.TRUEFALSE:
        return isinstance(question.answer, bool)
    if question.type is QuestionType.TEXT:
        return isinstance(question.answer, str) and bool(question.answer.strip())
    return MIN_ORDER_ITEMS <= len(question.items) and (most is None or len(question.items) <= most)


@dataclass(frozen=True)
class Prepared:
    """A question as this game shows it: shuffled choices and where the right answer went."""

    key: str
    question: Question
    category: str
    choices: tuple[str, ...]
    correct_index: int | None
    correct_order: tuple[int, ...] | None
    answer_text: str | None


def prepare(
    key: str, question: Question, category: str, mode: Mode, rng: random.Random
) -> Prepared:
    kind = question.type
    if kind is QuestionType.CHOICE:
        assert isinstance(question.answer, str)
        wrong = list(question.wrong)
        keep = min(len(wrong), mode.max_choices - 1)
        shown = rng.sample(wrong, keep)
        choices = [question.answer, *shown]
        rng.shuffle(choices)
        return Prepared(
            key,
            question,
            category,
            tuple(choices),
            choices.index(question.answer),
            None,
            question.answer,
        )
    if kind is QuestionType.TRUEFALSE:
        index = 0 if question.answer else 1
        return Prepared(
            key, question, category, TRUE_FALSE_CHOICES, index, None, TRUE_FALSE_CHOICES[index]
        )
    if kind is QuestionType.TEXT:
        assert isinstance(question.answer, str)
        return Prepared(key, question, category, (), None, None, question.answer)
    perm = list(range(len(question.items)))
    # Never hand out an order that is already right: that would be free points.
    while perm == sorted(perm):
        rng.shuffle(perm)
    shown_items = tuple(question.items[i] for i in perm)
    correct = tuple(perm.index(i) for i in range(len(perm)))
    return Prepared(key, question, category, shown_items, None, correct, None)


def coerce(prepared: Prepared, value: object, removed: frozenset[int]) -> AnswerValue | None:
    """The answer in canonical form; None when it should be ignored (a key with no choice).

    Raises TypeError or ValueError for values no front end should send.
    """
    kind = prepared.question.type
    if kind is QuestionType.TRUEFALSE:
        if isinstance(value, bool):
            return value
        if isinstance(value, int):
            return value == 0 if value in (0, 1) else None
        raise TypeError(f"a truefalse answer is a bool or 0/1, not {value!r}")
    if kind is QuestionType.CHOICE:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"a choice answer is an index, not {value!r}")
        if not 0 <= value < len(prepared.choices) or value in removed:
            return None
        return value
    if kind is QuestionType.TEXT:
        if not isinstance(value, str):
            raise TypeError(f"a text answer is a str, not {value!r}")
        return value
    if not isinstance(value, tuple) or not all(
        isinstance(i, int) and not isinstance(i, bool) for i in value
    ):
        raise TypeError(f"an order answer is a tuple of indices, not {value!r}")
    if sorted(value) != list(range(len(prepared.choices))):
        raise ValueError(f"an order answer must use each of {len(prepared.choices)} items once")
    return value


def judge(prepared: Prepared, value: AnswerValue) -> float:
    """Share of the answer that is right: 1.0 or 0.0, or the fraction in place for an order."""
    question = prepared.question
    kind = question.type
    if kind is QuestionType.TRUEFALSE:
        return 1.0 if value == question.answer else 0.0
    if kind is QuestionType.CHOICE:
        return 1.0 if value == prepared.correct_index else 0.0
    if kind is QuestionType.TEXT:
        assert isinstance(value, str) and isinstance(question.answer, str)
        return 1.0 if matches(value, question.answer, question.accept) else 0.0
    assert isinstance(value, tuple)
    return order_share([prepared.choices[i] for i in value], question.items)
