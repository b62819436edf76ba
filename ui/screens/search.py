"""Search the Action Plan, comments, status notes and evidence titles, in English and Bangla.

Searching starts as the user types, after a short pause (a debounce timer), and runs in a
worker so typing never waits for the database; a result that arrives after the query has
changed again is dropped (each search has a generation number). The core makes the query
safe (no FTS5 syntax reaches the index) and marks matched words, which the list shows
highlighted (`ui.rich_text`, everything else escaped). Enter or double-click on a result
opens its activity in the Action Plan screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from nsss_desktop.services import reform_screens
from nsss_desktop.services.reform_screens import Choices
from nsss_desktop.services.reform_status import CurrentStatus
from nsss_desktop.services.reform_views import STATUS_ORDER
from nsss_desktop.services.search import SearchHit, SearchResult
from nsss_desktop.store.database import Database
from ui import i18n, reform_text
from ui.jobs import Job
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QEvent,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    qconnect,
)
from ui.reform_widgets import (
    ChoiceCombo,
    edit_date,
    localise_date_edit,
    make_date_edit,
    open_activity,
    plan_label,
)
from ui.rich_text import HTML_ROLE, RichTextDelegate, highlight_html

DEBOUNCE_MS = 300
PAGE_SIZE = 20
HIT_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class _Request:
    generation: int
    query: str
    options: dict[str, object]
    offset: int


class SearchScreen(QWidget):
    """Emits `ready` when choices are loaded and again after every search shown."""

    ready = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._loaded = False
        self._generation = 0
        self._running: _Request | None = None
        self._pending: _Request | None = None
        self._offset = 0
        self.result: SearchResult | None = None
        self._statuses: dict[str, CurrentStatus] = {}
        self._plans: dict[str, str] = {}

        self.title, self.intro = QLabel(), QLabel()
        self.intro.setWordWrap(True)
        self.query = QLineEdit()
        self.query.setClearButtonEnabled(True)
        self.plan = ChoiceCombo(QT_TRANSLATE_NOOP("Filters", "All action plans"),
                                label=plan_label)
        self.ministry = ChoiceCombo(QT_TRANSLATE_NOOP("Filters", "All ministries"))
        self.cluster = ChoiceCombo(QT_TRANSLATE_NOOP("Filters", "All clusters"))
        self.status_filter = QComboBox()
        self.status_filter.addItem("", None)
        for status in STATUS_ORDER:
            self.status_filter.addItem("", status)
        self.due = QCheckBox()
        self.due_from, self.due_to = make_date_edit(date(2015, 1, 1)), make_date_edit()
        self.due_to_label = QLabel()
        self.due_from.setEnabled(False)
        self.due_to.setEnabled(False)
        self.summary = QLabel()
        self.results = QListWidget()
        self.results.setItemDelegate(RichTextDelegate(self.results))
        self.results.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setStyleSheet("QListWidget::item:selected { background: #cfe3f5; }")
        self.previous, self.next = QPushButton(), QPushButton()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)

        filters = QHBoxLayout()
        for widget in (self.plan, self.ministry, self.cluster, self.status_filter, self.due,
                       self.due_from, self.due_to_label, self.due_to):
            filters.addWidget(widget)
        filters.addStretch(1)
        paging = QHBoxLayout()
        paging.addWidget(self.summary, 1)
        paging.addWidget(self.previous)
        paging.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.query)
        layout.addLayout(filters)
        layout.addLayout(paging)
        layout.addWidget(self.results, 1)

        qconnect(self.query.textChanged, lambda _t: self._restart(debounce=True))
        qconnect(self.query.returnPressed, self._enter)
        qconnect(self.timer.timeout, self.run_search)
        for combo in (self.plan, self.ministry, self.cluster, self.status_filter):
            qconnect(combo.currentIndexChanged, lambda _i: self._restart())
        qconnect(self.due.toggled, self._due_toggled)
        for edit in (self.due_from, self.due_to):
            qconnect(edit.dateChanged, lambda _d: self._restart() if self.due.isChecked()
                     else None)
        qconnect(self.results.itemActivated, self._open_item)
        qconnect(self.results.itemDoubleClicked, self._open_item)
        qconnect(self.previous.clicked, lambda: self._page(-1))
        qconnect(self.next.clicked, lambda: self._page(1))
        self.retranslate_ui()

    # --- loading the filter lists ------------------------------------------------------------

    def is_ready(self) -> bool:
        """Choices loaded, and no search waiting or running (tests and screenshots wait)."""
        return (self._loaded and not self.timer.isActive() and self._running is None
                and self._pending is None)

    def ensure_loaded(self) -> None:
        if self._loaded:
            return
        db = self._db
        Job(self, lambda _s: reform_screens.choices(db), progress=False).success(
            self._show_choices).start()

    def _show_choices(self, choices: Choices) -> None:
        self._plans = {p.id: p.code for p in choices.plans}
        self.plan.set_choices(choices.plans)
        self.ministry.set_choices(choices.ministries)
        self.cluster.set_choices(choices.clusters)
        self._loaded = True
        self.query.setFocus()
        self.ready.emit()

    # --- searching ---------------------------------------------------------------------------

    def _restart(self, debounce: bool = False) -> None:
        """A new query or filter: back to the first page, after the pause when typing."""
        self._offset = 0
        if debounce:
            self.timer.start()
        else:
            self.timer.stop()
            self.run_search()

    def _options(self) -> dict[str, object]:
        due = self.due.isChecked()
        return {"plan_id": self.plan.current_id(), "ministry_id": self.ministry.current_id(),
                "cluster_id": self.cluster.current_id(),
                "status": self.status_filter.currentData(),
                "due_from": edit_date(self.due_from) if due else None,
                "due_to": edit_date(self.due_to) if due else None}

    def run_search(self) -> None:
        """Search now for the current text, filters and page (in a worker)."""
        self.timer.stop()
        self._generation += 1
        request = _Request(self._generation, self.query.text(), self._options(), self._offset)
        if self._running is not None:
            self._pending = request  # started when the running one is back
            return
        self._start(request)

    def _start(self, request: _Request) -> None:
        self._running = request
        db, as_of = self._db, date.today()  # the status filter and labels are as of today

        def work(_state: object) -> tuple[SearchResult, dict[str, CurrentStatus]]:
            return reform_screens.search_reforms(db, request.query, as_of=as_of,
                                                 limit=PAGE_SIZE, offset=request.offset,
                                                 **request.options)  # type: ignore[arg-type]

        Job(self, work, progress=False).success(
            lambda result: self._finished(request, result)).failure(
            lambda error: self._failed(request, error)).start()

    def _finished(self, request: _Request,
                  result: tuple[SearchResult, dict[str, CurrentStatus]]) -> None:
        self._running = None
        if self._pending is not None:  # the query changed meanwhile: this result is stale
            pending, self._pending = self._pending, None
            self._start(pending)
            return
        if request.generation == self._generation:
            self.result, self._statuses = result
            self._show_results()
        self.ready.emit()

    def _failed(self, request: _Request, error: BaseException) -> None:
        self._running = None
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._start(pending)
            return
        from ui.errors import show_error

        show_error(self, error)

    def _due_toggled(self, on: bool) -> None:
        self.due_from.setEnabled(on)
        self.due_to.setEnabled(on)
        self._restart()

    def _page(self, step: int) -> None:
        self._offset = max(0, self._offset + step * PAGE_SIZE)
        self.run_search()

    # --- showing -----------------------------------------------------------------------------

    def _show_results(self) -> None:
        self.results.clear()
        result = self.result
        for hit in result.hits if result else []:
            item = QListWidgetItem()
            item.setData(HIT_ROLE, hit)
            item.setData(HTML_ROLE, self.hit_html(hit))
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        self._show_summary()

    def hit_html(self, hit: SearchHit) -> str:
        """Where the hit is (plan, number, kind, status), then the snippet, highlighted."""
        plan = escape(self._plans.get(hit.plan_id or "", "") or "")
        if hit.activity_id:
            where = self.tr("Activity {number}").format(
                number=i18n.digits(hit.activity_number or "–"))
        else:
            where = self.tr("Objective {number}").format(
                number=i18n.digits(hit.objective_number or "–"))
        head = f"<b>{plan} {escape(where)}</b> · {escape(reform_text.kind(hit.kind))}"
        current = self._statuses.get(hit.activity_id or "")
        if current is not None:
            shown = escape(reform_text.status(current.status))
            head += f" · <span style='color:#555'>{shown}</span>"
        lines = [head]
        context = hit.activity_text_bn if i18n.current_language() == "bn" else None
        context = context or hit.activity_text_en
        if hit.kind not in ("activity", "objective") and context:
            lines.append(f"<span style='color:#555'>{escape(context)}</span>")
        lines.append(highlight_html(hit.snippet))
        return "<br/>".join(lines)

    def _show_summary(self) -> None:
        result = self.result
        if result is None or not self.query.text().strip():
            self.summary.setText(self.tr("Type a word in English or Bangla to search."))
        elif not result.fts_query:
            self.summary.setText(self.tr("Type at least one word (letters or digits)."))
        elif not result.total:
            self.summary.setText(self.tr("No results for “{query}”.").format(
                query=result.query))
        else:
            self.summary.setText(self.tr("Results {first}–{last} of {total}").format(
                first=i18n.number(result.offset + 1, 0),
                last=i18n.number(result.offset + len(result.hits), 0),
                total=i18n.number(result.total, 0)))
        self.previous.setEnabled(bool(result and result.offset > 0))
        self.next.setEnabled(bool(result and result.has_more))

    def _enter(self) -> None:
        """Enter in the query box: search now, or open the chosen result if it is current."""
        if self.timer.isActive() or self._running is not None or self.result is None \
                or self.result.query != self.query.text():
            self._restart()
            return
        item = self.results.currentItem() or self.results.item(0)
        if item is not None:
            self._open_item(item)

    def _open_item(self, item: QListWidgetItem) -> None:
        hit: SearchHit | None = item.data(HIT_ROLE)
        if hit is not None:
            open_activity(self, hit.activity_id)

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.title.setText("<h2>{}</h2>".format(self.tr("Search")))
        self.intro.setText(self.tr(
            "Objectives, activities, indicators, comments, status notes and evidence titles, "
            "in English and Bangla. Results appear as you type; press Enter or double-click a "
            "result to open its activity."))
        self.query.setPlaceholderText(self.tr("Search words, e.g. allowance or ভাতা"))
        self.status_filter.setItemText(0, self.tr("All statuses"))
        for i, status in enumerate(STATUS_ORDER, start=1):
            self.status_filter.setItemText(i, reform_text.status(status))
        self.due.setText(self.tr("Due between"))
        self.due_to_label.setText(self.tr("and"))
        self.previous.setText(self.tr("Previous"))
        self.next.setText(self.tr("Next"))
        for combo in (self.plan, self.ministry, self.cluster):
            combo.retranslate_ui()
        for edit in (self.due_from, self.due_to):
            localise_date_edit(edit)
        for row in range(self.results.count()):
            item = self.results.item(row)
            item.setData(HTML_ROLE, self.hit_html(item.data(HIT_ROLE)))
        self._show_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
