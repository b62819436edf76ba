"""The NSSS Action Plan register: plans side by side, their rows as the official table, and
the Excel import and export of that table.

A plan is addressed by its stable `code` ("AP2016", "AP2021"), so a ministry's re-sent
workbook updates the plan it came from. The register row carries what the printed table
shows (No. · Objective · Activities · Performance indicators · Timeframe · Responsible
ministry · Shared responsibility) plus what monitoring adds: the derived current status
(`reform_status`), the date of the last status event and the number of evidence files. Status
is never imported: it changes only through status events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from nsss_desktop.domain.enums import ActivityStatus
from nsss_desktop.domain.timeframe import parse_timeframe
from nsss_desktop.errors import ImportRefused, Problem, UsageError
from nsss_desktop.io.action_plan_export import ExportRow, write_plan_workbook
from nsss_desktop.io.action_plan_file import open_workbook
from nsss_desktop.io.action_plan_ministries import MinistryIndex, MinistryRef
from nsss_desktop.io.action_plan_validate import validate_sheet
from nsss_desktop.io.action_plan_xlsx import read_plan_sheet
from nsss_desktop.services.action_plan_import import ImportReport, apply_changes, plan_changes
from nsss_desktop.services.reform_status import current_statuses
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import (
    ActionPlan,
    Activity,
    ActivitySharedMinistry,
    Evidence,
    Indicator,
    Ministry,
    Objective,
    StatusEvent,
)
from nsss_desktop.tasks import TaskState

__all__ = ["ImportReport", "PlanSummary", "RegisterRow", "export_plan", "get_plan",
           "import_plan", "list_plans", "register_rows"]

_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,19}")


@dataclass(frozen=True)
class PlanSummary:
    id: str
    code: str | None
    title: str
    phase: str
    first_year: int | None
    last_year: int | None
    objectives: int
    activities: int


@dataclass(frozen=True)
class RegisterRow:
    """One activity as the official table shows it, plus its monitoring state on `as_of`."""

    plan_code: str | None
    activity_id: str
    number: str
    objective_id: str
    objective_number: str
    objective: str
    objective_bn: str | None
    activity: str
    activity_bn: str | None
    indicators: tuple[str, ...]
    timeframe: str  # as written
    due_date: date | None
    recurrence: str | None
    done_as_written: bool
    responsible_id: str | None
    responsible: str  # English name ('' when none is given)
    responsible_bn: str
    shared_ids: tuple[str, ...]
    shared: tuple[str, ...]
    shared_bn: tuple[str, ...]
    status: str  # an ActivityStatus value, after the delayed rule
    pending_status: str | None
    overdue: bool
    last_update: date | None
    evidence_count: int


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    """'1.10' sorts after '1.9'; numbers before text."""
    return tuple((0, int(p)) if p.isdigit() else (1, p)
                 for p in re.split(r"(\d+)", text or "") if p)


def list_plans(session: Session) -> list[PlanSummary]:
    """Every plan with its size, oldest first (2015 strategy, 2016-21, 2021-26 ...); plans
    imported without years come last, by code."""
    objectives = dict(session.execute(select(Objective.action_plan_id, func.count())
                                      .group_by(Objective.action_plan_id)).all())
    activities = dict(session.execute(select(Objective.action_plan_id, func.count(Activity.id))
                                      .join(Activity, Activity.objective_id == Objective.id)
                                      .group_by(Objective.action_plan_id)).all())
    plans = session.scalars(select(ActionPlan)).all()
    plans = sorted(plans, key=lambda p: (p.first_year is None, p.first_year or 0,
                                         p.code or "", p.id))
    return [PlanSummary(p.id, p.code, p.title, p.phase, p.first_year, p.last_year,
                        objectives.get(p.id, 0), activities.get(p.id, 0)) for p in plans]


def get_plan(session: Session, code: str) -> ActionPlan:
    plan = session.scalar(select(ActionPlan).where(ActionPlan.code == code))
    if plan is None:
        known = ", ".join(c for c in session.scalars(select(ActionPlan.code)) if c) or "none"
        raise UsageError(f"No action plan with the code '{code}'.", hint=f"Plans: {known}.")
    return plan


def register_rows(session: Session, plan_id: str | None = None, ministry_id: str | None = None,
                  *, as_of: date, activity_ids: list[str] | None = None) -> list[RegisterRow]:
    """The register in table order; `ministry_id` keeps activities it leads or shares, and
    `activity_ids` only those rows (one activity's detail need not build the whole plan)."""
    query = (select(Activity, Objective, ActionPlan.code)
             .join(Objective, Activity.objective_id == Objective.id)
             .join(ActionPlan, Objective.action_plan_id == ActionPlan.id))
    if plan_id is not None:
        query = query.where(ActionPlan.id == plan_id)
    if ministry_id is not None:
        shared = select(ActivitySharedMinistry.activity_id).where(
            ActivitySharedMinistry.ministry_id == ministry_id)
        query = query.where(or_(Activity.responsible_ministry_id == ministry_id,
                                Activity.id.in_(shared)))
    if activity_ids is not None:
        query = query.where(Activity.id.in_(activity_ids))
    found = session.execute(query).all()
    ids = [a.id for a, _, _ in found]
    scoped = None if plan_id is None and ministry_id is None and activity_ids is None else ids
    statuses = current_statuses(session, as_of, scoped)
    ministries = {m.id: m for m in session.scalars(select(Ministry))}
    indicators: dict[str, list[str]] = {}
    shared_of: dict[str, list[str]] = {}
    for chunk in _chunks(ids):
        for ind in session.scalars(select(Indicator).where(Indicator.activity_id.in_(chunk))
                                   .order_by(Indicator.id)):
            indicators.setdefault(ind.activity_id, []).append(ind.text_en)
        for link in session.scalars(select(ActivitySharedMinistry).where(
                ActivitySharedMinistry.activity_id.in_(chunk)).order_by(ActivitySharedMinistry.id)):
            shared_of.setdefault(link.activity_id, []).append(link.ministry_id)
    evidence = _per_activity(session, select(Evidence.activity_id, func.count())
                             .group_by(Evidence.activity_id), Evidence.activity_id, ids)
    last = _per_activity(session, select(StatusEvent.activity_id, func.max(StatusEvent.event_date))
                         .where(StatusEvent.event_date <= as_of)
                         .group_by(StatusEvent.activity_id), StatusEvent.activity_id, ids)

    def names(mids: list[str], bn: bool = False) -> tuple[str, ...]:
        return tuple((ministries[m].name_bn or ministries[m].name_en) if bn
                     else ministries[m].name_en for m in mids if m in ministries)

    rows = []
    for a, o, code in found:
        lead = [a.responsible_ministry_id] if a.responsible_ministry_id else []
        partners = shared_of.get(a.id, [])
        st = statuses[a.id]
        rows.append(RegisterRow(
            code, a.id, a.number, o.id, o.number, o.text_en, o.text_bn, a.text_en, a.text_bn,
            tuple(indicators.get(a.id, [])), a.timeframe_text, a.due_date, a.recurrence,
            parse_timeframe(a.timeframe_text).done_as_written, a.responsible_ministry_id,
            "; ".join(names(lead)), "; ".join(names(lead, True)), tuple(partners),
            names(partners), names(partners, True), st.status, st.pending_status, st.overdue,
            last.get(a.id), evidence.get(a.id, 0)))
    rows.sort(key=lambda r: (r.plan_code or "", _natural(r.objective_number), r.objective_id,
                             _natural(r.number), r.activity_id))
    return rows


def _chunks(ids: list[str], size: int = 5000) -> list[list[str]]:
    return [ids[i:i + size] for i in range(0, len(ids), size)] or [[]]


def _per_activity(session: Session, query, column, ids: list[str]) -> dict:  # noqa: ANN001
    out: dict = {}
    for chunk in _chunks(ids):
        out.update(session.execute(query.where(column.in_(chunk))).all())
    return out


def export_plan(db: Database, plan_code: str, path: Path, as_of: date, *,
                lang: str = "en") -> Path:
    """Write the plan's register as the official table (plus status columns) to `path`."""
    with db.reader() as session:
        plan = get_plan(session, plan_code)
        rows = register_rows(session, plan.id, as_of=as_of)
        title = f"{plan.title} ({plan.code}): register as of {as_of.isoformat()}"
    bn = lang == "bn"
    out = [ExportRow(
        objective_key=r.objective_id, number=r.number, objective=r.objective,
        activity=r.activity, indicators=r.indicators, timeframe=r.timeframe,
        responsible=[r.responsible_bn if bn else r.responsible] if r.responsible else [],
        shared=r.shared_bn if bn else r.shared, status=_status_label(r),
        last_update=r.last_update, evidence_count=r.evidence_count) for r in rows]
    return write_plan_workbook(Path(path), title=title, sheet_name=plan_code, rows=out, lang=lang)


def _status_label(row: RegisterRow) -> str:
    label = ActivityStatus(row.status).label_en
    if row.pending_status:
        label += f" (pending: {ActivityStatus(row.pending_status).label_en})"
    return label


class _NothingToWrite(Exception):
    """Raised inside the unit of work to roll it back when the sheet changes nothing."""


def import_plan(db: Database, path: Path, *, plan_code: str, plan_title: str | None = None,
                dry_run: bool = False, task: TaskState | None = None,
                user_id: str | None = None) -> ImportReport:
    """Import (or preview, with `dry_run`) a workbook in the official layout into a plan.

    All or nothing: any problem raises `ImportRefused` listing every problem found, and
    nothing is written. An import that changes nothing writes nothing, not even an empty
    journal transaction.
    """
    if not _CODE.fullmatch(plan_code or ""):
        raise UsageError(f"'{plan_code}' is not a plan code.",
                         hint="Use up to 20 letters, digits, '-', '_' or '.', e.g. AP2021.")
    task = task or TaskState()
    path = Path(path)
    task.set_status(f"Reading {path.name}…")
    opened = open_workbook(path)
    try:
        read = read_plan_sheet(opened, task, span=(0.0, 0.5))
    finally:
        opened.close()
    if any(p.code in ("missing_column", "too_many_rows") for p in read.problems):
        raise ImportRefused(read.problems)
    if not read.records and not read.problems:
        raise ImportRefused([Problem(read.sheet, read.header_row, None, "empty_sheet",
                                     "There are no activities below the header row.")])
    task.set_status("Checking the rows…")
    with db.reader() as session:
        ministries = list(session.scalars(select(Ministry)))
    index = MinistryIndex(MinistryRef(m.id, m.code, m.name_en, m.name_bn, m.short_name)
                          for m in ministries)
    checked = validate_sheet(read, index)
    if checked.problems:
        raise ImportRefused(checked.problems)
    names = {m.id: m.name_en for m in ministries}

    def new_report() -> ImportReport:
        return ImportReport(plan_code, "", path.name, sheet=read.sheet, dry_run=dry_run,
                            notes=list(checked.notes))

    with db.reader() as session:
        report = new_report()
        plan_changes(session, checked.rows, report, title=plan_title, names=names)
    task.set_progress(0.6)
    if dry_run or not report.changes_anything:
        task.set_progress(1.0)
        return report
    task.set_status("Saving…")
    report = new_report()
    try:
        with db.unit_of_work(user_id=user_id,
                             description=f"Import Action Plan {plan_code} from {path.name}") as uow:
            work = plan_changes(uow.session, checked.rows, report, title=plan_title, names=names)
            if not report.changes_anything:
                raise _NothingToWrite
            apply_changes(uow.session, work, task)
    except _NothingToWrite:
        return report
    report.written, report.txn_id = True, uow.txn_id
    task.set_progress(1.0)
    return report
