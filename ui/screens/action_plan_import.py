"""The import preview: a dry run of `import_plan` shown before anything is written.

A ministry's workbook either has problems, listed by sheet!cell with what is wrong and nothing
written, or it has a preview: activities to insert, updates with each field's before → after,
unchanged rows, and rows of the register the sheet lacks (kept: dropping a reform is a status,
not an edit). Only then does "Import" run the real import, in a job with progress and Cancel;
the core imports all or nothing, so a cancel leaves the register as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from nsss_desktop.errors import Cancelled, ImportRefused, NsssError, Problem
from nsss_desktop.services import action_plan
from nsss_desktop.services.action_plan_import import FieldChange, ImportReport, RowRef
from nsss_desktop.store.database import Database
from ui import core_text, i18n
from ui.jobs import Job
from ui.qt import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
    qconnect,
)
from ui.screens import action_plan_text as text
from ui.screens.action_plan_widgets import MessageBar

MAX_SHOWN = 500  # rows listed per group; the counts are always complete


class ImportPreviewDialog(QDialog):
    """Emits `imported(summary)` after a real import wrote to the register."""

    imported = Signal(str)

    def __init__(self, db: Database, path: Path, plan_code: str, plan_codes: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self.path = db, Path(path)
        self.report: ImportReport | None = None
        self.problems: list[Problem] = []
        self.job: Job[ImportReport] | None = None
        self.resize(940, 580)
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.plan_label = QLabel()
        self.plan_combo = QComboBox()
        self.plan_combo.setEditable(True)
        self.plan_combo.addItems(plan_codes)
        self.plan_combo.setCurrentText(plan_code)
        self.plan_label.setBuddy(self.plan_combo)
        self.check_button = QPushButton()
        self.summary = MessageBar()
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.header().resizeSection(0, 430)
        self.tree.header().setStretchLastSection(True)
        self.problem_table = QTableWidget(0, 3)
        self.problem_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problem_table.setWordWrap(True)
        self.problem_table.verticalHeader().hide()
        self.problem_table.horizontalHeader().resizeSection(0, 110)
        self.problem_table.horizontalHeader().resizeSection(1, 250)
        self.problem_table.horizontalHeader().setStretchLastSection(True)
        self.problem_table.hide()
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)

        plan_row = QHBoxLayout()
        plan_row.addWidget(self.plan_label)
        plan_row.addWidget(self.plan_combo)
        plan_row.addWidget(self.check_button)
        plan_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addLayout(plan_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.problem_table, 1)
        layout.addWidget(self.buttons)
        qconnect(self.check_button.clicked, self.run_preview)
        qconnect(self.plan_combo.activated, lambda _i: self.run_preview())
        qconnect(self.import_button.clicked, self.run_import)
        qconnect(self.close_button.clicked, self.reject)
        self.retranslate_ui()

    @property
    def plan_code(self) -> str:
        return self.plan_combo.currentText().strip()

    def busy(self) -> bool:
        return self.job is not None and not self.job.done

    # --- dry run -----------------------------------------------------------------------------

    def run_preview(self) -> None:
        """Check the workbook against the plan without writing anything."""
        if self.busy():
            return
        self.report, self.problems = None, []
        self.import_button.setEnabled(False)
        self.summary.show_message(self.tr("Checking the workbook…"), "info")
        db, path, code = self._db, self.path, self.plan_code
        self.job = Job(self, lambda state: action_plan.import_plan(
            db, path, plan_code=code, dry_run=True, task=state),
            title=self.tr("Checking the workbook…"))
        self.job.success(self._show_report).failure(self._failed).start()

    def _show_report(self, report: ImportReport) -> None:
        self.report = report
        self.problem_table.hide()
        self.tree.show()
        self.tree.clear()
        self._group(self.tr("Plan"), [], report.plan_changes, expand=True)
        self._group(self.tr("Objectives"), [], report.objective_changes, expand=True)
        self._group(self.tr("New activities ({count})"), report.to_insert, expand=True)
        self._group(self.tr("Changed activities ({count})"), report.to_update, expand=True)
        self._group(self.tr("Unchanged ({count})"), report.unchanged)
        self._group(self.tr("In the register but not in the sheet ({count}): kept, never "
                            "deleted"), report.not_in_sheet)
        for note in report.notes:
            QTreeWidgetItem(self.tree, [note.location, note.message])
        if report.changes_anything:
            self.summary.show_message(self._summary(report), "info")
        else:
            self.summary.show_message(self.tr("The workbook matches the register of {plan}: "
                                              "there is nothing to import.").format(
                plan=report.plan_code), "success")
        self.import_button.setEnabled(report.changes_anything)

    def _summary(self, report: ImportReport) -> str:
        numbers = {k: i18n.number(len(v), 0) for k, v in (
            ("insert", report.to_insert), ("update", report.to_update),
            ("same", report.unchanged), ("missing", report.not_in_sheet))}
        lines = [self.tr("Nothing has been written yet. Importing into {plan} would add {insert} "
                         "activities and update {update}; {same} are unchanged and {missing} "
                         "are not in the sheet (they are kept).").format(
            plan=report.plan_code, **numbers)]
        if report.plan_is_new:
            lines.append(self.tr("{plan} is a new plan: it will be created.").format(
                plan=report.plan_code))
        lines.append(self.tr("Press Import to apply these changes."))
        return " ".join(lines)

    def _group(self, title: str, refs: list[RowRef], changes: Sequence[FieldChange] = (),
               *, expand: bool = False) -> None:
        if not refs and not changes:
            return
        group = QTreeWidgetItem(self.tree, [title.format(count=i18n.number(len(refs), 0)), ""])
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        for change in changes:
            self._change_item(group, change)
        for ref in refs[:MAX_SHOWN]:
            label = self.tr("No. {number}: {activity}").format(
                number=i18n.digits(ref.number) or "—", activity=ref.activity)
            where = self.tr("Sheet row {row}").format(row=i18n.number(ref.row, 0)) \
                if ref.row else ""
            item = QTreeWidgetItem(group, [label, where])
            item.setToolTip(0, f"{ref.objective}\n{ref.activity}")
            for change in ref.changes:
                self._change_item(item, change)
            item.setExpanded(True)
        if len(refs) > MAX_SHOWN:
            QTreeWidgetItem(group, [self.tr("… and {count} more").format(
                count=i18n.number(len(refs) - MAX_SHOWN, 0)), ""])
        group.setExpanded(expand)

    def _change_item(self, parent: QTreeWidgetItem, change: FieldChange) -> None:
        empty = self.tr("(empty)")
        before = change.before.replace("\n", "; ") or empty
        after = change.after.replace("\n", "; ") or empty
        item = QTreeWidgetItem(parent, [text.field(change.field), f"{before}\n→ {after}"])
        item.setToolTip(1, f"{change.before}\n→\n{change.after}")

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ImportRefused):
            self.show_problems(error.problems)
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

    def show_problems(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        self.report = None
        self.import_button.setEnabled(False)
        self.tree.hide()
        self.problem_table.show()
        self.problem_table.setRowCount(len(problems))
        for row, p in enumerate(problems):
            for col, value in enumerate((p.location, text.problem(p.code), p.message)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.problem_table.setItem(row, col, item)
        self.problem_table.resizeRowsToContents()
        self.summary.show_message(self.tr(
            "The workbook cannot be imported: {count} problems were found. Nothing was written. "
            "Correct the cells listed below in Excel and import the file again.").format(
            count=i18n.number(len(problems), 0)), "error")

    # --- the real import ---------------------------------------------------------------------

    def run_import(self) -> None:
        if self.busy() or self.report is None or not self.report.changes_anything:
            return
        self.import_button.setEnabled(False)
        db, path, code = self._db, self.path, self.plan_code
        self.job = Job(self, lambda state: action_plan.import_plan(
            db, path, plan_code=code, task=state), title=self.tr("Importing the workbook…"),
            min_duration_ms=0)
        self.job.success(self._imported).failure(self._failed).start()

    def _imported(self, report: ImportReport) -> None:
        self.report = report
        summary = self.tr("Imported {file} into {plan}: {insert} activities added, {update} "
                          "updated.").format(file=self.path.name, plan=report.plan_code,
                                             insert=i18n.number(len(report.to_insert), 0),
                                             update=i18n.number(len(report.to_update), 0))
        self.imported.emit(summary)
        self.accept()

    def reject(self) -> None:
        """Closing while a job runs asks it to stop first (the core then writes nothing)."""
        if self.busy() and self.job is not None:
            self.job.cancel()
        super().reject()

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import an Action Plan workbook"))
        self.file_label.setText(self.tr("Workbook: {path}").format(path=str(self.path)))
        self.plan_label.setText(self.tr("Into &plan:"))
        self.check_button.setText(self.tr("&Check again"))
        self.import_button.setText(self.tr("&Import"))
        self.tree.setHeaderLabels([self.tr("Activity or field"), self.tr("Details")])
        self.problem_table.setHorizontalHeaderLabels(
            [self.tr("Cell"), self.tr("Problem"), self.tr("Details")])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
