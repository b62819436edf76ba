"""Suite-wide safety: never touch the real user's data, keyring or settings.

The scrypt cost is lowered for speed (the cost is stored in each key file, so this only
affects databases the tests create), and no OS keyring is used unless a test installs a real
file-backed one itself.
"""

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("NSSS_SCRYPT_N", "16384")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("NSSS_PASSPHRASE", None)
# No automatic background sync in tests unless a test asks for it (tests/gui/test_sync_screen.py).
os.environ.setdefault("NSSS_SYNC_INTERVAL_S", "0")

REPO = Path(__file__).resolve().parents[1]
DEMO_DATA = REPO / "resources" / "demo"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """platformdirs resolves under a throw-away HOME, so defaults never hit real data."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))


@pytest.fixture
def passphrase() -> str:
    return "test passphrase for nsss"


@pytest.fixture
def demo_db(tmp_path, passphrase):
    """A fresh database with the real demo data loaded (function scope: tests may write)."""
    from nsss_desktop.services.demo import build_demo
    from nsss_desktop.store.database import Database

    db, _ = Database.create(tmp_path / "demo.nsssdb", passphrase, use_keyring=False)
    build_demo(db)
    yield db
    db.close()


def copy_database(source: Path, target: Path) -> Path:
    """Copy a closed database and its key file (a private, writable copy for one test)."""
    import shutil

    from nsss_desktop.store import keys

    shutil.copyfile(source, target)
    shutil.copyfile(keys.key_file_for(source), keys.key_file_for(target))
    return target


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The demo database, built once per session and closed: copy it, never write to it."""
    from nsss_desktop.services.demo import build_demo
    from nsss_desktop.store.database import Database

    path = tmp_path_factory.mktemp("demo-template") / "demo.nsssdb"
    db, _ = Database.create(path, "test passphrase for nsss", use_keyring=False)
    try:
        build_demo(db)
    finally:
        db.close()
    return path


@pytest.fixture
def demo_copy(demo_template, tmp_path, passphrase):
    """A fresh copy of the demo database, open for writing (milliseconds, not a rebuild)."""
    from nsss_desktop.store.database import Database

    db = Database.open(copy_database(demo_template, tmp_path / "demo.nsssdb"),
                       passphrase=passphrase, use_keyring=False)
    yield db
    db.close()


def run_cli(*args: str, env: dict | None = None, cwd: Path | None = None,
            stdin: str | None = None):
    """Run `python -m nsss_desktop ARGS` as a real subprocess."""
    import subprocess

    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "nsss_desktop", *args], capture_output=True,
                          text=True, env=full_env, cwd=cwd or REPO, timeout=120,
                          input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL)
