"""The change journal: every write through a unit of work is recorded, every other write refused.

All on real SQLCipher files; the journal is written by SQLite triggers, so these tests also
use Core and raw SQL, not only the ORM.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.exc import DBAPIError

from nsss_desktop.domain.ids import is_uuid7, new_id
from nsss_desktop.store import journal, models
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import (
    Activity,
    ChangeJournal,
    Comment,
    JournalTxn,
    Programme,
    Setting,
    StatusEvent,
    UowContext,
)

# Every journaled table, as models declares them per migration (JOURNALED_TABLES_0001, ...).
JOURNALED = tuple(table for name in sorted(dir(models)) if name.startswith("JOURNALED_TABLES_")
                  for table in getattr(models, name))
USER = "0190a000-0000-7000-8000-000000000001"
DEVICE = "0190a000-0000-7000-8000-0000000000d1"


@pytest.fixture
def db(empty_db):
    with Database.open(empty_db.path, passphrase=empty_db.passphrase, use_keyring=False) as db:
        yield db


@pytest.fixture
def demo(demo_db_file):
    with Database.open(demo_db_file.path, passphrase=demo_db_file.passphrase,
                       use_keyring=False) as db:
        yield db


def journal_of(db: Database, txn_id: str) -> list[ChangeJournal]:
    with db.reader() as s:
        return list(s.scalars(select(ChangeJournal).where(ChangeJournal.txn_id == txn_id)
                              .order_by(ChangeJournal.seq)))


def header_of(db: Database, txn_id: str) -> JournalTxn | None:
    with db.reader() as s:
        return s.scalar(select(JournalTxn).where(JournalTxn.txn_id == txn_id))


def test_insert_update_delete_are_journaled_with_before_and_after_images(db):
    with db.unit_of_work(user_id=USER, device_id=DEVICE, description="add") as uow:
        setting = Setting(key="language", value="bn")
        programme = Programme(code="OAA", name_en="Old Age Allowance", name_bn="বয়স্ক ভাতা")
        uow.session.add_all([setting, programme])
    add_txn = uow.txn_id
    entries = {e.table_name: e for e in journal_of(db, add_txn)}  # the ORM orders the flush
    assert {(t, e.op, e.row_id) for t, e in entries.items()} == {
        ("setting", "insert", setting.id), ("programme", "insert", programme.id)}
    assert all(e.user_id == USER and e.at == uow.at and e.before_json is None
               for e in entries.values())
    assert json.loads(entries["setting"].after_json) == {"id": setting.id, "key": "language",
                                                         "value": "bn"}
    after = json.loads(entries["programme"].after_json)
    assert after["name_bn"] == "বয়স্ক ভাতা" and after["code"] == "OAA"
    assert after["active"] == 1 and after["part_of_id"] is None
    assert set(after) == {c.name for c in Programme.__table__.columns}
    header = header_of(db, add_txn)
    assert (header.user_id, header.device_id, header.description, header.change_count) == (
        USER, DEVICE, "add", 2)

    with db.unit_of_work(user_id=USER) as uow:
        row = uow.session.get(Setting, setting.id)
        row.value = "en"
    (entry,) = journal_of(db, uow.txn_id)
    assert (entry.table_name, entry.op, entry.row_id) == ("setting", "update", setting.id)
    assert json.loads(entry.before_json)["value"] == "bn"
    assert json.loads(entry.after_json)["value"] == "en"

    with db.unit_of_work(user_id=USER) as uow:
        uow.session.delete(uow.session.get(Setting, setting.id))
    (entry,) = journal_of(db, uow.txn_id)
    assert (entry.table_name, entry.op, entry.row_id, entry.after_json) == (
        "setting", "delete", setting.id, None)
    assert json.loads(entry.before_json) == {"id": setting.id, "key": "language", "value": "en"}
    assert db.setting("language") is None


def test_core_and_raw_sql_inside_a_unit_of_work_are_journaled_too(db):
    ids = [new_id(), new_id()]
    with db.unit_of_work() as uow:
        uow.session.execute(insert(Setting), [{"id": ids[0], "key": "a", "value": "1"},
                                              {"id": ids[1], "key": "b", "value": "2"}])
        uow.session.execute(text("UPDATE setting SET value = value || '!' "
                                 "WHERE key IN ('a', 'b')"))
        uow.session.execute(delete(Setting).where(Setting.key == "b"))
    ops = [(e.op, e.row_id) for e in journal_of(db, uow.txn_id)]
    assert ops == [("insert", ids[0]), ("insert", ids[1]), ("update", ids[0]),
                   ("update", ids[1]), ("delete", ids[1])]
    assert header_of(db, uow.txn_id).change_count == 5


def test_every_journaled_table_has_the_three_guarded_triggers(db):
    with db.engine.connect() as conn:
        triggers = dict(conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all())
    assert {"setting", "programme", "figure", "status_event"} <= set(JOURNALED)
    for table in JOURNALED:
        for op in ("insert", "update", "delete"):
            sql = triggers.get(f"journal_{table}_{op}")
            assert sql is not None, f"no {op} journal trigger on {table}"
            assert journal.OUTSIDE_UOW in sql and "INSERT INTO change_journal" in sql


@pytest.mark.parametrize("statement", [
    "INSERT INTO setting (id, key, value) VALUES ('{new}', 'sneaky', 'x')",
    "UPDATE setting SET value = 'changed' WHERE key = 'db_id'",
    "DELETE FROM setting WHERE key = 'db_id'",
    "INSERT INTO programme (id, code, name_en, cluster_synthetic, target_group, benefit_value, "
    "beneficiary_unit, active, is_budget_total, synthetic) "
    "VALUES ('{new}', 'X', 'X', 0, '', '', 'persons', 1, 0, 0)",
])
def test_a_write_outside_a_unit_of_work_is_refused(db, statement):
    db_id = db.setting("db_id")
    with db.engine.connect() as conn, pytest.raises(DBAPIError) as raised:
        conn.exec_driver_sql(statement.format(new=new_id()))
    assert journal.OUTSIDE_UOW in str(raised.value)
    assert db.setting("db_id") == db_id and db.setting("sneaky") is None
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Programme)) == 0
        assert s.scalar(select(func.count()).select_from(UowContext)) == 0


def test_a_reader_session_cannot_write(db):
    with db.reader() as s, pytest.raises(DBAPIError, match="NSSS_OUTSIDE_UOW"):
        s.add(Setting(key="from reader", value="x"))
        s.flush()
    assert db.setting("from reader") is None


def _first_activity(db: Database) -> str:
    with db.reader() as s:
        return s.scalar(select(Activity.id).limit(1))


@pytest.mark.parametrize("model", [StatusEvent, Comment])
def test_status_events_and_comments_are_append_only_even_in_a_unit_of_work(demo, model):
    activity_id = _first_activity(demo)
    with demo.unit_of_work(user_id=USER) as uow:
        if model is StatusEvent:
            from datetime import date
            row = StatusEvent(activity_id=activity_id, event_date=date(2024, 6, 30),
                              status="in_progress", note="first report")
        else:
            row = Comment(activity_id=activity_id, body="first report",
                          created_at="2024-06-30T10:00:00Z")
        uow.session.add(row)
    column = "note" if model is StatusEvent else "body"
    journal_rows_before = _count(demo, ChangeJournal)

    for statement in (update(model).where(model.id == row.id).values({column: "rewritten"}),
                      delete(model).where(model.id == row.id)):
        with pytest.raises(DBAPIError) as raised, demo.unit_of_work(user_id=USER) as uow:
            uow.session.execute(statement)
        assert journal.APPEND_ONLY in str(raised.value)
        assert header_of(demo, uow.txn_id) is None

    with demo.reader() as s:
        assert s.scalar(select(getattr(model, column)).where(model.id == row.id)) == \
            "first report"
    assert _count(demo, ChangeJournal) == journal_rows_before


@pytest.mark.parametrize("statement", [
    "UPDATE change_journal SET after_json = '{{}}' WHERE seq = {seq}",
    "DELETE FROM change_journal WHERE seq = {seq}",
    "UPDATE journal_txn SET description = 'forged' WHERE seq = 1",
    "DELETE FROM journal_txn WHERE seq = 1",
])
def test_the_journal_itself_is_append_only(db, statement):
    with db.reader() as s:
        seq = s.scalar(select(func.max(ChangeJournal.seq)))
        before = s.execute(text("SELECT * FROM change_journal ORDER BY seq")).all(), \
            s.execute(text("SELECT * FROM journal_txn ORDER BY seq")).all()
    with pytest.raises(DBAPIError, match="NSSS_APPEND_ONLY"), db.unit_of_work() as uow:
        uow.session.execute(text(statement.format(seq=seq)))
    with db.engine.connect() as conn, pytest.raises(DBAPIError, match="NSSS_APPEND_ONLY"):
        conn.exec_driver_sql(statement.format(seq=seq))
    with db.reader() as s:
        after = s.execute(text("SELECT * FROM change_journal ORDER BY seq")).all(), \
            s.execute(text("SELECT * FROM journal_txn ORDER BY seq")).all()
    assert after == before


class Boom(Exception):
    pass


@pytest.mark.parametrize("failure", ["python exception", "constraint violation"])
def test_a_failed_unit_of_work_rolls_back_rows_and_journal_together(db, failure):
    rows_before = {t: _count(db, t) for t in (Setting, Programme, ChangeJournal, JournalTxn)}
    expected = Boom if failure == "python exception" else DBAPIError
    with pytest.raises(expected), db.unit_of_work(description="doomed") as uow:
        uow.session.add(Setting(key="doomed", value="x"))
        uow.session.add(Programme(code="DOOMED", name_en="Doomed"))
        uow.session.flush()  # the rows and their journal entries now exist in the transaction
        assert len(uow.session.execute(select(ChangeJournal).where(
            ChangeJournal.txn_id == uow.txn_id)).all()) == 2
        if failure == "python exception":
            raise Boom
        uow.session.add(Setting(key="doomed", value="duplicate key"))
        uow.session.flush()
    assert journal_of(db, uow.txn_id) == [] and header_of(db, uow.txn_id) is None
    assert {t: _count(db, t) for t in rows_before} == rows_before
    assert _count(db, UowContext) == 0
    with db.unit_of_work() as again:  # the write lock was released
        again.session.add(Setting(key="afterwards", value="ok"))
    assert db.setting("afterwards") == "ok"


def test_new_ids_and_txn_ids_are_uuid7(db):
    with db.unit_of_work() as uow:
        rows = [Setting(key=f"k{i}", value=str(i)) for i in range(5)]
        uow.session.add_all(rows)
    assert is_uuid7(uow.txn_id)
    assert all(is_uuid7(r.id) for r in rows)
    assert [e.row_id for e in journal_of(db, uow.txn_id)] == [r.id for r in rows]


def test_change_count_equals_the_journal_rows_of_every_txn(demo):
    with demo.unit_of_work() as uow:
        for i in range(7):
            uow.session.add(Setting(key=f"count{i}", value="x"))
    assert header_of(demo, uow.txn_id).change_count == 7 == len(journal_of(demo, uow.txn_id))
    with demo.reader() as s:
        mismatched = s.execute(text(
            "SELECT t.txn_id, t.change_count, count(j.seq) FROM journal_txn t "
            "LEFT JOIN change_journal j ON j.txn_id = t.txn_id GROUP BY t.txn_id "
            "HAVING t.change_count != count(j.seq)")).all()
        # Nothing was updated or deleted, so every row has exactly one insert entry.
        unjournaled = {
            table: (rows, inserts) for table in JOURNALED
            if (rows := s.scalar(text(f'SELECT count(*) FROM "{table}"')))
            != (inserts := s.scalar(select(func.count()).where(
                ChangeJournal.table_name == table, ChangeJournal.op == "insert")))}
        total_rows = s.scalar(select(func.count()).select_from(ChangeJournal))
    assert mismatched == []
    assert unjournaled == {}
    assert total_rows > 300  # the demo data really is there


def _count(db: Database, model) -> int:
    with db.reader() as s:
        return s.scalar(select(func.count()).select_from(model))
