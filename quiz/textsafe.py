"""Text from a pack (or a file name) on its way to a screen or a terminal.

Packs come from strangers. The validator refuses control characters in pack
texts (`control_at` finds them); what still reaches an output passes one of two
sanitisers here: `for_terminal` for anything printed (a raw ESC could retitle
or clear the player's terminal), `for_screen` for anything the game renders
(`font.render` raises on a NUL, and a base letter under hundreds of combining
marks piles them into one tall box that hides the rest of the line).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final, TextIO

MAX_MARKS: Final = 3  # combining marks kept on one base letter; Vietnamese needs two
MAX_SCREEN_CHARS: Final = 2000  # no pack text is longer; a file name could be

# Control characters: C0 (but tab and line feed), DEL and C1; and a CR is allowed
# only as the first half of CRLF.
_CONTROL: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")
# Never written raw to a terminal: every Cc, the bidirectional overrides that
# reorder what follows, line separators, lone surrogates (undecodable file names).
_UNSAFE_FOR_TERMINAL: Final = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff]"
)
_SCREEN_DROP: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_NAMES: Final = {0: "NUL", 7: "BEL", 8: "backspace", 9: "tab", 10: "line feed",
                 13: "carriage return", 27: "ESC", 127: "DEL"}


def control_at(text: str) -> int | None:
    """Index of the first control character a pack text may not hold, or None."""
    found = _CONTROL.search(text)
    return found.start() if found else None


def describe_char(char: str) -> str:
    """'U+001B (ESC)': how a character is named in a message."""
    code = ord(char)
    name = _NAMES.get(code) or unicodedata.name(char, "")
    return f"U+{code:04X}" + (f" ({name})" if name else "")


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: str) -> str:
    """`text` with every character unsafe for a terminal shown escaped, as `\\x1b`."""
    return _UNSAFE_FOR_TERMINAL.sub(_escape, text)


def for_screen(text: str) -> str:
    """`text` as the game may render it: NFC, no controls, few marks per letter."""
    if text.isascii() and text.isprintable():
        return text[:MAX_SCREEN_CHARS]  # the common case, untouched
    text = _SURROGATE.sub("\ufffd", text[:MAX_SCREEN_CHARS])
    text = _SCREEN_DROP.sub("", text.replace("\r\n", "\n").replace("\t", " "))
    text = unicodedata.normalize("NFC", text)
    return _cap_marks(text)


def _cap_marks(text: str) -> str:
    kept: list[str] = []
    run = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) == "Me":
            run += 1
            if run > MAX_MARKS:
                continue
        else:
            run = 0
        kept.append(char)
    return "".join(kept)


class TerminalStream:
    """A text stream that escapes what `for_terminal` would, keeping line ends."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        lines = text.split("\n")
        self._stream.write("\n".join(for_terminal(line) for line in lines))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)
