"""The index holds the text it searches (and its own word list), so it must be as encrypted as
the rows: nothing of a distinctive phrase may reach the database file, its WAL or a backup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from nsss_desktop.services.search import search
from nsss_desktop.store.backup import backup_to
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import Comment
from nsss_desktop.store.search_index import TOKENIZE

from .conftest import AS_OF, PASSPHRASE

MARKER_BN = "ঝলমলেপ্রজাপতিচিহ্ন"  # one long made-up word: appears nowhere by chance
MARKER_EN = "zqxjvmarkerword"


def leaks(path: Path) -> list[str]:
    """Which marker encodings appear in the raw bytes of `path` (and its -wal, if any)."""
    found = []
    for file in (path, Path(f"{path}-wal")):
        if not file.exists():
            continue
        data = file.read_bytes()
        for marker in (MARKER_BN, MARKER_EN):
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                if marker.encode(encoding) in data:
                    found.append(f"{file.name}: {marker} as {encoding}")
    return found


def test_the_check_finds_the_markers_in_a_plain_sqlite_index(tmp_path):
    """Control: the same FTS5 table unencrypted shows the markers, so the check can see them."""
    path = tmp_path / "plain.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f'CREATE VIRTUAL TABLE t USING fts5(x, tokenize = "{TOKENIZE}")')
    conn.execute("INSERT INTO t (x) VALUES (?)", (f"{MARKER_BN} {MARKER_EN}",))
    conn.commit()
    assert any("-wal" in leak for leak in leaks(path))
    conn.close()
    assert leaks(path)


def test_indexed_text_never_reaches_disk_in_plaintext(fresh_plan, tmp_path):
    db = fresh_plan.db
    with db.unit_of_work(description="marker comment") as uow:
        uow.session.add(Comment(activity_id=fresh_plan.a1, body=f"{MARKER_BN} {MARKER_EN}",
                                created_at="2023-06-01T00:00:00.000+00:00"))
    with db.reader() as s:
        assert search(s, MARKER_BN, as_of=AS_OF).total == 1
        assert search(s, MARKER_EN[:6], as_of=AS_OF).total == 1
    assert Path(f"{db.path}-wal").stat().st_size > 0  # the write is still in the WAL
    assert leaks(db.path) == []

    backup = backup_to(db, tmp_path / "copy.nsssbak")
    assert leaks(backup) == []
    db.close()
    assert leaks(db.path) == []  # after the checkpoint on close

    with Database.open(backup, passphrase=PASSPHRASE, use_keyring=False) as copy:
        with copy.reader() as s:
            (hit,) = search(s, MARKER_BN, as_of=AS_OF).hits
        assert hit.kind == "comment" and hit.activity_id == fresh_plan.a1
