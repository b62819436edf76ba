"""Upgrading a database made before search (schema 0003) indexes what it already holds;
downgrading removes every trace of the index and leaves a working 0003 database."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from nsss_desktop.services.search import search
from nsss_desktop.store import migrate
from nsss_desktop.store.database import Database
from nsss_desktop.store.migrate import alembic_config

from .conftest import AS_OF, PASSPHRASE, new_db

IDS = {name: f"00000000-0000-7000-8000-{i:012d}" for i, name in enumerate(
    ["plan", "objective", "activity", "indicator", "comment", "event", "evidence", "late"])}


def write_0003_rows(db: Database) -> None:
    """Rows as the 0003 schema has them, in plain SQL so later model changes cannot break it."""
    with db.unit_of_work(description="rows before search existed") as uow:
        for statement in [
            "INSERT INTO action_plan (id, title, phase) VALUES (:plan, 'NSSS AP', 'II')",
            "INSERT INTO objective (id, action_plan_id, number, text_en, text_bn) VALUES "
            "(:objective, :plan, '1', 'Protect the elderly', 'প্রবীণদের সুরক্ষা')",
            "INSERT INTO activity (id, objective_id, number, text_en, text_bn, timeframe_text) "
            "VALUES (:activity, :objective, '1.1', 'Raise the old age allowance', "
            "'বয়স্ক ভাতা বৃদ্ধি', 'June 2022')",
            "INSERT INTO indicator (id, activity_id, text_en) VALUES "
            "(:indicator, :activity, 'Circular issued')",
            "INSERT INTO comment (id, activity_id, body, created_at) VALUES "
            "(:comment, :activity, 'মন্ত্রণালয়ের চিঠি পাঠানো হয়েছে', '2023-01-01')",
            "INSERT INTO status_event (id, activity_id, event_date, reporting_period, status, "
            "note, approval_state) VALUES (:event, :activity, '2023-01-02', '', 'in_progress', "
            "'Budget proposal submitted', 'approved')",
            "INSERT INTO evidence (id, activity_id, title, kind, sha256, size_bytes, media_type, "
            "original_name) VALUES (:evidence, :activity, 'Cabinet memo', 'report', "
            "'00', 1, 'application/pdf', '')",
        ]:
            uow.session.execute(text(statement), IDS)


def found(db: Database, query: str) -> set[str]:
    with db.reader() as s:
        return {h.ref_id for h in search(s, query, as_of=AS_OF).hits}


def index_objects(db: Database) -> set[str]:
    with db.reader() as s:
        return set(s.scalars(text("SELECT name FROM sqlite_master WHERE name LIKE 'reform_fts%'")))


def test_upgrade_from_0003_indexes_existing_rows_and_downgrade_removes_the_index(tmp_path):
    db = new_db(tmp_path, revision="0003")
    path = db.path
    write_0003_rows(db)
    db.close()

    db = Database.open(path, passphrase=PASSPHRASE, use_keyring=False)
    try:
        assert db.unlock.migrated_from == "0003" and db.unlock.pre_upgrade_backup.exists()
        assert found(db, "প্রবীণদের") == {IDS["objective"]}
        assert found(db, "বয়স্ক ভাতা") == {IDS["activity"]}
        assert found(db, "circular") == {IDS["indicator"]}
        assert found(db, "মন্ত্রণালয়ের") == {IDS["comment"]}
        assert found(db, "budget proposal") == {IDS["event"]}
        assert found(db, "cabinet") == {IDS["evidence"]}
        with db.reader() as s:
            (hit,) = search(s, "circular", as_of=AS_OF).hits
        assert (hit.activity_id, hit.plan_id) == (IDS["activity"], IDS["plan"])

        with db.engine.connect().execution_options(nsss_immediate=True) as conn:
            with conn.begin():
                command.downgrade(alembic_config(conn), "0003")
        assert migrate.current_revision(db.engine) == "0003"
        assert index_objects(db) == set()
        with db.unit_of_work(description="written at 0003 again") as uow:
            uow.session.execute(text(
                "INSERT INTO comment (id, activity_id, body, created_at) VALUES "
                "(:late, :activity, 'written after the downgrade', '2023-02-01')"), IDS)

        migrate.upgrade(db.engine)
        assert "reform_fts" in index_objects(db)
        assert found(db, "downgrade") == {IDS["late"]}
        assert found(db, "মন্ত্রণালয়ের") == {IDS["comment"]}
    finally:
        db.close()
