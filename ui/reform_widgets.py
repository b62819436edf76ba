"""Widgets the reform screens share: counts tables that drill down, activity lists, filters.

Every count on the ministries, clusters and committee screens is a `Cell` (a count and the
activity ids behind it). `CountsView` shows counts by status and emits `drill(title, cell)`
when a count is clicked or chosen with Enter; `ActivityTable` lists activities and opens one
in the Action Plan screen on double-click or Enter. Filters (`ChoiceCombo`, `make_date_edit`)
speak the interface language and switch with it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Generic, TypeVar

from nsss_desktop.services.reform_screens import Choice
from nsss_desktop.services.reform_views import STATUS_ORDER, ActivityRow, Cell, StatusCounts
from ui import i18n, reform_text
from ui.models.list_model import CELL_ROLE, ROW_ROLE, ListColumn, ListModel
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QComboBox,
    QDate,
    QDateEdit,
    QHeaderView,
    QLabel,
    QLocale,
    QModelIndex,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
    qconnect,
    translate,
)

T = TypeVar("T")
MAX_COLUMN_WIDTH = 200  # px; a column of an activity list beside the activity text


def count_text(count: int, percent: Decimal | None = None) -> str:
    """"3 (42.9%)" in the interface's digits; the count alone when there is no share."""
    if percent is None:
        return i18n.number(count, 0)
    return f"{i18n.number(count, 0)} ({i18n.number(percent, 1)}%)"


def open_activity(widget: QWidget, activity_id: str | None) -> None:
    """Show the activity in the Action Plan screen, if the window and that screen allow it."""
    if not activity_id:
        return
    window = widget.window()
    if not hasattr(window, "show_screen"):
        return
    screen = window.show_screen("action_plan")
    if hasattr(screen, "open_activity"):
        screen.open_activity(activity_id)


def configure_table(view: QTableView, *, stretch: int | None = None) -> None:
    """The house look of a read-only list: whole rows, no grid numbers, wrapped text."""
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)


# --- counts by status -------------------------------------------------------------------------


@dataclass(frozen=True)
class CountsRow:
    """One line of a counts table; `label` is called when drawn, so it follows the language."""

    label: Callable[[], str]
    counts: StatusCounts
    total: bool = False


def counts_columns(first: str, *, percent: bool = True) -> list[ListColumn[CountsRow]]:
    """Group label, then one column per status ("n (p%)") and the total; each cell is a Cell."""
    columns: list[ListColumn[CountsRow]] = [ListColumn(first, lambda r: r.label(),
                                                       tooltip=lambda r: r.label())]
    for status in STATUS_ORDER:
        columns.append(ListColumn(
            reform_text.STATUSES[status],
            lambda r, s=status: count_text(r.counts.by_status[s].count,
                                           r.counts.percent[s]
                                           if percent and r.counts.total.count else None),
            context="Status", numeric=True, cell=lambda r, s=status: r.counts.by_status[s]))
    columns.append(ListColumn(QT_TRANSLATE_NOOP("ReformColumns", "Total"),
                              lambda r: count_text(r.counts.total.count), numeric=True,
                              cell=lambda r: r.counts.total))
    return columns


class CountsView(QTableView):
    """Counts by status; a click (or Enter) on a count emits `drill(title, cell)`."""

    drill = Signal(str, object)

    def __init__(self, first_header: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fit = False
        self.model_ = ListModel(counts_columns(first_header), self, bold=lambda r: r.total)
        self.setModel(self.model_)
        configure_table(self, stretch=0)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.horizontalHeader().setMinimumSectionSize(40)
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)  # every count drills down
        qconnect(self.clicked, self._chosen)
        qconnect(self.activated, self._chosen)

    def set_rows(self, rows: Sequence[CountsRow]) -> None:
        self.model_.set_rows(rows)
        self.resizeColumnsToContents()
        if self._fit:
            self._fit_height()

    def fit_height(self) -> None:
        """Be exactly as tall as the rows (a few lines of counts need no empty space below)."""
        self._fit = True
        self._fit_height()

    def _fit_height(self) -> None:
        self.resizeRowsToContents()
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(self.model_.rowCount()))
        scroll = self.horizontalScrollBar()
        self.setFixedHeight(height + (scroll.sizeHint().height() if scroll.isVisible() else 0))

    def cell_at(self, row: int, column: int) -> Cell | None:
        return self.model_.index(row, column).data(CELL_ROLE)

    def _chosen(self, index: QModelIndex) -> None:
        cell = index.data(CELL_ROLE)
        if cell is None:
            return
        row_label = self.model_.index(index.row(), 0).data()
        header = self.model_.headerData(index.column(), Qt.Orientation.Horizontal)
        self.drill.emit(f"{row_label}: {header}", cell)  # no words of its own to translate

    def refresh(self) -> None:
        self.model_.refresh()
        self.resizeColumnsToContents()
        if self._fit:
            self._fit_height()


