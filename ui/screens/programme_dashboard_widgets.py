"""Parts of the programme dashboards screen: a table page, the charts page, the drill-down dialog.

A `TablePage` shows one core `DashboardTable` (exact values, formatted by
`ProgrammeTableModel`) with its notes under it; double-click or Enter on a cell emits the
view's `activated` signal, which the screen turns into a drill-down or a change of view. The
`DrillDialog` loads `drilldown()`'s table (the figure rows behind one number) in a `Job`.
"""

from __future__ import annotations

from collections.abc import Iterable

from nsss_desktop.services import programme_dashboard_screens as screens
from nsss_desktop.services.programme_dashboards import DrillKey
from nsss_desktop.services.tables import DashboardTable
from nsss_desktop.store.database import Database
from ui import core_text, i18n
from ui.jobs import Job
from ui.programme_charts import ShareChart, StackedBarChart
from ui.qt import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
    qconnect,
)
from ui.screens.programme_dashboard_text import HIDDEN_COLUMNS, TOTAL_BASIS, ProgrammeTableModel

TRAILING_COLUMNS = ("lead_ministry", "cluster", "life_cycle")  # after the numbers
MAX_NAME_WIDTH = 320
MAX_TEXT_WIDTH = 220
WIDE_COLUMNS = ("name_en", "group", "source")


def notes_html(title: str, notes: Iterable[str]) -> str:
    """A bold title and a list of notes (core notes are translated by their English text)."""
    items = "".join(f"<li>{i18n.digits(core_text.note(n))}</li>" for n in notes if n)
    return f"<b>{title}</b><ul style='margin-top:0; margin-bottom:0'>{items}</ul>"


def make_table_view(model: ProgrammeTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
    return view


def fit_columns(view: QTableView, model: ProgrammeTableModel) -> None:
    """Hide the Bangla twin columns, put names first and numbers next, cap wide text columns."""
    table = model.table
    header = view.horizontalHeader()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)  # per language
    if table is None:
        return
    for key in TRAILING_COLUMNS:
        logical = model.column_of(key)
        if logical >= 0:
            header.moveSection(header.visualIndex(logical), header.count() - 1)
    for logical, column in enumerate(table.columns):
        view.setColumnHidden(logical, column.key in HIDDEN_COLUMNS or (
            column.key == "basis" and not any(r.get("basis") not in ("", None, TOTAL_BASIS)
                                              for r in table.rows)))
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.resizeColumnsToContents()
    for logical, column in enumerate(table.columns):
        if column.kind == "text":
            cap = MAX_NAME_WIDTH if column.key in WIDE_COLUMNS else MAX_TEXT_WIDTH
            if header.sectionSize(logical) > cap:
                header.resizeSection(logical, cap)


