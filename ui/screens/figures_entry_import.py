"""The dry-run preview of a figures import: a ministry template or the Finance Division table.

The file is read and checked without writing (`figures_import.preview_*`, in a job with
progress and Cancel). The preview lists each programme row (new, changed with each figure's
before → after, or unchanged) and every problem at its sheet, row and column. Import is
enabled only when there is no error; it then saves exactly what the preview showed
(`save_preview`), all or nothing, in a job with progress and Cancel.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from nsss_desktop.domain import FiscalYear
from nsss_desktop.errors import Cancelled, ImportRefused, NsssError
from nsss_desktop.services import programme_register_screens as screens
from nsss_desktop.services.figure_input import Issue
from nsss_desktop.services.figures_import import ImportPreview, ImportResult, issue_problem
from nsss_desktop.store.database import Database
from nsss_desktop.tasks import TaskState
from ui import core_text, i18n
from ui.jobs import Job
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QBrush,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
    qconnect,
    translate,
)
from ui.screens import programme_text as text
from ui.screens.action_plan_widgets import MessageBar

MAX_ROWS = 500
STATUSES = {"new": QT_TRANSLATE_NOOP("FiguresImportDialog", "New"),
            "changed": QT_TRANSLATE_NOOP("FiguresImportDialog", "Changed"),
            "unchanged": QT_TRANSLATE_NOOP("FiguresImportDialog", "Unchanged")}


def status_text(status: str) -> str:
    return translate("FiguresImportDialog", STATUSES[status]) if status in STATUSES else status


class FiguresImportDialog(QDialog):
    """Emits `imported(summary)` after an import wrote to the database."""

    imported = Signal(str)

    def __init__(self, db: Database, path: Path, kind: str = "template", *,
                 fiscal_year: FiscalYear | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self.path, self.kind = db, Path(path), kind
        self.preview: ImportPreview | None = None
        self.result: ImportResult | None = None
        self.job: Job[object] | None = None
        self.resize(1000, 600)
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        # Finance Division table options: year, budget stage, source.
        self.options = QWidget()
        self.year_label, self.stage_label = QLabel(), QLabel()
        self.source_label, self.title_label = QLabel(), QLabel()
        self.year_combo, self.stage_combo = QComboBox(), QComboBox()
        self.source_edit, self.title_edit = QLineEdit(), QLineEdit()
        self.year_combo.addItem("", None)
        last = FiscalYear.containing(date.today()).next()
        for fy in reversed(FiscalYear.range(FiscalYear(2008), last)):
            self.year_combo.addItem(i18n.digits(str(fy)), fy.start_year)
        if fiscal_year is not None:
            self.year_combo.setCurrentIndex(max(self.year_combo.findData(
                fiscal_year.start_year), 0))
        self.stage_combo.addItem("", "revised")
        self.stage_combo.addItem("", "proposed")
        self.source_edit.setText(f"FD_SSP_{fiscal_year.start_year}" if fiscal_year else
                                 "FD_SSP")
        self.check_button = QPushButton()
        options = QHBoxLayout(self.options)
        options.setContentsMargins(0, 0, 0, 0)
        for label, widget in ((self.year_label, self.year_combo),
                              (self.stage_label, self.stage_combo),
                              (self.source_label, self.source_edit),
                              (self.title_label, self.title_edit)):
            label.setBuddy(widget)
            options.addWidget(label)
            options.addWidget(widget, 1 if widget is self.title_edit else 0)
        options.addWidget(self.check_button)
        self.options.setVisible(kind == "finance")

        self.summary = MessageBar()
        self.rows = QTreeWidget()
        self.rows.setColumnCount(4)
        self.rows.setAlternatingRowColors(True)
        self.rows.setWordWrap(True)
        header = self.rows.header()
        for col, width in enumerate((300, 160, 110)):
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.problems = QTableWidget(0, 4)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setWordWrap(True)
        self.problems.verticalHeader().hide()
        for col, width in enumerate((80, 130, 190)):
            self.problems.horizontalHeader().resizeSection(col, width)
        self.problems.horizontalHeader().setStretchLastSection(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.rows)
        splitter.addWidget(self.problems)
        splitter.setSizes([330, 200])
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(self.options)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        qconnect(self.check_button.clicked, self.run_preview)
        qconnect(self.import_button.clicked, self.run_import)
        qconnect(self.close_button.clicked, self.reject)
        self.retranslate_ui()

    def busy(self) -> bool:
        return self.job is not None and not self.job.done

    def is_ready(self) -> bool:
        """A preview (or its refusal) is shown and nothing is running."""
        return not self.busy() and (self.preview is not None or self.summary.kind == "error")

    # --- dry run -----------------------------------------------------------------------------

    def run_preview(self) -> None:
        if self.busy():
            return
        self.preview = None
        self.import_button.setEnabled(False)
        self.summary.show_message(self.tr("Checking the file; nothing is written…"), "info")
        db, path, kind = self._db, self.path, self.kind
        year = self.year_combo.currentData()
        fy = FiscalYear(year) if year else None
        stage, source = self.stage_combo.currentData(), self.source_edit.text().strip()

        def work(state: TaskState) -> ImportPreview:
            if kind == "finance":
                return screens.preview_finance(db, path, fy, stage, source, state)
            return screens.preview_template(db, path, state)

        self.job = Job(self, work, title=self.tr("Checking {file}…").format(file=path.name))
        self.job.success(self._show_preview).failure(self._failed).start()

    def _show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.rows.clear()
        groups = {status: QTreeWidgetItem(self.rows, [""]) for status in STATUSES
                  if preview.count(status)}
        for row in preview.rows[:MAX_ROWS]:
            if row.status not in groups:
                groups[row.status] = QTreeWidgetItem(self.rows, [""])
            item = QTreeWidgetItem(groups[row.status], [
                f"{row.programme_code} – {row.programme_name}", self._where(row.where),
                status_text(row.status),
                "; ".join(f"{text.measure_label(m)} {v}" for m, v in row.values)])
            item.setToolTip(3, item.text(3))
            for change in row.changes:
                QTreeWidgetItem(item, [text.measure_label(change.measure), "", "",
                                       f"{change.before or self.tr('(blank)')} → "
                                       f"{change.after or self.tr('(blank)')}"])
            item.setExpanded(row.status == "changed")
        for status, group in groups.items():
            count = preview.count(status)
            group.setText(0, self.tr("{status} ({count})").format(
                status=status_text(status), count=i18n.number(count, 0)))
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setExpanded(True)
        self._show_issues(preview.issues)
        errors = preview.errors
        if errors:
            self.summary.show_message(self.tr(
                "The file cannot be imported: {count} problem(s) were found. Nothing was "
                "written. Correct the cells listed below in Excel and import it again.").format(
                count=i18n.number(len(errors), 0)), "error")
        elif not preview.rows:
            self.summary.show_message(self.tr("The file has no programme rows to import."),
                                      "error")
        else:
            changes = preview.count("new") + preview.count("changed")
            message = self.tr(
                "Nothing has been written yet. Importing would add {new} and change {changed} "
                "programme row(s); {same} are unchanged.").format(
                new=i18n.number(preview.count("new"), 0),
                changed=i18n.number(preview.count("changed"), 0),
                same=i18n.number(preview.count("unchanged"), 0))
            if preview.ministry_code and preview.period:
                message += " " + self.tr("Ministry {ministry}, period {period}.").format(
                    ministry=preview.ministry_code, period=i18n.digits(str(preview.period)))
            if preview.warnings:
                message += " " + self.tr("Warnings are saved with the figures.")
            self.summary.show_message(message + " " + (
                self.tr("Press Import to save them as drafts.") if changes or
                preview.source_is_new else self.tr("There is nothing to change.")), "info")
        self.import_button.setEnabled(not errors and bool(preview.rows))

    def _show_issues(self, issues: list[Issue]) -> None:
        ordered = sorted(issues, key=lambda i: (not i.is_error,))
        self.problems.setRowCount(len(ordered))
        for row, issue in enumerate(ordered):
            problem = issue_problem(issue)
            cells = (self.tr("Error") if issue.is_error else self.tr("Warning"),
                     self._cell(problem.sheet, problem.row, problem.column),
                     text.issue_title(issue.code), issue.message)
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if col == 0:
                    item.setForeground(QBrush(text.ERROR_COLOUR if issue.is_error
                                              else text.WARNING_COLOUR))
                    item.setBackground(QBrush(text.ERROR_BACKGROUND if issue.is_error
                                              else text.WARNING_BACKGROUND))
                self.problems.setItem(row, col, item)
        self.problems.resizeRowsToContents()
        self.problems.setVisible(bool(ordered))

    def _cell(self, sheet: str, row: int | None, column: str | None) -> str:
        if row is not None and column:
            return self.tr("{sheet}, row {row}, column {column}").format(
                sheet=sheet, row=i18n.number(row, 0), column=column)
        if row is not None:
            return self.tr("{sheet}, row {row}").format(sheet=sheet, row=i18n.number(row, 0))
        return sheet

    def _where(self, where: str) -> str:
        problem = issue_problem(Issue("error", "", "", "", where))
        return self._cell(problem.sheet, problem.row, problem.column)

    def _failed(self, error: BaseException) -> None:
        self.import_button.setEnabled(False)
        if isinstance(error, ImportRefused):
            self._show_issues([Issue("error", p.code, p.message, "", self._problem_where(p))
                               for p in error.problems])
            self.summary.show_message(
                f"{core_text.message(error.message)} {core_text.message(error.hint)}".strip(),
                "error")
        elif isinstance(error, Cancelled):
            self.summary.show_message(self.tr("Cancelled: nothing was written."), "info")
        elif isinstance(error, NsssError):
            self.summary.show_message(
                f"{core_text.message(error.message)} {core_text.message(error.hint)}".strip(),
                "error")
        else:
            from ui.errors import show_error

            self.summary.clear_message()
            show_error(self, error)

    @staticmethod
    def _problem_where(p: object) -> str:
        sheet, row, col = getattr(p, "sheet", ""), getattr(p, "row", None), \
            getattr(p, "column", None)
        parts = [f"sheet {sheet}"] if sheet else []
        if row is not None:
            parts.append(f"row {row}")
        if col:
            parts.append(f"column {col}")
        return ", ".join(parts)

    # --- the real import ---------------------------------------------------------------------

    def run_import(self) -> None:
        preview = self.preview
        if self.busy() or preview is None or preview.errors or not preview.rows:
            return
        self.import_button.setEnabled(False)
        db, title = self._db, self.title_edit.text().strip()
        self.job = Job(self, lambda state: screens.save_preview(
            db, preview, state, source_title=title),
            title=self.tr("Importing {file}…").format(file=self.path.name), min_duration_ms=0)
        self.job.success(self._imported).failure(self._failed).start()

    def _imported(self, result: ImportResult) -> None:
        self.result = result
        summary = self.tr("Imported {file}: {inserted} new, {updated} changed, {unchanged} "
                          "unchanged programme row(s), saved as drafts.").format(
            file=self.path.name, inserted=i18n.number(result.inserted, 0),
            updated=i18n.number(result.updated, 0), unchanged=i18n.number(result.unchanged, 0))
        self.imported.emit(summary)
        self.accept()

    def reject(self) -> None:
        """Closing while a job runs asks it to stop first (the core then writes nothing)."""
        if self.busy() and self.job is not None:
            self.job.cancel()
        super().reject()

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import figures: Finance Division table") if
                            self.kind == "finance" else
                            self.tr("Import figures: ministry template"))
        self.file_label.setText(self.tr("File: {path}").format(path=str(self.path)))
        self.year_label.setText(self.tr("Fiscal &year:"))
        self.year_combo.setItemText(0, self.tr("as in the file"))
        self.stage_label.setText(self.tr("&Budget:"))
        self.stage_combo.setItemText(0, self.tr("Revised"))
        self.stage_combo.setItemText(1, self.tr("Proposed"))
        self.source_label.setText(self.tr("&Source id:"))
        self.title_label.setText(self.tr("&Title:"))
        self.title_edit.setPlaceholderText(self.tr("e.g. Finance Division, Social Security "
                                                   "Programmes, budget 2024-25"))
        self.check_button.setText(self.tr("&Check"))
        self.import_button.setText(self.tr("&Import"))
        self.rows.setHeaderLabels([self.tr("Programme"), self.tr("Where"), self.tr("Status"),
                                   self.tr("Figures in the file")])
        self.problems.setHorizontalHeaderLabels([self.tr("Level"), self.tr("Cell"),
                                                 self.tr("Problem"), self.tr("Details")])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
