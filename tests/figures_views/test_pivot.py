"""Programme reports (`programme_pivot`) on the real demo data plus the seed in conftest.py.

Expected values come from the dashboards service (one source of numbers) or from the seed's
own poisha and persons, converted exactly here; never from the code under test.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import select

from nsss_desktop.domain import Count, FiscalYear, Money
from nsss_desktop.errors import UsageError
from nsss_desktop.services import programme_catalogue
from nsss_desktop.services import programme_dashboards as pd
from nsss_desktop.services import programme_pivot as pv
from nsss_desktop.services.programme_pivot import PivotDefinition, pivot_table, run_pivot
from nsss_desktop.services.tables import NOT_AVAILABLE_TEXT
from nsss_desktop.store.models import ChangeJournal, Setting
from tests.figures_views.conftest import (
    FEMALE,
    FEMALE_AMOUNT,
    FY22,
    FY23,
    QUARTER_DISBURSED,
    QUARTER_PERSONS,
    SHARE_BUDGET,
    SHARED_BENEFIT,
    SHARED_PERSONS,
)

MEASURES = ("active_beneficiaries", "budget", "expenditure")
TOTAL = "Total (each programme once)"


def crore(poisha: int) -> Decimal:
    return Money(poisha).crore


def lakh(persons: int) -> Decimal:
    return Count(persons).lakh


def run(db, **fields) -> pv.PivotResult:  # noqa: ANN001
    with db.reader() as s:
        return run_pivot(s, PivotDefinition(**fields))


def rows_by(table, key: str) -> dict:  # noqa: ANN001
    return {r[key]: r for r in table.rows}


def agrees(mine: object, theirs: object) -> bool:
    """Equal numbers; where the dashboard shows a blank the pivot may say 'n/a' (it keeps a
    reported 'not available' apart from nothing reported)."""
    return mine == theirs or (theirs is None and mine == NOT_AVAILABLE_TEXT)


# --- one source of numbers --------------------------------------------------------------------


@pytest.mark.parametrize(("dimension", "table_of"), [
    ("ministry", lambda s, fy: pd.all_ministries(s, fiscal_year=fy)),
    ("cluster", lambda s, fy: pd.national_view(s, fiscal_year=fy).tables["by_cluster"]),
    ("life_cycle", lambda s, fy: pd.national_view(s, fiscal_year=fy).tables["by_life_cycle"]),
])
@pytest.mark.parametrize("year", [FY22, FY23])
def test_groups_and_total_equal_the_dashboards(views, dimension, table_of, year) -> None:  # noqa: ANN001
    fy = FiscalYear(year)
    with views.db.reader() as s:
        theirs = table_of(s, fy)
    table = pivot_table(run(views.db, rows=(dimension,), measures=MEASURES, first_year=fy,
                            last_year=fy))
    mine = rows_by(table, f"dim:{dimension}")
    compared = 0
    for row in theirs.rows:
        name = row["group"]
        if all(row[m] is None for m in MEASURES):
            assert name not in mine or all(mine[name][m] in (None, NOT_AVAILABLE_TEXT)
                                           for m in MEASURES)
            continue
        for m in MEASURES:
            assert agrees(mine[name][m], row[m]), (name, m, mine[name][m], row[m])
            compared += row[m] is not None
    assert compared >= 4  # the comparison is about real numbers, not blanks


def test_series_equals_the_national_series(views) -> None:  # noqa: ANN001
    with views.db.reader() as s:
        series = pd.national_view(s).tables["series"]
    mine = rows_by(pivot_table(run(views.db, rows=("fiscal_year",), measures=MEASURES)),
                   "dim:fiscal_year")
    assert len(series.rows) >= 8
    for row in series.rows:
        for m in MEASURES:
            assert agrees(mine[row["fiscal_year"]][m], row[m]), (row["fiscal_year"], m)


def test_a_ministry_filter_equals_the_ministry_view(views) -> None:  # noqa: ANN001
    with views.db.reader() as s:
        series = pd.ministry_view(s, "MoSW").tables["series"]
    table = pivot_table(run(views.db, rows=("fiscal_year",), measures=MEASURES,
                            ministries=("MoSW",)))
    mine = rows_by(table, "dim:fiscal_year")
    for row in series.rows:
        for m in MEASURES:
            assert agrees(mine[row["fiscal_year"]][m], row[m]), (row["fiscal_year"], m)
    # The shared programme's budget counts with MoSW's own share only.
    with views.db.reader() as s:
        cat = programme_catalogue.load(s)
        values = pd.Values(s, "approved", [FY23])
        sole = [p for p in cat.programmes_of_ministry(views.ministry["MoSW"])
                if not cat.shared(p)]
        expected = pd.total(cat, values, sole, FY23, "budget").value + SHARE_BUDGET[FY23]["MoSW"]
    assert mine[str(FiscalYear(FY23))]["budget"] == crore(expected)


# --- never double count -----------------------------------------------------------------------


def test_a_shared_programme_is_under_both_ministries_and_once_in_the_total(views) -> None:  # noqa: ANN001
    result = run(views.db, rows=("ministry", "programme"), measures=("active_beneficiaries",
                                                                     "budget"),
                 programmes=("PV_SHARED",), first_year=FiscalYear(FY23),
                 last_year=FiscalYear(FY23))
    table = pivot_table(result)
    shared = [r for r in table.rows if str(r.get("dim:programme", "")).endswith("(PV_SHARED)")]
    assert {r["dim:ministry"] for r in shared} == {"Ministry of Social Welfare",
                                                   "Ministry of Women and Children Affairs"}
    by_ministry = {r["dim:ministry"]: r for r in shared}
    assert by_ministry["Ministry of Social Welfare"]["budget"] == \
        crore(SHARE_BUDGET[FY23]["MoSW"])
    assert by_ministry["Ministry of Women and Children Affairs"]["budget"] == \
        crore(SHARE_BUDGET[FY23]["MoWCA"])
    for row in shared:  # only a whole-programme figure: shown in each, marked shared
        assert row["active_beneficiaries"] == lakh(SHARED_PERSONS[FY23])
        assert row["basis"] == "shared"
    total = table.rows[-1]
    assert total["dim:ministry"] == TOTAL
    assert total["active_beneficiaries"] == lakh(SHARED_PERSONS[FY23])  # once, not twice
    assert total["budget"] == crore(sum(SHARE_BUDGET[FY23].values()))
    with views.db.reader() as s:
        cat = programme_catalogue.load(s)
        values = pd.Values(s, "approved", [FY23])
        for m in ("active_beneficiaries", "budget"):
            assert total[m] == pd._exact(m, pd.total(cat, values, [views.shared_id], FY23,
                                                     m).value)
    assert any(n.code == "shared" for n in result.notes)


def test_under_ministries_alone_a_whole_programme_figure_stays_out_of_their_sums(views) -> None:  # noqa: ANN001
    table = pivot_table(run(views.db, rows=("ministry",), measures=("active_beneficiaries",
                                                                    "budget"),
                            programmes=("PV_SHARED", "PV_QUARTERLY"),
                            first_year=FiscalYear(FY23), last_year=FiscalYear(FY23)))
    rows = rows_by(table, "dim:ministry")
    assert rows["Ministry of Women and Children Affairs"]["active_beneficiaries"] is None
    assert rows["Ministry of Women and Children Affairs"]["budget"] == \
        crore(SHARE_BUDGET[FY23]["MoWCA"])
    assert rows["Ministry of Social Welfare"]["active_beneficiaries"] == \
        lakh(QUARTER_PERSONS[4])
    assert rows["Ministry of Social Welfare"]["budget"] == crore(SHARE_BUDGET[FY23]["MoSW"])
    assert rows[TOTAL]["active_beneficiaries"] == lakh(SHARED_PERSONS[FY23]
                                                       + QUARTER_PERSONS[4])
    assert rows[TOTAL]["budget"] == crore(sum(SHARE_BUDGET[FY23].values()))


def test_a_programme_in_two_life_cycle_stages_is_in_both_and_once_in_the_total(views) -> None:  # noqa: ANN001
    table = pivot_table(run(views.db, rows=("life_cycle",), measures=("active_beneficiaries",),
                            programmes=("PV_SHARED", "PV_QUARTERLY"),
                            first_year=FiscalYear(FY23), last_year=FiscalYear(FY23)))
    rows = rows_by(table, "dim:life_cycle")
    assert rows["Old age"]["active_beneficiaries"] == lakh(SHARED_PERSONS[FY23])
    assert rows["People with disabilities"]["active_beneficiaries"] == \
        lakh(SHARED_PERSONS[FY23])
    assert rows["Youth and working age"]["active_beneficiaries"] == lakh(QUARTER_PERSONS[4])
    assert rows[TOTAL]["active_beneficiaries"] == lakh(SHARED_PERSONS[FY23]
                                                       + QUARTER_PERSONS[4])


# --- flows, stocks and rates over years --------------------------------------------------------


def test_over_years_a_flow_is_summed_and_a_stock_is_the_last_year(views) -> None:  # noqa: ANN001
    years = {"first_year": FiscalYear(FY22), "last_year": FiscalYear(FY23)}
    budget = crore(sum(sum(by.values()) for by in SHARE_BUDGET.values()))
    result = run(views.db, rows=("programme",), measures=("active_beneficiaries", "budget"),
                 programmes=("PV_SHARED",), **years)
    row = pivot_table(result).rows[0]
    assert row["budget"] == budget
    assert row["active_beneficiaries"] == lakh(SHARED_PERSONS[FY23])  # not 1.5 + 1.70001
    assert row["active_beneficiaries"] != lakh(sum(SHARED_PERSONS.values()))
    assert any(n.code == "stock_over_years" for n in result.notes)
    across = pivot_table(run(views.db, rows=("programme",), columns="fiscal_year",
                             measures=("active_beneficiaries", "budget"),
                             programmes=("PV_SHARED",), **years)).rows[0]
    assert across[f"budget@{FY22}"] == crore(sum(SHARE_BUDGET[FY22].values()))
    assert across["budget@total"] == budget
    assert across[f"active_beneficiaries@{FY22}"] == lakh(SHARED_PERSONS[FY22])
    assert across["active_beneficiaries@total"] == lakh(SHARED_PERSONS[FY23])


def test_a_rate_is_shown_per_programme_and_never_summed(views) -> None:  # noqa: ANN001
    result = run(views.db, rows=("programme",), measures=("benefit_value", "budget"),
                 programmes=("PV_SHARED", "OAA"), first_year=FiscalYear(FY23),
                 last_year=FiscalYear(FY23))
    table = pivot_table(result)
    shared = next(r for r in table.rows if str(r["dim:programme"]).endswith("(PV_SHARED)"))
    assert shared["benefit_value"] == Money(SHARED_BENEFIT).taka
    assert table.rows[-1]["benefit_value"] is None  # two programmes: a rate is never summed
    assert table.rows[-1]["budget"] is not None
    assert any(n.code == "rate" for n in result.notes)
    assert next(c for c in table.columns if c.key == "benefit_value").kind == "taka"


def test_not_available_is_kept_apart_from_blank(views) -> None:  # noqa: ANN001
    result = run(views.db, rows=("programme",), columns="fiscal_year",
                 measures=("expenditure", "budget"), programmes=("PV_SHARED",),
                 first_year=FiscalYear(FY22), last_year=FiscalYear(FY23))
    row = pivot_table(result).rows[0]
    assert row[f"expenditure@{FY23}"] == NOT_AVAILABLE_TEXT
    assert row[f"expenditure@{FY22}"] is None
    assert row["expenditure@total"] == NOT_AVAILABLE_TEXT
    assert any(n.code == "not_available" for n in result.notes)


def test_families_are_counted_apart_from_persons(views) -> None:  # noqa: ANN001
    result = run(views.db, rows=("fiscal_year",), measures=("active_beneficiaries",))
    assert [m.key for m in result.measures] == ["active_beneficiaries",
                                                "active_beneficiaries:families"]
    with views.db.reader() as s:
        cat = programme_catalogue.load(s)
        values = pd.Values(s, "approved")
        for row in result.rows:
            fy = int(row.members[0].key)
            t = pd.total(cat, values, cat.countable(), fy, "active_beneficiaries")
            assert row.value(None, "active_beneficiaries") == (lakh(t.value) if t.counted
                                                               else None)
            assert row.value(None, "active_beneficiaries:families") == (
                lakh(t.families) if t.family_programmes else None)
    assert any(n.code == "families" for n in result.notes)


# --- periods and breakdowns -------------------------------------------------------------------


def test_periods_inside_the_year_add_up_to_the_year(views) -> None:  # noqa: ANN001
    table = pivot_table(run(views.db, rows=("period",), measures=("amount_disbursed",
                                                                  "active_beneficiaries"),
                            programmes=("PV_QUARTERLY",), first_year=FiscalYear(FY23),
                            last_year=FiscalYear(FY23)))
    rows = rows_by(table, "dim:period")
    for q in range(1, 5):
        assert rows[f"2023-24 Q{q}"]["amount_disbursed"] == crore(QUARTER_DISBURSED[q])
        assert rows[f"2023-24 Q{q}"]["active_beneficiaries"] == lakh(QUARTER_PERSONS[q])
    assert rows[TOTAL]["amount_disbursed"] == crore(sum(QUARTER_DISBURSED.values()))
    assert rows[TOTAL]["active_beneficiaries"] == lakh(QUARTER_PERSONS[4])  # a stock


def test_a_whole_year_figure_is_under_the_year_itself(views) -> None:  # noqa: ANN001
    table = pivot_table(run(views.db, rows=("programme", "period"), measures=("budget",),
                            programmes=("PV_SHARED",), first_year=FiscalYear(FY23),
                            last_year=FiscalYear(FY23)))
    assert [r["dim:period"] for r in table.rows[:-1]] == ["2023-24"]


def test_a_gender_breakdown_from_the_rollup(views) -> None:  # noqa: ANN001
    result = run(views.db, rows=("gender",), measures=("active_beneficiaries",
                                                       "amount_disbursed", "budget"),
                 programmes=("PV_QUARTERLY", "PV_SHARED"), first_year=FiscalYear(FY23),
                 last_year=FiscalYear(FY23))
    rows = rows_by(pivot_table(result), "dim:gender")
    assert rows["Female"]["active_beneficiaries"] == lakh(FEMALE[4])
    assert rows["Male"]["active_beneficiaries"] == lakh(QUARTER_PERSONS[4] - FEMALE[4])
    assert rows["Female"]["amount_disbursed"] == crore(sum(FEMALE_AMOUNT.values()))
    assert rows["Female"]["budget"] is None  # a breakdown carries no budget
    # The total counts every selected programme, with or without a breakdown.
    assert rows[TOTAL]["active_beneficiaries"] == lakh(QUARTER_PERSONS[4] + SHARED_PERSONS[FY23])
    assert any(n.code == "breakdown" for n in result.notes)


# --- definitions ------------------------------------------------------------------------------


@pytest.mark.parametrize(("fields", "message"), [
    ({"rows": ("nowhere",)}, "no dimension 'nowhere'"),
    ({"rows": ("ministry",), "columns": "ministry"}, "each dimension once"),
    ({"rows": ("gender",), "columns": "area"}, "cannot be combined"),
    ({"measures": ("happiness",)}, "no measure 'happiness'"),
    ({"scope": "everything"}, "not a scope"),
    ({"first_year": "2023-24", "last_year": "2019-20"}, "ends before it starts"),
])
def test_a_definition_that_cannot_run_is_refused(fields, message) -> None:  # noqa: ANN001
    with pytest.raises(UsageError, match=message):
        PivotDefinition(**fields)


def test_an_unknown_filter_code_is_refused(views) -> None:  # noqa: ANN001
    with pytest.raises(UsageError, match="MoNothing"):
        run(views.db, ministries=("MoNothing",))
    with pytest.raises(UsageError, match="NOPE"):
        run(views.db, programmes=("NOPE",))


def test_saved_definitions_round_trip_through_the_database(views) -> None:  # noqa: ANN001
    d = PivotDefinition(name="  MoSW by year ", rows=("programme",), columns="fiscal_year",
                        measures=("budget", "benefit_value"), first_year="2019-20",
                        last_year=FiscalYear(FY23), ministries=("MoSW",), scope="submitted")
    assert d.name == "MoSW by year"
    assert PivotDefinition.from_json(d.to_json()) == d
    assert json.loads(d.to_json())["first_year"] == "2019-20"
    pv.save_definition(views.db, d)
    pv.save_definition(views.db, PivotDefinition(name="Another", rows=("cluster",)))
    with views.db.reader() as s:
        assert pv.saved_names(s) == ["Another", "MoSW by year"]
        assert pv.load_definition(s, "MoSW by year") == d
        row = s.scalar(select(Setting).where(Setting.key == "pivot:MoSW by year"))
        assert json.loads(row.value)["ministries"] == ["MoSW"]
        assert s.scalar(select(ChangeJournal).where(ChangeJournal.table_name == "setting",
                                                    ChangeJournal.row_id == row.id))
    replaced = PivotDefinition(name="MoSW by year", rows=("ministry",))
    pv.save_definition(views.db, replaced)
    with views.db.reader() as s:
        assert pv.load_definition(s, "MoSW by year") == replaced
    assert pv.delete_definition(views.db, "MoSW by year") is True
    assert pv.delete_definition(views.db, "MoSW by year") is False
    with views.db.reader() as s:
        assert pv.saved_names(s) == ["Another"]
        with pytest.raises(UsageError, match="no saved report named 'MoSW by year'"):
            pv.load_definition(s, "MoSW by year")


def test_a_definition_needs_a_usable_name_to_be_saved(views) -> None:  # noqa: ANN001
    with pytest.raises(UsageError, match="name"):
        pv.save_definition(views.db, PivotDefinition())
    with pytest.raises(UsageError, match="too long"):
        pv.save_definition(views.db, PivotDefinition(name="x" * (pv.NAME_MAX + 1)))


def test_the_table_in_bangla(views) -> None:  # noqa: ANN001
    result = run(views.db, rows=("ministry",), columns="fiscal_year",
                 measures=("active_beneficiaries",), programmes=("PV_SHARED",),
                 first_year=FiscalYear(FY22), last_year=FiscalYear(FY23))
    table = pivot_table(result, "bn")
    assert table.columns[0].label == "মন্ত্রণালয়/বিভাগ"
    assert any("২০২৩-২৪" in c.label for c in table.columns)
    assert table.rows[-1]["dim:ministry"] == "মোট (প্রতিটি কর্মসূচি একবার)"
    assert "সমাজকল্যাণ মন্ত্রণালয়" in {r["dim:ministry"] for r in table.rows}
    assert any("২০২৩-২৪" in n for n in table.notes)
