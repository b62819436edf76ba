"""Programmes: the register of social protection programmes, searched and filtered, with the
detail of the selected programme below it.

The register is read once in a background job and filtered in memory (ministry, cluster,
life-cycle stage, active or closed). The search box searches as the user types, after a short
pause, in English and Bangla names, codes, ministries, clusters and target groups; it runs in
a worker (`programme_register_screens.search_codes`, which uses `programme_search` when it is
installed). Selecting a programme shows its detail: register fields, series by fiscal year with
a chart and drill-down, targets, cumulative figures between two dates, and sources.
"""

from __future__ import annotations

from nsss_desktop.services import programme_register_screens as screens
from nsss_desktop.services.programme_register_screens import Register
from nsss_desktop.store.database import Database
from ui import i18n
from ui.jobs import Job
from ui.qt import (
    QAbstractItemView,
    QComboBox,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QModelIndex,
    QShortcut,
    QSplitter,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    qconnect,
)
from ui.screens.programme_detail import ProgrammeDetailPanel
from ui.screens.programme_register_model import (
    COLUMN_KEYS,
    ROW_ROLE,
    ProgrammeFilter,
    ProgrammeRegisterModel,
    column,
)

DEBOUNCE_MS = 250
WIDTHS = {"code": 120, "name": 250, "lead": 170, "implementing": 130, "cluster": 150,
          "stages": 140, "target_group": 150, "benefit": 170, "start_year": 50, "active": 60}
ALL = None


