"""Reform views: by responsible ministry, by thematic cluster, all ministries, and the
committee summary, each as of a given date.

Statuses come from `reform_status.current_statuses` (latest approved event, delayed after
the due date), never stored. Every number is a `Cell` that carries the activity ids behind
it, so the UI can drill from any count to the list and a test can re-count it. An activity
appears in every ministry (lead or shared) and cluster it belongs to, but in the all-ministries
total it is counted once (domain.md: never double count).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nsss_desktop.domain.enums import ActivityStatus, ApprovalState
from nsss_desktop.domain.fiscal_year import FiscalYear, Period, PeriodKind
from nsss_desktop.errors import UsageError
from nsss_desktop.services.evidence import evidence_counts
from nsss_desktop.services.reform_status import CurrentStatus, current_statuses
from nsss_desktop.store.models import (
    ActionPlan,
    Activity,
    ActivitySharedMinistry,
    Cluster,
    ClusterMember,
    Evidence,
    Ministry,
    Objective,
    StatusEvent,
)

# The committee's column order.
STATUS_ORDER = tuple(s.value for s in (
    ActivityStatus.COMPLETED, ActivityStatus.IN_PROGRESS, ActivityStatus.DELAYED,
    ActivityStatus.NOT_STARTED, ActivityStatus.DROPPED))
LEAD, SHARED = "lead", "shared"
BY_OBJECTIVE, BY_MINISTRY = "objective", "ministry"  # how an activity got into a cluster


@dataclass(frozen=True)
class Cell:
    """A count and the activities it counts (in register order, each once)."""

    count: int
    activity_ids: tuple[str, ...]

    def __post_init__(self) -> None:
        if self.count != len(self.activity_ids) or len(set(self.activity_ids)) != self.count:
            raise ValueError("a Cell's count must equal its number of distinct activity ids")

    @classmethod
    def of(cls, ids: Iterable[str]) -> Cell:
        unique = tuple(dict.fromkeys(ids))
        return cls(len(unique), unique)


@dataclass(frozen=True)
class StatusCounts:
    """Counts by status and percentages of the total (1 decimal place, adding to 100.0)."""

    total: Cell
    by_status: Mapping[str, Cell]
    percent: Mapping[str, Decimal]

    @classmethod
    def of(cls, rows: Iterable[ActivityRow]) -> StatusCounts:
        rows = list(rows)
        cells = {s: Cell.of(r.activity_id for r in rows if r.status == s) for s in STATUS_ORDER}
        return cls(Cell.of(r.activity_id for r in rows), cells,
                   percentages({s: c.count for s, c in cells.items()}))


@dataclass(frozen=True)
class ActivityRow:
    """One activity in a view; `role` (lead/shared) in ministry views, `basis` in clusters."""

    activity_id: str
    plan_code: str
    plan_title: str
    objective_number: str
    objective_text: str
    number: str
    text_en: str
    text_bn: str | None
    timeframe_text: str
    due_date: date | None
    responsible_ministry_id: str | None
    current: CurrentStatus
    role: str | None = None
    basis: str | None = None

    @property
    def status(self) -> str:
        return self.current.status


@dataclass(frozen=True)
class Group:
    """A ministry, a cluster, or everything; `key` None is 'no ministry' / 'no cluster'."""

    key: str | None
    code: str
    name_en: str
    name_bn: str | None
    rows: tuple[ActivityRow, ...]
    counts: StatusCounts
    lead_counts: StatusCounts | None = None  # ministry groups: the activities it leads


@dataclass(frozen=True)
class OverdueItem:
    row: ActivityRow
    days_overdue: int


@dataclass(frozen=True)
class CompletedItem:
    row: ActivityRow
    completed_on: date
    evidence_count: int  # all evidence of the activity
    event_evidence_count: int  # evidence attached to this completion report


@dataclass(frozen=True)
class SeriesPoint:
    period: Period  # a fiscal-year quarter
    as_of: date  # its last day
    counts: StatusCounts


@dataclass(frozen=True)
class CommitteeSummary:
    as_of: date
    total: StatusCounts  # each activity once
    per_ministry: list[Group]
    per_cluster: list[Group]
    overdue: list[OverdueItem]
    overdue_cell: Cell
    recently_completed: list[CompletedItem]
    recent_days: int
    series: list[SeriesPoint] = field(default_factory=list)


def percentages(counts: Mapping[str, int]) -> dict[str, Decimal]:
    """Shares to one decimal place, each rounded half up on its own (0.0 each when empty).

    Equal counts always show equal percentages (a committee member comparing rows expects
    that), so the column may add up to 99.9 or 100.1; reports say so in a note. The same rule
    is used on screen and in the printed report.
    """
    total = sum(counts.values())
    if total == 0:
        return {k: Decimal("0.0") for k in counts}
    return {k: (Decimal(100 * c) / Decimal(total)).quantize(Decimal("0.1"), ROUND_HALF_UP)
            for k, c in counts.items()}


# --- views ----------------------------------------------------------------------------------------


def by_ministry(session: Session, as_of: date, ministry_id: str | None = None, *,
                plan_id: str | None = None) -> list[Group]:
    """Per ministry, the activities it leads or shares (row.role says which).

    Without `ministry_id`: every ministry that has an activity, by name, then the activities
    with no responsible ministry (key None). With it: that ministry only, even if empty.
    """
    data = _load(session, as_of, plan_id)
    if ministry_id is not None and ministry_id not in data.ministries:
        raise UsageError("No such ministry.", hint="Choose a ministry from the list.")
    members: dict[str | None, list[ActivityRow]] = {}
    for row in data.rows:
        if row.responsible_ministry_id is None:
            members.setdefault(None, []).append(row)
        else:
            members.setdefault(row.responsible_ministry_id, []).append(_with(row, role=LEAD))
        for shared in data.shared.get(row.activity_id, ()):
            if shared != row.responsible_ministry_id:
                members.setdefault(shared, []).append(_with(row, role=SHARED))
    keys = [ministry_id] if ministry_id is not None else sorted(
        (k for k in members if k is not None), key=lambda k: data.ministries[k].name_en)
    groups = [_ministry_group(data.ministries[k], members.get(k, [])) for k in keys]
    if ministry_id is None and None in members:
        groups.append(_group(None, "-", "No responsible ministry", None, members[None]))
    return groups


def by_cluster(session: Session, as_of: date, cluster_id: str | None = None, *,
               plan_id: str | None = None) -> list[Group]:
    """Per thematic cluster: the objective's cluster when it has one (basis 'objective'),
    otherwise every cluster the responsible ministry is a member of (basis 'ministry').

    Without `cluster_id`: all clusters in their order (empty ones too, the committee wants to
    see them), then the activities that reach no cluster (key None).
    """
    data = _load(session, as_of, plan_id)
    clusters = list(session.scalars(select(Cluster).order_by(Cluster.sort_order, Cluster.code)))
    if cluster_id is not None and cluster_id not in {c.id for c in clusters}:
        raise UsageError("No such cluster.", hint="Choose a thematic cluster from the list.")
    membership: dict[str, list[str]] = {}
    for c_id, m_id in session.execute(select(ClusterMember.cluster_id, ClusterMember.ministry_id)):
        membership.setdefault(m_id, []).append(c_id)
    members: dict[str | None, list[ActivityRow]] = {}
    for row in data.rows:
        objective_cluster = data.objective_cluster.get(row.activity_id)
        if objective_cluster is not None:
            targets, basis = [objective_cluster], BY_OBJECTIVE
        else:
            targets, basis = membership.get(row.responsible_ministry_id or "", []), BY_MINISTRY
        for target in targets or [None]:
            members.setdefault(target, []).append(
                _with(row, basis=basis if target is not None else None))
    chosen = [c for c in clusters if cluster_id is None or c.id == cluster_id]
    groups = [_group(c.id, c.code, c.name_en, c.name_bn, members.get(c.id, [])) for c in chosen]
    if cluster_id is None and None in members:
        groups.append(_group(None, "-", "No thematic cluster", None, members[None]))
    return groups


def all_ministries(session: Session, as_of: date, *, plan_id: str | None = None) -> Group:
    """Every activity once, whatever the number of ministries it involves."""
    data = _load(session, as_of, plan_id)
    rows = [_with(r, role=LEAD if r.responsible_ministry_id else None) for r in data.rows]
    return _group(None, "ALL", "All ministries", None, rows)


def overdue(session: Session, as_of: date, *, plan_id: str | None = None) -> list[OverdueItem]:
    """Activities past their due date and neither completed nor dropped, oldest due first."""
    rows = [r for r in _load(session, as_of, plan_id).rows if r.current.overdue]
    return [OverdueItem(r, (as_of - r.due_date).days) for r in  # type: ignore[operator]
            sorted(rows, key=lambda r: (r.due_date, r.number))]


def recently_completed(session: Session, as_of: date, days: int = 90, *,
                       plan_id: str | None = None) -> list[CompletedItem]:
    """Activities completed (approved event) in the `days` before `as_of` and still completed,
    with how much evidence backs them; newest first."""
    data = _load(session, as_of, plan_id)
    by_id = {r.activity_id: r for r in data.rows}
    events = session.scalars(
        select(StatusEvent).where(
            StatusEvent.status == ActivityStatus.COMPLETED.value,
            StatusEvent.approval_state == ApprovalState.APPROVED.value,
            StatusEvent.event_date > as_of - timedelta(days=days),
            StatusEvent.event_date <= as_of)
        .order_by(StatusEvent.event_date, StatusEvent.id))
    latest = {e.activity_id: e for e in events if e.activity_id in by_id}
    totals = evidence_counts(session)
    per_event = dict(session.execute(
        select(Evidence.status_event_id, func.count()).where(
            Evidence.status_event_id.in_([e.id for e in latest.values()]))
        .group_by(Evidence.status_event_id)).all())
    items = [CompletedItem(by_id[a], e.event_date, totals.get(a, 0), per_event.get(e.id, 0))
             for a, e in latest.items()
             if by_id[a].current.recorded_status == ActivityStatus.COMPLETED.value]
    return sorted(items, key=lambda i: (i.completed_on, i.row.activity_id), reverse=True)


def progress_series(session: Session, start: date, end: date, *,
                    plan_id: str | None = None) -> list[SeriesPoint]:
    """Counts by status at the end of every fiscal-year quarter ending within [start, end],
    from the events dated on or before that day (a later report never changes the past)."""
    if end < start:
        raise UsageError("The series ends before it starts.", hint="Swap the two dates.")
    points, quarter = [], Period.containing(start, PeriodKind.QUARTER)
    while quarter.end <= end:
        if quarter.end >= start:
            rows = _load(session, quarter.end, plan_id).rows
            points.append(SeriesPoint(quarter, quarter.end, StatusCounts.of(rows)))
        quarter = _next_quarter(quarter)
    return points


def committee_summary(session: Session, as_of: date, *, plan_id: str | None = None,
                      recent_days: int = 90, series_start: date | None = None,
                      series_end: date | None = None) -> CommitteeSummary:
    """Everything the CMC / M&E committee table shows, as of one date.

    The progress series runs by default over the quarters of the fiscal year of `as_of` that
    have ended by then.
    """
    start = series_start or FiscalYear.containing(as_of).start
    late = overdue(session, as_of, plan_id=plan_id)
    return CommitteeSummary(
        as_of=as_of,
        total=all_ministries(session, as_of, plan_id=plan_id).counts,
        per_ministry=by_ministry(session, as_of, plan_id=plan_id),
        per_cluster=by_cluster(session, as_of, plan_id=plan_id),
        overdue=late,
        overdue_cell=Cell.of(i.row.activity_id for i in late),
        recently_completed=recently_completed(session, as_of, recent_days, plan_id=plan_id),
        recent_days=recent_days,
        series=progress_series(session, start, series_end or as_of, plan_id=plan_id),
    )


# --- loading --------------------------------------------------------------------------------------


@dataclass
class _Data:
    rows: list[ActivityRow]
    shared: dict[str, list[str]]
    objective_cluster: dict[str, str]
    ministries: dict[str, Ministry]


def _load(session: Session, as_of: date, plan_id: str | None) -> _Data:
    query = (select(Activity, Objective, ActionPlan)
             .join(Objective, Objective.id == Activity.objective_id)
             .join(ActionPlan, ActionPlan.id == Objective.action_plan_id))
    if plan_id is not None:
        query = query.where(ActionPlan.id == plan_id)
    found = list(session.execute(query))
    found.sort(key=lambda t: (t[2].first_year or 0, t[2].title, _natural(t[1].number),
                              _natural(t[0].number), t[0].id))
    ids = [a.id for a, _, _ in found]
    statuses = current_statuses(session, as_of, ids if plan_id is not None else None)
    rows = [ActivityRow(a.id, p.code or "", p.title, o.number, o.text_en, a.number, a.text_en,
                        a.text_bn, a.timeframe_text, a.due_date, a.responsible_ministry_id,
                        statuses[a.id]) for a, o, p in found]
    shared: dict[str, list[str]] = {}
    for a_id, m_id in session.execute(select(ActivitySharedMinistry.activity_id,
                                             ActivitySharedMinistry.ministry_id)
                                      .order_by(ActivitySharedMinistry.id)):
        shared.setdefault(a_id, []).append(m_id)
    return _Data(rows, shared, {a.id: o.cluster_id for a, o, _ in found if o.cluster_id},
                 {m.id: m for m in session.scalars(select(Ministry))})


def _with(row: ActivityRow, **changes: str | None) -> ActivityRow:
    return replace(row, **changes)


def _group(key: str | None, code: str, name_en: str, name_bn: str | None,
           rows: list[ActivityRow], lead_counts: StatusCounts | None = None) -> Group:
    return Group(key, code, name_en, name_bn, tuple(rows), StatusCounts.of(rows), lead_counts)


def _ministry_group(ministry: Ministry, rows: list[ActivityRow]) -> Group:
    lead = StatusCounts.of(r for r in rows if r.role == LEAD)
    return _group(ministry.id, ministry.code, ministry.name_en, ministry.name_bn, rows, lead)


def _next_quarter(quarter: Period) -> Period:
    if quarter.number == 4:
        return Period(quarter.fiscal_year.next(), PeriodKind.QUARTER, 1)
    return Period(quarter.fiscal_year, PeriodKind.QUARTER, quarter.number + 1)


def _natural(text: str) -> list[tuple[int, int | str]]:
    """'10' after '9', '2.1' after '2': plan numbers sort as people read them."""
    return [(0, int(t)) if t.isdigit() else (1, t) for t in re.split(r"(\d+)", text or "") if t]
