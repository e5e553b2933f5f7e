"""Putting a pack into the user packs folder, one folder per pack, all or nothing.

Files are first written to a hidden staging folder inside the packs folder
(the pack finder skips names starting with '.'), then the staging folder is
renamed into place: a reader never sees half a pack, and a failed import
leaves nothing behind. An installed pack with the same id is replaced only
when asked, and a built-in pack's id is never taken.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from quiz import paths
from quiz.packs.registry import PACK_SUFFIXES, discover


class InstallProblem(Exception):
    """The pack cannot be installed; the message says why and what to do."""


@dataclass(frozen=True)
class Installed:
    pack_id: str
    path: Path  # where an installed pack with this id lives (a file)
    builtin: bool


def installed(pack_id: str) -> list[Installed]:
    """Every pack (built-in or the player's) that uses `pack_id`."""
    found = []
    for result in discover():
        if result.pack is not None and result.pack.id == pack_id:
            found.append(Installed(pack_id, result.path, result.pack.builtin))
    return found


def staging_folder() -> Path:
    folder = paths.user_packs_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=".incoming-", dir=folder))


def _own_folder(pack_file: Path) -> Path | None:
    """The folder holding only this pack (a folder of the packs folder), if it is one."""
    root = paths.user_packs_dir().resolve()
    parent = pack_file.resolve().parent
    if parent.parent != root:
        return None
    others = [p for p in parent.iterdir() if p.suffix.lower() in PACK_SUFFIXES
              and p.resolve() != pack_file.resolve()]
    return None if others else parent


def remove_installed(pack_file: Path) -> Path:
    """Delete an installed pack: its folder when it has one of its own, else the file."""
    folder = _own_folder(pack_file)
    if folder is not None and not folder.is_symlink():
        shutil.rmtree(folder)
        return folder
    pack_file.unlink()
    return pack_file


def commit(staged_root: Path, staging: Path, pack_id: str, force: bool) -> Path:
    """Move the staged pack folder to `<packs>/<pack_id>`; returns the new folder.

    `staged_root` is the folder holding the pack file, inside `staging` (which the
    caller removes); the pack it replaces, if any, is removed here.
    """
    try:
        clashes = installed(pack_id)
        builtin = [c for c in clashes if c.builtin]
        if builtin:
            raise InstallProblem(f"the built-in pack uses the id '{pack_id}'; give yours "
                                 "another id")
        if clashes and not force:
            raise InstallProblem(f"a pack '{pack_id}' is already installed at "
                                 f"{clashes[0].path}; use --force to replace it")
        target = paths.user_packs_dir() / pack_id
        if target.exists() and not clashes and not force:
            raise InstallProblem(f"{target} already exists; use --force to replace it")
        old = staging.with_name(f".replaced{staging.name}")
        if target.exists() or target.is_symlink():
            target.rename(old)
        try:
            staged_root.rename(target)
        except OSError:
            if old.exists():
                old.rename(target)  # put the pack that was there back
            raise
        for clash in clashes:  # a flat file or another folder holding the same id
            if clash.path.exists() and target not in clash.path.resolve().parents:
                remove_installed(clash.path)
        return target
    finally:
        shutil.rmtree(staging.with_name(f".replaced{staging.name}"), ignore_errors=True)
