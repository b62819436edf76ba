"""A demo database built once per session and copied for each test.

Building the demo (key derivation, migrations, the data load) takes seconds; copying the
closed, encrypted file and its key file and opening the copy takes milliseconds, and each
test still gets its own real SQLCipher database to write to.
"""

import shutil

import pytest

from nsss_desktop.store import keys
from nsss_desktop.store.database import Database


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory):
    from nsss_desktop.services.demo import build_demo

    path = tmp_path_factory.mktemp("plan-template") / "demo.nsssdb"
    db, _ = Database.create(path, "test passphrase for nsss", use_keyring=False)
    try:
        build_demo(db)
    finally:
        db.close()
    return path


@pytest.fixture
def plan_db(_demo_template, tmp_path, passphrase):
    """A fresh copy of the demo database (ministries, the two demo plans), open for writing."""
    path = tmp_path / "demo.nsssdb"
    shutil.copyfile(_demo_template, path)
    shutil.copyfile(keys.key_file_for(_demo_template), keys.key_file_for(path))
    db = Database.open(path, passphrase=passphrase, use_keyring=False)
    yield db
    db.close()
