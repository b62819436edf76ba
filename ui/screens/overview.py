"""Overview: the national series by fiscal year, as a table and a chart, with its notes.

The numbers are the core's exact values (`services.overview.national_series`), loaded in a
background job; the table formats them for the interface language, the chart draws them.
"""

from __future__ import annotations

from nsss_desktop.services import overview
from nsss_desktop.services.tables import DashboardTable
from nsss_desktop.store.database import Database
from ui import core_text, i18n
from ui.charts import SeriesChart
from ui.jobs import Job
from ui.models.table_model import DashboardTableModel
from ui.qt import (
    QAbstractItemView,
    QEvent,
    QHeaderView,
    QLabel,
    QSplitter,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)

CHART_MIN_WIDTH = 380


class OverviewScreen(QWidget):
    """Emits `ready` once the data is on screen (screenshots and tests wait for it)."""

    ready = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._loaded = False
        self._job: Job[DashboardTable] | None = None
        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.model = DashboardTableModel(lang=i18n.current_language(), parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.chart = SeriesChart()
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        self.status = QLabel()

        self.chart.setMinimumWidth(CHART_MIN_WIDTH)
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.notes)
        self.retranslate_ui()

    # --- data --------------------------------------------------------------------------------

    def is_ready(self) -> bool:
        return self._loaded

    def load(self) -> None:
        """Fetch the series in a worker; the screen stays responsive meanwhile."""
        if self._job is not None and not self._job.done:
            return
        self.status.setText(self.tr("Loading the national series…"))
        self.status.show()
        db = self._db  # workers capture data, never a widget
        self._job = Job(self, lambda _state: overview.national_series(db),
                        title=self.tr("Loading the national series…"), min_duration_ms=1500)
        self._job.success(self._show).failure(self._failed).start()

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.load()

    def _show(self, table: DashboardTable) -> None:
        self.model.set_table(table)
        self.chart.set_data([str(r["fiscal_year"]) for r in table.rows],
                            [r["budget_crore"] for r in table.rows],  # type: ignore[misc]
                            [r["beneficiaries_lakh"] for r in table.rows])  # type: ignore[misc]
        self.status.hide()
        self._loaded = True
        self._show_notes()
        self._fit_table()
        self.ready.emit()

    def _fit_table(self) -> None:
        """Give the table the width of its columns, so no column hides behind a scroll bar."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        needed = sum(header.sectionSize(i) for i in range(header.count()))
        needed += 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width()
        total = sum(self.splitter.sizes()) or self.width()
        self.table.setMinimumWidth(min(needed, max(total - CHART_MIN_WIDTH, 200)))
        self.splitter.setSizes([needed, max(total - needed, CHART_MIN_WIDTH)])

    def _failed(self, error: BaseException) -> None:
        from ui.errors import show_error

        self.status.setText(self.tr("The national series could not be loaded."))
        show_error(self, error)

    # --- language ----------------------------------------------------------------------------

    def _show_notes(self) -> None:
        table = self.model.table
        items = [core_text.note(n) for n in (table.notes if table else [])]
        items.append(self.tr("— means that no figure is available; it is not a zero."))
        items.append(self.tr("Beneficiaries in lakh (1 lakh = 100,000 persons); budgets in crore "
                             "taka (1 crore = 10 million taka)."))
        self.notes.setText("<b>{}</b><ul style='margin:0'>{}</ul>".format(
            self.tr("Notes"), "".join(f"<li>{i18n.digits(item)}</li>" for item in items)))

    def retranslate_ui(self) -> None:
        self.title.setText("<h2>{}</h2>".format(self.tr("National series by fiscal year")))
        self.subtitle.setText(self.tr(
            "Beneficiaries and budgets of the social security programmes in this database, "
            "each programme counted once per year. Figures are as published; see About and "
            "sources for where each comes from."))
        self.model.set_language(i18n.current_language())
        self._show_notes()
        if self._loaded:
            self._fit_table()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
