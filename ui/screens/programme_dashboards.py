"""Programme dashboards: the national programmes, or one ministry, thematic cluster or life-cycle
stage, by fiscal year, as tables and charts with the figure rows behind every number.

Everything shown is one `DashboardData` from `services.programme_dashboard_screens`, loaded in a
background job: the core's tables, unchanged, so the screen and the reports read the same
numbers, each programme counted once in any total. Double-click (or Enter) on a number opens
the figure rows behind it; on a row of a "by cluster", "by life cycle" or "by ministry" table it
opens that group's own dashboard, and Back returns to the previous one.
"""

from __future__ import annotations

from dataclasses import replace

from nsss_desktop.domain import FiscalYear
from nsss_desktop.services import programme_dashboard_screens as screens
from nsss_desktop.services.programme_dashboard_screens import DashboardData, Request
from nsss_desktop.services.programme_dashboards import DrillKey
from nsss_desktop.store.database import Database
from ui import core_text, i18n, reform_text
from ui.jobs import Job
from ui.programme_charts import LineSeriesChart
from ui.qt import (
    QCheckBox,
    QComboBox,
    QEvent,
    QHBoxLayout,
    QLabel,
    QModelIndex,
    QPushButton,
    QSizePolicy,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
    qconnect,
)
from ui.screens.programme_dashboard_charts import show_charts
from ui.screens.programme_dashboard_text import measure_name
from ui.screens.programme_dashboard_widgets import (
    BANNER_STYLE,
    ChartsPage,
    DrillDialog,
    TablePage,
    notes_html,
)

TABLE_PAGES = ("series", "programmes", "by_cluster", "by_life_cycle", "by_ministry")
_HORIZONTAL = Qt.Orientation.Horizontal
_DISPLAY = Qt.ItemDataRole.DisplayRole  # a column's header, with its unit


