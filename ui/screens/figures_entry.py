"""Enter figures: a ministry focal point types (or imports) the period's programme figures.

Choose the ministry (the installation's home ministry first) and the period (a fiscal year, or
a half, quarter or month of it). The grid has one row per programme of the ministry and a
column per measure (money in crore taka, the monthly benefit in taka, counts in persons),
the gender and area breakdown of the beneficiaries, and an explanation; stored values are
filled in. "Check" runs the core's rules (`figure_entry.validate`) in a job and lists the
findings (errors red, warnings amber) next to the rows and below the grid; a click on a finding
goes to its cell. "Save as draft" writes in one unit of work, or refuses with the error list and
writes nothing. Submitted and approved rows are locked. The completeness tab says which figures
are reported, not available or still missing. The toolbar writes the ministry's Excel
template and imports a filled template or the Finance Division's table, each previewed first.
"""

from __future__ import annotations

from pathlib import Path

from nsss_desktop.domain import Period
from nsss_desktop.errors import ImportRefused, NsssError
from nsss_desktop.services import programme_register_screens as screens
from nsss_desktop.services.figure_entry import SaveResult
from nsss_desktop.services.figure_input import FigureInput, Issue
from nsss_desktop.services.programme_register_screens import EntryChoices, EntrySheet
from nsss_desktop.store.database import Database
from ui import core_text, i18n
from ui.jobs import Job
from ui.qt import (
    QComboBox,
    QEvent,
    QFileDialog,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QMessageBox,
    QPushButton,
    QShortcut,
    QSplitter,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
    qconnect,
)
from ui.screens.action_plan_widgets import MessageBar
from ui.screens.figures_entry_grid import CompletenessTable, EntryGrid, IssuesList, PeriodPicker
from ui.screens.figures_entry_import import FiguresImportDialog
from ui.screens.figures_entry_model import ENTRY_KEYS, EntryModel, column


