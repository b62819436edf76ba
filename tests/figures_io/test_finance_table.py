"""The Finance Division's table of social security programmes: read, matched, imported.

The tables are built from the real 2019-20 rows of resources/demo/programmes.csv (one row per
programme, as the budget document prints them), with the national total as a Total row.
"""

from decimal import Decimal

import pytest
from sqlalchemy import select

from nsss_desktop.domain import Count, FiscalYear, Money
from nsss_desktop.errors import ImportRefused
from nsss_desktop.io.finance_table_read import normalise, read_finance_table
from nsss_desktop.services.figures_import import import_finance_table, preview_finance_table
from nsss_desktop.store.models import Figure, Programme, Source
from tests.figures_io.books import (
    FINANCE_HEADER_BN,
    counts,
    finance_rows,
    programme_rows,
    write_finance_csv,
    write_finance_xlsx,
)

FY = FiscalYear.parse("2019-20")


def figures_of(db, source_code):
    with db.reader() as s:
        rows = s.execute(select(Programme.code, Figure).join(Figure).join(
            Source, Source.id == Figure.source_id).where(Source.code == source_code)).all()
    return dict(rows)


def test_read_real_rows_skips_the_total(tmp_path):
    path = write_finance_xlsx(tmp_path / "ssp.xlsx", finance_rows())
    read = read_finance_table(path, fiscal_year=None, stage="proposed", source_code="FD")
    assert read.issues == []
    assert read.fiscal_year == FY  # from the title "… Budget 2019-20"
    assert (read.header_row, read.columns) == (3, {"serial": "A", "programme": "B",
                                                    "ministry": "C", "beneficiaries": "D",
                                                    "allocation": "E"})
    programmes = {r["programme_code"] for r in programme_rows("2019-20")} - {"TOTAL_SSP"}
    assert len(read.rows) == len(programmes) == 8
    by_name = {r.programme: r for r in read.rows}
    assert by_name["Old Age Allowance"].beneficiaries == Count(4_400_000)
    assert by_name["Old Age Allowance"].allocation is None  # blank: not given, not zero
    assert by_name["Primary Education Stipend (Stipend Project for Primary Education)"] \
        .beneficiaries == Count.from_lakh("91.48744") == Count(9_148_744)
    ffha = by_name["Honorarium for Freedom Fighters (monthly honorarium allowance)"]
    assert ffha.allocation == Money.from_crore("2880") and ffha.allocation.crore == 2880
    assert [(s.row, s.text, s.reason) for s in read.skipped] == [(12, "Total", "total")]


def test_bangla_csv_with_bangla_digits_commas_subtotals_and_headings(tmp_path):
    rows = [["", "নগদ সহায়তা", "", "", ""],
            ["১", "বয়স্ক ভাতা", "সমাজকল্যাণ মন্ত্রণালয়", "৪৪", "২,৪০০.৫০"],
            ["২", "অসচ্ছল প্রতিবন্ধী ভাতা", "সমাজকল্যাণ মন্ত্রণালয়", "১৫.৪", "—"],
            ["", "উপমোট", "", "৫৯.৪", "২৪০০.৫"],
            ["", "সর্বমোট", "", "", "৭৪৩৬৭"]]
    path = write_finance_csv(tmp_path / "ssp.csv", rows, header=FINANCE_HEADER_BN,
                             title="সামাজিক নিরাপত্তা কর্মসূচি ২০১৯-২০")
    read = read_finance_table(path, fiscal_year=None, stage="proposed", source_code="FD")
    assert read.issues == [] and read.fiscal_year == FY
    assert [(r.programme, r.beneficiaries, r.allocation) for r in read.rows] == [
        ("বয়স্ক ভাতা", Count(4_400_000), Money.from_crore(Decimal("2400.50"))),
        ("অসচ্ছল প্রতিবন্ধী ভাতা", Count(1_540_000), None)]
    assert [(s.text, s.reason) for s in read.skipped] == [
        ("নগদ সহায়তা", "heading"), ("উপমোট", "total"), ("সর্বমোট", "total")]


