"""Finding packs: the built-in ones, the player's own, and any named on the command line."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Final

from quiz import paths
from quiz.files import FileProblem, examine, is_dir, shown_path
from quiz.packs.loader import load_pack
from quiz.packs.model import Diagnostic, LoadResult, Pack, Severity

PACK_SUFFIXES: Final = (".yaml", ".yml")


def pack_files(folder: Path, depth: int = 1) -> list[Path]:
    """Pack files in `folder` and up to `depth` levels of sub-folders (a pack with its
    images sits one level down).

    Directory links are never followed (a `selfdir -> .` link would list every pack
    twice), each real file is listed once however many links name it, and an entry
    with a pack's name that is not a regular file (a FIFO, a device) is listed so the
    loader reports it, without opening it.
    """
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()

    def visit(where: Path, levels_left: int) -> None:
        try:
            entries = sorted(os.scandir(where), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
                linked_dir = not is_dir and entry.is_symlink() and entry.is_dir()
            except OSError:
                continue
            if is_dir:
                if levels_left > 0 and not entry.name.startswith("."):
                    visit(Path(entry.path), levels_left - 1)
                continue
            if linked_dir or Path(entry.name).suffix.lower() not in PACK_SUFFIXES:
                continue
            try:
                info = entry.stat()
                identity = (info.st_dev, info.st_ino)
            except OSError:
                identity = None  # a dangling link: listed, and the loader says so
            if identity is not None and stat.S_ISREG(info.st_mode):
                if identity in seen:
                    continue
                seen.add(identity)
            found.append(Path(entry.path))

    if is_dir(folder):
        visit(folder, depth)
    return found


def _with_unique_ids(results: Iterable[LoadResult]) -> list[LoadResult]:
    """A pack whose id an earlier pack already uses is reported broken, not loaded twice."""
    seen: dict[str, Path] = {}
    checked: list[LoadResult] = []
    for result in results:
        pack = result.pack
        if pack is not None:
            if pack.id in seen:
                clash = Diagnostic(Severity.ERROR, str(result.path), 1, 1,
                                   f"pack id '{pack.id}' is already used by {seen[pack.id]}")
                result = replace(result, pack=None, diagnostics=(clash, *result.diagnostics))
            else:
                seen[pack.id] = result.path
        checked.append(result)
    return checked


def discover(extra: Iterable[Path] = ()) -> list[LoadResult]:
    """Built-in packs, then the user's packs folder, then `extra` files, all validated."""
    results = [load_pack(p, builtin=True) for p in pack_files(paths.builtin_packs_dir())]
    results += [load_pack(p) for p in pack_files(paths.user_packs_dir())]
    results += [load_pack(p) for p in extra]
    return _with_unique_ids(results)


def playable(results: Iterable[LoadResult]) -> list[Pack]:
    """The packs a game may deal from: those with no errors, and those whose questions
    with errors are left out (lenient play)."""
    return [r.pack for r in results if r.pack is not None]


class PackNotFound(LookupError):
    pass


def _names_a_file(spec: str) -> bool:
    """A spec is a path (not an id) when it looks like one or something is there."""
    if "/" in spec or os.sep in spec or Path(spec).suffix.lower() in PACK_SUFFIXES:
        return True
    try:
        examine(spec)
    except FileProblem:
        return False
    return True


def resolve(specs: Iterable[str], notes: list[str] | None = None) -> list[Pack]:
    """Packs named by id (among built-in and user packs) or by a path to a pack file.

    Raises PackNotFound with a one-line, player-readable reason. A pack that plays only its
    sound questions adds a line saying so to `notes`, when given.
    """
    specs = list(specs)
    files_given: dict[str, Path] = {}
    for spec in specs:
        if _names_a_file(spec):
            try:
                examine(spec)
            except FileProblem as problem:
                raise PackNotFound(f"{shown_path(spec)}: {problem}") from None
            files_given[spec] = Path(spec)
    known = discover(files_given.values())
    by_id = {r.pack.id: r for r in known if r.pack is not None}
    by_path = {_real(r.path): r for r in known}
    chosen: list[Pack] = []
    for spec in specs:
        if spec in files_given:
            result = by_path.get(_real(files_given[spec]))
        else:
            result = by_id.get(spec)
        if result is None:
            names = ", ".join(sorted(by_id)) or "none"
            raise PackNotFound(f"no pack with id '{spec}' (available: {names})")
        if result.pack is None:
            first = result.errors[0] if result.errors else None
            every = f"all {result.left_out} of its questions have errors; " \
                if result.left_out > 1 else ""
            raise PackNotFound(f"pack {shown_path(spec)} has errors: {every}{first}" if first
                               else f"pack {shown_path(spec)} cannot be played")
        if result.pack not in chosen:
            chosen.append(result.pack)
            if notes is not None and result.left_out:
                kept = len(result.pack.questions)
                notes.append(f"pack {result.pack.id}: {kept} question{'s' * (kept != 1)} play, "
                             f"{result.left_out} left out (heat-quiz packs validate "
                             f"{shown_path(str(result.path))} says why)")
    return chosen


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()
