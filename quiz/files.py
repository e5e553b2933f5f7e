"""The one door through which files a player hands us are opened.

A path from a pack, the command line or a scanned folder may name anything: a
FIFO (opening it blocks for ever), a device (`/dev/zero` never ends), a folder,
a path too long for the system. So a file is looked at with `stat` first, only a
regular file is opened, and then without blocking, and at most `limit` bytes are
read. Every refusal is a `FileProblem` whose message reads as one plain line.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Final

# What `stat` says a path is, for the messages.
_KINDS: Final = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
_REASONS: Final = {
    errno.ENOENT: "no such file",
    errno.ENAMETOOLONG: "the path is too long",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ELOOP: "too many levels of symbolic links",
    errno.ENOTDIR: "a part of the path is not a folder",
}


class FileProblem(OSError):
    """A user file that cannot be read; `str()` is the plain one-line reason."""

    def __init__(self, reason: str, missing: bool = False, too_big: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.missing = missing  # the path names nothing at all: a usage error on a command line
        self.too_big = too_big

    def __str__(self) -> str:
        return self.reason


def _reason(problem: OSError) -> FileProblem:
    text = _REASONS.get(problem.errno or 0) or (problem.strerror or str(problem)).lower()
    return FileProblem(text, missing=problem.errno == errno.ENOENT)


def kind_of(mode: int) -> str:
    """'a regular file', 'a FIFO (named pipe)', 'a folder'... for a stat mode."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return "a regular file" if stat.S_ISREG(mode) else "not a regular file"


def examine(path: Path | str) -> os.stat_result:
    """`stat` of a path (links followed), or FileProblem; never opens anything."""
    try:
        return os.stat(path)
    except OSError as problem:
        raise _reason(problem) from None
    except ValueError:  # a NUL inside the path
        raise FileProblem("the path contains a NUL character") from None


def regular_size(path: Path | str) -> int:
    """The size of a regular file, or FileProblem naming what the path is instead."""
    info = examine(path)
    if not stat.S_ISREG(info.st_mode):
        raise FileProblem(f"not a regular file: it is {kind_of(info.st_mode)}")
    return info.st_size


def mib(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MiB" if size % (1024 * 1024) else \
        f"{size // (1024 * 1024)} MiB"


def read_limited(path: Path | str, limit: int, what: str = "file") -> bytes:
    """The bytes of a regular file of at most `limit` bytes, or FileProblem."""
    size = regular_size(path)
    if size > limit:
        raise FileProblem(f"the {what} is {mib(size)}; a {what} may be at most {mib(limit)}",
                          too_big=True)
    try:
        # O_NONBLOCK: should a FIFO be swapped in after the stat, open returns at once.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as problem:
        raise _reason(problem) from None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise FileProblem("not a regular file")
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as problem:
        raise _reason(problem) from None
    finally:
        os.close(descriptor)
    if len(data) > limit:  # it grew after the stat
        raise FileProblem(f"the {what} is larger than {mib(limit)}", too_big=True)
    return data


def is_dir(path: Path | str) -> bool:
    """Path.is_dir that answers False, not an exception, for a path too long or unreadable."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def is_link(path: Path | str) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except (OSError, ValueError):
        return False


def shown_path(path: Path | str, limit: int = 80) -> str:
    """A path for a one-line message: a 5,000-character one is cut in the middle."""
    text = str(path)
    if len(text) <= limit:
        return text
    half = (limit - 1) // 2
    return f"{text[:half]}\u2026{text[-half:]}"
