"""T23 at-rest inspection: nothing readable in the database, its WAL or its key file.

The positive controls (the same search over a plaintext export, the same sort with temp files
allowed) show that each search would find what it looks for, so these tests can fail.
"""

from __future__ import annotations

import base64
import csv
import os
from pathlib import Path

import pytest

from nsss_desktop import paths
from nsss_desktop.services.demo import build_demo
from nsss_desktop.store import engine as eng
from nsss_desktop.store import keys
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import Setting
from tests.store.conftest import PASSPHRASE

MARKER = ("NSSS-AT-REST-MARKER সামাজিক নিরাপত্তা কৌশলের গোপন পরীক্ষা-বাক্য "
          "Confidential beneficiary list for Kurigram upazila, 1,234,567 persons ") * 4


def known_plaintexts() -> dict[str, bytes]:
    """Ministry names in English and Bangla from the demo data, and the marker, as UTF-8."""
    demo = paths.demo_data_dir()
    with open(demo / "ministries.csv", encoding="utf-8", newline="") as fh:
        english = [row["name"] for row in csv.DictReader(fh)]
    with open(demo / "names_bn.csv", encoding="utf-8", newline="") as fh:
        bangla = [row["bangla_name"] for row in csv.DictReader(fh)
                  if row["kind"] == "ministry" and row["english_name"] in english]
    assert "Ministry of Social Welfare" in english and "সমাজকল্যাণ মন্ত্রণালয়" in bangla
    found = {name: name.encode("utf-8") for name in english + bangla}
    found["marker"] = MARKER.encode("utf-8")
    found["SQLite header"] = eng.PLAIN_SQLITE_HEADER[:15]
    return found


def readable_in(path: Path, needles: dict[str, bytes]) -> list[str]:
    data = path.read_bytes()
    return [name for name, needle in needles.items() if needle in data]


@pytest.fixture
def loaded(tmp_path):
    db, recovery = Database.create(tmp_path / "rest.nsssdb", PASSPHRASE, use_keyring=False)
    build_demo(db)
    with db.unit_of_work(description="marker") as uow:
        uow.session.add(Setting(key="at_rest_marker", value=MARKER))
    yield db, recovery
    db.close()


def test_database_and_wal_hold_no_plaintext_while_open_and_after_close(loaded, tmp_path):
    db, _ = loaded
    needles = known_plaintexts()
    wal = Path(f"{db.path}-wal")
    assert wal.exists() and wal.stat().st_size > 0, "the open database should have a WAL"
    assert db.setting("at_rest_marker") == MARKER

    for path in (db.path, wal, Path(f"{db.path}-shm")):
        assert readable_in(path, needles) == [], f"plaintext in open {path.name}"

    # Positive control: a plaintext export of the same database shows every needle.
    plain = tmp_path / "plain-export.sqlite"
    conn = eng.connect(db.path, db.raw_key())
    try:
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()
    assert sorted(readable_in(plain, needles)) == sorted(needles)

    db.close()
    leftovers = [p for p in db.path.parent.iterdir() if p.name.startswith(db.path.name)]
    for path in leftovers:
        if path.suffix != ".keys":
            assert readable_in(path, needles) == [], f"plaintext in closed {path.name}"


def test_key_file_holds_no_raw_key_no_passphrase_and_no_recovery_code(loaded):
    db, recovery = loaded
    key = db.raw_key()
    data = keys.key_file_for(db.path).read_bytes()
    forbidden = {
        "raw key bytes": key,
        "raw key hex": key.hex().encode(),
        "raw key HEX": key.hex().upper().encode(),
        "raw key base64": base64.b64encode(key),
        "raw key base64 (no padding)": base64.b64encode(key).rstrip(b"="),
        "passphrase": PASSPHRASE.encode("utf-8"),
        "recovery code": recovery.encode(),
        "recovery code (normalised)": keys.normalise_recovery_code(recovery).encode(),
    }
    assert [name for name, value in forbidden.items() if value in data] == []
    # ...but the key file does open the database with the passphrase (it is the real one).
    db.close()
    with Database.open(db.path, passphrase=PASSPHRASE, use_keyring=False) as again:
        assert again.raw_key() == key


def _open_files() -> set[str]:
    found = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            found.add(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            pass
    return found


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs Linux /proc")
def test_a_large_sort_spills_to_no_temp_file(loaded):
    """With a tiny page cache a big ORDER BY must spill; temp_store = MEMORY keeps it in RAM.

    SQLite unlinks its temp files at once, so they are looked for among open descriptors.
    """
    db, _ = loaded
    sort = ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20) "
            "SELECT j.after_json || n.i AS v FROM change_journal AS j, n "
            "ORDER BY substr(v, 20) DESC")  # the demo's journal 20 times over, a few MB
    spilled = {}
    for temp_store in ("FILE", None):  # FILE: positive control; None: the house PRAGMAs
        conn = eng.connect(db.path, db.raw_key())
        try:
            if temp_store:
                conn.execute(f"PRAGMA temp_store = {temp_store}")
            conn.execute("PRAGMA cache_size = 20")
            before = _open_files()
            cursor = conn.execute(sort)
            assert cursor.fetchone() is not None
            spilled[temp_store] = _open_files() - before
        finally:
            conn.close()
    assert spilled["FILE"], "the control sort did not spill; the test would prove nothing"
    assert spilled[None] == set()
