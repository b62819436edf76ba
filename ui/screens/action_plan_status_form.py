"""The Status tab of an activity: its full status history and the form that records a new one.

Status events are append-only, so the form never edits history: Save appends one event
through `reform_status.record_status` (as a draft, which GED approves later). The form checks
what the core cannot know is wrong before anything is written, and says so under the field:
a status must be chosen; the event date may not be after today (a report states what has
happened); the reporting period must be a fiscal-year period ("2025-26 Q2") that does not start
after the event date. "Discard changes" (or Esc) puts the form back as it was.
"""

from __future__ import annotations

from datetime import date, timedelta

from nsss_desktop.domain.fiscal_year import FiscalYear, Period
from nsss_desktop.errors import NsssError
from nsss_desktop.services import reform_status
from nsss_desktop.services.register_views import ActivityDetail
from nsss_desktop.store.database import Database
from ui import core_text, i18n
from ui.jobs import Job
from ui.qt import (
    QAbstractItemView,
    QBrush,
    QColor,
    QComboBox,
    QDate,
    QDateEdit,
    QEvent,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
    qconnect,
)
from ui.screens import action_plan_text as text
from ui.screens.action_plan_widgets import CHIP_COLOURS, MessageBar, field_error_label

MAX_NOTE_CHARS = 4000


def period_choices(day: date) -> list[str]:
    """Periods a report on `day` is usually for: its quarter, the previous one, its half, year."""
    quarter = Period.containing(day, "quarter")
    previous = Period.containing(quarter.start - timedelta(days=1), "quarter")
    half = Period.containing(day, "half")
    return [str(p) for p in (quarter, previous, half, FiscalYear.containing(day).whole())]


