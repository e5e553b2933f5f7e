"""The built-in Heat (1995) question pack: valid, drawn from its article, and fair to play.

Every fact is asked once per game, so these tests look at the pack fact by fact: enough distinct
facts per category for the rounds a game deals, one difficulty per fact, no question that gives
another fact away, and questions about the film rather than about the article they come from.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest
import yaml

from quiz.engine.matching import normalise
from quiz.packs.loader import load_pack
from quiz.packs.model import Difficulty, Pack, Question, QuestionType
from quiz.paths import builtin_packs_dir

PACK_FILE = "heat-1995.yaml"
ARTICLE = Path(__file__).resolve().parents[1] / ".." / "shared" / "seed" / "heat-1995-article.txt"

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
# Two rounds of one category (a long game) should not run out of facts; five is the floor.
FACTS_PER_CATEGORY = 8
# Buzz plays only choice and true/false: a category must still fill a round with them.
BUZZ_TYPES = (QuestionType.CHOICE, QuestionType.TRUEFALSE)
# Party modes show at most four answers or items.
PARTY_MAX_ITEMS = 4

ABOUT_THE_ARTICLE = re.compile(r"\b(article|writer|author)s?\b", re.IGNORECASE)
MAX_ARTICLE_PROMPT_SHARE = 0.10
# About 60/40 at worst within a category's true/false questions.
MIN_FALSE_SHARE = 0.40
SWEEPING_WORDS = re.compile(r"\b(only|never|always|any|anything|all|everything|nothing)\b", re.IGNORECASE)
MUSIC_WORDS = re.compile(r"\b(music|score|soundtrack)\b", re.IGNORECASE)

# An actor and the character he plays: a question naming both tells whoever reads it the answer
# of that role's own questions, so only the role's fact may name them together.
ROLES = {
    "deniro-role": ("De Niro", "McCauley"),
    "pacino-role": ("Pacino", "Hanna"),
    "kilmer-role": ("Kilmer", "Chris"),
}

# Lines spoken in the film, quoted on purpose; everything else is in the pack's own words.
FILM_LINES = (
    "Don't let yourself get attached to anything you are not willing to walk out on in 30 seconds flat.",
    "I don't know how to do anything else.",
)
COPIED_RUN = 7  # words in a row shared with the article that count as a copied sentence


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.casefold().replace("’", "").replace("'", ""))


def _texts(question: Question) -> list[str]:
    """Everything a player reads for a question, before and after answering."""
    texts = [question.prompt, question.explain or "", *question.wrong, *question.items]
    if isinstance(question.answer, str):
        texts.append(question.answer)
    return texts


@pytest.fixture(scope="module")
def pack_path() -> Path:
    return builtin_packs_dir() / PACK_FILE


@pytest.fixture(scope="module")
def pack(pack_path: Path) -> Pack:
    result = load_pack(pack_path, builtin=True)
    assert result.ok, "\n".join(str(d) for d in result.diagnostics)
    assert result.pack is not None
    return result.pack


@pytest.fixture(scope="module")
def by_fact(pack: Pack) -> dict[str, list[Question]]:
    facts: dict[str, list[Question]] = defaultdict(list)
    for question in pack.questions:
        facts[question.fact_id].append(question)
    return dict(facts)


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
    assert len(pack.questions) >= 80
    assert by_type[QuestionType.CHOICE] >= 30
    assert by_type[QuestionType.TRUEFALSE] >= 20
    assert by_type[QuestionType.TEXT] >= 12
    assert by_type[QuestionType.ORDER] >= 4


def test_every_question_names_its_fact(pack_path: Path) -> None:
    raw = yaml.safe_load(pack_path.read_text(encoding="utf-8"))
    untagged = [q["id"] for q in raw["questions"] if not q.get("fact")]
    assert not untagged


def test_a_fact_is_asked_one_to_four_times_in_different_ways(
    by_fact: dict[str, list[Question]],
) -> None:
    for fact, questions in by_fact.items():
        assert 1 <= len(questions) <= 4, fact
        types = [q.type for q in questions]
        assert len(types) == len(set(types)), (fact, types)


def test_one_difficulty_per_fact(by_fact: dict[str, list[Question]]) -> None:
    for fact, questions in by_fact.items():
        assert len({q.difficulty for q in questions}) == 1, fact


def test_one_category_per_fact(by_fact: dict[str, list[Question]]) -> None:
    for fact, questions in by_fact.items():
        assert len({q.category for q in questions}) == 1, fact


def test_difficulty_spread(pack: Pack) -> None:
    total = len(pack.questions)
    by_difficulty = Counter(q.difficulty for q in pack.questions)
    share = {d: by_difficulty[d] / total for d in Difficulty}
    assert share[Difficulty.EASY] >= 0.20, share
    assert share[Difficulty.HARD] >= 0.10, share
    assert max(share.values()) <= 0.70, share


def test_categories_in_article_order(pack: Pack) -> None:
    assert pack.category_order() == CATEGORY_ORDER
    for category in pack.categories:
        assert category.name.strip()


def test_every_category_has_facts_for_two_rounds(pack: Pack) -> None:
    facts: dict[str, set[str]] = defaultdict(set)
    buzz_facts: dict[str, set[str]] = defaultdict(set)
    for question in pack.questions:
        facts[question.category].add(question.fact_id)
        if question.type in BUZZ_TYPES:
            buzz_facts[question.category].add(question.fact_id)
    assert set(facts) == set(CATEGORY_ORDER)
    for category in CATEGORY_ORDER:
        assert len(facts[category]) >= FACTS_PER_CATEGORY, category
        assert len(buzz_facts[category]) >= ROUND_SIZE, category


def test_every_question_has_explain_and_source(pack: Pack) -> None:
    for question in pack.questions:
        assert question.explain and question.explain.strip(), question.id
        assert question.source in ARTICLE_SECTIONS, (question.id, question.source)


def test_explanations_are_one_or_two_sentences(pack: Pack) -> None:
    for question in pack.questions:
        assert question.explain is not None
        # Quoted lines are one sentence of the explanation, whatever they hold.
        unquoted = re.sub(r'"[^"]*"', "QUOTE", question.explain)
        sentences = re.findall(r"[.!?](?:\s|$)", unquoted + " ")
        assert 1 <= len(sentences) <= 2 or unquoted.strip() == "QUOTE", question.id


def test_prompts_ask_about_the_film_not_the_article(pack: Pack) -> None:
    about = [q.id for q in pack.questions if ABOUT_THE_ARTICLE.search(q.prompt)]
    assert len(about) <= MAX_ARTICLE_PROMPT_SHARE * len(pack.questions), about


def test_true_false_is_balanced(pack: Pack) -> None:
    answers = [q.answer for q in pack.questions if q.type is QuestionType.TRUEFALSE]
    false_share = answers.count(False) / len(answers)
    assert 0.35 <= false_share <= 0.65, false_share


def test_true_false_is_balanced_in_every_category(pack: Pack) -> None:
    # A round is one category: "always answer false" must not pay off there either.
    for category in CATEGORY_ORDER:
        answers = [
            q.answer for q in pack.questions
            if q.type is QuestionType.TRUEFALSE and q.category == category
        ]
        false_share = answers.count(False) / len(answers)
        assert MIN_FALSE_SHARE <= false_share <= 1 - MIN_FALSE_SHARE, (category, false_share)


def test_wording_does_not_give_true_false_away(pack: Pack) -> None:
    # Sweeping words ("only", "never"...) and claims about the music must not mark the false ones.
    statements = [q for q in pack.questions if q.type is QuestionType.TRUEFALSE]
    for pattern in (SWEEPING_WORDS, MUSIC_WORDS):
        answers = [q.answer for q in statements if pattern.search(q.prompt)]
        assert answers, pattern.pattern
        assert answers.count(False) / len(answers) <= 1 - MIN_FALSE_SHARE, pattern.pattern


def test_no_choice_repeats_its_own_prompt(pack: Pack) -> None:
    for question in pack.questions:
        if question.type is not QuestionType.CHOICE:
            continue
        prompt = " " + " ".join(_words(question.prompt)) + " "
        for option in (question.answer, *question.wrong):
            assert f" {' '.join(_words(str(option)))} " not in prompt, (question.id, option)


def test_different_facts_have_different_answers(pack: Pack) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for question in pack.questions:
        if question.type in (QuestionType.CHOICE, QuestionType.TEXT):
            owners[normalise(str(question.answer))].add(question.fact_id)
    shared = {answer: facts for answer, facts in owners.items() if len(facts) > 1}
    assert not shared


def test_no_question_pairs_an_actor_with_his_role_outside_that_role(pack: Pack) -> None:
    for question in pack.questions:
        text = " ".join(_texts(question))
        for fact, (actor, character) in ROLES.items():
            if actor in text and re.search(rf"\b{character}\b", text):
                assert question.fact_id == fact, (question.id, actor, character)


def test_typed_numbers_accept_their_units(pack: Pack) -> None:
    for question in pack.questions:
        if question.type is not QuestionType.TEXT or not str(question.answer).isdigit():
            continue
        if len(str(question.answer)) == 4:
            continue  # a year is typed bare
        with_unit = [a for a in question.accept if re.search(r"[a-z]", a, re.IGNORECASE)]
        assert with_unit, question.id
        for spelling in question.accept:
            numbers = re.findall(r"\d+", spelling)
            assert numbers == [str(question.answer)], (question.id, spelling)


def test_order_questions_fit_party_modes(pack: Pack) -> None:
    for question in pack.questions:
        if question.type is QuestionType.ORDER:
            assert 3 <= len(question.items) <= PARTY_MAX_ITEMS, question.id


@pytest.mark.skipif(not ARTICLE.is_file(), reason="the seed article is not beside the checkout")
def test_written_in_its_own_words(pack: Pack) -> None:
    article = _words(ARTICLE.read_text(encoding="utf-8"))
    runs = {tuple(article[i : i + COPIED_RUN]) for i in range(len(article) - COPIED_RUN + 1)}
    film_lines = [" ".join(_words(line)) for line in FILM_LINES]
    for question in pack.questions:
        # Order items are read as one text, so a film line split into items is still a quote.
        texts = [t for t in _texts(question) if t not in question.items]
        texts.append(" ".join(question.items))
        for text in texts:
            # Only the film's own lines may be quoted; the rest is checked word run by word run.
            for quote in re.findall(r'"([^"]+)"', text):
                said = " ".join(_words(quote))
                assert any(said in line for line in film_lines), (question.id, quote)
            joined = " ".join(_words(re.sub(r'"[^"]+"', " | ", text)))
            for line in film_lines:
                joined = joined.replace(line, "|")
            for part in joined.split("|"):
                words = part.split()
                for i in range(len(words) - COPIED_RUN + 1):
                    run = tuple(words[i : i + COPIED_RUN])
                    assert run not in runs, (question.id, " ".join(run))


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
            assert 2 <= len(question.wrong) <= 3, question.id
        elif question.type is QuestionType.TRUEFALSE:
            assert isinstance(question.answer, bool), question.id
        elif question.type is QuestionType.TEXT:
            assert isinstance(question.answer, str) and question.answer.strip(), question.id
