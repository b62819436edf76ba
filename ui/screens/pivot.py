"""Programme reports: choose rows, columns, measures and filters, run, save, export.

The table is the core's (`programme_pivot.run_pivot` + `pivot_table`), the same one the CLI
prints and the Excel and PDF exports carry (`reports.programme_report`), so a printed number
never disagrees with the screen. Running, saving and exporting happen in workers with progress
(`ui.jobs.Job`); the table shows exact values formatted for the interface language. A double
click (or Enter) on a number lists the figure rows behind it. Saved definitions live in the
encrypted database, so they travel with its backups and every ministry PC has its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

from nsss_desktop.reports import programme_report as report
from nsss_desktop.reports.programme_report import FilterChoices
from nsss_desktop.services import programme_pivot as pivot
from nsss_desktop.services.programme_dashboards import DrillKey
from nsss_desktop.services.tables import Column, DashboardTable
from nsss_desktop.store.database import Database
from ui import i18n
from ui.jobs import Job
from ui.models.table_model import DashboardTableModel
from ui.qt import (
    QAbstractItemView,
    QComboBox,
    QEvent,
    QFileDialog,
    QFont,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QModelIndex,
    QPersistentModelIndex,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
    qconnect,
)
from ui.screens.pivot_options import ADJUST, PivotOptions

MAX_COLUMN_PX = 360  # a long programme name may not take the whole view


class PivotTableModel(DashboardTableModel):
    """The dashboards' table model, with the total row in bold."""

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.isValid() and self.table is not None \
                and self.table.rows[index.row()].get(pivot.STYLE_KEY) == pivot.STYLE_TOTAL:
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


def screen_table(table: DashboardTable) -> DashboardTable:
    """The table with two-line headers ("Budget (crore Tk)" over "2023-24"), narrower on
    screen; the exports keep the one-line labels."""
    columns = [Column(c.key, "\n".join(c.label.rsplit(", ", 1)) if "@" in c.key else c.label,
                      c.kind) for c in table.columns]
    return replace(table, columns=columns)


