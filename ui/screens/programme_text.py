"""Translatable words for the Programmes and Enter-figures screens, and value formatting.

Measure names come from `domain.measures` (label_en / label_bn) in the interface language, so
a column header says the same in the grid, the template and the dashboards. Stable codes the
core uses (benefit types, approval states, target statuses, issue codes) are translated here
by code. A value has three looks: a number (exact, Indian grouping, the interface's digits),
"not available" (reported as such: its own text, drawn in italics), and blank (nothing
reported), so "not available" is never confused with a blank or a zero.
"""

from __future__ import annotations

from decimal import Decimal

from nsss_desktop.domain import Count, Money
from nsss_desktop.domain.measures import MEASURES, NOT_AVAILABLE
from nsss_desktop.io.figures_template import BREAKDOWN_COLUMNS
from ui import i18n
from ui.qt import QT_TRANSLATE_NOOP, QColor, translate

CONTEXT = "ProgrammeText"
NA_COLOUR = QColor("#8a5a00")  # "not available": amber-brown text, italic
NA_BACKGROUND = QColor("#fff4d6")
ERROR_COLOUR, ERROR_BACKGROUND = QColor("#b00020"), QColor("#fdecea")
WARNING_COLOUR, WARNING_BACKGROUND = QColor("#8a5a00"), QColor("#fff4d6")
LOCKED_BACKGROUND = QColor("#e2e4e8")
LOCKED_COLOUR = QColor("#5f6368")

BENEFIT_TYPES = {
    "cash": QT_TRANSLATE_NOOP("ProgrammeText", "Cash"),
    "food": QT_TRANSLATE_NOOP("ProgrammeText", "Food"),
    "in_kind": QT_TRANSLATE_NOOP("ProgrammeText", "In kind"),
    "service": QT_TRANSLATE_NOOP("ProgrammeText", "Service"),
}
APPROVALS = {
    None: QT_TRANSLATE_NOOP("ProgrammeText", "Not entered"),
    "draft": QT_TRANSLATE_NOOP("ProgrammeText", "Draft"),
    "returned": QT_TRANSLATE_NOOP("ProgrammeText", "Returned"),
    "submitted": QT_TRANSLATE_NOOP("ProgrammeText", "Submitted (locked)"),
    "approved": QT_TRANSLATE_NOOP("ProgrammeText", "Approved (locked)"),
}
TARGET_STATUSES = {
    "met": QT_TRANSLATE_NOOP("ProgrammeText", "Met"),
    "on_track": QT_TRANSLATE_NOOP("ProgrammeText", "On track"),
    "behind": QT_TRANSLATE_NOOP("ProgrammeText", "Behind"),
    "no_target": QT_TRANSLATE_NOOP("ProgrammeText", "No target set"),
    "no_actual": QT_TRANSLATE_NOOP("ProgrammeText", "No actual figure"),
}
STATUS_COLOURS = {"met": "#1b5e20", "on_track": "#0d47a1", "behind": "#b71c1c",
                  "no_target": "#555555", "no_actual": "#8a5a00"}
PERIOD_KINDS = {
    "year": QT_TRANSLATE_NOOP("ProgrammeText", "Whole year"),
    "half": QT_TRANSLATE_NOOP("ProgrammeText", "Half year"),
    "quarter": QT_TRANSLATE_NOOP("ProgrammeText", "Quarter"),
    "month": QT_TRANSLATE_NOOP("ProgrammeText", "Month"),
}
MONTHS = (QT_TRANSLATE_NOOP("ProgrammeText", "July"), QT_TRANSLATE_NOOP("ProgrammeText", "August"),
          QT_TRANSLATE_NOOP("ProgrammeText", "September"),
          QT_TRANSLATE_NOOP("ProgrammeText", "October"),
          QT_TRANSLATE_NOOP("ProgrammeText", "November"),
          QT_TRANSLATE_NOOP("ProgrammeText", "December"),
          QT_TRANSLATE_NOOP("ProgrammeText", "January"),
          QT_TRANSLATE_NOOP("ProgrammeText", "February"),
          QT_TRANSLATE_NOOP("ProgrammeText", "March"), QT_TRANSLATE_NOOP("ProgrammeText", "April"),
          QT_TRANSLATE_NOOP("ProgrammeText", "May"), QT_TRANSLATE_NOOP("ProgrammeText", "June"))
