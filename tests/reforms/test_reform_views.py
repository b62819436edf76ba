"""Reform views and the committee summary on the demo register plus a few recorded statuses.

The demo register has 7 activities. Activity 1 (Old Age Allowance, due 30 June 2017) is led
by MoSW with Finance Division sharing; 6 and 7 (NSSS 2015, due December 2014 and July 2015)
are led by MoWCA; 2-5 have no responsible ministry (4 and 5 recur, so are never late). The
statuses recorded below give these hand counts at 30 June 2017 and 1 July 2017:

    activity     1            2            3 (draft)    4            5          6          7
    30 Jun 2017  in_progress  in_progress  not_started  not_started  completed  completed  dropped
    1 Jul 2017   delayed      in_progress  not_started  not_started  completed  completed  dropped
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from sqlalchemy import select

from nsss_desktop.domain.fiscal_year import Period
from nsss_desktop.services import evidence
from nsss_desktop.services.reform_status import current_statuses, record_status
from nsss_desktop.services.reform_views import (
    BY_MINISTRY,
    BY_OBJECTIVE,
    STATUS_ORDER,
    Cell,
    StatusCounts,
    all_ministries,
    by_cluster,
    by_ministry,
    committee_summary,
    percentages,
    progress_series,
)
from nsss_desktop.store.models import ActionPlan, Cluster, Objective
from tests.reforms import files

JUNE_30, JULY_1 = date(2017, 6, 30), date(2017, 7, 1)


@pytest.fixture
def recorded(plan):
    a, db = plan.activity, plan.db

    def approved(number: str, status: str, on: date) -> str:
        return record_status(db, a[number], status=status, event_date=on,
                             approval_state="approved")

    approved("1", "in_progress", date(2017, 1, 10))
    approved("2", "in_progress", date(2016, 3, 1))
    record_status(db, a["3"], status="completed", event_date=date(2016, 5, 1))  # draft
    approved("5", "completed", date(2017, 6, 15))
    done = approved("6", "completed", date(2015, 6, 1))
    approved("7", "dropped", date(2016, 1, 15))
    evidence.attach(db, a["6"], BytesIO(files.pdf(b"VWB plan")), title="Plan", kind="report",
                    status_event_id=done)
    evidence.attach(db, a["6"], BytesIO(files.png()), title="Launch", kind="photo")
    return plan


def numbers(plan, ids) -> list[str]:
    by_id = {v: k for k, v in plan.activity.items()}
    return sorted((by_id[i] for i in ids), key=int)


def counts(plan, status_counts: StatusCounts) -> dict[str, list[str]]:
    return {s: numbers(plan, c.activity_ids) for s, c in status_counts.by_status.items()
            if c.count}


def assert_recounts(session, as_of: date, status_counts: StatusCounts) -> None:
    """Every cell's ids re-count to its count and really have that status as of `as_of`."""
    total = status_counts.total
    current = current_statuses(session, as_of, total.activity_ids)
    union: list[str] = []
    for status, cell in status_counts.by_status.items():
        assert cell.count == len(cell.activity_ids) == len(set(cell.activity_ids))
        assert {current[i].status for i in cell.activity_ids} <= {status}
        union += cell.activity_ids
    assert sorted(union) == sorted(total.activity_ids)
    assert sum(c.count for c in status_counts.by_status.values()) == total.count
    if total.count:  # each share rounded on its own: the column is within 0.1 per row of 100
        assert abs(sum(status_counts.percent.values()) - 100) <= Decimal("0.1") * len(
            status_counts.percent)


def test_all_ministries_counts_each_activity_once(recorded):
    with recorded.db.reader() as s:
        june, july = all_ministries(s, JUNE_30), all_ministries(s, JULY_1)
        for view, day in ((june, JUNE_30), (july, JULY_1)):
            assert_recounts(s, day, view.counts)
    assert counts(recorded, june.counts) == {
        "completed": ["5", "6"], "in_progress": ["1", "2"], "not_started": ["3", "4"],
        "dropped": ["7"]}
    assert counts(recorded, july.counts) == {
        "completed": ["5", "6"], "in_progress": ["2"], "delayed": ["1"],
        "not_started": ["3", "4"], "dropped": ["7"]}
    assert july.counts.total.count == 7
    assert dict(july.counts.percent) == {
        "completed": Decimal("28.6"), "in_progress": Decimal("14.3"),
        "delayed": Decimal("14.3"), "not_started": Decimal("28.6"), "dropped": Decimal("14.3")}


