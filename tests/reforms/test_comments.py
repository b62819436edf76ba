"""Comments on activities: threaded, in time order, validated, and never rewritten."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from nsss_desktop.errors import UsageError
from nsss_desktop.services.comments import MAX_BODY_CHARS, add_comment, thread
from nsss_desktop.store.models import ChangeJournal, Comment


def test_replies_nest_under_their_parent_in_time_order(plan):
    a, user = plan.activity["1"], plan.user_id
    first = add_comment(plan.db, a, "Circular drafted; awaiting Finance Division.", author_id=user)
    second = add_comment(plan.db, a, "Cabinet meeting next month.", author_id=user)
    reply = add_comment(plan.db, a, "Finance Division agreed.", author_id=user, parent_id=first)
    nested = add_comment(plan.db, a, "Correction: agreed in principle only.", author_id=None,
                         parent_id=reply)
    add_comment(plan.db, plan.activity["6"], "Another activity's comment.", author_id=user)
    with plan.db.reader() as s:
        roots = thread(s, a)
    assert [n.id for n in roots] == [first, second]
    assert [n.id for n in roots[0].replies] == [reply]
    assert [n.id for n in roots[0].replies[0].replies] == [nested]
    assert roots[1].replies == []
    assert roots[0].author_name == "Focal Point (MoSW)" and roots[0].replies[0].replies[0] \
        .author_name == ""
    assert roots[0].created_at <= roots[1].created_at


def test_bangla_body_is_stored_in_nfc_and_trimmed(plan):
    decomposed = "  \u09a6\u09c7\u09be  "  # দ + e-kar + aa-kar: NFC composes to দো
    cid = add_comment(plan.db, plan.activity["1"], decomposed, author_id=plan.user_id)
    with plan.db.reader() as s:
        assert s.get(Comment, cid).body == "\u09a6\u09cb"


@pytest.mark.parametrize("body, message", [
    ("", "cannot be empty"),
    ("   \n\t ", "cannot be empty"),
    ("x" * (MAX_BODY_CHARS + 1), "the limit is 10,000"),
    ("before\x00after", "NUL"),
])
def test_invalid_bodies_are_refused(plan, body, message):
    with pytest.raises(UsageError, match=message):
        add_comment(plan.db, plan.activity["1"], body, author_id=plan.user_id)


def test_body_of_exactly_the_limit_is_accepted(plan):
    cid = add_comment(plan.db, plan.activity["1"], "ক" * MAX_BODY_CHARS, author_id=plan.user_id)
    with plan.db.reader() as s:
        assert len(s.get(Comment, cid).body) == MAX_BODY_CHARS


def test_parent_must_be_on_the_same_activity(plan):
    other = add_comment(plan.db, plan.activity["6"], "On activity 6.", author_id=plan.user_id)
    with pytest.raises(UsageError, match="not on this activity"):
        add_comment(plan.db, plan.activity["1"], "Reply", author_id=plan.user_id,
                    parent_id=other)
    with pytest.raises(UsageError, match="not on this activity"):
        add_comment(plan.db, plan.activity["1"], "Reply", author_id=plan.user_id,
                    parent_id="0190c2a0-0000-7000-8000-000000000000")


def test_unknown_activity_and_author_are_refused(plan):
    with pytest.raises(UsageError, match="No such activity"):
        add_comment(plan.db, "0190c2a0-0000-7000-8000-000000000000", "x",
                    author_id=plan.user_id)
    with pytest.raises(UsageError, match="not a user"):
        add_comment(plan.db, plan.activity["1"], "x",
                    author_id="0190c2a0-0000-7000-8000-000000000000")


def test_comments_are_append_only_and_journaled(plan):
    cid = add_comment(plan.db, plan.activity["1"], "Original text.", author_id=plan.user_id)
    for statement in (update(Comment).where(Comment.id == cid).values(body="Rewritten"),
                      delete(Comment).where(Comment.id == cid)):
        with pytest.raises(IntegrityError, match="NSSS_APPEND_ONLY"):
            with plan.db.unit_of_work(description="try to rewrite a comment") as uow:
                uow.session.execute(statement)
    with plan.db.reader() as s:
        assert s.get(Comment, cid).body == "Original text."
        journal = s.scalars(select(ChangeJournal).where(ChangeJournal.row_id == cid)).all()
    assert [(j.table_name, j.op, j.user_id) for j in journal] == [
        ("comment", "insert", plan.user_id)]
