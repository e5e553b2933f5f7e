"""The built-in Heat (1995) question pack: valid, big enough and well balanced."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from quiz.packs.loader import load_pack
from quiz.packs.model import Difficulty, Pack, QuestionType
from quiz.paths import builtin_packs_dir

PACK_FILE = "heat-1995.yaml"

CATEGORY_ORDER = ("production", "cast", "themes", "shootout", "style", "legacy")

# The section headings of the article the questions are drawn from.
ARTICLE_SECTIONS = {
    "Heat (1995): The Crime Epic That Changed Cinema Forever",
    "The Story Behind Heat – From TV Pilot to Classic Film",
    "The Legendary Cast – De Niro, Pacino, and More",
    "Themes That Hit Hard – Loneliness, Honor, and Obsession",
    "The Heat Shootout – Hollywood’s Most Realistic Gun Battle",
    "Michael Mann’s Style – Grit, Atmosphere, and Precision",
    "Why Heat Still Matters Today",
    "Conclusion",
}

ROUND_SIZE = 5
ROUNDS_PER_CATEGORY = 2


@pytest.fixture(scope="module")
def pack_path() -> Path:
    return builtin_packs_dir() / PACK_FILE


@pytest.fixture(scope="module")
def pack(pack_path: Path) -> Pack:
    result = load_pack(pack_path, builtin=True)
    assert result.ok, "\n".join(str(d) for d in result.diagnostics)
    assert result.pack is not None
    return result.pack


def test_pack_file_is_shipped(pack_path: Path) -> None:
    assert pack_path.is_file()


def test_validates_without_errors_or_warnings(pack_path: Path) -> None:
    result = load_pack(pack_path, builtin=True)
    assert not result.errors, "\n".join(str(d) for d in result.errors)
    assert not result.warnings, "\n".join(str(d) for d in result.warnings)


def test_metadata(pack: Pack) -> None:
    assert pack.id == "heat-1995"
    assert pack.title == "Heat (1995)"
    assert pack.author == "heat-quiz"
    assert pack.version == "1.0"
    assert pack.language == "en"
    assert pack.format == 1
    assert pack.description


def test_question_counts(pack: Pack) -> None:
    by_type = Counter(q.type for q in pack.questions)
    assert len(pack.questions) >= 120
    assert by_type[QuestionType.TRUEFALSE] >= 15
    assert by_type[QuestionType.TEXT] >= 12
    assert by_type[QuestionType.ORDER] >= 8
    assert by_type[QuestionType.CHOICE] > 0


def test_difficulty_spread(pack: Pack) -> None:
    total = len(pack.questions)
    by_difficulty = Counter(q.difficulty for q in pack.questions)
    share = {d: by_difficulty[d] / total for d in Difficulty}
    assert 0.30 <= share[Difficulty.EASY] <= 0.50, share
    assert 0.30 <= share[Difficulty.MEDIUM] <= 0.50, share
    assert 0.10 <= share[Difficulty.HARD] <= 0.30, share


def test_categories_in_article_order(pack: Pack) -> None:
    assert pack.category_order() == CATEGORY_ORDER
    for category in pack.categories:
        assert category.name.strip()


def test_every_category_fills_two_rounds(pack: Pack) -> None:
    by_category = Counter(q.category for q in pack.questions)
    assert set(by_category) == set(CATEGORY_ORDER)
    for category in CATEGORY_ORDER:
        assert by_category[category] >= ROUND_SIZE * ROUNDS_PER_CATEGORY, category


def test_every_question_has_explain_and_source(pack: Pack) -> None:
    for question in pack.questions:
        assert question.explain and question.explain.strip(), question.id
        assert question.source and question.source.strip(), question.id
        assert question.source in ARTICLE_SECTIONS, (question.id, question.source)


def test_ids_are_unique(pack_path: Path, pack: Pack) -> None:
    # Check the raw file too, so a duplicate could never be hidden by the loader.
    raw = yaml.safe_load(pack_path.read_text(encoding="utf-8"))
    raw_ids = [q["id"] for q in raw["questions"]]
    assert len(raw_ids) == len(set(raw_ids))
    ids = [q.id for q in pack.questions]
    assert len(ids) == len(set(ids))
    assert len(ids) == len(raw_ids)


def test_question_shapes(pack: Pack) -> None:
    for question in pack.questions:
        if question.type is QuestionType.CHOICE:
            # Party mode shows at most three wrong answers.
            assert len(question.wrong) == 3, question.id
        elif question.type is QuestionType.TRUEFALSE:
            assert isinstance(question.answer, bool), question.id
        elif question.type is QuestionType.TEXT:
            assert isinstance(question.answer, str) and question.answer.strip(), question.id
        elif question.type is QuestionType.ORDER:
            assert 3 <= len(question.items) <= 6, question.id


def test_truefalse_has_both_answers(pack: Pack) -> None:
    answers = Counter(q.answer for q in pack.questions if q.type is QuestionType.TRUEFALSE)
    assert answers[True] > 0 and answers[False] > 0
