"""Seeded, deterministic scale datasets for benchmarks (performance.md): `ministry` and
`national`, written through the bulk write path (Core inserts inside units of work, so the
journal triggers and the rollup refresh run exactly as for a real import).

Names and values are synthetic and say so ("Scale programme 017"); they never go into the demo
database. Each fiscal year is one unit of work, so a cancelled or killed run leaves whole years.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, insert, select

from nsss_desktop.domain.ids import new_id
from nsss_desktop.domain.measures import FIGURE_MEASURES
from nsss_desktop.errors import DatabaseExists
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import (
    Cluster,
    Figure,
    FigureDisaggregation,
    LifeCycleStage,
    Ministry,
    Programme,
    ProgrammeLifeCycle,
    ProgrammeMinistry,
)
from nsss_desktop.tasks import TaskState


@dataclass(frozen=True)
class ScaleSpec:
    name: str
    ministries: int
    programmes: int
    first_year: int
    years: int
    districts: int  # 0: gender and area for the whole programme only
    shared_every: int  # every n-th programme is shared by two ministries (reported in shares)


SPECS = {
    "ministry": ScaleSpec("ministry", 1, 12, 2008, 16, 0, 0),
    "national": ScaleSpec("national", 39, 140, 2008, 16, 64, 10),
}
CLUSTERS = ("SA", "FSDA", "SI", "LL", "HDSE")
STAGES = ("EARLY", "SCHOOL", "WORKING", "OLD", "DISAB")
BATCH = 20_000
MEASURE_COLUMNS = tuple(m.column for m in FIGURE_MEASURES)


@dataclass(frozen=True)
class ScaleSummary:
    figures: int
    disaggregations: int

    @property
    def fact_rows(self) -> int:
        return self.figures + self.disaggregations


def _reference(db: Database, spec: ScaleSpec, rng: random.Random) -> list[dict]:
    """Ministries, clusters, stages and programmes; returns programme plans for the figures."""
    plans = []
    with db.unit_of_work(description=f"Scale dataset {spec.name}: register") as uow:
        s = uow.session
        ministries = [Ministry(code=f"SM{i:02d}", name_en=f"Scale ministry {i:02d}",
                               name_bn=f"স্কেল মন্ত্রণালয় {i:02d}")
                      for i in range(1, spec.ministries + 1)]
        clusters = [Cluster(code=c, name_en=f"Scale cluster {c}", sort_order=i)
                    for i, c in enumerate(CLUSTERS)]
        stages = [LifeCycleStage(code=c, name_en=f"Scale stage {c}", sort_order=i)
                  for i, c in enumerate(STAGES)]
        s.add_all(ministries + clusters + stages)
        s.flush()
        for i in range(1, spec.programmes + 1):
            lead = ministries[(i - 1) % len(ministries)]
            p = Programme(code=f"SP{i:03d}", name_en=f"Scale programme {i:03d}",
                          name_bn=f"স্কেল কর্মসূচি {i:03d}", lead_ministry_id=lead.id,
                          cluster_id=clusters[i % len(clusters)].id, synthetic=True,
                          benefit_type="cash", target_group="Synthetic target group")
            s.add(p)
            s.flush()
            s.add(ProgrammeMinistry(programme_id=p.id, ministry_id=lead.id, role="lead"))
            shares = [lead.id]
            if spec.shared_every and i % spec.shared_every == 0:
                other = ministries[i % len(ministries)]
                if other.id != lead.id:
                    s.add(ProgrammeMinistry(programme_id=p.id, ministry_id=other.id))
                    shares.append(other.id)
            s.add(ProgrammeLifeCycle(programme_id=p.id, synthetic=True,
                                     life_cycle_stage_id=stages[i % len(stages)].id))
            plans.append({"id": p.id, "shares": shares,
                          "people": rng.randrange(20_000, 6_000_000),
                          "benefit_taka": rng.choice((500, 600, 650, 800, 900, 1200))})
    return plans


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """`total` split into `parts` non-negative integers that add up exactly."""
    weights = [rng.randrange(1, 1000) for _ in range(parts)]
    scale = sum(weights)
    out = [total * w // scale for w in weights]
    out[0] += total - sum(out)
    return out


def _year_rows(spec: ScaleSpec, plans: list[dict], fy: int, rng: random.Random
               ) -> tuple[list[dict], list[dict]]:
    figures: list[dict] = []
    breakdown: list[dict] = []
    growth = 1 + (fy - spec.first_year) * 0.03
    for plan in plans:
        for m_index, ministry_id in enumerate(plan["shares"]):
            share = 1 if len(plan["shares"]) == 1 else (2 if m_index == 0 else 1)
            people = int(plan["people"] * growth) * share // (3 if len(plan["shares"]) > 1 else 1)
            monthly = people * plan["benefit_taka"] * 100
            budget = monthly * 12 * rng.randrange(100, 115) // 100
            base = {"programme_id": plan["id"], "ministry_id": ministry_id, "fiscal_year": fy,
                    "stage": "actual", "source_id": None, "synthetic": True,
                    "approval_state": "approved", "note": "", "na_measures": "",
                    "explanation": "", **dict.fromkeys(MEASURE_COLUMNS)}
            figures.append({**base, "id": new_id(), "period_kind": "year", "period_no": 1,
                            "budget_original_poisha": budget,
                            "budget_revised_poisha": budget * rng.randrange(95, 105) // 100})
            for month in range(1, 13):
                active = people * rng.randrange(97, 103) // 100
                paid = active * plan["benefit_taka"] * 100
                fid = new_id()
                figures.append({**base, "id": fid, "period_kind": "month", "period_no": month,
                                "active_beneficiaries": active,
                                "cumulative_beneficiaries": active + active // 10,
                                "benefit_value_poisha": plan["benefit_taka"] * 100,
                                "amount_disbursed_poisha": paid, "expenditure_poisha": paid})
                for dimension, categories in (("gender", ("female", "male", "third_gender")),
                                              ("area", ("rural", "urban"))):
                    counts = _split(active, len(categories), rng)
                    for category, count in zip(categories, counts, strict=True):
                        breakdown.append({"id": new_id(), "figure_id": fid,
                                          "dimension": dimension, "category": category,
                                          "geo_code": "", "beneficiaries": count,
                                          "amount_poisha": count * plan["benefit_taka"] * 100,
                                          "synthetic": True})
                if spec.districts:
                    by_district = _split(active, spec.districts, rng)
                    for d, people_d in enumerate(by_district, start=1):
                        geo = f"BD-D{d:02d}"
                        for dimension, categories in (("gender", ("female", "male",
                                                                  "third_gender")),
                                                      ("area", ("rural", "urban"))):
                            for category, count in zip(categories, _split(
                                    people_d, len(categories), rng), strict=True):
                                breakdown.append({
                                    "id": new_id(), "figure_id": fid, "dimension": dimension,
                                    "category": category, "geo_code": geo,
                                    "beneficiaries": count, "amount_poisha": None,
                                    "synthetic": True})
    return figures, breakdown


def generate(db: Database, size: str, *, seed: int = 20261124,
             task: TaskState | None = None,
             on_year: Callable[[int, int], None] | None = None) -> ScaleSummary:
    """Write the `size` dataset into an empty database, one unit of work per fiscal year."""
    spec = SPECS[size]
    task = task or TaskState()
    with db.reader() as s:
        if s.scalar(select(func.count()).select_from(Programme)):
            raise DatabaseExists("This database already holds programmes.",
                                 hint="Generate a scale dataset into a new database file.")
    rng = random.Random(seed)
    plans = _reference(db, spec, rng)
    figures = breakdowns = 0
    for index, fy in enumerate(range(spec.first_year, spec.first_year + spec.years)):
        task.check()
        task.set_status(f"Fiscal year {fy}-{(fy + 1) % 100:02d}…")
        fig_rows, breakdown_rows = _year_rows(spec, plans, fy, rng)
        with db.unit_of_work(description=f"Scale dataset {spec.name}: {fy}") as uow:
            for i in range(0, len(fig_rows), BATCH):
                uow.session.execute(insert(Figure), fig_rows[i:i + BATCH])
            for i in range(0, len(breakdown_rows), BATCH):
                uow.session.execute(insert(FigureDisaggregation), breakdown_rows[i:i + BATCH])
        figures += len(fig_rows)
        breakdowns += len(breakdown_rows)
        task.set_progress((index + 1) / spec.years)
        if on_year:
            on_year(fy, len(fig_rows) + len(breakdown_rows))
    return ScaleSummary(figures, breakdowns)
