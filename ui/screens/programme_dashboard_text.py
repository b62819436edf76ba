"""Translatable texts of the programme dashboards and the table model that shows their tables.

The core's dashboard tables speak English (column labels, notes, "shared", "approved") and
carry names in both languages (`name_en`/`name_bn`, `group`/`group_bn`). This module lists
every fixed core text once with `QT_TRANSLATE_NOOP`, so lupdate extracts it, and
`ProgrammeTableModel` shows each cell in the interface language: Bangla names where the data
has them, Bangla digits, translated headers, "n/a" for a figure reported as not available.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from nsss_desktop.services.programme_dashboards import COLUMN_LABELS, DrillKey
from nsss_desktop.services.tables import NOT_AVAILABLE_TEXT, Column, DashboardTable, Value
from ui import core_text, i18n, reform_text
from ui.models.table_model import NOT_AVAILABLE, NUMERIC_PLACES, DashboardTableModel, Index
from ui.qt import QT_TRANSLATE_NOOP, QColor, QFont, Qt, translate

CTX = "DashboardColumns"
DRILL_ROLE = Qt.ItemDataRole.UserRole + 1  # the cell's DrillKey, or None
HIDDEN_COLUMNS = ("name_bn", "group_bn")  # the name column shows them in Bangla
TOTAL_BASIS = "total"

# Column headers by key: (header, tooltip); a header may break with \n.
HEADERS = {
    "fiscal_year": (
        QT_TRANSLATE_NOOP("DashboardColumns", "Fiscal year"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Fiscal year (July to June)")),
    "active_beneficiaries": (
        QT_TRANSLATE_NOOP("DashboardColumns", "Beneficiaries\n(lakh)"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Active beneficiaries (lakh persons)")),
    "budget": (
        QT_TRANSLATE_NOOP("DashboardColumns", "Budget\n(crore Tk)"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Budget (crore taka): the revised budget where "
                                              "one exists, else the original")),
    "expenditure": (
        QT_TRANSLATE_NOOP("DashboardColumns", "Expenditure\n(crore Tk)"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Expenditure (crore taka)")),
    "amount_disbursed": (
        QT_TRANSLATE_NOOP("DashboardColumns", "Disbursed\n(crore Tk)"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Amount disbursed (crore taka)")),
    "benefit_value": (
        QT_TRANSLATE_NOOP("DashboardColumns", "Benefit\n(Tk per month)"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Benefit value (taka per beneficiary per month)")),
    "programmes_counted": (
        QT_TRANSLATE_NOOP("DashboardColumns", "Programmes\ncounted"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Programmes with a figure, each counted once")),
    "code": (
        QT_TRANSLATE_NOOP("DashboardColumns", "Code"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Programme code")),
    "name_en": (
        QT_TRANSLATE_NOOP("DashboardColumns", "Programme"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Programme")),
    "lead_ministry": (
        QT_TRANSLATE_NOOP("DashboardColumns", "Lead ministry"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Lead ministry or division")),
    "cluster": (
        QT_TRANSLATE_NOOP("DashboardColumns", "Thematic cluster"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Thematic cluster of the NSSS")),
    "life_cycle": (
        QT_TRANSLATE_NOOP("DashboardColumns", "Life cycle"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Life-cycle stages the programme serves")),
    "basis": (
        QT_TRANSLATE_NOOP("DashboardColumns", "Figure basis"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Whose figure: this ministry's share, or a "
                                              "programme shared with other ministries")),
    "stage": (
        QT_TRANSLATE_NOOP("DashboardColumns", "Stage"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Budget stage of the figure used")),
    "programmes": (
        QT_TRANSLATE_NOOP("DashboardColumns", "Programmes"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Programmes in this group")),
    "share": (
        QT_TRANSLATE_NOOP("DashboardColumns", "Share of\nbudget (%)"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Share of the total budget, counted once (%)")),
    "female": (
        QT_TRANSLATE_NOOP("DashboardColumns", "Female\n(lakh)"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Female (lakh)")),
    "male": (
        QT_TRANSLATE_NOOP("DashboardColumns", "Male\n(lakh)"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Male (lakh)")),
    "third_gender": (
        QT_TRANSLATE_NOOP("DashboardColumns", "Third gender\n(lakh)"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Third gender (lakh)")),
    "rural": (
        QT_TRANSLATE_NOOP("DashboardColumns", "Rural\n(lakh)"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Rural (lakh)")),
    "urban": (
        QT_TRANSLATE_NOOP("DashboardColumns", "Urban\n(lakh)"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Urban (lakh)")),
}
# Headers that depend on the table (by table name prefix).
TABLE_HEADERS = {
    ("by-cluster", "group"): (
        QT_TRANSLATE_NOOP("DashboardColumns", "Thematic cluster"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Thematic cluster of the NSSS")),
    ("by-life_cycle", "group"): (
        QT_TRANSLATE_NOOP("DashboardColumns", "Life cycle"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Life-cycle stage")),
    ("by-ministry", "group"): (
        QT_TRANSLATE_NOOP("DashboardColumns", "Ministry/Division"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Implementing ministry or division")),
    ("all-ministries", "group"): (
        QT_TRANSLATE_NOOP("DashboardColumns", "Ministry/Division"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Implementing ministry or division")),
    ("disaggregation", "programmes"): (
        QT_TRANSLATE_NOOP("DashboardColumns", "Programmes\nreporting"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Programmes that reported this breakdown")),
    ("drilldown", "programme"): (
        QT_TRANSLATE_NOOP("DashboardColumns", "Code"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Programme code")),
    ("drilldown", "name_en"): (
        QT_TRANSLATE_NOOP("DashboardColumns", "Programme"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Programme")),
    ("drilldown", "ministry"): (
        QT_TRANSLATE_NOOP("DashboardColumns", "Ministry share"),
        QT_TRANSLATE_NOOP("DashboardColumns", "The ministry whose share the row is, or the whole "
                                              "programme")),
    ("drilldown", "period"): (
        QT_TRANSLATE_NOOP("DashboardColumns", "Period"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Fiscal year, or the part of it reported")),
    ("drilldown", "stage"): (
        QT_TRANSLATE_NOOP("DashboardColumns", "Stage"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Stage of the figure")),
    ("drilldown", "source"): (
        QT_TRANSLATE_NOOP("DashboardColumns", "Source"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Source id (see About and sources)")),
    ("drilldown", "state"): (
        QT_TRANSLATE_NOOP("DashboardColumns", "Approval"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Approval state of the row")),
    ("drilldown", "used"): (
        QT_TRANSLATE_NOOP("DashboardColumns", "Used"),
        QT_TRANSLATE_NOOP("DashboardColumns", "Whether the number shown uses this row")),
}

VALUES = {  # fixed cell texts of the core's tables
    "shared": QT_TRANSLATE_NOOP("DashboardValues", "shared"),
    "ministry share": QT_TRANSLATE_NOOP("DashboardValues", "ministry share"),
    "total": QT_TRANSLATE_NOOP("DashboardValues", "total"),
    "yes": QT_TRANSLATE_NOOP("DashboardValues", "yes"),
    "approved": QT_TRANSLATE_NOOP("DashboardValues", "approved"),
    "submitted": QT_TRANSLATE_NOOP("DashboardValues", "submitted"),
    "draft": QT_TRANSLATE_NOOP("DashboardValues", "draft"),
    "returned": QT_TRANSLATE_NOOP("DashboardValues", "returned"),
    "(whole programme)": QT_TRANSLATE_NOOP("DashboardValues", "(whole programme)"),
    "(entered)": QT_TRANSLATE_NOOP("DashboardValues", "(entered)"),
    "(not classified)": QT_TRANSLATE_NOOP("DashboardValues", "(not classified)"),
    "Total (each programme once)": QT_TRANSLATE_NOOP("DashboardValues",
                                                     "Total (each programme once)"),
}
TRANSLATED_COLUMNS = ("basis", "state", "used", "ministry", "source")
CATEGORIES = {
    "female": QT_TRANSLATE_NOOP("DashboardValues", "Female"),
    "male": QT_TRANSLATE_NOOP("DashboardValues", "Male"),
    "third_gender": QT_TRANSLATE_NOOP("DashboardValues", "Third gender"),
    "rural": QT_TRANSLATE_NOOP("DashboardValues", "Rural"),
    "urban": QT_TRANSLATE_NOOP("DashboardValues", "Urban"),
}
MEASURE_NAMES = {
    "active_beneficiaries": QT_TRANSLATE_NOOP("DashboardValues", "Beneficiaries"),
    "budget": QT_TRANSLATE_NOOP("DashboardValues", "Budget"),
    "expenditure": QT_TRANSLATE_NOOP("DashboardValues", "Expenditure"),
    "amount_disbursed": QT_TRANSLATE_NOOP("DashboardValues", "Amount disbursed"),
    "benefit_value": QT_TRANSLATE_NOOP("DashboardValues", "Benefit value"),
}

# Notes of services/programme_dashboards.py (same English text), shown under the tables.
_NOTES = (
    QT_TRANSLATE_NOOP("Notes", "Programmes counted in families (Food Friendly Programme) are "
                               "not added to persons."),
    QT_TRANSLATE_NOOP("Notes", "Rows marked 'shared' are programmes this ministry implements "
                               "with others and for which only a whole-programme figure exists: "
                               "shown, but not added to this ministry's totals (each programme "
                               "counts once)."),
    QT_TRANSLATE_NOOP("Notes", "Totals leave out components counted in their aggregate, "
                               "published national budget lines, and families (counted apart "
                               "from persons)."),
    QT_TRANSLATE_NOOP("Notes", "A programme in several groups appears in each; the total row "
                               "counts it once, so the groups may add up to more than the "
                               "total."),
    QT_TRANSLATE_NOOP("Notes", "Only programmes that reported this breakdown are included."),
    QT_TRANSLATE_NOOP("Notes", "Per programme and year one value is used: the most final "
                               "stage, then a government source, then the most precise figure; "
                               "sub-year flows are summed and stocks read at the last period."),
    QT_TRANSLATE_NOOP("Notes", "No programmes are registered for this ministry."),
)


def value_text(text: str) -> str:
    return translate("DashboardValues", VALUES[text]) if text in VALUES else text


def measure_name(measure: str) -> str:
    return translate("DashboardValues", MEASURE_NAMES[measure]) if measure in MEASURE_NAMES \
        else measure.replace("_", " ")


def category_name(category: str) -> str:
    """A breakdown category (female, rural) translated; a place name as it is."""
    return translate("DashboardValues", CATEGORIES[category]) if category in CATEGORIES \
        else category


def header(table: DashboardTable, column: Column) -> tuple[str, str]:
    """(header, tooltip) of a dashboard column in the interface language."""
    for (prefix, key), texts in TABLE_HEADERS.items():
        if key == column.key and table.name.startswith(prefix):
            return translate(CTX, texts[0]), translate(CTX, texts[1])
    if table.name == "drilldown" and column.key == "value":
        measure = {label: key for key, label in COLUMN_LABELS.items()}.get(column.label)
        if measure in HEADERS:
            short, full = HEADERS[measure]
            return translate(CTX, short), translate(CTX, full)
    if column.key in HEADERS:
        short, full = HEADERS[column.key]
        return translate(CTX, short), translate(CTX, full)
    return core_text.column_label(column.key, column.label)


def place_name(name_en: str, names_bn: dict[str, str]) -> str:
    """A ministry, cluster or life-cycle stage's name in the interface language."""
    if not name_en:
        return ""
    return reform_text.name(name_en, names_bn.get(name_en))


