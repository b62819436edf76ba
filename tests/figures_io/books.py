"""Workbooks and tables for the figures import tests, written as real files.

`write_msw_template` writes the real template; `fill` then changes cells the way a ministry
officer does in Excel (openpyxl in normal mode: load, set cells, save). `finance_rows` are
the real 2019-20 rows of resources/demo/programmes.csv, laid out like the Finance Division's
table of social security programmes.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Mapping
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from nsss_desktop.domain import Period
from nsss_desktop.io.figures_template import COLUMNS, TemplateProgramme, write_template
from nsss_desktop.store.models import (
    ChangeJournal,
    Figure,
    FigureDisaggregation,
    JournalTxn,
    Source,
)
from tests.conftest import DEMO_DATA

PERIOD = Period.parse("2023-24")
MSW_PROGRAMMES = [
    TemplateProgramme("OAA", "Old Age Allowance", "বয়স্ক ভাতা", False),
    TemplateProgramme("WDDW", "Allowances for the Widow, Deserted and Destitute Women",
                      "বিধবা ও স্বামী নিগৃহীতা মহিলা ভাতা", False),
    TemplateProgramme("DISA", "Allowance for Financially Insolvent Persons with Disabilities",
                      "অসচ্ছল প্রতিবন্ধী ভাতা", True),
]
# Column letters of the Figures sheet, by key (E = budget_original ... Q = explanation).
COL = {c.key: chr(ord("A") + i) for i, c in enumerate(COLUMNS)}


def write_msw_template(path: Path, programmes=MSW_PROGRAMMES, period: Period = PERIOD,
                       existing: Mapping | None = None) -> Path:
    return write_template(path, ministry_code="MoSW", ministry_name_en="Ministry of Social "
                          "Welfare", ministry_name_bn="সমাজকল্যাণ মন্ত্রণালয়", period=period,
                          programmes=programmes, existing=existing,
                          generated_at="2024-07-01T10:00:00+00:00", app_version="test")


def fill(path: Path, edits: Mapping[tuple[str, str], object], out: Path | None = None,
         delete_sheets: tuple[str, ...] = ()) -> Path:
    """Set cells {(sheet, "E4"): value} as a user would in Excel, and save."""
    wb = load_workbook(path)
    for (sheet, ref), value in edits.items():
        wb[sheet][ref] = value
    for sheet in delete_sheets:
        del wb[sheet]
    out = out or path
    wb.save(out)
    return out


def big_sheet_xml(rows: int, *, dimension: str | None) -> bytes:
    """A Figures sheet with the template's header and `rows` data rows, as raw XML, declaring
    `dimension` ("A1:Q1000003", a wrong one, or None for none)."""
    last = 3 + rows
    head = ['<row r="2">' + "".join(
        f'<c r="{chr(ord("A") + i)}2" t="inlineStr"><is><t>{escape(c.title_en)}</t></is></c>'
        for i, c in enumerate(COLUMNS)) + "</row>"]
    body = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>P{r}</t></is></c>'
                   f'<c r="E{r}"><v>1</v></c></row>' for r in range(4, last + 1))
    declared = f'<dimension ref="{dimension}"/>' if dimension else ""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f"{declared}<sheetData>{head[0]}{body}</sheetData></worksheet>").encode()


def counts(db) -> dict[str, int]:
    """Row counts of everything an import could write."""
    with db.reader() as s:
        return {model.__tablename__: s.scalar(select(func.count()).select_from(model))
                for model in (Figure, FigureDisaggregation, Source, ChangeJournal, JournalTxn)}


def programme_rows(year: str) -> list[dict[str, str]]:
    with open(DEMO_DATA / "programmes.csv", encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if r["fiscal_year"] == year]


def finance_rows(year: str = "2019-20") -> list[list[object]]:
    """The year's programme rows (one per programme, first source), then a Total row."""
    rows: list[list[object]] = []
    seen: set[str] = set()
    total = ""
    for r in programme_rows(year):
        if r["programme_code"].startswith("TOTAL"):
            total = total or r["budget_crore_taka"]
            continue
        if r["programme_code"] in seen:
            continue
        seen.add(r["programme_code"])
        rows.append([len(rows) + 1, r["programme_name"], r["ministry_or_division"],
                     r["beneficiaries_lakh"], r["budget_crore_taka"]])
    rows.append(["", "Total", "", "", total])
    return rows


FINANCE_HEADER_EN = ("Sl. No.", "Name of programme", "Ministry/Division",
                     "Beneficiaries (lakh)", "Allocation (crore taka)")
FINANCE_HEADER_BN = ("ক্রমিক", "কর্মসূচির নাম", "মন্ত্রণালয়/বিভাগ", "উপকারভোগী (লক্ষ)",
                     "বরাদ্দ (কোটি টাকা)")


def write_finance_xlsx(path: Path, rows, *, header=FINANCE_HEADER_EN,
                       title: str = "Social Security Programmes, Budget 2019-20") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "SSP"
    ws.append([title])
    ws.append([])
    ws.append(list(header))
    for row in rows:
        ws.append([None if v == "" else v for v in row])
    wb.save(path)
    return path


def write_finance_csv(path: Path, rows, *, header=FINANCE_HEADER_EN,
                      title: str = "Social Security Programmes, Budget 2019-20") -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([title])
        writer.writerow(header)
        writer.writerows(rows)
    return path


def with_figures_sheet(base: Path, target: Path, xml: bytes) -> Path:
    """A copy of the workbook `base` whose Figures sheet part is replaced by `xml`."""
    with zipfile.ZipFile(base) as src, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        for info in src.infolist():
            data = xml if info.filename == "xl/worksheets/sheet2.xml" else src.read(info)
            dst.writestr(info.filename, data)
    return target


def row_of(path: Path, code: str) -> int:
    """The Figures sheet row of a programme code."""
    ws = load_workbook(path, read_only=True)["Figures"]
    for index, (value,) in enumerate(ws.iter_rows(min_row=4, max_col=1, values_only=True),
                                     start=4):
        if value == code:
            return index
    raise KeyError(code)


def unprotected_edit(path: Path, edits: Mapping[tuple[str, str], object]) -> Path:
    """Edit cells after switching sheet protection off, as a determined user can."""
    wb = load_workbook(path)
    for (sheet, ref), value in edits.items():
        wb[sheet].protection.sheet = False
        wb[sheet][ref] = value
    wb.save(path)
    return path
