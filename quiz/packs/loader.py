"""Load one pack file: guard the bytes, compose the YAML, validate, build the Pack.

`load_pack` never raises for anything in the file; every problem comes back
as a located Diagnostic in the LoadResult.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from quiz.packs.model import Diagnostic, LoadResult, Severity
from quiz.packs.validate import build_pack
from quiz.packs.yamlnodes import YamlProblem, compose

MAX_FILE_BYTES: Final = 5 * 1024 * 1024
_BOM: Final = b"\xef\xbb\xbf"


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
        return None, problem(1, 1, f"the file is {size:.1f} MiB; a pack may be at most "
                                   f"{MAX_FILE_BYTES // (1024 * 1024)} MiB")
    data = data.removeprefix(_BOM)
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _position(data, nul)
        return None, problem(line, column, "this is a binary file, not YAML text "
                                           "(it contains a NUL byte)")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as bad:
        line, column = _position(data, bad.start)
        return None, problem(line, column, f"the file is not valid UTF-8 (byte "
                                           f"0x{data[bad.start]:02x}); save it as UTF-8 text")


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
        diagnostic = Diagnostic(Severity.ERROR, file, bad.line, bad.column, bad.message)
        return LoadResult(result_path, None, (diagnostic,))
    pack, diagnostics = build_pack(root, file, base_dir, path, builtin)
    return LoadResult(result_path, pack, tuple(diagnostics))


def load_pack(path: Path | str, builtin: bool = False) -> LoadResult:
    """Read and validate the pack file at `path`."""
    path = Path(path)
    file = str(path)
    try:
        if path.is_dir():
            raise IsADirectoryError(21, "is a folder, not a pack file")
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as bad:
        reason = bad.strerror or str(bad)
        diagnostic = Diagnostic(Severity.ERROR, file, 1, 1, f"cannot read the file: {reason}")
        return LoadResult(path, None, (diagnostic,))
    return load_bytes(data, file, base_dir=path.parent, path=path, builtin=builtin)
