"""Importing a ministry's template into a real encrypted demo database: all or nothing.

Each refused file is checked to have written nothing at all (figures, breakdowns, sources and
the change journal are counted before and after).
"""

import pytest
from sqlalchemy import select

from nsss_desktop.domain import Count, Money, Period
from nsss_desktop.domain.measures import NOT_AVAILABLE
from nsss_desktop.errors import Cancelled, ImportRefused
from nsss_desktop.services.figures_import import (
    import_template,
    preview_template,
    template_programmes,
    write_ministry_template,
)
from nsss_desktop.store.models import (
    Figure,
    FigureDisaggregation,
    Ministry,
    Programme,
    ProgrammeMinistry,
)
from nsss_desktop.tasks import TaskState
from tests.figures_io.books import counts, fill, row_of, unprotected_edit

F = "Figures"
PERIOD = Period.parse("2023-24")


@pytest.fixture
def template(figures_db, tmp_path):
    return write_ministry_template(figures_db, tmp_path / "MoSW.xlsx", "MoSW", PERIOD,
                                   "2024-07-01T10:00:00+00:00")


def oaa_edits(path, **extra):
    r = row_of(path, "OAA")
    edits = {(F, f"E{r}"): 4205.96, (F, f"F{r}"): "4,351", (F, f"G{r}"): "NA",
             (F, f"H{r}"): 5801000, (F, f"J{r}"): 600, (F, f"L{r}"): 3000000,
             (F, f"M{r}"): 2800000, (F, f"N{r}"): 1000, (F, f"O{r}"): 4500000,
             (F, f"P{r}"): 1301000}
    edits.update({(F, f"{col}{r}"): v for col, v in extra.items()})
    return fill(path, edits)


def stored(db, code="OAA"):
    with db.reader() as s:
        return s.execute(
            select(Figure).join(Programme, Programme.id == Figure.programme_id)
            .where(Programme.code == code, Figure.ministry_id.is_not(None),
                   Figure.fiscal_year == 2023)).scalars().all()


def refused(db, path):
    """Import `path`; assert it is refused and that nothing at all was written."""
    before = counts(db)
    with pytest.raises(ImportRefused) as info:
        import_template(db, path)
    assert counts(db) == before
    assert info.value.exit_code == 11 and "Nothing was written" in str(info.value)
    return [(p.sheet, p.row, p.column, p.code) for p in info.value.problems], info.value


def test_ministry_programmes_and_shared_flag(figures_db):
    codes = [p.code for p in template_programmes(figures_db, "MoSW")]
    assert {"OAA", "WDDW", "DISA", "DSTIP", "TEA"} <= set(codes)
    assert "FFHA" not in codes and "TOTAL_SSP" not in codes
    with figures_db.unit_of_work() as uow:
        s = uow.session
        oaa = s.scalar(select(Programme).where(Programme.code == "OAA"))
        mowca = s.scalar(select(Ministry).where(Ministry.code == "MoWCA"))
        s.add(ProgrammeMinistry(programme_id=oaa.id, ministry_id=mowca.id))
    shared = {p.code: p.shared for p in template_programmes(figures_db, "MoSW")}
    assert shared["OAA"] and not shared["WDDW"]
    assert [(p.code, p.shared) for p in template_programmes(figures_db, "MoWCA")
            if p.code == "OAA"] == [("OAA", True)]


def test_import_writes_exact_draft_figures(figures_db, template):
    oaa_edits(template, Q="Arrears paid")
    before = counts(figures_db)
    result = import_template(figures_db, template)
    assert (result.inserted, result.updated, result.unchanged, result.written) == (1, 0, 0, True)
    (f,) = stored(figures_db)
    assert f.budget_original_poisha == Money.from_crore("4205.96").poisha == 4_205_960_000_000
    assert f.budget_revised_poisha == Money.from_crore("4351").poisha
    assert f.expenditure_poisha is None and f.na_measures == "expenditure"
    assert f.active_beneficiaries == 5801000 and f.cumulative_beneficiaries is None
    assert f.benefit_value_poisha == 60000
    assert (f.approval_state, f.stage, f.source_id, f.explanation) == \
        ("draft", "actual", None, "Arrears paid")
    with figures_db.reader() as s:
        parts = {(d.dimension, d.category): d.beneficiaries for d in s.scalars(
            select(FigureDisaggregation).where(FigureDisaggregation.figure_id == f.id))}
    assert parts == {("gender", "female"): 3000000, ("gender", "male"): 2800000,
                     ("gender", "third_gender"): 1000, ("area", "rural"): 4500000,
                     ("area", "urban"): 1301000}
    after = counts(figures_db)
    assert after["figure"] == before["figure"] + 1
    assert after["journal_txn"] == before["journal_txn"] + 1


