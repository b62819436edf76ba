"""Import of the official table and round trips through export, on real encrypted databases.

The demo database supplies the reference data (the ministries); the real Action Plan rows of
resources/demo/action_plan.csv are laid out as the printed table and imported as a new plan.
"""

from datetime import date

import openpyxl
import pytest
from sqlalchemy import select

from nsss_desktop.domain.timeframe import parse_timeframe
from nsss_desktop.errors import Cancelled
from nsss_desktop.services.action_plan import (
    export_plan,
    get_plan,
    import_plan,
    list_plans,
    register_rows,
)
from nsss_desktop.services.reform_status import record_status
from nsss_desktop.store.models import Ministry
from nsss_desktop.tasks import TaskState
from tests.plan.sheets import (
    HEADER_BN,
    counts,
    csv_rows,
    journal_of,
    official_rows,
    write_plan,
)

AS_OF = date(2018, 1, 1)


def ministry_ids(db) -> dict[str, str]:
    with db.reader() as s:
        return {m.name_en: m.id for m in s.scalars(select(Ministry))}


def rows_of(db, code: str, as_of: date = AS_OF):
    with db.reader() as s:
        return register_rows(s, get_plan(s, code).id, as_of=as_of)


def test_demo_plans_have_codes_and_sit_side_by_side(plan_db):
    with plan_db.reader() as s:
        plans = {p.code: p for p in list_plans(s)}
    assert set(plans) == {"AP2016", "NSSS2015"}
    assert (plans["AP2016"].activities, plans["NSSS2015"].activities) == (5, 2)


def test_official_table_imports_as_a_new_plan(plan_db, tmp_path):
    """Merged objective cells, Bangla ministry names, every row and field as the CSV says."""
    book = write_plan(tmp_path / "ap.xlsx", official_rows())
    before = counts(plan_db)
    report = import_plan(plan_db, book, plan_code="AP2016T", plan_title="NSSS Action Plan test")
    assert report.written and report.plan_is_new
    assert len(report.to_insert) == len(csv_rows()) == 7
    assert report.notes == [] and report.problems == []
    after = counts(plan_db)
    assert after["activity"] - before["activity"] == 7
    assert after["objective"] - before["objective"] == 2
    assert after["journal_txn"] - before["journal_txn"] == 1  # one unit of work

    ids = ministry_ids(plan_db)
    rows = rows_of(plan_db, "AP2016T")
    assert [r.number for r in rows] == [str(i) for i in range(1, 8)]
    for row, source in zip(rows, csv_rows(), strict=True):
        tf = parse_timeframe(source["timeframe"])
        assert row.objective == source["objective"]  # the merged cell reached every activity
        assert row.activity == source["activity"]
        assert row.indicators == ((source["performance_indicator"],)
                                  if source["performance_indicator"] else ())
        assert (row.timeframe, row.due_date, row.recurrence) == (
            tf.text, tf.due_date, tf.recurrence)
        assert row.responsible_id == ids.get(source["responsible_ministry"])
        assert row.shared_ids == tuple(ids[n] for n in source["shared_responsibility"].split(";")
                                       if n)
        assert row.evidence_count == 0 and row.last_update is None
    assert rows[0].shared_bn == ("অর্থ বিভাগ",)
    assert rows[0].status == "delayed"  # due June 2017, nothing reported by 2018


def test_export_then_import_changes_nothing(plan_db, tmp_path):
    out = export_plan(plan_db, "AP2016", tmp_path / "AP2016.xlsx", AS_OF)
    before = counts(plan_db)
    report = import_plan(plan_db, out, plan_code="AP2016")
    assert (len(report.to_insert), len(report.to_update), len(report.not_in_sheet)) == (0, 0, 0)
    assert len(report.unchanged) == 5 and not report.written
    assert counts(plan_db) == before  # not even an empty journal transaction


def test_export_layout_is_the_official_table(plan_db, tmp_path):
    a = rows_of(plan_db, "AP2016")[0]
    record_status(plan_db, a.activity_id, status="in_progress", event_date=date(2017, 3, 1),
                  approval_state="approved")
    out = export_plan(plan_db, "AP2016", tmp_path / "AP2016.xlsx", AS_OF)
    ws = openpyxl.load_workbook(out).active
    header = [c.value for c in ws[3]]
    assert header[:7] == ["No.", "Objective", "Activities", "Performance indicators",
                          "Timeframe", "Responsible ministry", "Shared responsibility"]
    assert header[7:] == ["Current status", "Last update", "Evidence count"]
    assert all(c.font.bold for c in ws[3] if c.value)
    assert ws.freeze_panes == "A4"
    assert [str(r) for r in ws.merged_cells.ranges] == ["B4:B8"]  # one objective, 5 activities
    assert ws["C4"].alignment.wrap_text and ws.column_dimensions["C"].width >= 40
    assert (ws["F4"].value, ws["G4"].value) == ("Ministry of Social Welfare", "Finance Division")
    assert ws["H4"].value == "Delayed" and ws["I4"].value.date() == date(2017, 3, 1)
    assert ws["J4"].value == 0