class TablePage(QWidget):
    """A heading, one dashboard table (with an optional widget beside it) and its notes."""

    def __init__(self, side: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.model = ProgrammeTableModel(lang=i18n.current_language(), parent=self)
        self.view = make_table_view(self.model)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        self.side = side
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        if side is not None:
            self.splitter = QSplitter(Qt.Orientation.Horizontal)
            self.splitter.addWidget(self.view)
            self.splitter.addWidget(side)
            self.splitter.setChildrenCollapsible(False)
            self.splitter.setStretchFactor(0, 1)
            self.splitter.setStretchFactor(1, 1)
            layout.addWidget(self.splitter, 1)
        else:
            layout.addWidget(self.view, 1)
        layout.addWidget(self.notes)

    def set_table(self, table: DashboardTable | None, names_bn: dict[str, str]) -> None:
        self.model.set_names(names_bn)
        self.model.set_table(table)
        self.fit()

    def retranslate(self) -> None:
        self.model.set_language(i18n.current_language())
        self.fit()

    def fit(self) -> None:
        """Fit the columns; beside a chart, give the table the width its columns need."""
        fit_columns(self.view, self.model)
        if self.side is None:
            return
        header = self.view.horizontalHeader()
        needed = sum(header.sectionSize(i) for i in range(header.count())
                     if not header.isSectionHidden(i))
        needed += 2 * self.view.frameWidth() + self.view.verticalScrollBar().sizeHint().width()
        total = sum(self.splitter.sizes()) or self.width()
        room = max(total - self.side.minimumWidth(), 200)
        self.splitter.setSizes([min(needed, room), max(total - min(needed, room), 0)])

    def showEvent(self, event: QEvent) -> None:  # noqa: N802 - a QShowEvent
        super().showEvent(event)  # type: ignore[arg-type]
        self.fit()


class ChartsPage(QWidget):
    """The budget share chart beside the stacked breakdown chart (gender, area, division)."""

    breakdownChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.share_title = QLabel()
        self.share_title.setWordWrap(True)
        self.share = ShareChart()
        self.share_labels: dict[DrillKey, str] = {}  # a bar's key -> its name and value
        self.breakdown_label = QLabel()
        self.breakdown = QComboBox()
        self.breakdown_label.setBuddy(self.breakdown)
        for dimension in screens.BREAKDOWNS:
            self.breakdown.addItem("", dimension)
        self.stacked_title = QLabel()
        self.stacked_title.setWordWrap(True)
        self.stacked = StackedBarChart()
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.share_title)
        left_layout.addWidget(self.share, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.breakdown_label)
        row.addWidget(self.breakdown)
        row.addStretch(1)
        right_layout.addLayout(row)
        right_layout.addWidget(self.stacked_title)
        right_layout.addWidget(self.stacked, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.notes)
        qconnect(self.breakdown.currentIndexChanged,
                 lambda _i: self.breakdownChosen.emit(self.breakdown.currentData()))

    def dimension(self) -> str:
        return str(self.breakdown.currentData())

    def choose(self, dimension: str) -> None:
        """Select a breakdown without emitting `breakdownChosen`."""
        self.breakdown.blockSignals(True)
        self.breakdown.setCurrentIndex(max(self.breakdown.findData(dimension), 0))
        self.breakdown.blockSignals(False)

    def retranslate(self) -> None:
        self.breakdown_label.setText(self.tr("&Breakdown:"))
        for index, text in enumerate((self.tr("Gender"), self.tr("Area (rural/urban)"),
                                      self.tr("Division"))):
            self.breakdown.setItemText(index, text)


class DrillDialog(QDialog):
    """The figure rows behind one number: which were used, their stage, source and approval.

    Emits `ready` once the rows are shown (tests and screenshots wait for it).
    """

    ready = Signal()

    def __init__(self, db: Database, key: DrillKey, description: str,
                 names_bn: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self.key, self._description = db, key, description
        self._loaded = False
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.scope_note = QLabel()
        self.scope_note.setObjectName("submittedBanner")
        self.scope_note.setStyleSheet(BANNER_STYLE)
        self.scope_note.setWordWrap(True)
        self.scope_note.setVisible(key.scope != "approved")
        self.status = QLabel()
        self.model = ProgrammeTableModel(lang=i18n.current_language(), parent=self)
        self.model.set_names(names_bn)
        self.view = make_table_view(self.model)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        qconnect(self.buttons.rejected, self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.scope_note, self.status):
            layout.addWidget(widget)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.notes)
        layout.addWidget(self.buttons)
        self.resize(1120, 460)
        self.retranslate_ui()

    def is_ready(self) -> bool:
        return self._loaded

    def load(self) -> None:
        db, key = self._db, self.key
        self.status.setText(self.tr("Loading the figures behind this number…"))
        job: Job[DashboardTable] = Job(self, lambda _state: screens.drilldown(db, key),
                                       title=self.tr("Loading the figures behind this number…"),
                                       min_duration_ms=1500)
        job.success(self._show).failure(self._failed).start()

    def _show(self, table: DashboardTable) -> None:
        self.model.set_table(table)
        fit_columns(self.view, self.model)
        self.status.hide()
        self._loaded = True
        self.retranslate_ui()
        self.view.setFocus()
        self.ready.emit()

    def _failed(self, error: BaseException) -> None:
        from ui.errors import show_error

        self.status.setText(self.tr("The figures behind this number could not be loaded."))
        show_error(self, error)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Figures behind a number"))
        self.heading.setText(self._description)
        self.scope_note.setText(self.tr("Includes submitted figures that GED has not yet "
                                        "approved."))
        table = self.model.table
        notes = [*(table.notes if table else []),
                 self.tr("The rows marked \"yes\" under Used make up the number; the others "
                         "were reported too, but the rule chose another row for that year.")]
        self.notes.setText(notes_html(self.tr("How the number is made"), notes))
        self.model.set_language(i18n.current_language())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


BANNER_STYLE = ("background: #fff3cd; color: #4d3800; border: 1px solid #d9a400; "
                "border-radius: 3px; padding: 4px 8px;")