def test_by_ministry_marks_lead_and_shared(recorded):
    with recorded.db.reader() as s:
        groups = by_ministry(s, JULY_1)
        for g in groups:
            assert_recounts(s, JULY_1, g.counts)
    assert [g.code for g in groups] == ["FD", "MoSW", "MoWCA", "-"]
    fd, mosw, mowca, none = groups
    assert [(numbers(recorded, [r.activity_id]), r.role) for r in fd.rows] == [(["1"], "shared")]
    assert [(r.role, r.status) for r in mosw.rows] == [("lead", "delayed")]
    assert fd.lead_counts.total.count == 0 and mosw.lead_counts.total.count == 1
    assert counts(recorded, mowca.counts) == {"completed": ["6"], "dropped": ["7"]}
    assert counts(recorded, none.counts) == {"completed": ["5"], "in_progress": ["2"],
                                             "not_started": ["3", "4"]}
    assert none.key is None and all(r.role is None for r in none.rows)
    # Lead groups plus the unassigned group cover every activity exactly once.
    led = [i for g in groups[:-1] for i in g.lead_counts.total.activity_ids] \
        + list(none.counts.total.activity_ids)
    assert sorted(led) == sorted(recorded.activity.values())


def test_by_ministry_for_one_ministry_even_if_it_has_none(recorded):
    with recorded.db.reader() as s:
        from nsss_desktop.store.models import Ministry

        mopme = s.scalar(select(Ministry.id).where(Ministry.code == "MoPME"))
        mosw = s.scalar(select(Ministry.id).where(Ministry.code == "MoSW"))
        (empty,) = by_ministry(s, JULY_1, mopme)
        (one,) = by_ministry(s, JULY_1, mosw)
    assert empty.counts.total == Cell(0, ()) and empty.rows == ()
    assert all(v == Decimal("0.0") for v in empty.counts.percent.values())
    assert numbers(recorded, one.counts.by_status["delayed"].activity_ids) == ["1"]


def test_by_cluster_uses_membership_then_the_objective_when_it_has_a_cluster(recorded):
    with recorded.db.reader() as s:
        groups = {g.code: g for g in by_cluster(s, JULY_1)}
        for g in groups.values():
            assert_recounts(s, JULY_1, g.counts)
    assert list(groups) == ["SA", "FSDA", "SI", "LL", "HDSE", "-"]
    assert numbers(recorded, groups["SA"].counts.total.activity_ids) == ["1", "6", "7"]
    assert numbers(recorded, groups["SI"].counts.total.activity_ids) == ["1"]
    assert numbers(recorded, groups["LL"].counts.total.activity_ids) == ["1", "6", "7"]
    assert groups["FSDA"].counts.total.count == groups["HDSE"].counts.total.count == 0
    assert numbers(recorded, groups["-"].counts.total.activity_ids) == ["2", "3", "4", "5"]
    assert {r.basis for r in groups["SA"].rows} == {BY_MINISTRY}

    with recorded.db.unit_of_work(description="classify the OAA objective") as uow:
        fsda = uow.session.scalar(select(Cluster.id).where(Cluster.code == "FSDA"))
        objective = uow.session.scalar(select(Objective).where(
            Objective.text_en == "Old Age Allowance"))
        objective.cluster_id = fsda
    with recorded.db.reader() as s:
        groups = {g.code: g for g in by_cluster(s, JULY_1)}
        (only,) = by_cluster(s, JULY_1, fsda)
    assert numbers(recorded, groups["FSDA"].counts.total.activity_ids) == ["1", "2", "3", "4",
                                                                            "5"]
    assert {r.basis for r in groups["FSDA"].rows} == {BY_OBJECTIVE}
    assert numbers(recorded, groups["SA"].counts.total.activity_ids) == ["6", "7"]
    assert "-" not in groups and only.counts == groups["FSDA"].counts


