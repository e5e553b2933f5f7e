"""The `heat-quiz` command: play, and check or list question packs.

Only `play` (and the bare command, which opens the title screen) loads the
pygame front end; the pack commands stay pure and fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from quiz import __version__, paths
from quiz.files import FileProblem, examine, is_dir, shown_path
from quiz.packs.loader import load_pack
from quiz.packs.model import LoadResult
from quiz.packs.registry import discover, pack_files
from quiz.storage.problems import folder_problem
from quiz.textsafe import TerminalStream, for_terminal

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_USAGE = 2


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


MAX_SCAN_DEPTH = 8  # folders below a folder given to validate


class UsageProblem(Exception):
    """A path on the command line names nothing usable: a usage error, exit 2."""


def _expand(targets: Sequence[str]) -> list[Path]:
    """Files as given; folders replaced by the pack files inside them (links to folders
    not followed, each real file once). A target that is not there is a UsageProblem."""
    found: list[Path] = []
    for target in targets:
        try:
            examine(target)
        except FileProblem as problem:
            raise UsageProblem(f"{shown_path(target)}: {problem}") from None
        path = Path(target)
        if is_dir(path):
            found.extend(pack_files(path, depth=MAX_SCAN_DEPTH))
        else:
            found.append(path)
    return found


def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    try:
        files = _expand(args.paths)
    except UsageProblem as problem:
        print(f"heat-quiz: {problem}", file=sys.stderr)
        return EXIT_USAGE
    if not files:
        print("heat-quiz: no pack files (*.yaml, *.yml) found there", file=sys.stderr)
        return EXIT_USAGE
    errors = warnings = 0
    for path in files:
        result = load_pack(path)
        for diagnostic in result.diagnostics:
            print(diagnostic, file=out)
        errors += len(result.errors)
        warnings += len(result.warnings)
        if result.ok and result.pack is not None and args.verbose:
            print(f"{path}: ok, {_plural(len(result.pack.questions), 'question')}", file=out)
    verdict = "FAILED" if errors else "ok"
    print(f"{verdict}: {_plural(len(files), 'file')} checked, {_plural(errors, 'error')}, "
          f"{_plural(warnings, 'warning')}", file=out)
    return EXIT_ERRORS if errors else EXIT_OK


def questions_told(result: LoadResult) -> str:
    """'12 questions', or '12 questions, 3 left out' when some had errors."""
    if result.pack is None:
        return "-"
    told = _plural(len(result.pack.questions), "question")
    return f"{told}, {result.left_out} left out" if result.left_out else told


def _describe(result: LoadResult) -> tuple[str, str, str, str, str]:
    origin = "built-in" if result.pack and result.pack.builtin or \
        paths.builtin_packs_dir() in result.path.parents else "user"
    if result.pack is not None:
        pack = result.pack
        return pack.id, pack.title, questions_told(result), origin, str(result.path)
    why = result.why_not_playable()
    return "-", f"BROKEN: {why}" if why else "BROKEN", "-", origin, str(result.path)


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    results = discover()
    if not results:
        print("no packs found", file=out)
    else:
        rows = [("ID", "TITLE", "QUESTIONS", "FROM", "PATH")] + \
            [tuple(map(for_terminal, _describe(r))) for r in results]
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        for row in rows:
            cells = [row[i].ljust(widths[i]) for i in range(4)] + [row[4]]
            print("  ".join(cells).rstrip(), file=out)
        for result in results:
            if result.pack is not None and result.left_out:
                print(for_terminal(
                    f"{result.pack.id}: {_plural(result.left_out, 'question')} with errors "
                    f"left out; `heat-quiz packs validate {result.path}` says why"), file=out)
    # Said even with no pack in it: a packs folder that is a file explains why none shows.
    folder = paths.user_packs_dir()
    problem = folder_problem(folder)
    if problem:
        print(f"user packs folder: {folder} (unusable: {problem})", file=out)
    else:
        print(f"user packs folder: {folder}", file=out)
    return EXIT_OK


def cmd_play(args: argparse.Namespace, out: TextIO) -> int:
    from quiz.play import PlayError, config_from_args, phone_plan_from_args

    notes: list[str] = []
    try:
        plan = phone_plan_from_args(args, notes)
        config = config_from_args(args, notes=notes) if plan is None else None
    except PlayError as problem:
        print(f"heat-quiz: {problem}", file=sys.stderr)
        return EXIT_USAGE
    for note in notes:  # the pack screen says the same; here nobody would see it otherwise
        print(f"heat-quiz: {note}", file=sys.stderr)
    if plan is not None:
        from quiz.ui.app import run_phone_lobby

        return run_phone_lobby(plan)
    assert config is not None
    from quiz.ui.app import run

    return run(config)


def cmd_title(args: argparse.Namespace, out: TextIO) -> int:
    from quiz.ui.app import run

    return run(None)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="heat-quiz",
        description="A trivia game about Michael Mann's Heat (1995), for one player or a "
                    "room full. With no command, opens the title screen.",
    )
    parser.add_argument("--version", action="version", version=f"heat-quiz {__version__}")
    parser.set_defaults(handler=cmd_title)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    play = commands.add_parser("play", help="start a game directly, skipping the menus",
                               description="Start a game directly, skipping the menus.")
    from quiz.play import add_play_arguments

    add_play_arguments(play)
    play.set_defaults(handler=cmd_play)

    packs = commands.add_parser("packs",
                                help="check, list, start, import, export and remove packs",
                                description="Check, list, start, import, export and remove "
                                            "question packs.")
    pack_commands = packs.add_subparsers(title="pack commands", metavar="PACK_COMMAND",
                                         required=True)
    validate = pack_commands.add_parser(
        "validate", help="check pack files and report every problem as FILE:LINE:COL",
        description="Check pack files against the pack format. Prints one line per problem, "
                    "FILE:LINE:COL: error|warning: message, then a summary. Exit status: "
                    "0 when there are no errors, 1 when there are, 2 on a usage error.")
    validate.add_argument("paths", nargs="+", metavar="PATH",
                          help="a pack file, or a folder to check every pack in")
    validate.add_argument("-v", "--verbose", action="store_true",
                          help="also name each file that passed")
    validate.set_defaults(handler=cmd_validate)

    listing = pack_commands.add_parser(
        "list", help="list built-in and user packs",
        description="List the built-in packs and those in the user packs folder, with id, "
                    "title, question count and path. A pack whose questions partly have errors "
                    "plays the sound ones and says how many it leaves out; a pack that "
                    "cannot be played is listed with the reason.")
    listing.set_defaults(handler=cmd_list)

    from quiz.pack_commands import add_pack_commands

    add_pack_commands(pack_commands)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # Pack texts and file names reach these streams: control characters go out escaped.
    stream = TerminalStream(out if out is not None else sys.stdout)
    errors, sys.stderr = sys.stderr, TerminalStream(sys.stderr)
    try:
        return int(args.handler(args, stream))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    finally:
        sys.stderr = errors
