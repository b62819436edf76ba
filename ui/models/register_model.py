"""The Action Plan register as a Qt table, and the filter the screen puts in front of it.

Columns follow the printed NSSS Action Plan table (No. · Objective · Activities · Performance
indicators · Timeframe · Responsible ministry · Shared responsibility), then what monitoring
adds (Status · Last update · Evidence). Rows are the core's `RegisterRow`s, unchanged; only
`DisplayRole` turns them into text for the interface language (Bangla names and digits where
the data has them). Filtering by plan, ministry (lead or shared) and text happens here, in
memory, so typing in the filter box never waits for the database.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from nsss_desktop.services.action_plan import RegisterRow
from nsss_desktop.services.register_views import Register
from ui import i18n
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    translate,
)
from ui.screens import action_plan_text as text
from ui.screens.action_plan_widgets import PENDING_ROLE, STATUS_ROLE

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole  # the RegisterRow itself

# (key, header, tooltip); a header may wrap with "\n".
COLUMNS = (
    ("plan", QT_TRANSLATE_NOOP("RegisterColumns", "Plan"),
     QT_TRANSLATE_NOOP("RegisterColumns", "Action Plan code")),
    ("number", QT_TRANSLATE_NOOP("RegisterColumns", "No."),
     QT_TRANSLATE_NOOP("RegisterColumns", "Activity number in the plan")),
    ("objective", QT_TRANSLATE_NOOP("RegisterColumns", "Objective"),
     QT_TRANSLATE_NOOP("RegisterColumns", "Objective")),
    ("activity", QT_TRANSLATE_NOOP("RegisterColumns", "Activities"),
     QT_TRANSLATE_NOOP("RegisterColumns", "Activities")),
    ("indicators", QT_TRANSLATE_NOOP("RegisterColumns", "Performance\nindicators"),
     QT_TRANSLATE_NOOP("RegisterColumns", "Performance indicators")),
    ("timeframe", QT_TRANSLATE_NOOP("RegisterColumns", "Timeframe"),
     QT_TRANSLATE_NOOP("RegisterColumns", "Timeframe as written in the plan")),
    ("responsible", QT_TRANSLATE_NOOP("RegisterColumns", "Responsible\nministry"),
     QT_TRANSLATE_NOOP("RegisterColumns", "Responsible (lead) ministry")),
    ("shared", QT_TRANSLATE_NOOP("RegisterColumns", "Shared\nresponsibility"),
     QT_TRANSLATE_NOOP("RegisterColumns", "Ministries sharing the responsibility")),
    ("status", QT_TRANSLATE_NOOP("RegisterColumns", "Status"),
     QT_TRANSLATE_NOOP("RegisterColumns", "Current status: the latest approved status, or "
                                          "Delayed once the due date has passed")),
    ("last_update", QT_TRANSLATE_NOOP("RegisterColumns", "Last\nupdate"),
     QT_TRANSLATE_NOOP("RegisterColumns", "Date of the latest status report")),
    ("evidence", QT_TRANSLATE_NOOP("RegisterColumns", "Evidence"),
     QT_TRANSLATE_NOOP("RegisterColumns", "Number of evidence files attached")),
)
COLUMN_KEYS = tuple(key for key, _, _ in COLUMNS)


def column(key: str) -> int:
    return COLUMN_KEYS.index(key)


class RegisterModel(QAbstractTableModel):
    """Read-only rows of one `Register`; call `set_language` after a language switch."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[RegisterRow, ...] = ()
        self._pending: dict[str, str] = {}

    def set_register(self, register: Register | None) -> None:
        self.beginResetModel()
        self._rows = register.rows if register else ()
        self._pending = dict(register.pending_approval) if register else {}
        self.endResetModel()

    def set_language(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def row_at(self, row: int) -> RegisterRow:
        return self._rows[row]

    def rows(self) -> tuple[RegisterRow, ...]:
        return self._rows

    def row_of(self, activity_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.activity_id == activity_id), -1)

    # --- Qt model contract -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, key = self._rows[index.row()], COLUMN_KEYS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            shown = self.display(row, key)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._status_tooltip(row) if key == "status" else (shown or None)
            return shown
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = Qt.AlignmentFlag.AlignTop | (
                Qt.AlignmentFlag.AlignRight if key == "evidence" else Qt.AlignmentFlag.AlignLeft)
            return int(align)
        if role == STATUS_ROLE:
            return row.status
        if role == PENDING_ROLE:
            return self.pending_text(row)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        _, short, full = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return translate("RegisterColumns", short)
        if role == Qt.ItemDataRole.ToolTipRole:
            return translate("RegisterColumns", full)
        return None

    # --- text --------------------------------------------------------------------------------

    def pending_text(self, row: RegisterRow) -> str | None:
        if not row.pending_status:
            return None
        return text.pending(row.pending_status, self._pending.get(row.activity_id))

    def display(self, row: RegisterRow, key: str) -> str:
        """The text of one cell in the current language."""
        bn = i18n.current_language() == "bn"
        if key == "plan":
            return row.plan_code or ""
        if key == "number":
            return i18n.digits(row.number)
        if key == "objective":
            objective = (row.objective_bn or row.objective) if bn else row.objective
            return f"{i18n.digits(row.objective_number)}. {objective}" \
                if row.objective_number else objective
        if key == "activity":
            return (row.activity_bn or row.activity) if bn else row.activity
        if key == "indicators":
            return "\n".join(f"• {i}" for i in row.indicators)
        if key == "timeframe":
            return row.timeframe  # data as written, like the activity text
        if key == "responsible":
            return (row.responsible_bn or row.responsible) if bn else row.responsible
        if key == "shared":
            return "; ".join(row.shared_bn if bn else row.shared)
        if key == "status":
            return text.status(row.status)
        if key == "last_update":
            return text.format_date(row.last_update)  # '—' when nothing was reported yet
        if key == "evidence":
            return i18n.number(row.evidence_count, 0)
        return ""

    def _status_tooltip(self, row: RegisterRow) -> str:
        lines = [text.status(row.status)]
        if row.overdue:
            lines.append(translate("RegisterModel", "The due date ({date}) has passed.").format(
                date=text.format_date(row.due_date)))
        pending = self.pending_text(row)
        if pending:
            lines.append(translate("RegisterModel", "Waiting for approval: {status}").format(
                status=pending))
        return "\n".join(lines)

    def search_text(self, row: int) -> str:
        """Everything a user may type to find a row, in both languages, NFC and lower case."""
        r = self._rows[row]
        parts = [self.display(r, key) for key in COLUMN_KEYS]
        parts += [r.number, r.objective, r.objective_bn or "", r.activity, r.activity_bn or "",
                  r.responsible, r.responsible_bn, *r.shared, *r.shared_bn,
                  self.pending_text(r) or ""]
        return unicodedata.normalize("NFC", "\n".join(parts)).casefold()


class RegisterFilter(QSortFilterProxyModel):
    """Keeps the rows of one plan, one ministry (lead or shared) and containing a text."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._plan: str | None = None
        self._ministry: str | None = None
        self._words: list[str] = []

    def set_plan(self, plan_code: str | None) -> None:
        self.beginFilterChange()
        self._plan = plan_code
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_ministry(self, ministry_id: str | None) -> None:
        self.beginFilterChange()
        self._ministry = ministry_id
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, value: str) -> None:
        self.beginFilterChange()
        self._words = unicodedata.normalize("NFC", value).casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, RegisterModel):
            return True
        row = model.row_at(source_row)
        if self._plan is not None and row.plan_code != self._plan:
            return False
        if self._ministry is not None and self._ministry != row.responsible_id \
                and self._ministry not in row.shared_ids:
            return False
        if self._words:
            haystack = model.search_text(source_row)
            return all(word in haystack for word in self._words)
        return True