# --- activity lists ---------------------------------------------------------------------------


def activity_columns(ministry_name: Callable[[str | None], str],
                     row_of: Callable[[Any], ActivityRow] = lambda r: r,
                     extra: Sequence[ListColumn[Any]] = ()) -> list[ListColumn[Any]]:
    """No., activity text, responsible ministry, status, due date (the drill-down list)."""
    return [
        ListColumn(QT_TRANSLATE_NOOP("ReformColumns", "No."),
                   lambda r: reform_text.activity_number(row_of(r))),
        ListColumn(QT_TRANSLATE_NOOP("ReformColumns", "Activity"),
                   lambda r: reform_text.activity_text(row_of(r)),
                   tooltip=lambda r: reform_text.activity_text(row_of(r))),
        ListColumn(QT_TRANSLATE_NOOP("ReformColumns", "Responsible ministry"),
                   lambda r: ministry_name(row_of(r).responsible_ministry_id),
                   tooltip=lambda r: ministry_name(row_of(r).responsible_ministry_id)),
        ListColumn(QT_TRANSLATE_NOOP("ReformColumns", "Status"),
                   lambda r: reform_text.status_text(row_of(r))),
        ListColumn(QT_TRANSLATE_NOOP("ReformColumns", "Due date"),
                   lambda r: reform_text.day(row_of(r).due_date)),
        *extra,
    ]


class ActivityTable(QWidget, Generic[T]):
    """A titled list of activities (or items holding one); Enter or double-click opens it."""

    def __init__(self, columns: Sequence[ListColumn[T]],
                 row_of: Callable[[T], ActivityRow] = lambda r: r,  # type: ignore[assignment,return-value]
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row_of = row_of
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.model = ListModel(columns, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        configure_table(self.view, stretch=1)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        qconnect(self.view.activated, self._open)
        qconnect(self.view.doubleClicked, self._open)

    def set_rows(self, rows: Sequence[T], title: str = "") -> None:
        self.model.set_rows(rows)
        self.title.setText(title)
        self.title.setVisible(bool(title))
        self.fit_columns()

    def fit_columns(self) -> None:
        """Every column as wide as its content, but none wider than MAX_COLUMN_WIDTH: the
        activity text takes the rest (a long ministry name is elided, its tooltip is full)."""
        for column in range(self.model.columnCount()):
            if column != 1:
                self.view.resizeColumnToContents(column)
                if self.view.columnWidth(column) > MAX_COLUMN_WIDTH:
                    self.view.setColumnWidth(column, MAX_COLUMN_WIDTH)

    def activity_ids(self) -> list[str]:
        return [self._row_of(r).activity_id for r in self.model.rows]

    def _open(self, index: QModelIndex) -> None:
        item = index.data(ROW_ROLE)
        if item is not None:
            open_activity(self, self._row_of(item).activity_id)


# --- filters ----------------------------------------------------------------------------------


class ChoiceCombo(QComboBox):
    """"All …" and then plans, ministries or clusters, named in the interface language."""

    def __init__(self, all_text: str, context: str = "Filters", *,
                 label: Callable[[Choice], str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all_text, self._context = all_text, context
        self._label = label or (lambda c: reform_text.name(c.name_en, c.name_bn))
        self._choices: list[Choice] = []
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)
        self.addItem(translate(context, all_text), None)

    def set_choices(self, choices: Sequence[Choice]) -> None:
        keep = self.current_id()
        self.blockSignals(True)
        self._choices = list(choices)
        self.clear()
        self.addItem(translate(self._context, self._all_text), None)
        for choice in self._choices:
            self.addItem(self._label(choice), choice.id)
        self.blockSignals(False)
        self.select_id(keep)

    def current_id(self) -> str | None:
        return self.currentData()

    def select_id(self, choice_id: str | None) -> None:
        index = self.findData(choice_id) if choice_id is not None else 0
        self.setCurrentIndex(max(index, 0))

    def retranslate_ui(self) -> None:
        self.setItemText(0, translate(self._context, self._all_text))
        for i, choice in enumerate(self._choices, start=1):
            self.setItemText(i, self._label(choice))


def make_date_edit(initial: date | None = None) -> QDateEdit:
    """A date field with a calendar, ISO order (year first) and the interface's digits."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate(initial or date.today()))
    localise_date_edit(edit)
    return edit


def localise_date_edit(edit: QDateEdit) -> None:
    """Bangla digits in the Bangla interface (QLocale's default follows i18n.set_language)."""
    edit.setLocale(QLocale())
    edit.calendarWidget().setLocale(QLocale())


def edit_date(edit: QDateEdit) -> date:
    return edit.date().toPython()


def plan_label(choice: Choice) -> str:
    """A plan in a filter list: its code and title ("AP2016 – NSSS Action Plan 2016-21")."""
    return f"{choice.code} – {choice.name_en}" if choice.code else choice.name_en