class ProgrammesScreen(QWidget):
    """Emits `ready` once the register is on screen and no search is pending."""

    ready = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._loaded = False
        self._register: Register | None = None
        self._job: Job[Register] | None = None
        self._search_job: Job[list[str] | None] | None = None
        self._searched: str | None = None  # the text of the codes now applied
        self._generation = 0

        self.title, self.subtitle, self.count = QLabel(), QLabel(), QLabel()
        self.subtitle.setWordWrap(True)
        self.search_label = QLabel()
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search_edit)
        self.ministry_combo, self.cluster_combo = QComboBox(), QComboBox()
        self.stage_combo, self.active_combo = QComboBox(), QComboBox()
        self.filter_labels = [QLabel() for _ in range(4)]
        adjust = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        for label, combo, width in zip(self.filter_labels, (
                self.ministry_combo, self.cluster_combo, self.stage_combo, self.active_combo),
                (16, 12, 12, 10), strict=True):
            label.setBuddy(combo)
            combo.setSizeAdjustPolicy(adjust)
            combo.setMinimumContentsLength(width)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)

        self.model = ProgrammeRegisterModel(self)
        self.proxy = ProgrammeFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("programmeRegister")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for key in COLUMN_KEYS:
            header.setSectionResizeMode(column(key), QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column(key), WIDTHS[key])
        header.setStretchLastSection(True)
        self.detail = ProgrammeDetailPanel(db)

        filters = QHBoxLayout()
        filters.addWidget(self.search_label)
        filters.addWidget(self.search_edit, 1)
        for label, combo in zip(self.filter_labels, (self.ministry_combo, self.cluster_combo,
                                                     self.stage_combo, self.active_combo),
                                strict=True):
            filters.addWidget(label)
            filters.addWidget(combo)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        register = QWidget()
        register_layout = QVBoxLayout(register)
        register_layout.setContentsMargins(0, 0, 0, 0)
        register_layout.addWidget(self.table, 1)
        register_layout.addWidget(self.count)
        self.splitter.addWidget(register)
        self.splitter.addWidget(self.detail)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([340, 320])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        order = (self.search_edit, self.ministry_combo, self.cluster_combo, self.stage_combo,
                 self.active_combo, self.table, self.detail)
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

        qconnect(self.search_edit.textChanged, lambda _t: self.timer.start())
        qconnect(self.search_edit.returnPressed, self.run_search)
        qconnect(self.timer.timeout, self.run_search)
        for combo in (self.ministry_combo, self.cluster_combo, self.stage_combo,
                      self.active_combo):
            qconnect(combo.currentIndexChanged, lambda _i: self._apply_filters())
        qconnect(self.table.selectionModel().currentRowChanged, self._current_changed)
        qconnect(QShortcut(QKeySequence.StandardKey.Find, self).activated,
                 self.search_edit.setFocus)
        self.retranslate_ui()

    # --- data --------------------------------------------------------------------------------

    def is_ready(self) -> bool:
        return (self._loaded and not self.timer.isActive()
                and (self._search_job is None or self._search_job.done)
                and self._searched == self.search_edit.text().strip())

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.load()

    def load(self) -> None:
        if self._job is not None and not self._job.done:
            return
        db = self._db
        self._job = Job(self, lambda _s: screens.register(db),
                        title=self.tr("Loading the programme register…"), min_duration_ms=1500)
        self._job.success(self._show).failure(self._failed).start()

    def _show(self, register: Register) -> None:
        self._register = register
        selected = self.current_code()
        self.model.set_register(register)
        self._fill_combos()
        self._searched = ""
        self._apply_filters()
        if not (selected and self.select_programme(selected)) and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, column("code")))
        self._loaded = True
        self.ready.emit()

    def _failed(self, error: BaseException) -> None:
        from ui.errors import show_error

        show_error(self, error)

    # --- search and filters ------------------------------------------------------------------

    def run_search(self) -> None:
        """Search now for the text in the box (in a worker); the newest request wins."""
        self.timer.stop()
        query = self.search_edit.text().strip()
        self._generation += 1
        generation = self._generation
        if not query:
            self._apply_codes(generation, "", None)
            return
        db = self._db
        self._search_job = Job(self, lambda _s: screens.search_codes(db, query), progress=False)
        self._search_job.success(lambda codes: self._apply_codes(generation, query, codes))
        self._search_job.failure(self._failed).start()

    def _apply_codes(self, generation: int, query: str, codes: list[str] | None) -> None:
        if generation != self._generation:
            return  # an older search came back after a newer one started
        self._searched = query
        self.proxy.set_codes(codes)
        self._after_filter()
        if self.is_ready():
            self.ready.emit()

    def _fill_combos(self) -> None:
        reg = self._register
        if reg is None:
            return
        lang = i18n.current_language()
        for combo, items, all_text in (
                (self.ministry_combo, reg.ministries, self.tr("All ministries")),
                (self.cluster_combo, reg.clusters, self.tr("All clusters")),
                (self.stage_combo, reg.stages, self.tr("All life cycle stages"))):
            self._fill(combo, all_text, [(n.name(lang), n.code) for n in items])
        self._fill(self.active_combo, self.tr("Active and closed"),
                   [(self.tr("Active"), True), (self.tr("Closed"), False)])

    @staticmethod
    def _fill(combo: QComboBox, all_text: str, items: list[tuple[str, object]]) -> None:
        current = combo.currentData() if combo.count() else ALL
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_text, ALL)
        for label, data in items:
            combo.addItem(label, data)
        index = combo.findData(current) if current is not ALL else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def choose(self, which: str, data: object) -> None:
        """Choose a filter by its data: which is ministry, cluster, stage or active."""
        combo = {"ministry": self.ministry_combo, "cluster": self.cluster_combo,
                 "stage": self.stage_combo, "active": self.active_combo}[which]
        combo.setCurrentIndex(max(combo.findData(data), 0) if data is not ALL else 0)

    def _apply_filters(self) -> None:
        self.proxy.set_filters(ministry=self.ministry_combo.currentData(),
                               cluster=self.cluster_combo.currentData(),
                               stage=self.stage_combo.currentData(),
                               active=self.active_combo.currentData())
        self._after_filter()

    def _after_filter(self) -> None:
        self.count.setText(self.tr("{shown} of {total} programmes shown.").format(
            shown=i18n.number(self.proxy.rowCount(), 0),
            total=i18n.number(self.model.rowCount(), 0)))
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, column("code")))

    def shown_codes(self) -> list[str]:
        return [self.proxy.index(i, 0).data(ROW_ROLE).code for i in range(self.proxy.rowCount())]

    # --- selection ---------------------------------------------------------------------------

    def current_code(self) -> str | None:
        index = self.table.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        return row.code if row is not None else None

    def select_programme(self, code: str) -> bool:
        source = self.model.row_of(code)
        if source < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source, column("code")))
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(ROW_ROLE) if current.isValid() else None
        if row is not None:
            self.detail.show_programme(row.code)

    def detail_ready(self) -> bool:
        return self.detail.is_ready()

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.title.setText("<h2>{}</h2>".format(self.tr("Social protection programmes")))
        self.subtitle.setText(self.tr(
            "The programme register. Search by name (English or Bangla), code, ministry, "
            "cluster or target group; select a programme to see its figures, targets and "
            "sources. Classifications marked “demo” are not from a source."))
        self.search_label.setText(self.tr("&Search:"))
        self.search_edit.setPlaceholderText(self.tr("e.g. old age, বয়স্ক, MoSW, food…"))
        for label, caption in zip(self.filter_labels, (
                self.tr("&Ministry:"), self.tr("C&luster:"), self.tr("Life c&ycle:"),
                self.tr("S&tatus:")), strict=True):
            label.setText(caption)
        self.model.set_language()
        self._fill_combos()
        if self._loaded:
            self._after_filter()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
