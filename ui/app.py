"""Start the desktop app: `run()` is what `nsss-desktop gui` calls.

Start-up order: Qt application (Fusion style, bundled Bangla font, translators for the chosen
language), logging and the one excepthook, then the first-run assistant if there is no database
yet, otherwise unlock (keyring or given passphrase, in a worker) with the unlock dialog as the
fallback, then the main window. `--screenshot` does the same without a user: it shows the
screen at 1366×768, waits until its data is on screen, saves the PNG and exits.
"""

from __future__ import annotations

import logging
import logging.handlers
import platform
import sys
from pathlib import Path

from nsss_desktop import __version__, paths
from nsss_desktop.errors import Locked, NsssError, WrongPassphrase
from nsss_desktop.services import overview
from nsss_desktop.store.database import Database
from ui import errors, i18n, session
from ui.jobs import Job, wait_for_jobs
from ui.main_window import SCREEN_KEYS, WINDOW_SIZE, MainWindow, screen_key
from ui.qt import QApplication, QEventLoop, QObject, QTimer, QWidget, qconnect, qVersion
from ui.unlock import UnlockDialog
from ui.wizard import FirstRunWizard

log = logging.getLogger(__name__)
READY_TIMEOUT_MS = 30000


def setup_logging() -> Path:
    """A rotating log file under the user log folder; never logs keys or passphrases."""
    folder = paths.user_log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        folder / "nsss-desktop.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter(
        "%(asctime)s %(name)s:%(lineno)d %(levelname)s %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    log.info("NSSS M&E Desktop %s on %s, Python %s, Qt %s", __version__, platform.platform(),
             platform.python_version(), qVersion())
    return folder


