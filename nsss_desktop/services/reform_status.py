"""Status of Action Plan activities: append-only events in, a derived current status out.

The current status is never stored: it is the latest *approved* status event (domain.md),
with the latest unapproved event after it shown as *pending*. An activity that is not
completed or dropped and whose due date has passed by `as_of` shows as delayed. `as_of` is
always passed in (the UI gives today's date, a report its reporting date): the core never
reads the clock for business rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from nsss_desktop.domain.enums import ActivityStatus, ApprovalState
from nsss_desktop.errors import UsageError
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import Activity, StatusEvent

CLOSED = {ActivityStatus.COMPLETED.value, ActivityStatus.DROPPED.value}


@dataclass(frozen=True)
class CurrentStatus:
    activity_id: str
    status: str  # an ActivityStatus value, after the delayed rule
    recorded_status: str  # as last approved (not_started when there is no event)
    as_of_event: date | None
    pending_status: str | None
    pending_approval: str | None
    due_date: date | None
    overdue: bool


def record_status(db: Database, activity_id: str, *, status: str, event_date: date,
                  reporting_period: str = "", note: str = "", reporter_id: str | None = None,
                  approval_state: str = ApprovalState.DRAFT.value) -> str:
    """Append one status event; return its id. Earlier events are never changed."""
    if status not in {s.value for s in ActivityStatus}:
        raise UsageError(f"Unknown status '{status}'.",
                         hint="Use one of: " + ", ".join(s.value for s in ActivityStatus))
    with db.unit_of_work(user_id=reporter_id, description=f"Status {status}") as uow:
        if uow.session.get(Activity, activity_id) is None:
            raise UsageError("No such activity.", hint="Choose an activity from the register.")
        event = StatusEvent(activity_id=activity_id, status=status, event_date=event_date,
                            reporting_period=reporting_period, note=note,
                            reporter_id=reporter_id, approval_state=approval_state)
        uow.session.add(event)
        uow.session.flush()
        return event.id


def history(session: Session, activity_id: str) -> list[StatusEvent]:
    """Every event of an activity, oldest first (ties by id, which is time-ordered UUIDv7)."""
    return list(session.scalars(
        select(StatusEvent).where(StatusEvent.activity_id == activity_id)
        .order_by(StatusEvent.event_date, StatusEvent.id)))


def current_statuses(session: Session, as_of: date,
                     activity_ids: Iterable[str] | None = None) -> dict[str, CurrentStatus]:
    query = select(Activity.id, Activity.due_date)
    events = select(StatusEvent).order_by(StatusEvent.event_date, StatusEvent.id)
    if activity_ids is not None:
        ids = list(activity_ids)
        query = query.where(Activity.id.in_(ids))
        events = events.where(StatusEvent.activity_id.in_(ids))
    approved: dict[str, StatusEvent] = {}
    pending: dict[str, StatusEvent] = {}
    for event in session.scalars(events):
        if event.event_date > as_of:
            continue
        if event.approval_state == ApprovalState.APPROVED.value:
            approved[event.activity_id] = event
            pending.pop(event.activity_id, None)
        else:
            pending[event.activity_id] = event
    result = {}
    for activity_id, due in session.execute(query):
        last = approved.get(activity_id)
        recorded = last.status if last else ActivityStatus.NOT_STARTED.value
        overdue = due is not None and due < as_of and recorded not in CLOSED
        shown = ActivityStatus.DELAYED.value if overdue else recorded
        nxt = pending.get(activity_id)
        result[activity_id] = CurrentStatus(
            activity_id, shown, recorded, last.event_date if last else None,
            nxt.status if nxt else None, nxt.approval_state if nxt else None, due, overdue)
    return result
