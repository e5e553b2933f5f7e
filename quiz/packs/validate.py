"""Turn composed YAML nodes into a Pack, explaining every departure from format 1.

Every check reports and carries on, so an author sees all of a file's
problems at once. The rules are those of docs/pack-format.md.

Play is lenient where it can be: when the pack's own parts (the top level,
`format` and `pack`) are sound, a Pack is built from the questions that are
sound, and the rest are counted as left out. Validation stays strict: every
error is still reported, and `LoadResult.ok` holds only for a file with none.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from quiz import files
from quiz.packs import fonts, images, layout
from quiz.packs.fields import FieldReader, kind
from quiz.packs.fontmetrics import COVERAGE
from quiz.packs.model import (
    Category,
    Diagnostic,
    Difficulty,
    Pack,
    Question,
    QuestionType,
)
from quiz.packs.yamlnodes import AnyNode, Mapping, Scalar, Sequence
from quiz.packs.yamltraps import cut_by_comment

FORMAT_VERSION: Final = 1
MAX_QUESTIONS: Final = 20_000
MAX_PROMPT: Final = 300
MAX_ANSWER: Final = 120
TIME_RANGE: Final = (5, 120)
ROUND_SIZE: Final = 5  # the default questions per round, for the thin-category warning

TOP_KEYS: Final = ("format", "pack", "categories", "questions")
PACK_KEYS: Final = ("id", "title", "description", "author", "version", "language", "font")
QUESTION_KEYS: Final = (
    "id", "category", "difficulty", "type", "prompt", "answer", "wrong", "accept",
    "items", "explain", "source", "image", "time", "fact",
)
# Fields each question type uses beyond the common ones; the rest are errors for it.
TYPE_FIELDS: Final = {
    QuestionType.CHOICE: {"answer", "wrong"},
    QuestionType.TRUEFALSE: {"answer"},
    QuestionType.TEXT: {"answer", "accept"},
    QuestionType.ORDER: {"items"},
}
# Texts read but never drawn: no warning about characters the font lacks.
_NOT_SHOWN: Final = frozenset({"pack id", "id", "category id", "category", "type",
                               "difficulty", "image", "font", "version", "language"})
_GAME_FONT: Final = fonts.Coverage(COVERAGE)
MAX_GLYPH_WARNINGS: Final = 20  # then one summary: a whole pack in another script is one fix


@dataclass
class _Checker(FieldReader):
    """The rules of format 1, on top of the generic readers."""

    base_dir: Path | None = None  # where images are looked for; None checks text only
    coverage: fonts.Coverage = field(default=_GAME_FONT)  # what the texts will be drawn with
    undrawable: int = 0  # texts with characters the font lacks
    pack_font: Path | None = None
    left_out: int = 0  # question entries with errors, in a pack whose own parts are sound
    # Checking what came before a syntax error: no pack is built, and nothing is said about
    # what is missing, since the rest of the file could not be read.
    partial: bool = False
    lines: list[str] = field(default_factory=list)  # the file's text, for YAML's traps

    # -- the pack ----------------------------------------------------------
    def pack(self, root: AnyNode | None, path: Path | None, builtin: bool) -> Pack | None:
        if root is None:
            self.error_at(1, 1, "the file is empty; a pack needs 'format', 'pack' and "
                                "'questions'")
            return None
        if not isinstance(root, Mapping):
            hint = "; write 'format:', 'pack:' and 'questions:' at the start of their " \
                "lines, with no '- ' before them" if isinstance(root, Sequence) else ""
            self.error(root, f"the top level of a pack must be a mapping of keys, "
                             f"not {kind(root)}{hint}")
            return None
        top = self.fields(root, TOP_KEYS, "the top level")
        for required in ("format", "pack", "questions"):
            if required not in top and not self.partial:
                self.error(root, f"missing '{required}' at the top level")

        version = self.integer(top["format"], "format") if "format" in top else None
        if version is not None and version != FORMAT_VERSION:
            if version > FORMAT_VERSION:
                self.error(top["format"], f"this pack is format {version} and needs a newer "
                                          f"heat-quiz (this one reads format {FORMAT_VERSION})")
            else:
                self.error(top["format"], f"unknown format {version}; "
                                          f"use 'format: {FORMAT_VERSION}'")
            return None  # the rest would be read by the wrong rules

        meta = self.pack_meta(top["pack"]) if "pack" in top else None
        # Errors so far are the pack's own; later ones only leave questions out.
        pack_sound = meta is not None and self.error_count == 0
        categories = self.categories(top["categories"]) if "categories" in top else None
        questions = self.questions(top["questions"], categories, meta[0] if meta else "") \
            if "questions" in top else []
        if categories is not None and not self.partial:
            self.thin_categories(categories, questions)
        self.undrawable_summary(root)
        if self.partial:
            return None

        if meta is None or not pack_sound:
            self.left_out = 0  # the pack's own errors are the reason, not its questions
            return None
        if not questions:
            return None
        pack_id, title, optional = meta
        return Pack(
            id=pack_id, title=title, questions=tuple(questions),
            categories=tuple(Category(cid, name) for cid, (_, name) in (categories or {}).items()),
            description=optional.get("description"), author=optional.get("author"),
            version=optional.get("version"), language=optional.get("language") or "en",
            path=path, builtin=builtin, format=FORMAT_VERSION, font=self.pack_font,
        )

    def pack_meta(self, node: AnyNode) -> tuple[str, str, dict[str, str]] | None:
        if not isinstance(node, Mapping):
            hint = "; write its keys without '- ' before them, one under the other " \
                "('id: ...', then 'title: ...')" if isinstance(node, Sequence) else ""
            self.error(node, f"'pack' must be a mapping with id and title, not "
                             f"{kind(node)}{hint}")
            return None
        keys = self.fields(node, PACK_KEYS, "'pack'")
        self.pack_font = self.font(keys["font"]) if "font" in keys else None  # before texts
        for required in ("id", "title"):
            if required not in keys:
                self.error(node, f"missing '{required}' in 'pack'")
        pack_id = self.identifier(keys["id"], "pack id") if "id" in keys else None
        title = self.text(keys["title"], "title", MAX_PROMPT) if "title" in keys else None
        optional: dict[str, str] = {}
        for name in ("description", "author", "version", "language"):
            if name in keys:
                value = self.text(keys[name], name)
                if value is not None:
                    optional[name] = value
        if pack_id is None or title is None:
            return None
        return pack_id, title, optional

    def categories(self, node: AnyNode) -> dict[str, tuple[Scalar, str]] | None:
        if not isinstance(node, Mapping):
            hint = "; write each as 'id: name' with no '- ' before it" \
                if isinstance(node, Sequence) else ""
            self.error(node, f"'categories' must map category ids to names, not "
                             f"{kind(node)}{hint}")
            return None
        result: dict[str, tuple[Scalar, str]] = {}
        for key_node, value in node.pairs:
            cid = self.identifier(key_node, "category id")
            name = self.text(value, f"name of category '{cid}'", MAX_ANSWER)
            if cid is None or name is None or not isinstance(key_node, Scalar):
                continue
            if cid in result:
                self.error(key_node, f"category '{cid}' is given twice "
                                     f"(first at line {result[cid][0].line})")
                continue
            result[cid] = (key_node, name)
        return result

    def thin_categories(self, categories: dict[str, tuple[Scalar, str]],
                        questions: list[Question]) -> None:
        counts = {cid: 0 for cid in categories}
        for question in questions:
            if question.category in counts:
                counts[question.category] += 1
        for cid, count in counts.items():
            if count < ROUND_SIZE:
                self.warn(categories[cid][0], f"category '{cid}' has {count} question"
                          f"{'' if count == 1 else 's'}; a round needs {ROUND_SIZE}")

    # -- questions ---------------------------------------------------------
    def questions(self, node: AnyNode, categories: dict[str, tuple[Scalar, str]] | None,
                  pack_id: str) -> list[Question]:
        if not isinstance(node, Sequence):
            hint = "; start each question with '- '" if isinstance(node, Mapping) else ""
            self.error(node, f"'questions' must be a list, not {kind(node)}{hint}")
            return []
        if not node.items:
            if self.partial:
                return []  # the file stopped before its first question ended
            self.error(node, "a pack needs at least one question")
            return []
        if len(node.items) > MAX_QUESTIONS:
            self.error(node, f"{len(node.items):,} questions; a pack may hold at most "
                             f"{MAX_QUESTIONS:,}")
            return []
        built: list[Question] = []
        ids: dict[str, int] = {}
        nodes: dict[str, Mapping] = {}  # question id -> its node, for the same-answer check
        items, rejoined = self.joined(node.items)
        for item in items:
            qid, question = self.question(item, categories, pack_id)
            if item in rejoined:
                question = None  # its dashes are errors of its own
            if qid is not None:
                if qid in ids:
                    self.error(item, f"question id '{qid}' is used twice "
                                     f"(first at line {ids[qid]})")
                    question = None  # the first of that id is the one played
                ids.setdefault(qid, item.line)
            if question is not None:
                built.append(question)
                if isinstance(item, Mapping):
                    nodes[question.id] = item
        self.left_out = len(items) - len(built)
        self.same_answers(built, nodes)
        return built

    def same_answers(self, questions: list[Question], nodes: dict[str, Mapping]) -> None:
        """Two choice or typed questions with one answer most likely ask one fact: unless they
        say so with a shared `fact`, a game could deal both and one would give the other away."""
        first: dict[str, Question] = {}
        for question in questions:
            if question.type not in (QuestionType.CHOICE, QuestionType.TEXT) \
                    or not isinstance(question.answer, str):
                continue
            same = " ".join(question.answer.casefold().split())
            earlier = first.setdefault(same, question)
            if earlier is question or earlier.fact_id == question.fact_id:
                continue
            node = nodes[question.id]
            where = next((v for k, v in node.pairs if _key(k) == "answer"), node)
            self.warn(where, f"same answer as '{earlier.id}' at line {nodes[earlier.id].line}: "
                             "if they ask the same fact, give both the same `fact`")

    def joined(self, items: list[AnyNode]) -> tuple[list[AnyNode], list[AnyNode]]:
        """Questions written with a '- ' before every field (`- id: a`, `- prompt: ...`)
        joined back into one each, with an error at every '- ' too many: the author then
        hears about the dashes once, and about the question's own problems, not of a pile
        of one-field questions."""
        joined: list[AnyNode] = []
        rejoined: list[AnyNode] = []  # the questions put back together
        for item in items:
            previous = joined[-1] if joined else None
            keys = [_key(k) for k, _ in item.pairs] if isinstance(item, Mapping) else []
            if keys and keys[0] in QUESTION_KEYS and "id" not in keys and \
                    isinstance(previous, Mapping) and _first_key(previous) == "id" and \
                    isinstance(item, Mapping) and item.column == previous.column and \
                    not set(keys) & {_key(k) for k, _ in previous.pairs}:
                key = keys[0]
                self.error_at(item.line, max(1, item.column - 2),
                              f"this '- ' starts a new question at '{key}'; only the first "
                              f"field of a question takes '- ': remove it and line '{key}' "
                              "up with 'id' above")
                whole = Mapping(previous.line, previous.column, previous.tag,
                                previous.pairs + item.pairs)
                joined[-1] = whole
                rejoined = [q for q in rejoined if q is not previous] + [whole]
                continue
            joined.append(item)
        return joined, rejoined

    def question(self, node: AnyNode, categories: dict[str, tuple[Scalar, str]] | None,
                 pack_id: str) -> tuple[str | None, Question | None]:
        """The question's id (when readable) and the Question (when it has no errors)."""
        if not isinstance(node, Mapping):
            fix = "; only the first field of a question takes a '- '" \
                if isinstance(node, Sequence) else ""
            self.error(node, f"each question must be a mapping of fields, not "
                             f"{kind(node)}{fix}")
            return None, None
        errors_before = self.error_count
        keys = self.fields(node, QUESTION_KEYS, "a question")
        for required in ("id", "category", "prompt"):
            if required not in keys:
                self.error(node, f"question is missing '{required}'")
        qid = self.identifier(keys["id"], "id") if "id" in keys else None
        label = f"question '{qid}'" if qid else "question"

        category = self.text(keys["category"], "category") if "category" in keys else None
        if category is not None and categories is not None and category not in categories:
            hint = difflib.get_close_matches(category, list(categories), n=1)
            self.error(keys["category"], f"unknown category '{category}'" +
                       (f"; did you mean '{hint[0]}'?" if hint else
                        f"; the pack's categories are: {', '.join(categories)}"))

        qtype = self.choose(keys.get("type"), QuestionType, QuestionType.CHOICE, "type")
        difficulty = self.choose(keys.get("difficulty"), Difficulty, Difficulty.MEDIUM,
                                 "difficulty")
        prompt = self.text(keys["prompt"], "prompt", MAX_PROMPT) if "prompt" in keys else None
        if prompt is not None and not layout.fits(prompt, layout.PROMPT_BOX):
            self.warn(keys["prompt"], f"the prompt of {label} will not fit its box on a "
                                      "1280x720 screen; shorten it")

        fields_of_type: dict[str, object] = {}
        if qtype is not None:
            for extra in ("answer", "wrong", "accept", "items"):
                if extra in keys and extra not in TYPE_FIELDS[qtype]:
                    self.error(keys[extra], f"'{extra}' is not used by {qtype.value} questions")
            fields_of_type = self.type_fields(node, keys, qtype, label)

        explain = self.text(keys["explain"], "explain") if "explain" in keys else None
        if "explain" not in keys:
            self.warn(node, f"{label} has no 'explain'; players like to learn why")
        source = self.text(keys["source"], "source") if "source" in keys else None
        image = self.image(keys["image"]) if "image" in keys else None
        time = self.time(keys["time"]) if "time" in keys else None
        fact = self.identifier(keys["fact"], "fact") if "fact" in keys else None

        if self.error_count > errors_before or None in (qid, category, prompt, qtype,
                                                          difficulty):
            return qid, None
        assert qid is not None and category is not None and prompt is not None
        assert qtype is not None and difficulty is not None
        return qid, Question(
            id=qid, category=category, prompt=prompt, type=qtype, difficulty=difficulty,
            explain=explain, source=source, image=image, time=time, fact=fact,
            pack_id=pack_id,
            **fields_of_type,  # type: ignore[arg-type]
        )

    def type_fields(self, node: Mapping, keys: dict[str, AnyNode], qtype: QuestionType,
                    label: str) -> dict[str, object]:
        if qtype is QuestionType.ORDER:
            if "items" not in keys:
                self.error(node, f"{label} is an order question and needs 'items'")
                return {}
            items = self.text_list(keys["items"], "items", MAX_ANSWER)
            if isinstance(keys["items"], Sequence) and not 3 <= len(keys["items"].items) <= 6:
                self.error(keys["items"], f"an order question needs 3 to 6 items, "
                                          f"not {len(keys['items'].items)}")
            self.distinct(items, "items")
            self.fit_answers(items, layout.ITEM_BOX, label)
            return {"items": tuple(value for _, value in items)}
        if "answer" not in keys:
            self.error(node, f"{label} is missing 'answer'")
            return {}
        if qtype is QuestionType.TRUEFALSE:
            return {"answer": self.boolean(keys["answer"], "answer")}
        answer = self.text(keys["answer"], "answer", MAX_ANSWER)
        answer_entry = [(keys["answer"], answer)] if answer is not None and \
            isinstance(keys["answer"], Scalar) else []
        if qtype is QuestionType.TEXT:
            accept = self.text_list(keys["accept"], "accept", MAX_ANSWER) \
                if "accept" in keys else []
            return {"answer": answer, "accept": tuple(value for _, value in accept)}
        if "wrong" not in keys:
            self.error(node, f"{label} is a choice question and needs 'wrong' answers")
            return {"answer": answer}
        wrong = self.text_list(keys["wrong"], "wrong", MAX_ANSWER)
        if isinstance(keys["wrong"], Sequence) and not 1 <= len(keys["wrong"].items) <= 5:
            self.error(keys["wrong"], f"a choice question needs 1 to 5 wrong answers, "
                                      f"not {len(keys['wrong'].items)}")
        self.distinct(answer_entry + wrong, "answer and wrong answers")
        self.fit_answers(answer_entry + wrong, layout.ANSWER_BOX, label)
        return {"answer": answer, "wrong": tuple(value for _, value in wrong)}

    def fit_answers(self, entries: list[tuple[Scalar, str]], box: layout.TextBox,
                    label: str) -> None:
        for node, value in entries:
            if not layout.fits(value, box):
                self.warn(node, f"'{value}' in {label} will not fit its box on a 1280x720 "
                                "screen; shorten it")

    def time(self, node: AnyNode) -> int | None:
        seconds = self.integer(node, "time")
        low, high = TIME_RANGE
        if seconds is not None and not low <= seconds <= high:
            self.error(node, f"'time' must be between {low} and {high} seconds, not {seconds}")
            return None
        return seconds

    # -- files beside the pack: pictures and a font -------------------------
    def pack_file(self, node: AnyNode, key: str, what: str) -> Path | None:
        """The resolved path a pack names for `key`, held to the rules of both images and
        fonts: relative, inside the pack's folder (links too), a regular file."""
        value = self.text(node, key)
        if value is None:
            return None
        relative = Path(value)
        if relative.is_absolute() or value.startswith(("/", "\\")) or \
                re.match(r"^[A-Za-z]:", value):
            self.error(node, f"'{key}' must be a path relative to the pack file, not '{value}'")
            return None
        if ".." in relative.parts or ".." in value.split("\\"):
            self.error(node, f"'{key}' may not leave the pack's folder ('..' in '{value}')")
            return None
        if self.base_dir is None:
            return None  # text checked without a file: nothing to look at
        base = self.base_dir.resolve()
        target = base / relative
        try:
            resolved = target.resolve()
        except (OSError, RuntimeError):
            resolved = target
        if base not in resolved.parents:
            self.error(node, f"'{key}' '{value}' links outside the pack's folder")
            return None
        try:
            files.regular_size(resolved)
        except files.FileProblem as problem:
            if problem.missing:
                hint = f"; write folders with '/', as in '{value.replace(chr(92), '/')}'" \
                    if "\\" in value else ""
                self.error(node, f"{what} '{value}' not found next to the pack{hint}")
            else:
                self.error(node, f"{what} '{value}' cannot be used: {problem}")
            return None
        return resolved

    def image(self, node: AnyNode) -> Path | None:
        resolved = self.pack_file(node, "image", "image file")
        if resolved is None:
            return None
        try:
            images.open_picture(resolved)
        except images.PictureProblem as problem:
            self.error(node, f"image file '{_shown(node)}': {problem}")
            return None
        return resolved

    def font(self, node: AnyNode) -> Path | None:
        """A pack's own TTF/OTF file; its character map replaces the game font's for the
        warning about characters that cannot be drawn."""
        resolved = self.pack_file(node, "font", "font file")
        if resolved is None:
            return None
        if resolved.suffix.lower() not in fonts.FONT_SUFFIXES:
            self.error(node, f"font file '{_shown(node)}' must be a .ttf or .otf file")
            return None
        try:
            self.coverage = fonts.open_font(resolved)
        except fonts.FontProblem as problem:
            self.error(node, f"font file '{_shown(node)}': {problem}")
            return None
        return resolved

    # -- characters the font cannot draw -----------------------------------
    def text(self, node: AnyNode, name: str, limit: int | None = None) -> str | None:
        value = super().text(node, name, limit)
        if value is not None and name not in _NOT_SHOWN and isinstance(node, Scalar):
            self.drawable(node, name, value)
            cut = cut_by_comment(node, name.removesuffix(" item"), self.lines) \
                if node.plain and self.lines else None
            if cut:
                self.warn(node, cut)
        return value

    def drawable(self, node: Scalar, name: str, value: str) -> None:
        missing = self.coverage.missing(unicodedata.normalize("NFC", value))
        if not missing:
            return
        self.undrawable += 1
        if self.undrawable <= MAX_GLYPH_WARNINGS:
            where = "the pack's font" if self.coverage is not _GAME_FONT else "the game's font"
            self.warn(node, f"'{name}' has characters {where} cannot draw (they would show "
                            f"as empty boxes): {fonts.shown(missing)}" +
                      ("" if where == "the pack's font" else
                       "; a pack may name its own .ttf/.otf with 'font' in 'pack'"))

    def undrawable_summary(self, root: AnyNode) -> None:
        hidden = self.undrawable - MAX_GLYPH_WARNINGS
        if hidden > 0:
            self.warn(root, f"{hidden} more texts have characters the font cannot draw")


