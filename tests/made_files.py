"""Pictures and packs the tests make for themselves: real PNGs written with zlib and
struct (a huge one streams its rows, so nothing big is ever held or committed), JPEGs
from pygame, and the hostile variants of both."""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

PACK_HEAD = """\
format: 1
pack:
  id: {pack_id}
  title: "{title}"
{pack_extra}questions:
"""
QUESTION = """\
  - id: {qid}
    category: general
    prompt: "{prompt}"
    answer: "Neil"
    wrong: ["Chris", "Waingro", "Vincent"]
    explain: "Neil leads the crew."
{extra}"""


def chunk(name: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + name + body + \
        struct.pack(">I", zlib.crc32(body, zlib.crc32(name)))


def ihdr(width: int, height: int, depth: int = 8, colour: int = 2) -> bytes:
    return chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0))


def png(width: int, height: int, colour: int = 2) -> bytes:
    """A real, whole PNG (RGB or grey), rows streamed through zlib: a 20000 x 20000
    picture is made in a second or two and weighs about a megabyte."""
    channels = 3 if colour == 2 else 1
    packer = zlib.compressobj(9)
    parts = []
    row = bytearray(1 + width * channels)
    for y in range(height):
        row[1:] = bytes([(y * 7) % 256]) * (width * channels)
        parts.append(packer.compress(bytes(row)))
    parts.append(packer.flush())
    return PNG_MAGIC + ihdr(width, height, 8, colour) + chunk(b"IDAT", b"".join(parts)) + \
        chunk(b"IEND", b"")


def png_claiming(width: int, height: int) -> bytes:
    """A few dozen bytes whose header claims `width` x `height`."""
    return PNG_MAGIC + ihdr(width, height, 8, 0) + chunk(b"IDAT", zlib.compress(b"\0\0")) + \
        chunk(b"IEND", b"")


def png_truncated(width: int = 64, height: int = 64) -> bytes:
    """A real PNG cut off in the middle of its pixel data."""
    whole = png(width, height)
    return whole[: len(whole) * 2 // 3]


def png_short_pixels(width: int = 64, height: int = 64) -> bytes:
    """Every chunk whole and checksummed, but the pixel data stops after half the rows."""
    rows = b"".join(b"\0" + b"\x80" * (width * 3) for _ in range(height // 2))
    return PNG_MAGIC + ihdr(width, height) + chunk(b"IDAT", zlib.compress(rows)) + \
        chunk(b"IEND", b"")


def jpeg(width: int = 96, height: int = 64) -> bytes:
    """A real JPEG, written by pygame."""
    import pygame

    surface = pygame.Surface((width, height))
    surface.fill((180, 40, 40))
    pygame.draw.circle(surface, (240, 200, 60), (width // 2, height // 2), min(width, height) // 3)
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"made-{os.getpid()}-{width}x{height}.jpg"
    pygame.image.save(surface, str(path))
    try:
        return path.read_bytes()
    finally:
        path.unlink()


def jpeg_with_segments(count: int, width: int = 96, height: int = 64) -> bytes:
    """A real JPEG with `count` extra EXIF (APP1) segments before its frame."""
    whole = jpeg(width, height)
    exif = b"\xff\xe1" + struct.pack(">H", 2 + 16) + b"Exif\0\0" + b"\0" * 10
    return whole[:2] + exif * count + whole[2:]


def pack_text(questions: list[str], pack_id: str = "hostile", title: str = "Hostile",
              pack_extra: str = "") -> str:
    """A pack of choice questions; each entry is the YAML lines added to one question."""
    text = PACK_HEAD.format(pack_id=pack_id, title=title, pack_extra=pack_extra)
    for index, extra in enumerate(questions, start=1):
        text += QUESTION.format(qid=f"q{index}", prompt=f"Who leads the crew? ({index})",
                                extra=extra)
    return text


def write_pack(folder: Path, questions: list[str], name: str = "pack.yaml", **kw: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(pack_text(questions, **kw), encoding="utf-8")
    return path
