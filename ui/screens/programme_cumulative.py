"""The "Cumulative between dates" panel of a programme (`cumulative.cumulative_between`).

Flows (budgets, expenditure, disbursements) are summed over the whole periods inside the range;
stocks (beneficiaries) are read as of the last period and never summed; the monthly benefit is
read as of the last period too. A period only partly inside the range is left out, never
pro-rated, and listed with the reason, so the user can widen the range on purpose.
"""

from __future__ import annotations

from datetime import date

from nsss_desktop.domain import FiscalYear
from nsss_desktop.domain.measures import MEASURES, MeasureKind
from nsss_desktop.errors import NsssError
from nsss_desktop.services import programme_register_screens as screens
from nsss_desktop.services.cumulative import CumulativeResult, LeftOut, MeasureValue
from nsss_desktop.store.database import Database
from ui import core_text, i18n
from ui.jobs import Job
from ui.qt import (
    QAbstractItemView,
    QBrush,
    QDate,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
    qconnect,
)
from ui.reform_widgets import edit_date, localise_date_edit, make_date_edit
from ui.screens import programme_text as text
from ui.screens.action_plan_text import format_date
from ui.screens.action_plan_widgets import MessageBar

ORDER = ("budget", "budget_original", "budget_revised", "expenditure", "amount_disbursed",
         "active_beneficiaries", "cumulative_beneficiaries", "benefit_value")


class CumulativePanel(QWidget):
    """Emits `calculated` when a result is shown; `result` is the core's CumulativeResult."""

    calculated = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.code: str | None = None
        self.result: CumulativeResult | None = None
        self.job: Job[CumulativeResult] | None = None
        self.from_label, self.to_label = QLabel(), QLabel()
        self.from_edit, self.to_edit = make_date_edit(date(2021, 7, 1)), make_date_edit()
        self.from_label.setBuddy(self.from_edit)
        self.to_label.setBuddy(self.to_edit)
        self.calculate_button = QPushButton()
        self.message = MessageBar()
        self.table = QTableWidget(0, 3)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.periods = QLabel()
        self.periods.setWordWrap(True)
        self.left_out_label = QLabel()
        self.left_out = QListWidget()
        self.left_out.setMaximumHeight(90)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setStyleSheet("color:#555;")

        dates = QHBoxLayout()
        for widget in (self.from_label, self.from_edit, self.to_label, self.to_edit,
                       self.calculate_button):
            dates.addWidget(widget)
        dates.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.periods)
        right.addWidget(self.left_out_label)
        right.addWidget(self.left_out, 1)
        right.addWidget(self.explain)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(dates)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)
        qconnect(self.calculate_button.clicked, self.calculate)
        self.retranslate_ui()

    def set_programme(self, code: str, fiscal_years: list[str]) -> None:
        """A new programme: the range defaults to its last three fiscal years with figures."""
        self.code = code
        if fiscal_years:
            last = FiscalYear.parse(fiscal_years[-1])
            first = FiscalYear(last.start_year - 2)
            self.set_range(first.start, last.end, calculate=False)
        self.calculate()

    def set_range(self, start: date, end: date, *, calculate: bool = True) -> None:
        self.from_edit.setDate(QDate(start.year, start.month, start.day))
        self.to_edit.setDate(QDate(end.year, end.month, end.day))
        if calculate:
            self.calculate()

    def is_ready(self) -> bool:
        return self.result is not None and (self.job is None or self.job.done)

    def calculate(self) -> None:
        if self.code is None:
            return
        start, end = edit_date(self.from_edit), edit_date(self.to_edit)
        if end < start:
            self.message.show_message(self.tr("The range ends before it starts: choose a "
                                              "later end date."), "error")
            return
        self.message.clear_message()
        self.result = None
        db, code = self._db, self.code
        self.job = Job(self, lambda _s: screens.cumulative(db, code, start, end), progress=False)
        self.job.success(self._show).failure(self._failed).start()

    def _show(self, result: CumulativeResult) -> None:
        self.result = result
        values = result.programmes[0].values if result.programmes else {}
        keys = [k for k in ORDER if k in values]
        self.table.setRowCount(len(keys))
        for row, key in enumerate(keys):
            mv = values[key]
            cells = (text.measure_label(key), text.value_text(key, mv.value), self._how(key, mv))
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if col == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                    if value == text.not_available():
                        font = item.font()
                        font.setItalic(True)
                        item.setFont(font)
                        item.setForeground(QBrush(text.NA_COLOUR))
                self.table.setItem(row, col, item)
        used = ", ".join(i18n.digits(str(p)) for p in result.included)
        self.periods.setText(self.tr("Periods used: {periods}").format(periods=used) if used
                             else self.tr("No figures cover whole periods in this range."))
        self.left_out.clear()
        for lo in result.left_out:
            self.left_out.addItem(self._left_out_text(lo))
        self.left_out_label.setText(self.tr("Left out, only partly in the range ({count}):")
                                    .format(count=i18n.number(len(result.left_out), 0)))
        self.calculated.emit()

    def _how(self, key: str, mv: MeasureValue) -> str:
        kind = MEASURES[key].kind
        if kind is MeasureKind.FLOW:
            return self.tr("sum over {months} months").format(months=i18n.number(mv.months, 0))
        if mv.as_of is None:
            return ""
        if kind is MeasureKind.STOCK:
            return self.tr("as of {period} (not summed)").format(
                period=i18n.digits(str(mv.as_of)))
        return self.tr("as of {period}").format(period=i18n.digits(str(mv.as_of)))

    def _left_out_text(self, lo: LeftOut) -> str:
        period = i18n.digits(str(lo.period))
        if lo.starts_before and lo.ends_after:
            return self.tr("{period}: starts before {start} and ends after {end}").format(
                period=period, start=format_date(lo.start), end=format_date(lo.end))
        if lo.starts_before:
            return self.tr("{period}: starts before {start}").format(
                period=period, start=format_date(lo.start))
        return self.tr("{period}: ends after {end}").format(period=period,
                                                             end=format_date(lo.end))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, NsssError):
            self.message.show_message(core_text.message(error.message), "error")
            return
        from ui.errors import show_error

        show_error(self, error)

    def retranslate_ui(self) -> None:
        for edit in (self.from_edit, self.to_edit):
            localise_date_edit(edit)  # Bangla digits in the Bangla interface
        self.from_label.setText(self.tr("&From:"))
        self.to_label.setText(self.tr("&To:"))
        self.calculate_button.setText(self.tr("&Calculate"))
        self.table.setHorizontalHeaderLabels([self.tr("Measure"), self.tr("Value"),
                                              self.tr("How")])
        self.explain.setText(self.tr(
            "Money is summed over the whole periods in the range; beneficiaries are as of the "
            "last period, never summed. A period only partly in the range is left out, not "
            "pro-rated."))
        if self.result is not None:
            self._show(self.result)
        else:
            self.left_out_label.setText(self.tr("Left out, only partly in the range:"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