def test_reimport_and_regenerated_template_change_nothing(figures_db, template, tmp_path):
    oaa_edits(template, Q="Arrears paid")
    fill(template, {("Districts", "A3"): "OAA", ("Districts", "B3"): "district",
                    ("Districts", "C3"): "Kushtia", ("Districts", "E3"): 61000,
                    ("Districts", "A4"): "OAA", ("Districts", "B4"): "district",
                    ("Districts", "C4"): "Kushtia", ("Districts", "D4"): "female",
                    ("Districts", "E4"): 61000})
    assert import_template(figures_db, template).inserted == 1
    before = counts(figures_db)
    again = import_template(figures_db, template)
    assert (again.inserted, again.updated, again.unchanged, again.written) == (0, 0, 1, False)
    assert counts(figures_db) == before  # not even an empty journal transaction
    # A new template is pre-filled with everything stored; importing it as is changes nothing.
    fresh = write_ministry_template(figures_db, tmp_path / "again.xlsx", "MoSW", PERIOD, "t")
    preview = preview_template(figures_db, fresh)
    assert preview.issues == []
    assert [(r.programme_code, r.status) for r in preview.rows] == [("OAA", "unchanged")]
    assert import_template(figures_db, fresh).written is False
    assert counts(figures_db) == before


def test_dry_run_preview_shows_changes_and_writes_nothing(figures_db, template):
    oaa_edits(template)
    import_template(figures_db, template)
    r = row_of(template, "OAA")
    w = row_of(template, "WDDW")
    fill(template, {(F, f"E{r}"): 4350.97, (F, f"G{r}"): None, (F, f"H{w}"): 2575000})
    before = counts(figures_db)
    preview = preview_template(figures_db, template)
    assert counts(figures_db) == before
    assert (preview.count("new"), preview.count("changed"), preview.count("unchanged")) == \
        (1, 1, 0)
    changed = next(row for row in preview.rows if row.status == "changed")
    assert changed.programme_code == "OAA" and changed.where == f"sheet Figures, row {r}"
    assert [(c.measure, c.before, c.after) for c in changed.changes] == [
        ("budget_original", "4205.96 crore", "4350.97 crore"), ("expenditure", "NA", "")]
    result = import_template(figures_db, template)
    assert (result.inserted, result.updated) == (1, 1)
    (f,) = stored(figures_db)
    assert f.budget_original_poisha == 4_350_970_000_000 and f.na_measures == ""


def test_na_blank_and_zero_are_stored_apart(figures_db, template):
    r = row_of(template, "OAA")
    fill(template, {(F, f"E{r}"): 0, (F, f"F{r}"): "NA"})
    import_template(figures_db, template)
    (f,) = stored(figures_db)
    assert (f.budget_original_poisha, f.budget_revised_poisha, f.expenditure_poisha) == \
        (0, None, None)
    assert f.na_measures == "budget_revised"  # NA, while blank expenditure is simply absent
    from nsss_desktop.services import figure_entry

    with figures_db.reader() as s:
        values = figure_entry.existing_values(s, "MoSW", PERIOD)["OAA"]
    assert values == {"budget_original": Money(0), "budget_revised": NOT_AVAILABLE}


def test_wrong_template_version(figures_db, template):
    fill(template, {("Meta", "B2"): 0})
    problems, error = refused(figures_db, template)
    assert problems == [("Meta", 2, "B", "template_version")]
    assert "made for template version 0; this app reads version 1. Generate a new template " \
           "with `nsss-desktop figures template`" in error.problems[0].message


def test_not_an_xlsx(figures_db, tmp_path):
    path = tmp_path / "figures.xlsx"
    path.write_text("Programme,Budget\nOAA,100\n", encoding="utf-8")
    problems, error = refused(figures_db, path)
    assert [p[3] for p in problems] == ["corrupt"]
    assert "not an Excel workbook" in error.problems[0].message


