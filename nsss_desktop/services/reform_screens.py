"""Read helpers for the GUI's reform screens: ministries, clusters, committee, search, reports.

The GUI never opens a session (tests/test_core_has_no_qt.py checks it), so each screen gets
what it shows from one call here that takes the `Database`. The numbers are the reform views'
own (`reform_views`, `search`, `reports.reform_report`): these wrappers only open the read
session and fill in what a screen needs beside them (the choice lists, empty groups for
ministries without activities), so a screen can never compute a count differently from the
committee report. They run in worker threads; every result is plain data.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from nsss_desktop.domain.fiscal_year import FiscalYear
from nsss_desktop.reports.document import ReportDocument
from nsss_desktop.reports.reform_report import build_reform_report
from nsss_desktop.services import reform_views, tables
from nsss_desktop.services.action_plan import list_plans
from nsss_desktop.services.reform_status import CurrentStatus, current_statuses
from nsss_desktop.services.reform_views import CommitteeSummary, Group, StatusCounts
from nsss_desktop.services.search import SearchResult, search
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import Cluster, Ministry

__all__ = ["Choice", "Choices", "choices", "cluster_groups", "committee", "ministry_groups",
           "ministry_programmes", "reform_report", "search_reforms"]

SERIES_FISCAL_YEARS = 2  # the committee chart: this fiscal year and the one before


@dataclass(frozen=True)
class Choice:
    """One entry of a filter list (a plan, a ministry or a cluster)."""

    id: str
    code: str
    name_en: str
    name_bn: str | None


@dataclass(frozen=True)
class Choices:
    plans: list[Choice]
    ministries: list[Choice]
    clusters: list[Choice]


def choices(db: Database) -> Choices:
    """Plans (oldest first), ministries (by English name) and clusters (in their order)."""
    with db.reader() as s:
        plans = [Choice(p.id, p.code or "", p.title, None) for p in list_plans(s)]
        ministries = [Choice(m.id, m.code, m.name_en, m.name_bn)
                      for m in s.scalars(select(Ministry).order_by(Ministry.name_en))]
        clusters = [Choice(c.id, c.code, c.name_en, c.name_bn)
                    for c in s.scalars(select(Cluster).order_by(Cluster.sort_order,
                                                                Cluster.code))]
    return Choices(plans, ministries, clusters)


def ministry_groups(db: Database, as_of: date, *, plan_id: str | None = None) -> list[Group]:
    """Every ministry (those without an activity too, with zero counts), by English name,
    then the activities without a responsible ministry, if any."""
    with db.reader() as s:
        found = {g.key: g for g in reform_views.by_ministry(s, as_of, plan_id=plan_id)}
        ministries = list(s.scalars(select(Ministry).order_by(Ministry.name_en)))
    empty = StatusCounts.of([])
    groups = [found.get(m.id) or Group(m.id, m.code, m.name_en, m.name_bn, (), empty, empty)
              for m in ministries]
    return groups + ([found[None]] if None in found else [])


def cluster_groups(db: Database, as_of: date, *, plan_id: str | None = None) -> list[Group]:
    """Every thematic cluster in order, then the activities that reach none."""
    with db.reader() as s:
        return reform_views.by_cluster(s, as_of, plan_id=plan_id)


def ministry_programmes(db: Database) -> tables.DashboardTable:
    """The programme list; the ministries screen shows the rows its ministry leads."""
    with db.reader() as s:
        return tables.programmes(s)


def committee(db: Database, as_of: date, *, plan_id: str | None = None,
              recent_days: int = 90) -> CommitteeSummary:
    """The committee summary, with the progress series over the quarters of this fiscal year
    and the previous one that have ended by `as_of` (one quarter alone shows no progress)."""
    start = FiscalYear.containing(as_of)
    for _ in range(SERIES_FISCAL_YEARS - 1):
        start = start.previous()
    with db.reader() as s:
        return reform_views.committee_summary(s, as_of, plan_id=plan_id,
                                              recent_days=recent_days, series_start=start.start)


def search_reforms(db: Database, query: str, *, as_of: date, plan_id: str | None = None,
                   ministry_id: str | None = None, cluster_id: str | None = None,
                   status: Collection[str] | str | None = None, due_from: date | None = None,
                   due_to: date | None = None, limit: int = 20,
                   offset: int = 0) -> tuple[SearchResult, dict[str, CurrentStatus]]:
    """One page of search hits and the derived status (on `as_of`) of their activities."""
    with db.reader() as s:
        result = search(s, query, as_of=as_of, plan_id=plan_id, ministry_id=ministry_id,
                        cluster_id=cluster_id, status=status, due_from=due_from,
                        due_to=due_to, limit=limit, offset=offset)
        ids = {h.activity_id for h in result.hits if h.activity_id}
        statuses = current_statuses(s, as_of, ids) if ids else {}
    return result, statuses


def reform_report(db: Database, **options: Any) -> ReportDocument:
    """The reform tracking report (`build_reform_report`'s options, by keyword)."""
    with db.reader() as s:
        return build_reform_report(s, **options)
