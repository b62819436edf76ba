"""Helpers for the desktop tests against the real GED server (tests/sync/conftest.py `server`):
empty installations, enrolment, GED's baseline publish, and test-only reads of the server
database. Import the `empty_install` fixture into a test module to use it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from nsss_desktop.store.database import Database
from nsss_desktop.store.models import Figure
from nsss_desktop.sync_client import enrol, run, status
from nsss_desktop.sync_client.seal import seal_existing
from tests.sync.conftest import RunningServer
from tests.sync.craft import sql

PASSPHRASE = "test passphrase for nsss"


@pytest.fixture
def empty_install(tmp_path: Path):
    """`make(name)`: a new, empty installation (closed at the end of the test)."""
    made: list[Database] = []

    def make(name: str) -> Database:
        db, _ = Database.create(tmp_path / f"{name}.nsssdb", PASSPHRASE, use_keyring=False)
        made.append(db)
        return db

    yield make
    for db in made:
        db.close()


def enrol_at(db: Database, srv: RunningServer, ministry: str):
    return enrol.enrol(db, server_url=srv.base_url, code=srv.enrol_code(ministry),
                       root_key=srv.root_public_key, environment=srv.environment,
                       device_name=f"{ministry} test PC")


def publish_baseline(ged: Database, srv: RunningServer) -> None:
    """GED's installation (a demo copy) enrols, seals every row and sends them."""
    enrol_at(ged, srv, "GED")
    sealed = seal_existing(ged)
    result = run.sync_now(ged)
    assert result.refusal is None, result.refusal
    assert result.pushed.acked == len(sealed)
    assert status.status(ged).state == "synced"


def ministry_install(make: Callable[[str], Database], srv: RunningServer, ministry: str,
                     name: str | None = None) -> Database:
    """An empty installation of `ministry`, enrolled, that has pulled the baseline."""
    db = make(name or ministry.lower())
    enrol_at(db, srv, ministry)
    first = run.sync_now(db)
    assert first.refusal is None and first.pulled.applied > 300
    return db


def set_expenditure(db: Database, fig: str, poisha: int, *, description: str = "edit") -> None:
    with db.unit_of_work(description=description) as uow:
        uow.session.get(Figure, fig).expenditure_poisha = poisha


def expenditure(db: Database, fig: str) -> int | None:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT expenditure_poisha FROM figure WHERE id = ?",
                                    (fig,)).scalar()


def figures_led_by(db: Database, code: str, n: int) -> list[str]:
    """`n` programme-level figures of programmes led by `code`."""
    with db.engine.connect() as conn:
        return list(conn.exec_driver_sql(
            "SELECT f.id FROM figure f JOIN programme p ON p.id = f.programme_id "
            "JOIN ministry m ON m.id = p.lead_ministry_id WHERE m.code = ? AND "
            "f.ministry_id IS NULL ORDER BY f.id LIMIT ?", (code, n)).scalars())


def server_sql(srv: RunningServer, statement: str, **params: Any) -> list[Any]:
    """Read (or, for tests, change) the server database directly."""
    return sql(srv.db_url, statement, **params)


def server_row(srv: RunningServer, table: str, pk: str) -> Any:
    import json

    rows = server_sql(srv, "SELECT owner, data, rev, deleted FROM row_state "
                           "WHERE table_name = :t AND pk = :pk", t=table, pk=pk)
    assert len(rows) == 1, rows
    owner, data, rev, deleted = rows[0]
    return {"owner": owner, "data": json.loads(data), "rev": int(rev), "deleted": bool(deleted)}


# --- restoring the server database from an earlier copy (T16, T29) ---------------------------


class ServerSnapshot:
    """A copy of the server database taken while the server is stopped; `restore` puts it
    back (SQLite: the file; PostgreSQL: CREATE DATABASE ... TEMPLATE)."""

    def __init__(self, srv: RunningServer, request: pytest.FixtureRequest) -> None:
        self.srv = srv
        self.request = request
        srv.stop()
        try:
            if srv.backend == "sqlite":
                self.copies = {}
                for suffix in ("", "-wal", "-shm"):
                    path = Path(srv.db_url + suffix)
                    if path.exists():
                        target = path.with_name(path.name + ".snapshot")
                        shutil.copyfile(path, target)
                        self.copies[path] = target
            else:
                self.name = self._db_name() + "_snapshot"
                self._pg(f'CREATE DATABASE "{self.name}" TEMPLATE "{self._db_name()}"')
        finally:
            srv.start()

    def _db_name(self) -> str:
        return self.srv.db_url.rsplit("/", 1)[1]

    def _pg(self, *statements: str) -> None:
        import psycopg

        cluster = self.request.getfixturevalue("pg_cluster")
        with psycopg.connect(cluster.admin_dsn(), autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement)

    def restore(self) -> None:
        self.srv.stop()
        try:
            if self.srv.backend == "sqlite":
                for suffix in ("-wal", "-shm"):
                    Path(self.srv.db_url + suffix).unlink(missing_ok=True)
                for path, copy in self.copies.items():
                    shutil.copyfile(copy, path)
            else:
                name = self._db_name()
                self._pg(f'DROP DATABASE "{name}" WITH (FORCE)',
                         f'CREATE DATABASE "{name}" TEMPLATE "{self.name}"')
        finally:
            self.srv.start()
