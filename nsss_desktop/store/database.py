"""Create, unlock and open the installation's encrypted database.

`Database.create` makes the key, its three wraps and the schema; `Database.open` unlocks with
the keyring, a passphrase or the recovery code (in that order), checks the file before it
touches it, and upgrades an older schema after an automatic backup. Everything that changes
data goes through `Database.unit_of_work()`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from nsss_desktop.domain.ids import new_id
from nsss_desktop.errors import (
    DatabaseDamaged,
    DatabaseExists,
    DatabaseMissing,
    Locked,
    MigrationFailed,
    WrongPassphrase,
)
from nsss_desktop.store import engine as eng
from nsss_desktop.store import keyring_store, keys, migrate
from nsss_desktop.store.models import Setting
from nsss_desktop.store.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass
class UnlockInfo:
    """How the key was obtained and what opening cost, for `unlock-check` and the bench."""

    method: str
    seconds: float
    migrated_from: str | None = None
    pre_upgrade_backup: Path | None = None
    notes: list[str] = field(default_factory=list)


class Database:
    """An unlocked installation database. Close it when done (or use it as a context manager)."""

    def __init__(self, path: Path, key: bytes, key_file: keys.KeyFile, unlock: UnlockInfo,
                 *, read_only: bool = False):
        self.path = path
        self.read_only = read_only
        self.db_id = key_file.db_id
        self.unlock = unlock
        self._key = key
        self._key_file = key_file
        self.engine: Engine = eng.make_engine(path, key, wal=not read_only)

    # --- lifecycle ----------------------------------------------------------------------------

    @classmethod
    def create(
        cls, path: Path, passphrase: str, *, use_keyring: bool = True, revision: str = "head"
    ) -> tuple[Database, str]:
        """Create a new encrypted database; return it and the recovery code (shown once).

        `revision` stops the schema at an older migration; tests use it to check upgrades.
        """
        path = Path(path)
        if path.exists() or keys.key_file_for(path).exists():
            raise DatabaseExists(
                f"{path} already exists.",
                hint="Open it instead, or choose another file name. Nothing was changed.",
            )
        keys.check_passphrase_strength(passphrase)
        path.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        db_key, db_id, recovery = keys.new_db_key(), new_id(), keys.new_recovery_code()
        key_file = keys.KeyFile(
            db_id=db_id,
            created_at=utc_now(),
            wraps={
                "passphrase": keys.wrap(db_key, keys.normalise_passphrase(passphrase), db_id,
                                        "passphrase"),
                "recovery": keys.wrap(db_key, keys.normalise_recovery_code(recovery), db_id,
                                      "recovery"),
            },
        )
        stored = use_keyring and keyring_store.store_key(db_id, db_key)
        key_file.save(keys.key_file_for(path))
        db = cls(path, db_key, key_file,
                 UnlockInfo("created", 0.0, notes=[] if stored else ["keyring unavailable"]))
        try:
            migrate.upgrade(db.engine, revision)
            with db.unit_of_work(description="Create database") as uow:
                uow.session.add(Setting(key="db_id", value=db_id))
                uow.session.add(Setting(key="created_at", value=key_file.created_at))
            db._ensure_derived()
        except Exception:
            db.close()
            raise
        db.unlock.seconds = time.perf_counter() - started
        return db, recovery

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        passphrase: str | None = None,
        recovery_code: str | None = None,
        use_keyring: bool = True,
        upgrade: bool = True,
        read_only: bool = False,
    ) -> Database:
        """Unlock and open; raise a typed error that says what to do when that is not possible.

        `read_only=True` (for backups being restored) never writes to the file: no upgrade and
        no switch to WAL mode. Writing through such a Database is not supported.
        """
        path = Path(path)
        if not path.exists():
            raise DatabaseMissing(
                f"No database at {path}.",
                hint="Create one with 'nsss-desktop init' (or 'nsss-desktop demo'), or pass "
                     "--db with the right path.",
            )
        started = time.perf_counter()
        eng.check_file(path)
        key_file = keys.KeyFile.load(keys.key_file_for(path))
        key, method = cls._obtain_key(key_file, passphrase, recovery_code, use_keyring)
        try:
            eng.probe(path, key, wal=not read_only)
        except DatabaseDamaged:
            if method != "keyring":
                raise
            # A stale or altered keyring entry is not a damaged file: ask for the passphrase.
            log.warning("the key in the OS keyring does not open this database; ignoring it")
            cls._obtain_key(key_file, None, None, use_keyring=False)  # raises Locked
            raise
        db = cls(path, key, key_file, UnlockInfo(method, 0.0), read_only=read_only)
        try:
            if upgrade and not read_only:
                db._upgrade_if_needed()
                db._ensure_derived()
        except Exception:
            db.close()
            raise
        db.unlock.seconds = time.perf_counter() - started
        return db

    @staticmethod
    def _obtain_key(
        key_file: keys.KeyFile, passphrase: str | None, recovery_code: str | None,
        use_keyring: bool,
    ) -> tuple[bytes, str]:
        if passphrase is not None:
            return keys.unwrap(key_file.wraps["passphrase"], keys.normalise_passphrase(passphrase),
                               key_file.db_id, "passphrase"), "passphrase"
        if recovery_code is not None:
            return keys.unwrap(key_file.wraps["recovery"],
                               keys.normalise_recovery_code(recovery_code), key_file.db_id,
                               "recovery"), "recovery code"
        if use_keyring:
            key = keyring_store.load_key(key_file.db_id)
            if key is not None:
                return key, "keyring"
        raise Locked(
            "This database is locked.",
            hint="Enter the passphrase (or the recovery code printed at set-up); for scripts "
                 "use --passphrase-file or NSSS_PASSPHRASE.",
        )

    def _upgrade_if_needed(self) -> None:
        try:
            current = migrate.current_revision(self.engine)
        except DBAPIError as exc:  # a page past the schema pages does not decrypt
            raise eng.damaged(self.path, exc.orig or exc) from exc
        head = migrate.head_revision()
        if current == head:
            return
        if current is not None and not migrate.is_known_revision(current):
            raise MigrationFailed(
                f"This database has schema version {current}, which this version of NSSS M&E "
                "Desktop does not know: it was made or upgraded by a newer version.",
                hint="Install the newer version of the app. The database was not changed.")
        from nsss_desktop.store.backup import backup_to  # local: backup imports this module

        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = self.path.with_name(f"{self.path.name}.pre-{head}-{stamp}.nsssbak")
        backup_to(self, target)
        log.info("upgrading schema %s -> %s after backup %s", current, head, target)
        try:
            migrate.upgrade(self.engine)
        except Exception as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]  # no SQL
            raise MigrationFailed(
                f"Upgrading the database from version {current} to {head} failed: {reason}",
                hint=f"The database was not changed; a backup was also saved as {target.name}.",
            ) from exc
        self.unlock.migrated_from = current
        self.unlock.pre_upgrade_backup = target

    def _ensure_derived(self) -> None:
        """Build the dashboard rollups if this schema has them and they are missing or stale
        (a new database, an upgrade, or a new rollup rule)."""
        with self.engine.connect() as conn:  # cheaper than asking alembic for the revision
            if conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                                    "name = 'derived_state'").first() is None:
                return  # a schema older than 0005 (kept only when upgrade=False)
        from nsss_desktop.services import rollup  # local: the store does not need services

        if rollup.ensure_current(self):
            log.info("dashboard rollups rebuilt (rule version %s)", rollup.ROLLUP_VERSION)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- key management -----------------------------------------------------------------------

    @property
    def key_file(self) -> keys.KeyFile:
        return self._key_file

    def raw_key(self) -> bytes:
        """The raw key, for backup/restore within the store package only; never log it."""
        return self._key

    def change_passphrase(self, old: str, new: str) -> None:
        keys.unwrap(self._key_file.wraps["passphrase"], keys.normalise_passphrase(old),
                    self.db_id, "passphrase")
        keys.check_passphrase_strength(new)
        self._key_file.wraps["passphrase"] = keys.wrap(
            self._key, keys.normalise_passphrase(new), self.db_id, "passphrase")
        self._key_file.save(keys.key_file_for(self.path))

    def remember_in_keyring(self) -> bool:
        return keyring_store.store_key(self.db_id, self._key)

    # --- sessions -----------------------------------------------------------------------------

    @contextmanager
    def unit_of_work(self, *, user_id: str | None = None, description: str = "",
                     device_id: str | None = None,
                     origin: str = "local") -> Iterator[UnitOfWork]:
        """The one write path: domain rows and their journal entries commit together or not.

        `origin="sync"` is for the sync client applying server rows: those are not sealed
        into the outbox again."""
        with UnitOfWork(self.engine, user_id=user_id, device_id=device_id,
                        description=description, origin=origin) as uow:
            yield uow

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A read session; objects stay readable after it closes (closing detaches, it does not
        expire them). Any attempted write fails in the journal trigger guard."""
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    def setting(self, key: str, default: str | None = None) -> str | None:
        with self.reader() as s:
            value = s.scalar(select(Setting.value).where(Setting.key == key))
        return default if value is None else value


def require_passphrase_text(passphrase: str | None) -> str:
    if not passphrase:
        raise WrongPassphrase("An empty passphrase was given.", hint="Type the passphrase.")
    return passphrase
