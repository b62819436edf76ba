"""Programme figures as dashboards use them: one value per programme, year and measure, counted
once in any total.

The real data has several sources and budget stages for one programme-year. The dashboards pick
one value per programme, fiscal year and measure by this stated rule (shown in About/Sources):

1. the most final stage: actual, then revised budget, then reported, then proposed;
2. then a government source (department or ministry portal) over the press;
3. then the most precise figure (4350.97 over 4351: the same figure, less rounded);
4. then the source code, alphabetically, so the choice never depends on load order.

A programme-level figure counts once in every total that spans ministries; where only
per-ministry shares exist, the programme value is their sum. A component programme
(`part_of_id`) is left out of a total in any year its aggregate has a value for the measure,
published national totals (`is_budget_total`) are never added to programmes, and programmes
counted in families are kept apart from those counted in persons.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from nsss_desktop.domain import Count, FiscalYear, Money
from nsss_desktop.store.models import Figure, Programme, Source

STAGE_RANK = {"actual": 0, "revised": 1, "reported": 2, "proposed": 3}
GOVERNMENT_SOURCE_PREFIXES = ("DSS_", "MOWCA_", "DDM_", "MSW_", "FOOD_", "DEO_", "SP_", "DWA_",
                              "DRRO_", "MODMR_", "UCD")
MEASURES = ("beneficiaries", "budget")


@dataclass(frozen=True)
class FigureRow:
    """One stored figure, reduced to what the choice rule needs."""

    programme_id: str
    ministry_id: str | None
    fiscal_year: int
    stage: str
    source_code: str
    beneficiaries: int | None
    budget_poisha: int | None
    synthetic: bool = False


@dataclass(frozen=True)
class Chosen:
    value: int
    stage: str
    source_code: str
    synthetic: bool


def _precision(value: int) -> int:
    """More trailing zeros means more rounding; fewer means a more precise figure."""
    zeros = 0
    while value and value % 10 == 0:
        value //= 10
        zeros += 1
    return -zeros


def _rank(row: FigureRow, value: int) -> tuple:
    government = row.source_code.startswith(GOVERNMENT_SOURCE_PREFIXES)
    return (STAGE_RANK.get(row.stage, 9), not government, -_precision(value), row.source_code)


def choose(rows: list[FigureRow]) -> dict[tuple[str, int, str], Chosen]:
    """Pick one value per (programme, fiscal year, measure); ministry shares are summed."""
    candidates: dict[tuple[str, int, str], list[tuple[tuple, Chosen]]] = defaultdict(list)
    shares: dict[tuple[str, int, str], dict[str, list[tuple[tuple, Chosen]]]] = defaultdict(
        lambda: defaultdict(list))
    for row in rows:
        for measure, value in (("beneficiaries", row.beneficiaries),
                               ("budget", row.budget_poisha)):
            if value is None:
                continue
            item = (_rank(row, value), Chosen(value, row.stage, row.source_code, row.synthetic))
            key = (row.programme_id, row.fiscal_year, measure)
            if row.ministry_id is None:
                candidates[key].append(item)
            else:
                shares[key][row.ministry_id].append(item)
    chosen = {key: min(items, key=lambda i: i[0])[1] for key, items in candidates.items()}
    for key, by_ministry in shares.items():
        if key in chosen:
            continue  # a programme-level figure exists: the shares only break it down
        picks = [min(items, key=lambda i: i[0])[1] for items in by_ministry.values()]
        chosen[key] = Chosen(sum(p.value for p in picks), picks[0].stage,
                             "+".join(sorted({p.source_code for p in picks})),
                             any(p.synthetic for p in picks))
    return chosen


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


def load_rows(session: Session, include_submitted: bool = False) -> tuple[
        list[FigureRow], dict[str, Programme]]:
    states = ("approved", "submitted") if include_submitted else ("approved",)
    query = (
        select(Figure, Source.code)
        .outerjoin(Source, Source.id == Figure.source_id)
        .where(Figure.period_kind == "year", Figure.approval_state.in_(states))
    )
    rows = [
        FigureRow(f.programme_id, f.ministry_id, f.fiscal_year, f.stage, code or "",
                  f.active_beneficiaries, f.budget_revised_poisha
                  if f.budget_revised_poisha is not None else f.budget_original_poisha,
                  f.synthetic)
        for f, code in session.execute(query)
    ]
    programmes = {p.id: p for p in session.scalars(select(Programme))}
    return rows, programmes


def counted_in_totals(programme: Programme, fiscal_year: int, measure: str,
                      chosen: dict[tuple[str, int, str], Chosen]) -> bool:
    """False for published totals, and for a component whose aggregate has its own value."""
    if programme.is_budget_total:
        return False
    parent = programme.part_of_id
    return not (parent and (parent, fiscal_year, measure) in chosen)


def national_series(session: Session, include_submitted: bool = False,
                    programme_ids: set[str] | None = None) -> list[YearTotals]:
    """Totals by fiscal year; `programme_ids` restricts to a ministry/cluster/life-cycle view."""
    rows, programmes = load_rows(session, include_submitted)
    chosen = choose(rows)
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
