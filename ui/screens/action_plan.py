"""Action Plan: the register of reforms in the official table layout, filtered by plan,
ministry and text, with Excel import (previewed first) and export.

Everything is read in one background job (`register_views.register`) and filtered in memory,
so the filters answer at once. Enter (or a double click) on a row opens the activity's detail,
where statuses, comments and evidence are recorded; when it saves, the register reloads, so a
new draft status shows in its row straight away.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from nsss_desktop.services import action_plan, register_views
from nsss_desktop.services.action_plan import PlanSummary
from nsss_desktop.services.register_views import Register
from nsss_desktop.store.database import Database
from ui import i18n
from ui.jobs import Job
from ui.models.register_model import COLUMN_KEYS, ROW_ROLE, RegisterFilter, RegisterModel, column
from ui.qt import (
    QAbstractItemView,
    QComboBox,
    QEvent,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QModelIndex,
    QPushButton,
    QShortcut,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    qconnect,
)
from ui.screens.action_plan_import import ImportPreviewDialog
from ui.screens.action_plan_text import format_date
from ui.screens.action_plan_widgets import MessageBar, StatusChipDelegate
from ui.screens.activity_detail import ActivityDetailDialog

# Column widths at 1366x768; "Activities" takes what is left.
WIDTHS = {"plan": 72, "number": 38, "objective": 104, "indicators": 140, "timeframe": 80,
          "responsible": 118, "shared": 110, "status": 136, "last_update": 84, "evidence": 66}
MERGED = ("plan", "objective")  # merged down over their activities, as in the printed table
ALL = None  # the "All plans" / "All ministries" choice


class ActionPlanScreen(QWidget):
    """Emits `ready` once the register is on screen (screenshots and tests wait for it)."""

    ready = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._loaded = False
        self._job: Job[tuple[list[PlanSummary], Register]] | None = None
        self._plans: list[PlanSummary] = []
        self.detail: ActivityDetailDialog | None = None
        self.import_dialog: ImportPreviewDialog | None = None
        self.export_job: Job[Path] | None = None

        self.title, self.subtitle, self.count = QLabel(), QLabel(), QLabel()
        self.subtitle.setWordWrap(True)
        self.plan_label, self.ministry_label, self.filter_label = QLabel(), QLabel(), QLabel()
        self.plan_combo, self.ministry_combo = QComboBox(), QComboBox()
        self.plan_combo.setMinimumContentsLength(22)
        self.ministry_combo.setMinimumContentsLength(24)
        adjust = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        for combo in (self.plan_combo, self.ministry_combo):
            combo.setSizeAdjustPolicy(adjust)
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.plan_label.setBuddy(self.plan_combo)
        self.ministry_label.setBuddy(self.ministry_combo)
        self.filter_label.setBuddy(self.filter_edit)
        self.import_button, self.export_button = QPushButton(), QPushButton()
        self.open_button = QPushButton()
        self.message = MessageBar()

        self.model = RegisterModel(self)
        self.proxy = RegisterFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("register")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(column("status"), StatusChipDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for key in COLUMN_KEYS:
            header.setSectionResizeMode(column(key), QHeaderView.ResizeMode.Interactive)
            if key in WIDTHS:
                header.resizeSection(column(key), WIDTHS[key])
        header.setSectionResizeMode(column("activity"), QHeaderView.ResizeMode.Stretch)

        filters = QHBoxLayout()
        for label, widget in ((self.plan_label, self.plan_combo),
                              (self.ministry_label, self.ministry_combo),
                              (self.filter_label, self.filter_edit)):
            filters.addWidget(label)
            filters.addWidget(widget, 1 if widget is self.filter_edit else 0)
        filters.addSpacing(12)
        for button in (self.open_button, self.import_button, self.export_button):
            filters.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        for first, second in ((self.plan_combo, self.ministry_combo),
                              (self.ministry_combo, self.filter_edit),
                              (self.filter_edit, self.table),
                              (self.table, self.open_button),
                              (self.open_button, self.import_button),
                              (self.import_button, self.export_button)):
            QWidget.setTabOrder(first, second)

        qconnect(self.plan_combo.currentIndexChanged, self._plan_changed)
        qconnect(self.ministry_combo.currentIndexChanged, self._ministry_changed)
        qconnect(self.filter_edit.textChanged, self._text_changed)
        qconnect(self.table.activated, self._activated)
        qconnect(self.open_button.clicked, self._open_current)
        qconnect(self.import_button.clicked, self._choose_import_file)
        qconnect(self.export_button.clicked, self._choose_export_file)
        qconnect(QShortcut(QKeySequence.StandardKey.Find, self).activated,
                 self.filter_edit.setFocus)
        self.retranslate_ui()

    # --- data --------------------------------------------------------------------------------

    def is_ready(self) -> bool:
        return self._loaded

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.load()

    def load(self) -> None:
        """Read the plans and the whole register in a worker; keep the filters as they are."""
        if self._job is not None and not self._job.done:
            return
        db, today = self._db, date.today()  # workers capture data, never a widget
        self._job = Job(self, lambda _s: (register_views.plans(db),
                                          register_views.register(db, as_of=today)),
                        title=self.tr("Loading the Action Plan register…"), min_duration_ms=1500)
        self._job.success(self._show).failure(self._failed).start()

    def _show(self, result: tuple[list[PlanSummary], Register]) -> None:
        self._plans, register = result
        selected = self.current_activity_id()
        self.model.set_register(register)
        self._fill_plan_combo()
        self._fill_ministry_combo()
        self._apply_filters()
        if selected:
            self.select_activity(selected)
        self._loaded = True
        self.ready.emit()

    def _failed(self, error: BaseException) -> None:
        from ui.errors import show_error

        self.message.show_message(self.tr("The register could not be loaded."), "error")
        show_error(self, error)

    # --- filters -----------------------------------------------------------------------------

    def _fill_plan_combo(self) -> None:
        current = self.plan_combo.currentData() if self.plan_combo.count() else ALL
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        self.plan_combo.addItem(self.tr("All plans"), ALL)
        for plan in self._plans:
            label = self.tr("{code}: {title} ({count} activities)").format(
                code=plan.code or "—", title=plan.title,
                count=i18n.number(plan.activities, 0))
            self.plan_combo.addItem(label, plan.code)
        index = self.plan_combo.findData(current) if current is not ALL else 0
        self.plan_combo.setCurrentIndex(max(index, 0))
        self.plan_combo.blockSignals(False)

    def _fill_ministry_combo(self) -> None:
        """Ministries that lead or share an activity of the register, by name."""
        bn = i18n.current_language() == "bn"
        names: dict[str, str] = {}
        for row in self.model.rows():
            if row.responsible_id:
                names[row.responsible_id] = (row.responsible_bn or row.responsible) if bn \
                    else row.responsible
            for mid, en, bangla in zip(row.shared_ids, row.shared, row.shared_bn, strict=False):
                names[mid] = (bangla or en) if bn else en
        current = self.ministry_combo.currentData() if self.ministry_combo.count() else ALL
        self.ministry_combo.blockSignals(True)
        self.ministry_combo.clear()
        self.ministry_combo.addItem(self.tr("All ministries"), ALL)
        for mid, name in sorted(names.items(), key=lambda item: item[1].casefold()):
            self.ministry_combo.addItem(name, mid)
        index = self.ministry_combo.findData(current) if current is not ALL else 0
        self.ministry_combo.setCurrentIndex(max(index, 0))
        self.ministry_combo.blockSignals(False)

    def choose_plan(self, code: str | None) -> None:
        self.plan_combo.setCurrentIndex(max(self.plan_combo.findData(code), 0)
                                        if code else 0)

    def choose_ministry(self, ministry_id: str | None) -> None:
        self.ministry_combo.setCurrentIndex(max(self.ministry_combo.findData(ministry_id), 0)
                                            if ministry_id else 0)

    def _plan_changed(self, _index: int) -> None:
        self._apply_filters()

    def _ministry_changed(self, _index: int) -> None:
        self._apply_filters()

    def _text_changed(self, value: str) -> None:
        self.proxy.set_text(value)
        self._after_filter()

    def _apply_filters(self) -> None:
        plan = self.plan_combo.currentData()
        self.proxy.set_plan(plan)
        self.proxy.set_ministry(self.ministry_combo.currentData())
        self.proxy.set_text(self.filter_edit.text())
        self.table.setColumnHidden(column("plan"), plan is not ALL)
        self.export_button.setEnabled(plan is not ALL)
        self._after_filter()

    def _after_filter(self) -> None:
        self._merge_cells()
        self.count.setText(self.tr("{shown} of {total} activities shown.").format(
            shown=i18n.number(self.proxy.rowCount(), 0),
            total=i18n.number(self.model.rowCount(), 0)))
        self.open_button.setEnabled(self.proxy.rowCount() > 0)
        # After the layout has the new column widths; the table as context drops a late call.
        QTimer.singleShot(0, self.table, self.table.resizeRowsToContents)

    def _merge_cells(self) -> None:
        """Merge runs of the same plan and objective, like the printed Action Plan table."""
        self.table.clearSpans()
        rows = [self.proxy.index(i, 0).data(ROW_ROLE) for i in range(self.proxy.rowCount())]
        for key in MERGED:
            start = 0
            for i in range(1, len(rows) + 1):
                same = i < len(rows) and rows[i].plan_code == rows[start].plan_code and (
                    key == "plan" or rows[i].objective_id == rows[start].objective_id)
                if not same:
                    if i - start > 1:
                        self.table.setSpan(start, column(key), i - start, 1)
                    start = i

    # --- activity detail ---------------------------------------------------------------------

    def current_activity_id(self) -> str | None:
        index = self.table.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        return row.activity_id if row is not None else None

    def select_activity(self, activity_id: str) -> bool:
        source = self.model.row_of(activity_id)
        if source < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source, column("number")))
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _activated(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.open_detail(row.activity_id)

    def _open_current(self) -> None:
        if self.current_activity_id() is None and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, column("number")))
        activity_id = self.current_activity_id()
        if activity_id:
            self.open_detail(activity_id)

    def open_activity(self, activity_id: str) -> ActivityDetailDialog:
        """Entry point for other screens' drill-down lists (search, committee, ministries)."""
        return self.open_detail(activity_id)

    def open_detail(self, activity_id: str) -> ActivityDetailDialog:
        """Open the activity's detail (history, status form, comments, evidence)."""
        if self.detail is not None:
            self.detail.close()
        self.detail = ActivityDetailDialog(self._db, activity_id, self)
        qconnect(self.detail.changed, self.load)
        self.detail.open()
        return self.detail

    # --- import and export -------------------------------------------------------------------

    def _choose_import_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import an Action Plan workbook"), "",
            self.tr("Excel workbooks (*.xlsx)"))
        if name:
            self.preview_import(Path(name))

    def preview_import(self, path: Path, plan_code: str | None = None) -> ImportPreviewDialog:
        """Check the workbook without writing (dry run) and show what an import would do."""
        codes = [p.code for p in self._plans if p.code]
        code = plan_code or self.plan_combo.currentData() or (codes[-1] if codes else "")
        self.import_dialog = ImportPreviewDialog(self._db, path, code, codes, self)
        qconnect(self.import_dialog.imported, self._imported)
        self.import_dialog.open()
        self.import_dialog.run_preview()
        return self.import_dialog

    def _imported(self, summary: str) -> None:
        self.message.show_message(summary, "success")
        self.load()

    def _choose_export_file(self) -> None:
        code = self.plan_combo.currentData()
        if not code:
            return
        suggested = f"{code}-register-{date.today().isoformat()}.xlsx"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export the register"), suggested,
                                              self.tr("Excel workbooks (*.xlsx)"))
        if name:
            self.export_to(code, Path(name))

    def export_to(self, plan_code: str, path: Path) -> Job[Path]:
        """Write the plan's register as the official table in a worker."""
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        db, today, lang = self._db, date.today(), i18n.current_language()
        self.message.clear_message()
        self.export_job = Job(self, lambda _s: action_plan.export_plan(db, plan_code, path, today,
                                                                       lang=lang),
                              title=self.tr("Exporting the register…"), cancellable=False)
        self.export_job.success(lambda written: self.message.show_message(
            self.tr("The register of {plan} was saved to {path}.").format(
                plan=plan_code, path=str(written)), "success"))
        self.export_job.failure(self._export_failed).start()
        return self.export_job

    def _export_failed(self, error: BaseException) -> None:
        from ui.errors import show_error

        self.message.show_message(self.tr("The register was not exported."), "error")
        show_error(self, error)

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.title.setText("<h2>{}</h2>".format(self.tr("NSSS Action Plan register")))
        self.subtitle.setText(self.tr(
            "Status as of {date}. Select an activity and press Enter to see its history, "
            "comments and evidence, or to record a new status.").format(
            date=self._today_text()))
        self.plan_label.setText(self.tr("&Plan:"))
        self.ministry_label.setText(self.tr("&Ministry:"))
        self.filter_label.setText(self.tr("&Filter:"))
        self.filter_edit.setPlaceholderText(self.tr("No., words of an activity, a ministry…"))
        self.open_button.setText(self.tr("&Open activity"))
        self.import_button.setText(self.tr("&Import…"))
        self.export_button.setText(self.tr("&Export…"))
        self.export_button.setToolTip(self.tr("Choose one plan to export it as the official "
                                              "table."))
        self.model.set_language()
        if self._loaded:
            self._fill_plan_combo()
            self._fill_ministry_combo()
            self._after_filter()

    @staticmethod
    def _today_text() -> str:
        return format_date(date.today())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
