"""The CMC / M&E Committee summary: reform progress across all ministries, as of one date.

Everything on the screen is one `CommitteeSummary` from the core (`reform_screens.committee`),
so the committee reads the same numbers as the printed report. Each count is a `Cell`; clicking
it lists exactly the activities behind it in the lower pane, from where Enter opens one in the
Action Plan screen. The ministry table lists an activity under its lead and each sharing
ministry, so its totals row is the core's all-ministries count (each activity once), not a sum.
"""

from __future__ import annotations

from nsss_desktop.services import reform_screens
from nsss_desktop.services.reform_screens import Choice, Choices
from nsss_desktop.services.reform_views import (
    STATUS_ORDER,
    ActivityRow,
    Cell,
    CommitteeSummary,
    Group,
)
from nsss_desktop.store.database import Database
from ui import i18n, reform_text
from ui.jobs import Job
from ui.models.list_model import ListColumn
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
    qconnect,
)
from ui.reform_widgets import (
    ActivityTable,
    ChoiceCombo,
    CountsRow,
    CountsView,
    activity_columns,
    count_text,
    edit_date,
    localise_date_edit,
    make_date_edit,
    plan_label,
)
from ui.status_chart import StatusProgressChart


class CommitteeScreen(QWidget):
    """Emits `ready` after each load (screenshots and tests wait for it)."""

    ready = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._loaded = False
        self._job: Job[tuple[Choices, CommitteeSummary]] | None = None
        self._reload = False
        self.summary: CommitteeSummary | None = None
        self._ministries: dict[str, Choice] = {}
        self._rows: dict[str, ActivityRow] = {}
        self._drill: tuple[str, Cell] | None = None

        self.title = QLabel()
        self.as_of_label, self.plan_label = QLabel(), QLabel()
        self.as_of = make_date_edit()
        self.plan = ChoiceCombo(QT_TRANSLATE_NOOP("Filters", "All action plans"),
                                label=plan_label)
        self.refresh_button = QPushButton()
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.status = QLabel()

        self.ministry_table = CountsView(QT_TRANSLATE_NOOP("ReformColumns", "Ministry or division"))
        self.cluster_table = CountsView(QT_TRANSLATE_NOOP("ReformColumns", "Thematic cluster"))
        self.tables = QTabWidget()
        self.tables.addTab(self.ministry_table, "")
        self.tables.addTab(self.cluster_table, "")
        self.chart = StatusProgressChart()
        self.chart.setMinimumWidth(320)

        name = self._ministry_name
        self.drill_list: ActivityTable[ActivityRow] = ActivityTable(activity_columns(name))
        self.overdue_list = ActivityTable(activity_columns(name, lambda i: i.row, [ListColumn(
            QT_TRANSLATE_NOOP("ReformColumns", "Days overdue"),
            lambda i: i18n.number(i.days_overdue, 0), numeric=True)]), lambda i: i.row)
        self.recent_list = ActivityTable(activity_columns(name, lambda i: i.row, [
            ListColumn(QT_TRANSLATE_NOOP("ReformColumns", "Completed on"),
                       lambda i: reform_text.day(i.completed_on)),
            ListColumn(QT_TRANSLATE_NOOP("ReformColumns", "Evidence files"),
                       lambda i: i18n.number(i.evidence_count, 0), numeric=True,
                       tooltip=lambda i: self.tr("{count} attached to the completion report")
                       .format(count=i18n.number(i.event_evidence_count, 0)))]), lambda i: i.row)
        self.lists = QTabWidget()
        for widget in (self.drill_list, self.overdue_list, self.recent_list):
            self.lists.addTab(widget, "")
        self.lists.setCurrentWidget(self.overdue_list)  # until a count is clicked

        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.tables)
        top.addWidget(self.chart)
        top.setStretchFactor(0, 1)
        top.setStretchFactor(1, 0)
        top.setChildrenCollapsible(False)
        top.setSizes([745, 415])
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(top)
        body.addWidget(self.lists)
        body.setSizes([340, 260])
        body.setChildrenCollapsible(False)
        filters = QHBoxLayout()
        for widget in (self.as_of_label, self.as_of, self.plan_label, self.plan,
                       self.refresh_button):
            filters.addWidget(widget)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addWidget(self.totals)
        layout.addWidget(self.status)
        layout.addWidget(body, 1)

        qconnect(self.ministry_table.drill, self.show_drill)
        qconnect(self.cluster_table.drill, self.show_drill)
        qconnect(self.refresh_button.clicked, self.load)
        qconnect(self.as_of.dateChanged, lambda _d: self.load())
        qconnect(self.plan.currentIndexChanged, lambda _i: self.load())
        self.retranslate_ui()

    # --- data --------------------------------------------------------------------------------

    def is_ready(self) -> bool:
        return self._loaded and (self._job is None or self._job.done)

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.load()

    def load(self) -> None:
        """Recompute the summary for the chosen date and plan, in a worker."""
        if self._job is not None and not self._job.done:
            self._reload = True  # once this one is back, with the latest choices
            return
        db, as_of, plan_id = self._db, edit_date(self.as_of), self.plan.current_id()
        self.status.setText(self.tr("Computing the committee summary…"))
        self.status.show()

        def work(_state: object) -> tuple[Choices, CommitteeSummary]:
            return reform_screens.choices(db), reform_screens.committee(db, as_of,
                                                                        plan_id=plan_id)

        self._job = Job(self, work, title=self.tr("Computing the committee summary…"),
                        min_duration_ms=1500)
        self._job.success(self._show).failure(self._failed).start()

    def _show(self, result: tuple[Choices, CommitteeSummary]) -> None:
        choices, summary = result
        self._ministries = {m.id: m for m in choices.ministries}
        self.plan.set_choices(choices.plans)
        self.summary = summary
        self._rows = {r.activity_id: r for g in summary.per_ministry for r in g.rows}
        self.ministry_table.set_rows(self._count_rows(summary.per_ministry, summary))
        self.cluster_table.set_rows(self._count_rows(summary.per_cluster, summary))
        self.chart.set_series(summary.series)
        self.status.hide()
        self._drill = None  # its ids were for the previous date or plan
        self._loaded = True
        self._show_texts()
        if self._reload:
            self._reload = False
            self.load()
            return
        self.ready.emit()

    def _count_rows(self, groups: list[Group], summary: CommitteeSummary) -> list[CountsRow]:
        rows = [CountsRow(lambda g=g: reform_text.group_name(g), g.counts) for g in groups]
        rows.append(CountsRow(lambda: self.tr("Total (each activity counted once)"),
                              summary.total, total=True))
        return rows

    def _failed(self, error: BaseException) -> None:
        from ui.errors import show_error

        self.status.setText(self.tr("The committee summary could not be computed."))
        show_error(self, error)

    def _ministry_name(self, ministry_id: str | None) -> str:
        choice = self._ministries.get(ministry_id or "")
        return reform_text.name(choice.name_en, choice.name_bn) if choice else "—"

    # --- drill-down --------------------------------------------------------------------------

    def show_drill(self, title: str, cell: Cell) -> None:
        """List exactly the activities behind one count, in the lower pane."""
        self._drill = (title, cell)
        self.drill_list.set_rows([self._rows[i] for i in cell.activity_ids if i in self._rows],
                                 self._drill_title())
        self.lists.setCurrentWidget(self.drill_list)

    def _drill_title(self) -> str:
        if self._drill is None:
            return ""
        title, cell = self._drill
        return self.tr("{title}. Activities: {count}. Double-click or press Enter to open "
                       "one.").format(title=title, count=i18n.number(cell.count, 0))

    # --- language ----------------------------------------------------------------------------

    def _show_texts(self) -> None:
        summary = self.summary
        if summary is None:
            self.totals.setText("")
        else:
            parts = ["{status} {count}".format(
                status=reform_text.status(s), count=count_text(
                    summary.total.by_status[s].count,
                    summary.total.percent[s] if summary.total.total.count else None))
                for s in STATUS_ORDER]
            self.totals.setText("<b>{}</b> {}".format(
                self.tr("Activities as of {date}: {count}.").format(
                    count=i18n.number(summary.total.total.count, 0),
                    date=reform_text.day(summary.as_of)), " · ".join(parts)))
            self.lists.setTabText(1, self.tr("Overdue ({count})").format(
                count=i18n.number(len(summary.overdue), 0)))
            self.lists.setTabText(2, self.tr("Completed in the last {days} days ({count})")
                                  .format(days=i18n.number(summary.recent_days, 0),
                                          count=i18n.number(len(summary.recently_completed),
                                                            0)))
        self.overdue_list.set_rows(summary.overdue if summary else [], self.tr(
            "Past their due date and neither completed nor dropped, oldest first."))
        self.recent_list.set_rows(summary.recently_completed if summary else [], self.tr(
            "Completion reports approved in this period, newest first, with their evidence."))
        if self._drill is not None:
            self.drill_list.title.setText(self._drill_title())
        else:
            self.drill_list.set_rows([], self.tr("Click a count above to list its activities."))

    def retranslate_ui(self) -> None:
        self.title.setText("<h2>{}</h2>".format(self.tr("Committee summary of reform progress")))
        self.as_of_label.setText(self.tr("As of:"))
        self.plan_label.setText(self.tr("Action plan:"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.tables.setTabText(0, self.tr("By ministry (lead or shared)"))
        self.tables.setTabText(1, self.tr("By thematic cluster"))
        self.lists.setTabText(0, self.tr("Activities behind a count"))
        self.lists.setTabText(1, self.tr("Overdue"))
        self.lists.setTabText(2, self.tr("Recently completed"))
        localise_date_edit(self.as_of)
        self.plan.retranslate_ui()
        for view in (self.ministry_table, self.cluster_table):
            view.refresh()
        for table in (self.drill_list, self.overdue_list, self.recent_list):
            table.model.refresh()
            table.fit_columns()
        self._show_texts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

