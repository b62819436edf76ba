"""Schema upgrades on open: an automatic backup first, all data kept, the journal guards in place,
and a failed upgrade that leaves the database as it was.

The database is created at revision 0001 and opened by this build, so every later migration
(0002 to head) runs on data written at 0001.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.exc import DBAPIError

from nsss_desktop.domain.ids import new_id
from nsss_desktop.errors import MigrationFailed
from nsss_desktop.store import migrate, models
from nsss_desktop.store.backup import verify
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import (
    ActionPlan,
    Activity,
    ChangeJournal,
    Figure,
    JournalTxn,
    Objective,
    Programme,
    Setting,
    StatusEvent,
)
from tests.store.conftest import PASSPHRASE, sha256

HEAD = migrate.head_revision()
# Tables journaled by the migrations after 0001 (models declares them per revision).
LATER_JOURNALED = tuple(table for name in sorted(dir(models))
                        if name.startswith("JOURNALED_TABLES_") and name != "JOURNALED_TABLES_0001"
                        for table in getattr(models, name))


def _tables(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        return set(conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'").scalars())


def _content(db: Database) -> dict:
    with db.reader() as s:
        return {
            "programmes": s.execute(select(Programme.id, Programme.code, Programme.name_bn)
                                    .order_by(Programme.id)).all(),
            "figures": s.execute(select(Figure.id, Figure.expenditure_poisha)
                                 .order_by(Figure.id)).all(),
            "settings": s.execute(select(Setting.key, Setting.value).order_by(Setting.key)).all(),
            "journal": s.scalar(select(func.count()).select_from(ChangeJournal)),
            "txns": s.scalar(select(func.count()).select_from(JournalTxn)),
        }


@pytest.fixture
def at_0001(tmp_path):
    """A closed database at revision 0001 holding data written through a unit of work."""
    path = tmp_path / "old" / "store.nsssdb"
    db, _ = Database.create(path, PASSPHRASE, use_keyring=False, revision="0001")
    try:
        assert migrate.current_revision(db.engine) == "0001"
        assert "action_plan" not in _tables(db)
        with db.unit_of_work(description="data at 0001") as uow:
            programme = Programme(code="OAA", name_en="Old Age Allowance", name_bn="বয়স্ক ভাতা")
            uow.session.add(programme)
            uow.session.flush()
            # Raw SQL: the Figure model has columns that revision 0001 does not.
            uow.session.execute(text(
                "INSERT INTO figure (id, programme_id, fiscal_year, period_kind, period_no, "
                "stage, expenditure_poisha, synthetic, approval_state, note) VALUES "
                "(:id, :p, 2023, 'year', 1, 'actual', 4206000000000, 0, 'approved', '')"),
                {"id": new_id(), "p": programme.id})
            uow.session.add(Setting(key="language", value="bn"))
        content = _content(db)
    finally:
        db.close()
    return path, content


def test_open_upgrades_after_a_backup_and_keeps_everything(at_0001):
    path, content = at_0001
    with Database.open(path, passphrase=PASSPHRASE, use_keyring=False) as db:
        assert db.unlock.migrated_from == "0001"
        assert migrate.current_revision(db.engine) == HEAD
        backup = db.unlock.pre_upgrade_backup
        assert _content(db) == content
        assert verify(db).ok
        assert set(LATER_JOURNALED) <= _tables(db)
        with db.reader() as s:  # the dashboard rollups were built from the old figures
            assert s.execute(select(models.ProgrammeYearRollup.measure,
                                    models.ProgrammeYearRollup.value)
                             .where(models.ProgrammeYearRollup.scope == "approved",
                                    models.ProgrammeYearRollup.ministry_id == "")).all() == [
                ("expenditure", 4_206_00_00_000_00)]

    assert re.fullmatch(rf"store\.nsssdb\.pre-{HEAD}-\d{{8}}T\d{{6}}Z\.nsssbak", backup.name)
    assert backup.exists() and backup.with_name(backup.name + ".keys").exists()
    with Database.open(backup, passphrase=PASSPHRASE, use_keyring=False,
                       read_only=True) as old:
        assert migrate.current_revision(old.engine) == "0001"
        assert verify(old).ok
        assert _content(old) == content
        assert "action_plan" not in _tables(old)

    with Database.open(path, passphrase=PASSPHRASE, use_keyring=False) as again:
        assert again.unlock.migrated_from is None  # upgraded once, not on every open


def test_the_new_tables_are_journaled_and_guarded_after_the_upgrade(at_0001):
    path, _ = at_0001
    with Database.open(path, passphrase=PASSPHRASE, use_keyring=False) as db:
        with db.engine.connect() as conn, pytest.raises(DBAPIError, match="NSSS_OUTSIDE_UOW"):
            conn.exec_driver_sql("INSERT INTO action_plan (id, title, phase) "
                                 "VALUES ('x', 'sneaky', '')")
        with db.unit_of_work(description="first plan") as uow:
            s = uow.session
            plan = ActionPlan(id=new_id(), title="NSSS Action Plan phase II", phase="II")
            objective = Objective(id=new_id(), action_plan_id=plan.id, text_en="Objective 1")
            activity = Activity(id=new_id(), objective_id=objective.id, text_en="Reform 1")
            event = StatusEvent(activity_id=activity.id, event_date=date(2024, 6, 30),
                                status="in_progress")
            for row in (plan, objective, activity, event):
                s.add(row)
                s.flush()
        with db.reader() as s:
            entries = s.execute(select(ChangeJournal.table_name, ChangeJournal.row_id)
                                .where(ChangeJournal.txn_id == uow.txn_id)).all()
        assert sorted(entries) == sorted([("action_plan", plan.id), ("objective", objective.id),
                                          ("activity", activity.id), ("status_event", event.id)])
        with pytest.raises(DBAPIError, match="NSSS_APPEND_ONLY"), db.unit_of_work() as uow:
            uow.session.execute(update(StatusEvent).values(status="completed"))
        with db.engine.connect() as conn:
            triggers = set(conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'").scalars())
        for table in LATER_JOURNALED:
            assert {f"journal_{table}_{op}" for op in ("insert", "update", "delete")} <= triggers


def _all_files(folder) -> dict[str, str]:
    return {p.name: sha256(p) for p in sorted(folder.iterdir())
            if ".nsssbak" not in p.name}


def test_an_unknown_schema_revision_fails_clearly_and_changes_nothing(at_0001):
    path, content = at_0001
    with Database.open(path, passphrase=PASSPHRASE, use_keyring=False, upgrade=False) as db:
        with db.engine.begin() as conn:  # alembic_version is bookkeeping, not journaled
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    before = _all_files(path.parent)
    with pytest.raises(MigrationFailed) as raised:
        Database.open(path, passphrase=PASSPHRASE, use_keyring=False)
    assert "schema version 9999" in str(raised.value) and "newer version" in str(raised.value)
    assert "not changed" in raised.value.hint
    assert _all_files(path.parent) == before
    assert not list(path.parent.glob("*.nsssbak"))  # no backup written for a refused upgrade


def test_an_upgrade_that_fails_half_way_leaves_the_old_schema_whole(at_0001):
    """0002 creates `evidence` after seven other tables, so a table of that name made by hand
    makes the upgrade fail part-way. SQLite DDL is transactional: nothing of it is left."""
    path, content = at_0001
    with Database.open(path, passphrase=PASSPHRASE, use_keyring=False, upgrade=False) as db:
        with db.engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE evidence (id TEXT PRIMARY KEY)")
    before = _all_files(path.parent)
    with pytest.raises(MigrationFailed, match=f"from version 0001 to {HEAD}") as raised:
        Database.open(path, passphrase=PASSPHRASE, use_keyring=False)
    assert "evidence already exists" in str(raised.value)
    assert "CREATE TABLE" not in str(raised.value)  # the user is never shown SQL
    assert _all_files(path.parent) == before
    with Database.open(path, passphrase=PASSPHRASE, use_keyring=False, upgrade=False) as db:
        assert migrate.current_revision(db.engine) == "0001"
        assert not ({"action_plan", "objective", "activity"} & _tables(db))
        assert _content(db) == content
        assert verify(db).ok
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                     "AND name LIKE '%action_plan%'")).scalar() == 0