def test_overdue_list_across_the_fiscal_year_boundary(recorded):
    with recorded.db.reader() as s:
        june = committee_summary(s, JUNE_30)
        july = committee_summary(s, JULY_1)
    assert june.overdue == [] and june.overdue_cell == Cell(0, ())
    assert [(numbers(recorded, [i.row.activity_id]), i.days_overdue, i.row.current
             .recorded_status) for i in july.overdue] == [(["1"], 1, "in_progress")]
    assert july.overdue_cell.activity_ids == (recorded.activity["1"],)
    assert july.total.by_status["delayed"] == july.overdue_cell


def test_committee_summary_counts_percentages_and_recent_completions(recorded):
    with recorded.db.reader() as s:
        summary = committee_summary(s, JULY_1, recent_days=90)
        for g in [*summary.per_ministry, *summary.per_cluster]:
            assert_recounts(s, JULY_1, g.counts)
        assert_recounts(s, JULY_1, summary.total)
        early = committee_summary(s, date(2015, 7, 1), recent_days=90)
    assert tuple(summary.total.by_status) == STATUS_ORDER
    assert [(numbers(recorded, [c.row.activity_id]), c.completed_on, c.evidence_count)
            for c in summary.recently_completed] == [(["5"], date(2017, 6, 15), 0)]
    (vwb,) = early.recently_completed
    assert numbers(recorded, [vwb.row.activity_id]) == ["6"]
    assert (vwb.completed_on, vwb.evidence_count, vwb.event_evidence_count) == (
        date(2015, 6, 1), 2, 1)
    # The series defaults to the quarters of FY 2017-18 ended by 1 July 2017: none yet.
    assert summary.series == []


def test_progress_series_uses_event_dates_at_each_quarter_end(recorded):
    with recorded.db.reader() as s:
        series = progress_series(s, date(2015, 1, 1), JULY_1)
        for point in series:
            assert_recounts(s, point.as_of, point.counts)
    assert [str(p.period) for p in series] == [
        "2014-15 Q3", "2014-15 Q4", "2015-16 Q1", "2015-16 Q2", "2015-16 Q3", "2015-16 Q4",
        "2016-17 Q1", "2016-17 Q2", "2016-17 Q3", "2016-17 Q4"]
    assert all(p.as_of == p.period.end for p in series)
    at = {str(p.period): {k: v.count for k, v in p.counts.by_status.items() if v.count}
          for p in series}
    assert at["2014-15 Q3"] == {"delayed": 1, "not_started": 6}  # 6 was due Dec 2014
    assert at["2014-15 Q4"] == {"completed": 1, "not_started": 6}
    assert at["2015-16 Q1"] == {"completed": 1, "delayed": 1, "not_started": 5}  # 7: Jul 2015
    assert at["2015-16 Q3"] == {"completed": 1, "in_progress": 1, "dropped": 1,
                                "not_started": 4}
    assert at["2016-17 Q4"] == {"completed": 2, "in_progress": 2, "dropped": 1,
                                "not_started": 2}
    assert series[0].period == Period.parse("2014-15 Q3")


def test_plan_filter_keeps_one_plan(recorded):
    with recorded.db.reader() as s:
        plan_id = s.scalar(select(ActionPlan.id).where(ActionPlan.code == "NSSS2015"))
        summary = committee_summary(s, JULY_1, plan_id=plan_id)
    assert numbers(recorded, summary.total.total.activity_ids) == ["6", "7"]
    assert [g.code for g in summary.per_ministry] == ["MoWCA"]
    assert summary.total.percent["completed"] == Decimal("50.0")


@pytest.mark.parametrize("values", [
    {"a": 1, "b": 1, "c": 1},
    {"a": 2, "b": 2, "c": 2, "d": 1},
    {"a": 1, "b": 0, "c": 6},
    {"a": 999, "b": 1},
    {"a": 0, "b": 0},
])
def test_percentages_are_one_place_and_equal_counts_show_equal_shares(values):
    result = percentages(values)
    assert all(v == v.quantize(Decimal("0.1")) for v in result.values())
    for a in values:
        for b in values:
            if values[a] == values[b]:
                assert result[a] == result[b]
    total = sum(values.values())
    for k, v in result.items():  # never more than 0.1 from the exact share
        exact = Decimal(100 * values[k]) / total if total else Decimal(0)
        assert abs(v - exact) < Decimal("0.1")


def test_a_cell_cannot_disagree_with_its_ids():
    with pytest.raises(ValueError):
        Cell(2, ("x",))
    assert Cell.of(["x", "y", "x"]) == Cell(2, ("x", "y"))
