"""The one place a pack's picture is looked at before anything decodes it.

A picture decoder believes the size its header claims: a 69-byte PNG that says
60000 x 60000 makes one allocate 14 GB. So a picture is read here, pure Python
and bounded, before the game hands it to pygame: the file must be a regular
file of at most 8 MiB; a PNG's chunks are walked and checked (CRCs, IHDR, IEND)
and its pixel data inflated in slices to prove it is whole, never held; a
JPEG's segments are walked up to a bound to its frame header and picture data.
Width and height come from those headers and must be at most 4096 each.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from quiz.files import FileProblem, read_limited

MAX_SIDE: Final = 4096
MAX_BYTES: Final = 8 * 1024 * 1024
MAX_JPEG_SEGMENTS: Final = 256  # real cameras write a dozen or two before the picture data
MAX_PNG_CHUNKS: Final = 100_000
_INFLATE_SLICE: Final = 1 << 20  # bytes of pixel data inflated at a time, then dropped

PNG_MAGIC: Final = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC: Final = b"\xff\xd8\xff"

# PNG colour type -> (samples per pixel, allowed bit depths)
_PNG_COLOUR: Final = {
    0: (1, (1, 2, 4, 8, 16)),
    2: (3, (8, 16)),
    3: (1, (1, 2, 4, 8)),
    4: (2, (8, 16)),
    6: (4, (8, 16)),
}
# Adam7: (x start, y start, x step, y step) of each pass.
_ADAM7: Final = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4),
                 (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2))
_JPEG_SOF_SHOWN: Final = {0xC0: "baseline", 0xC1: "extended", 0xC2: "progressive"}
_JPEG_SOF_OTHER: Final = {0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_JPEG_STANDALONE: Final = {0x01, *range(0xD0, 0xD8)}


class PictureProblem(ValueError):
    """Why a picture may not be shown; `str()` is one plain line."""


@dataclass(frozen=True)
class Picture:
    kind: str  # "PNG" or "JPEG"
    width: int
    height: int
    data: bytes  # the bytes checked: decode these, not the file again

    @property
    def suffix(self) -> str:
        return ".png" if self.kind == "PNG" else ".jpg"


def open_picture(path: Path | str) -> Picture:
    """The checked picture at `path`, or PictureProblem (FileProblem's reasons included)."""
    try:
        data = read_limited(path, MAX_BYTES, "picture")
    except FileProblem as problem:
        raise PictureProblem(str(problem)) from None
    return inspect(data)


def inspect(data: bytes) -> Picture:
    if data.startswith(PNG_MAGIC):
        width, height = _png(data)
        kind = "PNG"
    elif data.startswith(JPEG_MAGIC):
        width, height = _jpeg(data)
        kind = "JPEG"
    else:
        raise PictureProblem("not a PNG or JPEG picture")
    if width > MAX_SIDE or height > MAX_SIDE:
        raise PictureProblem(f"the picture is {width} x {height} pixels; at most "
                             f"{MAX_SIDE} x {MAX_SIDE} can be shown (scale it down)")
    return Picture(kind, width, height, data)


# -- PNG ---------------------------------------------------------------------


def _png(data: bytes) -> tuple[int, int]:
    chunks = _png_chunks(data)
    name, ihdr = chunks[0]
    if name != b"IHDR" or len(ihdr) != 13:
        raise PictureProblem("the PNG does not start with its IHDR header: it is damaged")
    width, height, depth, colour, compression, filtering, interlace = \
        struct.unpack(">IIBBBBB", ihdr)
    if width == 0 or height == 0 or width >= 2**31 or height >= 2**31:
        raise PictureProblem(f"the PNG header gives an impossible size, {width} x {height}")
    if colour not in _PNG_COLOUR or depth not in _PNG_COLOUR[colour][1] or compression \
            or filtering or interlace not in (0, 1):
        raise PictureProblem("the PNG header uses an unknown colour type, depth or method")
    if width > MAX_SIDE or height > MAX_SIDE:
        return width, height  # refused by size: its pixels are not even looked at
    names = [name for name, _ in chunks]
    if colour == 3 and b"PLTE" not in names:
        raise PictureProblem("the PNG has a palette type but no palette: it is damaged")
    if b"IDAT" not in names:
        raise PictureProblem("the PNG has no picture data (no IDAT chunk)")
    first = names.index(b"IDAT")
    last = len(names) - 1 - names[::-1].index(b"IDAT")
    if any(name != b"IDAT" for name in names[first:last + 1]):
        raise PictureProblem("the PNG's picture data is split by other chunks: it is damaged")
    expected = _png_raw_size(width, height, _PNG_COLOUR[colour][0] * depth, interlace)
    _inflate_exactly((body for name, body in chunks if name == b"IDAT"), expected)
    return width, height


def _png_chunks(data: bytes) -> list[tuple[bytes, memoryview]]:
    """Every chunk up to IEND, CRCs checked; the IHDR alone when it is enough to refuse."""
    view = memoryview(data)
    chunks: list[tuple[bytes, memoryview]] = []
    at = len(PNG_MAGIC)
    while True:
        if len(chunks) >= MAX_PNG_CHUNKS:
            raise PictureProblem(f"the PNG has more than {MAX_PNG_CHUNKS:,} chunks")
        if at + 8 > len(data):
            raise PictureProblem("the PNG is truncated (it ends before its IEND chunk)")
        length, name = struct.unpack_from(">I4s", data, at)
        end = at + 8 + length + 4
        if end > len(data):
            raise PictureProblem(f"the PNG is truncated (its {_chunk_name(name)} chunk is cut "
                                 "short)")
        body = view[at + 8:at + 8 + length]
        (crc,) = struct.unpack_from(">I", data, end - 4)
        if zlib.crc32(body, zlib.crc32(name)) != crc:
            raise PictureProblem(f"the PNG is damaged (the checksum of its "
                                 f"{_chunk_name(name)} chunk is wrong)")
        chunks.append((name, body))
        at = end
        if name == b"IEND":
            return chunks
        if len(chunks) == 1 and name == b"IHDR" and len(body) == 13:
            width, height = struct.unpack_from(">II", body)
            if width > MAX_SIDE or height > MAX_SIDE:
                return chunks


def _chunk_name(name: bytes) -> str:
    text = name.decode("ascii", errors="replace")
    return text if text.isalpha() else repr(name)


def _png_raw_size(width: int, height: int, bits: int, interlace: int) -> int:
    """Bytes of filtered scanlines the IDAT stream must inflate to."""
    def rows(w: int, h: int) -> int:
        return 0 if w == 0 or h == 0 else h * (1 + (w * bits + 7) // 8)

    if not interlace:
        return rows(width, height)
    return sum(rows((width - x + dx - 1) // dx, (height - y + dy - 1) // dy)
               for x, y, dx, dy in _ADAM7)


def _inflate_exactly(parts: object, expected: int) -> None:
    """Inflate the pixel stream slice by slice; it must end, and hold `expected` bytes."""
    inflater = zlib.decompressobj()
    total = 0
    try:
        for part in parts:  # type: ignore[attr-defined]
            pending = bytes(part)
            while pending and not inflater.eof:
                total += len(inflater.decompress(pending, _INFLATE_SLICE))
                pending = inflater.unconsumed_tail
                if total > expected:
                    raise PictureProblem("the PNG holds more pixel data than its size says")
        while not inflater.eof and total <= expected:
            out = inflater.decompress(b"", _INFLATE_SLICE)
            if not out:
                break
            total += len(out)
    except zlib.error:
        raise PictureProblem("the PNG's picture data is damaged (it does not inflate)") \
            from None
    if not inflater.eof or total < expected:
        raise PictureProblem("the PNG's picture data is truncated (it ends before the "
                             "last row)")
    if total > expected:
        raise PictureProblem("the PNG holds more pixel data than its size says")


# -- JPEG --------------------------------------------------------------------


def _jpeg(data: bytes) -> tuple[int, int]:
    at = 2
    segments = 0
    size: tuple[int, int] | None = None
    while True:
        if at >= len(data) or data[at] != 0xFF:
            raise PictureProblem("the JPEG is truncated or damaged (a segment marker is "
                                 "missing)")
        while at < len(data) and data[at] == 0xFF:  # fill bytes before a marker
            at += 1
        if at >= len(data):
            raise PictureProblem("the JPEG is truncated")
        marker = data[at]
        at += 1
        if marker in _JPEG_STANDALONE:
            continue
        if marker in (0xD8, 0xD9):
            raise PictureProblem("the JPEG ends before its picture data")
        segments += 1
        if segments > MAX_JPEG_SEGMENTS:
            raise PictureProblem(f"the JPEG has more than {MAX_JPEG_SEGMENTS} segments before "
                                 "its picture data; save it again without the extra metadata")
        if at + 2 > len(data):
            raise PictureProblem("the JPEG is truncated")
        (length,) = struct.unpack_from(">H", data, at)
        if length < 2 or at + length > len(data):
            raise PictureProblem("the JPEG is truncated (a segment is cut short)")
        body = data[at + 2:at + length]
        at += length
        if marker in _JPEG_SOF_OTHER:
            raise PictureProblem("the JPEG uses a lossless, arithmetic or hierarchical "
                                 "encoding the game cannot show; save it as a baseline JPEG")
        if marker in _JPEG_SOF_SHOWN:
            size = _jpeg_frame(body)
        if marker == 0xDA:  # start of scan: the picture data follows
            if size is None:
                raise PictureProblem("the JPEG has picture data but no frame header")
            if data.find(b"\xff\xd9", at) < 0:
                raise PictureProblem("the JPEG is truncated (its picture data has no end "
                                     "marker)")
            return size


def _jpeg_frame(body: bytes) -> tuple[int, int]:
    if len(body) < 6:
        raise PictureProblem("the JPEG's frame header is cut short")
    precision, height, width, components = struct.unpack_from(">BHHB", body)
    if precision != 8 or components not in (1, 3, 4) or len(body) < 6 + 3 * components:
        raise PictureProblem("the JPEG's frame header is damaged or uses an unusual "
                             "precision")
    if width == 0 or height == 0:
        raise PictureProblem(f"the JPEG header gives an impossible size, {width} x {height}")
    return width, height