class PivotScreen(QWidget):
    """Emits `ready` when the choices are loaded and after each run, save, load or export."""

    ready = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._loaded = False
        self._job: Job[Any] | None = None
        self.result: pivot.PivotResult | None = None
        self.last_export: Path | None = None
        self.drill_dialog: QWidget | None = None
        self._confirm: QMessageBox | None = None
        self.title, self.intro = QLabel(), QLabel()
        self.title.setObjectName("screenTitle")
        self.intro.setWordWrap(True)
        self.options = PivotOptions()
        self.run_button, self.excel_button, self.pdf_button = (QPushButton(), QPushButton(),
                                                               QPushButton())
        self.run_button.setDefault(True)
        self.saved = QComboBox()
        self.saved.setMinimumContentsLength(16)
        self.saved.setSizeAdjustPolicy(ADJUST)
        self.load_button, self.delete_button, self.save_button = (QPushButton(), QPushButton(),
                                                                  QPushButton())
        self.name = QLineEdit()
        self.name.setMaxLength(pivot.NAME_MAX)
        self.saved_label, self.name_label = QLabel(), QLabel()
        self.saved_label.setBuddy(self.saved)
        self.name_label.setBuddy(self.name)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.model = PivotTableModel(lang=i18n.current_language(), parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)

        actions = QHBoxLayout()
        for button in (self.run_button, self.excel_button, self.pdf_button):
            actions.addWidget(button)
        actions.addWidget(self.message, 1)
        saving = QHBoxLayout()
        for widget in (self.saved_label, self.saved, self.load_button, self.delete_button,
                       self.name_label, self.name, self.save_button):
            saving.addWidget(widget)
        saving.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.options)
        layout.addLayout(saving)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)

        qconnect(self.run_button.clicked, self.run)
        qconnect(self.excel_button.clicked, lambda: self._ask_and_export("xlsx"))
        qconnect(self.pdf_button.clicked, lambda: self._ask_and_export("pdf"))
        qconnect(self.save_button.clicked, self.save)
        qconnect(self.load_button.clicked, self.load_selected)
        qconnect(self.delete_button.clicked, self._ask_and_delete)
        qconnect(self.name.returnPressed, self.save)
        qconnect(self.table.activated, self._drill)
        self._set_busy(False)
        self.retranslate_ui()

    # --- loading -----------------------------------------------------------------------------

    def is_ready(self) -> bool:
        return self._loaded and (self._job is None or self._job.done)

    def ensure_loaded(self) -> None:
        if self._loaded or (self._job is not None and not self._job.done):
            return
        db = self._db
        self._job = Job(self, lambda _state: report.filter_choices(db), progress=False)
        self._job.success(self._show_choices).failure(self._failed).start()

    def _show_choices(self, choices: FilterChoices) -> None:
        self.options.set_choices(choices)
        self._show_saved(choices.saved)
        self._loaded = True
        self.ready.emit()

    def _show_saved(self, names: list[str], select: str | None = None) -> None:
        keep = select or self.saved.currentText()
        self.saved.clear()
        self.saved.addItems(names)
        if keep in names:
            self.saved.setCurrentText(keep)
        self._set_busy(False)

    # --- running -----------------------------------------------------------------------------

    def definition(self) -> pivot.PivotDefinition:
        return self.options.definition(self.name.text().strip())

    def run(self) -> None:
        """Run the chosen report in a worker and show it."""
        try:
            definition = self.definition()
        except Exception as error:  # noqa: BLE001 - a UsageError from the core: show it
            self._refused(error)
            return
        db, lang = self._db, i18n.current_language()

        self._run(lambda _state: report.run_table(db, definition, lang),
                  self.tr("Running the report…"), self._show_result)

    def _show_result(self, done: tuple[pivot.PivotResult, DashboardTable]) -> None:
        self.result, table = done
        self._set_table(table)
        self._show_notes()
        rows = max(len(table.rows) - 1, 0)
        self.message.setText(self.tr("Rows: {count}, and the total.").format(
            count=i18n.number(rows, 0)))

    def _set_table(self, table: DashboardTable) -> None:
        self.model.set_table(screen_table(table))
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for i in range(header.count()):
            header.resizeSection(i, min(header.sectionSize(i), MAX_COLUMN_PX))

    def _show_notes(self) -> None:
        table = self.model.table
        items = list(table.notes if table else [])
        items.append(self.tr("— means that no figure was reported; n/a that it was reported as "
                             "not available. Neither is a zero."))
        items.append(self.tr("Beneficiaries in lakh (1 lakh = 100,000 persons); money in crore "
                             "taka (1 crore = 10 million taka); the benefit in taka a month."))
        self.notes.setText("<b>{}</b><ul style='margin:0'>{}</ul>".format(
            self.tr("Notes"), "".join(f"<li>{escape(i)}</li>" for i in items)))

    def _drill(self, index: QModelIndex) -> None:
        table = self.model.table
        if table is None or not index.isValid():
            return
        key = table.drill.get((index.row(), table.columns[index.column()].key))
        if isinstance(key, DrillKey):
            from ui.screens.programme_drilldown import DrilldownDialog

            self.drill_dialog = DrilldownDialog(self._db, key, parent=self)
            self.drill_dialog.open()

    # --- saved definitions -------------------------------------------------------------------

    def save(self) -> None:
        """Save the chosen report under the name typed (replacing one of that name)."""
        try:
            definition = self.definition()
            if not definition.name:
                from nsss_desktop.errors import UsageError

                raise UsageError(self.tr("Type a name for the report first."))
        except Exception as error:  # noqa: BLE001 - shown to the user
            self._refused(error)
            self.name.setFocus()
            return
        db = self._db

        def saved(done: tuple[list[str], None]) -> None:
            self._show_saved(done[0], definition.name)
            self.message.setText(self.tr("Saved as “{name}”.").format(name=definition.name))

        self._run(lambda _state: report.saved(db, save=definition), self.tr("Saving…"), saved)

    def load_selected(self) -> None:
        """Show the saved report chosen in the list, and run it."""
        name, db = self.saved.currentText(), self._db
        if not name:
            return

        def loaded(done: tuple[list[str], pivot.PivotDefinition]) -> None:
            definition = done[1]
            self.options.set_definition(definition)
            self.name.setText(definition.name)
            self.run()

        self._run(lambda _state: report.saved(db, load=name), self.tr("Loading…"), loaded,
                  emit=False)

    def _ask_and_delete(self) -> QMessageBox | None:
        """Ask first (a decision, so a message box), without blocking the event loop."""
        name = self.saved.currentText()
        if not name:
            return None
        yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
        box = self._confirm = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Delete saved report"),
            self.tr("Delete the saved report “{name}”? The data is not affected.").format(
                name=name), yes | no, self)
        box.setDefaultButton(no)
        qconnect(box.buttonClicked,
                 lambda button: box.standardButton(button) == yes and self.delete(name))
        box.open()
        return box

    def delete(self, name: str) -> None:
        db = self._db

        def deleted(done: tuple[list[str], None]) -> None:
            self._show_saved(done[0])
            self.message.setText(self.tr("Deleted “{name}”.").format(name=name))

        self._run(lambda _state: report.saved(db, delete=name), self.tr("Deleting…"), deleted)

    # --- export ------------------------------------------------------------------------------

    def export(self, path: Path, kind: str) -> None:
        """Run the chosen report and write it as an Excel workbook or a PDF (in a worker)."""
        try:
            definition = self.definition()
        except Exception as error:  # noqa: BLE001 - shown to the user
            self._refused(error)
            return
        db, lang = self._db, i18n.current_language()
        now = datetime.now().astimezone()  # the GUI, like the CLI, is an edge that reads the clock
        render = None
        if kind == "pdf":
            from ui.pdf_render import render_pdf as render

        def work(state: Any) -> Path:
            state.set_progress(0.05)
            return report.write_report(db, definition, path, generated_at=now, lang=lang,
                                       render=render, task=state)

        title = self.tr("Writing the PDF…") if kind == "pdf" else \
            self.tr("Writing the Excel workbook…")
        self._run(work, title, self._exported)

    def _exported(self, path: Path) -> None:
        self.last_export = Path(path)
        self.message.setText(self.tr("Saved: {path}").format(path=str(path)))

    def _ask_and_export(self, kind: str) -> None:
        name = (self.name.text().strip() or "programme-report").replace("/", "-")
        start = str((self.last_export.parent if self.last_export else Path.home())
                    / f"{name}.{kind}")
        if kind == "pdf":
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export PDF"), start,
                                                    self.tr("PDF files (*.pdf)"))
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export Excel"), start,
                                                    self.tr("Excel workbooks (*.xlsx)"))
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(path.name + f".{kind}")
        self.export(path, kind)

    # --- jobs --------------------------------------------------------------------------------

    def _run(self, work: Callable[[Any], Any], title: str, done: Callable[[Any], None],
             emit: bool = True) -> None:
        if self._job is not None and not self._job.done:
            return  # one task at a time; the buttons come back when it is done
        self._set_busy(True)
        self.message.setText(title)

        def succeeded(result: Any) -> None:
            self._set_busy(False)
            done(result)
            if emit:
                self.ready.emit()

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            self._refused(error)
            self.ready.emit()

        self._job = Job(self, work, title=title, min_duration_ms=300)
        self._job.success(succeeded).failure(failed).start()

    def _refused(self, error: BaseException) -> None:
        from ui.errors import show_error

        self.message.setText(self.tr("Not done: see the message."))
        show_error(self, error)

    def _failed(self, error: BaseException) -> None:
        self._loaded = True
        self._refused(error)
        self.ready.emit()

    def _set_busy(self, busy: bool) -> None:
        for button in (self.run_button, self.excel_button, self.pdf_button, self.save_button):
            button.setEnabled(not busy)
        for button in (self.load_button, self.delete_button):
            button.setEnabled(not busy and self.saved.count() > 0)

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.title.setText("<h2>{}</h2>".format(self.tr("Programme reports")))
        self.intro.setText(self.tr(
            "Choose what the rows and columns are, which measures to show and which programmes "
            "and years to include, then run the report. Totals count each programme once, "
            "whichever ministries or life cycle stages it belongs to."))
        self.run_button.setText(self.tr("R&un report"))
        self.excel_button.setText(self.tr("Export &Excel…"))
        self.pdf_button.setText(self.tr("Export P&DF…"))
        self.saved_label.setText(self.tr("&Saved reports:"))
        self.load_button.setText(self.tr("&Open"))
        self.delete_button.setText(self.tr("Delete"))
        self.name_label.setText(self.tr("&Name:"))
        self.name.setPlaceholderText(self.tr("name to save this report under"))
        self.save_button.setText(self.tr("Sa&ve"))
        self.options.retranslate_ui()
        lang = i18n.current_language()
        if self.result is not None:  # the table's own texts come from the core, per language
            self._set_table(pivot.pivot_table(self.result, lang))
        self.model.set_language(lang)
        self._show_notes()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
