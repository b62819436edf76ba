"""A read-only Qt table model over a core `DashboardTable`.

Values stay exact `Decimal`/`int` in the table; only `DisplayRole` turns them into text, with
Indian grouping and, in the Bangla interface, Bangla digits (`format_decimal`). A blank value
means "not available" and is shown as an em dash, never as 0. Headers and known texts are
translated through `ui.core_text`, so the same model serves every dashboard table.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from nsss_desktop.domain.numbers import format_decimal, to_bangla_digits
from nsss_desktop.services.tables import Column, DashboardTable, Value
from ui import core_text
from ui.qt import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

NOT_AVAILABLE = "—"
NUMERIC_PLACES = {"lakh": 2, "crore": 2, "taka": 2, "int": 0, "percent": 1}
Index = QModelIndex | QPersistentModelIndex
RAW_VALUE_ROLE = Qt.ItemDataRole.UserRole


class DashboardTableModel(QAbstractTableModel):
    """Rows and columns of one `DashboardTable`; call `set_language` after a language switch."""

    def __init__(self, table: DashboardTable | None = None, lang: str = "en",
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._table = table
        self._lang = lang

    # --- updates -----------------------------------------------------------------------------

    def set_table(self, table: DashboardTable | None) -> None:
        self.beginResetModel()
        self._table = table
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        """Redraw numbers, digits and headers for `lang` (the translators are already set)."""
        self._lang = lang
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    @property
    def table(self) -> DashboardTable | None:
        return self._table

    # --- Qt model contract -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or self._table is None else len(self._table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._table is None else len(self._table.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._table is None:
            return None
        column = self._table.columns[index.column()]
        value = self._table.rows[index.row()].get(column.key)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(column, value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (Qt.AlignmentFlag.AlignRight if column.kind in NUMERIC_PLACES
                          else Qt.AlignmentFlag.AlignLeft)
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if value is None or value == "":
                return self.tr("Not available: no figure was found for this year.")
            return self.display(column, value) if column.kind == "text" else None
        if role == RAW_VALUE_ROLE:
            return value
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._table is None or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(self._table.columns):
            return None
        column = self._table.columns[section]
        short, full = core_text.column_label(column.key, column.label)
        if role == Qt.ItemDataRole.DisplayRole:
            return short
        if role == Qt.ItemDataRole.ToolTipRole:
            return full
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    # --- formatting --------------------------------------------------------------------------

    def display(self, column: Column, value: Value) -> str:
        """The text shown for one cell; exact numbers, blanks as an em dash."""
        if value is None or value == "":
            return NOT_AVAILABLE
        if column.kind in NUMERIC_PLACES and isinstance(value, Decimal | int):
            text = format_decimal(value, NUMERIC_PLACES[column.kind], self._lang)
            return text + "%" if column.kind == "percent" else text
        text = str(value)
        if column.key == "stages":
            text = core_text.stages(text)
        elif column.key == "fiscal_year" and self._lang == "bn":
            text = to_bangla_digits(text)
        return text
