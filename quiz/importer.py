"""`heat-quiz packs import`: bring a pack into the user packs folder.

Two kinds of file come in: a pack in our own format (validated, then copied
with any images it uses), or questions in the Open Trivia Database's JSON
format (converted to a format-1 pack, then validated like any other). Nothing
is written unless the result validates with no errors, and an existing pack is
never overwritten without --force.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import sys
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import yaml

from quiz import paths
from quiz.files import FileProblem, read_limited, shown_path
from quiz.packs.loader import MAX_FILE_BYTES, load_bytes
from quiz.packs.model import Pack
from quiz.packs.validate import MAX_ANSWER, MAX_PROMPT
from quiz.storage.problems import folder_problem, plain_reason

_DIFFICULTIES = {"easy", "medium", "hard"}


@dataclass
class Converted:
    text: str
    imported: int
    skipped: list[str] = field(default_factory=list)


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "general"


class NotOpenTdb(ValueError):
    """The file is JSON, but not in the Open Trivia Database's shape."""


def convert_opentdb(data: Any, pack_id: str, title: str) -> Converted:
    """A format-1 pack text from an OpenTDB response; entries that cannot be played are skipped."""
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise NotOpenTdb("not an Open Trivia Database file: expected an object with 'results'")
    categories: dict[str, str] = {}
    questions: list[dict[str, Any]] = []
    skipped: list[str] = []
    for number, entry in enumerate(data["results"], start=1):
        problem = _opentdb_problem(entry)
        if problem:
            skipped.append(f"result {number}: {problem}")
            continue
        name = html.unescape(entry.get("category") or "General").strip() or "General"
        category = _slug(name.split(":")[-1])
        categories.setdefault(category, name)
        prompt = html.unescape(entry["question"]).strip()
        question: dict[str, Any] = {"id": f"q{number}", "category": category,
                                    "difficulty": entry["difficulty"], "prompt": prompt}
        if entry["type"] == "boolean":
            question["type"] = "truefalse"
            question["answer"] = entry["correct_answer"].strip().lower() == "true"
        else:
            question["type"] = "choice"
            question["answer"] = html.unescape(entry["correct_answer"]).strip()
            question["wrong"] = [html.unescape(w).strip() for w in entry["incorrect_answers"]]
        question["explain"] = f"The answer: {html.unescape(str(entry['correct_answer']))}."
        question["source"] = "Open Trivia Database (CC BY-SA 4.0)"
        questions.append(question)
    document = {
        "format": 1,
        "pack": {"id": pack_id, "title": title,
                 "description": "Imported from an Open Trivia Database file.",
                 "version": "1", "language": "en"},
        "categories": categories,
        "questions": questions,
    }
    text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100,
                          default_style=None)
    return Converted(text, len(questions), skipped)