def test_bad_numbers_and_missing_year_are_located(tmp_path):
    rows = [[1, "Old Age Allowance", "", "many", 1.0000000001], [2, "", "", 3, 4]]
    path = write_finance_xlsx(tmp_path / "bad.xlsx", rows, title="Social security programmes")
    read = read_finance_table(path, fiscal_year=None, stage="revised", source_code="FD")
    assert [(i.code, i.where) for i in read.issues] == [
        ("fiscal_year", "sheet SSP, row 3"),
        ("not_a_number", "sheet SSP, row 4, column D"),
        ("not_exact", "sheet SSP, row 4, column E"),
        ("missing_programme", "sheet SSP, row 5, column B")]
    assert "'many' is not a number" in read.issues[1].message


def test_names_match_whatever_the_case_spacing_and_punctuation():
    assert normalise("Allowances for the Widow, Deserted & Destitute  Women.") == \
        normalise("allowances for the widow deserted and destitute women")
    assert normalise("Employment Generation Program") == \
        normalise("Employment Generation Programme")
    # Precomposed য় (U+09DF) and য + nukta (U+09AF U+09BC) are the same letter.
    assert normalise("ব\u09dfস্ক ভাতা") == normalise("ব\u09af\u09bcস্ক  ভাতা")


def test_import_lands_exactly_and_is_idempotent(figures_db, tmp_path):
    path = write_finance_xlsx(tmp_path / "ssp.xlsx", finance_rows())
    before = counts(figures_db)
    preview = preview_finance_table(figures_db, path, FY, "proposed", "FD_SSP_2019")
    assert counts(figures_db) == before and preview.source_is_new
    assert (preview.count("new"), preview.errors) == (8, [])
    assert [(s.text, s.reason) for s in preview.skipped] == [("Total", "total")]
    result = import_finance_table(figures_db, path, FY, "proposed", "FD_SSP_2019",
                                  source_title="Finance Division: SSP budget 2019-20")
    assert (result.inserted, result.updated, result.unchanged, result.written) == (8, 0, 0, True)
    stored = figures_of(figures_db, "FD_SSP_2019")
    assert set(stored) == {"OAA", "WDDW", "DISA", "FFHA", "DSTIP", "HIJRA", "TEA", "PSTIP"}
    assert "TOTAL_SSP" not in stored  # the Total row was skipped, not imported
    assert stored["PSTIP"].active_beneficiaries == 9_148_744
    assert stored["OAA"].active_beneficiaries == 4_400_000
    assert stored["OAA"].budget_original_poisha is None
    assert stored["FFHA"].budget_original_poisha == 2_880_000_000_000
    assert stored["FFHA"].budget_revised_poisha is None
    assert {(f.stage, f.ministry_id, f.fiscal_year, f.period_kind, f.approval_state)
            for f in stored.values()} == {("proposed", None, 2019, "year", "approved")}
    with figures_db.reader() as s:
        source = s.scalar(select(Source).where(Source.code == "FD_SSP_2019"))
    assert source.title == "Finance Division: SSP budget 2019-20"
    after = counts(figures_db)
    assert after["figure"] == before["figure"] + 8 and after["source"] == before["source"] + 1
    again = import_finance_table(figures_db, path, FY, "proposed", "FD_SSP_2019")
    assert (again.inserted, again.updated, again.unchanged, again.written) == (0, 0, 8, False)
    assert counts(figures_db) == after


def test_corrected_table_corrects_the_same_source_in_place(figures_db, tmp_path):
    """Imported as approved (the default for a published table), a corrected edition of the
    same source updates its figures in place: no second figure competes with the first."""
    rows = finance_rows()
    path = write_finance_xlsx(tmp_path / "ssp.xlsx", rows)
    import_finance_table(figures_db, path, FY, "revised", "FD_SSP_2019R")
    rows[0][3] = "44.5"  # OAA beneficiaries corrected
    write_finance_xlsx(path, rows)
    preview = preview_finance_table(figures_db, path, FY, "revised", "FD_SSP_2019R")
    (changed,) = [r for r in preview.rows if r.status == "changed"]
    assert [(c.measure, c.before, c.after) for c in changed.changes] == [
        ("active_beneficiaries", "4400000 persons", "4450000 persons")]
    before = counts(figures_db)
    result = import_finance_table(figures_db, path, FY, "revised", "FD_SSP_2019R")
    assert (result.inserted, result.updated, result.unchanged) == (0, 1, 7)
    assert counts(figures_db)["figure"] == before["figure"]
    stored = figures_of(figures_db, "FD_SSP_2019R")
    assert stored["OAA"].active_beneficiaries == 4_450_000
    assert stored["FFHA"].budget_revised_poisha == 2_880_000_000_000  # revised stage column


