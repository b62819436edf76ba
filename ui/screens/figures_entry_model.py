"""The Enter-figures grid as a Qt model: one row per programme of the ministry, one column per
measure, breakdown and the explanation.

A cell holds what the user typed. It is parsed at once (`parse_entry`): a number (Bangla digits
and any comma grouping are fine; money in crore taka, the benefit in taka per month, counts in
persons), "NA" for not available, or blank for not reported. The three look different: a number
is right-aligned with Indian grouping, "NA" is italic on amber, a blank is empty. A cell that
cannot be read is red and says why; the findings of "Check" colour their cells (errors red,
warnings amber) and the Issues column of their row. A submitted or approved row is locked:
its cells cannot be edited.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from nsss_desktop.domain import Count, Money, Period, format_decimal
from nsss_desktop.domain.measures import FIGURE_MEASURES, NOT_AVAILABLE
from nsss_desktop.services import programme_register_screens as screens
from nsss_desktop.services.figure_input import FigureInput, Issue, Value
from nsss_desktop.services.programme_register_screens import BREAKDOWN_KEYS, EntryRow, EntrySheet
from ui import i18n
from ui.qt import (
    QAbstractTableModel,
    QBrush,
    QFont,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    translate,
)
from ui.screens import programme_text as text

Index = QModelIndex | QPersistentModelIndex
MEASURE_KEYS = tuple(m.key for m in FIGURE_MEASURES)
ENTRY_KEYS = (*MEASURE_KEYS, *BREAKDOWN_KEYS, "explanation")
COLUMN_KEYS = ("code", "name", *ENTRY_KEYS, "state", "issues")
CODE_ROLE = Qt.ItemDataRole.UserRole + 1
BREAKDOWN_CODES = ("disaggregation_sum", "breakdown_without_total")


def column(key: str) -> int:
    return COLUMN_KEYS.index(key)


@dataclass
class GridRow:
    entry: EntryRow
    texts: dict[str, str]
    values: dict[str, Value] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)  # key -> why the text is unreadable
    issues: list[Issue] = field(default_factory=list)
    dirty: bool = False

    @property
    def locked(self) -> bool:
        return self.entry.locked

    def has_content(self) -> bool:
        return any(t.strip() for t in self.texts.values())


def _places(value: Decimal, minimum: int) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(minimum, -exponent if isinstance(exponent, int) and exponent < 0 else 0)


def shown(key: str, value: Value) -> str:
    """A parsed cell for display: exact, Indian grouping, the interface's digits."""
    lang = i18n.current_language()
    if value is None:
        return ""
    if value is NOT_AVAILABLE:
        return "NA"
    if isinstance(value, Count):
        return format_decimal(value.persons, 0, lang)
    if isinstance(value, Money):
        amount = value.taka if key == "benefit_value" else value.crore
        return format_decimal(amount, _places(amount, 2), lang)
    return str(value)


