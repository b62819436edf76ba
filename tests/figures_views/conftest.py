"""Fixtures for programme reports, search and the figures view commands.

`views_db` is a fresh copy of the real demo database plus a small seed written through a unit
of work (so the rollups refresh as they do in use):

* `PV_SHARED`: led by MoSW and implemented with MoWCA, in the Social Allowance cluster and in
  two life-cycle stages (Old age, People with disabilities). Whole-programme beneficiaries
  (a stock) and benefit (a rate); the budget only as the two ministries' shares; expenditure
  reported as not available in 2023-24.
* `PV_QUARTERLY`: MoSW only, reported by quarter in 2023-24 with a gender breakdown.

The numbers are odd on purpose (…01 poisha) so any float or rounding slip shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

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
from tests.conftest import copy_database

PASSPHRASE = "test passphrase for nsss"
FY22, FY23 = 2022, 2023
# Ministry shares of PV_SHARED's budget, in poisha.
SHARE_BUDGET = {FY22: {"MoSW": 12_345_678_901, "MoWCA": 9_876_543_210},
                FY23: {"MoSW": 13_000_000_001, "MoWCA": 7_000_000_000}}
SHARED_PERSONS = {FY22: 150_000, FY23: 170_001}
SHARED_BENEFIT = 60_000  # poisha: Tk 600 a month
QUARTER_DISBURSED = {q: 1_000_000_001 * q for q in range(1, 5)}
QUARTER_PERSONS = {q: 1000 * q + 1 for q in range(1, 5)}
FEMALE = {q: 600 * q + 1 for q in range(1, 5)}
FEMALE_AMOUNT = {q: 600_000_000 * q + 1 for q in range(1, 5)}


@dataclass
class Seeded:
    db: Database
    path: Path
    shared_id: str
    quarterly_id: str
    ministry: dict[str, str]


def seed(db: Database) -> tuple[str, str]:
    with db.unit_of_work(description="test seed: programme reports") as uow:
        s = uow.session
        ministry = {m.code: m.id for m in s.scalars(select(Ministry))}
        cluster = {c.code: c.id for c in s.scalars(select(Cluster))}
        stage = {st.code: st.id for st in s.scalars(select(LifeCycleStage))}
        shared = Programme(code="PV_SHARED", name_en="Pivot test shared allowance",
                           name_bn="পরীক্ষামূলক যৌথ ভাতা", lead_ministry_id=ministry["MoSW"],
                           cluster_id=cluster["SA"], target_group="elderly widows in char areas")
        quarterly = Programme(code="PV_QUARTERLY", name_en="Pivot test quarterly cash",
                              lead_ministry_id=ministry["MoSW"], cluster_id=cluster["LL"])
        s.add_all([shared, quarterly])
        s.flush()
        s.add_all([
            ProgrammeMinistry(programme_id=shared.id, ministry_id=ministry["MoSW"], role="lead"),
            ProgrammeMinistry(programme_id=shared.id, ministry_id=ministry["MoWCA"]),
            ProgrammeMinistry(programme_id=quarterly.id, ministry_id=ministry["MoSW"],
                              role="lead"),
            ProgrammeLifeCycle(programme_id=shared.id, life_cycle_stage_id=stage["OLD"]),
            ProgrammeLifeCycle(programme_id=shared.id, life_cycle_stage_id=stage["DISAB"]),
            ProgrammeLifeCycle(programme_id=quarterly.id, life_cycle_stage_id=stage["WORKING"]),
        ])
        for fy in (FY22, FY23):
            s.add(Figure(programme_id=shared.id, fiscal_year=fy, stage="actual",
                         active_beneficiaries=SHARED_PERSONS[fy],
                         benefit_value_poisha=SHARED_BENEFIT,
                         na_measures="expenditure" if fy == FY23 else ""))
            for code, amount in SHARE_BUDGET[fy].items():
                s.add(Figure(programme_id=shared.id, ministry_id=ministry[code], fiscal_year=fy,
                             stage="actual", budget_original_poisha=amount))
        for q in range(1, 5):
            f = Figure(programme_id=quarterly.id, fiscal_year=FY23, period_kind="quarter",
                       period_no=q, stage="actual", amount_disbursed_poisha=QUARTER_DISBURSED[q],
                       active_beneficiaries=QUARTER_PERSONS[q])
            s.add(f)
            s.flush()
            s.add_all([
                FigureDisaggregation(figure_id=f.id, dimension="gender", category="female",
                                     beneficiaries=FEMALE[q], amount_poisha=FEMALE_AMOUNT[q]),
                FigureDisaggregation(figure_id=f.id, dimension="gender", category="male",
                                     beneficiaries=QUARTER_PERSONS[q] - FEMALE[q],
                                     amount_poisha=QUARTER_DISBURSED[q] - FEMALE_AMOUNT[q]),
            ])
        s.flush()
        return shared.id, quarterly.id


@pytest.fixture(scope="session")
def _views_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from nsss_desktop.services.demo import build_demo

    path = tmp_path_factory.mktemp("figures-views") / "views.nsssdb"
    db, _ = Database.create(path, PASSPHRASE, use_keyring=False)
    try:
        build_demo(db)
        seed(db)
    finally:
        db.close()
    return path


@pytest.fixture
def views(_views_template: Path, tmp_path: Path) -> Seeded:
    """A private copy of the seeded demo database, open for writing."""
    path = copy_database(_views_template, tmp_path / "views.nsssdb")
    db = Database.open(path, passphrase=PASSPHRASE, use_keyring=False)
    with db.reader() as s:
        ids = {p.code: p.id for p in s.scalars(select(Programme))}
        ministry = {m.code: m.id for m in s.scalars(select(Ministry))}
    yield Seeded(db, path, ids["PV_SHARED"], ids["PV_QUARTERLY"], ministry)
    db.close()
