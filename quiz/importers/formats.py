"""Which reader a file needs: by its extension, and by its content when that says nothing."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Final

from quiz.importers import gift, opentdb, spreadsheet, xlsx
from quiz.importers.draft import Draft
from quiz.importers.source import SourceProblem, decode_text

PACK: Final = "pack"  # our own YAML: validated and copied, not converted
ZIP: Final = "zip"  # a shared pack: YAML and pictures
CONVERTED: Final = ("opentdb", "csv", "xlsx", "gift")
NAMES: Final = (PACK, ZIP, *CONVERTED)
SUPPORTED: Final = ("supported: heat-quiz packs (.yaml, .yml, or a .zip from 'packs export'), "
                    "Open Trivia Database JSON (.json), CSV in Kahoot!'s quiz template or with "
                    "a header row (.csv, .tsv), Excel (.xlsx), Moodle GIFT (.gift, .txt)")
_BY_SUFFIX: Final = {".yaml": PACK, ".yml": PACK, ".zip": ZIP, ".json": "opentdb",
                     ".csv": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx",
                     ".gift": "gift"}
_GIFT_HINT: Final = re.compile(r"(^|\n)\s*::[^\n]*::|\{\s*(=|~|T\s*\}|F\s*\}|TRUE|FALSE)",
                               re.IGNORECASE)


class Unsupported(ValueError):
    """Neither the extension nor the content names a format the game reads."""


def detect(path: Path, data: bytes) -> str:
    known = _BY_SUFFIX.get(path.suffix.lower())
    if known is not None:
        return known
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(path, data)
    try:
        text = decode_text(data[:64 * 1024], str(path)).text
    except SourceProblem:
        raise Unsupported(f"{path} is not a text file in a format heat-quiz reads") from None
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith("{") and '"results"' in head[:4096]:
        return "opentdb"
    if re.search(r"(?m)^format:\s*1\b", head) and re.search(r"(?m)^questions:", head):
        return PACK
    if _GIFT_HINT.search(head) and "}" in head:
        return "gift"
    if spreadsheet.consistency(head, spreadsheet.sniff(head).delimiter)[0] >= 2:
        return "csv"
    what = f"'{path.suffix}' files" if path.suffix else "files without an extension"
    raise Unsupported(f"{path}: heat-quiz cannot import {what} of this content")


def _zip_kind(path: Path, data: bytes) -> str:
    """A zip with a pack file in it is a shared pack; one with a workbook, Excel."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except zipfile.BadZipFile:
        raise Unsupported(f"{path} is a damaged zip file") from None
    if "xl/workbook.xml" in names:
        return "xlsx"
    if any(Path(name).suffix.lower() in (".yaml", ".yml") for name in names):
        return ZIP
    raise Unsupported(f"{path} is a zip file with no pack in it (a document, perhaps)")


def reader(kind: str) -> Callable[[bytes, str, str], tuple[Draft, str | None]]:
    """The reader for a converted kind: (bytes, file, title) -> (draft, encoding)."""
    def text_reader(read: Callable[[str, str, str], Draft]) -> Callable[
            [bytes, str, str], tuple[Draft, str | None]]:
        def run(data: bytes, file: str, title: str) -> tuple[Draft, str | None]:
            decoded = decode_text(data, file)
            return read(decoded.text, file, title), decoded.encoding
        return run

    def csv_read(text: str, file: str, title: str) -> Draft:
        return spreadsheet.read_rows(spreadsheet.csv_rows(text, file), file, title, "CSV")

    def xlsx_read(data: bytes, file: str, title: str) -> tuple[Draft, str | None]:
        return spreadsheet.read_rows(xlsx.rows(data, file), file, title, "Excel workbook",
                                     cell_columns=True), None

    readers: dict[str, Callable[[bytes, str, str], tuple[Draft, str | None]]] = {
        "opentdb": text_reader(opentdb.read),
        "csv": text_reader(csv_read),
        "gift": text_reader(gift.read),
        "xlsx": xlsx_read,
    }
    return readers[kind]
