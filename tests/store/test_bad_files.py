"""Damaged, foreign and missing files: a clear, typed error, the right exit code, no change.

The passphrase given is always the right one here, so none of these may be reported as a wrong
passphrase. Each test hashes the files it damages and checks that opening them changed nothing.
"""

from __future__ import annotations

import json
import os
import sqlite3

import pytest
from sqlalchemy import text

from nsss_desktop.errors import (
    DatabaseDamaged,
    KeyFileMissing,
    NotAnNsssDatabase,
    NsssError,
    WrongPassphrase,
)
from nsss_desktop.store.backup import verify
from nsss_desktop.store.database import Database
from tests.store.conftest import PAGE, child_env, flip_byte, run_cli, sha256


def cli(made, *args: str):
    return run_cli("--db", str(made.path), *args,
                   env=child_env(NSSS_PASSPHRASE=made.passphrase))


def open_fails(made, expected: type[NsssError]) -> NsssError:
    """Open with the right passphrase; return the error, after checking nothing changed."""
    before = sha256(made.path)
    key_file_before = sha256(made.key_file) if made.key_file.exists() else None
    with pytest.raises(NsssError) as raised:
        Database.open(made.path, passphrase=made.passphrase, use_keyring=False)
    assert not isinstance(raised.value, WrongPassphrase), str(raised.value)
    assert isinstance(raised.value, expected), f"{type(raised.value).__name__}: {raised.value}"
    assert sha256(made.path) == before, "the database file was changed"
    if key_file_before:
        assert sha256(made.key_file) == key_file_before, "the key file was changed"
    return raised.value


def test_a_plain_sqlite_file_is_not_an_nsss_database(demo_db_file):
    plain = demo_db_file.path  # reuse its name and key file; replace the database itself
    plain.unlink()
    conn = sqlite3.connect(plain)
    conn.execute("CREATE TABLE ministry (name TEXT)")
    conn.execute("INSERT INTO ministry VALUES ('Ministry of Social Welfare')")
    conn.commit()
    conn.close()
    error = open_fails(demo_db_file, NotAnNsssDatabase)
    assert "unencrypted SQLite file" in str(error)

    before = sha256(plain)
    result = cli(demo_db_file, "unlock-check")
    assert result.returncode == 5
    assert "unencrypted SQLite file" in result.stderr and "Traceback" not in result.stderr
    assert sha256(plain) == before


def _truncate(path, size: int) -> None:
    with open(path, "r+b") as fh:
        fh.truncate(size)


@pytest.mark.parametrize("cut", ["ragged", "half-the-pages"])
def test_a_truncated_database_is_reported_as_damaged(demo_db_file, cut):
    pages = demo_db_file.path.stat().st_size // PAGE
    assert pages > 20
    size = pages * PAGE - 1000 if cut == "ragged" else (pages // 2) * PAGE
    _truncate(demo_db_file.path, size)
    error = open_fails(demo_db_file, DatabaseDamaged)
    assert "restore" in error.hint.lower()
    assert demo_db_file.path.stat().st_size == size

    if cut == "half-the-pages":
        result = cli(demo_db_file, "unlock-check")
        assert result.returncode == 6 and "Traceback" not in result.stderr
        assert "nsss-desktop restore" in result.stderr


def _root_page(made, table: str) -> int:
    with Database.open(made.path, passphrase=made.passphrase, use_keyring=False) as db, \
            db.engine.connect() as conn:
        return conn.execute(text("SELECT rootpage FROM sqlite_master WHERE name = :t"),
                            {"t": table}).scalar_one()


def test_a_flipped_byte_in_a_data_page_is_caught_by_cipher_integrity_check(demo_db_file):
    page = _root_page(demo_db_file, "figure")
    assert page > 1
    flip_byte(demo_db_file.path, (page - 1) * PAGE + 1500)
    before = sha256(demo_db_file.path)

    with Database.open(demo_db_file.path, passphrase=demo_db_file.passphrase,
                       use_keyring=False) as db:
        report = verify(db)
    assert not report.ok
    assert report.cipher_integrity == [f"HMAC verification failed for page {page}"]
    assert report.integrity != ["ok"]

    result = cli(demo_db_file, "verify")
    assert result.returncode == 6, result.stdout + result.stderr
    assert f"cipher_integrity_check: HMAC verification failed for page {page}" in result.stdout
    assert "nsss-desktop restore BACKUP" in result.stdout
    assert "Traceback" not in result.stderr
    assert sha256(demo_db_file.path) == before


def test_verify_of_an_intact_database_exits_0(demo_db_file):
    result = cli(demo_db_file, "verify")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "integrity_check: ok", "cipher_integrity_check: ok", "change journal: ok",
        "dashboard rollups: ok"]


