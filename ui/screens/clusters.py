"""Reforms by thematic cluster, and on which basis each activity belongs to its cluster.

The Action Plan assigns clusters to objectives only sometimes. An activity belongs to its
objective's cluster when the objective has one; otherwise to every cluster its responsible
ministry is a member of (`reform_views.by_cluster`). The two bases are counted apart and each
activity shows its basis, so nobody mistakes a membership-derived count for a plan statement.
"""

from __future__ import annotations

from datetime import date

from nsss_desktop.services import reform_screens
from nsss_desktop.services.reform_views import (
    BY_MINISTRY,
    BY_OBJECTIVE,
    ActivityRow,
    Group,
    StatusCounts,
)
from nsss_desktop.store.database import Database
from ui import reform_text
from ui.models.list_model import ListColumn
from ui.qt import QT_TRANSLATE_NOOP, QWidget
from ui.reform_widgets import CountsRow
from ui.screens.reform_groups import GroupScreen


class ClustersScreen(GroupScreen):
    COUNTS_HEADER = QT_TRANSLATE_NOOP("ReformColumns", "Cluster's activities")

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.retranslate_ui()

    @staticmethod
    def load_groups(db: Database, as_of: date, plan_id: str | None) -> list[Group]:
        return reform_screens.cluster_groups(db, as_of, plan_id=plan_id)

    def count_rows(self, group: Group) -> list[CountsRow]:
        if group.key is None:  # activities that reach no cluster
            return [CountsRow(lambda: self.tr("All"), group.counts, total=True)]
        by_objective = StatusCounts.of(r for r in group.rows if r.basis == BY_OBJECTIVE)
        by_ministry = StatusCounts.of(r for r in group.rows if r.basis == BY_MINISTRY)
        return [CountsRow(lambda: self.tr("Through the objective's cluster"), by_objective),
                CountsRow(lambda: self.tr("Through the ministry's membership"), by_ministry),
                CountsRow(lambda: self.tr("All in this cluster"), group.counts, total=True)]

    def extra_columns(self) -> list[ListColumn[ActivityRow]]:
        return [ListColumn(QT_TRANSLATE_NOOP("ReformColumns", "Basis"),
                           lambda r: reform_text.basis(r.basis))]

    def retranslate_ui(self) -> None:
        self.title.setText("<h2>{}</h2>".format(self.tr("Reforms by thematic cluster")))
        self.intro.setText(self.tr(
            "An activity belongs to its objective's cluster where the plan gives one, otherwise "
            "to every cluster its responsible ministry is a member of. Click a count to list "
            "its activities."))
        super().retranslate_ui()
