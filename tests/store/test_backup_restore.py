"""T25: backups taken while another process keeps writing, and restores that never destroy.

The writer (`helpers/writer.py`) prints `committed <txn> <monotonic ns>` after each commit
returns; every txn whose timestamp is before the moment a backup was started must be in that
backup, complete. CLOCK_MONOTONIC is system-wide on Linux, so the timestamps of the two
processes compare.
"""

from __future__ import annotations

import ast
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from nsss_desktop.errors import DatabaseDamaged, DatabaseExists
from nsss_desktop.services import settings
from nsss_desktop.store.backup import backup_to, restore, verify
from nsss_desktop.store.database import Database
from tests.store.conftest import (
    HELPERS,
    PAGE,
    REPO,
    child_env,
    flip_byte,
    run_cli,
    sha256,
)
from tests.store.helpers.checks import parse_committed, writer_txns

CHILDREN = 4


class Writer:
    """`writer.py` running in its own process; its stdout is collected by a thread."""

    def __init__(self, db_path: Path, passphrase: str):
        self.proc = subprocess.Popen(
            [sys.executable, str(HELPERS / "writer.py"), str(db_path), "--tag", "live",
             "--children", str(CHILDREN)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
            text=True, env=child_env(NSSS_PASSPHRASE=passphrase), cwd=REPO)
        self.lines: list[str] = []
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            with self._changed:
                self.lines.append(line)
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    def wait_for_commits(self, n: int) -> None:
        with self._changed:
            while sum(line.startswith("committed ") for line in self.lines) < n:
                assert self.proc.poll() is None, f"writer died: {self.proc.stderr.read()}"
                self._changed.wait(timeout=1.0)

    def commits(self) -> int:
        with self._changed:
            return sum(line.startswith("committed ") for line in self.lines)

    def stop(self) -> dict[str, int]:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=30)
        self._thread.join(timeout=30)
        return parse_committed("".join(self.lines))


def test_backups_taken_during_writes_hold_every_txn_committed_before_them(
        demo_db_file, tmp_path):
    backups = tmp_path / "backups"
    writer = Writer(demo_db_file.path, demo_db_file.passphrase)
    try:
        writer.wait_for_commits(20)
        with Database.open(demo_db_file.path, passphrase=demo_db_file.passphrase,
                           use_keyring=False) as db:
            api_started = time.monotonic_ns()
            backup_to(db, backups / "api.nsssbak")
        seen = writer.commits()
        writer.wait_for_commits(seen + 10)  # the writer was never blocked for good

        cli_started = time.monotonic_ns()
        result = run_cli("--db", str(demo_db_file.path), "backup", str(backups / "cli.nsssbak"),
                         env=child_env(NSSS_PASSPHRASE=demo_db_file.passphrase))
        assert result.returncode == 0, result.stderr
        assert "both integrity checks passed" in result.stdout
        writer.wait_for_commits(writer.commits() + 10)
    finally:
        committed = writer.stop()

    with Database.open(demo_db_file.path, passphrase=demo_db_file.passphrase,
                       use_keyring=False) as live:
        in_live = writer_txns(live, "live", CHILDREN)
    assert set(committed) <= in_live

    for name, started in (("api", api_started), ("cli", cli_started)):
        before = {txn for txn, at in committed.items() if at < started}
        assert len(before) >= 20
        restored_path = tmp_path / f"restored-{name}" / "store.nsssdb"
        assert restore(backups / f"{name}.nsssbak", restored_path,
                       passphrase=demo_db_file.passphrase, use_keyring=False) is None
        with Database.open(restored_path, passphrase=demo_db_file.passphrase,
                           use_keyring=False) as restored:
            report = verify(restored)
            assert report.ok, f"{name}: {report.lines()}"
            in_backup = writer_txns(restored, "live", CHILDREN)  # each one complete
            assert restored.setting("db_id") == restored.db_id
        missing = before - in_backup
        assert not missing, f"{name} backup lacks {len(missing)} txns committed before it"
        assert in_backup <= in_live
    assert len(in_live) > len(before)  # writes went on after the last backup


@pytest.fixture
def backup_and_later(demo_db_file, tmp_path):
    """A backup with era=backup, after which the live database moved on to era=later."""
    with Database.open(demo_db_file.path, passphrase=demo_db_file.passphrase,
                       use_keyring=False) as db:
        settings.set_values(db, {"era": "backup"})
        backup = backup_to(db, tmp_path / "backups" / "b.nsssbak")
        settings.set_values(db, {"era": "later"})
    return backup


