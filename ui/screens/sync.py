"""Sync: where this installation stands with the GED server, and what is waiting.

The top of the screen answers the officer's questions in order: is my work at GED (pending,
held, delivered, refused), is what I see current (last sync; "data may be stale" when the
server's checkpoint has expired), and is anything waiting for me (conflicts, with both values,
to keep mine or take the server's). Below, the receipts: the server-signed acks that prove a
change set was delivered. A sync runs in a worker with a progress bar and Cancel in the screen
itself, so the rest of the window stays usable; PCs that are never online use the file buttons
(export for a USB stick, import GED's reply). An installation that is not enrolled sees what
enrolment needs instead of empty tables.

Everything shown comes from the core (`nsss_desktop.sync_client`): this module only words it
for an officer (field names, amounts, local times, translated summaries), never the row ids,
wire names or hashes, which stay in tooltips and the "for GED IT" line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from nsss_desktop.domain.measures import FIGURE_MEASURES
from nsss_desktop.services.settings import ministry_choices
from nsss_desktop.store.database import Database
from nsss_desktop.sync_client import conflicts, enrol, files, status
from nsss_desktop.sync_client.conflicts import ConflictView
from nsss_desktop.sync_client.identity import parse_time
from nsss_desktop.sync_client.status import SyncStatus
from ui import core_text, i18n
from ui.jobs import Job
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
    qconnect,
    translate,
)

STATE_TEXT = {
    "not enrolled": QT_TRANSLATE_NOOP("SyncState", "Not enrolled with the GED server"),
    "never synced": QT_TRANSLATE_NOOP("SyncState", "Enrolled, never synced"),
    "stale": QT_TRANSLATE_NOOP("SyncState", "Data may be stale"),
    "pending": QT_TRANSLATE_NOOP("SyncState", "Changes waiting to be sent"),
    "conflicts": QT_TRANSLATE_NOOP("SyncState", "Conflicts to resolve"),
    "synced": QT_TRANSLATE_NOOP("SyncState", "Synced"),
    "problem": QT_TRANSLATE_NOOP("SyncState", "The last sync did not finish"),
}
# One sentence under the headline: what the state means and what to do.
STATE_ADVICE = {
    "never synced": QT_TRANSLATE_NOOP(
        "SyncState", "Sync now to receive GED's data; your own changes are sent at the same "
                     "time."),
    "stale": QT_TRANSLATE_NOOP(
        "SyncState", "GED has not confirmed this data for a while: what you see may be out of "
                     "date. Sync when a connection is available."),
    "pending": QT_TRANSLATE_NOOP(
        "SyncState", "Some of your changes are not at GED yet. They are kept safely on this "
                     "PC until the server confirms them."),
    "conflicts": QT_TRANSLATE_NOOP(
        "SyncState", "GED changed some values you also changed. Choose below which values to "
                     "keep."),
    "synced": QT_TRANSLATE_NOOP(
        "SyncState", "Your changes are at GED and this PC has GED's latest data."),
    "problem": QT_TRANSLATE_NOOP(
        "SyncState", "Nothing was lost: what was delivered stays delivered. The reason is shown "
                     "below; sync again once it is dealt with."),
}
STATE_COLOUR = {"synced": "#1b7a3a", "pending": "#8a5a00", "conflicts": "#b3261e",
                "stale": "#b3261e", "problem": "#b3261e", "never synced": "#5f6368",
                "not enrolled": "#5f6368"}
COUNTERS = (
    ("pending", QT_TRANSLATE_NOOP("SyncScreen", "Waiting to be sent"),
     QT_TRANSLATE_NOOP("SyncScreen", "Change sets saved on this PC that the server has not "
                                     "confirmed yet.")),
    ("held", QT_TRANSLATE_NOOP("SyncScreen", "Held by the server"),
     QT_TRANSLATE_NOOP("SyncScreen", "Received by the server, which waits for an earlier "
                                     "change set or an attachment before applying them.")),
    ("acked", QT_TRANSLATE_NOOP("SyncScreen", "Delivered (receipt kept)"),
     QT_TRANSLATE_NOOP("SyncScreen", "Applied at GED; the server's signed receipt is kept "
                                     "on this PC.")),
    ("rejected", QT_TRANSLATE_NOOP("SyncScreen", "Refused"),
     QT_TRANSLATE_NOOP("SyncScreen", "Refused by the server for good; see the reason in "
                                     "Receipts.")),
    ("quarantined", QT_TRANSLATE_NOOP("SyncScreen", "Quarantined"),
     QT_TRANSLATE_NOOP("SyncScreen", "Kept aside by GED for review, for example after this "
                                     "PC's key was revoked. Contact GED IT.")),
    ("conflicts", QT_TRANSLATE_NOOP("SyncScreen", "Conflicts to resolve"),
     QT_TRANSLATE_NOOP("SyncScreen", "Values changed both here and at GED: choose which to "
                                     "keep.")),
)
RECEIPT_STATES = {
    "acked": QT_TRANSLATE_NOOP("SyncScreen", "delivered"),
    "rejected": QT_TRANSLATE_NOOP("SyncScreen", "refused"),
}
# What a synced row is, in an officer's words (tables in nsss_desktop.wire.tables).
TABLE_NAMES = {
    "source": QT_TRANSLATE_NOOP("SyncTables", "Source document"),
    "ministry": QT_TRANSLATE_NOOP("SyncTables", "Ministry"),
    "cluster": QT_TRANSLATE_NOOP("SyncTables", "Cluster"),
    "cluster_member": QT_TRANSLATE_NOOP("SyncTables", "Cluster membership"),
    "life_cycle_stage": QT_TRANSLATE_NOOP("SyncTables", "Life-cycle stage"),
    "programme": QT_TRANSLATE_NOOP("SyncTables", "Programme"),
    "programme_ministry": QT_TRANSLATE_NOOP("SyncTables", "Implementing ministry"),
    "programme_life_cycle": QT_TRANSLATE_NOOP("SyncTables", "Programme life-cycle stage"),
    "figure": QT_TRANSLATE_NOOP("SyncTables", "Programme figure"),
    "figure_disaggregation": QT_TRANSLATE_NOOP("SyncTables", "Figure breakdown"),
    "programme_target": QT_TRANSLATE_NOOP("SyncTables", "Programme target"),
    "action_plan": QT_TRANSLATE_NOOP("SyncTables", "Action Plan"),
    "objective": QT_TRANSLATE_NOOP("SyncTables", "Objective"),
    "activity": QT_TRANSLATE_NOOP("SyncTables", "Action Plan activity"),
    "activity_shared_ministry": QT_TRANSLATE_NOOP("SyncTables", "Shared ministry"),
    "indicator": QT_TRANSLATE_NOOP("SyncTables", "Indicator"),
    "status_event": QT_TRANSLATE_NOOP("SyncTables", "Status update"),
    "comment": QT_TRANSLATE_NOOP("SyncTables", "Comment"),
    "evidence": QT_TRANSLATE_NOOP("SyncTables", "Evidence"),
}
# Field names other than the figure measures (which carry their own English and Bangla names).
FIELD_NAMES = {
    "note": QT_TRANSLATE_NOOP("SyncFields", "Note"),
    "explanation": QT_TRANSLATE_NOOP("SyncFields", "Explanation"),
    "approval_state": QT_TRANSLATE_NOOP("SyncFields", "Approval state"),
    "stage": QT_TRANSLATE_NOOP("SyncFields", "Budget stage"),
    "na_measures": QT_TRANSLATE_NOOP("SyncFields", "Reported as not available"),
    "fiscal_year": QT_TRANSLATE_NOOP("SyncFields", "Fiscal year"),
    "beneficiaries": QT_TRANSLATE_NOOP("SyncFields", "Beneficiaries"),
    "amount_taka": QT_TRANSLATE_NOOP("SyncFields", "Amount"),
    "value": QT_TRANSLATE_NOOP("SyncFields", "Target value"),
    "not_available": QT_TRANSLATE_NOOP("SyncFields", "Not available"),
    "status": QT_TRANSLATE_NOOP("SyncFields", "Status"),
    "title": QT_TRANSLATE_NOOP("SyncFields", "Title"),
    "body": QT_TRANSLATE_NOOP("SyncFields", "Text"),
    "document_date": QT_TRANSLATE_NOOP("SyncFields", "Document date"),
}
_MEASURE_BY_WIRE = {(m.column[:-len("_poisha")] + "_taka" if m.column.endswith("_poisha")
                     else m.column): m for m in FIGURE_MEASURES}
# Progress texts of the core that carry numbers (fixed ones are in ui/core_text.py).
_PROGRESS_PATTERNS = (
    (re.compile(r"Sending change sets (\d+)–(\d+)"),
     QT_TRANSLATE_NOOP("SyncScreen", "Sending change sets {first}–{last}"), ("first", "last")),
    (re.compile(r"Received server changes up to (\d+)"),
     QT_TRANSLATE_NOOP("SyncScreen", "Received GED's changes up to entry {seq}"), ("seq",)),
    (re.compile(r"Uploading attachment (\d+) of (\d+)"),
     QT_TRANSLATE_NOOP("SyncScreen", "Sending evidence file {n} of {total}"), ("n", "total")),
    (re.compile(r"Receiving evidence file (\d+) of (\d+)"),
     QT_TRANSLATE_NOOP("SyncScreen", "Receiving evidence file {n} of {total}"),
     ("n", "total")),
)
CONFLICT_ID_COLUMN = 5


def _n(value: int) -> str:
    return i18n.number(int(value), 0)


def local_time(text: str | None) -> str:
    """A server timestamp (UTC, ISO) as this PC's local date and time, or "never"."""
    if not text:
        return translate("SyncScreen", "never")
    try:
        when = parse_time(text).astimezone()
    except ValueError:
        return i18n.digits(text)
    return i18n.digits(when.strftime("%Y-%m-%d %H:%M"))


