"""Whatever the bytes, loading gives a pack or diagnostics: never an exception."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.packs.loader import load_bytes
from quiz.packs.model import LoadResult

FIELD_NAMES = ["format", "pack", "questions", "categories", "id", "title", "prompt", "answer",
               "wrong", "items", "accept", "type", "difficulty", "time", "image", "category",
               "explain"]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 300), st.floats(allow_nan=False),
    st.text(max_size=20), st.sampled_from(["choice", "truefalse", "text", "order", "easy",
                                           "hard", "1", "no", "010", "12:30", "../x.png"]),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=8)),
                        children, max_size=6),
    ),
    max_leaves=40,
)


def check(result: LoadResult) -> None:
    assert isinstance(result, LoadResult)
    if result.pack is None:
        assert result.errors, "a refused pack must say why"
    for diagnostic in result.diagnostics:
        assert diagnostic.line >= 1 and diagnostic.column >= 1
        assert diagnostic.message


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_raise(data: bytes) -> None:
    check(load_bytes(data, "fuzz.yaml"))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(documents)
def test_random_yaml_documents_never_raise(document: object) -> None:
    check(load_bytes(yaml.safe_dump(document).encode(), "fuzz.yaml"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.fixed_dictionaries(
    {"id": st.text(max_size=6), "category": st.text(max_size=6), "prompt": scalars,
     "type": st.sampled_from(["choice", "truefalse", "text", "order"]), "answer": scalars,
     "wrong": st.lists(scalars, max_size=7), "items": st.lists(scalars, max_size=7)}),
    max_size=4))
def test_random_pack_shaped_documents_never_raise(questions: list[dict[str, object]]) -> None:
    document = {"format": 1, "pack": {"id": "p", "title": "T"}, "questions": questions}
    check(load_bytes(yaml.safe_dump(document).encode(), "fuzz.yaml"))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="[]{}-:?&*!|>'\"#%@ \n\tabc01", max_size=200))
def test_random_yaml_punctuation_never_raises(text: str) -> None:
    check(load_bytes(text.encode(), "fuzz.yaml"))
