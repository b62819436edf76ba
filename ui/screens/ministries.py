"""Reforms by responsible ministry: what each ministry leads or shares, and where it stands.

An activity belongs to its lead ministry and to every ministry that shares the responsibility
(the Action Plan's "Shared responsibility" column), so a ministry's counts are split into
"leads" and "shares"; the list marks each activity's role. The Programmes tab lists the
programmes the ministry leads; their figures per ministry come in a later release.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from nsss_desktop.services import reform_screens
from nsss_desktop.services.reform_views import SHARED, ActivityRow, Group, StatusCounts
from nsss_desktop.services.tables import DashboardTable
from nsss_desktop.store.database import Database
from ui import i18n, reform_text
from ui.models.list_model import ListColumn, ListModel
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    translate,
)
from ui.reform_widgets import CountsRow, configure_table
from ui.screens.reform_groups import GroupScreen

UNITS = {"persons": QT_TRANSLATE_NOOP("Units", "persons"),
         "families": QT_TRANSLATE_NOOP("Units", "families")}


def _programme_columns() -> list[ListColumn[dict[str, Any]]]:
    return [
        ListColumn(QT_TRANSLATE_NOOP("ReformColumns", "Code"), lambda r: r["code"]),
        ListColumn(QT_TRANSLATE_NOOP("ReformColumns", "Programme"),
                   lambda r: reform_text.name(r["name_en"], r["name_bn"] or None)),
        ListColumn(QT_TRANSLATE_NOOP("ReformColumns", "Thematic cluster"),
                   lambda r: reform_text.name(r["cluster"], None) if r["cluster"] else "—"),
        ListColumn(QT_TRANSLATE_NOOP("ReformColumns", "Counted in"),
                   lambda r: translate("Units", UNITS[r["unit"]]) if r["unit"] in UNITS
                   else r["unit"]),
        ListColumn(QT_TRANSLATE_NOOP("ReformColumns", "Cluster basis"),
                   lambda r: translate("MinistriesScreen", "demo (no source)")
                   if r["classification"] else ""),
    ]


class MinistriesScreen(GroupScreen):
    COUNTS_HEADER = QT_TRANSLATE_NOOP("ReformColumns", "Ministry's activities")

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.retranslate_ui()

    @staticmethod
    def load_groups(db: Database, as_of: date, plan_id: str | None) -> list[Group]:
        return reform_screens.ministry_groups(db, as_of, plan_id=plan_id)

    @staticmethod
    def load_extra(db: Database) -> DashboardTable:
        return reform_screens.ministry_programmes(db)

    def initial_key(self) -> str | None:
        """The installation's own ministry first, as a focal point opens the screen for it."""
        return next((m.id for m in self._ministries.values() if m.code == self._home), None)

    def count_rows(self, group: Group) -> list[CountsRow]:
        if group.lead_counts is None:  # activities with no responsible ministry
            return [CountsRow(lambda: self.tr("All"), group.counts, total=True)]
        shared = StatusCounts.of(r for r in group.rows if r.role == SHARED)
        return [CountsRow(lambda: self.tr("Leads"), group.lead_counts),
                CountsRow(lambda: self.tr("Shares with others"), shared),
                CountsRow(lambda: self.tr("Leads or shares"), group.counts, total=True)]

    def extra_columns(self) -> list[ListColumn[ActivityRow]]:
        return [ListColumn(QT_TRANSLATE_NOOP("ReformColumns", "Role"),
                           lambda r: reform_text.role(r.role))]

    # --- programmes tab ----------------------------------------------------------------------

    def add_tabs(self, tabs: QTabWidget) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        self.programmes_note = QLabel()
        self.programmes_note.setWordWrap(True)
        self.programmes_model: ListModel[dict[str, Any]] = ListModel(_programme_columns(), self)
        self.programmes = QTableView()
        self.programmes.setModel(self.programmes_model)
        configure_table(self.programmes, stretch=1)
        layout.addWidget(self.programmes_note)
        layout.addWidget(self.programmes, 1)
        tabs.addTab(page, "")

    def show_extra(self, group: Group | None, extra: Any) -> None:
        rows = [r for r in (extra.rows if isinstance(extra, DashboardTable) else [])
                if group is not None and group.key is not None
                and r["lead_ministry"] == group.name_en]
        self.programmes_model.set_rows(rows)
        self._programme_texts()

    def _programme_texts(self) -> None:
        count = self.programmes_model.rowCount()
        self.tabs.setTabText(1, self.tr("Programmes ({count})").format(
            count=i18n.number(count, 0)))
        self.programmes_note.setText(self.tr(
            "Programmes this ministry leads. Beneficiary and budget figures per ministry will "
            "be shown here in a later release."))

    def retranslate_ui(self) -> None:
        self.title.setText("<h2>{}</h2>".format(self.tr("Reforms by responsible ministry")))
        self.intro.setText(self.tr(
            "An activity counts for its lead ministry and for every ministry that shares the "
            "responsibility. Click a count to list its activities."))
        super().retranslate_ui()
        self.programmes_model.refresh()
        self._programme_texts()