def is_total_row(row: dict[str, Value]) -> bool:
    return row.get("basis") == TOTAL_BASIS or str(row.get("group", "")).startswith("Total (")


class ProgrammeTableModel(DashboardTableModel):
    """A `DashboardTableModel` that knows the dashboards' columns, names and drill-down keys."""

    def __init__(self, table: DashboardTable | None = None, lang: str = "en",
                 parent: Any = None) -> None:
        super().__init__(table, lang, parent)
        self.names_bn: dict[str, str] = {}  # English name -> Bangla (ministries, stages, ...)

    def set_names(self, names_bn: dict[str, str]) -> None:
        self.names_bn = names_bn

    def drill_key(self, row: int, column: int) -> DrillKey | None:
        table = self.table
        if table is None or not 0 <= column < len(table.columns):
            return None
        key = table.drill.get((row, table.columns[column].key))
        return key if isinstance(key, DrillKey) else None

    def column_of(self, key: str) -> int:
        table = self.table
        return next((i for i, c in enumerate(table.columns) if c.key == key), -1) \
            if table is not None else -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        table = self.table
        if not index.isValid() or table is None:
            return None
        column = table.columns[index.column()]
        row = table.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column, index)
        if role == Qt.ItemDataRole.FontRole and is_total_row(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and row.get("basis") == "shared":
            return QColor("#fff4d6")
        if role == DRILL_ROLE:
            return self.drill_key(index.row(), index.column())
        return super().data(index, role)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        table = self.table
        if table is None or orientation != Qt.Orientation.Horizontal \
                or not 0 <= section < len(table.columns):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            short, full = header(table, table.columns[section])
            return short if role == Qt.ItemDataRole.DisplayRole else full
        return super().headerData(section, orientation, role)

    # --- texts -------------------------------------------------------------------------------

    def cell_text(self, row: dict[str, Value], column: Column) -> str:
        """The text shown for one cell, in the interface language."""
        value = row.get(column.key)
        if value == NOT_AVAILABLE_TEXT:
            return translate("DashboardValues", "n/a")
        if column.kind == "text" and (value is None or value == ""):
            return ""  # a blank label; "—" marks a missing figure only
        if column.kind in NUMERIC_PLACES or not isinstance(value, str):
            return self.display(column, value)
        bn = self._lang == "bn"
        key = column.key
        if key == "name_en":
            bangla = row.get("name_bn")
            if bn and isinstance(bangla, str) and bangla:
                return bangla
            if bn and value in self.names_bn:
                return self.names_bn[value]
            return value_text(value)
        if key == "group":
            bangla = row.get("group_bn")
            if bn and isinstance(bangla, str) and bangla and bangla != value:
                return bangla
            return value_text(value) if value in VALUES else place_name(value, self.names_bn)
        if key in ("lead_ministry", "cluster"):
            return place_name(value, self.names_bn)
        if key == "life_cycle":
            return "; ".join(place_name(v.strip(), self.names_bn) for v in value.split(";"))
        if key == "stage":
            return core_text.stages(value)
        if key in TRANSLATED_COLUMNS:
            return value_text(value)
        if key in ("fiscal_year", "period"):
            return i18n.digits(value) if bn else value
        return value

    def _tooltip(self, row: dict[str, Value], column: Column, index: Index) -> str | None:
        value = row.get(column.key)
        if value is None or value == "":
            return None if column.kind == "text" else \
                self.tr("Not available: no figure was found for this year.")
        if column.key == "basis" and value == "shared":
            return self.tr("Implemented with other ministries; only a whole-programme figure "
                           "exists, so it is not added to this ministry's total.")
        if column.key == "basis" and value == "ministry share":
            return self.tr("This ministry's own share of a programme it implements with "
                           "others.")
        if self.drill_key(index.row(), index.column()) is not None:
            return self.tr("{value}. Double-click or press Enter to see the figures behind "
                           "this number.").format(value=self.cell_text(row, column))
        if column.kind == "text":
            return self.cell_text(row, column)
        return None


def exact(value: Value) -> Decimal | int | None:
    """A chart value: the exact number, or None for a blank or "n/a" cell."""
    return value if isinstance(value, Decimal | int) and not isinstance(value, bool) else None


__all__ = ["DRILL_ROLE", "HIDDEN_COLUMNS", "NOT_AVAILABLE", "ProgrammeTableModel",
           "category_name", "exact", "header", "is_total_row", "measure_name",
           "place_name", "value_text"]