# Issue codes of figure_entry and figures_import, as a short headline.
ISSUES = {
    "disaggregation_sum": QT_TRANSLATE_NOOP("ProgrammeText", "Breakdown does not add up"),
    "breakdown_without_total": QT_TRANSLATE_NOOP("ProgrammeText", "Breakdown without a total"),
    "geography_exceeds_total": QT_TRANSLATE_NOOP("ProgrammeText",
                                                 "Areas add up to more than the total"),
    "duplicate_breakdown": QT_TRANSLATE_NOOP("ProgrammeText", "Breakdown given twice"),
    "unknown_category": QT_TRANSLATE_NOOP("ProgrammeText", "Unknown breakdown category"),
    "expenditure_over_budget": QT_TRANSLATE_NOOP("ProgrammeText",
                                                 "Expenditure above the budget"),
    "cumulative_below_active": QT_TRANSLATE_NOOP("ProgrammeText",
                                                 "Cumulative below active beneficiaries"),
    "disbursement_inconsistent": QT_TRANSLATE_NOOP("ProgrammeText",
                                                   "Disbursement does not match the benefit"),
    "negative": QT_TRANSLATE_NOOP("ProgrammeText", "Negative figure"),
    "bad_value": QT_TRANSLATE_NOOP("ProgrammeText", "Not a number"),
    "not_a_number": QT_TRANSLATE_NOOP("ProgrammeText", "Not a number"),
    "unknown_programme": QT_TRANSLATE_NOOP("ProgrammeText", "Unknown programme"),
    "unknown_ministry": QT_TRANSLATE_NOOP("ProgrammeText", "Unknown ministry"),
    "not_implementing": QT_TRANSLATE_NOOP("ProgrammeText", "Not this ministry's programme"),
    "duplicate_row": QT_TRANSLATE_NOOP("ProgrammeText", "Row given twice"),
    "duplicate_programme": QT_TRANSLATE_NOOP("ProgrammeText", "Programme given twice"),
    "period_locked": QT_TRANSLATE_NOOP("ProgrammeText", "Period locked"),
    "missing_header": QT_TRANSLATE_NOOP("ProgrammeText", "Column missing"),
    "other_ministry": QT_TRANSLATE_NOOP("ProgrammeText", "Other ministry"),
}


def lang() -> str:
    return i18n.current_language()


def measure_label(key: str) -> str:
    """A measure's (or a breakdown column's) name in the interface language."""
    if key in MEASURES:
        m = MEASURES[key]
        return m.label_bn if lang() == "bn" else m.label_en
    for column in BREAKDOWN_COLUMNS:
        if column.key == key:
            return column.bn if lang() == "bn" else column.en
    return key


def unit_label(key: str) -> str:
    """The unit a grid column is typed in."""
    if key == "benefit_value":
        return translate("ProgrammeText", "Tk per month")
    if key in MEASURES and MEASURES[key].unit == "money":
        return translate("ProgrammeText", "crore Tk")
    if key in MEASURES and MEASURES[key].unit == "percent":
        return "%"
    return translate("ProgrammeText", "persons")


def benefit_type(code: str | None) -> str:
    return translate(CONTEXT, BENEFIT_TYPES[code]) if code in BENEFIT_TYPES else (code or "")


def approval(state: str | None) -> str:
    return translate(CONTEXT, APPROVALS.get(state, state or ""))


def target_status(code: str) -> str:
    return translate(CONTEXT, TARGET_STATUSES.get(code, code))


def issue_title(code: str) -> str:
    return translate(CONTEXT, ISSUES[code]) if code in ISSUES else code.replace("_", " ")


def not_available() -> str:
    return translate("ProgrammeText", "not available")


def number(value: Decimal | int, places: int = 2) -> str:
    return i18n.number(value, places)


def value_text(measure: str, value: object, *, units: bool = True) -> str:
    """A measure's value for reading: lakh and crore, Tk for the monthly benefit, a percent.

    Blank (None) is "", "not available" its own words, zero "0.00".
    """
    if value is None:
        return ""
    if value is NOT_AVAILABLE:
        return not_available()
    if isinstance(value, Count):
        text = number(value.lakh)
        return translate("ProgrammeText", "{value} lakh").format(value=text) if units else text
    if isinstance(value, Money):
        if measure == "benefit_value":
            text = number(value.taka)
            return translate("ProgrammeText", "Tk {value}").format(value=text) if units else text
        text = number(value.crore)
        return translate("ProgrammeText", "{value} crore Tk").format(value=text) if units else text
    if isinstance(value, Decimal | int):
        return f"{number(value, 2)}%"
    return str(value)


def persons_text(value: Count) -> str:
    return translate("ProgrammeText", "{value} persons").format(value=number(value.persons, 0))
