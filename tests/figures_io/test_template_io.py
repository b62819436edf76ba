"""The ministry template as a file: written, filled in like a user does, read back exactly.

No database here: these tests pin the layout, the exact numbers and every reading problem
(each located at sheet, row and column, with what to do).
"""

import zipfile
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from nsss_desktop.domain import Count, Money
from nsss_desktop.domain.measures import NOT_AVAILABLE
from nsss_desktop.io.figures_template import TEMPLATE_VERSION
from nsss_desktop.io.figures_template_read import read_template
from nsss_desktop.services.figure_input import DisaggregationInput
from tests.figures_io.books import (
    MSW_PROGRAMMES,
    PERIOD,
    big_sheet_xml,
    fill,
    with_figures_sheet,
    write_msw_template,
)

F = "Figures"


def issues_of(read):
    return [(i.code, i.where) for i in read.issues]


@pytest.fixture
def blank(tmp_path):
    return write_msw_template(tmp_path / "MoSW-2023-24.xlsx")


def test_layout_protection_and_meta(blank):
    wb = load_workbook(blank)
    assert wb.sheetnames == ["Instructions", "Figures", "Districts", "Meta"]
    assert wb["Meta"].sheet_state == "veryHidden"
    meta = {r[0]: r[1] for r in wb["Meta"].iter_rows(values_only=True)}
    assert meta["template_version"] == TEMPLATE_VERSION == 1
    assert (meta["ministry_code"], meta["period"], meta["period_key"]) == \
        ("MoSW", "2023-24", "2023/year/1")
    assert meta["generated_at"] == "2024-07-01T10:00:00+00:00"
    ws = wb[F]
    assert ws.protection.sheet and ws.freeze_panes == "E4"
    assert ws["E2"].value == "Budget, original (crore taka)"
    assert ws["E3"].value == "মূল বাজেট (কোটি টাকা)"
    assert ws["J2"].value == "Benefit per beneficiary per month (taka)"
    assert ws["H2"].value == "Active beneficiaries (persons)"
    assert [ws[f"A{r}"].value for r in (4, 5, 6)] == ["OAA", "WDDW", "DISA"]
    assert ws["D6"].value == "shared / যৌথ" and ws["D4"].value is None
    assert ws["A4"].protection.locked and ws["B4"].protection.locked
    assert not any(ws[f"{c}4"].protection.locked for c in "EFGHIJKLMNOPQ")
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    assert rules["E4:E6"].type == "custom" and '"NA"' in rules["E4:E6"].formula1
    assert "INT(H4)" in rules["H4:H6"].formula1  # persons must be whole
    districts = wb["Districts"]
    lists = {str(dv.sqref): dv.formula1 for dv in districts.data_validations.dataValidation
             if dv.type == "list"}
    assert lists["A3:A1002"] == "Figures!$A$4:$A$6"
    assert lists["B3:B1002"] == '"division,district"'
    text = " ".join(str(c.value) for row in wb["Instructions"].iter_rows() for c in row)
    for words in ("crore taka", "9 decimal places", "NA", "কোটি টাকা", "ফাঁকা", "ব্যাখ্যা",
                  "revised budget"):
        assert words in text


def test_round_trip_is_exact(blank, tmp_path):
    fill(blank, {
        (F, "E4"): 1974.34,                      # a float, as Excel stores a typed number
        (F, "F4"): Decimal("4205.960000001"),    # one poisha more than 4205.96 crore
        (F, "G4"): "NA", (F, "H4"): 5801000, (F, "J4"): 600, (F, "K4"): 0,
        (F, "L4"): 3000000, (F, "M4"): 2800000, (F, "N4"): 1000,
        (F, "Q4"): "Paid arrears of the last quarter",
        (F, "E5"): "1,844.32", (F, "H5"): "২৭,৭৫,০০০",  # text with commas, Bangla digits
    })
    read = read_template(blank)
    assert read.issues == []
    assert (read.ministry_code, read.period) == ("MoSW", PERIOD)
    oaa, wddw = read.inputs  # DISA is blank: not reported, so no input at all
    assert oaa.values == {
        "budget_original": Money.from_crore("1974.34"),
        "budget_revised": Money(4_205_960_000_001),
        "expenditure": NOT_AVAILABLE,
        "active_beneficiaries": Count(5801000),
        "benefit_value": Money.from_taka(600),
        "amount_disbursed": Money(0),
    }
    assert oaa.values["budget_original"].poisha == 1_974_340_000_000
    assert oaa.values["budget_revised"].crore == Decimal("4205.960000001")
    assert "cumulative_beneficiaries" not in oaa.values  # blank is not zero and not NA
    assert oaa.disaggregations == [DisaggregationInput("gender", "female", Count(3000000)),
                                   DisaggregationInput("gender", "male", Count(2800000)),
                                   DisaggregationInput("gender", "third_gender", Count(1000))]
    assert oaa.explanation == "Paid arrears of the last quarter"
    assert (oaa.where, oaa.cells["budget_original"], oaa.cells["gender:female"]) == \
        ("sheet Figures, row 4", "E4", "L4")
    assert wddw.values == {"budget_original": Money.from_crore("1844.32"),
                           "active_beneficiaries": Count(2775000)}


