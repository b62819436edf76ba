"""The reform tracking report: choose what it covers, preview it, export it to Excel or PDF.

The report is the core's (`reports.build_reform_report`), built from the same reform views as
the dashboards, so a printed table never disagrees with the screen. The preview shows the very
HTML the PDF is laid out from. Building and writing run in workers with progress and Cancel
(a PDF of every activity of several plans takes a while on an office PC). The report's language
follows the interface unless chosen otherwise, because a ministry may need an English report
from a Bangla desk, or the other way round.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from nsss_desktop.reports import GROUP_BYS, ReportDocument, export_report_xlsx
from nsss_desktop.reports.html import (
    BORDER_PX,
    CELL_PADDING_PX,
    TABLE_PT,
    Metrics,
    report_html,
    style_sheet,
)
from nsss_desktop.services import reform_screens
from nsss_desktop.services.reform_screens import Choices
from nsss_desktop.services.reform_views import STATUS_ORDER
from nsss_desktop.store.database import Database
from ui import i18n, reform_text
from ui.jobs import Job
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QCheckBox,
    QComboBox,
    QEvent,
    QFileDialog,
    QFont,
    QFontMetricsF,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QResizeEvent,
    Qt,
    QTextBrowser,
    QTextOption,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    qconnect,
    translate,
)
from ui.reform_widgets import (
    ChoiceCombo,
    edit_date,
    localise_date_edit,
    make_date_edit,
    plan_label,
)

GROUP_LABELS = {
    "ministry": QT_TRANSLATE_NOOP("GroupBy", "Ministry or division"),
    "cluster": QT_TRANSLATE_NOOP("GroupBy", "Thematic cluster"),
    "status": QT_TRANSLATE_NOOP("GroupBy", "Status"),
    "objective": QT_TRANSLATE_NOOP("GroupBy", "Objective"),
    "plan": QT_TRANSLATE_NOOP("GroupBy", "Action plan"),
}
assert set(GROUP_LABELS) == set(GROUP_BYS)
MAX_OVERHANG_PX = 8
LANGUAGE_LABELS = ((None, QT_TRANSLATE_NOOP("ReportLanguage", "Same as the interface")),
                   ("en", QT_TRANSLATE_NOOP("ReportLanguage", "English")),
                   ("bn", QT_TRANSLATE_NOOP("ReportLanguage", "Bangla")))


class ReportsScreen(QWidget):
    """Emits `ready` when the filters are loaded and after each preview or export."""

    ready = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._loaded = False
        self._job: Job[Any] | None = None
        self.document: ReportDocument | None = None
        self.last_export: Path | None = None

        self.title, self.intro = QLabel(), QLabel()
        self.intro.setWordWrap(True)
        self.plan = ChoiceCombo(QT_TRANSLATE_NOOP("Filters", "All action plans"),
                                label=plan_label)
        self.ministry = ChoiceCombo(QT_TRANSLATE_NOOP("Filters", "All ministries"))
        self.cluster = ChoiceCombo(QT_TRANSLATE_NOOP("Filters", "All clusters"))
        self.group_by = QComboBox()
        for key in GROUP_BYS:
            self.group_by.addItem("", key)
        self.statuses = {s: QCheckBox() for s in STATUS_ORDER}
        self.due = QCheckBox()
        self.due_from, self.due_to = make_date_edit(date(2015, 1, 1)), make_date_edit()
        self.as_of = make_date_edit()
        self.language = QComboBox()
        for code, _label in LANGUAGE_LABELS:
            self.language.addItem("", code)
        self.labels = {k: QLabel() for k in ("plan", "ministry", "cluster", "group_by",
                                               "statuses", "and", "as_of", "language")}
        self.preview_button, self.excel_button, self.pdf_button = (QPushButton(), QPushButton(),
                                                                   QPushButton())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.preview_view = QTextBrowser()
        self.preview_view.setWordWrapMode(QTextOption.WrapMode.WordWrap)  # never cut a word
        self._shown_width = 0

        grid = QGridLayout()
        grid.addWidget(self.labels["plan"], 0, 0)
        grid.addWidget(self.plan, 0, 1)
        grid.addWidget(self.labels["ministry"], 0, 2)
        grid.addWidget(self.ministry, 0, 3)
        grid.addWidget(self.labels["cluster"], 0, 4)
        grid.addWidget(self.cluster, 0, 5)
        grid.addWidget(self.labels["statuses"], 1, 0)
        statuses = QHBoxLayout()
        for box in self.statuses.values():
            statuses.addWidget(box)
        statuses.addStretch(1)
        grid.addLayout(statuses, 1, 1, 1, 5)
        due = QHBoxLayout()
        for widget in (self.due_from, self.labels["and"], self.due_to):
            due.addWidget(widget)
        due.addStretch(1)
        grid.addWidget(self.due, 2, 0)
        grid.addLayout(due, 2, 1)
        grid.addWidget(self.labels["as_of"], 2, 2)
        grid.addWidget(self.as_of, 2, 3)
        grid.addWidget(self.labels["group_by"], 3, 0)
        grid.addWidget(self.group_by, 3, 1)
        grid.addWidget(self.labels["language"], 3, 2)
        grid.addWidget(self.language, 3, 3)
        grid.setColumnStretch(6, 1)
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.excel_button, self.pdf_button):
            buttons.addWidget(button)
        buttons.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        layout.addWidget(self.preview_view, 1)

        qconnect(self.due.toggled, self._due_toggled)
        qconnect(self.preview_button.clicked, self.preview)
        qconnect(self.excel_button.clicked, lambda: self._ask_and_export("xlsx"))
        qconnect(self.pdf_button.clicked, lambda: self._ask_and_export("pdf"))
        self._due_toggled(False)
        self.retranslate_ui()

    # --- loading -----------------------------------------------------------------------------

    def is_ready(self) -> bool:
        return self._loaded and (self._job is None or self._job.done)

    def ensure_loaded(self) -> None:
        if self._loaded or (self._job is not None and not self._job.done):
            return
        db = self._db
        self._job = Job(self, lambda _s: reform_screens.choices(db), progress=False)
        self._job.success(self._show_choices).start()

    def _show_choices(self, choices: Choices) -> None:
        self.plan.set_choices(choices.plans)
        self.ministry.set_choices(choices.ministries)
        self.cluster.set_choices(choices.clusters)
        self._loaded = True
        self.ready.emit()

    # --- the report --------------------------------------------------------------------------

    def report_language(self) -> str:
        return self.language.currentData() or i18n.current_language()

    def options(self) -> dict[str, Any]:
        """The report's options as `build_reform_report` takes them."""
        due = self.due.isChecked()
        return {"as_of": edit_date(self.as_of), "plan_code": self.plan.current_id(),
                "ministry_code": self.ministry.current_id(),
                "cluster_code": self.cluster.current_id(),
                "statuses": [s for s, box in self.statuses.items() if box.isChecked()],
                "due_from": edit_date(self.due_from) if due else None,
                "due_to": edit_date(self.due_to) if due else None,
                "group_by": self.group_by.currentData(), "lang": self.report_language()}

    def preview(self) -> None:
        """Build the report in a worker and show it below."""
        db, options = self._db, self.options()
        self._run(lambda _s: reform_screens.reform_report(db, **options),
                  self.tr("Building the report…"), self._show_preview)

    def _show_preview(self, doc: ReportDocument) -> None:
        self.document = doc
        self._render_preview()
        self.message.setText(self.tr("Preview as of {date}.").format(
            date=reform_text.day(edit_date(self.as_of))))

    def _render_preview(self) -> None:
        """Lay the report out for the preview's width, columns shared as in the PDF (by what
        each needs), so the tables fit the window without a sideways scroll."""
        doc = self.document
        if doc is None:
            return
        view = self.preview_view
        width = view.viewport().width() - 2 * view.document().documentMargin() - 4
        self._shown_width = view.viewport().width()
        font = QFont(view.font())
        font.setPointSizeF(TABLE_PT[doc.lang])
        plain = QFontMetricsF(font)
        font.setBold(True)
        bold = QFontMetricsF(font)
        metrics = Metrics(lambda t, b: (bold if b else plain).horizontalAdvance(t) * 1.03,
                          width, 2 * (CELL_PADDING_PX + BORDER_PX) + 2)
        position = view.verticalScrollBar().value()
        view.document().setDefaultStyleSheet(style_sheet(doc.lang))
        view.setHtml(report_html(doc, metrics))
        view.verticalScrollBar().setValue(position)
        # Qt offsets a table by its border and spacing, so a 100% wide table overhangs the
        # text by a few pixels; a scroll bar for those would only hide the last row.
        overhang = view.document().size().width() - view.viewport().width()
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff
                                          if overhang <= MAX_OVERHANG_PX
                                          else Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.document is not None:  # after the viewport has its new width
            QTimer.singleShot(0, self, self._rerender_if_resized)

    def _rerender_if_resized(self) -> None:
        if self.preview_view.viewport().width() != self._shown_width:
            self._render_preview()

    def export_xlsx(self, path: Path) -> None:
        """Build the report and write it as an Excel workbook to `path` (in a worker)."""
        db, options = self._db, self.options()

        def work(state: Any) -> Path:
            state.set_progress(0.1)
            doc = reform_screens.reform_report(db, **options)
            state.check()
            state.set_progress(0.6)
            return export_report_xlsx(doc, path)

        self._run(work, self.tr("Writing the Excel workbook…"), self._exported)

    def export_pdf(self, path: Path) -> None:
        """Build the report and write it as a PDF to `path` (in a worker, page by page)."""
        from ui.pdf_render import render_pdf

        db, options = self._db, self.options()

        def work(state: Any) -> Path:
            doc = reform_screens.reform_report(db, **options)
            state.check()
            return render_pdf(doc, path, task=state)

        self._run(work, self.tr("Writing the PDF…"), self._exported)

    def _exported(self, path: Path) -> None:
        self.last_export = Path(path)
        self.message.setText(self.tr("Saved: {path}").format(path=str(path)))

    def _run(self, work: Callable[[Any], Any], title: str,
             done: Callable[[Any], None]) -> None:
        if self._job is not None and not self._job.done:
            return  # one report at a time; the buttons come back when it is done
        self._set_busy(True)
        self.message.setText(title)

        def succeeded(result: Any) -> None:
            self._set_busy(False)
            done(result)
            self.ready.emit()

        def failed(error: BaseException) -> None:
            from ui.errors import show_error

            self._set_busy(False)
            self.message.setText(self.tr("The report was not written."))
            show_error(self, error)
            self.ready.emit()

        self._job = Job(self, work, title=title, min_duration_ms=300)
        self._job.success(succeeded).failure(failed).start()

    def _set_busy(self, busy: bool) -> None:
        for button in (self.preview_button, self.excel_button, self.pdf_button):
            button.setEnabled(not busy)

    def _ask_and_export(self, kind: str) -> None:
        name = f"reform-report-{edit_date(self.as_of).isoformat()}.{kind}"
        start = str((self.last_export.parent if self.last_export else Path.home()) / name)
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
        (self.export_pdf if kind == "pdf" else self.export_xlsx)(path)

    def _due_toggled(self, on: bool) -> None:
        self.due_from.setEnabled(on)
        self.due_to.setEnabled(on)

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.title.setText("<h2>{}</h2>".format(self.tr("Reform tracking report")))
        self.intro.setText(self.tr(
            "Choose what the report covers and how to group it, then preview it here or "
            "export it. With no status ticked, every status is included."))
        texts = {"plan": self.tr("Action plan:"), "ministry": self.tr("Ministry:"),
                 "cluster": self.tr("Cluster:"), "group_by": self.tr("Group by:"),
                 "statuses": self.tr("Statuses:"), "and": self.tr("and"),
                 "as_of": self.tr("Status as of:"), "language": self.tr("Report language:")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        for i, key in enumerate(GROUP_BYS):
            self.group_by.setItemText(i, translate("GroupBy", GROUP_LABELS[key]))
        for i, (_code, label) in enumerate(LANGUAGE_LABELS):
            self.language.setItemText(i, translate("ReportLanguage", label))
        for status, box in self.statuses.items():
            box.setText(reform_text.status(status))
        self.due.setText(self.tr("Due between"))
        self.preview_button.setText(self.tr("Preview"))
        self.excel_button.setText(self.tr("Export Excel…"))
        self.pdf_button.setText(self.tr("Export PDF…"))
        for combo in (self.plan, self.ministry, self.cluster):
            combo.retranslate_ui()
        for edit in (self.due_from, self.due_to, self.as_of):
            localise_date_edit(edit)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