def progress_text(text: str) -> str:
    """A core progress text in the interface language (fixed or with numbers)."""
    for pattern, template, names in _PROGRESS_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            return translate("SyncScreen", template).format(
                **{name: _n(int(v)) for name, v in zip(names, match.groups(), strict=True)})
    return core_text.status(text)


def table_name(table: str) -> str:
    return translate("SyncTables", TABLE_NAMES[table]) if table in TABLE_NAMES else table


def field_name(table: str, field: str) -> str:
    measure = _MEASURE_BY_WIRE.get(field) if table == "figure" else None
    if measure is not None:
        return measure.label_bn if i18n.current_language() == "bn" else measure.label_en
    if field in FIELD_NAMES:
        return translate("SyncFields", FIELD_NAMES[field])
    return field.replace("_", " ").capitalize()


def field_value(field: str, value: Any) -> str:
    """A synced value as an officer reads it: grouped numbers, taka, yes/no."""
    if value is None or value == "":
        return translate("SyncScreen", "(blank)")
    if isinstance(value, bool):
        return translate("SyncScreen", "yes") if value else translate("SyncScreen", "no")
    if isinstance(value, int):
        return i18n.digits(str(value)) if field in ("fiscal_year", "period_no") else _n(value)
    if field.endswith("_taka") and isinstance(value, str):
        try:
            amount = i18n.number(Decimal(value), 2)
            return translate("SyncScreen", "Tk {amount}").format(amount=amount)
        except InvalidOperation:
            return value
    return str(value)


