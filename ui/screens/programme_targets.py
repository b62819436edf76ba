"""The Targets tab of a programme: progress against the annual targets, and a form to set one.

Progress is `targets.progress` for the programme and fiscal year: the target, the actual the
dashboards use, the percent achieved and a status. A target reported as "not available" is
shown in its own words (italic), a blank target as an empty cell, a zero as 0. The form saves
one target (fiscal year, measure, value) in a unit of work and reloads the progress.
"""

from __future__ import annotations

from nsss_desktop.domain import FiscalYear
from nsss_desktop.domain.measures import NOT_AVAILABLE, TARGET_MEASURES
from nsss_desktop.errors import NsssError
from nsss_desktop.services import programme_register_screens as screens
from nsss_desktop.services.targets import TargetProgress
from nsss_desktop.store.database import Database
from ui import core_text, i18n
from ui.jobs import Job
from ui.qt import (
    QAbstractItemView,
    QBrush,
    QColor,
    QComboBox,
    QEvent,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
    qconnect,
)
from ui.screens import programme_text as text
from ui.screens.action_plan_widgets import MessageBar, field_error_label


class TargetsTab(QWidget):
    """Emits `loaded` after the progress of a programme and year is shown."""

    loaded = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.code: str | None = None
        self.progress: list[TargetProgress] | None = None
        self.job: Job[list[TargetProgress]] | None = None
        self.save_job: Job[None] | None = None
        self.year_label = QLabel()
        self.year_combo = QComboBox()
        self.year_label.setBuddy(self.year_combo)
        self.table = QTableWidget(0, 6)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color:#555;")

        self.form_box = QGroupBox()
        self.measure_combo = QComboBox()
        self.value_edit = QLineEdit()
        self.unit_label = QLabel()
        self.note_edit = QLineEdit()
        self.value_error = field_error_label()
        self.save_button = QPushButton()
        self.message = MessageBar()
        self.form_labels = [QLabel() for _ in range(3)]
        form = QFormLayout()
        value_row = QHBoxLayout()
        value_row.addWidget(self.value_edit, 1)
        value_row.addWidget(self.unit_label)
        for label, field in zip(self.form_labels, (self.measure_combo, value_row,
                                                   self.note_edit), strict=True):
            form.addRow(label, field)
        self.form_labels[0].setBuddy(self.measure_combo)
        self.form_labels[1].setBuddy(self.value_edit)
        self.form_labels[2].setBuddy(self.note_edit)
        form.addRow("", self.value_error)
        box = QVBoxLayout(self.form_box)
        box.addLayout(form)
        box.addWidget(self.save_button)
        box.addWidget(self.message)
        box.addStretch(1)

        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year_combo)
        top.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.table, 1)
        left.addWidget(self.legend)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(self.form_box)
        self.form_box.setFixedWidth(340)
        for first, second in ((self.year_combo, self.table), (self.table, self.measure_combo),
                              (self.measure_combo, self.value_edit),
                              (self.value_edit, self.note_edit),
                              (self.note_edit, self.save_button)):
            QWidget.setTabOrder(first, second)

        qconnect(self.year_combo.currentIndexChanged, lambda _i: self.load())
        qconnect(self.measure_combo.currentIndexChanged, lambda _i: self._measure_changed())
        qconnect(self.save_button.clicked, self.save)
        qconnect(self.value_edit.returnPressed, self.save)
        self.retranslate_ui()

    # --- data --------------------------------------------------------------------------------

    def set_programme(self, code: str, fiscal_years: list[str]) -> None:
        """Show `code`; the year list offers its years with figures and the next one."""
        self.code = code
        years = list(fiscal_years)
        if years:
            years.append(str(FiscalYear.parse(years[-1]).next()))
        chosen = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in reversed(years):
            self.year_combo.addItem(i18n.digits(year), year)
        index = self.year_combo.findData(chosen)
        self.year_combo.setCurrentIndex(index if index >= 0 else min(1, len(years) - 1))
        self.year_combo.blockSignals(False)
        self.message.clear_message()
        self.load()

    def fiscal_year(self) -> FiscalYear | None:
        year = self.year_combo.currentData()
        return FiscalYear.parse(year) if year else None

    def choose_year(self, year: str) -> None:
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(year), 0))

    def is_ready(self) -> bool:
        return self.progress is not None and (self.job is None or self.job.done)

    def load(self) -> None:
        fy = self.fiscal_year()
        if self.code is None or fy is None:
            return
        self.progress = None
        db, code = self._db, self.code
        self.job = Job(self, lambda _s: screens.target_progress(db, code, fy), progress=False)
        self.job.success(self._show).start()

    def _show(self, progress: list[TargetProgress]) -> None:
        self.progress = progress
        self.table.setRowCount(len(progress))
        for row, p in enumerate(progress):
            cells = [text.measure_label(p.measure), self._value(p.measure, p.target),
                     self._value(p.measure, p.actual),
                     f"{i18n.number(p.percent_achieved, 1)}%"
                     if p.percent_achieved is not None else "",
                     text.target_status(p.status), self._basis(p)]
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if col in (1, 2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                shown = p.target if col == 1 else p.actual if col == 2 else None
                if shown is NOT_AVAILABLE:
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
                    item.setForeground(QBrush(text.NA_COLOUR))
                    item.setBackground(QBrush(text.NA_BACKGROUND))
                elif col in (1, 2) and shown is None:
                    item.setToolTip(self.tr("Blank: nothing has been entered."))
                if col == 4:
                    item.setToolTip(self.tr("Met: the actual reached the target. On track: at "
                                            "least 90 % of it. Behind: less than 90 %."))
                    item.setForeground(QBrush(QColor(text.STATUS_COLOURS.get(p.status,
                                                                             "#333"))))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, col, item)
        self.loaded.emit()

    @staticmethod
    def _value(measure: str, value: object) -> str:
        return text.value_text(measure, value)

    def _basis(self, p: TargetProgress) -> str:
        if p.actual is None or p.actual_months is None:
            return ""
        return self.tr("{months} months, {stage}").format(
            months=i18n.number(p.actual_months, 0), stage=core_text.stages(p.actual_stage))

    # --- the form ----------------------------------------------------------------------------

    def _measure_changed(self) -> None:
        measure = self.measure_combo.currentData()
        self.unit_label.setText(text.unit_label(measure) if measure else "")

    def save(self) -> None:
        """Check the value, then save the target in a worker and reload the progress."""
        self.value_error.hide()
        fy, measure = self.fiscal_year(), self.measure_combo.currentData()
        if self.code is None or fy is None or not measure:
            return
        if self.save_job is not None and not self.save_job.done:
            return
        try:
            value = screens.parse_target(measure, self.value_edit.text())
        except ValueError as error:
            self.value_error.setText(self._parse_message(error))
            self.value_error.show()
            return
        db, code, note = self._db, self.code, self.note_edit.text()
        self.save_button.setEnabled(False)
        self.save_job = Job(self, lambda _s: screens.set_target(db, code, fy, measure, value,
                                                                note), progress=False)
        self.save_job.success(lambda _r: self._saved(measure, fy))
        self.save_job.failure(self._failed).start()

    def _parse_message(self, error: ValueError) -> str:
        if not self.value_edit.text().strip():
            return self.tr("Type the target, or NA when no target was set.")
        return self.tr("“{value}” cannot be used: type a number in {unit} (Bangla digits are "
                       "fine), or NA.").format(value=self.value_edit.text().strip(),
                                               unit=self.unit_label.text()) + f" ({error})"

    def _saved(self, measure: str, fy: FiscalYear) -> None:
        self.save_button.setEnabled(True)
        self.value_edit.clear()
        self.note_edit.clear()
        self.message.show_message(self.tr("Saved: the {measure} target for {year}.").format(
            measure=text.measure_label(measure), year=i18n.digits(str(fy))), "success")
        self.load()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, NsssError):
            self.message.show_message(
                f"{core_text.message(error.message)} {core_text.message(error.hint)}".strip(),
                "error")
            return
        from ui.errors import show_error

        show_error(self, error)

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.year_label.setText(self.tr("Fiscal &year:"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Measure"), self.tr("Target"), self.tr("Actual"), self.tr("Achieved"),
            self.tr("Status"), self.tr("Actual covers")])
        self.legend.setText(self.tr(
            "Actuals are the figures the dashboards use (approved). An empty cell means "
            "nothing was entered; “not available” means it was reported as not available; "
            "0 is a real zero."))
        self.form_box.setTitle(self.tr("Set a target for the selected year"))
        for label, caption in zip(self.form_labels, (self.tr("&Measure:"), self.tr("&Value:"),
                                                     self.tr("&Note:")), strict=True):
            label.setText(caption)
        chosen = self.measure_combo.currentData()
        self.measure_combo.blockSignals(True)
        self.measure_combo.clear()
        for key in TARGET_MEASURES:
            self.measure_combo.addItem(text.measure_label(key), key)
        self.measure_combo.setCurrentIndex(max(self.measure_combo.findData(chosen), 0))
        self.measure_combo.blockSignals(False)
        self._measure_changed()
        self.value_edit.setPlaceholderText(self.tr("a number, or NA"))
        self.note_edit.setPlaceholderText(self.tr("where the target comes from (optional)"))
        self.save_button.setText(self.tr("&Save target"))
        if self.progress is not None:
            self._show(self.progress)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
