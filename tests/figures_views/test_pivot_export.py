"""Programme reports to Excel and PDF: exact numbers, number formats, Bangla in the PDF."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from nsss_desktop.domain import Count, FiscalYear, Money
from nsss_desktop.io.table_export import NUMBER_FORMATS
from nsss_desktop.reports import export_report_xlsx
from nsss_desktop.reports.programme_report import (
    PRINT_COLUMNS,
    build_programme_report,
    data_state,
)
from nsss_desktop.services.programme_pivot import PivotDefinition, run_pivot
from tests.figures_views.conftest import FY22, FY23, SHARE_BUDGET, SHARED_PERSONS

NOW = datetime(2025, 1, 15, 10, 30, tzinfo=timezone(timedelta(hours=6)))
DEFINITION = PivotDefinition(name="Shared by year", rows=("ministry",), columns="fiscal_year",
                             measures=("active_beneficiaries", "budget"),
                             programmes=("PV_SHARED", "PV_QUARTERLY"),
                             first_year=FiscalYear(FY22), last_year=FiscalYear(FY23))


def poppler(tool: str, *args: str | Path) -> str:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed")
    return subprocess.run([tool, *map(str, args)], capture_output=True, text=True,
                          check=True).stdout


def report(views, lang: str = "en", print_layout: bool = False):  # noqa: ANN001, ANN201
    with views.db.reader() as s:
        result = run_pivot(s, DEFINITION)
        seq = data_state(s)
    return result, build_programme_report(result, generated_at=NOW, lang=lang,
                                          change_seq=seq, print_layout=print_layout)


def test_excel_numbers_are_numeric_exact_and_formatted(views, tmp_path) -> None:  # noqa: ANN001
    _result, doc = report(views)
    out = export_report_xlsx(doc, tmp_path / "pivot.xlsx")
    wb = load_workbook(out)
    ws = wb[wb.sheetnames[0]]
    header = [c.value for c in ws[1]]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    expected = {
        ("Ministry of Social Welfare", f"Budget (crore Tk), {FiscalYear(FY22)}"):
            Money(SHARE_BUDGET[FY22]["MoSW"]).crore,
        ("Ministry of Women and Children Affairs", "Budget (crore Tk), total"):
            Money(sum(by["MoWCA"] for by in SHARE_BUDGET.values())).crore,
        ("Total (each programme once)", "Budget (crore Tk), total"):
            Money(sum(sum(by.values()) for by in SHARE_BUDGET.values())).crore,
        ("Total (each programme once)", f"Beneficiaries (lakh), {FiscalYear(FY22)}"):
            Count(SHARED_PERSONS[FY22]).lakh,
    }
    for (row, column), value in expected.items():
        cell = rows[row][header.index(column)]
        assert cell.data_type == "n", (row, column, cell.value)
        assert Decimal(str(cell.value)) == value, (row, column)
        kind = "crore" if column.startswith("Budget") else "lakh"
        assert cell.number_format == NUMBER_FORMATS[kind]
    assert "12.345678901" in str(rows["Ministry of Social Welfare"][
        header.index(f"Budget (crore Tk), {FiscalYear(FY22)}")].value)
    notes = [r[0].value for r in wb["Notes"].iter_rows() if r[0].value]
    assert "Shared by year" in notes
    assert any("Filters: fiscal years 2022-23 to 2023-24; programmes PV_SHARED, PV_QUARTERLY."
               == n for n in notes)
    assert any(n.startswith("Programme figures (approved figures only), as of local change #")
               for n in notes)


def test_the_print_layout_splits_by_measure_and_width(views) -> None:  # noqa: ANN001
    _result, doc = report(views, print_layout=True)
    titles = [t.title for t in doc.tables()]
    assert titles == ["Beneficiaries (lakh)", "Budget (crore Tk)"]
    budget = doc.tables()[1]
    assert [c.label for c in budget.columns] == ["Ministry/Division", "2022-23", "2023-24",
                                                 "Total"]
    assert all(len(t.columns) <= PRINT_COLUMNS + 2 for t in doc.tables())


def test_pdf_has_the_numbers_and_bangla_glyphs(views, qapp, tmp_path) -> None:  # noqa: ANN001
    """Uses pytest-qt's `qapp`: a full QApplication, so GUI tests later in the same session
    still find one (the CLI tests cover the renderer making its own)."""
    from ui.pdf_render import render_pdf

    _result, doc = report(views, print_layout=True)
    out = render_pdf(doc, tmp_path / "pivot.pdf")
    text = poppler("pdftotext", "-layout", out, "-")
    total = Money(sum(sum(by.values()) for by in SHARE_BUDGET.values())).crore
    assert f"{total:.2f}" in text  # 42.22
    assert "Total (each programme once)" in text
    assert "Ministry of Women" in text
    _result, doc_bn = report(views, lang="bn", print_layout=True)
    out_bn = render_pdf(doc_bn, tmp_path / "pivot-bn.pdf")
    assert "NotoSansBengali" in poppler("pdffonts", out_bn)
    text_bn = poppler("pdftotext", out_bn, "-")
    assert "৪২.২২" in text_bn  # Bangla digits, same exact total
    assert "২০২২-২৩" in text_bn
