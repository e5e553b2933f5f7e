"""Excel workbooks (.xlsx) into spreadsheet rows, through openpyxl.

A workbook is a zip of XML files from whoever sent it, so it passes the
same zip guards as a shared pack (entry count, header sizes, sizes counted
while streaming) before openpyxl sees it. openpyxl then reads the first
sheet with data in read-only mode, cell values only (a formula gives the
value Excel last computed), never running anything in the file.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Iterator
from typing import Any, Final

from quiz.importers import archive
from quiz.importers.draft import NotThisFormat
from quiz.importers.spreadsheet import Row
from quiz.packs.validate import MAX_QUESTIONS

_MAX_COLUMNS: Final = 64
LIMITS: Final = archive.Limits(entries=500, total=64 * 1024 * 1024, entry=16 * 1024 * 1024)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    return str(value).strip()


def rows(data: bytes, file: str) -> Iterator[Row]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as workbook:
            archive.verify(workbook, archive.check_members(workbook, LIMITS), LIMITS)
    except archive.ArchiveProblem as bad:
        raise NotThisFormat(f"{file}: error: the workbook is refused: {bad}") from None
    except zipfile.BadZipFile:
        raise NotThisFormat(f"{file}: error: not an Excel .xlsx workbook (it is not a zip); "
                            "an old .xls must be saved as .xlsx or CSV first") from None
    try:
        import openpyxl  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - openpyxl is a dependency of the game
        raise NotThisFormat(f"{file}: error: reading .xlsx needs openpyxl "
                            "(pip install openpyxl); or save the sheet as CSV") from None
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as bad:  # noqa: BLE001 - openpyxl raises many kinds for a damaged workbook
        raise NotThisFormat(f"{file}: error: not a readable Excel workbook ({bad})") from None
    try:
        sheets = [s for s in book.worksheets if getattr(s, "max_row", 0)]
        if not sheets:
            raise NotThisFormat(f"{file}: error: the workbook has no sheet with data")
        sheet = sheets[0]
        first = sheet.min_row or 1
        for number, values in enumerate(sheet.iter_rows(values_only=True,
                                                        max_col=_MAX_COLUMNS), start=first):
            if number - first > MAX_QUESTIONS + 50:
                break
            cells = [_text(v) for v in values]
            yield Row(number, number, cells)
    finally:
        book.close()
