"""SQLCipher connections and the SQLAlchemy engine over them.

Connections are keyed with the raw 256-bit key (`PRAGMA key = "x'…'"`), so opening one costs
about a millisecond: the KDF ran once at unlock. The PRAGMAs follow the architecture note.
Transactions are begun explicitly (`isolation_level=None` + our own BEGIN), so that a unit of
work can take the write lock up front with BEGIN IMMEDIATE and never fail half-way with "busy".
"""

from __future__ import annotations

import os
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from nsss_desktop.errors import DatabaseDamaged, NotAnNsssDatabase

PAGE_SIZE = 4096
CACHE_SIZE_KIB = 65536  # 64 MiB: SQLCipher decrypts on every cache miss
PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"


def key_pragma(key: bytes) -> str:
    return f"PRAGMA key = \"x'{key.hex()}'\""


def check_file(path: Path) -> None:
    """Tell a plaintext SQLite file, an empty or truncated file, from an encrypted database."""
    size = path.stat().st_size
    with open(path, "rb") as fh:
        head = fh.read(16)
    if head == PLAIN_SQLITE_HEADER:
        raise NotAnNsssDatabase(
            f"{path.name} is an unencrypted SQLite file, not an NSSS database.",
            hint="Choose the .nsssdb file of your installation. Nothing was changed.",
        )
    if size == 0 or size % PAGE_SIZE:
        raise DatabaseDamaged(
            f"{path.name} is truncated ({size:,} bytes, not a whole number of pages).",
            hint="The file was not changed. Restore the latest backup with "
                 "'nsss-desktop restore BACKUP', or ask GED IT for help.",
        )


def connect(path: Path, key: bytes, *, timeout: float = 30.0,
            wal: bool = True) -> sqlcipher.Connection:
    """Open one keyed connection with the house PRAGMAs; the caller checks it can read.

    `wal=False` leaves the file's journal mode as it is, so that only reading it never writes
    to it: a backup being restored stays byte-for-byte intact and may sit on read-only media.
    """
    conn = sqlcipher.connect(str(path), timeout=timeout, isolation_level=None,
                             check_same_thread=False)
    try:
        conn.execute(key_pragma(key))
        # OFF, unlike the first architecture note: ON wipes every allocation SQLite frees and made
        # trigger-heavy writes 7-9x slower (10,000 activities: 112 s vs 12.6 s). SQLCipher still
        # wipes its own key material; the raw key lives only in this process while unlocked.
        conn.execute("PRAGMA cipher_memory_security = OFF")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute(f"PRAGMA cache_size = -{CACHE_SIZE_KIB}")
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        if wal:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    except BaseException:
        conn.close()  # never leave a handle open on a file we could not key
        raise
    return conn


def probe(path: Path, key: bytes, *, wal: bool = True) -> None:
    """Read the schema with the key; a key that unwrapped but cannot read means a damaged file."""
    try:
        conn = connect(path, key, wal=wal)
    except sqlcipher.DatabaseError as exc:
        raise damaged(path, exc) from exc
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        raise damaged(path, exc) from exc
    finally:
        conn.close()


def damaged(path: Path, exc: Exception) -> DatabaseDamaged:
    return DatabaseDamaged(
        f"{path.name} cannot be read with its key: the file is damaged or does not belong to "
        f"the key file beside it ({exc}).",
        hint="The file was not changed. Restore the latest backup with "
             "'nsss-desktop restore BACKUP'.",
    )


def make_engine(path: Path, key: bytes, *, wal: bool = True) -> Engine:
    """An engine whose pool hands out keyed connections; UoWs ask for BEGIN IMMEDIATE."""
    engine = create_engine(
        "sqlite://",
        module=sqlcipher,
        creator=lambda: connect(path, key, wal=wal),
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:  # noqa: ANN001 - SQLAlchemy event signature
        immediate = conn.get_execution_options().get("nsss_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def fsync_dir(path: Path) -> None:
    """Make a rename durable (POSIX); a no-op where directories cannot be opened (Windows)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
