"""Which characters a font can draw, read from its own character map. Pure Python.

The validator warns about characters the game's font cannot draw (they show as
empty boxes) and checks a pack's own font file. Both need a font's coverage,
which is its `cmap` table: this module reads TrueType/OpenType files far enough
to get it (formats 4 and 12, the ones every modern font carries), bounded and
refusing anything that is not a real font. The bundled font's coverage is
measured once by tools/measure_font.py into fontmetrics.COVERAGE.
"""

from __future__ import annotations

import bisect
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from quiz.files import FileProblem, read_limited

MAX_FONT_BYTES: Final = 16 * 1024 * 1024  # a full CJK font is 5-16 MiB
MAX_TABLES: Final = 200
MAX_GROUPS: Final = 100_000
FONT_SUFFIXES: Final = (".ttf", ".otf")
_MAGIC: Final = {b"\x00\x01\x00\x00": "TrueType", b"true": "TrueType", b"OTTO": "OpenType"}


class FontProblem(ValueError):
    """Why a font file cannot be used; one plain line."""


@dataclass(frozen=True)
class Coverage:
    """Sorted, disjoint, inclusive code point ranges a font has glyphs for."""

    ranges: tuple[tuple[int, int], ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [start for start, _ in self.ranges])

    def covers(self, char: str) -> bool:
        code = ord(char)
        index = bisect.bisect_right(self._starts, code) - 1  # type: ignore[attr-defined]
        return index >= 0 and code <= self.ranges[index][1]

    def missing(self, text: str) -> list[str]:
        """Characters of `text` the font lacks, each once, in order; spaces and marks of
        layout (controls, joiners) are not counted."""
        seen: dict[str, None] = {}
        for char in text:
            if char not in seen and not char.isspace() and ord(char) >= 0x20 and \
                    char not in "\u200b\u200c\u200d\ufe0f" and not self.covers(char):
                seen[char] = None
        return list(seen)


def merge(codes: Iterable[tuple[int, int]]) -> Coverage:
    ranges: list[tuple[int, int]] = []
    for start, end in sorted(codes):
        if ranges and start <= ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], max(end, ranges[-1][1]))
        else:
            ranges.append((start, end))
    return Coverage(tuple(ranges))


def open_font(path: Path | str) -> Coverage:
    """The coverage of the TTF/OTF file at `path`, or FontProblem."""
    try:
        data = read_limited(path, MAX_FONT_BYTES, "font file")
    except FileProblem as problem:
        raise FontProblem(str(problem)) from None
    return coverage_of(data)


def coverage_of(data: bytes) -> Coverage:
    if data[:4] == b"ttcf":
        raise FontProblem("a font collection (.ttc) cannot be used; give one .ttf or .otf")
    if data[:4] not in _MAGIC:
        raise FontProblem("not a TrueType or OpenType font file")
    try:
        return _read_cmap(data)
    except struct.error:
        raise FontProblem("the font file is truncated or damaged") from None


def _read_cmap(data: bytes) -> Coverage:
    (tables,) = struct.unpack_from(">H", data, 4)
    if not 0 < tables <= MAX_TABLES:
        raise FontProblem("the font file's table directory is damaged")
    cmap: tuple[int, int] | None = None
    for index in range(tables):
        tag, _, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * index)
        if tag == b"cmap":
            cmap = (offset, length)
    if cmap is None or cmap[0] + cmap[1] > len(data):
        raise FontProblem("the font file has no readable character map (cmap)")
    base = cmap[0]
    _, count = struct.unpack_from(">HH", data, base)
    best: tuple[int, int] | None = None  # (format, offset)
    for index in range(min(count, MAX_TABLES)):
        platform, encoding, offset = struct.unpack_from(">HHI", data, base + 4 + 8 * index)
        unicode = platform == 0 or (platform == 3 and encoding in (1, 10))
        if not unicode:
            continue
        (fmt,) = struct.unpack_from(">H", data, base + offset)
        if fmt in (4, 12) and (best is None or fmt > best[0]):
            best = (fmt, base + offset)
    if best is None:
        raise FontProblem("the font file has no Unicode character map")
    fmt, at = best
    return _format12(data, at) if fmt == 12 else _format4(data, at)


def _format4(data: bytes, at: int) -> Coverage:
    (segments_x2,) = struct.unpack_from(">H", data, at + 6)
    segments = segments_x2 // 2
    ends = struct.unpack_from(f">{segments}H", data, at + 14)
    starts = struct.unpack_from(f">{segments}H", data, at + 16 + segments_x2)
    deltas = struct.unpack_from(f">{segments}h", data, at + 16 + 2 * segments_x2)
    offsets_at = at + 16 + 3 * segments_x2
    offsets = struct.unpack_from(f">{segments}H", data, offsets_at)
    codes: list[tuple[int, int]] = []
    for index, (start, end) in enumerate(zip(starts, ends)):
        if start > end or start == 0xFFFF:
            continue
        if offsets[index] == 0:
            # glyph = code + delta; code points mapping to glyph 0 have no glyph
            codes.extend(_runs(c for c in range(start, end + 1) if (c + deltas[index]) & 0xFFFF))
            continue
        glyphs_at = offsets_at + 2 * index + offsets[index]
        count = end - start + 1
        glyphs = struct.unpack_from(f">{count}H", data, glyphs_at + 0)
        codes.extend(_runs(start + i for i, glyph in enumerate(glyphs) if glyph))
    return merge(codes)


def _format12(data: bytes, at: int) -> Coverage:
    (groups,) = struct.unpack_from(">I", data, at + 12)
    if groups > MAX_GROUPS:
        raise FontProblem("the font file's character map is too large")
    codes = []
    for index in range(groups):
        start, end, glyph = struct.unpack_from(">III", data, at + 16 + 12 * index)
        if start <= end <= 0x10FFFF:
            codes.append((start + (1 if glyph == 0 else 0), end))
    return merge((s, e) for s, e in codes if s <= e)


def _runs(codes: Iterable[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for code in codes:
        if runs and code == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], code)
        else:
            runs.append((code, code))
    return runs


def shown(chars: list[str], limit: int = 8) -> str:
    """"'日' (U+65E5), '本' (U+672C)" for a message, the first `limit` of them."""
    named = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in chars[:limit])
    more = len(chars) - limit
    return named + (f" and {more} more" if more > 0 else "")
