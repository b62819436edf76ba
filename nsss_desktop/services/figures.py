"""Programme figures as dashboards use them: one value per programme, year and measure, counted
once in any total.

The real data has several sources and budget stages for one programme-year. The value used is
chosen by the stated rule in `services.rollup` (most final stage, then a government source, then
the most precise figure, then the source code) and kept in the rollup tables on every write.

A programme-level figure counts once in every total that spans ministries; where only
per-ministry shares exist, the programme value is their sum. A component programme
(`part_of_id`) is left out of a total in any year its aggregate has a value for the measure,
published national totals (`is_budget_total`) are never added to programmes, and programmes
counted in families are kept apart from those counted in persons.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from nsss_desktop.domain import Count, FiscalYear, Money
from nsss_desktop.store.models import Programme, ProgrammeYearRollup

MEASURES = ("beneficiaries", "budget")
_ROLLUP_MEASURE = {"active_beneficiaries": "beneficiaries", "budget": "budget"}


@dataclass(frozen=True)
class Chosen:
    value: int
    stage: str
    source_code: str
    synthetic: bool


@dataclass
class YearTotals:
    fiscal_year: FiscalYear
    beneficiaries: Count = field(default_factory=Count.zero)
    families: Count = field(default_factory=Count.zero)
    budget: Money = field(default_factory=Money.zero)
    programmes_with_beneficiaries: int = 0
    programmes_with_budget: int = 0
    published_total_budget: Money | None = None
    published_total_source: str = ""
    stages: set[str] = field(default_factory=set)
    synthetic: bool = False

    @property
    def budget_share_of_published(self) -> Decimal | None:
        total = self.published_total_budget
        if total is None or not total.poisha or not self.programmes_with_budget:
            return None
        return (Decimal(self.budget.poisha) * 100 / Decimal(total.poisha)).quantize(Decimal("0.1"))


def scope_of(include_submitted: bool) -> str:
    return "submitted" if include_submitted else "approved"


def chosen_values(session: Session, scope: str = "approved"
                  ) -> dict[tuple[str, int, str], Chosen]:
    """(programme id, start year, "beneficiaries" | "budget") -> the chosen programme value."""
    query = (select(ProgrammeYearRollup.programme_id, ProgrammeYearRollup.fiscal_year,
                    ProgrammeYearRollup.measure, ProgrammeYearRollup.value,
                    ProgrammeYearRollup.stage, ProgrammeYearRollup.source_code,
                    ProgrammeYearRollup.synthetic)
             .where(ProgrammeYearRollup.scope == scope, ProgrammeYearRollup.ministry_id == "",
                    ProgrammeYearRollup.measure.in_(tuple(_ROLLUP_MEASURE)),
                    ProgrammeYearRollup.value.is_not(None)))
    return {(p, fy, _ROLLUP_MEASURE[m]): Chosen(v, stage, src, bool(syn))
            for p, fy, m, v, stage, src, syn in session.execute(query)}


def counted_in_totals(programme: Programme, fiscal_year: int, measure: str,
                      chosen: dict[tuple[str, int, str], Chosen]) -> bool:
    """False for published totals, and for a component whose aggregate has its own value."""
    if programme.is_budget_total:
        return False
    parent = programme.part_of_id
    return not (parent and (parent, fiscal_year, measure) in chosen)


def national_series(session: Session, include_submitted: bool = False,
                    programme_ids: set[str] | None = None,
                    scope: str | None = None) -> list[YearTotals]:
    """Totals by fiscal year; `programme_ids` restricts to a ministry/cluster/life-cycle view."""
    chosen = chosen_values(session, scope or scope_of(include_submitted))
    programmes = {p.id: p for p in session.scalars(select(Programme))}
    years: dict[int, YearTotals] = {}
    for (programme_id, fy, measure), pick in sorted(chosen.items()):
        programme = programmes[programme_id]
        totals = years.setdefault(fy, YearTotals(FiscalYear(fy)))
        if programme.is_budget_total:
            if programme.code == "TOTAL_SSP" and measure == "budget":
                totals.published_total_budget = Money(pick.value)
                totals.published_total_source = pick.source_code
            continue
        if programme_ids is not None and programme_id not in programme_ids:
            continue
        if not counted_in_totals(programme, fy, measure, chosen):
            continue
        totals.stages.add(pick.stage)
        totals.synthetic |= pick.synthetic
        if measure == "budget":
            totals.budget += Money(pick.value)
            totals.programmes_with_budget += 1
        elif programme.beneficiary_unit == "families":
            totals.families += Count(pick.value)
        else:
            totals.beneficiaries += Count(pick.value)
            totals.programmes_with_beneficiaries += 1
    return [years[fy] for fy in sorted(years)]