def test_a_draft_import_never_edits_approved_figures(figures_db, tmp_path):
    """The demo's approved BDNEWS_BUDGET_2019 figures: imported for review (state draft), a
    different value becomes a draft beside the approved figure."""
    rows = [[1, "Old Age Allowance", "Ministry of Social Welfare", "44", ""],
            [2, "Allowances for the Widow, Deserted and Destitute Women",
             "Ministry of Social Welfare", "17.5", ""]]
    path = write_finance_xlsx(tmp_path / "ssp.xlsx", rows)
    preview = preview_finance_table(figures_db, path, FY, "proposed", "BDNEWS_BUDGET_2019")
    assert [(r.programme_code, r.status) for r in preview.rows] == [("OAA", "unchanged"),
                                                                    ("WDDW", "changed")]
    result = import_finance_table(figures_db, path, FY, "proposed", "BDNEWS_BUDGET_2019",
                                  state="draft")
    assert (result.inserted, result.updated, result.unchanged) == (1, 0, 1)
    with figures_db.reader() as s:
        wddw = s.execute(select(Figure.active_beneficiaries, Figure.approval_state)
                         .join(Programme).join(Source, Source.id == Figure.source_id)
                         .where(Programme.code == "WDDW", Figure.fiscal_year == 2019,
                                Source.code == "BDNEWS_BUDGET_2019")).all()
    assert sorted(wddw) == [(1_700_000, "approved"), (1_750_000, "draft")]


def test_unknown_programme_suggests_the_closest_names(figures_db, tmp_path):
    rows = finance_rows()
    rows[0][1] = "Old Age Alowance"
    rows[4][1] = "Stipend for disabled students"
    path = write_finance_xlsx(tmp_path / "ssp.xlsx", rows)
    before = counts(figures_db)
    with pytest.raises(ImportRefused) as info:
        import_finance_table(figures_db, path, FY, "proposed", "FD_SSP_2019")
    assert counts(figures_db) == before  # not even the new source
    problems = info.value.problems
    assert [(p.sheet, p.row, p.column, p.code) for p in problems] == [
        ("SSP", 4, "B", "unknown_programme"), ("SSP", 8, "B", "unknown_programme")]
    assert "'Old Age Alowance' is not known. Did you mean: Old Age Allowance (OAA)" \
        in problems[0].message
    assert "Nothing was written" in str(info.value)


def test_bangla_names_match_programmes(figures_db, tmp_path):
    rows = [["১", "বয়স্ক ভাতা", "সমাজকল্যাণ মন্ত্রণালয়", "৪৪", "২৪০০"]]
    path = write_finance_csv(tmp_path / "ssp.csv", rows, header=FINANCE_HEADER_BN,
                             title="২০১৯-২০")
    preview = preview_finance_table(figures_db, path, None, "proposed", "FD_BN_2019")
    assert preview.errors == []
    assert [(r.programme_code, r.status) for r in preview.rows] == [("OAA", "new")]
    assert preview.inputs[0].values == {"active_beneficiaries": Count(4_400_000),
                                        "budget_original": Money.from_crore(2400)}


def test_total_in_the_serial_column_and_rows_with_no_figure(figures_db, tmp_path):
    rows = [[1, "Old Age Allowance", "Ministry of Social Welfare", "44", ""],
            [2, "Test Relief", "Ministry of Disaster Management and Relief", "NA", "-"],
            [3, "Capitation Grant for Orphans in Private Orphanages",
             "Ministry of Social Welfare", "N/A", "—"],
            ["Total", "", "", "44", "74367"]]
    path = write_finance_xlsx(tmp_path / "ssp.xlsx", rows)
    read = read_finance_table(path, fiscal_year=FY, stage="proposed", source_code="FD")
    assert [(s.row, s.text, s.reason) for s in read.skipped] == [(7, "Total", "total")]
    assert read.issues == []
    preview = preview_finance_table(figures_db, path, FY, "proposed", "FD_NA_2019")
    # Test Relief is not a programme of the demo database; CAPG has nothing but "N/A".
    assert [(i.level, i.code, i.where) for i in preview.issues] == [
        ("error", "unknown_programme", "sheet SSP, row 5, column B"),
        ("warning", "no_figures", "sheet SSP, row 6")]
    assert [r.programme_code for r in preview.rows] == ["OAA"]