def make_application(lang: str | None) -> QApplication:
    """The QApplication with the house style, fonts and the starting language."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("NSSS M&E Desktop")
    app.setOrganizationName("GED")
    app.setApplicationVersion(__version__)
    app.setStyle("Fusion")
    i18n.set_language(lang or session.last_language() or "en")
    return app


class AppController(QObject):
    """Decides which window comes first and hands the database from one to the next."""

    def __init__(self, db_path: Path, *, passphrase: str | None = None, use_keyring: bool = True,
                 lang: str | None = None, screenshot: Path | None = None,
                 screen: str = "overview") -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.passphrase, self.use_keyring, self.lang = passphrase, use_keyring, lang
        self.screenshot, self.screen = screenshot, screen
        self.wizard: FirstRunWizard | None = None
        self.unlock: UnlockDialog | None = None
        self.window: MainWindow | None = None
        self.exit_code: int | None = None

    def start(self) -> None:
        if not self.db_path.exists():
            remembered = session.last_db_path()
            if self.db_path == paths.default_db_path() and remembered and remembered.exists():
                self.db_path = remembered  # set up elsewhere on an earlier run
        if not self.db_path.exists():
            self._show_wizard()
            return
        path, passphrase, keyring = self.db_path, self.passphrase, self.use_keyring
        Job(None, lambda _s: Database.open(path, passphrase=passphrase, use_keyring=keyring),
            progress=False).success(self.open_main).failure(self._open_failed).start()

    # --- first window ------------------------------------------------------------------------

    def _show_wizard(self) -> None:
        self.wizard = FirstRunWizard(self.db_path, use_keyring=self.use_keyring)
        qconnect(self.wizard.accepted, self._wizard_done)
        qconnect(self.wizard.rejected, lambda: self.quit(0))
        self.wizard.show()
        if self.screenshot:
            self._capture(self.wizard)

    def _wizard_done(self) -> None:
        assert self.wizard is not None and self.wizard.db is not None
        self.open_main(self.wizard.db)
        self.wizard.deleteLater()

    def _open_failed(self, error: BaseException) -> None:
        if isinstance(error, Locked | WrongPassphrase) and not self.screenshot:
            self.unlock = UnlockDialog(self.db_path, use_keyring=self.use_keyring)
            qconnect(self.unlock.accepted, lambda: self.unlock and self.unlock.db
                     and self.open_main(self.unlock.db))
            qconnect(self.unlock.rejected, lambda: self.quit(0))
            self.unlock.show()
            if isinstance(error, WrongPassphrase):  # the given passphrase (file/env) was wrong
                self.unlock.show_failure(error)
            return
        if self.screenshot:
            self._fail_headless(error)
            return
        box = errors.show_error(None, error)
        if box is not None:
            qconnect(box.finished, lambda _r: self.quit(getattr(error, "exit_code", 1)))
        else:
            self.quit(1)

    def open_main(self, db: Database) -> None:
        """Read the saved language in a worker, then show the main window."""
        Job(None, lambda _s: overview.installation(db), progress=False) \
            .success(lambda info: self._show_main(db, info)) \
            .failure(lambda error: self._show_main(db, None, error)).start()

    def _show_main(self, db: Database, info: overview.Installation | None,
                   error: BaseException | None = None) -> None:
        if self.lang is None and info is not None and info.language \
                and info.language != i18n.current_language():
            i18n.set_language(info.language)
            session.remember_language(info.language)
        self.window = MainWindow(db)
        self.window.show()
        if error is not None:
            errors.show_error(self.window, error)
        if self.screenshot:
            if screen_key(self.screen) is None:
                print(f"error: no screen called '{self.screen}'. Screens: "
                      + ", ".join(SCREEN_KEYS), file=sys.stderr)
                self.quit(2)
                return
            self._capture(self.window, self.window.show_screen(self.screen))

    # --- screenshots -------------------------------------------------------------------------

    def _capture(self, window: QWidget, screen: QWidget | None = None) -> None:
        """Wait until the screen's data is shown, then save the window as a PNG and quit."""
        assert self.screenshot is not None
        window.resize(WINDOW_SIZE if isinstance(window, MainWindow) else window.size())
        wait_until_ready(screen)
        QApplication.processEvents()
        self.screenshot.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(self.screenshot)):
            print(f"error: could not write {self.screenshot}", file=sys.stderr)
            self.quit(1)
            return
        print(self.screenshot)
        self.quit(0)

    def _fail_headless(self, error: BaseException) -> None:
        if isinstance(error, NsssError):
            print(f"error: {error.message}", file=sys.stderr)
            if isinstance(error, Locked):
                print("what to do: give the passphrase with --passphrase-file or "
                      "NSSS_PASSPHRASE for screenshots.", file=sys.stderr)
            elif error.hint:
                print(f"what to do: {error.hint}", file=sys.stderr)
            self.quit(error.exit_code)
        else:
            log.error("screenshot failed", exc_info=(type(error), error, error.__traceback__))
            print(f"error: {type(error).__name__}: {error}", file=sys.stderr)
            self.quit(1)

    def quit(self, code: int) -> None:
        self.exit_code = code
        app = QApplication.instance()
        if app is not None:
            QTimer.singleShot(0, app, lambda: app.exit(code))


def wait_until_ready(screen: QWidget | None, timeout_ms: int = READY_TIMEOUT_MS) -> bool:
    """Spin the event loop until `screen.is_ready()` (or the timeout); no fixed sleeps."""
    if screen is None:
        QApplication.processEvents()
        return True
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(20)
    waited = [0]

    def check() -> None:
        waited[0] += 20
        if screen.is_ready() or waited[0] >= timeout_ms:  # type: ignore[attr-defined]
            loop.quit()

    qconnect(timer.timeout, check)
    timer.start()
    if not screen.is_ready():  # type: ignore[attr-defined]
        loop.exec()
    timer.stop()
    return bool(screen.is_ready())  # type: ignore[attr-defined]


def run(db_path: Path, *, passphrase: str | None, use_keyring: bool, lang: str | None,
        screenshot: Path | None, screen: str = "overview") -> int:
    """Open the app on `db_path`; return the exit code. Called by `nsss-desktop gui`."""
    app = make_application(lang)
    setup_logging()
    errors.install_excepthook()
    controller = AppController(db_path, passphrase=passphrase, use_keyring=use_keyring,
                               lang=lang, screenshot=screenshot, screen=screen)
    QTimer.singleShot(0, controller, controller.start)
    code = app.exec()
    wait_for_jobs()
    if controller.window is not None and not controller.window.isHidden():
        controller.window.db.close()  # screenshot runs exit without closing the window
    return controller.exit_code if controller.exit_code is not None else code