def test_na_blank_and_zero_are_three_different_answers(blank):
    fill(blank, {(F, "E4"): "NA", (F, "E5"): 0, (F, "F5"): "n/a", (F, "F6"): "প্রযোজ্য নয়",
                 (F, "E6"): 0.0})
    by_code = {fi.programme_code: fi.values for fi in read_template(blank).inputs}
    assert by_code["OAA"] == {"budget_original": NOT_AVAILABLE}
    assert by_code["WDDW"] == {"budget_original": Money(0), "budget_revised": NOT_AVAILABLE}
    assert by_code["DISA"] == {"budget_original": Money(0), "budget_revised": NOT_AVAILABLE}
    assert by_code["WDDW"]["budget_original"] is not NOT_AVAILABLE


def test_prefilled_values_are_written_exactly_and_read_back(tmp_path):
    existing = {"OAA": {"budget_original": Money.from_crore("4350.97"),
                        "budget_revised": Money.from_crore("9149.54"),
                        "expenditure": NOT_AVAILABLE, "active_beneficiaries": Count(6001000),
                        "benefit_value": Money.from_taka("600.50"),
                        "gender:female": Count(3000000), "explanation": "as reported"}}
    path = write_msw_template(tmp_path / "pre.xlsx", existing=existing)
    with zipfile.ZipFile(path) as z:
        sheet = z.read("xl/worksheets/sheet2.xml").decode()
    assert "<v>9149.54</v>" in sheet and "9149.540000000001" not in sheet
    oaa = read_template(path).inputs[0]
    assert oaa.values == {k: v for k, v in existing["OAA"].items() if ":" not in k
                          and k != "explanation"}
    assert oaa.disaggregations == [DisaggregationInput("gender", "female", Count(3000000))]
    assert oaa.explanation == "as reported"


def test_districts_sheet_becomes_breakdowns(blank):
    fill(blank, {("Districts", "A3"): "OAA", ("Districts", "B3"): "division",
                 ("Districts", "C3"): "Dhaka", ("Districts", "D3"): "all",
                 ("Districts", "E3"): 1200000, ("Districts", "F3"): 86.4,
                 ("Districts", "A4"): "OAA", ("Districts", "B4"): "district",
                 ("Districts", "C4"): "Kushtia", ("Districts", "D4"): "female",
                 ("Districts", "E4"): 61000,
                 ("Districts", "A5"): "DISA", ("Districts", "B5"): "জেলা",
                 ("Districts", "C5"): "Pabna", ("Districts", "E5"): 9000,
                 ("Districts", "A6"): "TEA", ("Districts", "B6"): "district",
                 ("Districts", "C6"): "Moulvibazar", ("Districts", "E6"): 4000,
                 ("Districts", "A7"): "TEA", ("Districts", "B7"): "district",
                 ("Districts", "C7"): "Moulvibazar", ("Districts", "D7"): "rural",
                 ("Districts", "E7"): 3500})
    read = read_template(blank)
    assert read.issues == []
    by_code = {fi.programme_code: fi for fi in read.inputs}
    assert by_code["OAA"].disaggregations == [
        DisaggregationInput("division", "Dhaka", Count(1200000), Money.from_crore("86.4"),
                            "Dhaka"),
        DisaggregationInput("gender", "female", Count(61000), None, "Kushtia")]
    assert by_code["DISA"].disaggregations == [
        DisaggregationInput("district", "Pabna", Count(9000), None, "Pabna")]
    # DISA has a (blank) row on the Figures sheet; TEA has none, so its breakdown is the row.
    assert by_code["DISA"].where == "sheet Figures, row 6"
    assert by_code["TEA"].where == "sheet Districts, row 6"
    assert by_code["TEA"].values == {}
    assert by_code["TEA"].disaggregations == [
        DisaggregationInput("district", "Moulvibazar", Count(4000), None, "Moulvibazar"),
        DisaggregationInput("area", "rural", Count(3500), None, "Moulvibazar")]


@pytest.mark.parametrize("cell, value, code, words", [
    ("G4", "about 500", "not_a_number", "'about 500' is not a number"),
    ("E4", -12.5, "negative", "-12.5 is negative"),
    ("E4", Decimal("1.0000000001"), "not_exact", "not exact to the poisha"),
    ("J4", Decimal("600.005"), "not_exact", "2 decimal places of taka"),
    ("H4", 58.01, "fractional_persons", "not a whole number of persons"),
    ("H4", 10**12, "too_large", "more than 1,000,000,000"),
    ("E4", "=100+20", "formula", "Paste Special > Values"),
    ("E4", True, "not_a_number", "TRUE/FALSE"),
])
def test_bad_cells_are_located_and_explained(blank, cell, value, code, words):
    fill(blank, {(F, cell): value})
    read = read_template(blank)
    assert issues_of(read) == [(code, f"sheet Figures, row 4, column {cell[0]}")]
    assert words in read.issues[0].message
    assert read.issues[0].is_error