class StatusTab(QWidget):
    """Emits `saved(event_id)` after a status event was appended."""

    saved = Signal(str)

    def __init__(self, db: Database, activity_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._activity_id = db, activity_id
        self.job: Job[str] | None = None
        self.history_label = QLabel()
        self.history_label.setWordWrap(True)
        self.history = QTableWidget(0, 6)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setWordWrap(True)
        self.history.setAlternatingRowColors(True)
        self.history.verticalHeader().hide()
        header = self.history.horizontalHeader()
        for col, width in enumerate((92, 82, 100, 150, 110, 80)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the note

        self.form_box = QGroupBox()
        self.status_combo = QComboBox()
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMM yyyy")
        self.date_edit.setMinimumDate(QDate(2000, 1, 1))
        self.period_combo = QComboBox()
        self.period_combo.setEditable(True)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(90)
        self.status_error, self.date_error = field_error_label(), field_error_label()
        self.period_error, self.note_error = field_error_label(), field_error_label()
        self.form_note = QLabel()
        self.form_note.setWordWrap(True)
        self.form_note.setStyleSheet("color:#555;")
        self.save_button, self.discard_button = QPushButton(), QPushButton()
        self.save_button.setDefault(True)
        self.message = MessageBar()

        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(4)]
        for label, field, error in zip(
                self.labels, (self.status_combo, self.date_edit, self.period_combo,
                              self.note_edit),
                (self.status_error, self.date_error, self.period_error, self.note_error),
                strict=True):
            label.setBuddy(field)
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(field)
            column.addWidget(error)
            self.form.addRow(label, column)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self.form_box)
        box.addLayout(self.form)
        box.addWidget(self.form_note)
        box.addLayout(buttons)
        box.addWidget(self.message)
        box.addStretch(1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.history_label)
        left_layout.addWidget(self.history, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.form_box)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([620, 440])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        qconnect(self.save_button.clicked, self.save)
        qconnect(self.discard_button.clicked, self.discard)
        qconnect(self.date_edit.dateChanged, self._date_changed)
        for signal in (self.status_combo.currentIndexChanged, self.date_edit.dateChanged,
                       self.period_combo.currentTextChanged, self.note_edit.textChanged):
            qconnect(signal, self._edited)
        self._initial: tuple[object, ...] = ()
        self.retranslate_ui()
        self.discard()

    # --- the form ----------------------------------------------------------------------------

    def values(self) -> tuple[str | None, date, str, str]:
        return (self.status_combo.currentData(), self.date_edit.date().toPython(),
                self.period_combo.currentText().strip(), self.note_edit.toPlainText().strip())

    def is_dirty(self) -> bool:
        return self.values() != self._initial

    def discard(self) -> None:
        """Put the form back as it was: no status chosen, today, this quarter, no note."""
        today = date.today()
        self.status_combo.setCurrentIndex(0)
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        self._fill_periods(today, force=True)
        self.note_edit.setPlainText("")
        self._initial = self.values()
        self._clear_errors()
        self._edited()

    def _fill_periods(self, day: date, force: bool = False) -> None:
        """Suggest the periods of `day`; keep a period the user typed or picked."""
        current = self.period_combo.currentText().strip()
        previous = [self.period_combo.itemText(i) for i in range(self.period_combo.count())]
        choices = period_choices(day)
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        self.period_combo.addItems(choices)
        self.period_combo.setCurrentText(choices[0] if force or not current
                                         or current == (previous[:1] or [""])[0] else current)
        self.period_combo.blockSignals(False)

    def _date_changed(self, qdate: QDate) -> None:
        self._fill_periods(qdate.toPython())

    def _edited(self, *_args: object) -> None:
        dirty = self.is_dirty()
        self.discard_button.setEnabled(dirty)
        if dirty:
            self.message.clear_message()

    def _clear_errors(self) -> None:
        for label in (self.status_error, self.date_error, self.period_error, self.note_error):
            label.clear()
            label.hide()

    @staticmethod
    def _error(label: QLabel, message: str) -> None:
        label.setText(message)
        label.show()

    def validate(self) -> bool:
        """Show what is wrong under each field; True when the form can be saved."""
        self._clear_errors()
        status, day, period, note = self.values()
        today = date.today()
        ok = True
        if not status:
            self._error(self.status_error, self.tr("Choose the status to record."))
            ok = False
        if day > today:
            self._error(self.date_error, self.tr(
                "The event date cannot be after today ({today}): record what has happened.")
                .format(today=text.format_date(today)))
            ok = False
        if not period:
            self._error(self.period_error, self.tr("Give the reporting period, e.g. {example}.")
                        .format(example=i18n.digits(period_choices(today)[0])))
            ok = False
        else:
            try:
                parsed = Period.parse(period)
            except ValueError:
                self._error(self.period_error, self.tr(
                    "Write the period as a fiscal year, half or quarter, e.g. {example}.")
                    .format(example=i18n.digits(period_choices(today)[0])))
                ok = False
            else:
                if parsed.start > day:
                    self._error(self.period_error, self.tr(
                        "The reporting period starts after the event date."))
                    ok = False
        if len(note) > MAX_NOTE_CHARS:
            self._error(self.note_error, self.tr(
                "The note has {count} characters; at most {limit} are allowed.").format(
                count=i18n.number(len(note), 0), limit=i18n.number(MAX_NOTE_CHARS, 0)))
            ok = False
        return ok

    def save(self) -> None:
        """Append the status event in a worker; the history and register reload after it."""
        if (self.job is not None and not self.job.done) or not self.validate():
            return
        status, day, period, note = self.values()
        canonical = str(Period.parse(period))
        db, activity_id = self._db, self._activity_id
        self.save_button.setEnabled(False)
        self.job = Job(self, lambda _s: reform_status.record_status(
            db, activity_id, status=str(status), event_date=day, reporting_period=canonical,
            note=note), progress=False)
        self.job.success(lambda event_id: self._saved(event_id, str(status), day))
        self.job.failure(self._failed).start()

    def _saved(self, event_id: str, status: str, day: date) -> None:
        self.save_button.setEnabled(True)
        self.discard()
        self.message.show_message(self.tr(
            "Saved as a draft: {status} on {date}. It becomes the current status once GED "
            "approves it.").format(status=text.status(status), date=text.format_date(day)),
            "success")
        self.saved.emit(event_id)

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, NsssError):
            self.message.show_message(
                f"{core_text.message(error.message)} {core_text.message(error.hint)}".strip(),
                "error")
            return
        from ui.errors import show_error

        show_error(self, error)

    # --- history -----------------------------------------------------------------------------

    def set_detail(self, detail: ActivityDetail) -> None:
        events = detail.events
        self.history.setRowCount(len(events))
        for row, e in enumerate(events):
            values = (text.format_date(e.event_date), i18n.digits(e.reporting_period) or "—",
                      text.status(e.status), e.note, e.reporter or self.tr("Local user"),
                      text.approval(e.approval_state))
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if col == 2:  # the chip's text colour; a fill would look like a selection
                    item.setForeground(QBrush(QColor(
                        CHIP_COLOURS.get(e.status, CHIP_COLOURS["not_started"])[0])))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.history.setItem(row, col, item)
        self.history.resizeRowsToContents()
        self._history_caption(len(events))

    def _history_caption(self, count: int) -> None:
        self.history_label.setText(
            self.tr("Status history, newest first. Events: {count}").format(
                count=i18n.number(count, 0)) if count else
            self.tr("No status has been recorded yet: the activity counts as Not started "
                    "(Delayed once its due date has passed)."))

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.history.setHorizontalHeaderLabels([
            self.tr("Date"), self.tr("Period"), self.tr("Status"), self.tr("Note"),
            self.tr("Reported by"), self.tr("Approval")])
        self.form_box.setTitle(self.tr("Record a status"))
        for label, caption in zip(self.labels, (self.tr("&Status:"), self.tr("Event &date:"),
                                                self.tr("Reporting &period:"),
                                                self.tr("&Note:")), strict=True):
            label.setText(caption)
        chosen = self.status_combo.currentData()
        self.status_combo.blockSignals(True)
        self.status_combo.clear()
        self.status_combo.addItem(self.tr("Choose a status…"), None)
        for code in text.RECORDABLE:
            self.status_combo.addItem(text.status(code), code)
        self.status_combo.setCurrentIndex(max(self.status_combo.findData(chosen), 0)
                                          if chosen else 0)
        self.status_combo.blockSignals(False)
        self.note_edit.setPlaceholderText(self.tr("What happened, and where the proof is "
                                                  "(optional)"))
        self.form_note.setText(self.tr("A new status is saved as a draft and added to the "
                                       "history; earlier reports are never changed."))
        self.save_button.setText(self.tr("Sa&ve status"))
        self.discard_button.setText(self.tr("Discard changes"))
        self.discard_button.setToolTip(self.tr("Put the form back as it was (Esc)"))
        self._history_caption(self.history.rowCount())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