def _era(path: Path, passphrase: str) -> str | None:
    with Database.open(path, passphrase=passphrase, use_keyring=False) as db:
        assert verify(db).ok
        return db.setting("era")


def _files(folder: Path) -> dict[str, str]:
    return {p.name: sha256(p) for p in sorted(folder.iterdir()) if p.is_file()}


def test_restore_over_an_existing_database_needs_replace_and_changes_nothing(
        demo_db_file, backup_and_later):
    before = _files(demo_db_file.path.parent)
    backup_before = _files(backup_and_later.parent)
    with pytest.raises(DatabaseExists, match="already exists") as raised:
        restore(backup_and_later, demo_db_file.path, passphrase=demo_db_file.passphrase)
    assert "--replace" in raised.value.hint
    assert _files(demo_db_file.path.parent) == before

    result = run_cli("--db", str(demo_db_file.path), "restore", str(backup_and_later),
                     env=child_env(NSSS_PASSPHRASE=demo_db_file.passphrase))
    assert result.returncode == 3 and "--replace" in result.stderr
    assert "Traceback" not in result.stderr
    assert _files(demo_db_file.path.parent) == before
    assert _files(backup_and_later.parent) == backup_before  # restoring never writes a backup
    assert _era(demo_db_file.path, demo_db_file.passphrase) == "later"


def test_restore_with_replace_keeps_every_replaced_database(demo_db_file, backup_and_later):
    folder = demo_db_file.path.parent
    original = {name: sha256(folder / name) for name in (demo_db_file.path.name,
                                                         demo_db_file.key_file.name)}
    kept = restore(backup_and_later, demo_db_file.path, passphrase=demo_db_file.passphrase,
                   replace=True)
    assert kept is not None and kept.exists() and Path(f"{kept}.keys").exists()
    assert (sha256(kept), sha256(Path(f"{kept}.keys"))) == tuple(original.values())
    assert _era(demo_db_file.path, demo_db_file.passphrase) == "backup"
    assert _era(kept, demo_db_file.passphrase) == "later"

    # Twice more in quick succession (same second): each replaced database is still kept.
    kept_again = [restore(backup_and_later, demo_db_file.path,
                          passphrase=demo_db_file.passphrase, replace=True) for _ in range(2)]
    all_kept = {kept, *kept_again}
    assert len(all_kept) == 3 and all(p.exists() for p in all_kept)
    assert _era(kept, demo_db_file.passphrase) == "later"


@pytest.mark.parametrize("where", ["page-1", "data-page"])
def test_a_damaged_backup_is_refused_before_the_target_is_touched(
        demo_db_file, backup_and_later, where):
    pages = backup_and_later.stat().st_size // PAGE
    offset = 1000 if where == "page-1" else (pages - 2) * PAGE + 1000
    flip_byte(backup_and_later, offset)
    before = _files(demo_db_file.path.parent)
    fresh_target = demo_db_file.path.parent.parent / "fresh" / "new.nsssdb"

    for target, replace in ((demo_db_file.path, True), (fresh_target, False)):
        with pytest.raises(DatabaseDamaged) as raised:
            restore(backup_and_later, target, passphrase=demo_db_file.passphrase,
                    replace=replace)
        assert "Nothing was changed" in raised.value.hint or "not changed" in raised.value.hint
        assert _files(demo_db_file.path.parent) == before  # not even moved aside
        assert not fresh_target.exists() and not fresh_target.parent.exists()

    result = run_cli("--db", str(demo_db_file.path), "restore", "--replace",
                     str(backup_and_later),
                     env=child_env(NSSS_PASSPHRASE=demo_db_file.passphrase))
    assert result.returncode == 6 and "Traceback" not in result.stderr
    assert _files(demo_db_file.path.parent) == before


