"""The reform tracking report: status counts per group, the activities, and the overdue list.

Built only from the reform views (`services.reform_views`, which derive the status from
approved events) and the register (`services.action_plan.register_rows`, for names, last
update and evidence counts), so the report, the dashboards and the CLI never disagree.

Filters are applied once, to the set of activities, before grouping: every table of the
report shows the same activities. Grouping by ministry puts an activity under its lead and
under each sharing ministry (and by cluster, under every cluster it reaches), but the total
row counts each activity once (domain rule: never double count), and a note says so.
Ministries, objectives and plans without a selected activity are left out; the fixed
vocabularies (the five clusters, the five statuses) always show, zeros included.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from math import floor
from typing import Literal, get_args

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from nsss_desktop.domain.enums import ActivityStatus
from nsss_desktop.domain.numbers import to_bangla_digits
from nsss_desktop.errors import UsageError
from nsss_desktop.reports.document import (
    DATE,
    GROUP,
    LANGS,
    ROW_STYLE,
    STYLE_TOTAL,
    Column,
    DashboardTable,
    ReportDocument,
    Section,
)
from nsss_desktop.reports.reform_labels import counted, status_label, text
from nsss_desktop.services.action_plan import RegisterRow, register_rows
from nsss_desktop.services.reform_views import (
    STATUS_ORDER,
    ActivityRow,
    Group,
    all_ministries,
    by_cluster,
    by_ministry,
)
from nsss_desktop.store.models import ActionPlan, Cluster, JournalTxn, Ministry, Objective

GroupBy = Literal["ministry", "cluster", "status", "objective", "plan"]
GROUP_BYS: tuple[str, ...] = get_args(GroupBy)
COMPLETED = ActivityStatus.COMPLETED.value

__all__ = ["GROUP_BYS", "GroupBy", "build_reform_report", "percent_of"]


@dataclass(frozen=True)
class _Group:
    label: str
    rows: list[ActivityRow]


@dataclass(frozen=True)
class _Scope:
    """The resolved filters: ids to filter by, and how to name them in the report."""

    plan: ActionPlan | None
    ministry: Ministry | None
    cluster: Cluster | None
    statuses: frozenset[str]
    due_from: date | None
    due_to: date | None


def build_reform_report(session: Session, *, as_of: date, plan_code: str | None = None,
                        ministry_code: str | None = None, cluster_code: str | None = None,
                        statuses: Collection[str] | None = None, due_from: date | None = None,
                        due_to: date | None = None, group_by: GroupBy = "ministry",
                        lang: str = "en",
                        generated_at: datetime | None = None) -> ReportDocument:
    """Build the report as of `as_of` (the status date) in `lang` ('en' or 'bn').

    Filters: plan, ministry (leads or shares) and cluster by code or id; `statuses` (ActivityStatus
    values, as derived on `as_of`; empty means all); due dates within [due_from, due_to]
    (activities without a due date drop out when either is given). `generated_at` defaults to
    now; tests pin it.

    Raises:
        UsageError: an unknown plan, ministry, cluster, status, grouping or language, or a
            due-date range that ends before it starts.
    """
    if lang not in LANGS:
        raise UsageError(f"No report language '{lang}'.", hint="Use en or bn.")
    if group_by not in GROUP_BYS:
        raise UsageError(f"Cannot group by '{group_by}'.", hint="Use " + ", ".join(GROUP_BYS))
    scope = _Scope(_resolve(session, ActionPlan, plan_code, "action plan"),
                   _resolve(session, Ministry, ministry_code, "ministry"),
                   _resolve(session, Cluster, cluster_code, "thematic cluster"),
                   _statuses(statuses), due_from, due_to)
    if due_from and due_to and due_to < due_from:
        raise UsageError("The due-date range ends before it starts.", hint="Swap the dates.")
    plan_id = scope.plan.id if scope.plan else None
    every = all_ministries(session, as_of, plan_id=plan_id).rows
    keep = _selected(session, as_of, scope, every)
    selected = [r for r in every if r.activity_id in keep]
    groups = _groups(session, as_of, group_by, scope, keep, selected, lang)
    register = {r.activity_id: r for r in register_rows(session, plan_id, as_of=as_of)}
    numbering = _Numbering(len({r.plan_code for r in selected}) > 1, lang)
    day = _day(as_of, lang)

    summary_notes = [text("note.percent", lang)]
    if group_by in ("ministry", "cluster"):
        summary_notes.insert(0, text(f"note.{'shared' if group_by == 'ministry' else 'cluster'}",
                                     lang))
        repeated = _repeated(groups)
        if repeated:
            summary_notes.insert(1, counted("note.repeated", repeated, lang))
    summary = _summary_table(groups, selected, group_by, lang)
    details = _detail_table(groups, register, numbering, group_by, lang)
    late = _overdue_table(selected, register, numbering, as_of, lang)
    overdue_section = Section(text("overdue", lang), tables=[late]) if late.rows else Section(
        text("overdue", lang), paragraphs=[text("none_overdue", lang, date=day)])
    now = generated_at or datetime.now().astimezone()
    return ReportDocument(
        title=text("title", lang),
        subtitle=text("subtitle", lang, date=day),
        lang=lang,
        sections=[
            Section(text(f"summary.{group_by}", lang),
                    paragraphs=[_scope_text(scope, len(selected), lang)],
                    tables=[summary], notes=summary_notes),
            Section(text("details", lang), tables=[details],
                    notes=[text("note.status", lang, date=day)]),
            overdue_section,
        ],
        provenance=_provenance(session, now, lang),
        generated_at=now.isoformat(timespec="seconds"),
    )


def percent_of(part: int, whole: int) -> Decimal | None:
    """`part` as a percentage of `whole`, rounded half up to one place (exactly); None of 0."""
    if whole == 0:
        return None
    tenths = floor(Fraction(1000 * part, whole) + Fraction(1, 2))
    return (Decimal(tenths) / 10).quantize(Decimal("0.1"))


# --- filters ----------------------------------------------------------------------------------


def _resolve(session: Session, model: type[ActionPlan | Ministry | Cluster], value: str | None,
             what: str) -> ActionPlan | Ministry | Cluster | None:
    if value is None:
        return None
    found = session.scalar(select(model).where(or_(model.code == value, model.id == value)))
    if found is None:
        codes = sorted(c for c in session.scalars(select(model.code)) if c)
        raise UsageError(f"No {what} '{value}'.", hint=f"Codes: {', '.join(codes) or 'none'}.")
    return found


def _statuses(statuses: Collection[str] | None) -> frozenset[str]:
    wanted = frozenset(statuses or ())
    unknown = sorted(wanted - set(STATUS_ORDER))
    if unknown:
        raise UsageError(f"Unknown status '{unknown[0]}'.", hint="Use one of: " +
                         ", ".join(STATUS_ORDER))
    return wanted


def _selected(session: Session, as_of: date, scope: _Scope,
              rows: Iterable[ActivityRow]) -> set[str]:
    """Ids of the activities that pass every filter (by the same rules as the views)."""
    plan_id = scope.plan.id if scope.plan else None
    keep = {r.activity_id for r in rows
            if (not scope.statuses or r.status in scope.statuses)
            and (scope.due_from is None or (r.due_date is not None
                                            and r.due_date >= scope.due_from))
            and (scope.due_to is None or (r.due_date is not None and r.due_date <= scope.due_to))}
    if scope.ministry is not None:
        keep &= _ids(by_ministry(session, as_of, scope.ministry.id, plan_id=plan_id))
    if scope.cluster is not None:
        keep &= _ids(by_cluster(session, as_of, scope.cluster.id, plan_id=plan_id))
    return keep


def _ids(groups: list[Group]) -> set[str]:
    return {r.activity_id for g in groups for r in g.rows}


def _scope_text(scope: _Scope, count: int, lang: str) -> str:
    parts = []
    if scope.plan is not None:
        parts.append(text("filter.plan", lang, value=scope.plan.code or scope.plan.title))
    if scope.ministry is not None:
        parts.append(text("filter.ministry", lang, value=_name(scope.ministry, lang)))
    if scope.cluster is not None:
        parts.append(text("filter.cluster", lang, value=_name(scope.cluster, lang)))
    if scope.statuses:
        value = text("or", lang).join(status_label(s, lang) for s in STATUS_ORDER
                                      if s in scope.statuses)
        parts.append(text("filter.status", lang, value=value))
    if scope.due_from is not None:
        parts.append(text("filter.due_from", lang, value=_day(scope.due_from, lang)))
    if scope.due_to is not None:
        parts.append(text("filter.due_to", lang, value=_day(scope.due_to, lang)))
    return counted("scope", count, lang, filters="; ".join(parts) or text("scope.all", lang))


# --- grouping ---------------------------------------------------------------------------------


def _groups(session: Session, as_of: date, group_by: str, scope: _Scope, keep: set[str],
            selected: list[ActivityRow], lang: str) -> list[_Group]:
    plan_id = scope.plan.id if scope.plan else None
    if group_by == "ministry":
        only = scope.ministry.id if scope.ministry else None
        return [g for g in (_from_view(v, keep, "no_ministry", lang) for v in
                            by_ministry(session, as_of, only, plan_id=plan_id))
                if g.rows or only is not None]
    if group_by == "cluster":
        only = scope.cluster.id if scope.cluster else None
        return [g for g in (_from_view(v, keep, "no_cluster", lang) for v in
                            by_cluster(session, as_of, only, plan_id=plan_id))
                if g.rows or g.label != text("no_cluster", lang)]
    if group_by == "status":
        return [_Group(status_label(s, lang), [r for r in selected if r.status == s])
                for s in STATUS_ORDER]
    if group_by == "plan":
        titles = dict(session.execute(select(ActionPlan.code, ActionPlan.title)).all())
        return _runs(selected, lambda r: r.plan_code,
                     lambda r: f"{titles.get(r.plan_code) or r.plan_title} ({r.plan_code})")
    bangla = {(code, number): t for code, number, t in session.execute(
        select(ActionPlan.code, Objective.number, Objective.text_bn)
        .join(Objective, Objective.action_plan_id == ActionPlan.id))}
    many = len({r.plan_code for r in selected}) > 1

    def objective(r: ActivityRow) -> str:
        number = to_bangla_digits(r.objective_number) if lang == "bn" else r.objective_number
        name = (lang == "bn" and bangla.get((r.plan_code, r.objective_number))) or r.objective_text
        return f"{r.plan_code + ' ' if many else ''}{number}. {name}"

    return _runs(selected, lambda r: (r.plan_code, r.objective_number), objective)


def _from_view(group: Group, keep: set[str], missing: str, lang: str) -> _Group:
    name = (group.name_bn if lang == "bn" and group.name_bn else group.name_en)
    label = text(missing, lang) if group.key is None else name
    return _Group(label, [r for r in group.rows if r.activity_id in keep])


def _runs(rows: list[ActivityRow], key: Callable[[ActivityRow], object],
          label: Callable[[ActivityRow], str]) -> list[_Group]:
    """Rows with the same key as one group, groups in order of first appearance (the rows are
    in register order, so plans and objectives come out as the plan prints them)."""
    found: dict[object, _Group] = {}
    for row in rows:
        found.setdefault(key(row), _Group(label(row), [])).rows.append(row)
    return list(found.values())


def _repeated(groups: list[_Group]) -> int:
    seen: dict[str, int] = {}
    for g in groups:
        for r in g.rows:
            seen[r.activity_id] = seen.get(r.activity_id, 0) + 1
    return sum(1 for n in seen.values() if n > 1)


# --- tables -----------------------------------------------------------------------------------


def _summary_table(groups: list[_Group], selected: list[ActivityRow], group_by: str,
                   lang: str) -> DashboardTable:
    columns = [Column("group", text(f"group.{group_by}", lang))]
    columns += [Column(s, status_label(s, lang), "int") for s in STATUS_ORDER]
    columns += [Column("total", text("total", lang), "int"),
                Column("percent_completed", text("percent_completed", lang), "percent")]
    table = DashboardTable("summary", text(f"summary.{group_by}", lang), columns)
    for g in groups:
        table.rows.append(_counts(g.label, g.rows))
    table.rows.append({**_counts(text("total_row", lang), selected), ROW_STYLE: STYLE_TOTAL})
    return table


def _counts(label: str, rows: list[ActivityRow]) -> dict:
    unique = {r.activity_id: r.status for r in rows}
    by_status = {s: sum(1 for v in unique.values() if v == s) for s in STATUS_ORDER}
    return {"group": label, **by_status, "total": len(unique),
            "percent_completed": percent_of(by_status[COMPLETED], len(unique))}


@dataclass(frozen=True)
class _Numbering:
    """Activity numbers as printed: with the plan code when the report spans several plans,
    in Bangla digits in Bangla."""

    with_plan: bool
    lang: str

    def __call__(self, row: ActivityRow) -> str:
        number = row.number or "–"
        if self.lang == "bn":
            number = to_bangla_digits(number)
        return f"{row.plan_code} {number}" if self.with_plan and row.plan_code else number


def _detail_table(groups: list[_Group], register: dict[str, RegisterRow], number: _Numbering,
                  group_by: str, lang: str) -> DashboardTable:
    table = DashboardTable("activities", text("details", lang), [
        Column("group", text(f"group.{group_by}", lang), GROUP),
        Column("number", text("col.number", lang)),
        Column("activity", text("col.activity", lang)),
        Column("responsible", text("col.responsible", lang)),
        Column("shared", text("col.shared", lang)),
        Column("timeframe", text("col.timeframe", lang)),
        Column("status", text("col.status", lang)),
        Column("last_update", text("col.last_update", lang), DATE),
        Column("evidence", text("col.evidence", lang), "int"),
    ])
    bn = lang == "bn"
    for g in groups:
        for row in g.rows:
            reg = register[row.activity_id]
            table.rows.append({
                "group": g.label, "number": number(row), "activity": _activity_text(row, lang),
                "responsible": reg.responsible_bn if bn else reg.responsible,
                "shared": "; ".join(reg.shared_bn if bn else reg.shared),
                "timeframe": reg.timeframe, "status": _status_text(row, lang),
                "last_update": reg.last_update.isoformat() if reg.last_update else None,
                "evidence": reg.evidence_count,
            })
    return table


def _overdue_table(selected: list[ActivityRow], register: dict[str, RegisterRow],
                   number: _Numbering, as_of: date, lang: str) -> DashboardTable:
    table = DashboardTable("overdue", text("overdue", lang), [
        Column("number", text("col.number", lang)),
        Column("activity", text("col.activity", lang)),
        Column("responsible", text("col.responsible", lang)),
        Column("due", text("col.due", lang), DATE),
        Column("days_overdue", text("col.days_overdue", lang), "int"),
    ])
    late = sorted((r for r in selected if r.current.overdue and r.due_date is not None),
                  key=lambda r: (r.due_date, r.plan_code, _natural(r.number)))
    for row in late:
        reg = register[row.activity_id]
        table.rows.append({
            "number": number(row), "activity": _activity_text(row, lang),
            "responsible": reg.responsible_bn if lang == "bn" else reg.responsible,
            "due": row.due_date.isoformat(),  # type: ignore[union-attr]
            "days_overdue": (as_of - row.due_date).days,  # type: ignore[operator]
        })
    return table


# --- texts ------------------------------------------------------------------------------------


def _activity_text(row: ActivityRow, lang: str) -> str:
    return row.text_bn if lang == "bn" and row.text_bn else row.text_en


def _status_text(row: ActivityRow, lang: str) -> str:
    shown = status_label(row.status, lang)
    pending = row.current.pending_status
    if pending is None:
        return shown
    return text("pending", lang, status=shown, pending=status_label(pending, lang))


def _name(item: Ministry | Cluster, lang: str) -> str:
    return item.name_bn if lang == "bn" and item.name_bn else item.name_en


def _day(day: date, lang: str) -> str:
    return to_bangla_digits(day.isoformat()) if lang == "bn" else day.isoformat()


def _provenance(session: Session, now: datetime, lang: str) -> str:
    """Which local database state the report shows; the server checkpoint joins it with sync."""
    seq = session.scalar(select(func.max(JournalTxn.seq))) or 0
    offset = now.strftime("%z")
    when = f"{now:%Y-%m-%d %H:%M}" + (f" UTC{offset[:3]}:{offset[3:]}" if offset else "")
    line = text("provenance", lang, seq=str(seq), time=when)
    return to_bangla_digits(line) if lang == "bn" else line


def _natural(number: str) -> list[tuple[int, int | str]]:
    return [(0, int(t)) if t.isdigit() else (1, t) for t in re.split(r"(\d+)", number or "") if t]
