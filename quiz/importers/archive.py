"""Opening zip files from strangers: shared packs (.zip) and Excel workbooks (.xlsx).

Every entry is checked before anything is unpacked: no `..`, no absolute or
drive paths, no links or devices, no encryption, no two names that differ
only in case, at most so many entries and so many bytes. The sizes written
in the zip's headers are checked first (a zip bomb announces itself there)
and then counted again while the bytes stream out, since a header can lie.
"""

from __future__ import annotations

import re
import stat
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Final

MAX_ENTRIES: Final = 1_000
MAX_TOTAL_BYTES: Final = 64 * 1024 * 1024  # unpacked: a pack of 5 MiB and its pictures
MAX_ENTRY_BYTES: Final = 16 * 1024 * 1024
MAX_RATIO: Final = 200  # deflate rarely packs real files past 10:1; a bomb packs ~1000:1
_RATIO_FLOOR: Final = 1024 * 1024  # small entries may compress as well as they like
MAX_DEPTH: Final = 8
_CHUNK: Final = 64 * 1024
_CLUTTER: Final = re.compile(r"(^|/)(__MACOSX/|\.DS_Store$|Thumbs\.db$|desktop\.ini$)")


class ArchiveProblem(Exception):
    """The zip is refused; the message says which entry and why."""


@dataclass(frozen=True)
class Limits:
    entries: int = MAX_ENTRIES
    total: int = MAX_TOTAL_BYTES
    entry: int = MAX_ENTRY_BYTES


def is_clutter(name: str) -> bool:
    """Files zip tools add on their own (macOS resource forks, Finder and Explorer notes)."""
    return bool(_CLUTTER.search(name))


def safe_name(name: str) -> PurePosixPath:
    """The entry's path, or ArchiveProblem when it could land outside the target folder."""
    if "\x00" in name:
        raise ArchiveProblem(f"entry {name!r} has a NUL character in its name")
    unified = name.replace("\\", "/")
    if unified.startswith("/") or re.match(r"^[A-Za-z]:", unified):
        raise ArchiveProblem(f"entry '{name}' has an absolute path")
    path = PurePosixPath(unified)
    if ".." in path.parts:
        raise ArchiveProblem(f"entry '{name}' points outside the pack ('..')")
    if len(path.parts) > MAX_DEPTH:
        raise ArchiveProblem(f"entry '{name}' is nested deeper than {MAX_DEPTH} folders")
    return path


def check_members(archive: zipfile.ZipFile, limits: Limits = Limits()) -> list[zipfile.ZipInfo]:
    """The file entries, once every entry and the headers' sizes pass."""
    infos = archive.infolist()
    if len(infos) > limits.entries:
        raise ArchiveProblem(f"{len(infos):,} entries; at most {limits.entries:,} are read")
    files: list[zipfile.ZipInfo] = []
    seen: dict[str, str] = {}
    total = 0
    for info in infos:
        safe_name(info.filename)
        mode = info.external_attr >> 16
        if info.create_system == 3 and mode and stat.S_IFMT(mode) not in (
                0, stat.S_IFREG, stat.S_IFDIR):
            what = "a link" if stat.S_ISLNK(mode) else "not a regular file"
            raise ArchiveProblem(f"entry '{info.filename}' is {what}")
        if info.flag_bits & 0x1:
            raise ArchiveProblem(f"entry '{info.filename}' is encrypted")
        folded = info.filename.replace("\\", "/").rstrip("/").casefold()
        if folded in seen:
            raise ArchiveProblem(f"entries '{seen[folded]}' and '{info.filename}' have the "
                                 "same name")
        seen[folded] = info.filename
        if info.is_dir():
            continue
        if info.file_size > limits.entry:
            raise ArchiveProblem(f"entry '{info.filename}' unpacks to "
                                 f"{info.file_size / 2**20:.1f} MiB; at most "
                                 f"{limits.entry // 2**20} MiB per file")
        if info.file_size > _RATIO_FLOOR and \
                info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ArchiveProblem(f"entry '{info.filename}' is compressed "
                                 f"{info.file_size // max(info.compress_size, 1):,} to 1: "
                                 "a zip bomb, not a pack")
        total += info.file_size
        if total > limits.total:
            raise ArchiveProblem(f"the zip unpacks to more than {limits.total // 2**20} MiB")
        files.append(info)
    return files


def stream(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int],
           sink: object | None = None) -> None:
    """Read one entry, counting real bytes against its header and the shared budget.

    `budget` is a one-item list of bytes still allowed across the whole zip;
    `sink` (a binary file) receives the bytes when given.
    """
    count = 0
    try:
        with archive.open(info) as source:
            while chunk := source.read(_CHUNK):
                count += len(chunk)
                budget[0] -= len(chunk)
                if count > info.file_size or count > MAX_ENTRY_BYTES:
                    raise ArchiveProblem(f"entry '{info.filename}' unpacks to more than its "
                                         "header says: a zip bomb, not a pack")
                if budget[0] < 0:
                    raise ArchiveProblem("the zip unpacks to more than "
                                         f"{MAX_TOTAL_BYTES // 2**20} MiB")
                if sink is not None:
                    sink.write(chunk)  # type: ignore[attr-defined]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError,
            zlib.error, OSError) as bad:
        raise ArchiveProblem(f"entry '{info.filename}' cannot be unpacked: {bad}") from None
    if count != info.file_size:
        raise ArchiveProblem(f"entry '{info.filename}' is damaged: {count} bytes where its "
                             f"header says {info.file_size}")


def verify(archive: zipfile.ZipFile, members: Iterable[zipfile.ZipInfo],
           limits: Limits = Limits()) -> None:
    """Stream every member through the byte counters without keeping anything."""
    budget = [limits.total]
    for info in members:
        stream(archive, info, budget)


def extract(archive: zipfile.ZipFile, members: Iterable[zipfile.ZipInfo], target: Path,
            limits: Limits = Limits()) -> list[Path]:
    """Unpack `members` under `target` (which must be a fresh, empty folder)."""
    budget = [limits.total]
    written: list[Path] = []
    root = target.resolve()
    for info in members:
        relative = safe_name(info.filename)
        destination = root.joinpath(*relative.parts)
        if root not in destination.parents:
            raise ArchiveProblem(f"entry '{info.filename}' points outside the pack")
        destination.parent.mkdir(parents=True, exist_ok=True)
        with destination.open("xb") as sink:  # "x": never write through an existing file
            stream(archive, info, budget, sink)
        written.append(destination)
    return written
