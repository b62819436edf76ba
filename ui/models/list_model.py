"""A read-only table model over a list of plain objects, one column per display function.

The reform screens show many small tables (counts by status, activity lists, overdue and
recently completed lists) of core dataclasses. Rather than one model class each, a screen
declares its columns: an untranslated header (translated when Qt asks, so a language switch
needs no rebuild) and a function from the row object to its text. A column may also carry a
payload per cell (`cell`), which is how a count gives the activity ids behind it
(`CELL_ROLE`) for drill-down. The row object itself is at `ROW_ROLE`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from ui.qt import QAbstractTableModel, QFont, QModelIndex, QPersistentModelIndex, Qt, translate

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
CELL_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class ListColumn(Generic[T]):
    """`header` is the English source text, translated in `context` when shown."""

    header: str
    value: Callable[[T], str]
    context: str = "ReformColumns"
    numeric: bool = False
    cell: Callable[[T], Any] | None = None
    tooltip: Callable[[T], str] | None = None


class ListModel(QAbstractTableModel, Generic[T]):
    """Rows of `T`; `bold(row)` marks rows drawn in bold (totals)."""

    def __init__(self, columns: Sequence[ListColumn[T]], parent: Any = None, *,
                 bold: Callable[[T], bool] | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[T] = []
        self._bold = bold

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_columns(self, columns: Sequence[ListColumn[T]]) -> None:
        self.beginResetModel()
        self._columns = list(columns)
        self.endResetModel()

    @property
    def rows(self) -> list[T]:
        return list(self._rows)

    @property
    def columns(self) -> list[ListColumn[T]]:
        return list(self._columns)

    def refresh(self) -> None:
        """Redraw every text (after a language switch); the rows stay as they are."""
        if self._rows and self._columns:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(self._columns) - 1))
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    # --- Qt model contract -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.value(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (Qt.AlignmentFlag.AlignRight if column.numeric
                          else Qt.AlignmentFlag.AlignLeft)
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self._bold is not None and self._bold(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == ROW_ROLE:
            return row
        if role == CELL_ROLE:
            return column.cell(row) if column.cell else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return translate(column.context, column.header)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
