"""Cached fonts, rendered text, fitted text blocks and images.

A new Font costs about a millisecond and a render tens of microseconds, while a
blit of a cached surface costs a few: everything here is made once per key and
reused. Images are converted only after the display exists (convert_alpha raises
before set_mode).
"""

from __future__ import annotations

import io
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

import pygame

from quiz.packs.images import PictureProblem, open_picture
from quiz.textsafe import for_screen
from quiz.ui.layout_log import widows
from quiz.ui.theme import Colour

if TYPE_CHECKING:
    from quiz.ui.layout_log import LayoutLog
    from quiz.ui.mark_log import MarkLog

Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class FittedText:
    """A wrapped block of text rendered at the largest size that fits its box."""

    surface: pygame.Surface
    size: int
    lines: tuple[str, ...]
    # Where each line sits on `surface`, and the room all lines took before the surface cut
    # them to the box (for the layout check: a cut text is wider or taller than its box).
    line_rects: tuple[pygame.Rect, ...] = ()
    needed: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))


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


MEMO_LIMIT = 512  # the soak's busiest session used 186


class Resources:
    def __init__(self, assets: Path) -> None:
        self.assets = assets
        self._fonts: dict[tuple[Path | None, int], pygame.font.Font] = {}
        self._text: _Lru[tuple[str, int, Colour, Path | None], pygame.Surface] = _Lru(4096)
        self.face: Path | None = None  # a pack's own font file, while its texts are drawn
        self._broken_faces: set[Path] = set()
        self._fitted: _Lru[tuple[object, ...], FittedText] = _Lru(512)
        self._images: dict[tuple[str, tuple[int, int] | None], pygame.Surface] = {}
        # Bounded too: a panel animated through many sizes (a podium block rising) makes one
        # entry per size, and a long session must not keep them all.
        self._memo: _Lru[object, pygame.Surface] = _Lru(MEMO_LIMIT)
        self._pictures: dict[tuple[str, tuple[int, int]], pygame.Surface | None] = {}
        # The layout check's record of where texts land; None (off) in normal play.
        self.layout: LayoutLog | None = None
        # The reveal check's record of the ticks, crosses and picks drawn; None (off) too.
        self.marks: MarkLog | None = None

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
            surface = make()
            self._memo.put(key, surface)
        else:
            self._memo.move_to_end(key)
        return surface

    @contextmanager
    def using_face(self, face: Path | None) -> Iterator[None]:
        """Draw with a pack's font file (None: the game's own) inside the block."""
        before, self.face = self.face, face
        try:
            yield
        finally:
            self.face = before

    def font(self, size: int) -> pygame.font.Font:
        face = self.face if self.face not in self._broken_faces else None
        font = self._fonts.get((face, size))
        if font is None:
            font = self._fonts[(face, size)] = self._open_font(face, size)
        return font

    def _open_font(self, face: Path | None, size: int) -> pygame.font.Font:
        if face is not None:
            try:
                font = pygame.font.Font(str(face), size)
                font.render("Ag", True, (0, 0, 0))  # a damaged file opens, then fails here
                return font
            except (pygame.error, OSError, ValueError):
                self._broken_faces.add(face)  # the validator read its cmap; the renderer not
        # The default font ships inside pygame-ce, so every machine has it.
        return pygame.font.Font(None, size)

    def text(self, text: str, size: int, colour: Colour) -> pygame.Surface:
        text = for_screen(text)  # a NUL would make render raise; marks could pile up
        key = (text, size, colour, self.face)
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
        text = for_screen(text)
        key = (text, box, colour, max_size, min_size, align, line_gap, self.face)
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
        fallback: int | None = None  # the largest size that fits, though with a word alone
        while True:
            font = self.font(size)
            lines = wrap_evenly(text, font, width)
            step = int(font.get_linesize() * (1 + line_gap))
            total = step * (len(lines) - 1) + rendered_height(font, lines)
            widest = max((font.size(line)[0] for line in lines), default=0)
            fits = total <= height and widest <= width
            if fits and not widows(text, lines):
                break
            if fits and fallback is None:
                fallback = size
            if size <= min_size:
                if fallback is not None:  # smaller did not help: the size that fitted
                    size = fallback
                    font = self.font(size)
                    lines = wrap_evenly(text, font, width)
                    step = int(font.get_linesize() * (1 + line_gap))
                    total = step * (len(lines) - 1) + rendered_height(font, lines)
                break
            size = max(min_size, size - max(1, size // 12))
        surface = pygame.Surface((width, min(max(total, 1), max(height, 1))), pygame.SRCALPHA)
        top = (surface.get_height() - total) // 2
        placed = []
        for index, line in enumerate(lines):
            rendered = font.render(line, True, colour)
            if align == "left":
                x = 0
            elif align == "right":
                x = width - rendered.get_width()
            else:
                x = (width - rendered.get_width()) // 2
            placed.append(rendered.get_rect(topleft=(x, max(0, top) + index * step)))
            surface.blit(rendered, placed[-1])
        needed = surface.get_rect()
        if placed:  # taller than the surface when it was cut: the lines are centred on it
            needed = placed[0].unionall(placed[1:]).move(0, min(0, top))
        return FittedText(surface, size, tuple(lines), tuple(placed), needed)

    def picture(self, path: Path, box: tuple[int, int]) -> pygame.Surface | None:
        """A pack's own image scaled to fit `box`, decoded and scaled once; None when it
        cannot be shown. Load a round's pictures with `preload` before its clock runs."""
        key = (str(path), box)
        if key not in self._pictures:
            self._pictures[key] = self._load_picture(path, box)
        return self._pictures[key]

    def preload(self, paths: Iterable[Path], box: tuple[int, int]) -> None:
        for path in paths:
            self.picture(path, box)

    def _load_picture(self, path: Path, box: tuple[int, int]) -> pygame.Surface | None:
        try:
            # Header and limits first: pygame decodes whatever size a header claims.
            checked = open_picture(path)
            loaded = pygame.image.load(io.BytesIO(checked.data), f"picture{checked.suffix}")
        except (PictureProblem, pygame.error, OSError, ValueError):
            return None
        loaded = loaded.convert_alpha()
        scale = min(box[0] / loaded.get_width(), box[1] / loaded.get_height())
        size = (max(1, int(loaded.get_width() * scale)), max(1, int(loaded.get_height() * scale)))
        return pygame.transform.smoothscale(loaded, size)

    def image(self, name: str, size: tuple[int, int] | None = None) -> pygame.Surface:
        key = (name, size)
        surface = self._images.get(key)
        if surface is None:
            surface = pygame.image.load(str(self.assets / name)).convert_alpha()
            if size is not None:
                surface = pygame.transform.smoothscale(surface, size)
            self._images[key] = surface
        return surface


def rendered_height(font: pygame.font.Font, lines: list[str]) -> int:
    """The height a rendered line really takes: a pixel or two over `get_height` and
    `size` at some sizes, enough to cut the descenders of a last line."""
    return max((font.render(line or " ", True, (0, 0, 0)).get_height() for line in lines),
               default=font.get_height())


def wrap_evenly(text: str, font: pygame.font.Font, width: int) -> list[str]:
    """`wrap`, but when that leaves a word alone on a line, the same number of lines made as
    narrow as they go, so the last line takes words from the ones above."""
    lines = wrap(text, font, width)
    if len(lines) < 2 or not widows(text, lines):
        return lines
    low = max((font.size(word)[0] for word in text.split()), default=1)
    high = width
    while low < high:  # the narrowest width that keeps the line count
        middle = (low + high) // 2
        if len(wrap(text, font, middle)) <= len(lines):
            high = middle
        else:
            low = middle + 1
    return wrap(text, font, high)


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
