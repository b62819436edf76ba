"""Write a `ReportDocument` to an Excel workbook: one sheet per table, then a notes sheet.

Numbers stay numbers (exact: `nsss_desktop.io.table_export` makes openpyxl write a Decimal
as its own digits, never a float artefact), so an analyst can re-add a column and get the
printed total. Headers are bold and frozen; dates are real dates. The texts, notes and the
provenance line go on the last sheet, so a copied workbook still says what data it shows.
The file is written under a temporary name and renamed: a failure never leaves half a file.
"""

from __future__ import annotations

import os
import re
import unicodedata
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from nsss_desktop.io.table_export import NUMBER_FORMATS  # also installs the exact-Decimal writer
from nsss_desktop.reports.document import (
    DATE,
    ROW_STYLE,
    STYLE_TOTAL,
    DashboardTable,
    ReportDocument,
)

__all__ = ["export_report_xlsx"]

DATE_FORMAT = "yyyy-mm-dd"
NOTES_SHEET = {"en": "Notes", "bn": "টীকা"}
PROVENANCE = {"en": "Provenance", "bn": "তথ্যের উৎস"}
SHEET_NAME_MAX = 31
# Bengali hasant (joins the next consonant into a conjunct), ZWNJ and ZWJ.
_JOINING = {"\u09cd", "\u200c", "\u200d"}
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_WIDE = {"activity": 60, "group": 36}
_NARROW = 14
_TEXT = 24


def export_report_xlsx(doc: ReportDocument, path: Path) -> Path:
    """Write `doc` to `path` (.xlsx) atomically; return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.partial")
    try:
        _workbook(doc).save(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def _workbook(doc: ReportDocument) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    for table in doc.tables():
        _write_table(wb.create_sheet(_sheet_name(table.title, used)), table)
    notes = wb.create_sheet(_sheet_name(NOTES_SHEET[doc.lang], used))
    _write_notes(notes, doc)
    return wb


def _sheet_name(title: str, used: set[str]) -> str:
    """Excel allows 31 characters and no []:*?/\\ in a sheet name, and no duplicates."""
    base = _BAD_SHEET_CHARS.sub("-", title).strip("'") or "Sheet"
    name, n = _fit(base, SHEET_NAME_MAX), 2
    while name.lower() in used:
        suffix = f" ({n})"
        name, n = _fit(base, SHEET_NAME_MAX - len(suffix)) + suffix, n + 1
    used.add(name.lower())
    return name


def _fit(text: str, limit: int) -> str:
    """Shorten at a word boundary: a cut inside a Bangla word can split a conjunct or part a
    letter from its vowel sign. Without a space, cut where neither happens."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    if text[limit] == " ":
        return head.rstrip(" -")
    if " " in head:
        return head[:head.rfind(" ")].rstrip(" -")
    while head and (head[-1] in _JOINING or _is_mark(text[len(head)])):
        head = head[:-1]
    return head


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M") or char in _JOINING


def _write_table(ws: Worksheet, table: DashboardTable) -> None:
    ws.append([c.label for c in table.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    for row in table.rows:
        ws.append([_value(row.get(c.key), c.kind) for c in table.columns])
        for cell in ws[ws.max_row]:
            if cell.data_type == "f":  # text from a workbook that starts with '=': keep as text
                cell.data_type = "s"
            if row.get(ROW_STYLE) == STYLE_TOTAL:
                cell.font = bold
    for idx, column in enumerate(table.columns, start=1):
        fmt = DATE_FORMAT if column.kind == DATE else NUMBER_FORMATS.get(column.kind)
        letter = get_column_letter(idx)
        ws.column_dimensions[letter].width = _WIDE.get(column.key, _NARROW if fmt else _TEXT)
        for (cell,) in ws.iter_rows(min_row=2, min_col=idx, max_col=idx):
            if fmt:
                cell.number_format = fmt
            else:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"


def _value(value: object, kind: str) -> object:
    """Dates (ISO text in the model) become Excel dates; everything else goes in as it is."""
    if kind == DATE and isinstance(value, str) and value:
        return date.fromisoformat(value)
    return value


def _write_notes(ws: Worksheet, doc: ReportDocument) -> None:
    ws.column_dimensions["A"].width = 120
    ws.append([doc.title])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([doc.subtitle])
    for section in doc.sections:
        ws.append([])
        ws.append([section.heading])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
        for line in [*section.paragraphs, *section.notes,
                     *(n for t in section.tables for n in t.notes)]:
            ws.append([line])
            ws.cell(ws.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.append([])
    ws.append([PROVENANCE[doc.lang]])
    ws.cell(ws.max_row, 1).font = Font(bold=True)
    ws.append([doc.provenance])
