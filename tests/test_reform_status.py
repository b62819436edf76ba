"""Derived reform status: append-only events, latest approved wins, delayed after the due date."""

from datetime import date

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from nsss_desktop.services.reform_status import current_statuses, history, record_status
from nsss_desktop.store.models import Activity, StatusEvent


def activity(db, timeframe: str) -> Activity:
    with db.reader() as s:
        return s.scalar(select(Activity).where(Activity.timeframe_text == timeframe))


def status(db, activity_id, as_of):
    with db.reader() as s:
        return current_statuses(s, as_of, [activity_id])[activity_id]


def test_due_date_passes_at_the_fiscal_year_boundary(demo_db):
    a = activity(demo_db, "June 2017")  # due 30 June 2017, the last day of FY 2016-17
    assert a.due_date == date(2017, 6, 30)
    assert status(demo_db, a.id, date(2017, 6, 30)).status == "not_started"
    assert status(demo_db, a.id, date(2017, 7, 1)).status == "delayed"


def test_latest_approved_event_is_current_and_drafts_are_pending(demo_db):
    a = activity(demo_db, "June 2017")
    record_status(demo_db, a.id, status="in_progress", event_date=date(2017, 1, 10),
                  approval_state="approved")
    record_status(demo_db, a.id, status="completed", event_date=date(2017, 6, 1))
    s = status(demo_db, a.id, date(2017, 8, 1))
    assert s.recorded_status == "in_progress" and s.status == "delayed"
    assert s.pending_status == "completed" and s.pending_approval == "draft"
    record_status(demo_db, a.id, status="completed", event_date=date(2017, 6, 20),
                  approval_state="approved")
    s = status(demo_db, a.id, date(2017, 8, 1))
    assert s.status == "completed" and not s.overdue and s.pending_status is None
    with demo_db.reader() as session:
        assert [e.status for e in history(session, a.id)] == [
            "in_progress", "completed", "completed"]


def test_recurring_activity_is_never_delayed_by_date(demo_db):
    a = activity(demo_db, "Each year")
    assert a.recurrence == "annual" and a.due_date is None
    assert status(demo_db, a.id, date(2030, 1, 1)).status == "not_started"


def test_status_history_cannot_be_rewritten(demo_db):
    a = activity(demo_db, "June 2017")
    event_id = record_status(demo_db, a.id, status="in_progress", event_date=date(2017, 1, 1))
    with pytest.raises(IntegrityError, match="NSSS_APPEND_ONLY"):
        with demo_db.unit_of_work(description="rewrite history") as uow:
            uow.session.execute(update(StatusEvent).where(StatusEvent.id == event_id)
                                .values(status="completed"))
    with demo_db.reader() as s:
        assert s.get(StatusEvent, event_id).status == "in_progress"


def test_unknown_status_is_refused(demo_db):
    from nsss_desktop.errors import UsageError

    a = activity(demo_db, "June 2017")
    with pytest.raises(UsageError, match="Unknown status"):
        record_status(demo_db, a.id, status="finished", event_date=date(2017, 1, 1))