def test_a_backup_on_read_only_media_restores_and_stays_byte_identical(
        backup_and_later, demo_db_file, tmp_path):
    """The backup folder is made read-only with a read-only bind mount (root, as in CI)."""
    media = tmp_path / "usb-stick"
    media.mkdir()
    binds = [["mount", "--bind", str(backup_and_later.parent), str(media)],
             ["mount", "-o", "remount,bind,ro", str(media)]]
    for command in binds:
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode:
            subprocess.run(["umount", str(media)], capture_output=True)
            pytest.fail(f"{' '.join(command)} failed (needs root, as in CI): {done.stderr}")
    try:
        before = _files(media)
        target = tmp_path / "restored" / "store.nsssdb"
        restore(media / backup_and_later.name, target, passphrase=demo_db_file.passphrase)
        assert _files(media) == before
        assert _era(target, demo_db_file.passphrase) == "backup"
    finally:
        subprocess.run(["umount", str(media)], capture_output=True)


# --- guard: the code never copies a database as a file --------------------------------------

FILE_COPIES = {"copy", "copy2", "copyfile", "copyfileobj", "copytree", "sendfile",
               "copy_file_range"}
BYTE_ACCESS = {"read_bytes", "write_bytes"}
# The store and the CLI (which drives backup and restore) may not touch database bytes at all,
# except where listed: (module, function) pairs that read no database content to copy it.
DATABASE_CODE = ("nsss_desktop/store/", "nsss_desktop/cli.py")
ALLOWED_BINARY_OPENS = {
    ("nsss_desktop/store/engine.py", "check_file"),  # reads the 16-byte header
    ("nsss_desktop/store/backup.py", "_write_verified_copy"),  # fsync of the finished copy
}
DATABASE_WORDS = ("db", "database", "backup", "nsssdb", "wal")


class _CopyFinder(ast.NodeVisitor):
    def __init__(self, module: str):
        self.module = module
        self.strict = module.startswith(DATABASE_CODE)
        self.function = "<module>"
        self.findings: list[str] = []

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        outer, self.function = self.function, node.name
        self.generic_visit(node)
        self.function = outer

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Call(self, node: ast.Call) -> None:
        callee = node.func
        called = callee.attr if isinstance(callee, ast.Attribute) else getattr(callee, "id", "")
        where = f"{self.module}:{node.lineno} {self.function}()"
        if called in FILE_COPIES:
            args = " ".join(ast.unparse(a) for a in node.args).lower()
            if self.strict or any(w in args for w in DATABASE_WORDS):
                self.findings.append(f"{where} calls {called}")
        if self.strict and called in BYTE_ACCESS:
            self.findings.append(f"{where} calls {called}")
        if self.strict and called == "open":
            modes = [a.value for a in node.args[1:2] + [k.value for k in node.keywords
                                                        if k.arg == "mode"]
                     if isinstance(a, ast.Constant)]
            if any("b" in m for m in modes) and \
                    (self.module, self.function) not in ALLOWED_BINARY_OPENS:
                self.findings.append(f"{where} opens a file as bytes")
        self.generic_visit(node)


def file_copy_findings(source: str, module: str) -> list[str]:
    """Calls in `source` that could copy a database file instead of exporting it."""
    finder = _CopyFinder(module)
    finder.visit(ast.parse(source))
    return finder.findings


def test_guard_finds_file_copies_when_there_are_some():
    bad = ("import shutil\n"
           "def backup(db, target):\n"
           "    shutil.copy2(db.path, target)\n"
           "def other(p, q):\n"
           "    with open(p, 'rb') as fh:\n"
           "        q.write_bytes(fh.read())\n"
           "def check_file(path):\n"
           "    open(path, 'rb')\n")
    assert file_copy_findings(bad, "nsss_desktop/store/backup.py") == [
        "nsss_desktop/store/backup.py:3 backup() calls copy2",
        "nsss_desktop/store/backup.py:5 other() opens a file as bytes",
        "nsss_desktop/store/backup.py:6 other() calls write_bytes",
        "nsss_desktop/store/backup.py:8 check_file() opens a file as bytes",  # wrong module
    ]
    # Outside the store, reading evidence files is fine; copying a database is not.
    assert file_copy_findings(bad, "nsss_desktop/services/evidence.py") == [
        "nsss_desktop/services/evidence.py:3 backup() calls copy2"]


def test_no_code_copies_an_open_database_as_a_file():
    """SQLite's howtocorrupt: copying a live database file (and its WAL) can corrupt it.
    Backups must go through sqlcipher_export; nothing in the store reads database bytes."""
    findings = []
    for path in sorted((REPO / "nsss_desktop").rglob("*.py")):
        module = path.relative_to(REPO).as_posix()
        findings += file_copy_findings(path.read_text(encoding="utf-8"), module)
    assert findings == []
