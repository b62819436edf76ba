"""What a ministry submits for one programme and period, before validation and storage.

The data-entry form, the Excel template importer and the Finance Division table importer all
produce `FigureInput`s; `services.figure_entry` validates them and writes them in one unit of
work. Values are exact (`Money` in poisha, `Count` in persons), `NOT_AVAILABLE` when the
ministry says the figure does not exist, and absent (`None`) when nobody has reported it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from nsss_desktop.domain import Count, Money, Period
from nsss_desktop.domain.measures import _NotAvailable

Value = Money | Count | _NotAvailable | None


@dataclass(frozen=True)
class DisaggregationInput:
    """One cell of a breakdown: `dimension` is gender, area, target_group, division or district.

    `category` is the member (female, male, third_gender; rural, urban; a target group; a
    division or district name). `geo_code` scopes a gender/area breakdown to one division or
    district ("" means the whole programme).
    """

    dimension: str
    category: str
    beneficiaries: Count | None = None
    amount: Money | None = None
    geo_code: str = ""


@dataclass
class FigureInput:
    """One programme (or one ministry's share of it) for one period.

    `values` maps measure keys of `domain.measures.FIGURE_MEASURES` to a value; a key that is
    missing or `None` is blank (not reported). `where` says where the input came from, for error
    messages ("sheet Figures, row 7"); `cells` maps a measure key to its cell address ("E7").
    """

    programme_code: str
    ministry_code: str | None
    period: Period
    values: dict[str, Value] = field(default_factory=dict)
    disaggregations: list[DisaggregationInput] = field(default_factory=list)
    explanation: str = ""
    stage: Literal["actual", "revised", "proposed", "reported"] = "actual"
    source_code: str | None = None
    where: str = ""
    cells: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Issue:
    """A validation finding. Errors block saving; warnings are shown and saved with the row."""

    level: Literal["error", "warning"]
    code: str  # stable id of the rule, e.g. "disaggregation_sum"
    message: str  # what is wrong and what to do, in plain words
    measure: str = ""  # measure key (or disaggregation dimension) the finding is about
    where: str = ""  # e.g. "sheet Figures, row 7, column E"
    programme_code: str = ""  # the input's programme, so screens can mark its row

    @property
    def is_error(self) -> bool:
        return self.level == "error"
