"""Sync: where this installation stands with the GED server, and what is waiting.

The top of the screen answers the officer's questions in order: is my work at GED (pending,
held, delivered, refused), is what I see current (last sync; "data may be stale" when the
server's checkpoint has expired), and is anything waiting for me (conflicts, with both values,
to keep mine or take the server's). Below, the receipts: the server-signed acks that prove a
change set was delivered. A sync runs in a worker with a progress bar and Cancel in the screen
itself, so the rest of the window stays usable; PCs that are never online use the file buttons
(export for a USB stick, import GED's reply).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from nsss_desktop.store.database import Database
from nsss_desktop.sync_client import conflicts, enrol, files, status
from nsss_desktop.sync_client.conflicts import ConflictView
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
}
STATE_COLOUR = {"synced": "#1b7a3a", "pending": "#8a5a00", "conflicts": "#b3261e",
                "stale": "#b3261e", "never synced": "#5f6368", "not enrolled": "#5f6368"}
COUNTERS = (
    ("pending", QT_TRANSLATE_NOOP("SyncScreen", "Waiting to be sent")),
    ("held", QT_TRANSLATE_NOOP("SyncScreen", "Held by the server")),
    ("acked", QT_TRANSLATE_NOOP("SyncScreen", "Delivered (receipt kept)")),
    ("rejected", QT_TRANSLATE_NOOP("SyncScreen", "Refused")),
    ("quarantined", QT_TRANSLATE_NOOP("SyncScreen", "Quarantined")),
    ("conflicts", QT_TRANSLATE_NOOP("SyncScreen", "Conflicts to resolve")),
)
RECEIPT_STATES = {
    "acked": QT_TRANSLATE_NOOP("SyncScreen", "delivered"),
    "rejected": QT_TRANSLATE_NOOP("SyncScreen", "refused"),
}


def _tr(text: str) -> str:
    return translate("SyncScreen", text)


class EnrolDialog(QDialog):
    """The three things an administrator gives a ministry office: address, code, root key."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Enrol this installation"))
        self.server = QLineEdit()
        self.server.setPlaceholderText("https://nsss-sync.ged.gov.bd")
        self.code = QLineEdit()
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX")
        self.root_key = QLineEdit()
        form = QFormLayout()
        form.addRow(_tr("GED server address"), self.server)
        form.addRow(_tr("One-time enrolment code"), self.code)
        form.addRow(_tr("GED root key (from the installer's configuration)"), self.root_key)
        note = QLabel(_tr("The code comes from the GED administrator and works once, for 24 "
                          "hours. This PC makes its own signing key; the key never leaves it."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        qconnect(buttons.accepted, self.accept)
        qconnect(buttons.rejected, self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def values(self) -> tuple[str, str, str]:
        return self.server.text().strip(), self.code.text().strip(), self.root_key.text().strip()


class SyncScreen(QWidget):
    """Emits `ready` after each refresh of the status (screenshots and tests wait for it)."""

    ready = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._loaded = False
        self._status: SyncStatus | None = None
        self._conflicts: list[ConflictView] = []
        self._job: Job[Any] | None = None
        self._scheduler: Any = None
        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.state_label = QLabel()
        self.state_label.setTextFormat(Qt.TextFormat.RichText)
        self.state_label.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e")

        self.counter_values: dict[str, QLabel] = {}
        self.counter_names: dict[str, QLabel] = {}
        counters = QFrame()
        counters.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(counters)
        for col, (key, _label) in enumerate(COUNTERS):
            value, name = QLabel("0"), QLabel()
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            value.setStyleSheet("font-size: 18pt; font-weight: 600")
            name.setAlignment(Qt.AlignmentFlag.AlignCenter)
            name.setWordWrap(True)
            grid.addWidget(value, 0, col)
            grid.addWidget(name, 1, col)
            self.counter_values[key], self.counter_names[key] = value, name

        self.sync_button = QPushButton()
        self.cancel_button = QPushButton()
        self.cancel_button.setEnabled(False)
        self.export_button = QPushButton()
        self.import_button = QPushButton()
        self.enrol_button = QPushButton()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.progress_text = QLabel()
        buttons = QHBoxLayout()
        for button in (self.sync_button, self.cancel_button, self.export_button,
                       self.import_button, self.enrol_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        qconnect(self.sync_button.clicked, self.sync_now)
        qconnect(self.cancel_button.clicked, self.cancel_sync)
        qconnect(self.export_button.clicked, self._export)
        qconnect(self.import_button.clicked, self._import)
        qconnect(self.enrol_button.clicked, self._enrol)

        self.conflict_table = self._table(7)
        self.keep_mine = QPushButton()
        self.take_theirs = QPushButton()
        qconnect(self.keep_mine.clicked, lambda: self._resolve("mine"))
        qconnect(self.take_theirs.clicked, lambda: self._resolve("theirs"))
        conflict_page = QWidget()
        conflict_layout = QVBoxLayout(conflict_page)
        self.conflict_help = QLabel()
        self.conflict_help.setWordWrap(True)
        conflict_layout.addWidget(self.conflict_help)
        conflict_layout.addWidget(self.conflict_table, 1)
        resolve_row = QHBoxLayout()
        resolve_row.addWidget(self.keep_mine)
        resolve_row.addWidget(self.take_theirs)
        resolve_row.addStretch(1)
        conflict_layout.addLayout(resolve_row)
        self.receipt_table = self._table(6)
        self.tabs = QTabWidget()
        self.tabs.addTab(conflict_page, "")
        self.tabs.addTab(self.receipt_table, "")

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.state_label)
        layout.addWidget(self.details)
        layout.addWidget(self.problem)
        layout.addWidget(counters)
        layout.addLayout(buttons)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.progress_text, 2)
        layout.addLayout(progress_row)
        layout.addWidget(self.tabs, 1)
        self.retranslate_ui()

    @staticmethod
    def _table(columns: int) -> QTableWidget:
        table = QTableWidget(0, columns)
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # --- background sync ---------------------------------------------------------------------

    def attach_scheduler(self, scheduler: Any) -> None:
        """Show the main window's automatic syncs here too (progress, result, refresh)."""
        self._scheduler = scheduler
        qconnect(scheduler.started, self._sync_started)
        qconnect(scheduler.progressed, self._sync_progress)
        qconnect(scheduler.finished, self._sync_finished)
        qconnect(scheduler.failed, self._sync_failed)
        qconnect(scheduler.skipped, lambda _reason: self._sync_done())

    # --- data --------------------------------------------------------------------------------

    def is_ready(self) -> bool:
        return self._loaded and not self._busy()

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.load()

    def load(self) -> None:
        db = self._db

        def work(_state: Any) -> tuple[SyncStatus, list[ConflictView]]:
            return status.status(db, receipt_limit=200), conflicts.list_conflicts(db)

        Job(self, work, progress=False).success(self._show).start()

    def _show(self, loaded: tuple[SyncStatus, list[ConflictView]]) -> None:
        self._status, self._conflicts = loaded
        self._loaded = True
        self._render()
        self.ready.emit()

    def _render(self) -> None:
        st = self._status
        if st is None:
            return
        colour = STATE_COLOUR.get(st.state, "#5f6368")
        self.state_label.setText(
            f"<span style='font-size:14pt; font-weight:600; color:{colour}'>"
            f"{translate('SyncState', STATE_TEXT.get(st.state, st.state))}</span>")
        if not st.enrolled:
            self.details.setText(_tr(
                "This installation keeps its data only on this PC. To send it to GED and "
                "receive the other ministries' approved data, enrol it with the code from the "
                "GED administrator."))
        else:
            lines = [
                _tr("Ministry {ministry}, device {device}, environment {env}").format(
                    ministry=st.ministry_code, device=(st.device_id or "")[:13] + "…",
                    env=st.environment),
                _tr("Server: {url}").format(url=st.server_url),
                _tr("Last sync: {when}").format(when=self._when(st.last_sync_at)),
                _tr("Server log seen up to entry {seq}").format(seq=i18n.digits(str(st.cursor))),
            ]
            if st.checkpoint_expires_at:
                lines.append(_tr("Checkpoint valid until {when}").format(
                    when=self._when(st.checkpoint_expires_at)))
            if st.stale and st.state != "never synced":
                lines.append(_tr("The server's last checkpoint has expired: what you see may "
                                 "be out of date. Sync when a connection is available."))
            if st.waiting_rows:
                lines.append(_tr("{n} server change(s) wait until your own edits of the same "
                                 "rows are delivered.").format(n=i18n.digits(str(st.waiting_rows))))
            self.details.setText("\n".join(lines))
        self.problem.setText(core_text.message(st.last_error) if st.last_error else "")
        self.problem.setVisible(bool(st.last_error))
        counts = dict(st.counts, conflicts=st.open_conflicts)
        for key, label in self.counter_values.items():
            label.setText(i18n.digits(str(counts.get(key, 0))))
        self._fill_conflicts()
        self._fill_receipts(st)
        self._update_buttons()

    @staticmethod
    def _when(text: str | None) -> str:
        if not text:
            return _tr("never")
        return i18n.digits(text.replace("T", " ")[:16] + " UTC")

    def _fill_conflicts(self) -> None:
        table = self.conflict_table
        table.setRowCount(len(self._conflicts))
        for row, c in enumerate(self._conflicts):
            fields = c.fields or sorted(set(c.your_values or {}) | set(c.server_values or {}))
            mine = "; ".join(f"{f} = {self._value((c.your_values or {}).get(f))}"
                             for f in fields)
            if c.server_values is None:
                theirs = _tr("deleted on the server")
            else:
                theirs = "; ".join(f"{f} = {self._value(c.server_values.get(f))}"
                                   for f in fields)
            cells = (c.table, c.row_id[:13] + "…", ", ".join(fields), mine, theirs,
                     self._when(c.detected_at), c.id)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(c.describe())
                table.setItem(row, col, item)
        table.setColumnHidden(6, True)
        self.tabs.setTabText(0, _tr("Conflicts ({n})").format(
            n=i18n.digits(str(len(self._conflicts)))))

    @staticmethod
    def _value(value: Any) -> str:
        return "—" if value is None else i18n.digits(str(value))

    def _fill_receipts(self, st: SyncStatus) -> None:
        table = self.receipt_table
        table.setRowCount(len(st.receipts))
        for row, r in enumerate(st.receipts):
            cells = (i18n.digits(str(r.device_seq)),
                     translate("SyncScreen", RECEIPT_STATES.get(r.state, r.state)),
                     i18n.digits(str(r.server_seq)) if r.server_seq is not None else "—",
                     self._when(r.received_at), i18n.digits(str(r.ops)),
                     r.payload_sha256[:16] + "…" + (f"  {r.error}" if r.error else ""))
            for col, text in enumerate(cells):
                table.setItem(row, col, QTableWidgetItem(text))
        self.tabs.setTabText(1, _tr("Receipts ({n})").format(
            n=i18n.digits(str(len(st.receipts)))))

    # --- actions -----------------------------------------------------------------------------

    def _busy(self) -> bool:
        own = self._job is not None and not self._job.done
        return own or bool(self._scheduler is not None and self._scheduler.running)

    def _update_buttons(self) -> None:
        enrolled = bool(self._status and self._status.enrolled)
        busy = self._busy()
        self.sync_button.setEnabled(enrolled and not busy)
        self.export_button.setEnabled(enrolled and not busy)
        self.import_button.setEnabled(enrolled and not busy)
        self.enrol_button.setVisible(not enrolled)
        self.cancel_button.setEnabled(busy)
        has = bool(self._conflicts)
        self.keep_mine.setEnabled(has and not busy)
        self.take_theirs.setEnabled(has and not busy)

    def sync_now(self) -> None:
        """Push, pull, push again, in a worker; progress and Cancel stay in this screen."""
        if self._busy():
            return
        if self._scheduler is not None:
            self._scheduler.run_now()
            return
        from nsss_desktop.sync_client import run

        db = self._db
        self._run(lambda state: run.sync_now(db, progress=lambda f, t: (
            state.set_status(t), state.set_progress(f)), cancel=state),
            on_done=self._sync_finished)

    def cancel_sync(self) -> None:
        if self._job is not None and not self._job.done:
            self._job.cancel()
        elif self._scheduler is not None:
            self._scheduler.cancel()
        self.progress_text.setText(_tr("Cancelling… what was already delivered stays "
                                       "delivered."))

    def _run(self, fn: Callable[[Any], Any], *, on_done: Callable[[Any], None]) -> None:
        self._job = Job(self, fn, progress=False)
        self._job.progress(self._sync_progress).success(
            lambda result: (on_done(result), self._sync_done())).failure(self._sync_failed)
        self._job.start()
        self._sync_started()

    def _sync_started(self) -> None:
        self.progress.setValue(0)
        self.progress.show()
        self.progress_text.setText(_tr("Connecting to the GED server…"))
        self._update_buttons()

    def _sync_progress(self, fraction: float, text: str) -> None:
        self.progress.setValue(round(fraction * 100))
        if text:
            self.progress_text.setText(text)

    def _sync_finished(self, result: Any) -> None:
        lines = getattr(result, "lines", lambda: [])()
        self.progress_text.setText(" ".join(core_text.message(x) for x in lines))
        self._sync_done()

    def _sync_done(self) -> None:
        self.progress.hide()
        self._update_buttons()
        self.load()

    def _sync_failed(self, error: BaseException) -> None:
        from ui.errors import show_error

        self.progress.hide()
        self.progress_text.setText(_tr("The sync stopped: {reason}").format(
            reason=core_text.message(str(error))))
        self._update_buttons()
        self.load()
        if type(error).__name__ != "Cancelled":
            show_error(self, error)

    def _resolve(self, choice: str) -> None:
        rows = self.conflict_table.selectionModel().selectedRows()
        if not rows:
            self.progress_text.setText(_tr("Choose a conflict in the list first."))
            return
        conflict_id = self.conflict_table.item(rows[0].row(), 6).text()
        db = self._db
        self._run(lambda _s: conflicts.resolve(db, conflict_id, choice),
                  on_done=lambda _r: self.progress_text.setText(
                      _tr("Conflict resolved: your values will be sent at the next sync.")
                      if choice == "mine" else
                      _tr("Conflict resolved: the server's values are now shown here.")))

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, _tr("Export change sets for GED"), str(Path.home() / "nsss-changes.nsss-sync"),
            _tr("NSSS sync files (*.nsss-sync)"))
        if not path:
            return
        db = self._db
        self._run(lambda _s: files.export_file(db, Path(path)), on_done=lambda summary:
                  self.progress_text.setText(_tr(
                      "Wrote {n} change set(s) and {b} file(s) to {path}. Take it to GED; "
                      "import GED's reply file here.").format(
                      n=i18n.digits(str(summary.changesets)),
                      b=i18n.digits(str(summary.blobs)), path=summary.path)))

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, _tr("Import GED's reply"), str(Path.home()),
            _tr("NSSS sync files (*.nsss-sync *.nsss-reply);;All files (*)"))
        if not path:
            return
        db = self._db
        self._run(lambda _s: files.import_file(db, Path(path)), on_done=lambda summary:
                  self.progress_text.setText(" ".join(core_text.message(x)
                                                      for x in summary.lines())))

    def _enrol(self) -> None:
        dialog = EnrolDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        server, code, root_key = dialog.values()
        db = self._db
        self._run(lambda _s: enrol.enrol(db, server_url=server, code=code, root_key=root_key),
                  on_done=lambda ident: self.progress_text.setText(_tr(
                      "Enrolled as a device of {ministry}. Sync now to receive the data.")
                      .format(ministry=ident.ministry_code)))

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.title.setText("<h2>{}</h2>".format(_tr("Sync with the GED server")))
        for key, label in COUNTERS:
            self.counter_names[key].setText(translate("SyncScreen", label))
        self.sync_button.setText(_tr("Sync now"))
        self.cancel_button.setText(_tr("Cancel"))
        self.export_button.setText(_tr("Export to file…"))
        self.import_button.setText(_tr("Import reply file…"))
        self.enrol_button.setText(_tr("Enrol this installation…"))
        self.keep_mine.setText(_tr("Keep my values"))
        self.take_theirs.setText(_tr("Take the server's values"))
        self.conflict_help.setText(_tr(
            "Someone else changed the same values at GED before your change arrived. Nothing "
            "was lost: choose which values to keep. Keeping yours sends them again."))
        self.conflict_table.setHorizontalHeaderLabels([
            _tr("Table"), _tr("Row"), _tr("Fields"), _tr("Your values"),
            _tr("Server's values"), _tr("Detected"), ""])
        self.receipt_table.setHorizontalHeaderLabels([
            _tr("Change set"), _tr("State"), _tr("Server entry"), _tr("Received at GED"),
            _tr("Rows"), _tr("Fingerprint (SHA-256)")])
        self.tabs.setTabText(0, _tr("Conflicts"))
        self.tabs.setTabText(1, _tr("Receipts"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
