"""Will a text fit its box on the 1280x720 game screen? A pure estimate.

The validator warns about prompts and answers too long for their boxes, and
the pygame front end lays text out in the same boxes, so the box sizes live
here, beside the estimate. Widths come from a per-character table of the
game's font (pygame-ce's bundled sans, measured once at 100 px); the front
end shrinks text to fit down to the minimum sizes below, so a text that does
not fit even at its minimum earns a warning.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from quiz.packs.fontmetrics import ADVANCE_AT_100PX, DEFAULT_ADVANCE


@dataclass(frozen=True)
class TextBox:
    width: int  # px at the 1280x720 logical resolution
    max_lines: int
    font_size: int  # preferred size
    min_font_size: int  # smallest size the front end will shrink to


PROMPT_BOX: Final = TextBox(width=1120, max_lines=4, font_size=44, min_font_size=30)
# Six answer tiles sit in two columns; the number badge takes the tile's left side.
ANSWER_BOX: Final = TextBox(width=470, max_lines=2, font_size=32, min_font_size=22)
# Order items are one per row, full width of the list.
ITEM_BOX: Final = TextBox(width=900, max_lines=1, font_size=30, min_font_size=22)
EXPLAIN_BOX: Final = TextBox(width=1100, max_lines=4, font_size=28, min_font_size=22)


class _Advances(dict[str, int]):
    def __missing__(self, char: str) -> int:
        return DEFAULT_ADVANCE


_ADVANCES: Final = _Advances(ADVANCE_AT_100PX)
_SPACE: Final = _ADVANCES[" "]


def _units(text: str) -> int:
    return sum(map(_ADVANCES.__getitem__, text))


def text_width(text: str, font_size: int) -> float:
    """Estimated width in pixels of one line of `text` at `font_size`."""
    return _units(text) * font_size / 100


def wrap(text: str, box_width: int, font_size: int) -> list[str]:
    """Greedy word wrap, as the front end does it; an over-long word gets a line of its own."""
    limit = box_width * 100 / font_size  # compare in font units: one division, not many
    lines: list[str] = []
    current: list[str] = []
    used = 0
    for word in text.split():
        width = _units(word)
        if current and used + _SPACE + width > limit:
            lines.append(" ".join(current))
            current, used = [word], width
        else:
            used += (_SPACE if current else 0) + width
            current.append(word)
    if current:
        lines.append(" ".join(current))
    return lines


def fits(text: str, box: TextBox, font_size: int | None = None) -> bool:
    size = box.min_font_size if font_size is None else font_size
    if _units(text) * size <= box.width * 100:
        return True  # one line is enough: the common case, no wrapping needed
    lines = wrap(text, box.width, size)
    if len(lines) > box.max_lines:
        return False
    return all(text_width(line, size) <= box.width for line in lines)


def fitting_size(text: str, box: TextBox) -> int | None:
    """The largest size from the preferred one down to the minimum at which `text` fits."""
    for size in range(box.font_size, box.min_font_size - 1, -1):
        if fits(text, box, size):
            return size
    return None