@dataclass
class Loaded:
    """What one refresh reads from the core (in a worker)."""

    status: SyncStatus
    conflicts: list[ConflictView]
    device_name: str = ""
    ministry_en: str = ""
    ministry_bn: str = ""


class EnrolDialog(QDialog):
    """The three things an administrator gives a ministry office: address, code, root key."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enrol this installation"))
        self.server = QLineEdit()
        self.server.setPlaceholderText("https://nsss-sync.ged.gov.bd")
        self.code = QLineEdit()
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX")
        self.root_key = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("GED server address"), self.server)
        form.addRow(self.tr("One-time enrolment code"), self.code)
        form.addRow(self.tr("GED root key (from the installer's configuration)"), self.root_key)
        note = QLabel(self.tr("The code comes from the GED administrator and works once, for "
                              "24 hours. This PC makes its own signing key; the key never "
                              "leaves it."))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        qconnect(self.buttons.accepted, self.accept)
        qconnect(self.buttons.rejected, self.reject)
        for edit in (self.server, self.code, self.root_key):
            qconnect(edit.textChanged, self._complete)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self._complete()

    def _complete(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            all(self.values()))

    def values(self) -> tuple[str, str, str]:
        return self.server.text().strip(), self.code.text().strip(), self.root_key.text().strip()


def _table(headers: int) -> QTableWidget:
    table = QTableWidget(0, headers)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _hint(table: QTableWidget) -> tuple[QStackedWidget, QLabel]:
    """A table with a centred sentence shown in its place while it is empty."""
    label = QLabel()
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("color: #5f6368; padding: 24px")
    stack = QStackedWidget()
    stack.addWidget(label)
    stack.addWidget(table)
    return stack, label


class SyncScreen(QWidget):
    """Emits `ready` after each refresh of the status (screenshots and tests wait for it), and
    `state_changed(state)` after a refresh that follows one of this screen's own actions
    (resolve, enrol, file import or export), so the status bar can follow."""

    ready = Signal()
    state_changed = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._loaded = False
        self._loading = 0
        self._announce = False
        self._data: Loaded | None = None
        self._job: Job[Any] | None = None
        self._scheduler: Any = None
        self._manual = False  # the running sync was asked for here (its failure gets a dialog)
        self._cancelling = False  # Cancel was pressed: keep saying so until the worker stops
        self._say_recipe: Callable[[], str] | None = None

        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.state_label = QLabel()
        self.state_label.setTextFormat(Qt.TextFormat.RichText)
        self.state_label.setWordWrap(True)
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e")
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # Who this installation is and how current it is: two short columns of facts.
        self.facts: dict[str, tuple[QLabel, QLabel]] = {}
        facts = QGridLayout()
        facts.setHorizontalSpacing(12)
        facts.setVerticalSpacing(2)
        for n, key in enumerate(("ministry", "enrolled", "server", "last_sync", "valid")):
            name, value = QLabel(), QLabel()
            name.setStyleSheet("color: #5f6368")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row, col = (n, 0) if n < 3 else (n - 3, 2)
            facts.addWidget(name, row, col)
            facts.addWidget(value, row, col + 1)
            self.facts[key] = (name, value)
        facts.setColumnStretch(1, 3)
        facts.setColumnStretch(3, 2)
        self.facts_box = QWidget()
        self.facts_box.setLayout(facts)
        facts.setContentsMargins(0, 0, 0, 0)
        self.technical = QLabel()
        self.technical.setStyleSheet("color: #5f6368; font-size: 8pt")
        self.technical.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.counter_values: dict[str, QLabel] = {}
        self.counter_names: dict[str, QLabel] = {}
        self.counters = QFrame()
        self.counters.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self.counters)
        grid.setVerticalSpacing(0)
        for col, (key, _label, _tip) in enumerate(COUNTERS):
            value, name = QLabel("0"), QLabel()
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            value.setStyleSheet("font-size: 16pt; font-weight: 600")
            name.setAlignment(Qt.AlignmentFlag.AlignCenter)
            name.setWordWrap(True)
            grid.addWidget(value, 0, col)
            grid.addWidget(name, 1, col)
            grid.setColumnStretch(col, 1)
            self.counter_values[key], self.counter_names[key] = value, name

        self.sync_button = QPushButton()
        self.sync_button.setDefault(True)
        self.export_button = QPushButton()
        self.import_button = QPushButton()
        self.enrol_button = QPushButton()
        self.cancel_button = QPushButton()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMinimumWidth(220)
        self.progress_text = QLabel()
        self.progress_text.setWordWrap(True)
        self.progress_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        for button in (self.sync_button, self.export_button, self.import_button):
            buttons.addWidget(button)
        buttons.addSpacing(12)
        buttons.addWidget(self.progress)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        qconnect(self.sync_button.clicked, self.sync_now)
        qconnect(self.cancel_button.clicked, self.cancel_sync)
        qconnect(self.export_button.clicked, self._export)
        qconnect(self.import_button.clicked, self._import)
        qconnect(self.enrol_button.clicked, self._enrol)

        # Not enrolled: what enrolment needs, instead of empty counters and tables.
        self.enrol_help = QLabel()
        self.enrol_help.setWordWrap(True)
        self.enrol_help.setTextFormat(Qt.TextFormat.RichText)
        self.enrol_panel = QFrame()
        self.enrol_panel.setFrameShape(QFrame.Shape.StyledPanel)
        enrol_layout = QVBoxLayout(self.enrol_panel)
        enrol_layout.setContentsMargins(16, 8, 16, 16)
        enrol_layout.addWidget(self.enrol_help)
        enrol_row = QHBoxLayout()
        enrol_row.addWidget(self.enrol_button)
        enrol_row.addStretch(1)
        enrol_layout.addLayout(enrol_row)

        self.conflict_table = _table(CONFLICT_ID_COLUMN + 1)
        self.conflict_table.setColumnHidden(CONFLICT_ID_COLUMN, True)
        qconnect(self.conflict_table.itemSelectionChanged, self._update_buttons)
        self.conflict_stack, self.conflict_empty = _hint(self.conflict_table)
        self.keep_mine = QPushButton()
        self.take_theirs = QPushButton()
        qconnect(self.keep_mine.clicked, lambda: self._resolve("mine"))
        qconnect(self.take_theirs.clicked, lambda: self._resolve("theirs"))
        self.conflict_help = QLabel()
        self.conflict_help.setWordWrap(True)
        conflict_page = QWidget()
        conflict_layout = QVBoxLayout(conflict_page)
        conflict_layout.addWidget(self.conflict_help)
        conflict_layout.addWidget(self.conflict_stack, 1)
        resolve_row = QHBoxLayout()
        resolve_row.addWidget(self.keep_mine)
        resolve_row.addWidget(self.take_theirs)
        resolve_row.addStretch(1)
        conflict_layout.addLayout(resolve_row)
        self.receipt_table = _table(6)
        self.receipt_stack, self.receipt_empty = _hint(self.receipt_table)
        self.tabs = QTabWidget()
        self.tabs.addTab(conflict_page, "")
        self.tabs.addTab(self.receipt_stack, "")

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.state_label)
        layout.addWidget(self.advice)
        layout.addWidget(self.problem)
        layout.addWidget(self.facts_box)
        layout.addWidget(self.technical)
        layout.addWidget(self.counters)
        layout.addLayout(buttons)
        layout.addWidget(self.progress_text)
        layout.addWidget(self.enrol_panel)
        layout.addWidget(self.tabs, 1)
        layout.addStretch(1)  # takes the room of the tables while not enrolled
        self.retranslate_ui()

    # --- background sync ---------------------------------------------------------------------

    def attach_scheduler(self, scheduler: Any) -> None:
        """Show the main window's automatic syncs here too (progress, result, refresh)."""
        self._scheduler = scheduler
        qconnect(scheduler.started, self._sync_started)
        qconnect(scheduler.progressed, self._sync_progress)
        qconnect(scheduler.finished, self._sync_finished)
        qconnect(scheduler.failed, self._sync_failed)
        qconnect(scheduler.skipped, self._sync_skipped)

    # --- data --------------------------------------------------------------------------------

    def is_ready(self) -> bool:
        return self._loaded and not self._loading and not self._busy()

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.load()

    def load(self) -> None:
        db = self._db

        def work(_state: Any) -> Loaded:
            st = status.status(db, receipt_limit=200)
            out = Loaded(st, conflicts.list_conflicts(db))
            if st.enrolled:
                ident = enrol.load(db)
                out.device_name = ident.device_name if ident is not None else ""
                for code, name_en, name_bn in ministry_choices(db):
                    if code == st.ministry_code:
                        out.ministry_en, out.ministry_bn = name_en, name_bn or name_en
            return out

        self._loading += 1
        Job(self, work, progress=False).success(self._show).failure(self._load_failed).start()

    def _load_failed(self, error: BaseException) -> None:
        from ui.errors import show_error

        self._loading -= 1
        show_error(self, error)

    def _show(self, loaded: Loaded) -> None:
        self._loading -= 1
        self._data = loaded
        self._loaded = True
        self._render()
        if self._announce and not self._loading:
            self._announce = False
            self.state_changed.emit(loaded.status.state)
        self.ready.emit()

    @property
    def sync_status(self) -> SyncStatus | None:
        return self._data.status if self._data is not None else None

    def _render(self) -> None:
        data = self._data
        if data is None:
            return
        st = data.status
        colour = STATE_COLOUR.get(st.state, "#5f6368")
        self.state_label.setText(
            f"<span style='font-size:14pt; font-weight:600; color:{colour}'>"
            f"{translate('SyncState', STATE_TEXT.get(st.state, st.state))}</span>")
        advice = STATE_ADVICE.get(st.state)
        self.advice.setText(translate("SyncState", advice) if advice else "")
        self.advice.setVisible(bool(advice))
        enrolled = st.enrolled
        for widget in (self.facts_box, self.technical, self.counters, self.tabs):
            widget.setVisible(enrolled)
        self.enrol_panel.setVisible(not enrolled)
        self.layout().setStretch(self.layout().count() - 1, 0 if enrolled else 1)
        if enrolled:
            self._render_facts(data)
        self.problem.setText(self.tr("Last problem: {problem}").format(
            problem=core_text.message(st.last_error)) if st.last_error else "")
        self.problem.setVisible(bool(st.last_error))
        counts = dict(st.counts, conflicts=st.open_conflicts)
        for key, label in self.counter_values.items():
            label.setText(_n(counts.get(key, 0)))
        self._fill_conflicts(data.conflicts)
        self._fill_receipts(st)
        self._update_buttons()

    def _render_facts(self, data: Loaded) -> None:
        st = data.status
        name = data.ministry_bn if i18n.current_language() == "bn" else data.ministry_en
        values = {
            "ministry": f"{name} ({st.ministry_code})" if name else (st.ministry_code or ""),
            "enrolled": self.tr("{user}, on this PC ({device})").format(
                user=st.user_name or "—", device=data.device_name or "—"),
            "server": st.server_url or "",
            "last_sync": local_time(st.last_sync_at),
            "valid": local_time(st.checkpoint_expires_at) if st.checkpoint_expires_at
            else "—",
        }
        for key, (_name, value) in self.facts.items():
            value.setText(values[key])
        self.technical.setText(self.tr("For GED IT: device {device}, environment {env}, server "
                                       "log seen up to entry {seq}").format(
            device=st.device_id or "", env=st.environment or "", seq=i18n.digits(str(st.cursor))))
        if st.waiting_rows:
            waiting = self.tr("{n} change(s) from GED wait until your own edits of the same rows "
                              "are delivered.").format(n=_n(st.waiting_rows))
            self.advice.setText(f"{self.advice.text()} {waiting}".strip())
            self.advice.show()

    def _fill_conflicts(self, items: list[ConflictView]) -> None:
        table = self.conflict_table
        selected = self._selected_conflict()
        table.setRowCount(len(items))
        for row, c in enumerate(items):
            names = c.fields or sorted(set(c.your_values or {}) | set(c.server_values or {}))
            mine = "\n".join(field_value(f, (c.your_values or {}).get(f)) for f in names)
            theirs = (self.tr("deleted at GED") if c.server_values is None else
                      "\n".join(field_value(f, c.server_values.get(f)) for f in names))
            what = table_name(c.table) + (f"\n{i18n.digits(c.label)}" if c.label else "")
            cells = (what, "\n".join(field_name(c.table, f) for f in names),
                     mine, theirs, local_time(c.detected_at), c.id)
            tip = self.tr("Record {id}").format(id=c.row_id)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                table.setItem(row, col, item)
        table.resizeRowsToContents()
        ids = [c.id for c in items]
        if items:
            table.selectRow(ids.index(selected) if selected in ids else 0)
        self.conflict_stack.setCurrentIndex(1 if items else 0)
        self.tabs.setTabText(0, self.tr("Conflicts ({n})").format(n=_n(len(items))))

    def _selected_conflict(self) -> str | None:
        rows = self.conflict_table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.conflict_table.item(rows[0].row(), CONFLICT_ID_COLUMN)
        return item.text() if item is not None else None

    def _fill_receipts(self, st: SyncStatus) -> None:
        table = self.receipt_table
        table.setRowCount(len(st.receipts))
        for row, r in enumerate(st.receipts):
            state = translate("SyncScreen", RECEIPT_STATES.get(r.state, r.state))
            if r.error:
                state = self.tr("{state} (reason: {reason})").format(state=state, reason=r.error)
            cells = (_n(r.device_seq), state, local_time(r.received_at), _n(r.ops),
                     _n(r.server_seq) if r.server_seq is not None else "—",
                     r.payload_sha256[:16] + "…")
            tip = self.tr("Change set {id}\nFingerprint (SHA-256) {sha}\nSigned by server "
                          "key {key}").format(id=r.changeset_id, sha=r.payload_sha256,
                                              key=r.server_key_id or "—")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                if col in (0, 3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, col, item)
        self.receipt_stack.setCurrentIndex(1 if st.receipts else 0)
        self.tabs.setTabText(1, self.tr("Receipts ({n})").format(n=_n(len(st.receipts))))

    # --- actions -----------------------------------------------------------------------------

    def _busy(self) -> bool:
        own = self._job is not None and not self._job.done
        return own or bool(self._scheduler is not None and self._scheduler.running)

    def _update_buttons(self) -> None:
        st = self.sync_status
        enrolled = bool(st and st.enrolled)
        busy = self._busy()
        for button in (self.sync_button, self.export_button, self.import_button):
            button.setVisible(enrolled)
            button.setEnabled(enrolled and not busy)
        self.enrol_button.setVisible(st is not None and not enrolled)
        self.enrol_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy and not self._cancelling)
        chosen = self._selected_conflict() is not None
        self.keep_mine.setEnabled(chosen and not busy)
        self.take_theirs.setEnabled(chosen and not busy)

    def sync_now(self) -> None:
        """Push, pull, push again, in a worker; progress and Cancel stay in this screen."""
        if self._busy():
            return
        self._manual = True
        if self._scheduler is not None:
            self._scheduler.run_now()
            return
        from nsss_desktop.sync_client import run

        db = self._db
        self._run(lambda state: run.sync_now(db, progress=lambda f, t: (
            state.set_status(t), state.set_progress(f)), cancel=state),
            on_done=self._sync_finished, announce=False)

    def cancel_sync(self) -> None:
        if self._job is not None and not self._job.done:
            self._job.cancel()
        elif self._scheduler is not None:
            self._scheduler.cancel()
        self.cancel_button.setEnabled(False)
        self._cancelling = True
        self._say(lambda: self.tr("Cancelling… what was already delivered stays delivered."))

    def _run(self, fn: Callable[[Any], Any], *, on_done: Callable[[Any], None],
             announce: bool = True) -> None:
        self._job = Job(self, fn, progress=False)

        def done(result: Any) -> None:
            self._announce = announce
            on_done(result)
            self._sync_done()

        self._manual = True
        self._job.progress(self._sync_progress).success(done).failure(self._sync_failed)
        self._job.start()
        self._sync_started()

    def _say(self, recipe: Callable[[], str] | None) -> None:
        """Show a message that is re-worded when the language changes."""
        self._say_recipe = recipe
        text = recipe() if recipe is not None else ""
        self.progress_text.setText(text)
        self.progress_text.setVisible(bool(text))

    def _sync_started(self) -> None:
        self._cancelling = False
        self.progress.setValue(0)
        self._say(lambda: self.tr("Connecting to the GED server…"))
        self._update_buttons()

    def _sync_progress(self, fraction: float, text: str) -> None:
        # Job has translated fixed texts already; texts with numbers are matched here.
        self.progress.setValue(round(fraction * 100))
        if text and not self._cancelling:
            self._say(lambda: progress_text(text))

    def _sync_finished(self, result: Any) -> None:
        self._say(lambda: sync_summary(result))
        if self._scheduler is not None:
            self._sync_done()

    def _sync_skipped(self, reason: str) -> None:
        if reason == "unreachable":
            when = datetime.now().strftime("%H:%M")
            self._say(lambda: self.tr("{time}: the GED server could not be reached, so no "
                                      "automatic sync was made. Everything stays on this PC "
                                      "until the next try.").format(time=i18n.digits(when)))
        self._sync_done()

    def _sync_done(self) -> None:
        self._manual = False
        self._update_buttons()
        self.load()

    def _sync_failed(self, error: BaseException) -> None:
        from nsss_desktop.errors import Cancelled, NsssError
        from ui.errors import show_error

        if isinstance(error, Cancelled):
            self._say(lambda: self.tr("Sync cancelled. What was already delivered stays "
                                      "delivered; the next sync continues from there."))
        elif isinstance(error, NsssError):
            self._say(lambda: self.tr("The sync stopped: {reason}").format(
                reason=core_text.message(error.message)))
        else:
            self._say(lambda: self.tr("The sync stopped because of an unexpected error."))
        manual, self._manual = self._manual, False
        self._update_buttons()
        self.load()
        if manual and not isinstance(error, Cancelled):  # automatic syncs never open dialogs
            show_error(self, error)

    def _resolve(self, choice: str) -> None:
        conflict_id = self._selected_conflict()
        if conflict_id is None:
            self._say(lambda: self.tr("Choose a conflict in the list first."))
            return
        db = self._db
        if choice == "mine":
            text = QT_TRANSLATE_NOOP("SyncScreen", "Conflict resolved: your values are kept "
                                                   "and will be sent at the next sync.")
        else:
            text = QT_TRANSLATE_NOOP("SyncScreen", "Conflict resolved: GED's values are now "
                                                   "shown on this PC.")
        self._run(lambda _s: conflicts.resolve(db, conflict_id, choice),
                  on_done=lambda _r: self._say(lambda: translate("SyncScreen", text)))

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export change sets for GED"),
            str(Path.home() / "nsss-changes.nsss-sync"), self.tr("NSSS sync files (*.nsss-sync)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        db = self._db
        self._run(lambda _s: files.export_file(db, path), on_done=lambda summary: self._say(
            lambda: self.tr("Wrote {n} change set(s) and {b} evidence file(s) to {path}. Take "
                            "it to GED; import GED's reply file here.").format(
                n=_n(summary.changesets), b=_n(summary.blobs), path=summary.path)))

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import GED's reply"), str(Path.home()),
            self.tr("NSSS sync files (*.nsss-reply);;All files (*)"))
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> None:
        db = self._db
        self._run(lambda _s: files.import_file(db, path),
                  on_done=lambda summary: self._say(lambda: import_summary(summary)))

    def _enrol(self) -> None:
        dialog = EnrolDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.enrol_with(*dialog.values())

    def enrol_with(self, server: str, code: str, root_key: str) -> None:
        db = self._db
        self._run(lambda _s: enrol.enrol(db, server_url=server, code=code, root_key=root_key),
                  on_done=lambda ident: self._say(lambda: self.tr(
                      "Enrolled as a device of {ministry}. Sync now to receive GED's data.")
                      .format(ministry=ident.ministry_code)))

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.title.setText("<h2>{}</h2>".format(self.tr("Sync with the GED server")))
        for key, label, tip in COUNTERS:
            self.counter_names[key].setText(translate("SyncScreen", label))
            for widget in (self.counter_names[key], self.counter_values[key]):
                widget.setToolTip(translate("SyncScreen", tip))
        fact_names = {"ministry": self.tr("Ministry"), "enrolled": self.tr("Enrolled by"),
                      "server": self.tr("GED server"), "last_sync": self.tr("Last sync"),
                      "valid": self.tr("Confirmed current until")}
        for key, (name, _value) in self.facts.items():
            name.setText(fact_names[key])
        self.facts["valid"][0].setToolTip(self.tr(
            "GED's signed confirmation of the data on this PC. After this time the data is "
            "shown as possibly out of date until the next sync."))
        self.sync_button.setText(self.tr("Sync now"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.export_button.setText(self.tr("Export to file…"))
        self.export_button.setToolTip(self.tr("For a PC without a connection: write the "
                                              "changes waiting to be sent to a file for GED."))
        self.import_button.setText(self.tr("Import reply file…"))
        self.import_button.setToolTip(self.tr("Read the reply file GED made from your "
                                              "exported file: receipts and GED's latest data."))
        self.enrol_button.setText(self.tr("Enrol this installation…"))
        self.enrol_help.setText(
            "<p>{}</p><p>{}</p><ul><li>{}</li><li>{}</li><li>{}</li></ul><p>{}</p>".format(
                self.tr("This installation keeps its data only on this PC. Nothing is sent to "
                        "GED and nothing is received from the other ministries."),
                self.tr("To send your ministry's figures and progress to GED and receive the "
                        "approved national data, enrol this PC once. The GED administrator "
                        "gives you:"),
                self.tr("the GED server address,"),
                self.tr("a one-time enrolment code (valid for 24 hours),"),
                self.tr("the GED root key, which lets this PC check that it talks to the real "
                        "GED server."),
                self.tr("Enrolment needs a connection once. After that, a PC that is never "
                        "online can sync by file (export, then import GED's reply).")))
        self.keep_mine.setText(self.tr("Keep my values"))
        self.take_theirs.setText(self.tr("Take the server's values"))
        self.conflict_help.setText(self.tr(
            "Someone at GED changed the same values before your change arrived. Nothing was "
            "lost: choose which values to keep. Keeping yours sends them again."))
        self.conflict_empty.setText(self.tr(
            "No conflicts. If someone at GED changes the same values as you before your change "
            "arrives, both versions are shown here for you to choose."))
        self.receipt_empty.setText(self.tr(
            "No receipts yet. When a change made on this PC reaches GED, the server's signed "
            "receipt is listed here."))
        self.conflict_table.setHorizontalHeaderLabels([
            self.tr("What"), self.tr("Field"), self.tr("Your value"), self.tr("Server's value"),
            self.tr("Noticed"), ""])
        self.receipt_table.setHorizontalHeaderLabels([
            self.tr("Change set"), self.tr("Result"), self.tr("Received at GED"),
            self.tr("Rows changed"), self.tr("GED log entry"), self.tr("Fingerprint")])
        self.tabs.setTabText(0, self.tr("Conflicts"))
        self.tabs.setTabText(1, self.tr("Receipts"))
        self._say(self._say_recipe)
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


# --- result summaries (the core's lines(), worded and translated here) -----------------------


def sync_summary(result: Any) -> str:
    """What one sync did, in the interface language (`run.SyncResult`)."""
    pushed, pulled = result.pushed, result.pulled
    parts = [translate("SyncScreen", "Sync finished.")]
    if pushed.sent:
        parts.append(translate("SyncScreen", "{sent} change set(s) sent, {acked} delivered.")
                     .format(sent=_n(pushed.sent), acked=_n(pushed.acked)))
    else:
        parts.append(translate("SyncScreen", "Nothing was waiting to be sent."))
    if pushed.held or pushed.rejected or pushed.quarantined:
        parts.append(translate("SyncScreen", "{held} held by the server, {rejected} refused, "
                                             "{quarantined} quarantined.").format(
            held=_n(pushed.held), rejected=_n(pushed.rejected),
            quarantined=_n(pushed.quarantined)))
    if pushed.conflicts:
        parts.append(translate("SyncScreen", "{n} new conflict(s): see Conflicts below.")
                     .format(n=_n(pushed.conflicts)))
    parts.append(translate("SyncScreen", "{n} changed row(s) received from GED.")
                 .format(n=_n(pulled.applied)))
    if pulled.skipped:
        parts.append(translate("SyncScreen", "{n} change(s) from GED wait until your own edits "
                                             "of the same rows are delivered.")
                     .format(n=_n(len(pulled.skipped))))
    if pulled.stale:
        parts.append(core_text.message("The server's checkpoint has expired: the data is "
                                       "marked stale, not synced."))
    if result.refusal is not None:
        parts.append(translate("SyncScreen", "The server refused a change set: {reason}")
                     .format(reason=core_text.message(result.refusal.message)))
    parts += [core_text.message(note) for note in pushed.notes + pulled.notes]
    return " ".join(parts)


def import_summary(summary: Any) -> str:
    """What importing GED's reply file did (`files.ImportSummary`)."""
    if summary.already:
        return translate("SyncScreen", "This reply file was imported before; nothing changed.")
    parts = [
        translate("SyncScreen", "Reply imported: {acked} change set(s) delivered, {held} held, "
                                "{rejected} refused, {quarantined} quarantined.").format(
            acked=_n(summary.acked), held=_n(summary.held), rejected=_n(summary.rejected),
            quarantined=_n(summary.quarantined)),
        translate("SyncScreen", "{n} changed row(s) received from GED.")
        .format(n=_n(summary.applied_rows)),
    ]
    if summary.stale:
        parts.append(core_text.message("The reply's checkpoint has expired: the data is marked "
                                       "stale, not synced."))
    parts += [core_text.message(note) for note in summary.notes]
    return " ".join(parts)
