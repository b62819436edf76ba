"""Read-only helpers for the GUI's Action Plan register and activity detail.

The GUI never opens sessions (tests/test_core_has_no_qt.py enforces it), and the services it
needs (`list_plans`, `register_rows`, `history`, `thread`, `list_for_activity`) take a
`Session`. These wrappers give the screens each view from a `Database` in one call, as plain
frozen values that are safe to hand from a worker thread to the GUI thread: no ORM object
leaves this module, so nothing can lazy-load (or write) after its session has closed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from nsss_desktop.errors import UsageError
from nsss_desktop.services import action_plan, comments, evidence, reform_status
from nsss_desktop.services.action_plan import PlanSummary, RegisterRow
from nsss_desktop.services.comments import CommentNode
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import ActionPlan, Activity, Objective, User

__all__ = ["ActivityDetail", "EventView", "EvidenceView", "Register", "activity_detail",
           "plans", "register"]


@dataclass(frozen=True)
class Register:
    """Every register row on `as_of`, with the approval state of each row's pending event."""

    rows: tuple[RegisterRow, ...]
    pending_approval: dict[str, str]  # activity id -> approval state of its pending event
    as_of: date


@dataclass(frozen=True)
class EventView:
    """One status event as the history table shows it."""

    id: str
    event_date: date
    reporting_period: str
    status: str
    note: str
    reporter: str  # display name, '' when the event has no reporter
    approval_state: str


@dataclass(frozen=True)
class EvidenceView:
    """One evidence file's metadata (never its bytes)."""

    id: str
    title: str
    kind: str
    document_date: date | None
    size_bytes: int
    media_type: str
    original_name: str
    sha256: str


@dataclass(frozen=True)
class ActivityDetail:
    """All the activity detail shows: its register row, history, comments and evidence."""

    row: RegisterRow
    plan_title: str
    recorded_status: str  # latest approved status before the delayed rule
    pending_approval: str | None
    events: tuple[EventView, ...]  # newest first
    comments: tuple[CommentNode, ...]  # top-level comments, replies nested, oldest first
    evidence: tuple[EvidenceView, ...]  # in the order attached


def plans(db: Database) -> list[PlanSummary]:
    with db.reader() as session:
        return action_plan.list_plans(session)


def register(db: Database, *, as_of: date, plan_id: str | None = None) -> Register:
    """The register of one plan (or all), as `action_plan.register_rows` orders it."""
    with db.reader() as session:
        rows = action_plan.register_rows(session, plan_id, as_of=as_of)
        pending = _pending_approval(session, as_of, [r.activity_id for r in rows])
    return Register(tuple(rows), pending, as_of)


def activity_detail(db: Database, activity_id: str, *, as_of: date) -> ActivityDetail:
    """One activity with everything recorded about it, read in one session."""
    with db.reader() as session:
        activity = session.get(Activity, activity_id)
        if activity is None:
            raise UsageError("No such activity.", hint="Choose an activity from the register.")
        objective = session.get(Objective, activity.objective_id)
        assert objective is not None  # a foreign key
        plan = session.get(ActionPlan, objective.action_plan_id)
        assert plan is not None
        (row,) = action_plan.register_rows(session, plan.id, as_of=as_of,
                                           activity_ids=[activity_id])
        current = reform_status.current_statuses(session, as_of, [activity_id])[activity_id]
        names: dict[str, str] = {}
        events = []
        for e in reversed(reform_status.history(session, activity_id)):
            if e.reporter_id and e.reporter_id not in names:
                user = session.get(User, e.reporter_id)
                names[e.reporter_id] = user.display_name if user else ""
            events.append(EventView(e.id, e.event_date, e.reporting_period, e.status, e.note,
                                    names.get(e.reporter_id or "", ""), e.approval_state))
        files = tuple(EvidenceView(f.id, f.title, f.kind, f.document_date, f.size_bytes,
                                   f.media_type, f.original_name, f.sha256)
                      for f in evidence.list_for_activity(session, activity_id))
        thread = tuple(comments.thread(session, activity_id))
    return ActivityDetail(row, plan.title, current.recorded_status, current.pending_approval,
                          tuple(events), thread, files)


def _pending_approval(session, as_of: date, ids: list[str]) -> dict[str, str]:  # noqa: ANN001
    statuses = reform_status.current_statuses(session, as_of, ids)
    return {i: s.pending_approval for i, s in statuses.items() if s.pending_approval}
