"""Match validated plan rows against the stored plan: what to insert, update or leave alone.

Re-importing the same plan must update, never duplicate. Activities are matched by No. within
the plan; rows without a No. by their text within the objective, and then by their text
anywhere in the plan (the objective may have been renamed). Only what differs is written, so
an unchanged row leaves no journal entry, and the change journal shows exactly what an import
did. Rows of the plan that the sheet no longer has are reported, never deleted: dropping a
reform is a status event, not an edit of the register. An objective whose activities all moved
to one new objective text is renamed in place rather than duplicated.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from nsss_desktop.domain.ids import new_id
from nsss_desktop.errors import Problem
from nsss_desktop.io.action_plan_layout import text_key
from nsss_desktop.io.action_plan_validate import PlanRow, normalise_number
from nsss_desktop.store.models import (
    ActionPlan,
    Activity,
    ActivitySharedMinistry,
    Indicator,
    Objective,
)
from nsss_desktop.tasks import TaskState

__all__ = ["FieldChange", "ImportReport", "PlannedImport", "RowRef", "apply_changes",
           "plan_changes"]


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class RowRef:
    """An activity in the preview: its No., objective and text, and the sheet row if any."""

    number: str
    objective: str
    activity: str
    row: int | None = None
    changes: tuple[FieldChange, ...] = ()


@dataclass
class ImportReport:
    """The preview of an import (dry run) and, after a real one, what was written."""

    plan_code: str
    plan_title: str
    source: str
    sheet: str = ""
    dry_run: bool = False
    plan_is_new: bool = False
    to_insert: list[RowRef] = field(default_factory=list)
    to_update: list[RowRef] = field(default_factory=list)
    unchanged: list[RowRef] = field(default_factory=list)
    not_in_sheet: list[RowRef] = field(default_factory=list)
    plan_changes: list[FieldChange] = field(default_factory=list)
    objective_changes: list[FieldChange] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    written: bool = False
    txn_id: str | None = None

    @property
    def changes_anything(self) -> bool:
        return bool(self.to_insert or self.to_update or self.plan_changes
                    or self.objective_changes)


@dataclass
class _Stored:
    activity: Activity
    indicators: list[Indicator]
    shared: list[ActivitySharedMinistry]


@dataclass
class PlannedImport:
    """The report plus what `apply_changes` must do to bring the store in line with it."""

    report: ImportReport
    plan: ActionPlan | None
    title: str
    renames: dict[str, str] = field(default_factory=dict)  # objective id -> new text
    renumbers: dict[str, str] = field(default_factory=dict)  # objective id -> new number
    new_objectives: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (no, text)
    objective_of_key: dict[str, str] = field(default_factory=dict)  # key -> objective id
    work: list[tuple[PlanRow, _Stored | None]] = field(default_factory=list)


def _load(session: Session, plan: ActionPlan) -> tuple[dict[str, Objective], list[_Stored]]:
    objectives = {o.id: o for o in session.scalars(
        select(Objective).where(Objective.action_plan_id == plan.id).order_by(Objective.id))}
    in_plan = select(Activity.id).join(Objective).where(Objective.action_plan_id == plan.id)
    stored = {a.id: _Stored(a, [], []) for a in session.scalars(
        select(Activity).where(Activity.id.in_(in_plan)).order_by(Activity.id))}
    for ind in session.scalars(select(Indicator).where(Indicator.activity_id.in_(in_plan))
                               .order_by(Indicator.id)):
        stored[ind.activity_id].indicators.append(ind)
    for link in session.scalars(select(ActivitySharedMinistry)
                                .where(ActivitySharedMinistry.activity_id.in_(in_plan))
                                .order_by(ActivitySharedMinistry.id)):
        stored[link.activity_id].shared.append(link)
    return objectives, list(stored.values())


def _match(rows: list[PlanRow], stored: list[_Stored],
           objectives: dict[str, Objective]) -> dict[int, _Stored]:
    """Sheet row index -> stored activity, by No., then text in objective, then text alone.

    A row with a No. is matched by text only to a stored activity that has none yet (the
    sheet now numbers it); a row without one never clears a stored No.
    """
    free = {s.activity.id: s for s in stored}
    by_number = {normalise_number(s.activity.number): s for s in stored if s.activity.number}
    found: dict[int, _Stored] = {}
    for i, row in enumerate(rows):
        hit = by_number.get(row.number) if row.number else None
        if hit is not None and hit.activity.id in free:
            found[i] = free.pop(hit.activity.id)
    for strict in (True, False):
        index: dict[tuple[str, str], list[_Stored]] = {}
        for s in free.values():
            objective = text_key(objectives[s.activity.objective_id].text_en) if strict else ""
            index.setdefault((objective, text_key(s.activity.text_en)), []).append(s)
        for i, row in enumerate(rows):
            if i in found:
                continue
            candidates = [s for s in index.get(
                (text_key(row.objective) if strict else "", text_key(row.activity)), [])
                if s.activity.id in free and not (row.number and s.activity.number)]
            if candidates and (strict or len(candidates) == 1):
                found[i] = free.pop(candidates[0].activity.id)
    return found


def _names(ids: Iterable[str | None], names: dict[str, str]) -> str:
    return "; ".join(names.get(i, i) for i in ids if i)


def _field_changes(row: PlanRow, s: _Stored, objective_id: str, objective_text: str,
                   objectives: dict[str, Objective], names: dict[str, str]) -> list[FieldChange]:
    a, tf = s.activity, row.timeframe
    out = []

    def diff(label: str, before: object, after: object, shown: tuple[str, str] | None = None):
        if before != after:
            b, c = shown or ("" if before is None else str(before),
                             "" if after is None else str(after))
            out.append(FieldChange(label, b, c))

    if row.number and row.number != normalise_number(a.number):
        out.append(FieldChange("No.", a.number, row.number))
    if a.objective_id != objective_id:
        out.append(FieldChange("objective", objectives[a.objective_id].text_en, objective_text))
    diff("activity", a.text_en, row.activity)
    before_ind = tuple(i.text_en for i in s.indicators)
    diff("performance indicators", before_ind, row.indicators,
         ("\n".join(before_ind), "\n".join(row.indicators)))
    diff("timeframe", a.timeframe_text, tf.text)
    diff("due date", a.due_date, tf.due_date)
    diff("recurrence", a.recurrence, tf.recurrence)
    diff("responsible ministry", a.responsible_ministry_id, row.lead_id,
         (_names([a.responsible_ministry_id], names), _names([row.lead_id], names)))
    before_shared = [link.ministry_id for link in s.shared]
    diff("shared responsibility", set(before_shared), set(row.shared_ids),
         (_names(before_shared, names), _names(row.shared_ids, names)))
    return out


def _ref(row: PlanRow | None, s: _Stored | None, objectives: dict[str, Objective],
         changes: Iterable[FieldChange] = ()) -> RowRef:
    if row is not None:
        number = row.number or (s.activity.number if s else "")
        return RowRef(number, row.objective, row.activity, row.row, tuple(changes))
    assert s is not None
    return RowRef(s.activity.number, objectives[s.activity.objective_id].text_en,
                  s.activity.text_en)


def plan_changes(session: Session, rows: list[PlanRow], report: ImportReport, *,
                 title: str | None, names: dict[str, str]) -> PlannedImport:
    """Compare the sheet with the stored plan; fill `report`; return what to apply."""
    plan = session.scalar(select(ActionPlan).where(ActionPlan.code == report.plan_code))
    work = PlannedImport(report, plan, title or (plan.title if plan else report.plan_code))
    report.plan_title = work.title
    if plan is None:
        report.plan_is_new = True
        report.plan_changes.append(FieldChange("plan", "", f"{report.plan_code}: {work.title}"))
        objectives, stored = {}, []
    else:
        if title and title != plan.title:
            report.plan_changes.append(FieldChange("title", plan.title, title))
        objectives, stored = _load(session, plan)
    matched = _match(rows, stored, objectives)
    _resolve_objectives(work, rows, matched, objectives)
    for i, row in enumerate(rows):
        s = matched.get(i)
        key = text_key(row.objective)
        objective_id = work.objective_of_key.get(key, "")
        if s is None:
            report.to_insert.append(_ref(row, None, objectives))
            work.work.append((row, None))
            continue
        changes = _field_changes(row, s, objective_id, row.objective, objectives, names)
        if changes:
            report.to_update.append(_ref(row, s, objectives, changes))
            work.work.append((row, s))
        else:
            report.unchanged.append(_ref(row, s, objectives))
    seen = {s.activity.id for s in matched.values()}
    report.not_in_sheet = [_ref(None, s, objectives) for s in stored
                           if s.activity.id not in seen]
    return work


def _resolve_objectives(work: PlannedImport, rows: list[PlanRow], matched: dict[int, _Stored],
                        objectives: dict[str, Objective]) -> None:
    by_key: dict[str, Objective] = {}
    for o in objectives.values():
        by_key.setdefault(text_key(o.text_en), o)
    sheet_text: dict[str, str] = {}
    sheet_number: dict[str, str] = {}
    for row in rows:
        key = text_key(row.objective)
        sheet_text.setdefault(key, row.objective)
        if row.objective_number:
            sheet_number.setdefault(key, row.objective_number)
    # Rename in place: an objective missing from the sheet whose activities all went to one
    # new objective text, claimed by no other objective.
    targets: dict[str, set[str]] = {}
    for i, s in matched.items():
        targets.setdefault(s.activity.objective_id, set()).add(text_key(rows[i].objective))
    claims: dict[str, list[str]] = {}
    for oid, keys in targets.items():
        old_key = text_key(objectives[oid].text_en)
        if old_key not in sheet_text and len(keys) == 1:
            new_key = next(iter(keys))
            if new_key not in by_key:
                claims.setdefault(new_key, []).append(oid)
    for new_key, oids in claims.items():
        if len(oids) == 1:
            work.renames[oids[0]] = sheet_text[new_key]
            work.report.objective_changes.append(
                FieldChange("objective", objectives[oids[0]].text_en, sheet_text[new_key]))
            by_key[new_key] = objectives[oids[0]]
    numbers = [int(o.number) for o in objectives.values() if o.number.isdigit()]
    next_number = max(numbers, default=0) + 1
    for key, text in sheet_text.items():
        if key in by_key:
            o = by_key[key]
            work.objective_of_key[key] = o.id
            wanted = sheet_number.get(key)
            if wanted and wanted != o.number:
                work.renumbers[o.id] = wanted
                work.report.objective_changes.append(
                    FieldChange(f"objective No. ({text})", o.number, wanted))
            continue
        number = sheet_number.get(key) or str(next_number)
        next_number += 0 if key in sheet_number else 1
        work.new_objectives[key] = (number, text)
        work.objective_of_key[key] = new_id()
        work.report.objective_changes.append(FieldChange("new objective", "", text))


def apply_changes(session: Session, work: PlannedImport, task: TaskState) -> None:
    """Write what `plan_changes` found, in the caller's unit of work; only what differs.

    The models declare no ORM relationships, so the write order is set here: plan, then
    objectives, then activities, then the indicator and ministry rows that point at them.
    """
    plan = work.plan
    if plan is None:
        plan = ActionPlan(id=new_id(), code=work.report.plan_code, title=work.title)
        session.add(plan)
    elif work.title != plan.title:
        plan.title = work.title
    session.flush()
    objectives = {o.id: o for o in session.scalars(
        select(Objective).where(Objective.action_plan_id == plan.id))}
    for oid, text in work.renames.items():
        objectives[oid].text_en = text
    for oid, number in work.renumbers.items():
        objectives[oid].number = number
    for key, (number, text) in work.new_objectives.items():
        session.add(Objective(id=work.objective_of_key[key], action_plan_id=plan.id,
                              number=number, text_en=text))
    session.flush()
    activities: list[dict[str, object]] = []
    children: dict[type, list[dict[str, object]]] = {Indicator: [], ActivitySharedMinistry: []}
    total = max(len(work.work), 1)
    for done, (row, stored) in enumerate(work.work):
        task.check()
        objective_id = work.objective_of_key[text_key(row.objective)]
        if stored is None:
            activities.append(_insert(row, objective_id, children))
        else:
            _update(session, row, stored, objective_id, children)
        task.set_progress(0.6 + 0.3 * done / total)
    session.flush()
    # New rows go in as bulk INSERTs (executemany): the journal triggers fire per row all
    # the same, without the ORM's per-object bookkeeping that no one reads afterwards.
    for model, rows in ((Activity, activities), *children.items()):
        task.check()
        if rows:
            session.execute(insert(model), rows)
    task.set_progress(0.95)


def _insert(row: PlanRow, objective_id: str,
            children: dict[type, list[dict[str, object]]]) -> dict[str, object]:
    tf = row.timeframe
    activity_id = new_id()
    children[Indicator].extend({"id": new_id(), "activity_id": activity_id, "text_en": text}
                               for text in row.indicators)
    children[ActivitySharedMinistry].extend(
        {"id": new_id(), "activity_id": activity_id, "ministry_id": m} for m in row.shared_ids)
    return {"id": activity_id, "objective_id": objective_id, "number": row.number,
            "text_en": row.activity, "text_bn": None, "timeframe_text": tf.text,
            "due_date": tf.due_date, "recurrence": tf.recurrence,
            "responsible_ministry_id": row.lead_id, "source_id": None}


def _set(obj: object, name: str, value: object) -> None:
    if getattr(obj, name) != value:
        setattr(obj, name, value)


def _update(session: Session, row: PlanRow, s: _Stored, objective_id: str,
            children: dict[type, list[dict[str, object]]]) -> None:
    """Change only the fields that differ; queue the indicator/ministry rows to add."""
    a, tf = s.activity, row.timeframe
    due: date | None = tf.due_date
    if row.number and row.number != normalise_number(a.number):
        a.number = row.number
    for name, value in (("objective_id", objective_id), ("text_en", row.activity),
                        ("timeframe_text", tf.text), ("due_date", due),
                        ("recurrence", tf.recurrence), ("responsible_ministry_id", row.lead_id)):
        _set(a, name, value)
    keep = 0  # indicators: keep the common prefix, replace the rest (order matters)
    while (keep < len(s.indicators) and keep < len(row.indicators)
           and s.indicators[keep].text_en == row.indicators[keep]):
        keep += 1
    for ind in s.indicators[keep:]:
        session.delete(ind)
    children[Indicator].extend({"id": new_id(), "activity_id": a.id, "text_en": text}
                               for text in row.indicators[keep:])
    wanted = set(row.shared_ids)
    for link in s.shared:
        if link.ministry_id not in wanted:
            session.delete(link)
    have = {link.ministry_id for link in s.shared}
    children[ActivitySharedMinistry].extend(
        {"id": new_id(), "activity_id": a.id, "ministry_id": m}
        for m in row.shared_ids if m not in have)