class EntryModel(QAbstractTableModel):
    """Emits `edited` when the user changes a cell (the screen marks itself unsaved)."""

    edited = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sheet: EntrySheet | None = None
        self._rows: list[GridRow] = []

    # --- content -----------------------------------------------------------------------------

    def set_sheet(self, sheet: EntrySheet) -> None:
        self.beginResetModel()
        self.sheet = sheet
        self._rows = []
        for entry in sheet.rows:
            texts = {k: screens.entry_text(k, entry.values.get(k)) for k in MEASURE_KEYS}
            texts |= {k: screens.entry_text(k, entry.breakdowns.get(k)) for k in BREAKDOWN_KEYS}
            texts["explanation"] = entry.explanation
            row = GridRow(entry, texts)
            for key in ENTRY_KEYS:
                self._parse(row, key)
            self._rows.append(row)
        self.endResetModel()

    def rows(self) -> list[GridRow]:
        return list(self._rows)

    def row_of(self, code: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.entry.code == code), -1)

    def is_dirty(self) -> bool:
        return any(r.dirty for r in self._rows)

    def locked_rows(self) -> list[GridRow]:
        return [r for r in self._rows if r.locked]

    @staticmethod
    def _parse(row: GridRow, key: str) -> None:
        row.errors.pop(key, None)
        if key == "explanation":
            return
        try:
            row.values[key] = screens.parse_entry(key, row.texts.get(key, ""))
        except ValueError as error:
            row.values[key] = None
            row.errors[key] = str(error)

    def set_text(self, row: int, key: str, value: str) -> bool:
        """What typing into a cell does; False for a locked row or a fixed column."""
        index = self.index(row, column(key))
        return self.setData(index, value, Qt.ItemDataRole.EditRole)

    def text_of(self, row: int, key: str) -> str:
        return self._rows[row].texts.get(key, "")

    def value_of(self, row: int, key: str) -> Value:
        return self._rows[row].values.get(key)

    # --- issues ------------------------------------------------------------------------------

    def parse_issues(self) -> list[Issue]:
        """Cells that cannot be read, as errors located at their row and column."""
        out = []
        for row in self._rows:
            for key, message in row.errors.items():
                out.append(Issue("error", "not_a_number", message, key, row.entry.code))
        return out

    def set_issues(self, issues: list[Issue]) -> None:
        """Colour cells and rows by the findings (Issue.where is the programme code)."""
        by_code: dict[str, list[Issue]] = {}
        for issue in issues:
            code = issue.where.split(",")[0].strip()
            by_code.setdefault(code, []).append(issue)
        for row in self._rows:
            row.issues = by_code.get(row.entry.code, [])
        self._changed_all()

    def inputs(self) -> list[FigureInput]:
        """The rows to check or save: unlocked rows with something typed, or stored before."""
        sheet = self.sheet
        if sheet is None:
            return []
        out = []
        for row in self._rows:
            if row.locked or not (row.has_content() or row.entry.state is not None):
                continue
            values = {k: row.values.get(k) for k in MEASURE_KEYS}
            breakdowns: dict[str, Count | None] = {
                k: v if isinstance(v, Count) else None
                for k in BREAKDOWN_KEYS for v in (row.values.get(k),)}
            out.append(screens.build_input(row.entry, sheet.ministry.code, sheet.period,
                                           values, breakdowns, row.texts.get("explanation", "")))
        return out

    @property
    def period(self) -> Period | None:
        return self.sheet.period if self.sheet else None

    # --- Qt model contract -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMN_KEYS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        key = COLUMN_KEYS[index.column()]
        if key in ENTRY_KEYS and not self._rows[index.row()].locked:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def issues_at(self, row: GridRow, key: str) -> list[Issue]:
        if key == "issues":
            return row.issues
        return self._issues_at(row, key) if key in ENTRY_KEYS else []

    @staticmethod
    def _issues_at(row: GridRow, key: str) -> list[Issue]:
        """Findings about this cell: its measure, or (a breakdown cell) its dimension.

        A breakdown that does not add up names the total's measure; its message says which
        breakdown ("The gender breakdown of …"), so the breakdown's cells are marked too.
        """
        if key not in BREAKDOWN_KEYS:
            return [i for i in row.issues if i.measure == key]
        dimension = key.split(":")[0]
        return [i for i in row.issues if i.measure == dimension
                or (i.code in BREAKDOWN_CODES and i.message.startswith(f"The {dimension} "))]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, key = self._rows[index.row()], COLUMN_KEYS[index.column()]
        if role == CODE_ROLE:
            return row.entry.code
        if role == Qt.ItemDataRole.EditRole:
            return row.texts.get(key, "") if key in ENTRY_KEYS else self._display(row, key)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            numeric = key in MEASURE_KEYS or key in BREAKDOWN_KEYS
            return int((Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft)
                       | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            if row.values.get(key) is NOT_AVAILABLE or key == "state" and row.locked:
                font = QFont()
                font.setItalic(True)
                return font
            if key == "issues" and row.issues:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(row, key)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, key)
        return None

    def _display(self, row: GridRow, key: str) -> str:
        lang = i18n.current_language()
        if key == "code":
            return row.entry.code
        if key == "name":
            name = (row.entry.name_bn or row.entry.name_en) if lang == "bn" else \
                row.entry.name_en
            return translate("FiguresEntry", "{name} (shared)").format(name=name) if \
                row.entry.shared else name
        if key == "state":
            return text.approval(row.entry.state)
        if key == "issues":
            errors = sum(1 for i in row.issues if i.is_error)
            warnings = len(row.issues) - errors
            parts = []
            if errors:
                parts.append(translate("FiguresEntry", "{count} error(s)").format(
                    count=i18n.number(errors, 0)))
            if warnings:
                parts.append(translate("FiguresEntry", "{count} warning(s)").format(
                    count=i18n.number(warnings, 0)))
            return ", ".join(parts)
        if key == "explanation":
            return row.texts.get(key, "")
        if key in row.errors:
            return row.texts.get(key, "")
        return shown(key, row.values.get(key))

    def _background(self, row: GridRow, key: str) -> QBrush | None:
        if key in row.errors:
            return QBrush(text.ERROR_BACKGROUND)
        issues = self.issues_at(row, key)
        if any(i.is_error for i in issues):
            return QBrush(text.ERROR_BACKGROUND)
        if issues:
            return QBrush(text.WARNING_BACKGROUND)
        if row.locked:
            return QBrush(text.LOCKED_BACKGROUND)
        if row.values.get(key) is NOT_AVAILABLE:
            return QBrush(text.NA_BACKGROUND)
        return None

    def _foreground(self, row: GridRow, key: str) -> QBrush | None:
        if key in row.errors:
            return QBrush(text.ERROR_COLOUR)
        if key == "issues" and row.issues:
            return QBrush(text.ERROR_COLOUR if any(i.is_error for i in row.issues)
                          else text.WARNING_COLOUR)
        if row.values.get(key) is NOT_AVAILABLE:
            return QBrush(text.NA_COLOUR)
        if row.locked:
            return QBrush(text.LOCKED_COLOUR)
        return None

    def _tooltip(self, row: GridRow, key: str) -> str | None:
        if row.locked:
            return translate("FiguresEntry", "{state}: this row is locked and cannot be changed "
                             "here.").format(state=text.approval(row.entry.state))
        if key in row.errors:
            return row.errors[key]
        issues = self.issues_at(row, key)
        if issues:
            return "\n".join(i.message for i in issues)
        if row.values.get(key) is NOT_AVAILABLE:
            return translate("FiguresEntry", "Not available (NA): reported as not available, which "
                             "is not the same as blank or zero.")
        if key == "name":
            names = "\n".join(x for x in (row.entry.name_en, row.entry.name_bn or "") if x)
            if row.entry.shared:
                names += "\n" + translate("FiguresEntry", "Shared with other ministries: "
                                          "enter this ministry's share.")
            return names
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMN_KEYS):
            return None
        key = COLUMN_KEYS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            if key in MEASURE_KEYS or key in BREAKDOWN_KEYS:
                return f"{text.measure_label(key)}\n({text.unit_label(key)})"
            return {"code": translate("FiguresEntry", "Code"),
                    "name": translate("FiguresEntry", "Programme"),
                    "explanation": translate("FiguresEntry", "Explanation"),
                    "state": translate("FiguresEntry", "State"),
                    "issues": translate("FiguresEntry", "Issues")}[key]
        if role == Qt.ItemDataRole.ToolTipRole and key in ENTRY_KEYS:
            return translate("FiguresEntry", "Type a number, NA (not available) or leave blank.")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row, key = self._rows[index.row()], COLUMN_KEYS[index.column()]
        if key not in ENTRY_KEYS or row.locked:
            return False
        new = str(value if value is not None else "")
        if new == row.texts.get(key, ""):
            return True
        row.texts[key] = new
        self._parse(row, key)
        row.dirty = True
        row.issues = [i for i in row.issues if i.measure != key]  # checked again on Check
        self.dataChanged.emit(self.index(index.row(), 0),
                              self.index(index.row(), len(COLUMN_KEYS) - 1))
        self.edited.emit()
        return True

    def set_language(self) -> None:
        self._changed_all()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMN_KEYS) - 1)

    def _changed_all(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(COLUMN_KEYS) - 1))