@pytest.mark.parametrize("offset", [5, 2000], ids=["in-the-salt", "in-the-page"])
def test_a_flipped_byte_in_page_1_is_reported_as_damaged_on_open(demo_db_file, offset):
    flip_byte(demo_db_file.path, offset)
    error = open_fails(demo_db_file, DatabaseDamaged)
    assert "damaged" in str(error) and "nsss-desktop restore" in error.hint
    if offset == 2000:
        result = cli(demo_db_file, "unlock-check")
        assert result.returncode == 6 and "Traceback" not in result.stderr


def test_a_damaged_page_past_the_schema_is_reported_as_damaged_on_open(demo_db_file):
    page = _root_page(demo_db_file, "alembic_version")  # read by every open
    assert page > 1
    flip_byte(demo_db_file.path, (page - 1) * PAGE + 100)
    open_fails(demo_db_file, DatabaseDamaged)


def test_a_missing_key_file_says_where_to_find_it(demo_db_file):
    demo_db_file.key_file.unlink()
    error = open_fails(demo_db_file, KeyFileMissing)
    assert demo_db_file.key_file.name in str(error) and ".keys" in error.hint
    result = cli(demo_db_file, "unlock-check")
    assert result.returncode == 5 and "Traceback" not in result.stderr
    assert "key file" in result.stderr


def _wraps(made) -> dict:
    return json.loads(made.key_file.read_text())


JUNK_KEY_FILES = {
    "random-bytes": lambda made: os.urandom(700),
    "text": lambda made: b"hello, I am not a key file",
    "json-list": lambda made: b"[1, 2, 3]",
    "no-wraps": lambda made: json.dumps({**_wraps(made), "wraps": {}}).encode(),
    "bad-base64": lambda made: json.dumps({**_wraps(made), "wraps": {
        **_wraps(made)["wraps"], "passphrase": {**_wraps(made)["wraps"]["passphrase"],
                                                "salt": "!!not base64!!"}}}).encode(),
    "bad-scrypt-n": lambda made: json.dumps({**_wraps(made), "wraps": {
        **_wraps(made)["wraps"], "passphrase": {**_wraps(made)["wraps"]["passphrase"],
                                                "n": 1000}}}).encode(),
    "other-format": lambda made: json.dumps({**_wraps(made), "format": "nsss-keys/9"}).encode(),
}


@pytest.mark.parametrize("junk", JUNK_KEY_FILES)
def test_a_junk_key_file_is_not_an_nsss_key_file(demo_db_file, junk):
    demo_db_file.key_file.write_bytes(JUNK_KEY_FILES[junk](demo_db_file))
    error = open_fails(demo_db_file, NotAnNsssDatabase)
    assert "key file" in str(error)
    if junk in ("json-list", "bad-base64"):
        result = cli(demo_db_file, "unlock-check")
        assert result.returncode == 5, result.stderr
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize("size", [0, 10_000, 8192], ids=["empty", "ragged", "whole-pages"])
def test_a_random_bytes_file_gets_a_clear_error(demo_db_file, size):
    demo_db_file.path.write_bytes(os.urandom(size))
    expected = KeyFileMissing if size == 8192 else DatabaseDamaged
    demo_db_file.key_file.unlink()
    open_fails(demo_db_file, expected)


def test_random_bytes_beside_a_real_key_file_are_reported_as_damaged(demo_db_file):
    demo_db_file.path.write_bytes(os.urandom(8 * PAGE))
    error = open_fails(demo_db_file, DatabaseDamaged)
    assert "does not belong to the key file" in str(error)


def test_a_key_file_of_another_database_is_not_taken_for_a_wrong_passphrase(
        demo_db_file, empty_db):
    """Both were created with the same passphrase, each with its own random key."""
    os.replace(empty_db.key_file, demo_db_file.key_file)
    error = open_fails(demo_db_file, DatabaseDamaged)
    assert "does not belong to the key file" in str(error)
