"""A real full disk (ENOSPC on a small tmpfs): the failed write leaves nothing, nothing is lost.

Mounting needs root. CI runs as root on the same kind of machine, so a mount failure is a test
failure, never a skip: a skipped disk-full test would hide exactly the case it exists for.
"""

from __future__ import annotations

import hashlib
import secrets
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select

from nsss_desktop.errors import DiskFull
from nsss_desktop.store.backup import backup_to, verify
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import ChangeJournal, JournalTxn, Setting
from tests.store.conftest import PASSPHRASE


def _mount_tmpfs(where: Path, size: str) -> None:
    where.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs",
                             str(where)], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"could not mount a {size} tmpfs at {where} (this test needs root, as in "
                    f"CI): {result.stderr.strip() or result.returncode}")


def _unmount(where: Path) -> None:
    if subprocess.run(["umount", str(where)], capture_output=True).returncode != 0:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


@pytest.fixture
def small_disk(tmp_path):
    where = tmp_path / "small-disk"
    _mount_tmpfs(where, "3m")
    try:
        yield where
    finally:
        _unmount(where)


@pytest.fixture
def tiny_disk(tmp_path):
    where = tmp_path / "tiny-disk"
    _mount_tmpfs(where, "256k")
    try:
        yield where
    finally:
        _unmount(where)


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def test_a_unit_of_work_that_fills_the_disk_leaves_nothing_and_loses_nothing(small_disk):
    db, _ = Database.create(small_disk / "full.nsssdb", PASSPHRASE, use_keyring=False)
    try:
        filler = small_disk / "filler.bin"
        filler.write_bytes(b"\0" * 1024 * 1024)
        committed: dict[str, str] = {}
        failed_txn = error = None
        for n in range(500):
            key, value = f"fill{n:04d}", secrets.token_hex(8 * 1024)
            attempt = None
            try:
                with db.unit_of_work(description=f"fill {n}") as uow:
                    attempt = uow.txn_id
                    uow.session.add(Setting(key=key, value=value))
                    uow.session.add(Setting(key=key + "-twin", value=value[::-1]))
            except DiskFull as exc:
                failed_txn, error, failed_key = attempt, exc, key
                break
            committed[key] = _digest(value)
        assert error is not None, "the 3 MiB disk never filled up"
        assert len(committed) >= 5, "the disk was full before anything could be written"
        assert "disk is full" in str(error) and "Free some disk space" in error.hint

        def state():
            with db.reader() as s:
                settings = {k: _digest(v) for k, v in s.execute(
                    select(Setting.key, Setting.value).where(Setting.key.like("fill%")))}
                failed_rows = (
                    s.scalar(select(func.count()).where(ChangeJournal.txn_id == failed_txn)),
                    s.scalar(select(func.count()).where(JournalTxn.txn_id == failed_txn)))
            return settings, failed_rows

        settings, failed_rows = state()
        assert failed_key not in settings and failed_key + "-twin" not in settings
        assert failed_rows == (0, 0), "journal rows of the failed unit of work were kept"
        assert {k: settings[k] for k in committed} == committed
        assert len(settings) == 2 * len(committed)

        filler.unlink()
        report = verify(db)
        assert report.ok, report.lines()
        with db.unit_of_work(description="after freeing space") as uow:
            uow.session.add(Setting(key=failed_key, value="written after space was freed"))
        assert db.setting(failed_key) == "written after space was freed"
    finally:
        db.close()

    with Database.open(small_disk / "full.nsssdb", passphrase=PASSPHRASE,
                       use_keyring=False) as again:
        assert verify(again).ok
        assert again.setting(failed_key) == "written after space was freed"
        with again.reader() as s:
            assert s.scalar(select(func.count()).where(Setting.key.like("fill%"))) == \
                2 * len(committed) + 1


def test_a_backup_onto_a_full_disk_fails_cleanly_and_leaves_no_partial_file(
        demo_db_file, tiny_disk):
    target = tiny_disk / "backup.nsssbak"
    with Database.open(demo_db_file.path, passphrase=demo_db_file.passphrase,
                       use_keyring=False) as db:
        assert db.path.stat().st_size > 256 * 1024  # larger than the disk
        with pytest.raises(DiskFull, match="backup was not written"):
            backup_to(db, target)
        assert list(tiny_disk.iterdir()) == []
        assert verify(db).ok
