"""Write an Action Plan register as a workbook in the official table layout.

The sheet looks like the printed plan (objectives merged down over their activities, several
ministries in one cell) so ministries can work in it, and it reads back through the importer
unchanged: the extra status columns are ignored on import, because status changes only
through status events. The file is written under a temporary name and renamed, so a failure
never leaves half a workbook under the name the user chose.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from nsss_desktop.io.action_plan_layout import COLUMNS, EXPORT_ONLY

__all__ = ["ExportRow", "MINISTRY_SEPARATOR", "write_plan_workbook"]

MINISTRY_SEPARATOR = "; "
HEADER_ROW = 3  # row 1: title; row 2: blank; the importer finds the header in rows 1-10
_WRAP = Alignment(wrap_text=True, vertical="top")
_UNSAFE_TITLE = str.maketrans(dict.fromkeys("[]:*?/\\", "_"))


@dataclass(frozen=True)
class ExportRow:
    objective_key: str  # rows with the same key in a run share one merged Objective cell
    number: str
    objective: str
    activity: str
    indicators: Sequence[str]
    timeframe: str
    responsible: Sequence[str]
    shared: Sequence[str]
    status: str
    last_update: date | None
    evidence_count: int


def write_plan_workbook(path: Path, *, title: str, sheet_name: str, rows: Sequence[ExportRow],
                        lang: str = "en") -> Path:
    """Write the register; return the path. Atomic: temp file in the same folder, renamed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.partial")
    try:
        _build(title, sheet_name, rows, lang).save(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def _build(title: str, sheet_name: str, rows: Sequence[ExportRow], lang: str) -> Workbook:
    columns = (*COLUMNS, *EXPORT_ONLY)
    wb = Workbook()
    ws = wb.active
    ws.title = (sheet_name.translate(_UNSAFE_TITLE).strip("'") or "Action Plan")[:31]
    ws.cell(1, 1, title).font = Font(bold=True, size=13)
    for col, column in enumerate(columns, start=1):
        cell = ws.cell(HEADER_ROW, col, column.bn if lang == "bn" else column.en)
        cell.font = Font(bold=True)
        cell.alignment = _WRAP
        ws.column_dimensions[get_column_letter(col)].width = column.width
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
    first = HEADER_ROW + 1
    run_start, run_key = first, None
    for index, row in enumerate(rows, start=first):
        values = (
            row.number, row.objective if row.objective_key != run_key else None, row.activity,
            "\n".join(row.indicators), row.timeframe, MINISTRY_SEPARATOR.join(row.responsible),
            MINISTRY_SEPARATOR.join(row.shared), row.status, row.last_update,
            row.evidence_count,
        )
        if row.objective_key != run_key:
            _merge_objective(ws, run_start, index - 1)
            run_start, run_key = index, row.objective_key
        for col, value in enumerate(values, start=1):
            if value is None or value == "":
                continue
            if col == 1 and isinstance(value, str) and value.isdigit() and value[0] != "0":
                value = int(value)  # a number cell, as typed in Excel (reads back as "1")
            cell = ws.cell(index, col, value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text that starts with '=' stays text, never a formula
            cell.alignment = _WRAP
            if isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
    _merge_objective(ws, run_start, first + len(rows) - 1)
    return wb


def _merge_objective(ws: object, start: int, end: int) -> None:
    if end > start:
        ws.merge_cells(start_row=start, start_column=2, end_row=end,  # type: ignore[attr-defined]
                       end_column=2)