def test_unknown_programme(figures_db, template):
    r = row_of(template, "OAA")
    unprotected_edit(template, {(F, f"A{r}"): "OAA_X", (F, f"E{r}"): 10})
    problems, error = refused(figures_db, template)
    assert problems == [("Figures", r, None, "unknown_programme")]
    assert "'OAA_X'" in error.problems[0].message


def test_text_in_a_number_cell(figures_db, template):
    r = row_of(template, "OAA")
    fill(template, {(F, f"E{r}"): 100, (F, f"H{r}"): "about 58 lakh"})
    problems, error = refused(figures_db, template)
    assert problems == [("Figures", r, "H", "not_a_number")]
    assert "'about 58 lakh' is not a number" in error.problems[0].message
    assert str(error.problems[0]).startswith(f"Figures!H{r}: not_a_number: ")


def test_total_disagreeing_with_its_gender_breakdown(figures_db, template):
    oaa_edits(template, N=999)  # third gender 999 instead of 1000: one person short
    problems, error = refused(figures_db, template)
    r = row_of(template, "OAA")
    assert problems == [("Figures", r, "H", "disaggregation_sum")]
    assert "gender breakdown" in error.problems[0].message
    assert "difference" in error.problems[0].message


def test_expenditure_above_the_revised_budget_needs_an_explanation(figures_db, template):
    r = row_of(template, "OAA")
    fill(template, {(F, f"F{r}"): 4351, (F, f"G{r}"): 4400})
    problems, _ = refused(figures_db, template)
    assert problems == [("Figures", r, "G", "expenditure_over_budget")]
    fill(template, {(F, f"Q{r}"): "Supplementary allocation in May"})
    preview = preview_template(figures_db, template)
    assert [(i.level, i.code) for i in preview.issues] == [("warning", "expenditure_over_budget")]
    assert import_template(figures_db, template).inserted == 1


def test_duplicate_rows(figures_db, template):
    r, w = row_of(template, "OAA"), row_of(template, "WDDW")
    unprotected_edit(template, {(F, f"A{w}"): "OAA", (F, f"E{r}"): 1, (F, f"E{w}"): 2})
    problems, error = refused(figures_db, template)
    assert problems == [("Figures", w, "A", "duplicate_programme")]
    assert f"first on row {r}" in error.problems[0].message


def test_every_problem_is_listed_at_once(figures_db, template):
    r, w = row_of(template, "OAA"), row_of(template, "WDDW")
    unprotected_edit(template, {(F, f"E{r}"): "lots", (F, f"H{w}"): -5,
                                ("Districts", "A3"): "OAA", ("Districts", "B3"): "region",
                                ("Districts", "C3"): "Dhaka", ("Districts", "E3"): 5})
    problems, _ = refused(figures_db, template)
    assert problems == [("Figures", r, "E", "not_a_number"), ("Figures", w, "H", "negative"),
                        ("Districts", 3, "B", "bad_level")]


def test_million_row_sheet_is_refused_and_writes_nothing(figures_db, million_row_books):
    problems, error = refused(figures_db, million_row_books["declared"])
    assert problems == [("Figures", None, None, "too_many_rows")]
    assert "declares 1,000,003 rows" in error.problems[0].message
    assert "nothing was read from it" in error.problems[0].message


def test_cancelled_import_writes_nothing(figures_db, template):
    oaa_edits(template)
    before = counts(figures_db)
    task = TaskState()
    task.cancel()
    with pytest.raises(Cancelled):
        import_template(figures_db, template, task=task)
    assert counts(figures_db) == before


def test_prefilled_template_shows_stored_values(figures_db, template, tmp_path):
    oaa_edits(template)
    import_template(figures_db, template)
    fresh = write_ministry_template(figures_db, tmp_path / "fresh.xlsx", "MoSW", PERIOD, "t")
    from openpyxl import load_workbook

    ws = load_workbook(fresh)[F]
    r = row_of(fresh, "OAA")
    assert (ws[f"E{r}"].value, ws[f"G{r}"].value, ws[f"H{r}"].value, ws[f"L{r}"].value) == \
        (4205.96, "NA", 5801000, 3000000)
    assert Count(ws[f"H{r}"].value) == Count(5801000)
