"""The GUI's read helpers (`services.reform_screens`) give the reform views' own numbers.

They only open the session and complete what a screen lists; these checks make sure they
never count differently from `reform_views` (which the committee report also uses).
"""

from __future__ import annotations

from datetime import date

from nsss_desktop.domain.enums import ApprovalState
from nsss_desktop.domain.fiscal_year import FiscalYear
from nsss_desktop.services import reform_screens, reform_views
from nsss_desktop.services.reform_status import record_status

AS_OF = date(2024, 5, 15)


def test_ministry_groups_list_every_ministry_with_the_views_counts(plan) -> None:  # noqa: ANN001
    record_status(plan.db, plan.activity["1"], status="completed", event_date=date(2023, 1, 5),
                  approval_state=ApprovalState.APPROVED.value)
    groups = reform_screens.ministry_groups(plan.db, AS_OF)
    choices = reform_screens.choices(plan.db)
    with plan.db.reader() as s:
        views = {g.key: g for g in reform_views.by_ministry(s, AS_OF)}
    assert [g.key for g in groups if g.key] == [m.id for m in choices.ministries]
    for group in groups:
        if group.key in views:
            assert group == views[group.key]
        else:
            assert group.rows == () and group.counts.total.count == 0
    assert groups[-1].key is None and groups[-1] == views[None]


def test_committee_series_covers_this_and_the_previous_fiscal_year(plan) -> None:  # noqa: ANN001
    summary = reform_screens.committee(plan.db, AS_OF)
    with plan.db.reader() as s:
        expected = reform_views.committee_summary(s, AS_OF)
    assert summary.total == expected.total and summary.per_cluster == expected.per_cluster
    start = FiscalYear.containing(AS_OF).previous().start
    assert summary.series[0].period.start == start
    assert summary.series[-1].as_of <= AS_OF


def test_search_reforms_returns_the_status_of_each_hit(plan) -> None:  # noqa: ANN001
    result, statuses = reform_screens.search_reforms(plan.db, "allowance", as_of=AS_OF)
    assert result.total >= 1
    assert {h.activity_id for h in result.hits if h.activity_id} == set(statuses)
