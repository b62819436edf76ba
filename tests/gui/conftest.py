"""GUI test fixtures: a sandbox for every user folder, no OS keyring, fast scrypt, offscreen Qt.

The environment is set before anything imports the app, so no test can read or write the real
user data, log or settings folders, or the real keyring, whatever order tests run in.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("NSSS_SCRYPT_N", "16384")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1")
_SANDBOX = Path(tempfile.mkdtemp(prefix="nsss-gui-tests-"))
for _var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = str(_SANDBOX / _var.lower())

from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402

from nsss_desktop import paths  # noqa: E402
from nsss_desktop.services.demo import build_demo  # noqa: E402
from nsss_desktop.store.database import Database  # noqa: E402
from ui import qt as _qt  # noqa: E402, F401 - applies its PySide6 refcount workaround first

PASSPHRASE = "a sentence nobody guesses"


@pytest.fixture(scope="session")
def app(qapp):  # pytest-qt's QApplication
    """The one QApplication, set up like `ui.app.run` does (Fusion, fonts, language)."""
    from ui import i18n
    from ui.qt import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(_SANDBOX / "qsettings"))
    qapp.setStyle("Fusion")
    i18n.set_language("en")
    return qapp


@pytest.fixture(autouse=True)
def sandbox(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """Point the user folders at tmp_path; fail loudly if anything escapes the sandbox."""
    monkeypatch.setattr(paths, "user_data_dir", lambda: tmp_path / "user-data")
    monkeypatch.setattr(paths, "user_log_dir", lambda: tmp_path / "user-log")
    assert str(paths.default_db_path()).startswith(str(tmp_path))
    yield tmp_path


@pytest.fixture(autouse=True)
def english(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every GUI test starts and ends in English (the language is process-wide state)."""
    if "app" not in request.fixturenames and "qtbot" not in request.fixturenames:
        yield
        return
    from ui import i18n

    request.getfixturevalue("app")
    i18n.set_language("en")
    yield
    from ui.jobs import wait_for_jobs

    wait_for_jobs()
    i18n.set_language("en")


@pytest.fixture
def demo_db(tmp_path: Path) -> tuple[Path, str]:
    """A closed demo database in tmp_path: (path, recovery code)."""
    path = tmp_path / "demo.nsssdb"
    db, recovery = Database.create(path, PASSPHRASE, use_keyring=False)
    with db:
        build_demo(db)
    return path, recovery
