"""Load one pack file: guard the bytes, compose the YAML, validate, build the Pack.

`load_pack` never raises for anything in the file; every problem comes back
as a located Diagnostic in the LoadResult.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

from quiz.files import FileProblem, read_limited
from quiz.packs.model import Diagnostic, LoadResult, Severity
from quiz.packs.validate import build_pack
from quiz.packs.yamlnodes import Scalar, YamlProblem, compose
from quiz.packs.yamltraps import explain
from quiz.textsafe import describe_char

MAX_FILE_BYTES: Final = 5 * 1024 * 1024
_BOM: Final = b"\xef\xbb\xbf"
# Raw control characters YAML itself refuses (tab, line ends and NEL are its own).
_RAW_CONTROL: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters, as far as they decode) of a byte offset."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def _decode(data: bytes, file: str) -> tuple[str | None, Diagnostic | None]:
    def problem(line: int, column: int, message: str) -> Diagnostic:
        return Diagnostic(Severity.ERROR, file, line, column, message)

    if len(data) > MAX_FILE_BYTES:
        size = len(data) / (1024 * 1024)
        return None, problem(1, 1, f"the pack file is {size:.1f} MiB; a pack file may be at "
                                   f"most {MAX_FILE_BYTES // (1024 * 1024)} MiB")
    data = data.removeprefix(_BOM)
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _position(data, nul)
        return None, problem(line, column, "this is a binary file, not YAML text "
                                           "(it contains a NUL byte)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as bad:
        line, column = _position(data, bad.start)
        return None, problem(line, column, f"the file is not valid UTF-8 (byte "
                                           f"0x{data[bad.start]:02x}); save it as UTF-8 text")
    control = _raw_control(text, file)
    return (None, control) if control else (text, None)


def _raw_control(text: str, file: str) -> Diagnostic | None:
    """A control character written raw into the file, located (YAML would only say 'special
    characters are not allowed', without a place)."""
    found = _RAW_CONTROL.search(text)
    if found is None:
        return None
    at = found.start()
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    return Diagnostic(Severity.ERROR, file, line, column,
                      f"the file holds the control character {describe_char(found.group())}; "
                      "pack texts may not hold control characters")


def load_bytes(data: bytes, file: str, base_dir: Path | None = None,
               path: Path | None = None, builtin: bool = False) -> LoadResult:
    """Validate pack bytes; `file` is the name used in diagnostics."""
    result_path = path if path is not None else Path(file)
    text, problem = _decode(data, file)
    if text is None:
        assert problem is not None
        return LoadResult(result_path, None, (problem,))
    try:
        root = compose(text)
    except YamlProblem as bad:
        return _syntax_error(bad, text, file, base_dir, result_path)
    built = build_pack(root, file, base_dir, path, builtin, text=text)
    return LoadResult(result_path, built.pack, tuple(built.diagnostics), built.left_out)


def _syntax_error(bad: YamlProblem, text: str, file: str, base_dir: Path | None,
                  result_path: Path) -> LoadResult:
    """The syntax error in an author's words, and the problems of the questions before it.

    The file cannot be played (what follows the error is unknown), but its finished
    questions are checked as usual, so one stray tab does not hide every other mistake.
    """
    told = explain(bad, text)
    diagnostics: list[Diagnostic] = []
    checked = bad.partial is not None and any(
        isinstance(k, Scalar) and k.value == "questions" for k, _ in bad.partial.pairs)
    if bad.partial is not None:
        before = build_pack(bad.partial, file, base_dir, partial=True, text=text).diagnostics
        diagnostics = [d for d in before if (d.line, d.column) < (told.line, told.column)]
    message = told.message + ("; the questions after it are checked once it is fixed"
                              if checked else "")
    diagnostics.append(Diagnostic(Severity.ERROR, file, told.line, told.column, message))
    diagnostics.sort(key=lambda d: (d.line, d.column))
    return LoadResult(result_path, None, tuple(diagnostics))


def load_pack(path: Path | str, builtin: bool = False) -> LoadResult:
    """Read and validate the pack file at `path`; only a regular file is ever opened."""
    path = Path(path)
    file = str(path)
    try:
        data = read_limited(path, MAX_FILE_BYTES, "pack file")
    except FileProblem as bad:
        reason = str(bad) if bad.too_big else f"cannot read the file: {bad}"
        diagnostic = Diagnostic(Severity.ERROR, file, 1, 1, reason)
        return LoadResult(path, None, (diagnostic,))
    return load_bytes(data, file, base_dir=path.parent, path=path, builtin=builtin)
