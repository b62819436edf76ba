"""Workbooks for the Action Plan tests, written with openpyxl as real .xlsx files.

`official_rows()` are the real rows of resources/demo/action_plan.csv; `write_plan()` lays
rows out like the printed plan tables (a title, the header row, objective cells merged down
over their activities), with ministries in Bangla where names_bn.csv has the real name.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook
from sqlalchemy import func, select

from nsss_desktop.store.models import (
    ActionPlan,
    Activity,
    ActivitySharedMinistry,
    ChangeJournal,
    Indicator,
    JournalTxn,
    Objective,
)
from tests.conftest import DEMO_DATA

HEADER_EN = ("No.", "Objective", "Activities", "Performance indicators", "Timeframe",
             "Responsible ministry", "Shared responsibility")
HEADER_BN = ("ক্রমিক", "উদ্দেশ্য", "কার্যক্রম", "কর্মসম্পাদন সূচক", "সময়সীমা",
             "দায়িত্বপ্রাপ্ত মন্ত্রণালয়", "সহযোগী মন্ত্রণালয়")
HEADER_ROW = 3  # a title in row 1, a blank row 2, as in the printed tables


def csv_rows() -> list[dict[str, str]]:
    with open(DEMO_DATA / "action_plan.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def bangla_ministry_names() -> dict[str, str]:
    with open(DEMO_DATA / "names_bn.csv", encoding="utf-8", newline="") as fh:
        return {r["english_name"]: r["bangla_name"] for r in csv.DictReader(fh)
                if r["kind"] == "ministry"}


def official_rows(*, bangla_ministries: bool = True) -> list[list[object]]:
    """The demo CSV as table rows: No. 1..n, ministries in Bangla where known."""
    bn = bangla_ministry_names() if bangla_ministries else {}
    rows = []
    for number, r in enumerate(csv_rows(), start=1):
        shared = [bn.get(n.strip(), n.strip()) for n in r["shared_responsibility"].split(";")
                  if n.strip()]
        rows.append([number, r["objective"], r["activity"], r["performance_indicator"],
                     r["timeframe"], bn.get(r["responsible_ministry"], r["responsible_ministry"]),
                     "; ".join(shared)])
    return rows


def write_plan(path: Path, rows: Sequence[Sequence[object]], *,
               header: Sequence[str] = HEADER_EN, title: str = "NSSS Action Plan (test)",
               merge_objectives: bool = True, sheet: str = "Action Plan",
               header_row: int = HEADER_ROW) -> Path:
    """Write rows under a header; merge runs of equal Objective cells (column B) like the
    printed tables, leaving the merged-over cells empty as Excel does."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    if header_row > 1:
        ws.cell(1, 1, title)
    for col, text in enumerate(header, start=1):
        ws.cell(header_row, col, text)
    first = header_row + 1
    for i, row in enumerate(rows):
        for col, value in enumerate(row, start=1):
            if value not in (None, ""):
                ws.cell(first + i, col, value)
    if merge_objectives and ("Objective" in header or "উদ্দেশ্য" in header):
        col = 2
        start = 0
        for i in range(1, len(rows) + 1):
            if i == len(rows) or rows[i][col - 1] != rows[start][col - 1]:
                if i - 1 > start:
                    ws.merge_cells(start_row=first + start, start_column=col,
                                   end_row=first + i - 1, end_column=col)
                start = i
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def counts(db) -> dict[str, int]:
    """Row counts of the plan tables and the journal: equal before/after = nothing written."""
    with db.reader() as s:
        return {model.__tablename__: s.scalar(select(func.count()).select_from(model))
                for model in (ActionPlan, Objective, Activity, Indicator, ActivitySharedMinistry,
                              ChangeJournal, JournalTxn)}


def journal_of(db, txn_id: str) -> list[ChangeJournal]:
    with db.reader() as s:
        return list(s.scalars(select(ChangeJournal).where(ChangeJournal.txn_id == txn_id)))


def write_raw_xlsx(path: Path, rows: Sequence[Sequence[object]], sheet: str = "Action Plan"
                   ) -> Path:
    """A minimal .xlsx written part by part (shared strings, numbers, no styles), as small
    tools and Excel itself lay them out; used for the 50,000-row sheet, which openpyxl's own
    writer would take many seconds to produce."""
    strings: dict[str, int] = {}
    body = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row):
            ref = f"{'ABCDEFGHIJ'[c]}{r}"
            if isinstance(value, int):
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
            elif value:
                index = strings.setdefault(str(value), len(strings))
                cells.append(f'<c r="{ref}" t="s"><v>{index}</v></c>')
        body.append(f'<row r="{r}">{"".join(cells)}</row>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    parts = {
        "[Content_Types].xml": (
            f'<Types xmlns="{pkg}/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.worksheet+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ct}.sharedStrings+xml"/>'
            '</Types>'),
        "_rels/.rels": (
            f'<Relationships xmlns="{pkg}/relationships"><Relationship Id="rId1" '
            f'Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="{sheet}" '
            'sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{pkg}/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
            '</Relationships>'),
        "xl/sharedStrings.xml": (
            f'<sst xmlns="{main}" count="{len(strings)}" uniqueCount="{len(strings)}">'
            + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>"),
        "xl/worksheets/sheet1.xml": (
            f'<worksheet xmlns="{main}"><sheetData>{"".join(body)}</sheetData></worksheet>'),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                        + text)
    return path
