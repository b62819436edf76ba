"""The first run, a locked reopen and the Overview, driven the way a user would.

Numbers on screen are compared with the values the core computes (never hard-coded), and one
of them also with the raw demo CSV, so a formatting or counting slip in the UI shows up here.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from nsss_desktop import paths
from nsss_desktop.domain.numbers import format_decimal
from nsss_desktop.errors import Cancelled
from nsss_desktop.services import overview
from nsss_desktop.store.database import Database
from tests.gui.conftest import PASSPHRASE
from ui import i18n
from ui.app import AppController
from ui.jobs import Job
from ui.main_window import WINDOW_SIZE, MainWindow
from ui.models.table_model import NOT_AVAILABLE, DashboardTableModel
from ui.qt import QPushButton, QWizard, translate
from ui.unlock import UnlockDialog
from ui.wizard import FirstRunWizard

TIMEOUT = 30_000
RECOVERY_RE = re.compile(r"^[A-Z0-9]{4}(-[A-Z0-9]{4}){5}$")
PLACES = {"lakh": 2, "crore": 2, "int": 0}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cell(model: DashboardTableModel, fiscal_year: str, key: str) -> str:
    table = model.table
    assert table is not None
    row = next(i for i, r in enumerate(table.rows) if r["fiscal_year"] == fiscal_year)
    column = next(i for i, c in enumerate(table.columns) if c.key == key)
    return model.data(model.index(row, column))


def assert_table_matches_service(model: DashboardTableModel, db: Database, lang: str) -> None:
    expected = overview.national_series(db)
    assert model.rowCount() == len(expected.rows) > 0
    for r, row in enumerate(expected.rows):
        for c, column in enumerate(expected.columns):
            value, shown = row[column.key], model.data(model.index(r, c))
            if column.kind in PLACES:
                want = NOT_AVAILABLE if value is None else format_decimal(
                    value, PLACES[column.kind], lang)
                assert shown == want, (row["fiscal_year"], column.key)


def walk_wizard(qtbot, wizard: FirstRunWizard, target: Path) -> str:  # noqa: ANN001
    """Go through every page as a user would; return the recovery code that was shown."""
    # (a) language: Bangla switches the assistant at once, English switches it back.
    wizard.language_page.bangla.click()
    qtbot.waitUntil(lambda: wizard.buttonText(QWizard.WizardButton.NextButton) == "পরবর্তী >")
    assert wizard.language_page.title() == translate("LanguagePage", "Welcome to NSSS M&E Desktop")
    assert wizard.language_page.title() != "Welcome to NSSS M&E Desktop"
    wizard.language_page.english.click()
    qtbot.waitUntil(lambda: wizard.buttonText(QWizard.WizardButton.NextButton) == "Next >")
    wizard.next()

    # (b) location: an existing file is refused, a new path in tmp_path is accepted.
    page = wizard.location_page
    assert wizard.currentPage() is page
    taken = target.with_name("taken.nsssdb")
    taken.write_bytes(b"")
    page.path_edit.setText(str(taken))
    assert not page.isComplete() and "already exists" in page.message.text()
    page.path_edit.setText(str(target))
    assert page.isComplete() and wizard.db_path() == target
    wizard.next()

    # (c) passphrase twice: too short, then a mismatch, then right.
    page = wizard.passphrase_page
    assert wizard.currentPage() is page
    qtbot.keyClicks(page.first, "short")
    assert not page.isComplete() and "at least 10 characters" in page.message.text()
    page.first.setText(PASSPHRASE)
    qtbot.keyClicks(page.second, PASSPHRASE + "x")
    assert not page.isComplete() and "differ" in page.message.text()
    page.second.setText(PASSPHRASE)
    assert page.isComplete() and page.message.text() == ""
    wizard.next()

    # (d) create, with the demo data (on by default), as jobs with progress.
    assert wizard.currentPage() is wizard.create_page and wizard.create_page.demo.isChecked()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == FirstRunWizard.RECOVERY, timeout=TIMEOUT)
    assert wizard.db is not None and wizard.demo_loaded
    assert page.first.text() == ""  # the passphrase is not kept in the widget

    # The recovery code is shown once; moving on needs the checkbox.
    page = wizard.recovery_page
    code = page.code.text()
    assert RECOVERY_RE.match(code)
    assert not page.isComplete()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    page.confirm.setChecked(True)
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    wizard.next()
    assert page.code.text() == "" and wizard.recovery_code is None

    # (e) the ministry, from the demo data just loaded.
    page = wizard.ministry_page
    assert wizard.currentPage() is page
    qtbot.waitUntil(lambda: page.combo.count() > 1, timeout=TIMEOUT)
    page.choose("MoSW")
    with qtbot.waitSignal(wizard.accepted, timeout=TIMEOUT):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    return code


def test_wizard_then_unlock_then_overview(qtbot, app, tmp_path: Path) -> None:  # noqa: ANN001
    target = tmp_path / "ministry.nsssdb"
    wizard = FirstRunWizard(paths.default_db_path(), use_keyring=False)
    qtbot.addWidget(wizard)
    wizard.show()
    code = walk_wizard(qtbot, wizard, target)
    db = wizard.db
    assert db is not None and db.path == target
    info = overview.installation(db)
    assert info.home_ministry and info.home_ministry[0] == "MoSW"
    assert info.language == "en" and info.demo
    db.close()

    # Reopen: no keyring, no passphrase given, so the unlock dialog asks.
    controller = AppController(target, passphrase=None, use_keyring=False)
    controller.start()
    qtbot.waitUntil(lambda: controller.unlock is not None and controller.unlock.isVisible(),
                    timeout=TIMEOUT)
    dialog = controller.unlock
    assert isinstance(dialog, UnlockDialog)
    qtbot.addWidget(dialog)

    before = (digest(target), digest(target.with_name(target.name + ".keys")))
    dialog.secret.setText("not the passphrase at all")
    dialog.unlock_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=TIMEOUT)
    assert "passphrase is not correct" in dialog.error.text()
    assert dialog.isVisible() and controller.window is None and dialog.db is None
    assert (digest(target), digest(target.with_name(target.name + ".keys"))) == before

    dialog.secret.setText(PASSPHRASE)
    dialog.unlock_button.click()
    qtbot.waitUntil(lambda: controller.window is not None, timeout=TIMEOUT)
    window = controller.window
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    screen = window.screens["overview"]
    qtbot.waitUntil(screen.is_ready, timeout=TIMEOUT)

    model = screen.model
    assert_table_matches_service(model, window.db, "en")
    expected = overview.national_series(window.db)
    budget = next(r["budget_crore"] for r in expected.rows if r["fiscal_year"] == "2023-24")
    assert cell(model, "2023-24", "budget_crore") == format_decimal(budget, 2, "en") == "7,105.96"

    # The raw CSV: in 2008-09 only the Old Age Allowance has a beneficiary figure (20 lakh).
    with open(paths.demo_data_dir() / "programmes.csv", encoding="utf-8", newline="") as fh:
        rows_0809 = [r for r in csv.DictReader(fh)
                     if r["fiscal_year"] == "2008-09" and r["beneficiaries_lakh"]]
    assert [r["programme_code"] for r in rows_0809] == ["OAA"]
    assert cell(model, "2008-09", "beneficiaries_lakh") == format_decimal(
        Decimal(rows_0809[0]["beneficiaries_lakh"]), 2, "en")

    # Settings: Bangla switches the open window live and is saved in the database.
    settings = window.show_screen("settings")
    qtbot.waitUntil(settings.is_ready, timeout=TIMEOUT)
    settings.bangla.click()
    qtbot.waitUntil(lambda: cell(model, "2023-24", "budget_crore") == "৭,১০৫.৯৬")
    assert i18n.current_language() == "bn"
    assert_table_matches_service(model, window.db, "bn")
    qtbot.waitUntil(lambda: window.nav.item(0).text() == translate("Navigation", "Overview"))
    assert window.nav.item(0).text() != "Overview"
    qtbot.waitUntil(lambda: overview.installation(window.db).language == "bn", timeout=TIMEOUT)
    assert RECOVERY_RE.match(code)
    window.close()


def test_recovery_code_unlocks(qtbot, app, demo_db) -> None:  # noqa: ANN001
    path, recovery = demo_db
    dialog = UnlockDialog(path, use_keyring=False)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.use_recovery.setChecked(True)
    assert dialog.secret_label.text() == "Recovery code:"
    dialog.secret.setText(recovery.lower())
    with qtbot.waitSignal(dialog.accepted, timeout=TIMEOUT):
        dialog.unlock_button.click()
    assert dialog.db is not None and dialog.db.unlock.method == "recovery code"
    dialog.db.close()


def test_damaged_database_shows_message_and_hint(qtbot, app, demo_db) -> None:  # noqa: ANN001
    path, _ = demo_db
    path.with_name(path.name + ".keys").unlink()
    dialog = UnlockDialog(path, use_keyring=False)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.secret.setText(PASSPHRASE)
    dialog.unlock_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=TIMEOUT)
    assert "key file is missing" in dialog.error.text()
    assert "What to do:" in dialog.error.text()


def test_main_window_fits_office_screen_and_every_screen_shows(qtbot, app, demo_db) -> None:  # noqa: ANN001
    path, _ = demo_db
    window = MainWindow(Database.open(path, passphrase=PASSPHRASE, use_keyring=False))
    qtbot.addWidget(window)
    window.show()
    hint = window.minimumSizeHint()
    assert hint.width() <= WINDOW_SIZE.width() and hint.height() <= WINDOW_SIZE.height()
    assert window.size() == WINDOW_SIZE
    for key in window.screens:
        screen = window.show_screen(key)
        qtbot.waitUntil(screen.is_ready, timeout=TIMEOUT)
        assert window.current_screen() is screen
    about = window.screens["about"]
    assert about.model.rowCount() > 50  # every source of the demo data is listed
    assert "demo" in about.text.toPlainText() and "most final stage" in about.text.toPlainText()
    assert str(path) in window.db_label.text() and "Offline" in window.offline_label.text()
    window.close()


def test_table_model_contract(qtmodeltester, app, demo_db) -> None:  # noqa: ANN001
    path, _ = demo_db
    with Database.open(path, passphrase=PASSPHRASE, use_keyring=False) as db:
        table = overview.national_series(db)
    model = DashboardTableModel(table, "en")
    qtmodeltester.check(model)


def test_job_progress_and_cancel(qtbot, app) -> None:  # noqa: ANN001
    """Progress arrives on the GUI thread; Cancel stops the worker at its next check."""
    import threading

    started = threading.Event()

    def work(state) -> None:  # noqa: ANN001
        state.set_progress(0.5)
        started.set()
        for _ in range(3000):  # at most 30 s, so a broken cancel cannot hang the suite
            state.check()
            threading.Event().wait(0.01)

    failures: list[BaseException] = []
    job = Job(None, work, title="Working", min_duration_ms=0).failure(failures.append).start()
    assert started.wait(10)
    qtbot.waitUntil(lambda: job.dialog is not None and job.dialog.value() == 50)
    [cancel] = job.dialog.findChildren(QPushButton)
    cancel.click()
    qtbot.waitUntil(lambda: job.done, timeout=TIMEOUT)
    assert len(failures) == 1 and isinstance(failures[0], Cancelled)


def test_cli_screenshot(tmp_path: Path, demo_db) -> None:  # noqa: ANN001
    """`nsss-desktop gui --screenshot` opens, waits for the data, saves a PNG and exits 0."""
    path, _ = demo_db
    shot = tmp_path / "overview.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NSSS_PASSPHRASE=PASSPHRASE)
    result = subprocess.run(
        [sys.executable, "-m", "nsss_desktop", "--db", str(path), "--no-keyring", "gui",
         "--screenshot", str(shot)], env=env, capture_output=True, text=True, timeout=120,
        check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(str(shot))
    assert shot.stat().st_size > 10_000


@pytest.mark.parametrize("passphrase", [None, "wrong passphrase!"])
def test_cli_screenshot_of_locked_database_explains(tmp_path: Path, demo_db,  # noqa: ANN001
                                                    passphrase: str | None) -> None:
    path, _ = demo_db
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("NSSS_PASSPHRASE", None)
    if passphrase:
        env["NSSS_PASSPHRASE"] = passphrase
    result = subprocess.run(
        [sys.executable, "-m", "nsss_desktop", "--db", str(path), "--no-keyring", "gui",
         "--screenshot", str(tmp_path / "x.png")], env=env, capture_output=True, text=True,
        timeout=120, check=False)
    assert result.returncode == 4
    assert "Traceback" not in result.stderr and "what to do:" in result.stderr


def test_core_error_shows_translated_message_and_hint(qtbot, app) -> None:  # noqa: ANN001
    from nsss_desktop.errors import WrongPassphrase
    from ui import errors

    i18n.set_language("bn")
    box = errors.show_error(None, WrongPassphrase(
        "The passphrase is not correct.",
        hint="Check the keyboard language and Caps Lock, then try again. Nothing was changed."))
    assert box is not None
    qtbot.addWidget(box)
    assert box.text() == translate("CoreErrors", "The passphrase or recovery code is not correct.")
    assert "পাসফ্রেজটি সঠিক নয়" in box.informativeText()
    assert translate("Errors", "What to do: {hint}").split(":")[0] in box.informativeText()
    assert "Traceback" not in box.informativeText()


def test_unexpected_error_is_logged_and_shown_with_diagnostics(qtbot, app, caplog,  # noqa: ANN001
                                                               monkeypatch) -> None:  # noqa: ANN001
    import logging

    from ui import errors
    from ui.qt import QApplication

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr("threading.excepthook", __import__("threading").excepthook)
    errors.install_excepthook()
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        with caplog.at_level(logging.ERROR):
            sys.excepthook(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: len(errors._open_dialogs) == 1)
    box = errors._open_dialogs[0]
    qtbot.addWidget(box)
    assert box.text() == "Something unexpected went wrong."
    assert "RuntimeError: boom" in box.detailedText() and "Traceback" in box.detailedText()
    assert "unhandled exception" in caplog.text
    [copy] = [b for b in box.buttons() if b.text() == "Copy diagnostic info"]
    copy.click()
    assert "RuntimeError: boom" in QApplication.clipboard().text()
    assert box.isVisible()  # copying does not close the dialog


def test_wrong_passphrase_given_at_start_opens_unlock_with_the_error(qtbot, app,  # noqa: ANN001
                                                                     demo_db) -> None:  # noqa: ANN001
    path, _ = demo_db
    controller = AppController(path, passphrase="wrong passphrase given", use_keyring=False)
    controller.start()
    qtbot.waitUntil(lambda: controller.unlock is not None and controller.unlock.isVisible(),
                    timeout=TIMEOUT)
    dialog = controller.unlock
    qtbot.addWidget(dialog)
    assert dialog.error.isVisible() and "not correct" in dialog.error.text()
    assert controller.window is None and controller.exit_code is None


SIGNAL_STORM = r"""
import sys
from ui.qt import QApplication, QObject, QTimer, Signal

app = QApplication([])


class Source(QObject):
    fired = Signal(int)


seen = []
source = Source()
source.fired.connect(lambda n: None)
for n in range(100_000):  # far more than None/True have references in a small process
    source.fired.emit(n)
for _ in range(5_000):
    QTimer.singleShot(0, lambda: seen.append(1))
    app.processEvents()
print("survived", len(seen))
"""


def test_signal_storm_survives(tmp_path: Path) -> None:
    """PySide6 6.12 leaks references to None/True on Python 3.11; ui.qt must neutralise it."""
    result = subprocess.run([sys.executable, "-c", SIGNAL_STORM], capture_output=True, text=True,
                            timeout=120, check=False, cwd=paths.resources_dir().parent,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived 5000" in result.stdout
