"""Crash-safe JSON files: atomic writes with a backup, and loading that survives corruption.

A write goes to a temp file in the same folder, is flushed and fsynced, the previous good file
is copied to NAME.bak, and only then does `os.replace` swap the new file in. Whatever moment a
crash hits, either the old or the new file is complete on disk. A file that cannot be read is
moved aside (NAME.corrupt-TIMESTAMP) rather than overwritten, and loading falls back to the
backup, so a bad file never silently eats the good data.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)


class CorruptFile(ValueError):
    """The file is valid JSON but not the shape expected."""


@dataclass(frozen=True)
class Loaded(Generic[T]):
    """What loading gave: a value (None: use defaults), warnings to show, and which file it came from."""

    value: T | None
    warnings: tuple[str, ...]
    source: Path | None


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def write_json_atomic(path: Path, data: object) -> None:
    """Replace `path` with `data` as JSON, keeping the previous readable file as NAME.bak."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    tmp = _write_temp(path, text.encode("utf-8"))
    try:
        if _readable_json(path):
            _copy_atomic(path, backup_path(path))
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def read_json(path: Path, parse: Callable[[object], T]) -> Loaded[T]:
    """Load `path` through `parse`; on failure move it aside and try NAME.bak, then give None.

    `parse` raises ValueError, TypeError or KeyError when the data has the wrong shape.
    """
    warnings: list[str] = []
    _remove_stale_temps(path)
    for candidate in (path, backup_path(path)):
        if not candidate.exists():
            continue
        try:
            value = parse(json.loads(candidate.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError, KeyError) as error:
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
        json.loads(path.read_text(encoding="utf-8"))
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
    reason = type(error).__name__ if isinstance(error, OSError) else str(error) or "bad data"
    try:
        os.replace(path, target)
    except OSError:
        return f"Could not read {path.name} ({reason}); it was left in place."
    return f"Could not read {path.name} ({reason}); kept it as {target.name}."


def _remove_stale_temps(path: Path) -> None:
    # Temp files are only left behind by a crash mid-write; the real file is still whole.
    if not path.parent.is_dir():
        return
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        with suppress(OSError):
            stale.unlink()
    for stale in path.parent.glob(f".{backup_path(path).name}.*.tmp"):
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
