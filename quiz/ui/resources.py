"""Cached fonts, rendered text, fitted text blocks and images.

A new Font costs about a millisecond and a render tens of microseconds, while a
blit of a cached surface costs a few: everything here is made once per key and
reused. Images are converted only after the display exists (convert_alpha raises
before set_mode).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeVar

import pygame

from quiz.ui.theme import Colour

Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class FittedText:
    """A wrapped block of text rendered at the largest size that fits its box."""

    surface: pygame.Surface
    size: int
    lines: tuple[str, ...]


K = TypeVar("K")
V = TypeVar("V")


class _Lru(OrderedDict[K, V]):
    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def put(self, key: K, value: V) -> None:
        self[key] = value
        if len(self) > self.limit:
            self.popitem(last=False)


class Resources:
    def __init__(self, assets: Path) -> None:
        self.assets = assets
        self._fonts: dict[int, pygame.font.Font] = {}
        self._text: _Lru[tuple[str, int, Colour], pygame.Surface] = _Lru(4096)
        self._fitted: _Lru[tuple[object, ...], FittedText] = _Lru(512)
        self._images: dict[tuple[str, tuple[int, int] | None], pygame.Surface] = {}
        self._memo: dict[object, pygame.Surface] = {}
        self._pictures: dict[tuple[str, tuple[int, int]], pygame.Surface | None] = {}

    def cache_sizes(self) -> dict[str, tuple[int, int]]:
        """Each cache's entry count and pixel bytes, for the memory soak."""

        def pixels(surfaces: Iterable[pygame.Surface | None]) -> int:
            return sum(s.get_bytesize() * s.get_width() * s.get_height() for s in surfaces if s)

        fitted = [f.surface for f in self._fitted.values()]
        return {
            "text": (len(self._text), pixels(self._text.values())),
            "fitted": (len(fitted), pixels(fitted)),
            "memo": (len(self._memo), pixels(self._memo.values())),
            "images": (len(self._images), pixels(self._images.values())),
            "pictures": (len(self._pictures), pixels(self._pictures.values())),
        }

    def memo(self, key: object, make: Callable[[], pygame.Surface]) -> pygame.Surface:
        """A surface made once per key (panels, shapes, the backdrop)."""
        surface = self._memo.get(key)
        if surface is None:
            surface = self._memo[key] = make()
        return surface

    def font(self, size: int) -> pygame.font.Font:
        font = self._fonts.get(size)
        if font is None:
            # The default font ships inside pygame-ce, so every machine has it.
            font = self._fonts[size] = pygame.font.Font(None, size)
        return font

    def text(self, text: str, size: int, colour: Colour) -> pygame.Surface:
        key = (text, size, colour)
        surface = self._text.get(key)
        if surface is None:
            surface = self.font(size).render(text, True, colour)
            self._text.put(key, surface)
        else:
            self._text.move_to_end(key)
        return surface

    def fit(
        self,
        text: str,
        box: tuple[int, int],
        colour: Colour,
        max_size: int,
        min_size: int = 14,
        align: Align = "center",
        line_gap: float = 0.12,
    ) -> FittedText:
        """Wrap `text` into `box` at the largest size from max_size down that fits."""
        key = (text, box, colour, max_size, min_size, align, line_gap)
        fitted = self._fitted.get(key)
        if fitted is None:
            fitted = self._fit(text, box, colour, max_size, min_size, align, line_gap)
            self._fitted.put(key, fitted)
        return fitted

    def _fit(
        self,
        text: str,
        box: tuple[int, int],
        colour: Colour,
        max_size: int,
        min_size: int,
        align: Align,
        line_gap: float,
    ) -> FittedText:
        width, height = box
        size = max_size
        while True:
            font = self.font(size)
            lines = wrap(text, font, width)
            step = int(font.get_linesize() * (1 + line_gap))
            total = step * (len(lines) - 1) + font.get_height()
            widest = max((font.size(line)[0] for line in lines), default=0)
            if (total <= height and widest <= width) or size <= min_size:
                break
            size = max(min_size, size - max(1, size // 12))
        surface = pygame.Surface((width, min(max(total, 1), max(height, 1))), pygame.SRCALPHA)
        top = max(0, (surface.get_height() - total) // 2)
        for index, line in enumerate(lines):
            rendered = font.render(line, True, colour)
            if align == "left":
                x = 0
            elif align == "right":
                x = width - rendered.get_width()
            else:
                x = (width - rendered.get_width()) // 2
            surface.blit(rendered, (x, top + index * step))
        return FittedText(surface, size, tuple(lines))

    def picture(self, path: Path, box: tuple[int, int]) -> pygame.Surface | None:
        """A pack's own image scaled to fit `box`; None when it cannot be read."""
        key = (str(path), box)
        if key in self._pictures:
            return self._pictures[key]
        try:
            loaded = pygame.image.load(str(path)).convert_alpha()
        except (pygame.error, OSError, FileNotFoundError):
            picture = None
        else:
            scale = min(box[0] / loaded.get_width(), box[1] / loaded.get_height())
            size = (
                max(1, int(loaded.get_width() * scale)),
                max(1, int(loaded.get_height() * scale)),
            )
            picture = pygame.transform.smoothscale(loaded, size)
        self._pictures[key] = picture
        return picture

    def image(self, name: str, size: tuple[int, int] | None = None) -> pygame.Surface:
        key = (name, size)
        surface = self._images.get(key)
        if surface is None:
            surface = pygame.image.load(str(self.assets / name)).convert_alpha()
            if size is not None:
                surface = pygame.transform.smoothscale(surface, size)
            self._images[key] = surface
        return surface


def wrap(text: str, font: pygame.font.Font, width: int) -> list[str]:
    """Greedy word wrap; a word wider than the box is broken by characters."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}" if current else word
            if font.size(candidate)[0] <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            current = ""
            while font.size(word)[0] > width and len(word) > 1:
                cut = len(word) - 1
                while cut > 1 and font.size(word[:cut])[0] > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            current = word
        lines.append(current)
    return lines or [""]