class FiguresEntryScreen(QWidget):
    """Emits `ready` once a ministry's sheet is shown (and after each reload)."""

    ready = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._loaded = False
        self._choices: EntryChoices | None = None
        self.sheet: EntrySheet | None = None
        self.issues: list[Issue] = []
        self.checked = False  # a Check ran since the last edit
        self.job: Job[object] | None = None
        self.template_job: Job[Path] | None = None
        self.import_dialog: FiguresImportDialog | None = None
        self.last_save: SaveResult | None = None
        self._force = False  # reload without asking about unsaved figures
        self._keep_issues: list[Issue] = []  # the warnings of a save, shown after the reload
        self.discard_box: QMessageBox | None = None

        self.title, self.subtitle = QLabel(), QLabel()
        self.subtitle.setWordWrap(True)
        self.ministry_label, self.period_label = QLabel(), QLabel()
        self.ministry_combo = QComboBox()
        self.ministry_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.ministry_combo.setMinimumContentsLength(32)
        self.period = PeriodPicker()
        self.ministry_label.setBuddy(self.ministry_combo)
        self.period_label.setBuddy(self.period.year_combo)
        self.check_button, self.save_button = QPushButton(), QPushButton()
        self.template_button, self.import_button = QPushButton(), QPushButton()
        self.finance_button = QPushButton()
        self.message = MessageBar()
        self.lock_bar = MessageBar()

        self.model = EntryModel(self)
        self.grid = EntryGrid(self.model)
        self.issues_list = IssuesList()
        self.completeness = CompletenessTable()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.issues_list, "")
        self.tabs.addTab(self.completeness, "")
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color:#555;")

        choose = QHBoxLayout()
        choose.addWidget(self.ministry_label)
        choose.addWidget(self.ministry_combo)
        choose.addSpacing(12)
        choose.addWidget(self.period_label)
        choose.addWidget(self.period)
        choose.addSpacing(12)
        choose.addWidget(self.legend, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.check_button)
        actions.addWidget(self.save_button)
        actions.addStretch(1)
        for button in (self.template_button, self.import_button, self.finance_button):
            actions.addWidget(button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.grid)
        splitter.addWidget(self.tabs)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([400, 160])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addLayout(choose)
        layout.addWidget(self.lock_bar)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        order = (self.ministry_combo, self.period.year_combo, self.period.kind_combo,
                 self.period.number_combo, self.grid, self.check_button, self.save_button,
                 self.template_button, self.import_button, self.finance_button, self.tabs)
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

        qconnect(self.ministry_combo.currentIndexChanged, lambda _i: self._selection_changed())
        qconnect(self.period.changed, self._selection_changed)
        qconnect(self.check_button.clicked, self.check)
        qconnect(self.save_button.clicked, self.save)
        qconnect(self.template_button.clicked, self._choose_template_file)
        qconnect(self.import_button.clicked, self._choose_import_file)
        qconnect(self.finance_button.clicked, self._choose_finance_file)
        qconnect(self.issues_list.chosen, self.go_to)
        qconnect(self.model.edited, self._edited)
        qconnect(self.grid.locked_edit, self._locked_edit)
        qconnect(self.grid.doubleClicked, lambda index: self._locked_edit(index.row())
                 if self.model.rows()[index.row()].locked else None)
        qconnect(QShortcut(QKeySequence.StandardKey.Save, self).activated, self.save)
        self.retranslate_ui()

    # --- loading -----------------------------------------------------------------------------

    def is_ready(self) -> bool:
        return self._loaded and (self.job is None or self.job.done)

    def ensure_loaded(self) -> None:
        if self._choices is None:
            db = self._db
            self.job = Job(self, lambda _s: screens.entry_choices(db), progress=False)
            self.job.success(self._show_choices).failure(self._failed).start()

    def _show_choices(self, choices: EntryChoices) -> None:
        self._choices = choices
        self._fill_ministries()
        home = choices.home_ministry
        index = self.ministry_combo.findData(home) if home else -1
        self.ministry_combo.blockSignals(True)
        self.ministry_combo.setCurrentIndex(max(index, 0))
        self.ministry_combo.blockSignals(False)
        self.load()

    def _fill_ministries(self) -> None:
        if self._choices is None:
            return
        lang = i18n.current_language()
        chosen = self.ministry_combo.currentData()
        self.ministry_combo.blockSignals(True)
        self.ministry_combo.clear()
        for m in self._choices.ministries:
            home = m.code == self._choices.home_ministry
            label = m.name(lang) + (self.tr(" (this installation)") if home else "")
            self.ministry_combo.addItem(label, m.code)
        self.ministry_combo.setCurrentIndex(max(self.ministry_combo.findData(chosen), 0))
        self.ministry_combo.blockSignals(False)

    def choose(self, ministry_code: str, period: Period | str) -> None:
        """Select a ministry and period (tests, screenshots, other screens) and load them."""
        self.ministry_combo.blockSignals(True)
        self.ministry_combo.setCurrentIndex(max(self.ministry_combo.findData(ministry_code), 0))
        self.ministry_combo.blockSignals(False)
        self._force = True
        self.period.set_period(Period.parse(period) if isinstance(period, str) else period)

    def ministry_code(self) -> str | None:
        return self.ministry_combo.currentData()

    def _selection_changed(self) -> None:
        if self._choices is None:
            return
        if self.model.is_dirty() and not self._force and self.sheet is not None:
            self._ask_discard()
            return
        self._force = False
        self.load()

    def _ask_discard(self) -> None:
        """Unsaved figures and another ministry or period chosen: a decision (never exec())."""
        sheet = self.sheet
        assert sheet is not None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved figures"), self.tr(
            "The figures typed for {ministry}, {period} are not saved. Discard them and show "
            "the other choice?").format(ministry=sheet.ministry.code,
                                        period=i18n.digits(str(sheet.period))),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        qconnect(box.buttonClicked, lambda button: self._discard_answer(
            box.standardButton(button) == QMessageBox.StandardButton.Discard))
        self.discard_box = box
        box.open()

    def _discard_answer(self, discard: bool) -> None:
        self.discard_box = None
        if discard:
            self.load()
            return
        sheet = self.sheet  # keep the typed figures: back to the sheet they belong to
        assert sheet is not None
        self.ministry_combo.blockSignals(True)
        self.ministry_combo.setCurrentIndex(max(self.ministry_combo.findData(
            sheet.ministry.code), 0))
        self.ministry_combo.blockSignals(False)
        self.period.set_period(sheet.period, emit=False)

    def load(self) -> None:
        """Read the ministry's programmes and stored figures for the period (in a worker)."""
        code = self.ministry_code()
        if not code:
            self._loaded = True
            self.ready.emit()
            return
        if self.job is not None and not self.job.done:
            return
        db, period = self._db, self.period.period()
        self._loaded = False
        self.job = Job(self, lambda _s: screens.entry_sheet(db, code, period),
                       title=self.tr("Loading the figures…"), min_duration_ms=1500)
        self.job.success(self._show_sheet).failure(self._failed).start()

    def _show_sheet(self, sheet: EntrySheet) -> None:
        self.sheet = sheet
        self.model.set_sheet(sheet)
        self.completeness.set_rows(sheet.completeness)
        self._set_issues(self._keep_issues)
        self._keep_issues = []
        self.checked = False
        self._show_locks()
        self._loaded = True
        if (sheet.ministry.code, sheet.period) != (self.ministry_code(), self.period.period()):
            self.load()  # the choice moved on while this sheet was read
            return
        self.ready.emit()

    def _show_locks(self) -> None:
        locked = self.model.locked_rows()
        if not locked:
            self.lock_bar.clear_message()
            return
        names = ", ".join(r.entry.code for r in locked)
        self.lock_bar.show_message(self.tr(
            "Locked: {names}. Submitted or approved figures cannot be changed here; wait for "
            "GED's decision, or ask GED to return them.").format(names=names), "info")

    def _failed(self, error: BaseException) -> None:
        self._loaded = True
        if isinstance(error, NsssError):
            self.message.show_message(
                f"{core_text.message(error.message)} {core_text.message(error.hint)}".strip(),
                "error")
            return
        from ui.errors import show_error

        show_error(self, error)

    # --- editing -----------------------------------------------------------------------------

    def _edited(self) -> None:
        self.checked = False
        self.message.clear_message()

    def _locked_edit(self, row: int) -> None:
        entry = self.model.rows()[row].entry
        self.message.show_message(self.tr(
            "{code} is {state}: the row is locked and cannot be changed here.").format(
            code=entry.code, state=self.model.data(self.model.index(row, column("state")))),
            "error")

    def go_to(self, code: str, key: str) -> None:
        """Select the cell a finding is about (the programme's code cell if no figure)."""
        self.grid.select_cell(code, key if key in ENTRY_KEYS else
                              ("active_beneficiaries" if key in ("gender", "area") else "code"))

    def _names(self) -> dict[str, str]:
        lang = i18n.current_language()
        return {r.entry.code: f"{r.entry.code} – "
                f"{(r.entry.name_bn or r.entry.name_en) if lang == 'bn' else r.entry.name_en}"
                for r in self.model.rows()}

    def _set_issues(self, issues: list[Issue]) -> None:
        self.issues = issues
        self.model.set_issues(issues)
        self.issues_list.set_issues(issues, self._names())
        self._tab_titles()

    # --- check and save ----------------------------------------------------------------------

    def _inputs(self) -> list[FigureInput] | None:
        """What to check or save; None (and a message) when nothing was entered."""
        self.grid.commit_pending()
        inputs = self.model.inputs()
        if not inputs:
            self.message.show_message(self.tr("Nothing has been entered for this period yet."),
                                      "info")
            return None
        return inputs

    def check(self) -> None:
        """Run the core's rules on the entered rows in a worker and show the findings."""
        if self.job is not None and not self.job.done:
            return
        inputs = self._inputs()
        if inputs is None:
            return
        parse = self.model.parse_issues()
        db = self._db
        self.job = Job(self, lambda _s: screens.check_entries(db, inputs),
                       title=self.tr("Checking the figures…"))
        self.job.success(lambda found: self._checked(parse + found))
        self.job.failure(self._failed).start()

    def _checked(self, issues: list[Issue]) -> None:
        self._set_issues(issues)
        self.checked = True
        errors = sum(1 for i in issues if i.is_error)
        warnings = len(issues) - errors
        self.tabs.setCurrentWidget(self.issues_list)
        if errors:
            self.message.show_message(self.tr(
                "{errors} error(s) and {warnings} warning(s): correct the errors before "
                "saving. Click a finding to go to its cell.").format(
                errors=i18n.number(errors, 0), warnings=i18n.number(warnings, 0)), "error")
        elif warnings:
            self.message.show_message(self.tr(
                "No errors; {warnings} warning(s). The figures can be saved; the warnings are "
                "kept with them.").format(warnings=i18n.number(warnings, 0)), "info")
        else:
            self.message.show_message(self.tr("No problems found: the figures can be saved."),
                                      "success")
        self.ready.emit()

    def save(self) -> None:
        """Save the entered rows as drafts; refuse (writing nothing) while errors remain."""
        if self.job is not None and not self.job.done:
            return
        inputs = self._inputs()
        if inputs is None:
            return
        parse = self.model.parse_issues()
        if parse:
            self._refused(parse)
            return
        db = self._db

        def work(_state: object) -> tuple[str, object]:
            found = screens.check_entries(db, inputs)
            if any(i.is_error for i in found):
                return "refused", found
            return "saved", (screens.save_entries(db, inputs), found)

        self.save_button.setEnabled(False)
        self.job = Job(self, work, title=self.tr("Saving the figures…"))
        self.job.success(self._save_done).failure(self._save_failed).start()

    def _save_done(self, outcome: tuple[str, object]) -> None:
        self.save_button.setEnabled(True)
        kind, payload = outcome
        if kind == "refused":
            self._refused(payload)  # type: ignore[arg-type]
            self.ready.emit()
            return
        result, found = payload  # type: ignore[misc]
        assert isinstance(result, SaveResult)
        self.last_save = result
        message = self.tr("Saved as drafts: {inserted} new, {updated} changed, {unchanged} "
                          "unchanged. GED sees them once they are submitted.").format(
            inserted=i18n.number(result.inserted, 0), updated=i18n.number(result.updated, 0),
            unchanged=i18n.number(result.unchanged, 0))
        if result.warnings:
            message += " " + self.tr("{count} warning(s) were saved with the figures.").format(
                count=i18n.number(len(result.warnings), 0))
        self._keep_issues = list(found)
        self.load()
        self.message.show_message(message, "success")

    def _refused(self, issues: list[Issue]) -> None:
        self._set_issues(issues)
        self.tabs.setCurrentWidget(self.issues_list)
        errors = sum(1 for i in issues if i.is_error)
        self.message.show_message(self.tr(
            "Not saved: {count} error(s) must be corrected first. Nothing was written.").format(
            count=i18n.number(errors, 0)), "error")

    def _save_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ImportRefused):
            self._refused([Issue("error", p.code, p.message, "", p.sheet)
                           for p in error.problems])
            self.ready.emit()
            return
        self._failed(error)

    # --- template and imports ----------------------------------------------------------------

    def _choose_template_file(self) -> None:
        code = self.ministry_code()
        if not code:
            return
        period = self.period.period()
        suggested = f"{code}-{str(period).replace(' ', '-')}.xlsx"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Create an Excel template"),
                                              suggested, self.tr("Excel workbooks (*.xlsx)"))
        if name:
            self.create_template(Path(name))

    def create_template(self, path: Path) -> Job[Path]:
        """Write the ministry's template for the chosen period (pre-filled) in a worker."""
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        db, code, period = self._db, self.ministry_code() or "", self.period.period()
        self.template_job = Job(self, lambda _s: screens.write_template(db, path, code, period),
                                title=self.tr("Writing the template…"), cancellable=False)
        self.template_job.success(lambda written: self.message.show_message(self.tr(
            "The template for {ministry}, {period} was saved to {path}. Fill it in Excel and "
            "import it with “Import template…”.").format(
            ministry=code, period=i18n.digits(str(period)), path=str(written)), "success"))
        self.template_job.failure(self._failed).start()
        return self.template_job

    def _choose_import_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import a filled-in template"), "",
                                              self.tr("Excel workbooks (*.xlsx)"))
        if name:
            self.preview_import(Path(name))

    def _choose_finance_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import the Finance Division table"), "",
            self.tr("Excel workbooks or CSV (*.xlsx *.csv)"))
        if name:
            self.preview_import(Path(name), kind="finance")

    def preview_import(self, path: Path, kind: str = "template") -> FiguresImportDialog:
        """Open the dry-run preview; a template is checked at once, the Finance Division
        table after its year, budget stage and source are confirmed ("Check")."""
        if self.import_dialog is not None:
            self.import_dialog.close()
        self.import_dialog = FiguresImportDialog(
            self._db, path, kind, fiscal_year=self.period.period().fiscal_year, parent=self)
        qconnect(self.import_dialog.imported, self._imported)
        self.import_dialog.open()
        if kind == "template":
            self.import_dialog.run_preview()
        return self.import_dialog

    def _imported(self, summary: str) -> None:
        self.load()
        self.message.show_message(summary, "success")

    # --- language ----------------------------------------------------------------------------

    def _tab_titles(self) -> None:
        errors = sum(1 for i in self.issues if i.is_error)
        self.tabs.setTabText(0, self.tr("Issues: {errors} error(s), {warnings} warning(s)").format(
            errors=i18n.number(errors, 0), warnings=i18n.number(len(self.issues) - errors, 0)))
        self.tabs.setTabText(1, self.tr("Completeness and approval"))

    def retranslate_ui(self) -> None:
        self.title.setText("<h2>{}</h2>".format(self.tr("Enter programme figures")))
        self.subtitle.setText(self.tr(
            "One row per programme of the ministry. Money in crore taka (the benefit in taka per "
            "month), beneficiaries in persons; Bangla digits are fine. Type NA when a figure is "
            "not available, leave it blank when it is not known yet, and 0 only for a real "
            "zero. Enter moves down."))
        self.ministry_label.setText(self.tr("&Ministry:"))
        self.period_label.setText(self.tr("&Period:"))
        self.check_button.setText(self.tr("&Check"))
        self.save_button.setText(self.tr("Save as &draft"))
        self.template_button.setText(self.tr("Create Excel &template…"))
        self.import_button.setText(self.tr("&Import template…"))
        self.finance_button.setText(self.tr("Import &Finance Division table…"))
        self.legend.setText(self.tr("Red: error. Amber: warning, or NA (not available). "
                                    "Grey: locked."))
        self.period.retranslate_ui()
        self._fill_ministries()
        self.model.set_language()
        self.issues_list.retranslate_ui()
        self.completeness.retranslate_ui()
        if self.issues:
            self.issues_list.set_issues(self.issues, self._names())
        self._tab_titles()
        if self._loaded:
            self._show_locks()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
