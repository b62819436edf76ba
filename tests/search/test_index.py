"""The index follows every write made through a unit of work, in the same transaction, and
never in place of one: triggers maintain it, the journal does not record it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from nsss_desktop.services.reform_status import record_status
from nsss_desktop.services.search import search
from nsss_desktop.store.journal import OUTSIDE_UOW
from nsss_desktop.store.models import (
    Activity,
    ChangeJournal,
    Comment,
    Evidence,
    Indicator,
    Objective,
)

from .conftest import AS_OF


def refs(plan, query: str, **filters) -> set[str]:
    with plan.db.reader() as s:
        return {h.ref_id for h in search(s, query, as_of=AS_OF, limit=500, **filters).hits}


def index_ok(plan) -> None:
    """FTS5's own check that the index matches its stored content, and SQLite's."""
    with plan.db.engine.connect() as conn:
        conn.exec_driver_sql("INSERT INTO reform_fts (reform_fts) VALUES ('integrity-check')")
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        indexed = conn.exec_driver_sql("SELECT count(*) FROM reform_fts").scalar()
        keys = conn.exec_driver_sql("SELECT count(*) FROM reform_fts_key").scalar()
        assert indexed == keys


def test_an_edited_activity_is_found_by_its_new_words_only(fresh_plan):
    plan = fresh_plan
    with plan.db.unit_of_work(description="edit") as uow:
        activity = uow.session.get(Activity, plan.a2)
        activity.text_en = "Fold the deserted women's allowance into the life-cycle scheme"
        activity.text_bn = "স্বামী পরিত্যক্তা ভাতা একীভূত করা"
    assert refs(plan, "widow") == set()
    assert refs(plan, "deserted") == {plan.a2}
    assert refs(plan, "পরিত্যক্তা") == {plan.a2}
    assert refs(plan, "বিধবা") == set()
    index_ok(plan)


def test_a_new_comment_and_a_status_note_are_found_at_once(fresh_plan):
    plan = fresh_plan
    with plan.db.unit_of_work(description="comment") as uow:
        comment = Comment(activity_id=plan.a4, body="উপজেলা পর্যায়ে তালিকা যাচাই চলছে",
                          created_at="2023-05-01T09:00:00.000+00:00")
        uow.session.add(comment)
    assert refs(plan, "উপজেলা যাচাই") == {comment.id}
    event_id = record_status(plan.db, plan.a4, status="in_progress", event_date=date(2023, 5, 2),
                             note="Verification of the list started in 30 upazilas")
    assert refs(plan, "upazilas") == {event_id}
    assert refs(plan, "verification", status="not_started") == {event_id}  # still a draft
    index_ok(plan)


def test_indicator_evidence_and_objective_edits_and_deletes(fresh_plan):
    plan = fresh_plan
    with plan.db.unit_of_work(description="edits") as uow:
        s = uow.session
        s.get(Evidence, plan.evidence_a4).title = "Cabinet decision on disability allowance"
        s.get(Objective, plan.o3).text_bn = "অভিযোগ নিষ্পত্তি ব্যবস্থা শক্তিশালী করা"
        s.delete(s.get(Indicator, plan.indicator))
    with plan.db.reader() as s:
        assert [h.kind for h in search(s, "gazette", as_of=AS_OF).hits] == ["status_event"]
    assert plan.evidence_a4 in refs(plan, "cabinet")
    assert refs(plan, "অভিযোগ") == {plan.o3}
    assert refs(plan, "circular") == set()
    index_ok(plan)


def test_moving_an_activity_or_an_objective_moves_its_hits_to_the_other_plan(fresh_plan):
    plan = fresh_plan
    assert refs(plan, "budget", plan_id=plan.plan_new) == {plan.comment_a2}
    with plan.db.unit_of_work(description="move activity") as uow:
        uow.session.get(Activity, plan.a2).objective_id = plan.o3
    assert refs(plan, "budget", plan_id=plan.plan_new) == set()
    assert refs(plan, "budget", plan_id=plan.plan_old) == {plan.comment_a2}
    assert refs(plan, "widow", plan_id=plan.plan_old) == {plan.a2}
    with plan.db.unit_of_work(description="move objective") as uow:
        uow.session.get(Objective, plan.o2).action_plan_id = plan.plan_old
    assert refs(plan, "মন্ত্র", plan_id=plan.plan_old) == {plan.comment_a3}
    assert refs(plan, "মন্ত্র", plan_id=plan.plan_new) == {plan.indicator}
    assert refs(plan, "insurance", plan_id=plan.plan_old) == {plan.o2}
    index_ok(plan)


def test_bulk_core_writes_are_indexed_and_unchanged_rows_are_left_alone(fresh_plan):
    plan = fresh_plan
    with plan.db.unit_of_work(description="bulk") as uow:
        uow.session.execute(insert(Comment), [
            {"id": f"00000000-0000-7000-8000-{i:012d}", "activity_id": plan.a1,
             "body": f"ভাতা বিতরণ প্রতিবেদন {i}", "created_at": "2023-06-01"}
            for i in range(200)])
        uow.session.execute(update(Activity).values(number=Activity.number))  # text unchanged
    assert len(refs(plan, "বিতরণ")) == 200
    with plan.db.reader() as s:
        rowids = s.execute(text("SELECT rowid FROM reform_fts WHERE kind = 'activity'")).all()
    assert len(rowids) == 4
    index_ok(plan)


def test_a_rolled_back_unit_of_work_leaves_no_trace_in_the_index(fresh_plan):
    plan = fresh_plan
    with pytest.raises(RuntimeError):
        with plan.db.unit_of_work(description="abandoned") as uow:
            uow.session.add(Comment(activity_id=plan.a1, body="abandonedword",
                                    created_at="2023-06-01"))
            uow.session.flush()
            raise RuntimeError("user cancelled")
    assert refs(plan, "abandonedword") == set()


def test_writes_outside_a_unit_of_work_are_still_refused(fresh_plan):
    plan = fresh_plan
    with plan.db.engine.connect() as conn:
        with pytest.raises(IntegrityError, match=OUTSIDE_UOW):
            conn.execute(insert(Comment).values(id="00000000-0000-7000-8000-000000000001",
                                                activity_id=plan.a1, body="sneaky",
                                                created_at="2023-06-01"))
    assert refs(plan, "sneaky") == set()


def test_the_index_is_not_journaled(fresh_plan):
    with fresh_plan.db.reader() as s:
        assert s.scalar(select(func.count()).select_from(ChangeJournal)
                        .where(ChangeJournal.table_name.like("reform_fts%"))) == 0
        assert s.scalar(select(func.count()).select_from(ChangeJournal)
                        .where(ChangeJournal.table_name == "comment")) == 2


def test_each_source_row_has_exactly_one_index_row(fresh_plan):
    with fresh_plan.db.reader() as s:
        counts = dict(s.execute(text("SELECT kind, count(*) FROM reform_fts GROUP BY kind")).all())
    # a3's status event has an empty note, so it is not indexed
    assert counts == {"objective": 3, "activity": 4, "indicator": 1, "comment": 2,
                      "status_event": 1, "evidence": 1}


def test_denser_matches_rank_first(fresh_plan):
    plan = fresh_plan
    with plan.db.unit_of_work(description="rank") as uow:
        uow.session.add(Comment(activity_id=plan.a3, body="pension pension pension",
                                created_at="2023-06-01"))
    with plan.db.reader() as s:
        hits = search(s, "pension", as_of=AS_OF).hits
    assert [h.kind for h in hits] == ["comment", "activity"]
