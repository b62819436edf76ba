"""Migration 0006: the sync bookkeeping tables come and go without touching the data."""

from __future__ import annotations

from alembic import command

from nsss_desktop.store import migrate
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import SYNC_BOOKKEEPING_TABLES, Figure
from tests.sync_client.conftest import figure_led_by, scalar

PASSPHRASE = "test passphrase for nsss"


def _tables(db) -> set[str]:
    with db.engine.connect() as conn:
        return set(conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')").scalars())


def _to(db, revision: str, *, down: bool = False) -> None:
    with db.engine.connect().execution_options(nsss_immediate=True) as conn, conn.begin():
        (command.downgrade if down else command.upgrade)(migrate.alembic_config(conn), revision)


def test_upgrade_from_0005_and_downgrade(tmp_path):
    db, _ = Database.create(tmp_path / "old.nsssdb", PASSPHRASE, use_keyring=False,
                            revision="0005")
    try:
        from nsss_desktop.services.demo import build_demo

        build_demo(db)  # writes through units of work at 0005: sealing must stay out of it
        assert not set(SYNC_BOOKKEEPING_TABLES) & _tables(db)
        fig = figure_led_by(db, "MoSW")
        with db.unit_of_work() as uow:
            uow.session.get(Figure, fig).note = "at 0005"
        _to(db, "0006")
        assert set(SYNC_BOOKKEEPING_TABLES) | {"outbox_sealed", "outbox_keep_unacked"} \
            <= _tables(db)
        assert scalar(db, "SELECT note FROM figure WHERE id = ?", fig) == "at 0005"
        _to(db, "0005", down=True)
        names = _tables(db)
        assert not set(SYNC_BOOKKEEPING_TABLES) & names and "outbox_sealed" not in names
        assert scalar(db, "SELECT note FROM figure WHERE id = ?", fig) == "at 0005"
        _to(db, "head")
        assert migrate.current_revision(db.engine) == migrate.head_revision()
    finally:
        db.close()
