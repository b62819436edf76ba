"""The programme register as a Qt table, and the filter in front of it.

One row per programme (published national budget lines are not programmes and are left
out). Names follow the interface language; a cluster or life-cycle assignment made up for the
demo (not from a source) is marked "demo", so nobody mistakes it for an official one. The
filter keeps rows by ministry (lead or implementing), cluster, life-cycle stage, active or
closed, and by the set of codes the search found.
"""

from __future__ import annotations

from typing import Any

from nsss_desktop.services.programme_register_screens import ProgrammeRow, Register
from ui import i18n
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QColor,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    translate,
)
from ui.screens import programme_text as text

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
CONTEXT = "ProgrammeRegister"
COLUMNS = (
    ("code", QT_TRANSLATE_NOOP("ProgrammeRegister", "Code")),
    ("name", QT_TRANSLATE_NOOP("ProgrammeRegister", "Programme")),
    ("lead", QT_TRANSLATE_NOOP("ProgrammeRegister", "Lead ministry")),
    ("implementing", QT_TRANSLATE_NOOP("ProgrammeRegister", "Also implemented by")),
    ("cluster", QT_TRANSLATE_NOOP("ProgrammeRegister", "Thematic cluster")),
    ("stages", QT_TRANSLATE_NOOP("ProgrammeRegister", "Life cycle")),
    ("target_group", QT_TRANSLATE_NOOP("ProgrammeRegister", "Target group")),
    ("benefit", QT_TRANSLATE_NOOP("ProgrammeRegister", "Benefit")),
    ("start_year", QT_TRANSLATE_NOOP("ProgrammeRegister", "Since")),
    ("active", QT_TRANSLATE_NOOP("ProgrammeRegister", "Status")),
)
COLUMN_KEYS = tuple(key for key, _ in COLUMNS)


def column(key: str) -> int:
    return COLUMN_KEYS.index(key)


def demo_mark(name: str, synthetic: bool) -> str:
    if not (synthetic and name):
        return name
    return translate("ProgrammeRegister", "{name} (demo)").format(name=name)


def cell_text(row: ProgrammeRow, key: str) -> str:
    lang = i18n.current_language()
    if key == "code":
        return row.code
    if key == "name":
        return row.name(lang)
    if key == "lead":
        return row.lead.name(lang) if row.lead else ""
    if key == "implementing":
        return "; ".join(m.name(lang) for m in row.implementing[1:])
    if key == "cluster":
        return demo_mark(row.cluster.name(lang), row.cluster_synthetic) if row.cluster else ""
    if key == "stages":
        return demo_mark("; ".join(s.name(lang) for s in row.stages), row.stages_synthetic)
    if key == "target_group":
        return row.target_group
    if key == "benefit":
        return " – ".join(x for x in (text.benefit_type(row.benefit_type), row.benefit_value)
                          if x)
    if key == "start_year":
        return i18n.digits(str(row.start_year)) if row.start_year else ""
    if key == "active":
        return translate("ProgrammeRegister", "Active") if row.active else \
            translate("ProgrammeRegister", "Closed")
    raise KeyError(key)


class ProgrammeRegisterModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ProgrammeRow] = []

    def set_register(self, register: Register) -> None:
        self.beginResetModel()
        self._rows = [r for r in register.programmes if not r.budget_total]
        self.endResetModel()

    def rows(self) -> list[ProgrammeRow]:
        return list(self._rows)

    def row_of(self, code: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.code == code), -1)

    def set_language(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, key = self._rows[index.row()], COLUMN_KEYS[index.column()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            value = cell_text(row, key)
            if key in ("cluster", "stages") and (
                    row.cluster_synthetic if key == "cluster" else row.stages_synthetic):
                return value + "\n" + translate(
                    "ProgrammeRegister", "Demo: this classification is not from a source.")
            if key == "name":
                return "\n".join(x for x in (row.name_en, row.name_bn or "") if x)
            return value or None
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QColor("#777777")
        if role == Qt.ItemDataRole.ForegroundRole and key in ("cluster", "stages") and (
                row.cluster_synthetic if key == "cluster" else row.stages_synthetic):
            return QColor("#6a4c00")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate(CONTEXT, COLUMNS[section][1])
        return None


class ProgrammeFilter(QSortFilterProxyModel):
    """Keeps rows matching every chosen filter; `codes` None means the search is empty."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ministry: str | None = None
        self.cluster: str | None = None
        self.stage: str | None = None
        self.active: bool | None = None
        self.codes: set[str] | None = None
        self.rank: dict[str, int] = {}

    def set_filters(self, *, ministry: str | None, cluster: str | None, stage: str | None,
                    active: bool | None) -> None:
        self.beginFilterChange()
        self.ministry, self.cluster, self.stage, self.active = ministry, cluster, stage, active
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_codes(self, codes: list[str] | None) -> None:
        """The search's codes, best match first (None: no search, the register's order)."""
        self.beginFilterChange()
        self.codes = set(codes) if codes is not None else None
        self.rank = {code: i for i, code in enumerate(codes or [])}
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        self.sort(0 if codes is not None else -1)

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(ROW_ROLE), right.data(ROW_ROLE)
        far = len(self.rank)
        return (self.rank.get(a.code, far), left.row()) < (self.rank.get(b.code, far),
                                                           right.row())

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        row: ProgrammeRow = model.index(source_row, 0, source_parent).data(ROW_ROLE)
        if row is None:
            return False
        if self.codes is not None and row.code not in self.codes:
            return False
        if self.ministry and self.ministry not in {m.code for m in row.implementing}:
            return False
        if self.cluster and (row.cluster is None or row.cluster.code != self.cluster):
            return False
        if self.stage and self.stage not in {s.code for s in row.stages}:
            return False
        return self.active is None or row.active == self.active
