"""Widgets of the Enter-figures screen: the grid, the period picker, the issues list and the
completeness table.

The grid behaves like a spreadsheet: typing starts editing, Enter (while editing or not) moves
down to the next programme, Tab moves right. A locked row cannot be edited; trying to type in
it emits `locked_edit` so the screen can say why.
"""

from __future__ import annotations

from datetime import date

from nsss_desktop.domain import FiscalYear, Period, PeriodKind
from nsss_desktop.services.figure_entry import Completeness
from nsss_desktop.services.figure_input import Issue
from ui import i18n
from ui.qt import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QBrush,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QKeyEvent,
    QModelIndex,
    QPersistentModelIndex,
    QResizeEvent,
    Qt,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
    Signal,
    qconnect,
    translate,
)
from ui.screens import programme_text as text
from ui.screens.figures_entry_model import COLUMN_KEYS, ENTRY_KEYS, EntryModel, column

FIRST_YEAR = 2015  # the first fiscal year of the NSSS
WIDTHS = {"code": 96, "name": 210, "benefit_value": 170, "explanation": 200, "state": 140,
          "issues": 130}
FROZEN = 2  # code and programme stay in view when the grid scrolls sideways
ISSUE_ROLE = Qt.ItemDataRole.UserRole + 1


class EntryGrid(QTableView):
    """Spreadsheet keys: Enter moves down (committing an edit first).

    The code and programme columns are frozen: a second view over the first two columns
    (after Qt's "Frozen Column" example) shares the model and the selection and scrolls with
    the grid vertically only, so a row's programme is always in sight.
    """

    locked_edit = Signal(int)  # a row the user tried to type into

    def __init__(self, model: EntryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setObjectName("figuresGrid")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setTabKeyNavigation(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setFixedHeight(3 * self.fontMetrics().height() + 14)
        for key in COLUMN_KEYS:
            header.setSectionResizeMode(column(key), QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column(key), WIDTHS.get(key, 112))
        self.frozen = self._make_frozen()

    # --- the frozen columns ------------------------------------------------------------------

    def _make_frozen(self) -> QTableView:
        frozen = QTableView(self)
        frozen.setObjectName("figuresGridFrozen")
        frozen.setModel(self.model())
        frozen.setSelectionModel(self.selectionModel())
        frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        frozen.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        frozen.setAlternatingRowColors(True)
        frozen.setWordWrap(False)
        frozen.setTextElideMode(Qt.TextElideMode.ElideRight)
        frozen.verticalHeader().hide()
        frozen.verticalHeader().setDefaultSectionSize(self.verticalHeader().defaultSectionSize())
        frozen.horizontalHeader().setDefaultAlignment(self.horizontalHeader().defaultAlignment())
        frozen.horizontalHeader().setFixedHeight(self.horizontalHeader().height())
        frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.setStyleSheet("QTableView { border: none; border-right: 2px solid #8896a5; }")
        self.viewport().stackUnder(frozen)
        qconnect(self.verticalScrollBar().valueChanged, frozen.verticalScrollBar().setValue)
        qconnect(frozen.verticalScrollBar().valueChanged, self.verticalScrollBar().setValue)
        qconnect(self.horizontalHeader().sectionResized, lambda *_a: self._fit_frozen())
        qconnect(self.model().modelReset, self._fit_frozen)
        qconnect(frozen.doubleClicked, self.doubleClicked.emit)
        frozen.show()
        return frozen

    def _frozen_width(self) -> int:
        return sum(self.columnWidth(c) for c in range(FROZEN))

    def _fit_frozen(self) -> None:
        frozen = self.frozen
        for c in range(self.model().columnCount()):
            frozen.setColumnHidden(c, c >= FROZEN)
            if c < FROZEN:
                frozen.setColumnWidth(c, self.columnWidth(c))
        frozen.setGeometry(self.verticalHeader().width() + self.frameWidth(), self.frameWidth(),
                           self._frozen_width() + 2,
                           self.viewport().height() + self.horizontalHeader().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_frozen()

    def scrollTo(self, index: QModelIndex | QPersistentModelIndex,
                 hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible
                 ) -> None:
        """Scroll a cell into view beside the frozen columns, never under them."""
        super().scrollTo(index, hint)
        if index.isValid() and index.column() >= FROZEN:
            left = self.visualRect(index).left()
            if left < self._frozen_width():
                bar = self.horizontalScrollBar()
                bar.setValue(bar.value() + left - self._frozen_width())

    def entry_model(self) -> EntryModel:
        model = self.model()
        assert isinstance(model, EntryModel)
        return model

    def move_down(self) -> None:
        current = self.currentIndex()
        if current.isValid() and current.row() + 1 < self.model().rowCount():
            self.setCurrentIndex(self.model().index(current.row() + 1, current.column()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                self.state() != QAbstractItemView.State.EditingState:
            self.move_down()
            event.accept()
            return
        current = self.currentIndex()
        if current.isValid() and event.text().strip() and \
                COLUMN_KEYS[current.column()] in ENTRY_KEYS and \
                self.entry_model().rows()[current.row()].locked:
            self.locked_edit.emit(current.row())
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Enter in an editor commits (SubmitModelCache); then go to the row below."""
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.move_down()
            return
        super().closeEditor(editor, hint)

    def commit_pending(self) -> None:
        """Commit the cell being edited (a shortcut like Ctrl+S does not take the focus)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = QApplication.focusWidget()
        if editor is not None and self.viewport().isAncestorOf(editor):
            self.commitData(editor)
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def select_cell(self, code: str, key: str) -> bool:
        row = self.entry_model().row_of(code)
        if row < 0:
            return False
        index = self.model().index(row, column(key if key in COLUMN_KEYS else "code"))
        self.setCurrentIndex(index)
        self.scrollTo(index)
        self.setFocus()
        return True


class PeriodPicker(QWidget):
    """Fiscal year, then whole year / half / quarter / month and which one."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year_combo, self.kind_combo, self.number_combo = QComboBox(), QComboBox(), \
            QComboBox()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for combo in (self.year_combo, self.kind_combo, self.number_combo):
            layout.addWidget(combo)
        qconnect(self.year_combo.currentIndexChanged, lambda _i: self.changed.emit())
        qconnect(self.kind_combo.currentIndexChanged, lambda _i: self._kind_changed())
        qconnect(self.number_combo.currentIndexChanged, lambda _i: self.changed.emit())
        self.set_years(FiscalYear(FIRST_YEAR), FiscalYear.containing(_today()).next())
        self.retranslate_ui()

    def set_years(self, first: FiscalYear, last: FiscalYear) -> None:
        chosen = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for fy in reversed(FiscalYear.range(first, last)):
            self.year_combo.addItem(i18n.digits(str(fy)), fy.start_year)
        index = self.year_combo.findData(chosen)
        if index < 0:
            index = self.year_combo.findData(FiscalYear.containing(_today()).start_year)
        self.year_combo.setCurrentIndex(max(index, 0))
        self.year_combo.blockSignals(False)

    def period(self) -> Period:
        fy = FiscalYear(self.year_combo.currentData())
        kind = PeriodKind(self.kind_combo.currentData() or "year")
        number = self.number_combo.currentData() or 1
        return Period(fy, kind, number)

    def set_period(self, period: Period, *, emit: bool = True) -> None:
        self.blockSignals(True)
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(
            period.fiscal_year.start_year), 0))
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(period.kind.value), 0))
        self.number_combo.setCurrentIndex(max(self.number_combo.findData(period.number), 0))
        self.blockSignals(False)
        if emit:
            self.changed.emit()

    def _kind_changed(self) -> None:
        self._fill_numbers()
        self.changed.emit()

    def _fill_numbers(self) -> None:
        kind = self.kind_combo.currentData() or "year"
        chosen = self.number_combo.currentData()
        self.number_combo.blockSignals(True)
        self.number_combo.clear()
        if kind == "half":
            for n in (1, 2):
                self.number_combo.addItem(i18n.digits(f"H{n}"), n)
        elif kind == "quarter":
            for n in range(1, 5):
                self.number_combo.addItem(i18n.digits(f"Q{n}"), n)
        elif kind == "month":
            for n, name in enumerate(text.MONTHS, start=1):
                self.number_combo.addItem(translate("ProgrammeText", name), n)
        self.number_combo.setVisible(kind != "year")
        index = self.number_combo.findData(chosen)
        self.number_combo.setCurrentIndex(max(index, 0))
        self.number_combo.blockSignals(False)

    def retranslate_ui(self) -> None:
        chosen = self.kind_combo.currentData()
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        for kind, label in text.PERIOD_KINDS.items():
            self.kind_combo.addItem(translate("ProgrammeText", label), kind)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(chosen), 0))
        self.kind_combo.blockSignals(False)
        self._fill_numbers()
        for i in range(self.year_combo.count()):
            self.year_combo.setItemText(i, i18n.digits(str(FiscalYear(
                self.year_combo.itemData(i)))))


def _today() -> date:
    """Only the default fiscal year of the picker depends on the clock."""
    return date.today()


class IssuesList(QTableWidget):
    """The findings of Check, errors first; activating one emits `chosen(code, key)`."""

    chosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.issues: list[Issue] = []
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        for col, width in enumerate((80, 150, 200)):
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
        qconnect(self.cellClicked, lambda r, _c: self._choose(r))
        qconnect(self.cellActivated, lambda r, _c: self._choose(r))
        self.retranslate_ui()

    def set_issues(self, issues: list[Issue], names: dict[str, str]) -> None:
        self.issues = sorted(issues, key=lambda i: (not i.is_error,))
        self.setRowCount(len(self.issues))
        for row, issue in enumerate(self.issues):
            code = issue.where.split(",")[0].strip()
            level = translate("FiguresEntry", "Error") if issue.is_error else \
                translate("FiguresEntry", "Warning")
            where = names.get(code, code)
            figure = text.measure_label(issue.measure) if issue.measure else ""
            cells = (level, where, f"{text.issue_title(issue.code)}" +
                     (f" — {figure}" if figure else ""), issue.message)
            colour = text.ERROR_COLOUR if issue.is_error else text.WARNING_COLOUR
            background = text.ERROR_BACKGROUND if issue.is_error else text.WARNING_BACKGROUND
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                item.setData(ISSUE_ROLE, (code, issue.measure))
                if col == 0:
                    item.setForeground(QBrush(colour))
                    item.setBackground(QBrush(background))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.setItem(row, col, item)
        self.resizeRowsToContents()

    def _choose(self, row: int) -> None:
        item = self.item(row, 0)
        if item is not None:
            code, key = item.data(ISSUE_ROLE)
            self.chosen.emit(code, key)

    def retranslate_ui(self) -> None:
        self.setHorizontalHeaderLabels([translate("FiguresEntry", "Level"),
                                        translate("FiguresEntry", "Programme"),
                                        translate("FiguresEntry", "Problem"),
                                        translate("FiguresEntry", "Details")])


class CompletenessTable(QTableWidget):
    """Per programme: approval state, and which figures are reported, not available, missing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.rows: list[Completeness] = []
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        for col, width in enumerate((230, 120, 90, 200)):
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
        self.retranslate_ui()

    def set_rows(self, rows: list[Completeness]) -> None:
        self.rows = list(rows)
        lang = i18n.current_language()
        self.setRowCount(len(rows))
        for r, c in enumerate(rows):
            name = (c.name_bn or c.name_en) if lang == "bn" else c.name_en
            reported = translate("FiguresEntry", "{count} of {total}").format(
                count=i18n.number(len(c.reported), 0),
                total=i18n.number(len(c.reported) + len(c.not_available) + len(c.missing), 0))
            cells = (f"{c.programme_code} – {name}", text.approval(c.state), reported,
                     ", ".join(text.measure_label(k) for k in c.not_available),
                     ", ".join(text.measure_label(k) for k in c.missing))
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if col == 3 and value:
                    item.setForeground(QBrush(text.NA_COLOUR))
                    item.setBackground(QBrush(text.NA_BACKGROUND))
                if col == 1 and c.state in ("submitted", "approved"):
                    item.setBackground(QBrush(text.LOCKED_BACKGROUND))
                self.setItem(r, col, item)
        self.resizeRowsToContents()

    def retranslate_ui(self) -> None:
        self.setHorizontalHeaderLabels([translate("FiguresEntry", "Programme"),
                                        translate("FiguresEntry", "State"),
                                        translate("FiguresEntry", "Reported"),
                                        translate("FiguresEntry", "Not available (NA)"),
                                        translate("FiguresEntry", "Missing (blank)")])
        if self.rows:
            self.set_rows(self.rows)
