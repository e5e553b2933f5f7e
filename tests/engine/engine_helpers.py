"""Builders for packs and a small driver that answers right or wrong through the public API."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from quiz.engine import FakeClock, Game, GameConfig, Mode, Phase, QuestionView
from quiz.packs.model import Category, Difficulty, Pack, Question, QuestionType


def choice(
    qid: str,
    category: str,
    difficulty: Difficulty = Difficulty.MEDIUM,
    wrong: int = 3,
    time: int | None = None,
) -> Question:
    return Question(
        id=qid,
        category=category,
        prompt=f"Question {qid}?",
        type=QuestionType.CHOICE,
        difficulty=difficulty,
        answer=f"right {qid}",
        wrong=tuple(f"wrong {qid} {i}" for i in range(wrong)),
        time=time,
        explain=f"Because {qid}.",
    )


def truefalse(qid: str, category: str, difficulty: Difficulty = Difficulty.MEDIUM) -> Question:
    return Question(
        id=qid,
        category=category,
        prompt=f"True or false {qid}?",
        type=QuestionType.TRUEFALSE,
        difficulty=difficulty,
        answer=len(qid) % 2 == 0,
    )


def text(
    qid: str,
    category: str,
    difficulty: Difficulty = Difficulty.MEDIUM,
    answer: str = "Neil McCauley",
    accept: tuple[str, ...] = (),
) -> Question:
    return Question(
        id=qid,
        category=category,
        prompt=f"Who {qid}?",
        type=QuestionType.TEXT,
        difficulty=difficulty,
        answer=answer,
        accept=accept,
    )


def order(
    qid: str, category: str, difficulty: Difficulty = Difficulty.MEDIUM, items: int = 4
) -> Question:
    return Question(
        id=qid,
        category=category,
        prompt=f"Put {qid} in order",
        type=QuestionType.ORDER,
        difficulty=difficulty,
        items=tuple(f"item {qid} {i}" for i in range(items)),
    )


def make_pack(
    questions: Iterable[Question],
    pack_id: str = "heat",
    categories: Sequence[tuple[str, str]] = (),
) -> Pack:
    stamped = tuple(replace(q, pack_id=pack_id) for q in questions)
    return Pack(
        id=pack_id,
        title=pack_id.title(),
        questions=stamped,
        categories=tuple(Category(cid, name) for cid, name in categories),
    )


def lookup(*packs: Pack) -> dict[str, Question]:
    return {f"{p.id}/{q.id}": q for p in packs for q in p.questions}


def right_value(view: QuestionView, questions: dict[str, Question]) -> object:
    q = questions[view.key]
    if q.type is QuestionType.CHOICE:
        return view.choices.index(str(q.answer))
    if q.type is QuestionType.TRUEFALSE:
        return q.answer
    if q.type is QuestionType.TEXT:
        return q.answer
    return tuple(view.choices.index(item) for item in q.items)


def wrong_value(view: QuestionView, questions: dict[str, Question]) -> object:
    q = questions[view.key]
    if q.type is QuestionType.CHOICE:
        return next(
            i for i, c in enumerate(view.choices) if c != q.answer and i not in view.removed
        )
    if q.type is QuestionType.TRUEFALSE:
        return not q.answer
    if q.type is QuestionType.TEXT:
        return "Vincent Hanna"
    right = right_value(view, questions)
    assert isinstance(right, tuple)
    return right[1:] + right[:1]  # every item one place off


class Table:
    """A game, its clock and its questions: what a test needs to play through the public API."""

    def __init__(self, config: GameConfig, *packs: Pack) -> None:
        self.clock = FakeClock(1000.0)
        self.game = Game(config, clock=self.clock)
        self.questions = lookup(*(packs or config.packs))
        self.events: list[object] = []

    @property
    def view(self) -> QuestionView:
        view = self.game.current
        assert view is not None
        return view

    def wait(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.game.tick()

    def right(self, player: int, after: float = 0.0) -> bool:
        self.clock.advance(after)
        return self.game.answer(player, right_value(self.view, self.questions))

    def wrong(self, player: int, after: float = 0.0) -> bool:
        self.clock.advance(after)
        return self.game.answer(player, wrong_value(self.view, self.questions))

    def next(self) -> None:
        assert self.game.advance()

    def drain(self) -> list[object]:
        fresh = list(self.game.poll_events())
        self.events.extend(fresh)
        return fresh


def config(mode: Mode, players: Sequence[str], *packs: Pack, **options: object) -> GameConfig:
    return GameConfig(mode=mode, players=tuple(players), packs=packs, **options)  # type: ignore[arg-type]


def is_over(game: Game) -> bool:
    return game.phase is Phase.GAME_OVER
