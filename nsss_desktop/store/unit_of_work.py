"""The single write path: one SQLCipher transaction per unit of work, journaled by triggers.

Opening a unit of work takes the write lock (BEGIN IMMEDIATE) and writes the `uow_context`
row that the journal triggers read (transaction id, user, device, time). Closing it adds the
`journal_txn` header with the number of row changes, removes the context row and commits, all
in the same transaction. An exception anywhere rolls everything back, journal included, so
the database never holds a change without its journal entry or the reverse.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from types import TracebackType

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, delete, func, insert, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from nsss_desktop.domain.ids import new_id
from nsss_desktop.errors import DatabaseBusy, DiskFull
from nsss_desktop.store.models import ChangeJournal, JournalTxn, UowContext

_DISK_FULL_MARKERS = ("database or disk is full", "no space left")


class UnitOfWork:
    """Use via `Database.unit_of_work()`; `session` is a normal SQLAlchemy ORM session."""

    def __init__(self, engine: Engine, *, user_id: str | None, device_id: str | None,
                 description: str, origin: str = "local") -> None:
        self.txn_id = new_id()
        # "local": an edit made here, sealed into the sync outbox at commit when enrolled;
        # "sync": rows written by the sync client from the server, never sealed again.
        self.origin = origin
        self.user_id = user_id
        self.device_id = device_id
        self.description = description
        self.at = datetime.now(UTC).isoformat(timespec="milliseconds")
        self._engine = engine
        self.session: Session
        self.change_count = 0

    def __enter__(self) -> UnitOfWork:
        try:
            self._conn = self._engine.connect().execution_options(nsss_immediate=True)
        except DBAPIError as exc:
            raise _translate(exc) from exc
        try:
            self._tx = self._conn.begin()
        except BaseException as exc:
            self._conn.close()
            raise _translate(exc) from exc
        self.session = Session(bind=self._conn, join_transaction_mode="create_savepoint",
                               autoflush=True, expire_on_commit=False)
        try:
            self.session.execute(insert(UowContext).values(
                slot=1, txn_id=self.txn_id, user_id=self.user_id, device_id=self.device_id,
                at=self.at))
        except BaseException as exc:
            self._abort()
            translated = _translate(exc)
            if translated is exc:
                raise
            raise translated from exc
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc_type is not None:
            self._abort()
            translated = _translate(exc) if exc is not None else None
            if translated is not None and translated is not exc:
                raise translated from exc
            return
        try:
            self.session.flush()
            # Derived tables follow the journal, so every write path (ORM, Core, raw SQL)
            # keeps the dashboard rollups current in this same transaction.
            from nsss_desktop.services.rollup import refresh_for_txn

            refresh_for_txn(self.session, self.txn_id)
            if self.origin != "sync":
                # The sync outbox follows the journal the same way, in this transaction.
                from nsss_desktop.sync_client.seal import seal_unit_of_work

                seal_unit_of_work(self)
            self.change_count = self.session.scalar(
                select(func.count()).select_from(ChangeJournal)
                .where(ChangeJournal.txn_id == self.txn_id)) or 0
            self.session.execute(insert(JournalTxn).values(
                txn_id=self.txn_id, user_id=self.user_id, device_id=self.device_id, at=self.at,
                description=self.description, change_count=self.change_count))
            self.session.execute(delete(UowContext))
            self.session.commit()
            self._tx.commit()
        except BaseException as exc:
            self._abort()
            translated = _translate(exc)
            if translated is exc:
                raise
            raise translated from exc
        finally:
            self._conn.close()

    def _abort(self) -> None:
        try:
            self.session.close()
            if self._tx.is_active:
                self._tx.rollback()
        finally:
            self._conn.close()


def _translate(exc: BaseException) -> BaseException:
    text = str(exc).lower()
    if isinstance(exc, OperationalError | sqlite3.Error | sqlcipher.Error) and any(
        marker in text for marker in _DISK_FULL_MARKERS
    ):
        return DiskFull(
            "The disk is full, so the change could not be saved. Nothing was written.",
            hint="Free some disk space (or move the database to a larger drive) and try again.",
        )
    if isinstance(exc, OperationalError | sqlite3.Error | sqlcipher.Error) and (
        "database is locked" in text or "database is busy" in text
    ):
        return DatabaseBusy(
            "Another program is writing to this database, so the change could not be saved. "
            "Nothing was written.",
            hint="Close the other NSSS window or command (or wait for it to finish), then "
                 "try again.",
        )
    if isinstance(exc, OperationalError | sqlite3.Error | sqlcipher.Error) and (
        "readonly database" in text or "read-only" in text
    ):
        return DatabaseBusy(
            "The database file is read-only, so the change could not be saved.",
            hint="Check that the file and its folder may be written to (not a CD, a locked "
                 "share or a read-only copy).",
        )
    return exc
