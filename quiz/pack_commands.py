"""`heat-quiz packs new | remove | export`: start a pack, take one away, send one.

`import` lives in quiz/importers/command.py; `export` writes the zip that
`import` takes back.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import zipfile
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from quiz import paths
from quiz.importers.command import add_import_command
from quiz.importers.draft import slug
from quiz.importers.install import remove_installed
from quiz.packs.model import LoadResult
from quiz.packs.registry import discover


def _fail(message: str, code: int = 1) -> int:
    print(f"heat-quiz: {message}", file=sys.stderr)
    return code


def template(pack_id: str, title: str) -> str:
    text = (resources.files("quiz") / "templates" / "new-pack.yaml").read_text("utf-8")
    # a JSON string is a valid YAML double-quoted scalar, whatever the title holds
    return text.replace("__ID__", pack_id).replace("__TITLE__",
                                                   json.dumps(title, ensure_ascii=False))


def cmd_new(args: argparse.Namespace, out: TextIO) -> int:
    pack_id = slug(args.name, "")
    if not pack_id:
        return _fail(f"'{args.name}' gives no pack id; use letters or digits", 2)
    target = Path(args.out) if args.out else Path(f"{pack_id}.yaml")
    if target.exists() or target.is_symlink():
        return _fail(f"{target} already exists; choose another name or --out")
    try:
        with target.open("x", encoding="utf-8") as handle:  # "x": never over a file
            handle.write(template(pack_id, args.name.strip()))
    except OSError as bad:
        return _fail(f"cannot write {target}: {bad.strerror or bad}")
    print(f"wrote {target}: a pack '{pack_id}' with one question of each type", file=out)
    print(f"next: edit it, check it with `heat-quiz packs validate {target}`, then "
          f"`heat-quiz packs import {target}`", file=out)
    return 0


def _by_id(pack_id: str, results: list[LoadResult]) -> LoadResult | None:
    for result in results:
        if result.pack is not None and result.pack.id == pack_id:
            return result
    return None


def _user_pack_by_name(name: str) -> Path | None:
    """A broken user pack has no id to go by: find it by its file or folder name."""
    folder = paths.user_packs_dir()
    for candidate in (folder / name / f"{name}.yaml", folder / f"{name}.yaml",
                      folder / f"{name}.yml"):
        if candidate.is_file():
            return candidate
    return None


def cmd_remove(args: argparse.Namespace, out: TextIO) -> int:
    results = discover()
    found = _by_id(args.id, results)
    if found is not None and found.pack is not None and found.pack.builtin:
        return _fail(f"'{args.id}' is a built-in pack and cannot be removed")
    target = found.path if found is not None else _user_pack_by_name(args.id)
    if target is None:
        mine = sorted(r.pack.id for r in results if r.pack is not None and not r.pack.builtin)
        return _fail(f"no installed pack '{args.id}' (yours: {', '.join(mine) or 'none'})")
    what = f"'{found.pack.title}' ({len(found.pack.questions)} questions)" \
        if found is not None and found.pack is not None else str(target)
    if not args.yes:
        print(f"Remove pack {what} at {target}? [y/N] ", end="", file=out, flush=True)
        try:
            answer = input()
        except EOFError:
            answer = ""
        if answer.strip().lower() not in ("y", "yes"):
            print("not removed", file=out)
            return 1
    try:
        removed = remove_installed(target)
    except OSError as bad:
        return _fail(f"cannot remove {target}: {bad.strerror or bad}")
    print(f"removed {removed}", file=out)
    return 0


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    found = _by_id(args.id, discover())
    if found is None or found.pack is None:
        return _fail(f"no pack '{args.id}' that loads without errors "
                     "(`heat-quiz packs list` shows them)")
    pack = found.pack
    if not found.ok:
        return _fail(f"pack '{args.id}' has errors; `heat-quiz packs validate {found.path}`")
    target = Path(args.out)
    if target.suffix.lower() != ".zip":
        return _fail(f"--out must name a .zip file, not {target}", 2)
    if target.exists() and not args.force:
        return _fail(f"{target} already exists; use --force to replace it")
    base = found.path.parent.resolve()
    images = sorted({q.image for q in pack.questions if q.image is not None})
    folder = target.resolve().parent
    temporary = ""
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
        with os.fdopen(handle, "wb") as raw, \
                zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as shared:
            shared.writestr(f"{pack.id}/{found.path.name}", found.path.read_bytes())
            for image in images:
                shared.write(image, f"{pack.id}/{image.relative_to(base).as_posix()}")
        os.replace(temporary, target)
    except OSError as bad:
        if temporary:
            Path(temporary).unlink(missing_ok=True)
        return _fail(f"cannot write {target}: {bad.strerror or bad}")
    print(f"exported '{pack.title}' ({len(pack.questions)} questions, "
          f"{len(images)} pictures) to {target}", file=out)
    print(f"send it; `heat-quiz packs import {target.name}` installs it", file=out)
    return 0


def add_pack_commands(pack_commands: Any) -> None:
    new = pack_commands.add_parser(
        "new", help="write a commented pack template to start from",
        description="Write NAME.yaml: a commented pack with one question of each type, "
                    "ready to edit. It validates with no errors and no warnings.")
    new.add_argument("name", metavar="NAME", help="the pack's title; its id is made from it")
    new.add_argument("--out", metavar="FILE", help="where to write it (default: ID.yaml here)")
    new.set_defaults(handler=cmd_new)

    remove = pack_commands.add_parser(
        "remove", help="remove one of your installed packs",
        description="Remove an installed pack (its folder, with its pictures). Asks first, "
                    "unless --yes. Built-in packs cannot be removed.")
    remove.add_argument("id", metavar="ID", help="the pack's id (see `packs list`)")
    remove.add_argument("--yes", "-y", action="store_true", help="do not ask")
    remove.set_defaults(handler=cmd_remove)

    export = pack_commands.add_parser(
        "export", help="put a pack and its pictures in one .zip to send",
        description="Write a .zip holding the pack file and every picture it uses; "
                    "`heat-quiz packs import FILE.zip` installs it on another machine.")
    export.add_argument("id", metavar="ID", help="the pack's id (see `packs list`)")
    export.add_argument("--out", metavar="FILE.zip", required=True, help="the zip to write")
    export.add_argument("--force", action="store_true", help="replace an existing zip")
    export.set_defaults(handler=cmd_export)

    add_import_command(pack_commands)
