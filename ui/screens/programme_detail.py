"""The detail of one programme, under the register: its register fields, the series by fiscal
year (table and chart), the targets, the cumulative figures between two dates, and sources.

The series is `programme_dashboards.series` for this one programme, so every number here is
the number the dashboards show; a double click (or Enter) on a number opens the figure rows
behind it (`programme_dashboards.drilldown`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from nsss_desktop.services import programme_register_screens as screens
from nsss_desktop.services.programme_register_screens import ProgrammeDetail, ProgrammeRow
from nsss_desktop.services.tables import DashboardTable
from nsss_desktop.store.database import Database
from ui import i18n
from ui.jobs import Job
from ui.models.table_model import DashboardTableModel
from ui.programme_charts import ChartSeries, LineSeriesChart
from ui.qt import (
    QAbstractItemView,
    QDialog,
    QEvent,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QModelIndex,
    QSplitter,
    Qt,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
    qconnect,
    translate,
)
from ui.screens import programme_text as text
from ui.screens.programme_cumulative import CumulativePanel
from ui.screens.programme_drilldown import DrilldownDialog
from ui.screens.programme_register_model import cell_text
from ui.screens.programme_targets import TargetsTab

SERIES_UNITS = {"active_beneficiaries": "lakh", "budget": "crore", "expenditure": "crore"}
FIELDS = ("code", "name_en", "name_bn", "lead", "implementing", "cluster", "stages",
          "target_group", "benefit_type", "benefit_value", "unit", "start_year", "active")


def make_drill_dialog(db: Database, key: object, caption: str, programme: ProgrammeRow,
                      parent: QWidget) -> QDialog:
    """The dashboards' drill-down dialog when that screen provides one, else our own."""
    try:
        from ui.screens.programme_dashboard_widgets import DrillDialog
    except ImportError:
        return DrilldownDialog(db, key, caption, parent)  # type: ignore[arg-type]
    names = {programme.code: programme.name_bn} if programme.name_bn else {}
    dialog = DrillDialog(db, key, caption, names, parent)  # type: ignore[arg-type]
    dialog.load()
    return dialog


class SeriesModel(DashboardTableModel):
    """The series table with headers in the interface language (measure labels and units)."""

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        table = self.table
        if (table is None or orientation != Qt.Orientation.Horizontal
                or role != Qt.ItemDataRole.DisplayRole or not 0 <= section < len(table.columns)):
            return super().headerData(section, orientation, role)
        key = table.columns[section].key
        if key == "fiscal_year":
            return translate("ProgrammeText", "Fiscal year")
        if key in SERIES_UNITS:
            unit = translate("ProgrammeText", "lakh") if SERIES_UNITS[key] == "lakh" else \
                translate("ProgrammeText", "crore Tk")
            return f"{text.measure_label(key)}\n({unit})"
        return super().headerData(section, orientation, role)


