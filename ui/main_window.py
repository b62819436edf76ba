"""The main window: a navigation list on the left, one screen at a time on the right.

Screens load their data when first shown, each in a background job, and say when they are
ready (`is_ready()` / `ready`), which screenshots and tests wait for. The window fits a
1366×768 office screen. It owns the open database and closes it, after any running job, when
the window closes.
"""

from __future__ import annotations

import importlib

from nsss_desktop.store.database import Database
from nsss_desktop.sync_client import status
from ui.jobs import wait_for_jobs
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QCloseEvent,
    QEvent,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSize,
    QStackedWidget,
    Qt,
    QWidget,
    qconnect,
    translate,
)
from ui.screens import SCREEN_CLASSES
from ui.screens.placeholder import PlaceholderScreen
from ui.sync_scheduler import SyncScheduler

SCREENS = (
    ("overview", QT_TRANSLATE_NOOP("Navigation", "Overview")),
    ("action_plan", QT_TRANSLATE_NOOP("Navigation", "Action Plan")),
    ("dashboards", QT_TRANSLATE_NOOP("Navigation", "Programme dashboards")),
    ("programmes", QT_TRANSLATE_NOOP("Navigation", "Programmes")),
    ("figures_entry", QT_TRANSLATE_NOOP("Navigation", "Enter figures")),
    ("ministries", QT_TRANSLATE_NOOP("Navigation", "Ministries")),
    ("clusters", QT_TRANSLATE_NOOP("Navigation", "Clusters")),
    ("committee", QT_TRANSLATE_NOOP("Navigation", "Committee summary")),
    ("search", QT_TRANSLATE_NOOP("Navigation", "Search")),
    ("reports", QT_TRANSLATE_NOOP("Navigation", "Reports")),
    ("pivot", QT_TRANSLATE_NOOP("Navigation", "Programme reports")),
    ("sync", QT_TRANSLATE_NOOP("Navigation", "Sync")),
    ("settings", QT_TRANSLATE_NOOP("Navigation", "Settings")),
    ("about", QT_TRANSLATE_NOOP("Navigation", "About and sources")),
)
SCREEN_KEYS = tuple(key for key, _ in SCREENS)
ALIASES = {"about-sources": "about", "action-plan": "action_plan", "life-cycles": "dashboards",
           "life_cycles": "dashboards", "enter-figures": "figures_entry",
           "programme-reports": "pivot"}
WINDOW_SIZE = QSize(1366, 768)
NAV_WIDTH = 180


def screen_key(name: str) -> str | None:
    """The screen key for a name or alias ("about-sources" -> "about"), or None."""
    key = ALIASES.get(name, name).replace("-", "_")
    return key if key in SCREEN_KEYS else None


class MainWindow(QMainWindow):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        self.screens: dict[str, QWidget] = {}
        for key, title in SCREENS:
            screen = self._make_screen(key, title)
            self.screens[key] = screen
            self.stack.addWidget(screen)
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.db_label, self.offline_label = QLabel(), QLabel()
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.offline_label)
        qconnect(self.nav.currentRowChanged, self._row_changed)
        self.sync = SyncScheduler(db, self)
        # "Syncing" once data moves (an automatic try that finds no server says so instead).
        qconnect(self.sync.progressed, lambda *_args: self._show_sync_state("syncing"))
        qconnect(self.sync.finished, self._sync_finished)
        qconnect(self.sync.failed, self._sync_failed)
        qconnect(self.sync.skipped, self._show_sync_state)
        sync_screen = self.screens.get("sync")
        if hasattr(sync_screen, "attach_scheduler"):
            sync_screen.attach_scheduler(self.sync)  # type: ignore[union-attr]
            # Resolving a conflict or importing a reply file changes the state too.
            qconnect(sync_screen.state_changed, self._show_sync_state)  # type: ignore[union-attr]
        self._sync_state = self._initial_sync_state()
        self.resize(WINDOW_SIZE)
        self.retranslate_ui()
        self.show_screen("overview")

    def _make_screen(self, key: str, title: str) -> QWidget:
        """Build the screen registered for `key` in ui.screens, or its placeholder."""
        target = SCREEN_CLASSES.get(key)
        if target is None:
            return PlaceholderScreen(key, title)
        module_name, class_name = target.split(":")
        return getattr(importlib.import_module(module_name), class_name)(self.db)

    # --- navigation --------------------------------------------------------------------------

    def show_screen(self, key: str) -> QWidget:
        """Show a screen by key (or alias) and start loading its data."""
        resolved = screen_key(key)
        if resolved is None:
            raise KeyError(key)
        self.nav.setCurrentRow(SCREEN_KEYS.index(resolved))
        return self.screens[resolved]

    def current_screen(self) -> QWidget:
        return self.stack.currentWidget()

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        screen = self.stack.currentWidget()
        screen.ensure_loaded()  # type: ignore[attr-defined]

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("NSSS M&E Desktop"))
        for row, (_key, title) in enumerate(SCREENS):
            self.nav.item(row).setText(translate("Navigation", title))
        self.db_label.setText(self.tr("Database: {path}").format(path=str(self.db.path)))
        self._show_sync_state(self._sync_state)

    # --- sync state in the status bar ----------------------------------------------------------

    def _initial_sync_state(self) -> str:
        try:
            return status.status(self.db, receipt_limit=0).state
        except Exception:  # noqa: BLE001 - a status line must never stop the window opening
            return "not enrolled"

    def _sync_finished(self, result: object) -> None:
        st = getattr(result, "status", None)
        self._show_sync_state(st.state if st is not None else "synced")

    def _sync_failed(self, error: BaseException) -> None:
        """A cancelled sync leaves the installation as it was: show that state again."""
        from nsss_desktop.errors import Cancelled

        self._show_sync_state(self._initial_sync_state() if isinstance(error, Cancelled)
                              else "failed")

    def _show_sync_state(self, state: str) -> None:
        self._sync_state = state
        texts = {
            "not enrolled": self.tr("Offline: all data is on this computer"),
            "unreachable": self.tr("GED server not reachable: working offline"),
            "syncing": self.tr("Syncing with GED…"),
            "failed": self.tr("The last sync did not finish: see Sync"),
            "problem": self.tr("The last sync did not finish: see Sync"),
            "never synced": self.tr("Enrolled with GED, not yet synced"),
            "stale": self.tr("Data may be stale: sync with GED"),
            "pending": self.tr("Changes waiting to be sent to GED"),
            "conflicts": self.tr("Sync conflicts to resolve: see Sync"),
            "synced": self.tr("Synced with GED"),
        }
        self.offline_label.setText(texts.get(state, texts["not enrolled"]))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.sync.stop()
        wait_for_jobs()
        self.db.close()
        super().closeEvent(event)
