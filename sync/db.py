"""The server database: engine, migrations and the write transactions the protocol needs.

Two backends, one code path:

- **SQLite** (a pilot in one file): every write transaction is ``BEGIN IMMEDIATE`` so two
  writers never interleave, and inside one process a lock queues writers in Python instead of
  leaving them to SQLite's sleeping busy handler. One server process per SQLite file.
- **PostgreSQL** (production, several workers): writers take advisory transaction locks, one
  per device (a device's change sets apply strictly in order) and one global lock for appending
  to the server log (``server_seq`` = head + 1 is allocated under it, at commit, R13). A change
  set being decided is also claimed by a transaction-level try-lock on its id (409
  ``in_progress`` for a second worker); the claim, the device's lock and the log lock are taken
  in one statement (`write_claimed`). Pooled connections are not pinged at check-out: one whose
  socket has something to read while idle (the server closed it) is replaced instead.
"""

from __future__ import annotations

import hashlib
import select
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, create_engine, event, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DisconnectionError

if TYPE_CHECKING:
    from alembic.config import Config

SUPPORTED_BACKENDS = ("sqlite", "postgresql")
# The newest migration. Checked against the migration scripts by a test; knowing it here lets a
# database already at head skip importing Alembic (the admin command line starts faster).
HEAD_REVISION = "0001"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
GLOBAL_LOG_LOCK = "server_log"
# PostgreSQL: try the change set's claim; only when it is ours, wait for the device's lock,
# then for the server log's (CASE evaluates its branches lazily and in order, and so the
# uncorrelated sub-selects, which run when first needed). All three end with the transaction.
_CLAIM_THEN_LOCK = text(
    "SELECT CASE WHEN pg_try_advisory_xact_lock(:claim) "
    "THEN CASE WHEN (SELECT true FROM pg_advisory_xact_lock(:dev)) "
    "THEN (SELECT true FROM pg_advisory_xact_lock(:log)) END "
    "ELSE false END")
_XACT_LOCK = text("SELECT pg_advisory_xact_lock(:k)")
# PostgreSQL: the device's lock, then the server log's (see `_CLAIM_THEN_LOCK`).
_DEVICE_THEN_LOG = text(
    "SELECT CASE WHEN (SELECT true FROM pg_advisory_xact_lock(:dev)) "
    "THEN (SELECT true FROM pg_advisory_xact_lock(:log)) END")
_CLAIM = text("SELECT pg_try_advisory_xact_lock(:claim)")


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
    # No pre-ping round trip per check-out: a pooled connection that the server closed (a
    # restart, an administrator's kill) has an end-of-file or a FATAL message waiting on its
    # socket, which a zero-timeout poll sees; the pool then reconnects it, as pre-ping would.
    engine = create_engine(db_url, pool_size=10, max_overflow=30)

    @event.listens_for(engine, "checkout")
    def _pg_checkout(dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
        if _socket_readable(dbapi_conn):
            raise DisconnectionError("the server closed this pooled connection")

    return engine


def _socket_readable(dbapi_conn: Any) -> bool:
    """Whether an idle connection's socket has something to read (EOF or an unsolicited
    message): then it is gone or in an unknown state. Never waits."""
    try:
        fd = dbapi_conn.fileno()
    except Exception:  # closed or broken: let the pool reconnect it
        return True
    if hasattr(select, "poll"):
        poller = select.poll()
        poller.register(fd, select.POLLIN | select.POLLPRI)
        return bool(poller.poll(0))
    readable, _, _ = select.select([fd], [], [], 0)
    return bool(readable)


_GLOBAL_LOG_KEY = lock_key("global", GLOBAL_LOG_LOCK)


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

        Pass `conn` to run it on a connection the caller holds."""
        if conn is None:
            with self.engine.connect() as own:
                with self.write(own, device_id=device_id) as inner:
                    yield inner
            return
        if self.is_pg:
            with conn.begin():
                if device_id is not None:
                    conn.execute(_XACT_LOCK, {"k": lock_key("device", device_id)})
                yield conn
            return
        with self._sqlite_writer:
            conn.execution_options(nsss_immediate=True)
            try:
                with conn.begin():
                    yield conn
            finally:
                conn.execution_options(nsss_immediate=False)

    @contextmanager
    def write_claimed(self, conn: Connection, *, device_id: str, claim: str
                      ) -> Iterator[bool]:
        """The write transaction of one change set: it claims `claim` (the set's id) against
        other workers, then takes the device's lock and the server-log lock (`lock_log`), all
        until it ends. Yields False, with nothing locked, when another worker holds the claim
        (PostgreSQL, in one statement; on SQLite always True: one process serves the file,
        `InFlight` covers it, and the IMMEDIATE transaction excludes every other writer)."""
        if not self.is_pg:
            with self.write(conn, device_id=device_id):
                yield True
            return
        with conn.begin():
            got = conn.execute(_CLAIM_THEN_LOCK, {"claim": lock_key("changeset", claim),
                                                  "dev": lock_key("device", device_id),
                                                  "log": _GLOBAL_LOG_KEY}).scalar_one()
            yield bool(got)

    @contextmanager
    def write_group(self, conn: Connection, *, device_id: str) -> Iterator[Connection]:
        """A write transaction for several change sets of one device (`claim` each one):
        serialised with the device's other writes, holding the server-log lock throughout."""
        if not self.is_pg:
            with self.write(conn, device_id=device_id) as inner:
                yield inner
            return
        with conn.begin():
            conn.execute(_DEVICE_THEN_LOG, {"dev": lock_key("device", device_id),
                                            "log": _GLOBAL_LOG_KEY})
            yield conn

    def mark_set(self, conn: Connection, *, first: bool) -> None:
        """In a `write_group`: what follows belongs to the next change set, and
        `undo_set` undoes it alone. (One savepoint, moved along: on PostgreSQL in a single
        round trip.)"""
        if first:
            conn.exec_driver_sql("SAVEPOINT nsss_set")
        elif self.is_pg:
            conn.exec_driver_sql("RELEASE SAVEPOINT nsss_set; SAVEPOINT nsss_set")
        else:
            conn.exec_driver_sql("RELEASE SAVEPOINT nsss_set")
            conn.exec_driver_sql("SAVEPOINT nsss_set")

    def undo_set(self, conn: Connection) -> None:
        """Undo what the current change set of a `write_group` wrote (see `mark_set`)."""
        conn.exec_driver_sql("ROLLBACK TO SAVEPOINT nsss_set")

    def claim(self, conn: Connection, name: str) -> bool:
        """Claim change set `name` against other workers until the transaction ends (False:
        another worker holds it). Never waits. Always True on SQLite (see `write_claimed`)."""
        if not self.is_pg:
            return True
        return bool(conn.execute(_CLAIM, {"claim": lock_key("changeset", name)}).scalar_one())

    def lock_log(self, conn: Connection) -> None:
        """Take the global server-log lock inside the current write transaction (PostgreSQL;
        on SQLite the IMMEDIATE transaction already excludes every other writer)."""
        if self.is_pg:
            conn.execute(_XACT_LOCK, {"k": _GLOBAL_LOG_KEY})

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
