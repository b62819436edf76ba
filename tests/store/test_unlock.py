"""Unlocking (T24 and the wrong-key half of T23): passphrase, recovery code, keyring, CLI.

A wrong secret must leave the files byte-for-byte unchanged and say what to do; a missing,
unreadable or damaged keyring must fall back to the passphrase, never claim the database is
damaged and never crash.
"""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata

import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError

from nsss_desktop.errors import Locked, WrongPassphrase
from nsss_desktop.store import keyring_store, keys
from nsss_desktop.store.database import Database
from tests.store.conftest import REPO, child_env, run_cli, sha256


def snapshot(made) -> dict[str, str]:
    """Hash of every file in the database's folder (the database, key file and any WAL)."""
    return {p.name: sha256(p) for p in sorted(made.path.parent.iterdir())}


def test_wrong_passphrase_changes_nothing_then_the_right_one_opens(demo_db_file):
    before = snapshot(demo_db_file)
    for wrong in ("store tests: correct horse batterY", "", "x" * 200):
        with pytest.raises(WrongPassphrase, match="passphrase is not correct") as raised:
            Database.open(demo_db_file.path, passphrase=wrong)
        assert "Nothing was changed" in raised.value.hint
        assert snapshot(demo_db_file) == before  # not even a -wal or -shm was created
    with Database.open(demo_db_file.path, passphrase=demo_db_file.passphrase) as db:
        assert db.unlock.method == "passphrase"
        assert db.setting("db_id") == db.db_id


def test_wrong_recovery_code_changes_nothing_and_a_sloppily_typed_right_one_opens(
        demo_db_file):
    code = demo_db_file.recovery_code
    before = snapshot(demo_db_file)
    wrong = ("A" if code[0] != "A" else "B") + code[1:]
    with pytest.raises(WrongPassphrase, match="recovery code is not correct"):
        Database.open(demo_db_file.path, recovery_code=wrong)
    assert snapshot(demo_db_file) == before
    typed = " " + code.lower().replace("-", " ") + " "
    with Database.open(demo_db_file.path, recovery_code=typed) as db:
        assert db.unlock.method == "recovery code"
        assert db.setting("db_id") == db.db_id


def test_a_bangla_passphrase_typed_in_another_normal_form_opens(tmp_path):
    nfc = "আমার সোনার বাংলা, আমি তোমায় ভালোবাসি"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc  # the two are different strings of code points
    db, _ = Database.create(tmp_path / "bn.nsssdb", nfc, use_keyring=False)
    db.close()
    with Database.open(tmp_path / "bn.nsssdb", passphrase=nfd) as db:
        assert db.unlock.method == "passphrase"


def test_no_keyring_means_locked_without_a_passphrase_and_the_passphrase_works(empty_db):
    assert not keyring_store.available()
    before = snapshot(empty_db)
    with pytest.raises(Locked) as raised:
        Database.open(empty_db.path)
    assert "passphrase" in raised.value.hint and "--passphrase-file" in raised.value.hint
    assert snapshot(empty_db) == before
    with Database.open(empty_db.path, passphrase=empty_db.passphrase) as db:
        assert db.unlock.method == "passphrase"
        assert db.remember_in_keyring() is False


def test_with_a_keyring_the_database_opens_without_a_passphrase(real_keyring, tmp_path):
    path = tmp_path / "kr.nsssdb"
    db, _ = Database.create(path, "keyring test passphrase")
    assert db.unlock.notes == []  # the key went into the keyring
    db.close()
    stored = real_keyring.get_password(keys.KEYRING_SERVICE, f"db:{db.db_id}")
    assert stored == db.raw_key().hex()
    with Database.open(path) as again:
        assert again.unlock.method == "keyring"
    with pytest.raises(Locked):  # ...and only through the keyring
        Database.open(path, use_keyring=False)

    result = run_cli("--db", str(path), "unlock-check", env=child_env())
    assert result.returncode == 0, result.stderr
    assert "with the keyring" in result.stdout


@pytest.mark.parametrize("junk", ["not hex at all", "00" * 31, "ab" * 32],
                         ids=["not-hex", "short-key", "wrong-32-byte-key"])
