"""Write a dashboard table to CSV or XLSX, exactly (decimal text, never a float artefact).

Files are written to a temporary name and renamed, so a failure never leaves half a file under
the name the user chose.
"""

from __future__ import annotations

import csv
import os
from decimal import Decimal
from pathlib import Path

import openpyxl.cell._writer as _openpyxl_cell_writer
from openpyxl import Workbook
from openpyxl.compat import safe_string as _openpyxl_safe_string
from openpyxl.styles import Font

from nsss_desktop.errors import UsageError
from nsss_desktop.services.tables import DashboardTable


def _exact_safe_string(value: object) -> str:
    """openpyxl writes every number with '%.16g' (9149.54 -> 9149.540000000001); a Decimal is
    written here as its own exact digits instead. The test of the XML guards this seam."""
    if isinstance(value, Decimal) and value.is_finite():
        return format(value, "f")
    return _openpyxl_safe_string(value)


_openpyxl_cell_writer.safe_string = _exact_safe_string

NUMBER_FORMATS = {"lakh": "#,##0.00", "crore": "#,##0.00", "taka": "#,##0.00", "int": "#,##0",
                  "percent": "0.0"}


def export_table(table: DashboardTable, out: Path, fmt: str | None = None) -> Path:
    out = Path(out)
    fmt = (fmt or out.suffix.lstrip(".")).lower()
    if fmt not in ("csv", "xlsx"):
        raise UsageError(f"Cannot export to '{out.suffix or fmt}'.",
                         hint="Use a file name ending in .csv or .xlsx, or --format csv|xlsx.")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.partial")
    try:
        (_write_csv if fmt == "csv" else _write_xlsx)(table, tmp)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return out


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


_FORMULA_START = ("=", "+", "-", "@")


def _csv_safe(text: str) -> str:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe (CSV
    injection); numbers are never affected because they are not text here."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _write_csv(table: DashboardTable, path: Path) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:  # BOM: Excel reads Bangla
        writer = csv.writer(fh)
        writer.writerow([c.label for c in table.columns])
        for row in table.rows:
            writer.writerow([_csv_safe(v) if isinstance(row.get(c.key), str) else v
                             for c in table.columns for v in [_text(row.get(c.key))]])


def _write_xlsx(table: DashboardTable, path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = table.name[:31]
    ws.append([c.label for c in table.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        # Decimals reach the sheet XML as their exact digits (see _exact_safe_string).
        ws.append([row.get(c.key) for c in table.columns])
        for cell in ws[ws.max_row]:
            if cell.data_type == "f":  # text that starts with "=" stays text, never a formula
                cell.data_type = "s"
    for idx, column in enumerate(table.columns, start=1):
        fmt = NUMBER_FORMATS.get(column.kind)
        if fmt:
            for (cell,) in ws.iter_rows(min_row=2, min_col=idx, max_col=idx):
                cell.number_format = fmt
    ws.freeze_panes = "A2"
    if table.notes:
        notes = wb.create_sheet("Notes")
        for note in table.notes:
            notes.append([note])
    wb.save(path)
