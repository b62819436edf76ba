"""The common layout of the ministries and clusters screens: a list of groups on the left,
the chosen group's counts by status and its activities on the right.

A ministry and a thematic cluster are both a reform-view `Group` (its activities and their
counts, each a `Cell`), so one screen class shows either; the subclasses say how to load the
groups, how to split the counts (lead/shared, or by the basis of cluster membership) and
what else to show. Clicking a count narrows the activity list to exactly the ids behind it;
"Show all" widens it again; Enter on an activity opens it in the Action Plan screen.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from nsss_desktop.services import overview, reform_screens
from nsss_desktop.services.reform_screens import Choice, Choices
from nsss_desktop.services.reform_views import ActivityRow, Cell, Group
from nsss_desktop.store.database import Database
from ui import i18n, reform_text
from ui.jobs import Job
from ui.models.list_model import ListColumn
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
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
    edit_date,
    localise_date_edit,
    make_date_edit,
    plan_label,
)

KEY_ROLE = Qt.ItemDataRole.UserRole


class GroupScreen(QWidget):
    """Base class; emits `ready` after each load (screenshots and tests wait for it)."""

    ready = Signal()
    COUNTS_HEADER = QT_TRANSLATE_NOOP("ReformColumns", "Activities")

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._loaded = False
        self._reload = False
        self._job: Job[tuple[Choices, list[Group], Any, str | None]] | None = None
        self.groups: list[Group] = []
        self._ministries: dict[str, Choice] = {}
        self._drill: tuple[str, Cell] | None = None
        self._home: str | None = None
        self._extra: Any = None  # what load_extra() returned, for the added tabs

        self.title, self.intro = QLabel(), QLabel()
        self.intro.setWordWrap(True)
        self.as_of_label, self.plan_label = QLabel(), QLabel()
        self.as_of = make_date_edit()
        self.plan = ChoiceCombo(QT_TRANSLATE_NOOP("Filters", "All action plans"),
                                label=plan_label)
        self.status = QLabel()
        self.list = QListWidget()
        self.list.setMinimumWidth(260)
        self.list.setWordWrap(True)
        self.group_title = QLabel()
        self.group_title.setWordWrap(True)
        self.counts = CountsView(self.COUNTS_HEADER)
        self.counts.fit_height()
        self.activities: ActivityTable[ActivityRow] = ActivityTable(
            activity_columns(self._ministry_name, extra=self.extra_columns()))
        self.show_all = QPushButton()
        self.show_all.hide()
        activities_page = QWidget()
        page_layout = QVBoxLayout(activities_page)
        page_layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        row.addWidget(self.activities.title, 1)
        row.addWidget(self.show_all)
        page_layout.addLayout(row)
        page_layout.addWidget(self.activities, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(activities_page, "")
        self.add_tabs(self.tabs)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.group_title)
        right_layout.addWidget(self.counts)
        right_layout.addWidget(self.tabs, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setSizes([320, 840])
        splitter.setChildrenCollapsible(False)
        filters = QHBoxLayout()
        for widget in (self.as_of_label, self.as_of, self.plan_label, self.plan):
            filters.addWidget(widget)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(filters)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)

        qconnect(self.list.currentRowChanged, lambda _row: self._show_group())
        qconnect(self.counts.drill, self.show_drill)
        qconnect(self.show_all.clicked, self._clear_drill)
        qconnect(self.as_of.dateChanged, lambda _d: self.load())
        qconnect(self.plan.currentIndexChanged, lambda _i: self.load())

    # --- what subclasses provide -------------------------------------------------------------

    @staticmethod
    def load_groups(db: Database, as_of: date, plan_id: str | None) -> list[Group]:
        raise NotImplementedError

    def count_rows(self, group: Group) -> list[CountsRow]:
        raise NotImplementedError

    def extra_columns(self) -> list[ListColumn[ActivityRow]]:
        return []

    def add_tabs(self, tabs: QTabWidget) -> None:
        """Add tabs after the activities tab."""

    @staticmethod
    def load_extra(db: Database) -> Any:
        """More data for the added tabs, loaded in the same worker."""
        return None

    def show_extra(self, group: Group | None, extra: Any) -> None:
        """Fill the added tabs for `group`."""

    # --- data --------------------------------------------------------------------------------

    def is_ready(self) -> bool:
        return self._loaded and (self._job is None or self._job.done)

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.load()

    def load(self) -> None:
        if self._job is not None and not self._job.done:
            self._reload = True
            return
        db, as_of, plan_id = self._db, edit_date(self.as_of), self.plan.current_id()
        load_groups, load_extra = self.load_groups, self.load_extra
        first = not self._loaded

        def work(_state: object) -> tuple[Choices, list[Group], Any, str | None]:
            home = overview.installation(db).home_ministry if first else None
            return (reform_screens.choices(db), load_groups(db, as_of, plan_id),
                    load_extra(db), home[0] if home else None)

        self.status.setText(self.tr("Loading…"))
        self.status.show()
        self._job = Job(self, work, title=self.tr("Loading…"), min_duration_ms=1500)
        self._job.success(self._loaded_data).failure(self._failed).start()

    def _loaded_data(self, result: tuple[Choices, list[Group], Any, str | None]) -> None:
        choices, groups, self._extra, home = result
        self._home = self._home or home
        self._ministries = {m.id: m for m in choices.ministries}
        self.plan.set_choices(choices.plans)
        current = self.current_group()
        key = current.key if current is not None else self.initial_key()
        self.groups = groups
        self._drill = None
        self.list.blockSignals(True)
        self.list.clear()
        for group in groups:
            item = QListWidgetItem()
            item.setData(KEY_ROLE, group.key)
            self.list.addItem(item)
        self._label_items()
        keys = [g.key for g in groups]
        if current is None and key is None:  # first load: the first named group with activities
            key = next((g.key for g in groups if g.rows and g.key is not None), None)
        self.list.setCurrentRow(keys.index(key) if key in keys else 0)
        self.list.blockSignals(False)
        self.status.hide()
        self._loaded = True
        self._show_group()
        if self._reload:
            self._reload = False
            self.load()
            return
        self.ready.emit()

    def initial_key(self) -> str | None:
        return None

    def _failed(self, error: BaseException) -> None:
        from ui.errors import show_error

        self.status.setText(self.tr("The data could not be loaded."))
        show_error(self, error)

    def current_group(self) -> Group | None:
        row = self.list.currentRow()
        return self.groups[row] if 0 <= row < len(self.groups) else None

    def select_group(self, key: str | None) -> None:
        keys = [g.key for g in self.groups]
        if key in keys:
            self.list.setCurrentRow(keys.index(key))

    def _ministry_name(self, ministry_id: str | None) -> str:
        choice = self._ministries.get(ministry_id or "")
        return reform_text.name(choice.name_en, choice.name_bn) if choice else "—"

    # --- showing -----------------------------------------------------------------------------

    def _label_items(self) -> None:
        for row, group in enumerate(self.groups):
            item = self.list.item(row)
            count = i18n.number(group.counts.total.count, 0)
            item.setText(f"{reform_text.group_name(group)} ({count})")
            item.setToolTip(item.text())

    def _show_group(self) -> None:
        group = self.current_group()
        self._drill = None
        self.counts.set_rows(self.count_rows(group) if group else [])
        self.group_title.setText(f"<h3>{reform_text.group_name(group)}</h3>" if group else "")
        self._show_activities()
        self.show_extra(group, self._extra)

    def _show_activities(self) -> None:
        group = self.current_group()
        rows = list(group.rows) if group else []
        if self._drill is not None:
            title, cell = self._drill
            wanted = set(cell.activity_ids)
            shown = list({r.activity_id: r for r in rows if r.activity_id in wanted}.values())
            text = self.tr("{title}. Activities: {count}. Double-click or press Enter to open "
                           "one.").format(title=title, count=i18n.number(cell.count, 0))
        else:
            shown = rows
            text = self.tr("All activities: {count}. Click a count above to narrow the list."
                           ).format(count=i18n.number(len(rows), 0))
        self.activities.set_rows(shown, text)
        self.show_all.setVisible(self._drill is not None)
        self.tabs.setTabText(0, self.tr("Activities ({count})").format(
            count=i18n.number(len(rows), 0)))

    def show_drill(self, title: str, cell: Cell) -> None:
        """Narrow the activity list to exactly the activities behind one count."""
        self._drill = (title, cell)
        self.tabs.setCurrentIndex(0)
        self._show_activities()

    def _clear_drill(self) -> None:
        self._drill = None
        self._show_activities()

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.as_of_label.setText(self.tr("As of:"))
        self.plan_label.setText(self.tr("Action plan:"))
        self.show_all.setText(self.tr("Show all activities"))
        localise_date_edit(self.as_of)
        self.plan.retranslate_ui()
        self._label_items()
        group = self.current_group()
        self.group_title.setText(f"<h3>{reform_text.group_name(group)}</h3>" if group else "")
        self.counts.refresh()
        self.activities.model.refresh()
        self.activities.fit_columns()
        if self._loaded:
            self._show_activities()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
