"""Fixtures for the encrypted-store reliability tests: real SQLCipher files, real processes.

Before the app is imported: a cheaper scrypt cost (it is stored in each key file, so only the
databases made here are affected) and no OS keyring. Tests that need a keyring take the
`real_keyring` fixture, a file-backed `keyrings.alt` keyring inside the test's tmp_path.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("NSSS_SCRYPT_N", "16384")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
os.environ.pop("NSSS_PASSPHRASE", None)

# The keyring and the app are imported only now, after the environment above is set.
import keyring  # noqa: E402
import keyring.backends.fail  # noqa: E402

from nsss_desktop.store import keys  # noqa: E402
from nsss_desktop.store.database import Database  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
HELPERS = Path(__file__).resolve().parent / "helpers"
PASSPHRASE = "store tests: correct horse battery"
PAGE = 4096


@dataclass
class Made:
    """A closed database on disk with the secrets that open it."""

    path: Path
    passphrase: str
    recovery_code: str

    @property
    def key_file(self) -> Path:
        return keys.key_file_for(self.path)


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def flip_byte(path: Path, offset: int) -> None:
    with open(path, "r+b") as fh:
        fh.seek(offset)
        old = fh.read(1)
        fh.seek(offset)
        fh.write(bytes([old[0] ^ 0x5A]))


def copy_db(src: Path, dest_dir: Path, name: str = "store.nsssdb") -> Path:
    """Copy a *closed* test database and its key file (test set-up only; the app never does)."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / name
    shutil.copyfile(src, dest)
    shutil.copyfile(keys.key_file_for(src), keys.key_file_for(dest))
    return dest


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a child process: this one's, minus any passphrase, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if k != "NSSS_PASSPHRASE"}
    return {**env, "PYTHONPATH": str(REPO), **extra}


def run_cli(*args: str, env: dict[str, str] | None = None,
            stdin: int | None = subprocess.DEVNULL) -> subprocess.CompletedProcess[str]:
    """`python -m nsss_desktop ARGS` as a real subprocess with no terminal on stdin."""
    return subprocess.run([sys.executable, "-m", "nsss_desktop", *args], capture_output=True,
                          text=True, env=env or child_env(), cwd=REPO, stdin=stdin, timeout=120)


@pytest.fixture(autouse=True)
def _no_keyring():
    """Every store test starts without a keyring, even if another module installed one."""
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(keyring.backends.fail.Keyring())


@pytest.fixture
def real_keyring(tmp_path, monkeypatch):
    """A real, working keyring backend (keyrings.alt PlaintextKeyring) stored under tmp_path.

    Child processes get the same keyring through PYTHON_KEYRING_BACKEND and XDG_DATA_HOME.
    """
    from keyrings.alt.file import PlaintextKeyring

    data_home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    backend = PlaintextKeyring()
    backend.file_path = str(data_home / "python_keyring" / "keyring_pass.cfg")
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(keyring.backends.fail.Keyring())


@pytest.fixture(scope="session")
def _templates(tmp_path_factory):
    """Two closed databases made once per session: empty, and with the demo data loaded."""
    from nsss_desktop.services.demo import build_demo

    root = tmp_path_factory.mktemp("templates")
    made = {}
    for name in ("empty", "demo"):
        db, code = Database.create(root / f"{name}.nsssdb", PASSPHRASE, use_keyring=False)
        try:
            if name == "demo":
                build_demo(db)
        finally:
            db.close()
        made[name] = Made(root / f"{name}.nsssdb", PASSPHRASE, code)
    return made


@pytest.fixture
def empty_db(_templates, tmp_path) -> Made:
    """A fresh copy of a just-created database (schema at head, no data yet)."""
    t = _templates["empty"]
    return Made(copy_db(t.path, tmp_path / "empty"), t.passphrase, t.recovery_code)


@pytest.fixture
def demo_db_file(_templates, tmp_path) -> Made:
    """A fresh copy of a closed database holding the real demo data."""
    t = _templates["demo"]
    return Made(copy_db(t.path, tmp_path / "demo"), t.passphrase, t.recovery_code)
