"""Finding packs: the built-in ones, the player's own, and any named on the command line."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Final

from quiz import paths
from quiz.packs.loader import load_pack
from quiz.packs.model import Diagnostic, LoadResult, Pack, Severity

PACK_SUFFIXES: Final = (".yaml", ".yml")


def _pack_files(folder: Path) -> list[Path]:
    """Pack files directly in `folder`, and one level down (a pack with its images)."""
    if not folder.is_dir():
        return []
    found: list[Path] = []
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        if entry.is_file() and entry.suffix.lower() in PACK_SUFFIXES:
            found.append(entry)
        elif entry.is_dir() and not entry.name.startswith("."):
            try:
                found.extend(sorted(p for p in entry.iterdir()
                                    if p.is_file() and p.suffix.lower() in PACK_SUFFIXES))
            except OSError:
                continue
    return found


def _with_unique_ids(results: Iterable[LoadResult]) -> list[LoadResult]:
    """A pack whose id an earlier pack already uses is reported broken, not loaded twice."""
    seen: dict[str, Path] = {}
    checked: list[LoadResult] = []
    for result in results:
        pack = result.pack
        if pack is not None and result.ok:
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
    results = [load_pack(p, builtin=True) for p in _pack_files(paths.builtin_packs_dir())]
    results += [load_pack(p) for p in _pack_files(paths.user_packs_dir())]
    results += [load_pack(p) for p in extra]
    return _with_unique_ids(results)


def playable(results: Iterable[LoadResult]) -> list[Pack]:
    return [r.pack for r in results if r.ok and r.pack is not None]


class PackNotFound(LookupError):
    pass


def resolve(specs: Iterable[str]) -> list[Pack]:
    """Packs named by id (among built-in and user packs) or by a path to a pack file.

    Raises PackNotFound with a one-line, player-readable reason.
    """
    specs = list(specs)
    paths_given = [Path(s) for s in specs if Path(s).suffix.lower() in PACK_SUFFIXES
                   or Path(s).exists()]
    known = discover(p for p in paths_given if p.is_file())
    by_id = {r.pack.id: r for r in known if r.ok and r.pack is not None}
    by_path = {r.path.resolve(): r for r in known}
    chosen: list[Pack] = []
    for spec in specs:
        candidate = Path(spec)
        result = by_path.get(candidate.resolve()) if candidate.is_file() else by_id.get(spec)
        if result is None:
            if candidate.suffix.lower() in PACK_SUFFIXES or candidate.exists():
                raise PackNotFound(f"no pack file at {spec}")
            names = ", ".join(sorted(by_id)) or "none"
            raise PackNotFound(f"no pack with id '{spec}' (available: {names})")
        if not result.ok or result.pack is None:
            first = result.errors[0] if result.errors else None
            raise PackNotFound(f"pack {spec} has errors: {first}" if first else
                               f"pack {spec} cannot be played")
        if result.pack not in chosen:
            chosen.append(result.pack)
    return chosen
