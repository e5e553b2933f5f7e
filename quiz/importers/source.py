"""The text encoding of the author's file, detected (the file is read by quiz.files).

Spreadsheets save CSV in UTF-8 (with or without a byte-order mark), in
UTF-16 ("Unicode text"), or in the Windows code page 1252 ("CSV" in Excel on
Windows). The encoding is worked out from the bytes: a byte-order mark says
so; otherwise text that is valid UTF-8 is UTF-8 (cp1252 text with accents
almost never is), and only then is cp1252 tried.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

MAX_SOURCE_BYTES: Final = 16 * 1024 * 1024  # a file to convert; the pack itself stays <= 5 MiB
_BOMS: Final = (
    (b"\xef\xbb\xbf", "utf-8-sig", "UTF-8"),
    (b"\xff\xfe", "utf-16", "UTF-16"),
    (b"\xfe\xff", "utf-16", "UTF-16"),
)


class SourceProblem(Exception):
    """The file's text cannot be decoded; the message names it and says why."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # as told to the author: "UTF-8", "Windows-1252", ...


def decode_text(data: bytes, file: str) -> Decoded:
    """Text from bytes in UTF-8, UTF-16 (with its mark) or Windows-1252, detected."""
    for mark, codec, name in _BOMS:
        if data.startswith(mark):
            try:
                return Decoded(data.decode(codec), name)
            except UnicodeDecodeError as bad:
                raise SourceProblem(f"{file}: the file starts as {name} but byte "
                                    f"{bad.start} is not {name}") from None
    if b"\x00" in data:
        raise SourceProblem(f"{file}: this is a binary file, not text (it holds a NUL byte)")
    try:
        return Decoded(data.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError:
        pass
    try:
        return Decoded(data.decode("cp1252"), "Windows-1252")
    except UnicodeDecodeError as bad:
        raise SourceProblem(f"{file}: the text is neither UTF-8 nor Windows-1252 (byte "
                            f"0x{data[bad.start]:02x} at offset {bad.start}); save it as "
                            "UTF-8") from None
