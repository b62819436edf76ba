"""The reform report's numbers equal hand counts of the demo register (see conftest), its
filters select the same activities in every table, and a shared activity is listed under
each of its ministries but counted once in the total."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from nsss_desktop.errors import UsageError
from nsss_desktop.reports import build_reform_report
from nsss_desktop.reports.document import (
    ROW_STYLE,
    STYLE_TOTAL,
    DashboardTable,
    ReportDocument,
    format_cell,
    page_label,
)
from nsss_desktop.reports.reform_report import percent_of
from nsss_desktop.services.reform_status import record_status
from nsss_desktop.services.reform_views import by_cluster
from nsss_desktop.store.models import Cluster, JournalTxn, Ministry
from tests.reports.conftest import JULY_1, JUNE_30

STATUSES = ("completed", "in_progress", "delayed", "not_started", "dropped")
DHAKA_NOON = datetime(2025, 1, 2, 10, 30, tzinfo=timezone(timedelta(hours=6)))


def report(plan, **kwargs) -> ReportDocument:  # noqa: ANN001
    kwargs.setdefault("as_of", JULY_1)
    with plan.db.reader() as s:
        return build_reform_report(s, generated_at=DHAKA_NOON, **kwargs)


def tables(doc: ReportDocument) -> tuple[DashboardTable, DashboardTable, DashboardTable | None]:
    summary, details = doc.sections[0].tables[0], doc.sections[1].tables[0]
    overdue = doc.sections[2].tables[0] if doc.sections[2].tables else None
    return summary, details, overdue


def summary_rows(doc: ReportDocument) -> dict[str, tuple]:
    """Group label -> (completed, in progress, delayed, not started, dropped, total, %)."""
    return {r["group"]: tuple(r[k] for k in (*STATUSES, "total", "percent_completed"))
            for r in tables(doc)[0].rows}


def detail_numbers(doc: ReportDocument) -> list[tuple[str, str]]:
    """(group, activity number without the plan code) of every detail row, in order."""
    return [(r["group"], r["number"].split()[-1]) for r in tables(doc)[1].rows]


def ministry_name(plan, code: str) -> str:  # noqa: ANN001
    with plan.db.reader() as s:
        return s.scalar(select(Ministry.name_en).where(Ministry.code == code))


TOTAL = "Total (each activity counted once)"


def test_summary_by_ministry_equals_hand_counts(recorded) -> None:  # noqa: ANN001
    rows = summary_rows(report(recorded))
    fd, mosw, mowca = (ministry_name(recorded, c) for c in ("FD", "MoSW", "MoWCA"))
    assert rows == {
        fd: (0, 0, 1, 0, 0, 1, Decimal("0.0")),
        mosw: (0, 0, 1, 0, 0, 1, Decimal("0.0")),
        mowca: (1, 0, 0, 0, 1, 2, Decimal("50.0")),
        "No responsible ministry": (1, 1, 0, 2, 0, 4, Decimal("25.0")),
        TOTAL: (2, 1, 1, 2, 1, 7, Decimal("28.6")),
    }
    assert list(rows)[-1] == TOTAL
    assert tables(report(recorded))[0].rows[-1][ROW_STYLE] == STYLE_TOTAL


def test_status_on_the_due_date_is_not_yet_delayed(recorded) -> None:  # noqa: ANN001
    rows = summary_rows(report(recorded, as_of=JUNE_30))
    assert rows[TOTAL] == (2, 2, 0, 2, 1, 7, Decimal("28.6"))
    assert tables(report(recorded, as_of=JUNE_30))[2] is None  # nothing overdue yet


def test_shared_activity_under_both_ministries_but_counted_once(recorded) -> None:  # noqa: ANN001
    doc = report(recorded)
    fd, mosw = ministry_name(recorded, "FD"), ministry_name(recorded, "MoSW")
    listed = detail_numbers(doc)
    assert (fd, "1") in listed and (mosw, "1") in listed
    assert [n for _, n in listed].count("1") == 2
    rows = summary_rows(doc)
    assert sum(r[5] for g, r in rows.items() if g != TOTAL) == 8  # 1 + 1 + 2 + 4
    assert rows[TOTAL][5] == 7
    notes = " ".join(doc.sections[0].notes)
    assert "appears under each of them; the total row counts it once" in notes
    assert "Here 1 activity appears in more than one row." in notes


def test_detail_table_columns_and_values(recorded) -> None:  # noqa: ANN001
    doc = report(recorded, group_by="status")
    details = tables(doc)[1]
    assert [c.label for c in details.columns] == [
        "Status", "No.", "Activity", "Responsible ministry", "Shared responsibility",
        "Timeframe", "Current status", "Last update", "Evidence files"]
    by_number = {r["number"].split()[-1]: r for r in details.rows}
    assert len(details.rows) == len(by_number) == 7  # each activity once outside ministries
    one, three, six = by_number["1"], by_number["3"], by_number["6"]
    assert one["responsible"] == "Ministry of Social Welfare"
    assert one["shared"] == "Finance Division"
    assert (one["timeframe"], one["status"], one["last_update"]) == (
        "June 2017", "Delayed", "2017-01-10")
    assert three["status"] == "Not started (pending: Completed)"  # the draft is not counted
    assert six["evidence"] == 2 and by_number["5"]["evidence"] == 0
    assert one["number"] == "AP2016 1" and six["number"] == "NSSS2015 6"  # two plans: code


def test_overdue_list(recorded) -> None:  # noqa: ANN001
    overdue = tables(report(recorded, as_of=date(2017, 7, 11)))[2]
    assert [(r["number"], r["due"], r["days_overdue"]) for r in overdue.rows] == [
        ("AP2016 1", "2017-06-30", 11)]
    assert [c.kind for c in overdue.columns][-2:] == ["date", "int"]


def test_filter_by_ministry_keeps_led_and_shared_activities(recorded) -> None:  # noqa: ANN001
    fd = ministry_name(recorded, "FD")
    doc = report(recorded, ministry_code="FD")
    assert summary_rows(doc) == {fd: (0, 0, 1, 0, 0, 1, Decimal("0.0")),
                                 TOTAL: (0, 0, 1, 0, 0, 1, Decimal("0.0"))}
    assert detail_numbers(doc) == [(fd, "1")]
    assert doc.sections[0].paragraphs == ["1 activity in this report: led or shared by "
                                          "Finance Division."]


def test_filter_by_status_and_due_dates(recorded) -> None:  # noqa: ANN001
    done = report(recorded, statuses=["completed"])
    assert summary_rows(done)[TOTAL] == (2, 0, 0, 0, 0, 2, Decimal("100.0"))
    assert sorted(n for _, n in detail_numbers(done)) == ["5", "6"]
    late_or_dropped = report(recorded, statuses=["delayed", "dropped"])
    assert sorted(n for _, n in detail_numbers(late_or_dropped)) == ["1", "1", "7"]
    assert summary_rows(late_or_dropped)[TOTAL][5] == 2
    window = report(recorded, due_from=date(2015, 1, 1), due_to=date(2016, 12, 31))
    assert [n for _, n in detail_numbers(window)] == ["7"]  # 6 and 1 fall outside, 2-5 undated
    assert "due on or after 2015-01-01; due on or before 2016-12-31" in (
        window.sections[0].paragraphs[0])


def test_filter_by_plan_and_cluster_match_the_views(recorded) -> None:  # noqa: ANN001
    nsss = report(recorded, plan_code="NSSS2015", group_by="plan")
    assert [n for _, n in detail_numbers(nsss)] == ["6", "7"]
    assert list(summary_rows(nsss)) == [
        "NSSS (2015): life-cycle reform commitments (NSSS2015)", TOTAL]
    assert detail_numbers(nsss)[0] == (
        "NSSS (2015): life-cycle reform commitments (NSSS2015)", "6")  # one plan: no code
    with recorded.db.reader() as s:
        cluster = s.scalar(select(Cluster).where(Cluster.code == "SA"))
        expected = {r.activity_id for g in by_cluster(s, JULY_1, cluster.id) for r in g.rows}
    by_id = {v: k for k, v in recorded.activity.items()}
    doc = report(recorded, cluster_code="SA", group_by="cluster")
    assert sorted(n for _, n in detail_numbers(doc)) == sorted(by_id[i] for i in expected)
    assert list(summary_rows(doc)) == ["Social Allowance", TOTAL]


@pytest.mark.parametrize("filters", [
    {}, {"ministry_code": "MoWCA"}, {"statuses": ["delayed", "completed"]},
    {"plan_code": "AP2016", "due_to": date(2017, 12, 31)}, {"cluster_code": "LL"},
])
@pytest.mark.parametrize("group_by", ["ministry", "cluster", "status", "objective", "plan"])
def test_every_table_shows_the_same_activities(recorded, filters, group_by) -> None:  # noqa: ANN001
    doc = report(recorded, group_by=group_by, **filters)
    summary, details, overdue = tables(doc)
    in_details = {r["number"] for r in details.rows}
    assert summary.rows[-1]["total"] == len(in_details)
    assert sum(summary.rows[-1][s] for s in STATUSES) == len(in_details)
    for row in summary.rows[:-1]:
        assert sum(row[s] for s in STATUSES) == row["total"]
        listed = [r for r in details.rows if r["group"] == row["group"]]
        assert len(listed) == row["total"]
    assert {r["number"] for r in (overdue.rows if overdue else [])} <= in_details
    if group_by in ("status", "objective", "plan"):  # each activity in exactly one group
        assert len(details.rows) == len(in_details)
        assert sum(r["total"] for r in summary.rows[:-1]) == len(in_details)


def test_grouping_by_status_is_the_diagonal(recorded) -> None:  # noqa: ANN001
    rows = summary_rows(report(recorded, group_by="status"))
    assert list(rows) == ["Completed", "In progress", "Delayed", "Not started", "Dropped", TOTAL]
    for i, label in enumerate(list(rows)[:-1]):
        assert rows[label][5] == rows[label][i] == rows[TOTAL][i]


def test_grouping_by_objective_and_cluster(recorded) -> None:  # noqa: ANN001
    rows = summary_rows(report(recorded, group_by="objective"))
    assert {k: v[5] for k, v in rows.items()} == {
        "NSSS2015 2. Vulnerable Women's Benefit (VWB)": 2,
        "AP2016 1. Old Age Allowance": 5, TOTAL: 7}
    doc = report(recorded, group_by="cluster")
    clusters = summary_rows(doc)
    assert len(clusters) == 5 + 2  # the five clusters (empty ones too), no cluster, total
    assert clusters[TOTAL][5] == 7 <= sum(v[5] for k, v in clusters.items() if k != TOTAL)
    assert "every cluster its responsible ministry belongs to" in " ".join(doc.sections[0].notes)


def test_bangla_labels_and_digits(recorded) -> None:  # noqa: ANN001
    doc = report(recorded, lang="bn")
    summary, details, overdue = tables(doc)
    assert [c.label for c in summary.columns][1:6] == [
        "সম্পন্ন", "চলমান", "বিলম্বিত", "শুরু হয়নি", "বাদ দেওয়া হয়েছে"]
    assert doc.title == "সংস্কার অগ্রগতি প্রতিবেদন"
    assert "২০১৭-০৭-০১" in doc.subtitle
    total = summary.rows[-1]
    assert total["group"] == "মোট (প্রতিটি কার্যক্রম একবার গণনা)"
    assert [format_cell(total[c.key], c.kind, "bn") for c in summary.columns[1:]] == [
        "২", "১", "১", "২", "১", "৭", "২৮.৬"]
    statuses = {r["status"] for r in details.rows}
    assert {"বিলম্বিত", "চলমান", "সম্পন্ন", "বাদ দেওয়া হয়েছে"} <= statuses
    assert "শুরু হয়নি (অনুমোদনের অপেক্ষায়: সম্পন্ন)" in statuses
    assert "সমাজকল্যাণ মন্ত্রণালয়" in {r["group"] for r in details.rows}
    assert overdue.rows[0]["number"] == "AP2016 ১"
    assert format_cell(overdue.rows[0]["due"], "date", "bn") == "২০১৭-০৬-৩০"
    assert doc.sections[0].paragraphs == ["এই প্রতিবেদনে ৭টি কার্যক্রম: সব কার্যক্রম।"]


def test_format_cell_and_page_label() -> None:
    assert format_cell(12345678, "int", "bn") == "১,২৩,৪৫,৬৭৮"
    assert format_cell(12345678, "int", "en") == "1,23,45,678"
    assert format_cell(Decimal("28.6"), "percent", "en") == "28.6"
    assert format_cell(None, "percent", "en") == "–"
    assert format_cell(None, "text", "en") == ""
    assert format_cell("Tk. 500", "text", "bn") == "Tk. 500"  # text is never transliterated
    assert page_label(2, 7, "en") == "Page 2 of 7"
    assert page_label(2, 7, "bn") == "পৃষ্ঠা ২ / ৭"


def test_percent_is_exact_and_rounded_half_up() -> None:
    assert percent_of(2, 7) == Decimal("28.6")
    assert percent_of(1, 3) == Decimal("33.3")
    assert percent_of(2, 3) == Decimal("66.7")
    assert percent_of(1, 16) == Decimal("6.3")  # 6.25 -> 6.3
    assert percent_of(7, 7) == Decimal("100.0")
    assert percent_of(0, 0) is None
    assert str(percent_of(1, 8)) == "12.5"


def test_provenance_names_the_latest_local_change(recorded) -> None:  # noqa: ANN001
    with recorded.db.reader() as s:
        seq = s.scalar(select(func.max(JournalTxn.seq)))
    doc = report(recorded)
    assert doc.provenance == (f"Data as of local change #{seq}, approval state: local (not yet "
                              "synced), generated 2025-01-02 10:30 UTC+06:00")
    assert doc.generated_at == "2025-01-02T10:30:00+06:00"
    record_status(recorded.db, recorded.activity["4"], status="in_progress",
                  event_date=date(2017, 2, 1))
    assert f"#{seq + 1}," in report(recorded).provenance
    bangla = report(recorded, lang="bn").provenance
    assert bangla.startswith("তথ্য: স্থানীয় পরিবর্তন #") and str(seq) not in bangla


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"plan_code": "AP1999"}, "No action plan 'AP1999'"),
    ({"ministry_code": "MoXX"}, "No ministry 'MoXX'"),
    ({"cluster_code": "XX"}, "No thematic cluster 'XX'"),
    ({"statuses": ["finished"]}, "Unknown status 'finished'"),
    ({"group_by": "district"}, "Cannot group by 'district'"),
    ({"lang": "fr"}, "No report language 'fr'"),
    ({"due_from": date(2017, 1, 2), "due_to": date(2017, 1, 1)}, "ends before it starts"),
])
def test_wrong_requests_are_refused_with_a_hint(plan, kwargs, message) -> None:  # noqa: ANN001
    with pytest.raises(UsageError, match=message) as caught:
        report(plan, **kwargs)
    assert caught.value.hint