def test_a_damaged_keyring_entry_falls_back_to_the_passphrase(real_keyring, empty_db, junk):
    with Database.open(empty_db.path, passphrase=empty_db.passphrase) as db:
        assert db.remember_in_keyring()
        db_id = db.db_id
    real_keyring.set_password(keys.KEYRING_SERVICE, f"db:{db_id}", junk)
    before = snapshot(empty_db)

    with pytest.raises(Locked):  # asks for the passphrase; never "the file is damaged"
        Database.open(empty_db.path)
    assert snapshot(empty_db) == before
    with Database.open(empty_db.path, passphrase=empty_db.passphrase) as db:
        assert db.unlock.method == "passphrase"

    if junk == "ab" * 32:  # the CLI too: it must prompt (no tty here: exit 4), not say "damaged"
        result = run_cli("--db", str(empty_db.path), "unlock-check", env=child_env())
        assert result.returncode == 4, result.stderr
        assert "--passphrase-file" in result.stderr and "Traceback" not in result.stderr


class UnreadableKeyring(KeyringBackend):
    """A keyring whose store cannot be read, as when Windows DPAPI cannot decrypt a credential
    after an admin password reset. That cannot happen on this Linux machine, so this stand-in
    raises KeyringError on every call; everything else in the test is real."""

    priority = 1

    def get_password(self, service, username):
        raise KeyringError("the credential store cannot decrypt this entry")

    def set_password(self, service, username, password):
        raise KeyringError("the credential store is not available")

    def delete_password(self, service, username):
        raise KeyringError("the credential store is not available")


def test_an_unreadable_keyring_falls_back_to_the_passphrase(empty_db, tmp_path):
    import keyring

    keyring.set_keyring(UnreadableKeyring())
    assert keyring_store.available()
    with pytest.raises(Locked):
        Database.open(empty_db.path)
    with Database.open(empty_db.path, passphrase=empty_db.passphrase) as db:
        assert db.unlock.method == "passphrase"
        assert db.remember_in_keyring() is False
    created, _ = Database.create(tmp_path / "new.nsssdb", "passphrase for a new db")
    created.close()
    assert created.unlock.notes == ["keyring unavailable"]


def test_cli_wrong_passphrase_exits_4_with_a_message_and_no_traceback(demo_db_file):
    before = snapshot(demo_db_file)
    result = run_cli("--db", str(demo_db_file.path), "unlock-check",
                     env=child_env(NSSS_PASSPHRASE="definitely the wrong one"))
    assert result.returncode == 4
    assert "passphrase is not correct" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert snapshot(demo_db_file) == before

    ok = run_cli("--db", str(demo_db_file.path), "unlock-check",
                 env=child_env(NSSS_PASSPHRASE=demo_db_file.passphrase))
    assert ok.returncode == 0, ok.stderr
    assert "with the passphrase" in ok.stdout


def test_cli_recovery_code_file_opens(demo_db_file, tmp_path):
    code_file = tmp_path / "code.txt"
    code_file.write_text(demo_db_file.recovery_code.lower().replace("-", " ") + "\n")
    result = run_cli("--db", str(demo_db_file.path), "--recovery-code-file", str(code_file),
                     "unlock-check")
    assert result.returncode == 0, result.stderr
    assert "with the recovery code" in result.stdout


def test_cli_without_passphrase_or_terminal_exits_4_with_a_hint(demo_db_file):
    result = run_cli("--db", str(demo_db_file.path), "unlock-check")  # stdin: /dev/null
    assert result.returncode == 4
    assert "--passphrase-file" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_with_stdin_closed_exits_4_with_a_hint(demo_db_file):
    result = subprocess.run(
        [sys.executable, "-m", "nsss_desktop", "--db", str(demo_db_file.path), "unlock-check"],
        capture_output=True, text=True, env=child_env(), cwd=REPO, timeout=120,
        preexec_fn=lambda: os.close(0))
    assert "Traceback" not in result.stderr
    assert result.returncode == 4
    assert "--passphrase-file" in result.stderr
