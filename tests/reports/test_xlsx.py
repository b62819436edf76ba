"""The report as a workbook: a sheet per table with a bold frozen header, numbers as exact
numbers (checked in the sheet XML), real dates, and the notes and provenance last."""

from __future__ import annotations

import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from nsss_desktop.reports import build_reform_report, export_report_xlsx
from nsss_desktop.reports.document import Column, DashboardTable, ReportDocument, Section
from tests.reports.conftest import JULY_1


def build(plan, lang: str = "en") -> ReportDocument:  # noqa: ANN001
    with plan.db.reader() as s:
        return build_reform_report(s, as_of=JULY_1, lang=lang)


def sheet_xml(path: Path, index: int) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(f"xl/worksheets/sheet{index}.xml").decode("utf-8")


def test_one_sheet_per_table_then_notes(recorded, tmp_path) -> None:  # noqa: ANN001
    doc = build(recorded)
    out = export_report_xlsx(doc, tmp_path / "out" / "reforms.xlsx")
    assert out == tmp_path / "out" / "reforms.xlsx"
    assert list(tmp_path.joinpath("out").iterdir()) == [out]  # no partial file left
    wb = load_workbook(out)
    assert wb.sheetnames == ["Summary by ministry or division", "Activities",
                             "Overdue activities", "Notes"]
    summary, details, overdue, notes = (wb[n] for n in wb.sheetnames)
    for ws in (summary, details, overdue):
        assert ws.freeze_panes == "A2"
        assert all(cell.font.bold for cell in ws[1])
    assert [c.value for c in summary[1]] == [
        "Ministry / division", "Completed", "In progress", "Delayed", "Not started", "Dropped",
        "Total", "% completed"]
    total = [c.value for c in summary[summary.max_row]]
    assert total == ["Total (each activity counted once)", 2, 1, 1, 2, 1, 7, 28.6]
    assert all(c.font.bold for c in summary[summary.max_row])
    assert not summary["A2"].font.bold
    assert summary["H2"].number_format == "0.0" and summary["G2"].number_format == "#,##0"
    header = [c.value for c in details[1]]
    assert header[0] == "Ministry / division"  # the grouping column is a real column here
    rows = [dict(zip(header, (c.value for c in r), strict=True))
            for r in details.iter_rows(min_row=2)]
    assert [r["No."] for r in rows].count("AP2016 1") == 2  # under MoSW and under FD
    first = next(r for r in rows if r["No."] == "AP2016 1")
    assert first["Last update"] == datetime(2017, 1, 10)  # a real date
    assert details["H2"].number_format == "yyyy-mm-dd"
    assert [c.value for c in overdue[2]][-1] == 1
    lines = [r[0].value for r in notes.iter_rows() if r[0].value]
    assert lines[0] == "Reform tracking report"
    assert lines[-2:] == ["Provenance", doc.provenance]
    assert "% completed = completed ÷ total, rounded half up to one decimal." in lines


def test_decimals_are_written_exactly(recorded, tmp_path) -> None:  # noqa: ANN001
    out = export_report_xlsx(build(recorded), tmp_path / "r.xlsx")
    xml = sheet_xml(out, 1)
    for exact in ("<v>28.6</v>", "<v>50.0</v>", "<v>25.0</v>"):
        assert exact in xml
    assert "28.600000" not in xml and "28.59999" not in xml


def test_bangla_workbook(recorded, tmp_path) -> None:  # noqa: ANN001
    out = export_report_xlsx(build(recorded, "bn"), tmp_path / "r-bn.xlsx")
    wb = load_workbook(out)
    # '/' is not allowed; a long name is cut between words, never inside a conjunct
    assert wb.sheetnames == ["মন্ত্রণালয়-বিভাগভিত্তিক", "কার্যক্রমের বিবরণ",
                             "মেয়াদোত্তীর্ণ কার্যক্রম", "টীকা"]
    summary = wb[wb.sheetnames[0]]
    assert [c.value for c in summary[1]][1:6] == [
        "সম্পন্ন", "চলমান", "বিলম্বিত", "শুরু হয়নি", "বাদ দেওয়া হয়েছে"]
    assert [c.value for c in summary[summary.max_row]][-2:] == [7, 28.6]  # numbers stay numbers


def test_text_that_looks_like_a_formula_stays_text(tmp_path) -> None:
    table = DashboardTable("t", "Table", [Column("text", "Text"), Column("n", "N", "int")],
                           rows=[{"text": "=HYPERLINK(\"http://x\")", "n": 3}])
    doc = ReportDocument("T", "S", "en", [Section("H", tables=[table, table])], "P", "now")
    out = export_report_xlsx(doc, tmp_path / "f.xlsx")
    assert "<f>" not in sheet_xml(out, 1)
    wb = load_workbook(out)
    assert wb.sheetnames == ["Table", "Table (2)", "Notes"]
    assert wb["Table"]["A2"].value == "=HYPERLINK(\"http://x\")"
    assert wb["Table"]["A2"].data_type == "s"


def test_long_sheet_names_are_cut_between_words() -> None:
    from nsss_desktop.reports.xlsx import _sheet_name

    used: set[str] = set()
    assert _sheet_name("Summary by ministry or division and cluster", used) == (
        "Summary by ministry or division")
    assert _sheet_name("Summary by ministry or division", used) == "Summary by ministry or (2)"
    conjuncts = "অঅ" + "ক্ষ" * 20  # the 31st character is a hasant
    assert _sheet_name(conjuncts, used) == "অঅ" + "ক্ষ" * 9
    vowel_sign = "অ" * 30 + "কে"  # cutting after ক would part it from its vowel sign ে
    assert _sheet_name(vowel_sign, used) == "অ" * 30
    assert _sheet_name("a:b/c", used) == "a-b-c"


def test_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    from openpyxl import Workbook

    out = tmp_path / "r.xlsx"
    out.write_bytes(b"old")
    doc = ReportDocument("T", "S", "en", [Section("H", tables=[DashboardTable(
        "t", "T", [Column("n", "N", "percent")], rows=[{"n": Decimal("1.5")}])])], "P", "now")

    def broken(self, path) -> None:  # noqa: ANN001
        Path(path).write_bytes(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(Workbook, "save", broken)
    with pytest.raises(OSError):
        export_report_xlsx(doc, out)
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.xlsx"]