def _key(node: AnyNode) -> str | None:
    return node.value if isinstance(node, Scalar) else None


def _first_key(node: Mapping) -> str | None:
    return _key(node.pairs[0][0]) if node.pairs else None


def _shown(node: AnyNode) -> str:
    return node.value.strip() if isinstance(node, Scalar) else kind(node)


@dataclass(frozen=True)
class Built:
    """The validator's verdict on one file."""

    pack: Pack | None  # the sound questions, when the pack's own parts are sound
    diagnostics: list[Diagnostic]  # in the order of the file
    left_out: int  # question entries with errors, not in `pack`


def build_pack(root: AnyNode | None, file: str, base_dir: Path | None,
               path: Path | None = None, builtin: bool = False,
               partial: bool = False, text: str | None = None) -> Built:
    """Check a composed file; `partial`: only the part before a syntax error (no pack);
    `text`: the file's own text, to spot texts YAML cut short."""
    checker = _Checker(file, base_dir=base_dir, partial=partial,
                       lines=text.splitlines() if text else [])
    pack = checker.pack(root, path, builtin)
    # Compiler order: by place in the file, whatever order the checks ran in.
    ordered = sorted(checker.diagnostics, key=lambda d: (d.line, d.column))
    return Built(pack, ordered, checker.left_out)
