"""Backup, restore and verification of the encrypted database.

A backup is made with `sqlcipher_export` inside one read transaction on its own connection:
under WAL this is a consistent snapshot even while other connections keep writing, and the
result is encrypted with the same key. It is written to `<target>.partial`, checked with
`integrity_check` and `cipher_integrity_check`, and only then renamed into place, with the key
file saved beside it as `<target>.keys`. An open database is never copied as a file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from nsss_desktop.errors import BackupFailed, DatabaseDamaged, DatabaseExists, DiskFull
from nsss_desktop.store import engine as eng
from nsss_desktop.store import keys
from nsss_desktop.store.database import Database


@dataclass
class VerifyReport:
    integrity: list[str]
    cipher_integrity: list[str]
    journal_problems: list[str]

    @property
    def ok(self) -> bool:
        return self.integrity == ["ok"] and not self.cipher_integrity and not self.journal_problems

    def lines(self) -> list[str]:
        return [
            f"integrity_check: {'ok' if self.integrity == ['ok'] else '; '.join(self.integrity)}",
            "cipher_integrity_check: "
            + ("ok" if not self.cipher_integrity else "; ".join(self.cipher_integrity)),
            "change journal: "
            + ("ok" if not self.journal_problems else "; ".join(self.journal_problems)),
        ]


def check_connection(conn: sqlcipher.Connection) -> VerifyReport:
    """Run the three checks; a page that cannot even be read is reported, never raised.

    `cipher_integrity_check` runs first: it reads every page on its own and names the pages
    whose HMAC fails, whereas `integrity_check` (and the journal queries) stop with an error
    such as "SQL logic error" at the first page that does not decrypt.
    """
    try:
        cipher = [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")]
    except (sqlcipher.Error, MemoryError) as exc:
        cipher = [f"could not check every page ({exc or type(exc).__name__})"]
    try:
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    except (sqlcipher.Error, MemoryError) as exc:
        integrity = [f"could not read the whole database ({exc or type(exc).__name__})"]
    try:
        problems = _journal_problems(conn)
    except (sqlcipher.Error, MemoryError) as exc:
        problems = [f"could not be read ({exc or type(exc).__name__})"]
    return VerifyReport(integrity, cipher, problems)


def _journal_problems(conn: sqlcipher.Connection) -> list[str]:
    problems: list[str] = []
    if conn.execute("SELECT count(*) FROM uow_context").fetchone()[0]:
        problems.append("an unfinished unit of work is recorded as committed")
    orphans = conn.execute(
        "SELECT count(*) FROM change_journal WHERE txn_id NOT IN (SELECT txn_id FROM journal_txn)"
    ).fetchone()[0]
    if orphans:
        problems.append(f"{orphans} journal entries without a transaction header")
    mismatched = conn.execute(
        "SELECT count(*) FROM journal_txn t WHERE change_count != "
        "(SELECT count(*) FROM change_journal j WHERE j.txn_id = t.txn_id)"
    ).fetchone()[0]
    if mismatched:
        problems.append(f"{mismatched} transactions whose change count does not match")
    return problems


def verify(db: Database) -> VerifyReport:
    conn = eng.connect(db.path, db.raw_key(), wal=not db.read_only)
    try:
        return check_connection(conn)
    finally:
        conn.close()


def _export(source: sqlcipher.Connection, target: Path, key: bytes) -> None:
    source.execute(f"ATTACH DATABASE ? AS nsss_backup KEY \"x'{key.hex()}'\"", (str(target),))
    try:
        source.execute("BEGIN")
        source.execute("SELECT sqlcipher_export('nsss_backup')")
        source.execute("COMMIT")
    except BaseException:
        if source.in_transaction:
            source.execute("ROLLBACK")
        raise
    finally:
        source.execute("DETACH DATABASE nsss_backup")


def _write_verified_copy(source_path: Path, key: bytes, target: Path, *,
                         source_wal: bool = True) -> None:
    partial = target.with_name(target.name + ".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    source = eng.connect(source_path, key, wal=source_wal)
    try:
        _export(source, partial, key)
    except sqlcipher.Error as exc:
        partial.unlink(missing_ok=True)
        if "full" in str(exc).lower():
            raise DiskFull("The disk is full; the backup was not written.",
                           hint="Free space on the backup drive and try again.") from exc
        raise BackupFailed(f"The backup could not be written: {exc}",
                           hint="The database itself is unchanged.") from exc
    finally:
        source.close()
    check = eng.connect(partial, key)
    try:
        check.execute("PRAGMA journal_mode = DELETE")  # a single self-contained file
        report = check_connection(check)
    finally:
        check.close()
    if not report.ok:
        partial.unlink(missing_ok=True)
        raise BackupFailed("The backup copy failed its integrity check: "
                           + "; ".join(report.lines()), hint="The database itself is unchanged.")
    with open(partial, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(partial, target)
    eng.fsync_dir(target.parent)


def backup_to(db: Database, target: Path, *, overwrite: bool = False) -> Path:
    """Write a verified, encrypted backup of `db` to `target` (+ `target.keys`)."""
    target = Path(target)
    if target.exists() and not overwrite:
        raise DatabaseExists(f"{target} already exists.",
                             hint="Choose a new file name for the backup.")
    target.parent.mkdir(parents=True, exist_ok=True)
    _write_verified_copy(db.path, db.raw_key(), target, source_wal=not db.read_only)
    db.key_file.save(keys.key_file_for(target))
    return target


def restore(backup: Path, target: Path, *, passphrase: str | None = None,
            recovery_code: str | None = None, use_keyring: bool = True,
            replace: bool = False) -> Path | None:
    """Restore `backup` as the database at `target`; return where the replaced one was kept.

    The backup is unlocked and fully verified before anything at `target` is touched. An
    existing database is never deleted: with `replace=True` it is renamed aside first.
    """
    backup, target = Path(backup), Path(target)
    with Database.open(backup, passphrase=passphrase, recovery_code=recovery_code,
                       use_keyring=use_keyring, upgrade=False, read_only=True) as source:
        report = verify(source)
        if not report.ok:
            raise DatabaseDamaged(f"The backup {backup.name} is damaged: "
                                  + "; ".join(report.lines()),
                                  hint="Choose an older backup. Nothing was changed.")
        kept: Path | None = None
        if target.exists():
            if not replace:
                raise DatabaseExists(
                    f"A database already exists at {target}.",
                    hint="Use --replace to restore over it; the current one is kept aside "
                         "as a .replaced file, never deleted.")
        # Write and verify the restored copy beside the target first: if that fails (disk full,
        # I/O error), the database in use has not been moved and is still there.
        target.parent.mkdir(parents=True, exist_ok=True)
        staged = target.with_name(f"{target.name}.restoring")
        _write_verified_copy(source.path, source.raw_key(), staged, source_wal=False)
        if target.exists():
            kept = _move_aside(target)
        os.replace(staged, target)
        source.key_file.save(keys.key_file_for(target))
        eng.fsync_dir(target.parent)
    return kept


def _move_aside(target: Path) -> Path:
    from datetime import UTC, datetime

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = target.with_name(f"{target.name}.replaced-{stamp}")
    n = 1
    while any(Path(f"{kept}{suffix}").exists() for suffix in ("", "-wal", "-shm", ".keys")):
        n += 1  # never replace (that is, delete) a database kept aside earlier this second
        kept = target.with_name(f"{target.name}.replaced-{stamp}-{n}")
    for suffix in ("", "-wal", "-shm", ".keys"):
        src = Path(f"{target}{suffix}")
        if src.exists():
            os.replace(src, Path(f"{kept}{suffix}"))
    return kept
