"""One Action Plan activity in full: its text and facts above, then Status, Comments and
Evidence tabs.

Everything is read in one background job (`register_views.activity_detail`) and re-read after
each save, so the history, the threads and the file list always show what the database holds,
and `changed` tells the register to refresh its row. Esc first discards an unsaved edit in the
current tab and only closes the dialog when there is nothing left to lose.
"""

from __future__ import annotations

from datetime import date
from html import escape

from nsss_desktop.services import register_views
from nsss_desktop.services.register_views import ActivityDetail
from nsss_desktop.store.database import Database
from ui import i18n
from ui.jobs import Job
from ui.qt import (
    QDialog,
    QDialogButtonBox,
    QEvent,
    QKeyEvent,
    QLabel,
    QResizeEvent,
    QScrollArea,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
    qconnect,
)
from ui.screens import action_plan_text as text
from ui.screens.action_plan_comments import CommentsTab
from ui.screens.action_plan_evidence import EvidenceTab
from ui.screens.action_plan_status_form import StatusTab
from ui.screens.action_plan_widgets import CHIP_COLOURS

DIALOG_SIZE = (1120, 690)  # fits 1366x768 with the taskbar
STATUS_TAB, COMMENTS_TAB, EVIDENCE_TAB = range(3)


class ActivityDetailDialog(QDialog):
    """`changed` after anything was saved; `loaded` each time the data is on screen."""

    changed = Signal()
    loaded = Signal()

    def __init__(self, db: Database, activity_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self.activity_id = db, activity_id
        self.detail: ActivityDetail | None = None
        self.job: Job[ActivityDetail] | None = None
        self.resize(*DIALOG_SIZE)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.header.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.scroll = scroll = QScrollArea()
        scroll.setWidget(self.header)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.status_tab = StatusTab(db, activity_id)
        self.comments_tab = CommentsTab(db, activity_id)
        self.evidence_tab = EvidenceTab(db, activity_id)
        self.tabs = QTabWidget()
        for tab in (self.status_tab, self.comments_tab, self.evidence_tab):
            self.tabs.addTab(tab, "")
            qconnect(tab.saved, self._saved)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        qconnect(self.buttons.rejected, self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.reload()

    # --- data --------------------------------------------------------------------------------

    def is_ready(self) -> bool:
        return self.detail is not None and (self.job is None or self.job.done)

    def reload(self) -> None:
        db, activity_id, today = self._db, self.activity_id, date.today()
        self.job = Job(self, lambda _s: register_views.activity_detail(db, activity_id,
                                                                       as_of=today),
                       progress=False)
        self.job.success(self._show).start()

    def _show(self, detail: ActivityDetail) -> None:
        self.detail = detail
        self._set_header(detail)
        for tab in (self.status_tab, self.comments_tab, self.evidence_tab):
            tab.set_detail(detail)
        self._tab_titles()
        self.loaded.emit()

    def _saved(self, _id: str) -> None:
        self.reload()
        self.changed.emit()

    # --- header ------------------------------------------------------------------------------

    def _set_header(self, detail: ActivityDetail) -> None:
        """The header takes the height of its text, up to a third of the dialog, then scrolls."""
        self.header.setText(self._header_html(detail))
        width = max(self.scroll.viewport().width(), self.width() - 40)
        needed = self.header.heightForWidth(width) + 4
        self.scroll.setFixedHeight(min(max(needed, 60), self.height() // 3))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.detail is not None:
            self._set_header(self.detail)

    def _header_html(self, d: ActivityDetail) -> str:
        r = d.row
        bn = i18n.current_language() == "bn"
        objective = (r.objective_bn or r.objective) if bn else r.objective
        activity = (r.activity_bn or r.activity) if bn else r.activity
        lead = (r.responsible_bn or r.responsible) if bn else r.responsible
        shared = "; ".join(r.shared_bn if bn else r.shared)
        indicators = "<br>".join(f"• {escape(i)}" for i in r.indicators)
        fg, bg = CHIP_COLOURS.get(r.status, CHIP_COLOURS["not_started"])
        status = (f"<span style='background:{bg}; color:{fg}; font-weight:bold'>&nbsp;"
                  f"{escape(text.status(r.status))}&nbsp;</span>")
        if r.pending_status:
            status += " " + escape(self.tr("Waiting for approval: {status}").format(
                status=text.pending(r.pending_status, d.pending_approval)))
        facts = [
            (self.tr("Performance indicators"), indicators or "—"),
            (self.tr("Timeframe"), escape(self._timeframe(d))),
            (self.tr("Responsible ministry"), escape(lead) or "—"),
            (self.tr("Shared responsibility"), escape(shared) or "—"),
            (self.tr("Current status"), status),
        ]
        rows = "".join(f"<tr><td style='padding-right:12px; color:#444'><b>{escape(k)}</b></td>"
                       f"<td>{v}</td></tr>" for k, v in facts)
        plan = escape(f"{r.plan_code or '—'}: {d.plan_title}")  # names only: nothing to translate
        where = escape(self.tr("Objective {number}: {objective}").format(
            number=i18n.digits(r.objective_number) or "—", objective=objective))
        heading = escape(self.tr("No. {number}: {activity}").format(
            number=i18n.digits(r.number) or "—", activity=activity))
        return (f"<p style='color:#555; margin:0'>{plan} · {where}</p>"
                f"<h3 style='margin:4px 0'>{heading}</h3><table>{rows}</table>")

    def _timeframe(self, d: ActivityDetail) -> str:
        r = d.row
        written = r.timeframe or self.tr("not given")
        if r.due_date is not None:
            return self.tr("{written} (due {date})").format(
                written=written, date=text.format_date(r.due_date))
        if r.recurrence:
            return self.tr("{written} (recurring: {recurrence})").format(
                written=written, recurrence=r.recurrence)
        if r.timeframe:
            return self.tr("{written} (no due date could be read from it)").format(
                written=written)
        return written

    # --- keyboard and language ---------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc discards an unsaved edit in the current tab first; a second Esc closes."""
        if event.key() == Qt.Key.Key_Escape:
            tab = self.tabs.currentWidget()
            if isinstance(tab, StatusTab | CommentsTab) and tab.is_dirty():
                tab.discard()
                event.accept()
                return
        super().keyPressEvent(event)

    def _tab_titles(self) -> None:
        d = self.detail
        events = len(d.events) if d else 0
        files = len(d.evidence) if d else 0
        comments = self.comments_tab.count
        self.tabs.setTabText(STATUS_TAB, self.tr("S&tatus ({count})").format(
            count=i18n.number(events, 0)))
        self.tabs.setTabText(COMMENTS_TAB, self.tr("&Comments ({count})").format(
            count=i18n.number(comments, 0)))
        self.tabs.setTabText(EVIDENCE_TAB, self.tr("&Evidence ({count})").format(
            count=i18n.number(files, 0)))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Action Plan activity"))
        self._tab_titles()
        if self.detail is not None:
            self._set_header(self.detail)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