class ProgrammeDashboardsScreen(QWidget):
    """Emits `ready` after each load (screenshots and tests wait for it)."""

    ready = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._loaded = False
        self._pending = False
        self._job: Job[DashboardData] | None = None
        self._request = Request()
        self._history: list[Request] = []
        self._breakdown_chosen = False
        self.data: DashboardData | None = None
        self.drill_dialog: DrillDialog | None = None

        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.back_button = QPushButton()
        self.back_button.setEnabled(False)
        self.view_label, self.item_label, self.year_label = QLabel(), QLabel(), QLabel()
        self.view_combo, self.item_combo, self.year_combo = QComboBox(), QComboBox(), QComboBox()
        for kind in screens.KINDS:
            self.view_combo.addItem("", kind)
        self.item_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.item_combo.setMinimumContentsLength(14)
        self.item_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for label, combo in ((self.view_label, self.view_combo), (self.item_label, self.item_combo),
                             (self.year_label, self.year_combo)):
            label.setBuddy(combo)
        self.submitted_check = QCheckBox()
        self.banner = QLabel()
        self.banner.setObjectName("submittedBanner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.view_notes = QLabel()
        self.view_notes.setWordWrap(True)
        self.status = QLabel()

        self.series_chart = LineSeriesChart()
        self.series_chart.setMinimumWidth(300)
        self.pages = {key: TablePage(self.series_chart if key == "series" else None)
                      for key in TABLE_PAGES}
        self.charts = ChartsPage()
        self.tabs = QTabWidget()
        for key in TABLE_PAGES:
            self.tabs.addTab(self.pages[key], "")
        self.tabs.addTab(self.charts, "")

        filters = QHBoxLayout()
        filters.addWidget(self.back_button)
        for widget in (self.view_label, self.view_combo, self.item_label, self.item_combo,
                       self.year_label, self.year_combo):
            filters.addWidget(widget, 2 if widget is self.item_combo else 0)
        filters.addStretch(1)
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.submitted_check)
        scope_row.addWidget(self.banner, 1)
        scope_row.addStretch(0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addLayout(scope_row)
        layout.addWidget(self.view_notes)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        order = [self.back_button, self.view_combo, self.item_combo, self.year_combo,
                 self.submitted_check, self.tabs]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

        qconnect(self.back_button.clicked, self.go_back)
        qconnect(self.view_combo.currentIndexChanged, self._view_chosen)
        qconnect(self.item_combo.currentIndexChanged, self._item_chosen)
        qconnect(self.year_combo.currentIndexChanged, self._year_chosen)
        qconnect(self.submitted_check.toggled, self._scope_chosen)
        for key, page in self.pages.items():
            qconnect(page.view.activated, lambda index, key=key: self.activate(key, index))
        qconnect(self.charts.share.barClicked, self._share_clicked)
        qconnect(self.charts.stacked.barClicked, self._breakdown_clicked)
        qconnect(self.charts.breakdownChosen, self._breakdown_changed)
        self.retranslate_ui()

    # --- data --------------------------------------------------------------------------------

    def is_ready(self) -> bool:
        return self._loaded and (self._job is None or self._job.done)

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.load()

    def load(self) -> None:
        """Load the requested view in a worker; a newer request waits for the running one."""
        if self._job is not None and not self._job.done:
            self._pending = True
            return
        db, request = self._db, self._request
        self.status.setText(self.tr("Loading the dashboard…"))
        self.status.show()
        self._job = Job(self, lambda _state: screens.load(db, request),
                        title=self.tr("Loading the dashboard…"), min_duration_ms=1500)
        self._job.success(self._show).failure(self._failed).start()

    def _show(self, data: DashboardData) -> None:
        if self._pending:  # the filters changed meanwhile: show the latest choice instead
            self._pending = False
            self.load()
            return
        self.data = data
        self._request = data.request
        names = data.names_bn
        tables = data.view.tables
        for key, page in self.pages.items():
            page.set_table(tables.get(key), names)
            self.tabs.setTabVisible(self.tabs.indexOf(page), key in tables)
        if not self.tabs.isTabVisible(self.tabs.currentIndex()):
            self.tabs.setCurrentWidget(self.pages["programmes"] if "programmes" in tables
                                       else self.pages["series"])
        if not self._breakdown_chosen:
            self.charts.choose(next((d for d in screens.BREAKDOWNS if data.breakdowns[d].rows),
                                    screens.BREAKDOWNS[0]))
        self.status.hide()
        self._loaded = True
        self.retranslate_ui()
        self.ready.emit()

    def _failed(self, error: BaseException) -> None:
        from ui.errors import show_error

        self._pending = False
        self.status.setText(self.tr("The dashboard could not be loaded."))
        show_error(self, error)

    # --- choosing a view ---------------------------------------------------------------------

    def request_view(self, kind: str, code: str | None = None) -> None:
        """Show another view (remembering this one for Back); code None: its default item."""
        current = self._request
        if (kind, code) == (current.kind, current.code):
            return
        if self.data is not None:
            self._history.append(current)
        self._request = replace(current, kind=kind, code=code)
        self.load()

    def go_back(self) -> None:
        if not self._history:
            return
        previous = self._history.pop()
        self._request = replace(self._request, kind=previous.kind, code=previous.code)
        self.load()

    def _view_chosen(self, _index: int) -> None:
        if not self._updating():
            self.request_view(str(self.view_combo.currentData()))

    def _item_chosen(self, _index: int) -> None:
        if not self._updating() and self.item_combo.currentData():
            self.request_view(self._request.kind, str(self.item_combo.currentData()))

    def _year_chosen(self, _index: int) -> None:
        year = self.year_combo.currentData()
        if not self._updating() and year is not None:
            self._request = replace(self._request, fiscal_year=FiscalYear(int(year)))
            self.load()

    def _scope_chosen(self, checked: bool) -> None:
        if not self._updating():
            self._request = replace(self._request, scope="submitted" if checked else "approved")
            self.load()

    def _updating(self) -> bool:
        return bool(self.property("updating"))

    # --- drill-down --------------------------------------------------------------------------

    def activate(self, page_key: str, index: QModelIndex) -> None:
        """Enter or double-click on a cell: the rows behind a number, or the group's view."""
        page = self.pages[page_key]
        key = page.model.drill_key(index.row(), index.column())
        if key is not None:
            self.open_drill(key, self._describe(page, index.row(), index.column(), key))
            return
        targets = self.data.row_targets.get(page_key, []) if self.data else []
        target = targets[index.row()] if index.row() < len(targets) else None
        if target is not None:
            self.request_view(*target)

    def open_drill(self, key: DrillKey, description: str) -> DrillDialog:
        names = self.data.names_bn if self.data else {}
        if self.drill_dialog is not None:
            self.drill_dialog.close()
        dialog = self.drill_dialog = DrillDialog(self._db, key, description, names, self)
        dialog.open()
        dialog.load()
        return dialog

    def _describe(self, page: TablePage, row: int, column: int, key: DrillKey) -> str:
        model = page.model
        table = model.table
        assert table is not None
        value = model.index(row, column).data()
        measure = str(model.headerData(column, _HORIZONTAL, _DISPLAY)).replace("\n", " ")
        years = ", ".join(i18n.digits(str(FiscalYear(y))) for y in key.fiscal_years)
        name_column = next((i for i, c in enumerate(table.columns)
                            if c.key in ("name_en", "group")), -1)
        if name_column < 0:  # a series row: the year is the row's name
            return self.tr("{measure} in {year}: {value}").format(
                measure=measure, year=years, value=value)
        return self.tr("{measure} of {name} in {year}: {value}").format(
            measure=measure, name=model.index(row, name_column).data(), year=years, value=value)

    def _share_clicked(self, key: object) -> None:
        if isinstance(key, DrillKey):
            label = self.charts.share_labels.get(key, "")
            self.open_drill(key, self.tr("{measure} of {name}").format(
                measure=measure_name("budget"), name=label))

    def _breakdown_clicked(self, key: object) -> None:
        if not isinstance(key, tuple) or self.data is None:
            return
        year, category = key
        table = self.data.breakdowns[self.charts.dimension()]
        row = next((i for i, r in enumerate(table.rows) if r["fiscal_year"] == year), None)
        drill = table.drill.get((row, category)) if row is not None else None
        if isinstance(drill, DrillKey):
            self.open_drill(drill, self.tr("Beneficiaries reporting a breakdown in {year} "
                                           "(all categories)").format(year=i18n.digits(year)))

    def _breakdown_changed(self, _dimension: str) -> None:
        self._breakdown_chosen = True
        show_charts(self)

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setProperty("updating", True)
        try:
            self._texts()
            self._fill_filters()
        finally:
            self.setProperty("updating", False)
        for page in self.pages.values():
            page.retranslate()
        self.charts.retranslate()
        show_charts(self)

    def _texts(self) -> None:
        data = self.data
        view = data.view if data else None
        name = ""
        if view is not None:
            bangla = view.title_bn if view.title_bn != view.title else None
            name = reform_text.name(view.title, bangla)
        self.title.setText("<h2>{}</h2>".format(
            self.tr("Programme dashboards — {name}").format(name=name) if name
            else self.tr("Programme dashboards")))
        self.back_button.setText(self.tr("← &Back"))
        self.back_button.setToolTip(self.tr("Return to the previous dashboard"))
        self.back_button.setEnabled(bool(self._history))
        self.view_label.setText(self.tr("&View:"))
        self.year_label.setText(self.tr("&Fiscal year:"))
        self.item_label.setText({"ministry": self.tr("&Ministry:"),
                                 "cluster": self.tr("&Cluster:"),
                                 "life_cycle": self.tr("&Life cycle:")}.get(self._request.kind,
                                                                            ""))
        self.submitted_check.setText(self.tr("Include &submitted (not yet approved) data"))
        submitted = data is not None and data.request.scope == "submitted"
        self.banner.setText(self.tr("These figures include data submitted by ministries that "
                                    "GED has not yet approved."))
        self.banner.setVisible(submitted)
        self.view_notes.setText(" ".join(core_text.note(n) for n in (view.notes if view else [])))
        self.view_notes.setVisible(bool(view and view.notes))
        year = i18n.digits(str(data.request.fiscal_year)) if data and data.request.fiscal_year \
            else ""
        for key, text in (("series", self.tr("Series by fiscal year")),
                          ("programmes", self.tr("Programmes, {year}").format(year=year)),
                          ("by_cluster", self.tr("By cluster")),
                          ("by_life_cycle", self.tr("By life cycle")),
                          ("by_ministry", self.tr("By ministry"))):
            self.tabs.setTabText(self.tabs.indexOf(self.pages[key]), text)
        self.tabs.setTabText(self.tabs.indexOf(self.charts), self.tr("Budget share and "
                                                                     "breakdowns"))
        self._page_texts(name, year)

    def _page_texts(self, name: str, year: str) -> None:
        kind = self._request.kind
        national = kind == "national"
        headings = {
            "series": self.tr("Beneficiaries and budgets by fiscal year, each programme counted "
                              "once") if national else
            self.tr("{name}: this ministry's programmes and shares by fiscal year").format(
                name=name) if kind == "ministry" else
            self.tr("{name}: series by fiscal year").format(name=name),
            "programmes": self.tr("All programmes, {year}").format(year=year) if national else
            self.tr("Programmes of {name}, {year}").format(name=name, year=year),
            "by_cluster": self.tr("Programmes by thematic cluster, {year}").format(year=year),
            "by_life_cycle": self.tr("Programmes by life-cycle stage, {year}").format(year=year),
            "by_ministry": self.tr("Programmes by ministry or division, {year}").format(
                year=year),
        }
        drill = self.tr("Double-click a number, or select it and press Enter, to see the figure "
                        "rows behind it.")
        navigate = self.tr("Double-click a name to open its own dashboard; Back returns here.")
        units = self.tr("Beneficiaries in lakh (1 lakh = 100,000 persons), money in crore taka "
                        "(1 crore = 10 million taka). — means no figure; n/a means reported as "
                        "not available.")
        for key, page in self.pages.items():
            page.heading.setText(f"<b>{headings[key]}</b>")
            table = page.model.table
            extra = [drill, navigate] if key in screens.GROUP_TABLES else [drill]
            page.notes.setText(notes_html(self.tr("Notes"),
                                          [*(table.notes if table else []), *extra, units]))

    def _fill_filters(self) -> None:
        data, request = self.data, self._request
        self.view_combo.setCurrentIndex(max(self.view_combo.findData(request.kind), 0))
        for index, text in enumerate((self.tr("All ministries"), self.tr("Ministry"),
                                      self.tr("Thematic cluster"), self.tr("Life cycle"))):
            self.view_combo.setItemText(index, text)
        national = request.kind == "national"
        self.item_label.setVisible(not national)
        self.item_combo.setVisible(not national)
        self.item_combo.clear()
        self.year_combo.clear()
        if data is None:
            return
        for item in data.choices.items(request.kind):
            name = reform_text.name(item.name_en, item.name_bn)
            self.item_combo.addItem(self.tr("{name} (no programmes)").format(name=name)
                                    if not item.programmes else name, item.code)
        self.item_combo.setCurrentIndex(max(self.item_combo.findData(request.code), 0))
        for fy in reversed(data.choices.fiscal_years):
            self.year_combo.addItem(i18n.digits(str(fy)), fy.start_year)
        if request.fiscal_year is not None:
            self.year_combo.setCurrentIndex(
                max(self.year_combo.findData(request.fiscal_year.start_year), 0))
        self.submitted_check.setChecked(request.scope == "submitted")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
