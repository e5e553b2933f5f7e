"""Crash-safe JSON files: atomic writes with a backup, and loading that survives corruption.

A write goes to a temp file in the same folder, is flushed and fsynced, the previous good file
is copied to NAME.bak, and only then does `os.replace` swap the new file in. Whatever moment a
crash hits, either the old or the new file is complete on disk. A file that cannot be read is
moved aside (NAME.corrupt-TIMESTAMP) rather than overwritten, and loading falls back to the
backup, so a bad file never silently eats the good data.

Reading trusts nothing: only a regular file is opened (a FIFO would block for ever), at most
MAX_FILE_BYTES are read, the text must be UTF-8, and JSON's every way to fail is caught
(deep nesting raises RecursionError, not ValueError; Infinity and NaN are refused). A write
that fails raises SaveFailed with the reason in plain words, for the screen that asked.
"""

from __future__ import annotations

import json
import logging
import os
import stat
import tempfile
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Generic, TypeVar

from quiz.storage.problems import SaveFailed, plain_reason

T = TypeVar("T")
log = logging.getLogger(__name__)

# Far above any file the game writes (ten scores per table, a few hundred tables), far below
# what would stall the start-up.
MAX_FILE_BYTES: Final = 8 * 2**20


class CorruptFile(ValueError):
    """The file is valid JSON but not the shape expected."""


class Unreadable(ValueError):
    """The file cannot be read as JSON; the message says why in plain words."""


@dataclass(frozen=True)
class Loaded(Generic[T]):
    """What loading gave: a value (None: use defaults), warnings to show, and which file it came from."""

    value: T | None
    warnings: tuple[str, ...]
    source: Path | None


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def write_json_atomic(path: Path, data: object) -> None:
    """Replace `path` with `data` as JSON, keeping the previous readable file as NAME.bak.

    Raises SaveFailed (an OSError) when the file could not be written; the old one is intact.
    """
    try:
        # Infinity or NaN would make a file the next start-up refuses: better not to write it.
        text = json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    except ValueError as error:
        raise SaveFailed(path, f"a value cannot be written ({error})") from None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = _write_temp(path, text.encode("utf-8"))
        try:
            if _readable_json(path):
                _copy_atomic(path, backup_path(path))
            os.replace(tmp, path)
        except BaseException:
            with suppress(OSError):
                os.unlink(tmp)
            raise
    except SaveFailed:
        raise
    except OSError as error:
        raise SaveFailed(path, plain_reason(error, path.parent)) from error
    _fsync_dir(path.parent)


def read_document(path: Path) -> object:
    """The JSON value in `path`; raises Unreadable (or OSError) with the reason."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise Unreadable("it is not a regular file")
    if info.st_size > MAX_FILE_BYTES:
        raise Unreadable(f"it is larger than {MAX_FILE_BYTES // 2**20} MiB")
    # Non-blocking, in case a FIFO was swapped in after the check.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        raw = handle.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise Unreadable(f"it is larger than {MAX_FILE_BYTES // 2**20} MiB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as bad:
        raise Unreadable(f"it is not UTF-8 text (byte {bad.start})") from None
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except RecursionError:
        raise Unreadable("it is nested too deeply") from None
    except json.JSONDecodeError as bad:
        raise Unreadable(f"it is not valid JSON (line {bad.lineno}, column {bad.colno})") from None
    except Unreadable:
        raise
    except ValueError:  # Python refuses to convert integers of over 4,300 digits
        raise Unreadable("it holds a number too long to read") from None


def _refuse_constant(name: str) -> object:
    raise Unreadable(f"it holds {name}, which is not a number")


def read_json(path: Path, parse: Callable[[object], T]) -> Loaded[T]:
    """Load `path` through `parse`; on failure move it aside and try NAME.bak, then give None.

    `parse` raises ValueError, TypeError or KeyError when the data has the wrong shape.
    """
    warnings: list[str] = []
    _remove_stale_temps(path)
    for candidate in (path, backup_path(path)):
        if not os.path.lexists(candidate):
            continue
        try:
            value = parse(read_document(candidate))
        except (OSError, ValueError, TypeError, KeyError, RecursionError) as error:
            warnings.append(_set_aside(candidate, error))
            continue
        if candidate != path:
            warnings.append(f"Restored {path.name} from its backup.")
        for warning in warnings:
            log.warning("%s", warning)
        return Loaded(value, tuple(warnings), candidate)
    for warning in warnings:
        log.warning("%s", warning)
    return Loaded(None, tuple(warnings), None)


def _write_temp(path: Path, payload: bytes) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with suppress(OSError):
            os.unlink(name)
        raise
    return Path(name)


def _copy_atomic(source: Path, target: Path) -> None:
    tmp = _write_temp(target, source.read_bytes())
    try:
        os.replace(tmp, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


def _readable_json(path: Path) -> bool:
    # Only a file that still parses deserves to become the backup.
    try:
        read_document(path)
    except (OSError, ValueError):
        return False
    return True


def _set_aside(path: Path, error: Exception) -> str:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
        counter += 1
    reason = _reason(error)
    try:
        os.replace(path, target)
    except OSError:
        return f"Could not read {path.name} ({reason}); it was left in place."
    return f"Could not read {path.name} ({reason}); kept it as {target.name}."


def _reason(error: Exception) -> str:
    if isinstance(error, ValueError):  # Unreadable, CorruptFile, BadField: plain words already
        return str(error) or "bad data"
    if isinstance(error, OSError):
        return (error.strerror or type(error).__name__).lower()
    if isinstance(error, RecursionError):
        return "it is nested too deeply"
    # A parser's TypeError or KeyError names Python internals; say only that the shape is wrong.
    return "it is not laid out as expected"


def _remove_stale_temps(path: Path) -> None:
    # Temp files are only left behind by a crash mid-write; the real file is still whole.
    with suppress(OSError):
        if not path.parent.is_dir():
            return
        for pattern in (f".{path.name}.*.tmp", f".{backup_path(path).name}.*.tmp"):
            for stale in path.parent.glob(pattern):
                with suppress(OSError):
                    stale.unlink()


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not possible on every platform (Windows), so best effort.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
