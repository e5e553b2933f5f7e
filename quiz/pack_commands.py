"""`heat-quiz packs new | remove | export | preview`: start a pack, take one away, send
one, see one.

`import` lives in quiz/importers/command.py; `export` writes the zip that
`import` takes back. `preview` is the one pack command that draws: it opens the
game's screens headless (quiz/ui/preview.py), loaded only when it runs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
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
from quiz.packs.loader import load_pack
from quiz.packs.model import LoadResult
from quiz.packs.registry import discover
from quiz.textsafe import for_terminal


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


def _line_of(path: Path, question_id: str) -> int:
    """The line where a question's id is written, for a message located like validate's."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return 1
    pattern = re.compile(rf"^\s*(?:-\s+)?id:\s*[\"']?{re.escape(question_id)}[\"']?\s*(#.*)?$")
    return next((n for n, line in enumerate(lines, 1) if pattern.match(line)), 1)


def cmd_preview(args: argparse.Namespace, out: TextIO) -> int:
    source = Path(args.file)
    result = load_pack(source)
    if result.pack is None:
        for diagnostic in result.errors:
            print(diagnostic, file=out)
        return _fail(f"{source} cannot be played, so there is nothing to preview "
                     "(`heat-quiz packs validate` explains each error)")
    target = Path(args.out)
    if target.exists() and not target.is_dir():
        return _fail(f"--out must name a folder, and {target} is a file", 2)
    pack = result.pack
    if result.left_out:
        some = f"{result.left_out} question{'s' if result.left_out > 1 else ''} with errors"
        print(f"{source}: {some} left out of the preview (`heat-quiz packs validate {source}` "
              "says why)", file=out)
    # No window and no sound, whatever the environment says: the screens go to files.
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    from quiz.ui.preview import preview

    def progress(done: int, total: int) -> None:
        if done == total or done % 25 == 0:
            print(f"drawn {done} of {total} questions", file=out, flush=True)

    try:
        shots, sheets = preview(pack, target, progress)
    except OSError as bad:
        return _fail(f"cannot write to {target}: {bad.strerror or bad}")
    flags = [flag for shot in shots for flag in shot.flags]
    for flag in flags:
        line = _line_of(source, flag.question)
        print(for_terminal(f"{source}:{line}:1: warning: {flag}"), file=out)
    told = "; ".join(str(sheet) for sheet in sheets)
    print(f"{len(shots)} screens of {len(pack.questions)} questions saved in {target}; "
          f"contact sheet: {told}", file=out)
    if flags:
        print(f"{len(flags)} text{'' if len(flags) == 1 else 's'} drawn too small or cut off",
              file=out)
        return 1
    print("every text is drawn whole, at a readable size", file=out)
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

    show = pack_commands.add_parser(
        "preview", help="draw every question and its reveal to PNG, with a contact sheet",
        description="Draw every question of a pack file, and its reveal, with the game's own "
                    "screens (no window is opened), save each as PNG in DIR with one contact "
                    "sheet, and flag every text the game had to shrink below a readable size "
                    "or could not fit in its box. Exit status: 0 when nothing was flagged, "
                    "1 when something was (or the pack cannot be played), 2 on a usage error.")
    show.add_argument("file", metavar="FILE", help="the pack file (.yaml)")
    show.add_argument("--out", metavar="DIR", required=True,
                      help="the folder for the pictures (made when missing)")
    show.set_defaults(handler=cmd_preview)

    add_import_command(pack_commands)