def test_every_bad_cell_is_reported_not_just_the_first(blank):
    fill(blank, {(F, "E4"): "lots", (F, "H5"): -1, (F, "I6"): 0.5})
    assert issues_of(read_template(blank)) == [
        ("not_a_number", "sheet Figures, row 4, column E"),
        ("negative", "sheet Figures, row 5, column H"),
        ("fractional_persons", "sheet Figures, row 6, column I")]


def test_wrong_template_version(blank):
    fill(blank, {("Meta", "B2"): 0, (F, "E4"): 10})
    read = read_template(blank)
    assert issues_of(read) == [("template_version", "sheet Meta, row 2, column B")]
    assert "This workbook was made for template version 0; this app reads version 1. " \
           "Generate a new template with `nsss-desktop figures template`." \
           == read.issues[0].message
    assert read.inputs == []


def test_missing_meta_sheet(blank):
    fill(blank, {(F, "E4"): 10}, delete_sheets=("Meta",))
    read = read_template(blank)
    assert [i.code for i in read.issues] == ["missing_meta"]
    assert "`nsss-desktop figures template`" in read.issues[0].message


@pytest.mark.parametrize("content, code", [
    (b"Programme,Budget\nOAA,100\n", "corrupt"),
    (b"PK\x03\x04 this is not really a zip", "corrupt"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "unsupported_format"),
])
def test_not_an_xlsx(tmp_path, content, code):
    path = tmp_path / "figures.xlsx"
    path.write_bytes(content)
    read = read_template(path)
    assert [(i.code, i.where) for i in read.issues] == [(code, "file figures.xlsx")]
    assert read.inputs == []


def test_duplicate_programme_rows_and_missing_codes(blank, tmp_path):
    wb = load_workbook(blank)
    ws = wb[F]
    ws.protection.sheet = False  # a user who unprotected the sheet and copied a row
    ws["A6"] = "OAA"
    ws["E6"], ws["E4"] = 5, 6
    ws["A7"], ws["F7"] = None, 99
    wb.save(blank)
    read = read_template(blank)
    assert issues_of(read) == [("duplicate_programme", "sheet Figures, row 6, column A"),
                               ("missing_programme_code", "sheet Figures, row 7, column A")]
    assert "first on row 4" in read.issues[0].message
    assert [fi.programme_code for fi in read.inputs] == ["OAA"]


def test_changed_layout_is_refused(blank):
    fill(blank, {(F, "F2"): "Budget"})
    read = read_template(blank)
    assert issues_of(read) == [("layout_changed", "sheet Figures, row 2, column F")]


def test_bad_district_rows(blank):
    fill(blank, {("Districts", "A3"): "OAA", ("Districts", "B3"): "upazila",
                 ("Districts", "C3"): "Dhaka", ("Districts", "E3"): 10,
                 ("Districts", "A4"): "OAA", ("Districts", "B4"): "division",
                 ("Districts", "D4"): "women", ("Districts", "E4"): 10})
    assert issues_of(read_template(blank)) == [
        ("bad_level", "sheet Districts, row 3, column B"),
        ("missing_area_name", "sheet Districts, row 4, column C"),
        ("bad_group", "sheet Districts, row 4, column D")]


def test_declared_million_rows_refused_before_reading(million_row_books):
    read = read_template(million_row_books["declared"])
    assert issues_of(read) == [("too_many_rows", "sheet Figures")]
    assert read.issues[0].message.startswith(
        "The sheet declares 1,000,003 rows, more than the 10,000 data rows a template may "
        "have; nothing was read from it.")
    assert read.inputs == []  # not one row was read


def test_million_rows_behind_a_wrong_dimension_stop_one_past_the_cap(million_row_books):
    read = read_template(million_row_books["lying"], max_rows=500)
    assert issues_of(read) == [("too_many_rows", "sheet Figures, row 504")]
    assert "more than 500 data rows; reading stopped at row 504" in read.issues[0].message
    assert len(read.inputs) == 500  # rows 4..503, and not one more
    assert read.inputs[-1].programme_code == "P503"


def test_undeclared_size_is_read_only_up_to_the_cap(blank, tmp_path):
    path = with_figures_sheet(blank, tmp_path / "undeclared.xlsx",
                              big_sheet_xml(2_000, dimension=None))
    read = read_template(path, max_rows=1_000)
    assert issues_of(read) == [("too_many_rows", "sheet Figures, row 1004")]
    assert len(read.inputs) == 1_000
    assert issues_of(read_template(path, max_rows=2_000)) == []


def test_programmes_list_is_used(tmp_path):
    path = write_msw_template(tmp_path / "one.xlsx", MSW_PROGRAMMES[:1])
    wb = load_workbook(path)
    assert wb[F].max_row == 4 and wb[F]["A4"].value == "OAA"