def test_bangla_round_trip_preserves_text(plan_db, tmp_path):
    """Bangla headers, objective, activity and ministry names survive export and re-import."""
    rows = official_rows()
    for row in rows[:5]:
        row[1] = "বয়স্ক ভাতা"  # the programme's real Bangla name
    rows[0][2] = "পুরুষ ও মহিলা উভয়ের জন্য বয়সসীমা ৬০ নির্ধারণ"
    rows[0][4] = "জুন ২০১৭"
    book = write_plan(tmp_path / "bn.xlsx", rows, header=HEADER_BN)
    import_plan(plan_db, book, plan_code="BN2016")
    first = rows_of(plan_db, "BN2016")[0]
    assert (first.objective, first.activity) == ("বয়স্ক ভাতা", rows[0][2])
    assert (first.timeframe, first.due_date) == ("জুন ২০১৭", date(2017, 6, 30))
    assert first.responsible == "Ministry of Social Welfare"
    for lang in ("bn", "en"):
        out = export_plan(plan_db, "BN2016", tmp_path / f"out-{lang}.xlsx", AS_OF, lang=lang)
        before = counts(plan_db)
        report = import_plan(plan_db, out, plan_code="BN2016")
        assert len(report.unchanged) == 7 and not report.to_update and not report.to_insert
        assert counts(plan_db) == before
    ws = openpyxl.load_workbook(tmp_path / "out-bn.xlsx").active
    assert ws["A3"].value == "ক্রমিক" and ws["F4"].value == "সমাজকল্যাণ মন্ত্রণালয়"


def test_reimport_with_one_edited_activity_updates_exactly_that_row(plan_db, tmp_path):
    out = export_plan(plan_db, "AP2016", tmp_path / "AP2016.xlsx", AS_OF)
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    assert ws["A6"].value == 3
    ws["C6"] = "Increase allowance to Tk. 600 per month"
    ws["H6"] = "Completed"  # status columns are ignored on import
    wb.save(out)
    before = counts(plan_db)
    report = import_plan(plan_db, out, plan_code="AP2016")
    assert (len(report.to_insert), len(report.to_update), len(report.unchanged)) == (0, 1, 4)
    (update,) = report.to_update
    assert (update.number, update.row) == ("3", 6)
    assert [(c.field, c.before, c.after) for c in update.changes] == [
        ("activity", "Increase allowance to Tk. 500 per month",
         "Increase allowance to Tk. 600 per month")]
    entries = journal_of(plan_db, report.txn_id)
    assert [(e.table_name, e.op) for e in entries] == [("activity", "update")]
    after = counts(plan_db)
    assert after["activity"] == before["activity"]
    assert after["change_journal"] - before["change_journal"] == 1
    assert rows_of(plan_db, "AP2016")[2].status == "not_started"  # status untouched


def test_changed_fields_are_previewed_field_by_field(plan_db, tmp_path):
    rows = official_rows(bangla_ministries=False)[:5]
    book = write_plan(tmp_path / "v1.xlsx", rows)
    import_plan(plan_db, book, plan_code="AP2016T")
    rows[1][4] = "FY 2017-18"
    rows[1][5] = "Social Welfare"  # alias of the Ministry of Social Welfare
    rows[1][6] = "Finance Division and Ministry of Women and Children Affairs"
    rows[1][3] = "• Coverage increased annually by 15%\n• Rules approved"
    del rows[4]  # dropped from the sheet: reported, never deleted
    preview = import_plan(plan_db, write_plan(tmp_path / "v2.xlsx", rows),
                          plan_code="AP2016T", dry_run=True)
    before = counts(plan_db)
    report = import_plan(plan_db, tmp_path / "v2.xlsx", plan_code="AP2016T")
    assert preview.to_update == report.to_update and preview.not_in_sheet == report.not_in_sheet
    (update,) = report.to_update
    assert {c.field: (c.before, c.after) for c in update.changes} == {
        "performance indicators": ("Coverage increased annually by 15%",
                                   "Coverage increased annually by 15%\nRules approved"),
        "timeframe": ("", "FY 2017-18"),
        "due date": ("", "2018-06-30"),
        "responsible ministry": ("", "Ministry of Social Welfare"),
        "shared responsibility": ("", "Finance Division; Ministry of Women and Children Affairs"),
    }
    assert [r.number for r in report.not_in_sheet] == ["5"]
    after = counts(plan_db)
    assert after["activity"] == before["activity"]
    assert after["indicator"] - before["indicator"] == 1  # the first indicator was kept
    assert after["activity_shared_ministry"] - before["activity_shared_ministry"] == 2
    second = rows_of(plan_db, "AP2016T")[1]
    assert second.indicators == ("Coverage increased annually by 15%", "Rules approved")
    assert second.due_date == date(2018, 6, 30)


