"""The server database: engine, migrations and the write transactions the protocol needs.

Two backends, one code path:

- **SQLite** (a pilot in one file): every write transaction is ``BEGIN IMMEDIATE`` so two
  writers never interleave, and inside one process a lock queues writers in Python instead of
  leaving them to SQLite's sleeping busy handler. One server process per SQLite file.
- **PostgreSQL** (production, several workers): writers take advisory transaction locks, one
  per device (a device's change sets apply strictly in order) and one global lock for appending
  to the server log (``server_seq`` = head + 1 is allocated under it, at commit, R13).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, create_engine, event, inspect, text
from sqlalchemy.engine import Engine, make_url

if TYPE_CHECKING:
    from alembic.config import Config

SUPPORTED_BACKENDS = ("sqlite", "postgresql")
# The newest migration. Checked against the migration scripts by a test; knowing it here lets a
# database already at head skip importing Alembic (the admin command line starts faster).
HEAD_REVISION = "0001"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
GLOBAL_LOG_LOCK = "server_log"


def backend_of(db_url: str) -> str:
    """``"sqlite"`` or ``"postgresql"`` for a SQLAlchemy URL; ValueError for anything else."""
    backend = make_url(db_url).get_backend_name()
    if backend not in SUPPORTED_BACKENDS:
        raise ValueError(
            f"unsupported database {backend!r}: use a SQLite file or a postgresql+psycopg:// URL"
        )
    return backend


def safe_url(db_url: str) -> str:
    """The URL with any password masked, for logs and messages."""
    return make_url(db_url).render_as_string(hide_password=True)


def lock_key(namespace: str, name: str) -> int:
    """A signed 64-bit advisory-lock key for PostgreSQL, stable across processes."""
    digest = hashlib.sha256(f"nsss:{namespace}:{name}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def make_engine(db_url: str) -> Engine:
    backend = backend_of(db_url)
    if backend == "sqlite":
        engine = create_engine(db_url, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
            # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own is deferred).
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            try:
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=FULL")
                cur.execute("PRAGMA foreign_keys=ON")
                cur.execute("PRAGMA busy_timeout=30000")
            finally:
                cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Connection) -> None:
            immediate = conn.get_execution_options().get("nsss_immediate", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    return create_engine(db_url, pool_pre_ping=True, pool_size=10, max_overflow=30)


class Database:
    """The engine plus the locking discipline of the module docstring."""

    def __init__(self, db_url: str) -> None:
        self.url = db_url
        self.kind = backend_of(db_url)
        self.engine = make_engine(db_url)
        self._sqlite_writer = threading.RLock()

    @property
    def is_pg(self) -> bool:
        return self.kind == "postgresql"

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read transaction (one consistent snapshot on PostgreSQL's REPEATABLE READ)."""
        with self.engine.connect() as conn:
            if self.is_pg:
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield conn

    @contextmanager
    def write(self, conn: Connection | None = None, *, device_id: str | None = None
              ) -> Iterator[Connection]:
        """A write transaction; with `device_id`, serialised with that device's other writes.

        Pass `conn` to run it on a connection the caller holds (it keeps a session-level
        advisory lock there, see `try_lock`)."""
        if conn is None:
            with self.engine.connect() as own:
                with self.write(own, device_id=device_id) as inner:
                    yield inner
            return
        if self.is_pg:
            with conn.begin():
                if device_id is not None:
                    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"),
                                 {"k": lock_key("device", device_id)})
                yield conn
            return
        with self._sqlite_writer:
            conn.execution_options(nsss_immediate=True)
            try:
                with conn.begin():
                    yield conn
            finally:
                conn.execution_options(nsss_immediate=False)

    def lock_log(self, conn: Connection) -> None:
        """Take the global server-log lock inside the current write transaction (PostgreSQL;
        on SQLite the IMMEDIATE transaction already excludes every other writer)."""
        if self.is_pg:
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"),
                         {"k": lock_key("global", GLOBAL_LOG_LOCK)})

    def try_lock(self, conn: Connection, namespace: str, name: str) -> bool:
        """A session-level advisory try-lock on `conn` (PostgreSQL; always True on SQLite)."""
        if not self.is_pg:
            return True
        got = conn.execute(text("SELECT pg_try_advisory_lock(:k)"),
                           {"k": lock_key(namespace, name)}).scalar_one()
        conn.commit()
        return bool(got)

    def unlock(self, conn: Connection, namespace: str, name: str) -> None:
        if self.is_pg:
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": lock_key(namespace, name)})
            conn.commit()

    def dispose(self) -> None:
        self.engine.dispose()


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(db: Database) -> None:
    """Bring the schema to the newest revision, in one transaction (DDL is transactional on
    both backends), serialised between processes that start at the same time."""
    if current_revision(db) == HEAD_REVISION:
        return
    from alembic import command

    with db.engine.connect() as conn:
        if db.is_pg:
            with conn.begin():
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"),
                             {"k": lock_key("global", "migrate")})
                command.upgrade(alembic_config(conn), "head")
            return
        conn.execution_options(nsss_immediate=True)
        with conn.begin():
            command.upgrade(alembic_config(conn), "head")
