"""The figures behind one number: `programme_dashboards.drilldown` in a small dialog.

Opened by a double click (or Enter) on a number of a programme's series; lists every figure
row of that programme, year and measure, and which one the dashboards' rule used.
"""

from __future__ import annotations

from nsss_desktop.services import programme_register_screens as screens
from nsss_desktop.services.programme_dashboards import DrillKey
from nsss_desktop.services.tables import DashboardTable
from nsss_desktop.store.database import Database
from ui import core_text, i18n
from ui.jobs import Job
from ui.models.table_model import DashboardTableModel
from ui.qt import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
    qconnect,
)


class DrilldownDialog(QDialog):
    """`is_ready()` once the rows are shown; `table` is the core's DashboardTable."""

    def __init__(self, db: Database, key: DrillKey, caption: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self.key, self._caption = db, key, caption
        self.table: DashboardTable | None = None
        self.resize(900, 420)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.model = DashboardTableModel(lang=i18n.current_language(), parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        qconnect(buttons.rejected, self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.notes)
        layout.addWidget(buttons)
        self.retranslate_ui()
        db_, key_ = db, key
        self.job = Job(self, lambda _s: screens.drilldown(db_, key_), progress=False)
        self.job.success(self._show).start()

    def is_ready(self) -> bool:
        return self.table is not None

    def _show(self, table: DashboardTable) -> None:
        self.table = table
        self.model.set_table(table)
        self.notes.setText(" ".join(core_text.note(n) for n in table.notes))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("The figures behind this number"))
        self.caption.setText(self._caption or self.tr(
            "Every figure row for this number; the one marked “yes” is the one used."))
        self.model.set_language(i18n.current_language())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
