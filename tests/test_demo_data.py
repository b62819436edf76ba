"""The demo database holds the real public figures exactly, with their sources, and totals
count every programme once (domain.md, "Totals: never double count")."""

import csv
from decimal import Decimal

from sqlalchemy import func, select

from nsss_desktop.domain import Count, FiscalYear, Money
from nsss_desktop.services import figures, tables
from nsss_desktop.store.models import (
    ChangeJournal,
    Figure,
    Ministry,
    Programme,
    ProgrammeMinistry,
    Source,
)
from tests.conftest import DEMO_DATA


def csv_rows(name: str) -> list[dict[str, str]]:
    with open(DEMO_DATA / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def series(db, **kw) -> dict[str, figures.YearTotals]:
    with db.reader() as s:
        return {str(y.fiscal_year): y for y in figures.national_series(s, **kw)}


def test_every_csv_figure_is_stored_exactly_with_its_source(demo_db):
    with demo_db.reader() as s:
        stored = {
            (code, fy, src, f.active_beneficiaries,
             f.budget_original_poisha if f.budget_original_poisha is not None
             else f.budget_revised_poisha)
            for f, code, src in s.execute(
                select(Figure, Programme.code, Source.code)
                .join(Programme, Programme.id == Figure.programme_id)
                .join(Source, Source.id == Figure.source_id))
            for fy in [str(FiscalYear(f.fiscal_year))]
        }
    for r in csv_rows("programmes.csv"):
        expected = (
            r["programme_code"], r["fiscal_year"], r["source_id"],
            Count.from_lakh(r["beneficiaries_lakh"]).persons if r["beneficiaries_lakh"] else None,
            Money.from_crore(r["budget_crore_taka"]).poisha if r["budget_crore_taka"] else None,
        )
        assert expected in stored, expected


def test_every_source_id_in_the_data_resolves(demo_db):
    used = {r["source_id"] for name in ("programmes.csv", "action_plan.csv", "disaggregation.csv")
            for r in csv_rows(name)}
    used |= {sid for r in csv_rows("ministries.csv") for sid in r["source_id"].split(";")}
    with demo_db.reader() as s:
        known = set(s.scalars(select(Source.code)))
    assert used - known == set()


def test_single_programme_year_equals_the_source_figure(demo_db):
    # 2008-09: OAA is the only programme with figures (ALBD_SOCIAL: 20 lakh, Tk 600 crore).
    y = series(demo_db)["2008-09"]
    assert y.beneficiaries == Count.from_lakh("20")
    assert y.budget == Money.from_crore("600")
    # The published national total is shown beside, never added.
    assert y.published_total_budget == Money.from_crore("13845.27")


def test_components_are_not_added_to_their_aggregate_and_families_stay_apart(demo_db):
    y = series(demo_db)["2017-18"]
    rows = [r for r in csv_rows("programmes.csv") if r["fiscal_year"] == "2017-18"]
    persons = {r["programme_code"]: r["beneficiaries_lakh"] for r in rows
               if r["beneficiaries_lakh"] and r["programme_code"] != "FFP"}
    # BEDE_BACKWARD (all beneficiaries) already includes its allowance and stipend parts.
    assert {"BEDE_BACKWARD", "BEDE_BACKWARD_ALW", "BEDE_BACKWARD_STIP"} <= persons.keys()
    expected = sum((Count.from_lakh(v) for k, v in persons.items()
                    if k not in ("BEDE_BACKWARD_ALW", "BEDE_BACKWARD_STIP")), Count.zero())
    assert y.beneficiaries == expected == Count.from_lakh("75.06")
    assert y.families == Count.from_lakh("50")  # Food Friendly Programme counts families
    budget = sum((Money.from_crore(r["budget_crore_taka"]) for r in rows
                  if r["budget_crore_taka"] and not r["programme_code"].startswith("TOTAL")),
                 Money.zero())
    assert y.budget == budget == Money.from_crore("25998.50")


def test_choice_rule_prefers_the_more_precise_of_two_equal_stage_figures(demo_db):
    with demo_db.reader() as s:
        chosen = figures.chosen_values(s)
        oaa = s.scalar(select(Programme.id).where(Programme.code == "OAA"))
    pick = chosen[(oaa, 2024, "budget")]
    assert Money(pick.value) == Money.from_crore("4350.97")
    assert pick.stage == "proposed"


def _add_shared_programme(db):
    with db.reader() as s:
        mosw = s.scalar(select(Ministry.id).where(Ministry.code == "MoSW"))
        mowca = s.scalar(select(Ministry.id).where(Ministry.code == "MoWCA"))
    with db.unit_of_work(description="shared programme") as uow:
        p = Programme(code="TEST_SHARED", name_en="Shared test programme")
        uow.session.add(p)
        uow.session.flush()
        for m, lakh in ((mosw, "10"), (mowca, "5.5")):
            uow.session.add(ProgrammeMinistry(programme_id=p.id, ministry_id=m))
            uow.session.add(Figure(programme_id=p.id, ministry_id=m, fiscal_year=2023,
                                   stage="actual", active_beneficiaries=Count.from_lakh(lakh)
                                   .persons, budget_original_poisha=Money.from_crore(lakh).poisha))
    return p.id, mosw, mowca


def test_a_programme_shared_by_two_ministries_is_counted_once(demo_db):
    before = series(demo_db)["2023-24"]
    programme_id, _, _ = _add_shared_programme(demo_db)
    after = series(demo_db)["2023-24"]
    assert after.beneficiaries - before.beneficiaries == Count.from_lakh("15.5")
    assert after.budget - before.budget == Money.from_crore("15.5")
    # The programme's own view (as each ministry sees it) has the sum of the shares, once.
    view = series(demo_db, programme_ids={programme_id})["2023-24"]
    assert view.beneficiaries == Count.from_lakh("15.5")


def test_a_programme_level_figure_is_not_added_to_its_ministry_shares(demo_db):
    programme_id, _, _ = _add_shared_programme(demo_db)
    with demo_db.unit_of_work(description="programme-level figure") as uow:
        uow.session.add(Figure(programme_id=programme_id, ministry_id=None, fiscal_year=2023,
                               stage="actual", active_beneficiaries=Count.from_lakh("15.5")
                               .persons))
    view = series(demo_db, programme_ids={programme_id})["2023-24"]
    assert view.beneficiaries == Count.from_lakh("15.5")


def test_a_second_implementing_ministry_does_not_change_national_totals(demo_db):
    before = series(demo_db)
    with demo_db.reader() as s:
        oaa = s.scalar(select(Programme.id).where(Programme.code == "OAA"))
        mowca = s.scalar(select(Ministry.id).where(Ministry.code == "MoWCA"))
    with demo_db.unit_of_work(description="second ministry") as uow:
        uow.session.add(ProgrammeMinistry(programme_id=oaa, ministry_id=mowca))
    after = series(demo_db)
    assert {k: (v.beneficiaries, v.budget) for k, v in before.items()} == \
        {k: (v.beneficiaries, v.budget) for k, v in after.items()}


def test_dashboard_values_are_exact_decimals(demo_db):
    with demo_db.reader() as s:
        table = tables.national_series(s)
    for row in table.rows:
        for key in ("beneficiaries_lakh", "budget_crore", "published_total_crore"):
            assert row[key] is None or isinstance(row[key], Decimal)
    row = next(r for r in table.rows if r["fiscal_year"] == "2021-22")
    # OAA 3444.54 + FFHA 5705 (INDOBANGLA24_2021): no 9149.540000000001.
    assert str(row["budget_crore"]) == "9149.54"


def test_demo_build_is_fully_journaled(demo_db):
    with demo_db.reader() as s:
        journaled = s.scalar(select(func.count()).select_from(ChangeJournal)
                             .where(ChangeJournal.op == "insert",
                                    ChangeJournal.table_name == "figure"))
        stored = s.scalar(select(func.count()).select_from(Figure))
    assert journaled == stored > 90