def _opentdb_problem(entry: Any) -> str | None:
    if not isinstance(entry, dict):
        return "not an object"
    for key in ("type", "difficulty", "question", "correct_answer"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            return f"'{key}' is missing or not text"
    if entry["type"] not in ("multiple", "boolean"):
        return f"unknown type '{entry['type']}'"
    if entry["difficulty"] not in _DIFFICULTIES:
        return f"unknown difficulty '{entry['difficulty']}'"
    if len(html.unescape(entry["question"])) > MAX_PROMPT:
        return f"the question is longer than {MAX_PROMPT} characters"
    if entry["type"] == "boolean":
        if entry["correct_answer"].strip().lower() not in ("true", "false"):
            return "a boolean question's answer must be True or False"
        return None
    wrong = entry.get("incorrect_answers")
    if not isinstance(wrong, list) or not 1 <= len(wrong) <= 5 or \
            not all(isinstance(w, str) and w.strip() for w in wrong):
        return "'incorrect_answers' must be a list of 1 to 5 texts"
    texts = [html.unescape(t).strip() for t in [entry["correct_answer"], *wrong]]
    if len({t.casefold() for t in texts}) != len(texts):
        return "two answers are the same"
    if any(len(t) > MAX_ANSWER for t in texts):
        return f"an answer is longer than {MAX_ANSWER} characters"
    return None


def _destination(pack: Pack, folder: Path, with_images: bool) -> Path:
    return folder / pack.id / f"{pack.id}.yaml" if with_images else folder / f"{pack.id}.yaml"


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    source = Path(args.file)
    target_dir = paths.user_packs_dir()
    try:
        # Read once: the bytes validated are the bytes written, even if the file changes.
        raw = read_limited(source, MAX_FILE_BYTES, "file")
    except FileProblem as bad:
        print(f"heat-quiz: cannot read {shown_path(source)}: {bad}", file=sys.stderr)
        return 2 if bad.missing else 1
    skipped: list[str] = []
    if source.suffix.lower() == ".json":
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except json.JSONDecodeError as bad:
            print(f"{source}:{bad.lineno}:{bad.colno}: error: {bad.msg}", file=out)
            return 1
        except UnicodeDecodeError as bad:
            print(f"{source}:1:1: error: cannot read the file as UTF-8 text ({bad})", file=out)
            return 1
        pack_id = args.id or _slug(source.stem)
        try:
            converted = convert_opentdb(data, pack_id, args.title or source.stem)
        except NotOpenTdb as bad:
            print(f"{source}:1:1: error: {bad}", file=out)
            return 1
        skipped = converted.skipped
        payload = converted.text.encode("utf-8")
        result = load_bytes(payload, f"{source} (converted)")
    else:
        payload = raw
        result = load_bytes(payload, str(source), base_dir=source.parent, path=source)
    for diagnostic in result.diagnostics:
        print(diagnostic, file=out)
    for reason in skipped:
        print(f"{source}: skipped {reason}", file=out)
    if not result.ok or result.pack is None:
        print(f"not imported: {len(result.errors)} error(s)", file=out)
        return 1
    pack = result.pack
    images = sorted({q.image for q in pack.questions if q.image is not None})
    destination = _destination(pack, target_dir, bool(images))
    problem = folder_problem(target_dir)
    if problem:
        print(f"heat-quiz: cannot import into the packs folder {target_dir}: {problem}",
              file=sys.stderr)
        return 1
    if destination.exists() and not args.force:
        print(f"heat-quiz: a pack '{pack.id}' is already installed at {destination}; "
              "use --force to replace it", file=sys.stderr)
        return 1
    try:
        _install(payload, images, source, destination)
    except OSError as error:
        reason = plain_reason(error, destination.parent)
        print(f"heat-quiz: cannot import into the packs folder {target_dir}: {reason}",
              file=sys.stderr)
        return 1
    print(f"imported '{pack.title}' ({len(pack.questions)} questions) as pack '{pack.id}' "
          f"to {destination}", file=out)
    return 0


def _install(payload: bytes, images: list[Path], source: Path, destination: Path) -> None:
    """Write the pack and its images; the pack file appears last, whole, or not at all."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    temporary = destination.with_suffix(".yaml.tmp")
    try:
        temporary.write_bytes(payload)
        for image in images:
            relative = image.relative_to(source.parent.resolve())
            (destination.parent / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(image, destination.parent / relative)
        temporary.replace(destination)
    except BaseException:
        with suppress(OSError):
            temporary.unlink()
        raise


def add_import_command(pack_commands: Any) -> None:
    command = pack_commands.add_parser(
        "import", help="add a pack (ours, or Open Trivia Database JSON) to your packs",
        description="Validate a pack and copy it, with its images, into your packs folder. "
                    "An Open Trivia Database JSON file (.json) is converted to a pack first; "
                    "questions it cannot use are skipped and named.")
    command.add_argument("file", metavar="FILE", help="a .yaml/.yml pack or an OpenTDB .json")
    command.add_argument("--id", help="pack id for a converted file (default: from the name)")
    command.add_argument("--title", help="pack title for a converted file")
    command.add_argument("--force", action="store_true", help="replace an installed pack")
    command.set_defaults(handler=cmd_import)
