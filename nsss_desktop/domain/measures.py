"""The programme measures, each declaring how it adds up over time.

A *flow* (money spent or disbursed in a period) is summed over the periods of a range; a
*stock* (beneficiaries on the rolls) is read at the last period of the range and never summed
over time; a *rate* (the monthly benefit per beneficiary, a coverage percentage) is neither
summed over time nor across programmes. Cumulative figures are right by construction because
every aggregation asks the measure what it is instead of guessing from a column name.

`NOT_AVAILABLE` is the explicit "not available" value a ministry can report: distinct from zero
(nothing was paid) and from blank (nobody has reported yet).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final, Literal


class MeasureKind(StrEnum):
    FLOW = "flow"
    STOCK = "stock"
    RATE = "rate"


Unit = Literal["money", "count", "percent"]


@dataclass(frozen=True)
class Measure:
    key: str
    column: str  # column of `figure` (or "" for a measure that only exists as a target)
    label_en: str
    label_bn: str
    unit: Unit
    kind: MeasureKind

    @property
    def summable_over_time(self) -> bool:
        return self.kind is MeasureKind.FLOW

    @property
    def summable_across_programmes(self) -> bool:
        return self.kind is not MeasureKind.RATE


FIGURE_MEASURES: Final = (
    Measure("budget_original", "budget_original_poisha", "Budget, original", "মূল বাজেট",
            "money", MeasureKind.FLOW),
    Measure("budget_revised", "budget_revised_poisha", "Budget, revised", "সংশোধিত বাজেট",
            "money", MeasureKind.FLOW),
    Measure("expenditure", "expenditure_poisha", "Expenditure", "ব্যয়", "money", MeasureKind.FLOW),
    Measure("active_beneficiaries", "active_beneficiaries", "Active beneficiaries",
            "সক্রিয় উপকারভোগী", "count", MeasureKind.STOCK),
    Measure("cumulative_beneficiaries", "cumulative_beneficiaries", "Cumulative beneficiaries",
            "ক্রমপুঞ্জিত উপকারভোগী", "count", MeasureKind.STOCK),
    Measure("benefit_value", "benefit_value_poisha", "Benefit per beneficiary per month",
            "মাথাপিছু মাসিক সুবিধা", "money", MeasureKind.RATE),
    Measure("amount_disbursed", "amount_disbursed_poisha", "Amount disbursed", "বিতরণকৃত অর্থ",
            "money", MeasureKind.FLOW),
)

# Derived for dashboards: the revised budget where one exists, else the original.
BUDGET: Final = Measure("budget", "", "Budget (revised, else original)",
                        "বাজেট (সংশোধিত, না থাকলে মূল)", "money", MeasureKind.FLOW)

# Targets may also be set for coverage, a rate in hundredths of a percent (1234 = 12.34 %),
# against an eligible population (a stock of persons) recorded with the targets.
COVERAGE: Final = Measure("coverage", "", "Coverage of the eligible population",
                          "যোগ্য জনগোষ্ঠীর আওতা", "percent", MeasureKind.RATE)
ELIGIBLE_POPULATION: Final = Measure("eligible_population", "", "Eligible population",
                                     "যোগ্য জনগোষ্ঠী", "count", MeasureKind.STOCK)

MEASURES: Final = {m.key: m for m in (*FIGURE_MEASURES, BUDGET, COVERAGE, ELIGIBLE_POPULATION)}
TARGET_MEASURES: Final = ("active_beneficiaries", "coverage", "benefit_value", "budget",
                          "eligible_population")


class _NotAvailable:
    """Singleton for an explicitly reported "not available" value."""

    _instance: _NotAvailable | None = None

    def __new__(cls) -> _NotAvailable:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "NOT_AVAILABLE"

    def __bool__(self) -> bool:
        return False


NOT_AVAILABLE: Final = _NotAvailable()
NOT_AVAILABLE_WORDS: Final = frozenset({"na", "n/a", "not available", "প্রযোজ্য নয়",
                                        "পাওয়া যায়নি", "তথ্য নেই"})


def measure(key: str) -> Measure:
    try:
        return MEASURES[key]
    except KeyError:
        raise ValueError(f"unknown measure {key!r}; known: {', '.join(MEASURES)}") from None
