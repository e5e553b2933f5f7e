"""Where every text of a frame was drawn, and the box it belongs to: the layout check's record.

Off in normal play: `Resources.layout` is None and the drawing helpers skip the record
with one test. A test switches it on for one frame (`record_frame`), then asks
`problems` what a player would see wrong: a text outside its box or the canvas,
two texts on top of each other, or one word wrapped onto a line of its own.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import pygame

from quiz.ui.theme import LOGICAL_SIZE

CANVAS = pygame.Rect((0, 0), LOGICAL_SIZE)
SLACK = 1  # anti-aliased edges may touch a neighbour by a pixel


@dataclass(frozen=True)
class PlacedText:
    text: str
    lines: tuple[str, ...]
    ink: tuple[pygame.Rect, ...]  # each line's drawn pixels, in canvas coordinates
    box: pygame.Rect  # the box the text belongs to (a button, a card, a tile, the canvas)
    needed: pygame.Rect  # the room the text took before any cut: larger than the box when cut
    scene: str
    order: int = 0  # when it was drawn among the frame's texts and covers
    panel: pygame.Rect | None = None  # the drawn panel it sits on (a button, card, badge)

    def describe(self) -> str:
        return f"{self.scene}: {self.text[:70]!r}"


@dataclass
class LayoutLog:
    canvas: pygame.Surface
    texts: list[PlacedText] = field(default_factory=list)
    scene: str = ""
    covers: list[tuple[int, pygame.Rect]] = field(default_factory=list)
    _boxes: list[pygame.Rect] = field(default_factory=list)
    _order: int = 0

    @contextmanager
    def within(self, box: pygame.Rect) -> Iterator[None]:
        """Texts drawn inside the block belong to `box` unless they name their own."""
        self._boxes.append(pygame.Rect(box))
        try:
            yield
        finally:
            self._boxes.pop()

    def box(self, explicit: pygame.Rect | None) -> pygame.Rect:
        if explicit is not None:
            return pygame.Rect(explicit)
        return self._boxes[-1] if self._boxes else CANVAS

    def place(
        self,
        surface: pygame.Surface,
        text: str,
        lines: Sequence[str],
        ink: Sequence[pygame.Rect],
        box: pygame.Rect | None,
        needed: pygame.Rect | None = None,
        framed: bool = True,
    ) -> None:
        """Record one text; `box` None means the box opened with `within` (or the canvas).
        `framed` False: `box` is only the room given to the text, drawn nowhere."""
        if surface is not self.canvas or not text.strip():
            return  # drawn into a picture of its own, or nothing a player can read
        ink = tuple(r for r in ink if r.width and r.height)
        if not ink:
            return
        bounds = ink[0].unionall(ink[1:])
        self._order += 1
        inside = self._boxes[-1] if self._boxes else None
        drawn = pygame.Rect(box) if box is not None and framed else inside
        self.texts.append(
            PlacedText(
                text,
                tuple(lines),
                ink,
                self.box(box),
                needed or bounds,
                self.scene,
                self._order,
                drawn,
            )
        )

    def cover(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """An opaque panel drawn over `rect`: what was drawn under it is hidden from now on."""
        if surface is self.canvas:
            self.texts = [t for t in self.texts if not all(rect.contains(r) for r in t.ink)]
            self._order += 1
            self.covers.append((self._order, pygame.Rect(rect)))

    def hidden(self, under: PlacedText, over: PlacedText, area: pygame.Rect) -> bool:
        """Whether a panel drawn between two texts hides where they meet."""
        first, last = sorted((under.order, over.order))
        return any(first < order < last and rect.contains(area) for order, rect in self.covers)


def ink_of(rendered: pygame.Surface, at: pygame.Rect) -> pygame.Rect:
    """The pixels a rendered text really covers, placed where it was blitted."""
    return rendered.get_bounding_rect().move(at.topleft)


@contextmanager
def record_frame(resources: object, canvas: pygame.Surface) -> Iterator[LayoutLog]:
    """Switch the record on around one `Control.draw()`."""
    log = LayoutLog(canvas)
    resources.layout = log  # type: ignore[attr-defined]
    try:
        yield log
    finally:
        resources.layout = None  # type: ignore[attr-defined]


def _inside(inner: pygame.Rect, outer: pygame.Rect) -> bool:
    return outer.inflate(SLACK * 2, SLACK * 2).contains(inner)


def _touch(a: pygame.Rect, b: pygame.Rect) -> bool:
    return a.inflate(-SLACK * 2, -SLACK * 2).colliderect(b)


def widows(text: str, lines: Sequence[str]) -> list[str]:
    """Lines holding one word of a paragraph that has more than one (or a piece of a word)."""
    if len(lines) < 2:
        return []
    words = {w for part in text.split("\n") if len(part.split()) > 1 for w in part.split()}
    every = set(text.split())
    found = []
    for line in lines:
        parts = line.split()
        if len(parts) == 1 and (parts[0] in words or parts[0] not in every):
            found.append(line)  # a lone word, or a word cut in two
    return found


def problems(log: LayoutLog) -> list[str]:
    """What a player would see wrong in one frame, one line each."""
    found: list[str] = []
    texts = log.texts
    for text in texts:
        bounds = text.ink[0].unionall(text.ink[1:])
        if not _inside(bounds, CANVAS):
            found.append(f"off the canvas: {text.describe()} at {tuple(bounds)}")
        elif not _inside(text.needed, text.box) or not _inside(bounds, text.box):
            found.append(
                f"out of its box: {text.describe()} needs {tuple(text.needed.union(bounds))}"
                f" in {tuple(text.box)}"
            )
        for line in widows(text.text, text.lines):
            found.append(f"one word on a line: {text.describe()} ends a line with {line!r}")
    for text in texts:
        for other in texts:
            panel = other.panel
            if panel is None or text.panel is not None and panel.contains(text.panel):
                continue  # no drawn panel, or the text sits on that panel (or one inside it)
            if text.box != CANVAS and panel.contains(text.box):
                continue
            if any(
                _touch(r, panel) and not log.hidden(other, text, r.clip(panel)) for r in text.ink
            ):
                found.append(f"on another's panel: {text.describe()} on {other.describe()}")
    found = list(dict.fromkeys(found))  # a panel holds many texts: name each meeting once
    for index, first in enumerate(texts):
        for second in texts[index + 1 :]:
            if any(
                _touch(a, b) and not log.hidden(first, second, a.clip(b))
                for a in first.ink
                for b in second.ink
            ):
                found.append(f"overlap: {first.describe()} and {second.describe()}")
    return found
