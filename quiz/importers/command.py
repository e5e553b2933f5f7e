"""`heat-quiz packs import FILE`: any supported file in, one installed pack folder out.

Our own packs (.yaml, or a .zip from `packs export`) are validated and
copied with their pictures; every other format is converted through the
shared pipeline. Nothing is written unless everything in the file came
through, or the author asked for `--lenient` (the sound questions only).
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any, Final, TextIO

from quiz import paths
from quiz.files import FileProblem, read_limited, shown_path
from quiz.importers import archive, install
from quiz.importers.draft import NotThisFormat, slug
from quiz.importers.formats import NAMES, PACK, SUPPORTED, ZIP, Unsupported, detect, reader
from quiz.importers.pipeline import build
from quiz.importers.source import MAX_SOURCE_BYTES, SourceProblem
from quiz.packs.fields import ID_PATTERN
from quiz.packs.loader import load_bytes
from quiz.packs.model import LoadResult
from quiz.packs.registry import PACK_SUFFIXES
from quiz.storage.problems import folder_problem, plain_reason

_ZIP_KEPT: Final = (*PACK_SUFFIXES, ".png", ".jpg", ".jpeg", ".ttf", ".otf", ".txt", ".md")


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _fail(message: str) -> int:
    print(f"heat-quiz: {message}", file=sys.stderr)
    return 1


def _report(result: LoadResult, out: TextIO) -> bool:
    for diagnostic in result.diagnostics:
        print(diagnostic, file=out)
    if result.ok and result.pack is not None:
        return True
    print(f"not imported: {_plural(len(result.errors), 'error')}; "
          "`heat-quiz packs validate` explains each", file=out)
    return False


class _FolderUnusable(Exception):
    """The user packs folder cannot take a pack; the message says why, plainly."""


def _staging() -> Path:
    folder = paths.user_packs_dir()
    problem = folder_problem(folder)
    if problem:
        raise _FolderUnusable(problem)
    return install.staging_folder()


def _finish(staged: Path, staging: Path, result: LoadResult, force: bool,
            out: TextIO, left_out: int = 0) -> int:
    assert result.pack is not None
    pack = result.pack
    try:
        folder = install.commit(staged, staging, pack.id, force)
    except install.InstallProblem as problem:
        return _fail(str(problem))
    extra = f", {left_out:,} left out" if left_out else ""
    print(f"imported '{pack.title}' ({_plural(len(pack.questions), 'question')}{extra}) as "
          f"pack '{pack.id}' to {folder}", file=out)
    return 0


def _import_pack(source: Path, data: bytes, args: argparse.Namespace, out: TextIO) -> int:
    result = load_bytes(data, str(source), base_dir=source.parent, path=source)
    if not _report(result, out):
        return 1
    assert result.pack is not None
    staging = _staging()
    try:
        staged = staging / "pack"
        staged.mkdir()
        (staged / source.name).write_bytes(data)  # the bytes that were validated
        base = source.parent.resolve()
        for image in sorted({q.image for q in result.pack.questions if q.image is not None}):
            relative = image.relative_to(base)
            (staged / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(image, staged / relative)
        return _finish(staged, staging, result, args.force, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _import_zip(source: Path, data: bytes, args: argparse.Namespace, out: TextIO) -> int:
    staging = _staging()
    try:
        return _unpack_and_install(source, data, staging, args, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _unpack_and_install(source: Path, data: bytes, staging: Path, args: argparse.Namespace,
                        out: TextIO) -> int:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as shared:
            members = [m for m in archive.check_members(shared)
                       if not archive.is_clutter(m.filename)]
            packs = [m for m in members if PurePosixPath(m.filename).suffix.lower()
                     in PACK_SUFFIXES]
            if len(packs) != 1:
                names = ", ".join(m.filename for m in packs[:5]) or "none"
                return _fail(f"{source}: a shared pack zip holds exactly one pack file "
                             f"(.yaml); this one holds {len(packs)} ({names})")
            root = PurePosixPath(packs[0].filename.replace("\\", "/")).parent
            kept, left = [], []
            for member in members:
                path = archive.safe_name(member.filename)
                if root != PurePosixPath(".") and root not in path.parents:
                    left.append(member.filename)
                elif path.suffix.lower() in _ZIP_KEPT:
                    kept.append(member)
                else:
                    left.append(member.filename)
            archive.extract(shared, kept, staging / "unpacked")
    except archive.ArchiveProblem as problem:
        return _fail(f"{source}: not imported: {problem}")
    except zipfile.BadZipFile as bad:
        return _fail(f"{source}: not a readable zip file ({bad})")
    for name in left:
        print(f"{source}: note: '{name}' is not part of the pack and is left out", file=out)
    inside = archive.safe_name(packs[0].filename)
    pack_file = (staging / "unpacked").joinpath(*inside.parts)
    result = load_bytes(pack_file.read_bytes(), f"{source}/{inside}",
                        base_dir=pack_file.parent, path=pack_file)
    if not _report(result, out):
        return 1
    return _finish(pack_file.parent, staging, result, args.force, out)


def _import_converted(kind: str, source: Path, data: bytes, args: argparse.Namespace,
                      out: TextIO) -> int:
    if len(data) > MAX_SOURCE_BYTES:
        return _fail(f"{source} is larger than {MAX_SOURCE_BYTES // 2**20} MiB")
    title = args.title or source.stem.replace("_", " ").strip() or "Imported pack"
    pack_id = args.id or slug(source.stem, "imported")
    draft, encoding = reader(kind)(data, str(source), title)
    outcome = build(draft, pack_id, title)
    read_as = f"{source}: read as {draft.format_name}" + (f", {encoding} text" if encoding
                                                         else "")
    print(read_as, file=out)
    for note in sorted(outcome.skipped + outcome.warnings,
                       key=lambda n: (n.line is None, n.line or 0, n.column or 0)):
        print(note, file=out)
    sound = len(outcome.pack.questions) if outcome.pack is not None else 0
    left_out = outcome.total - sound
    if outcome.pack is None or outcome.text is None:
        print(f"not imported: no question of {_plural(outcome.total, 'question')} came "
              "through", file=out)
        return 1
    if outcome.skipped and not args.lenient:
        print(f"not imported: {_plural(len(outcome.skipped), 'problem')} above; "
              f"{left_out:,} of {_plural(outcome.total, 'question')} would be left out. "
              f"Fix them, or add --lenient to import the {sound:,} that are sound", file=out)
        return 1
    staging = _staging()
    try:
        staged = staging / "pack"
        staged.mkdir()
        pack_file = staged / f"{pack_id}.yaml"
        pack_file.write_bytes(outcome.text.encode("utf-8"))
        result = LoadResult(pack_file, outcome.pack, ())
        return _finish(staged, staging, result, args.force, out, left_out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    source = Path(args.file)
    if args.id is not None and not ID_PATTERN.match(args.id):
        print(f"heat-quiz: --id '{args.id}' must use lower-case letters, digits and single "
              "'-' between them", file=sys.stderr)
        return 2
    try:
        # Read once: the bytes checked are the bytes installed, even if the file changes.
        data = read_limited(source, archive.MAX_TOTAL_BYTES, "file")
    except FileProblem as bad:
        print(f"heat-quiz: cannot read {shown_path(source)}: {bad}", file=sys.stderr)
        return 2 if bad.missing else 1
    try:
        kind = args.format or detect(source, data)
        if kind == PACK:
            return _import_pack(source, data, args, out)
        if kind == ZIP:
            return _import_zip(source, data, args, out)
        return _import_converted(kind, source, data, args, out)
    except SourceProblem as problem:
        return _fail(str(problem))
    except _FolderUnusable as problem:
        return _fail(f"cannot import into the packs folder {paths.user_packs_dir()}: "
                     f"{problem}")
    except OSError as bad:
        folder = paths.user_packs_dir()
        return _fail(f"cannot import into the packs folder {folder}: "
                     f"{plain_reason(bad, folder)}")
    except Unsupported as problem:
        return _fail(f"{problem}; {SUPPORTED}")
    except NotThisFormat as problem:
        print(problem, file=out)
        return 1


def add_import_command(pack_commands: Any) -> None:
    command = pack_commands.add_parser(
        "import", help="add a pack, or questions from a spreadsheet, GIFT or OpenTDB file",
        description="Validate a pack (or a .zip made by 'packs export') and install it, with "
                    "its pictures, in your packs folder. Other files are converted first: "
                    "Open Trivia Database JSON, CSV (Kahoot!'s quiz template or a header "
                    "row), Excel .xlsx and Moodle GIFT. Every question that cannot be used "
                    "is named by its row or line, and nothing is installed unless they all "
                    "came through, or --lenient is given.")
    command.add_argument("file", metavar="FILE", help="the file to import")
    command.add_argument("--id", help="pack id for a converted file (default: from the name)")
    command.add_argument("--title", help="pack title for a converted file")
    command.add_argument("--format", choices=NAMES,
                         help="read the file as this format, whatever its name says")
    command.add_argument("--lenient", action="store_true",
                         help="install a converted file's sound questions even if some "
                              "cannot be used")
    command.add_argument("--force", action="store_true", help="replace an installed pack")
    command.set_defaults(handler=cmd_import)