def test_dry_run_writes_nothing_but_previews_the_same(plan_db, tmp_path):
    book = write_plan(tmp_path / "ap.xlsx", official_rows())
    before = counts(plan_db)
    preview = import_plan(plan_db, book, plan_code="AP2016T", dry_run=True)
    assert counts(plan_db) == before and not preview.written
    report = import_plan(plan_db, book, plan_code="AP2016T")
    assert [r.activity for r in preview.to_insert] == [r.activity for r in report.to_insert]
    assert preview.objective_changes == report.objective_changes


def test_rows_without_numbers_match_by_text_and_objectives_rename_in_place(plan_db, tmp_path):
    rows = [[None, *r[1:]] for r in official_rows()]
    import_plan(plan_db, write_plan(tmp_path / "a.xlsx", rows), plan_code="NONUM")
    again = import_plan(plan_db, write_plan(tmp_path / "a.xlsx", rows), plan_code="NONUM")
    assert len(again.unchanged) == 7 and not again.written
    for row in rows[:5]:
        row[1] = "Old Age Allowance (universal pension)"
    report = import_plan(plan_db, write_plan(tmp_path / "b.xlsx", rows), plan_code="NONUM")
    assert [(c.before, c.after) for c in report.objective_changes] == [
        ("Old Age Allowance", "Old Age Allowance (universal pension)")]
    assert not report.to_insert and not report.to_update
    assert [(e.table_name, e.op) for e in journal_of(plan_db, report.txn_id)] == [
        ("objective", "update")]


def test_merged_activity_and_number_cells(plan_db, tmp_path):
    """An Activities cell merged over rows is one activity with each row's indicator; a No.
    merged over several activities numbers their objective."""
    rows = [
        [1, "Old Age Allowance", "Set age threshold to 60", "Circular issued", "June 2017",
         "MoSW", ""],
        [None, None, None, "Database updated", None, None, None],
        [None, None, "Increase allowance", "Budget allocated", "FY 2017-18", "MoSW", "FD"],
    ]
    path = tmp_path / "merged.xlsx"
    write_plan(path, rows)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws.merge_cells("C4:C5")
    ws.merge_cells("A4:A6")
    wb.save(path)
    import_plan(plan_db, path, plan_code="MERGED")
    got = rows_of(plan_db, "MERGED")
    assert [(r.number, r.objective_number, r.activity, r.indicators) for r in got] == [
        ("", "1", "Set age threshold to 60", ("Circular issued", "Database updated")),
        ("", "1", "Increase allowance", ("Budget allocated",)),
    ]
    assert {r.objective for r in got} == {"Old Age Allowance"}
    assert got[1].shared == ("Finance Division",)


def test_cancel_during_the_write_leaves_nothing(plan_db, tmp_path):
    rows = [[n * 10 + i, *row[1:2], f"{row[2]} (batch {n})", *row[3:]]
            for n in range(30) for i, row in enumerate(official_rows(), start=1)]
    book = write_plan(tmp_path / "big.xlsx", rows)
    task = TaskState(lambda fraction, _: task.cancel() if fraction > 0.7 else None)
    before = counts(plan_db)
    with pytest.raises(Cancelled):
        import_plan(plan_db, book, plan_code="CANCEL", task=task)
    assert counts(plan_db) == before


def test_month_typed_into_excel_reads_as_the_month(plan_db, tmp_path):
    """Excel stores a typed "June 2017" as the date 1 June 2017 shown "mmm-yy"; it is due at
    the end of June, not on the 1st. A date shown with its day stays that date."""
    from datetime import datetime

    rows = official_rows()[:2]
    path = write_plan(tmp_path / "dates.xlsx", rows)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws["E4"], ws["E5"] = datetime(2017, 6, 1), datetime(2018, 3, 15)
    ws["E4"].number_format, ws["E5"].number_format = "mmm-yy", "dd/mm/yyyy"
    wb.save(path)
    import_plan(plan_db, path, plan_code="DATES")
    got = rows_of(plan_db, "DATES")
    assert [(r.timeframe, r.due_date) for r in got] == [
        ("June 2017", date(2017, 6, 30)), ("2018-03-15", date(2018, 3, 15))]