class ProgrammeDetailPanel(QTabWidget):
    """Emits `loaded` when a programme's detail (and its targets and cumulative) are shown."""

    loaded = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.detail: ProgrammeDetail | None = None
        self.job: Job[ProgrammeDetail] | None = None
        self.drill_dialog: QDialog | None = None
        self._wanted: str | None = None

        # Register fields, in two columns.
        self.register_tab = QWidget()
        self.field_labels = {key: QLabel() for key in FIELDS}
        self.field_values = {key: QLabel() for key in FIELDS}
        columns = QHBoxLayout(self.register_tab)
        forms = [QFormLayout(), QFormLayout()]
        for i, key in enumerate(FIELDS):
            value = self.field_values[key]
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            forms[0 if i < 7 else 1].addRow(self.field_labels[key], value)
        for form in forms:
            columns.addLayout(form, 1)

        # Series by fiscal year: table and chart.
        self.series_tab = QWidget()
        self.series_model = SeriesModel(lang=i18n.current_language(), parent=self)
        self.series_view = QTableView()
        self.series_view.setModel(self.series_model)
        self.series_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.series_view.setAlternatingRowColors(True)
        self.series_view.verticalHeader().hide()
        self.series_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.series_view.setTabKeyNavigation(False)
        self.series_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.chart = LineSeriesChart()
        self.chart.setMinimumWidth(340)
        self.series_hint = QLabel()
        self.series_hint.setWordWrap(True)
        self.series_hint.setStyleSheet("color:#555;")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.series_view, 1)
        left_layout.addWidget(self.series_hint)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.chart)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([480, 520])
        QVBoxLayout(self.series_tab).addWidget(splitter)

        self.targets_tab = TargetsTab(db)
        self.cumulative_tab = CumulativePanel(db)
        self.sources_tab = QTableWidget(0, 3)
        self.sources_tab.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sources_tab.setWordWrap(True)
        self.sources_tab.verticalHeader().hide()
        self.sources_tab.horizontalHeader().resizeSection(0, 190)
        self.sources_tab.horizontalHeader().resizeSection(1, 520)
        self.sources_tab.horizontalHeader().setStretchLastSection(True)

        for tab in (self.register_tab, self.series_tab, self.targets_tab, self.cumulative_tab,
                    self.sources_tab):
            self.addTab(tab, "")
        qconnect(self.series_view.activated, self._drill)
        qconnect(self.series_view.doubleClicked, self._drill)
        self.retranslate_ui()

    # --- data --------------------------------------------------------------------------------

    def show_programme(self, code: str) -> None:
        """Load `code` in a worker; a newer request wins over one still running."""
        self._wanted = code
        if self.job is not None and not self.job.done:
            return
        db = self._db
        self.detail = None
        self.job = Job(self, lambda _s: screens.programme_detail(db, code), progress=False)
        self.job.success(self._show).failure(self._failed).start()

    def is_ready(self) -> bool:
        return (self.detail is not None and self.detail.programme.code == self._wanted
                and self.targets_tab.is_ready() and self.cumulative_tab.is_ready())

    def _show(self, detail: ProgrammeDetail) -> None:
        if detail.programme.code != self._wanted and self._wanted is not None:
            self.show_programme(self._wanted)  # the selection moved on meanwhile
            return
        self.detail = detail
        self._fill_fields(detail.programme)
        self.series_model.set_table(self._without_count(detail.series))
        self.series_view.resizeColumnsToContents()
        self._fill_chart(detail.series)
        self._fill_sources()
        self.targets_tab.set_programme(detail.programme.code, detail.fiscal_years)
        self.cumulative_tab.set_programme(detail.programme.code, detail.fiscal_years)
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        from ui.errors import show_error

        show_error(self, error)

    @staticmethod
    def _without_count(table: DashboardTable) -> DashboardTable:
        """One programme: "programmes counted" is always 1, so that column is left out."""
        columns = [c for c in table.columns if c.key != "programmes_counted"]
        return DashboardTable(table.name, table.title, columns, table.rows, table.notes,
                              table.drill)

    def _fill_fields(self, row: ProgrammeRow) -> None:
        lang = i18n.current_language()
        values = {
            "code": row.code, "name_en": row.name_en, "name_bn": row.name_bn or "—",
            "lead": row.lead.name(lang) if row.lead else "—",
            "implementing": cell_text(row, "implementing") or "—",
            "cluster": cell_text(row, "cluster") or "—",
            "stages": cell_text(row, "stages") or "—",
            "target_group": row.target_group or "—",
            "benefit_type": text.benefit_type(row.benefit_type) or "—",
            "benefit_value": row.benefit_value or "—",
            "unit": self.tr("families") if row.beneficiary_unit == "families"
            else self.tr("persons"),
            "start_year": i18n.digits(str(row.start_year)) if row.start_year else "—",
            "active": cell_text(row, "active"),
        }
        for key, value in values.items():
            self.field_values[key].setText(value)

    def _fill_chart(self, table: DashboardTable) -> None:
        years = [str(r["fiscal_year"]) for r in table.rows]
        series = []
        for key, unit in SERIES_UNITS.items():
            values = [r.get(key) for r in table.rows]
            if any(isinstance(v, Decimal | int) for v in values):
                series.append(ChartSeries(key, text.measure_label(key),
                                          [v if isinstance(v, Decimal | int) else None
                                           for v in values], unit))
        if years and series:
            self.chart.set_data(years, series)
        else:
            self.chart.clear()

    def _fill_sources(self) -> None:
        sources = self.detail.sources if self.detail else []
        self.sources_tab.setRowCount(len(sources))
        for row, s in enumerate(sources):
            for col, value in enumerate((s.code, s.title, s.url)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.sources_tab.setItem(row, col, item)
        self.sources_tab.resizeRowsToContents()
        self.setTabText(4, self.tr("Sources ({count})").format(
            count=i18n.number(len(sources), 0)))

    # --- drill-down --------------------------------------------------------------------------

    def drill_key(self, row: int, column_key: str) -> object | None:
        table = self.series_model.table
        return table.drill.get((row, column_key)) if table is not None else None

    def _drill(self, index: QModelIndex) -> None:
        table = self.series_model.table
        if table is None or not index.isValid():
            return
        key = table.columns[index.column()].key
        self.open_drilldown(index.row(), key)

    def open_drilldown(self, row: int, column_key: str) -> QDialog | None:
        key = self.drill_key(row, column_key)
        if key is None or self.detail is None:
            return None
        if self.drill_dialog is not None:
            self.drill_dialog.close()
        year = self.series_model.table.rows[row]["fiscal_year"]  # type: ignore[union-attr]
        caption = self.tr("{programme}, {year}: {measure}").format(
            programme=self.detail.programme.name(i18n.current_language()),
            year=i18n.digits(str(year)), measure=text.measure_label(column_key))
        self.drill_dialog = make_drill_dialog(self._db, key, caption, self.detail.programme,
                                              self)
        self.drill_dialog.open()
        return self.drill_dialog

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        captions = {
            "code": self.tr("Code:"), "name_en": self.tr("Name (English):"),
            "name_bn": self.tr("Name (Bangla):"), "lead": self.tr("Lead ministry:"),
            "implementing": self.tr("Also implemented by:"),
            "cluster": self.tr("Thematic cluster:"), "stages": self.tr("Life cycle stages:"),
            "target_group": self.tr("Target group:"), "benefit_type": self.tr("Benefit type:"),
            "benefit_value": self.tr("Benefit value:"), "unit": self.tr("Counted in:"),
            "start_year": self.tr("Start year:"), "active": self.tr("Status:"),
        }
        for key, caption in captions.items():
            self.field_labels[key].setText(caption)
        for index, caption in enumerate((self.tr("Register"), self.tr("Series by fiscal year"),
                                         self.tr("Targets"),
                                         self.tr("Cumulative between dates"),
                                         self.tr("Sources"))):
            self.setTabText(index, caption)
        self.series_hint.setText(self.tr(
            "Approved figures, as on the dashboards. Double-click a number (or press Enter) "
            "to see the figures behind it. — means no figure."))
        self.sources_tab.setHorizontalHeaderLabels([self.tr("Source id"), self.tr("Title"),
                                                    self.tr("Address")])
        self.series_model.set_language(i18n.current_language())
        if self.detail is not None:
            self._fill_fields(self.detail.programme)
            self._fill_chart(self.detail.series)
            self._fill_sources()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
