"""The rollup rule (services.rollup) through real writes: figure rows written in units of work,
the rollup tables read back. Then the demo database against hand sums of programmes.csv."""

import csv
from collections import defaultdict

import pytest
from sqlalchemy import delete, select, text, update

from nsss_desktop.domain import Count, FiscalYear, Money, Period
from nsss_desktop.domain.measures import NOT_AVAILABLE
from nsss_desktop.services import demo, figure_entry, figures, rollup
from nsss_desktop.services.figure_input import FigureInput
from nsss_desktop.store.models import (
    DisaggregationRollup,
    Figure,
    ProgrammeYearRollup,
    Source,
)
from tests.conftest import DEMO_DATA
from tests.figures.conftest import add_figures, add_programme, ministry_id, rollup_value

FY = 2023
CR = Money.from_crore
LAKH = Count.from_lakh


@pytest.fixture
def prog(db):
    """A test programme implemented by MoSW (lead) and MoWCA."""
    return add_programme(db, "T_ROLL", ("MoSW", "MoWCA"))


def fig(programme, kind="year", no=1, fy=FY, **kw) -> Figure:
    kw.setdefault("stage", "actual")
    kw.setdefault("approval_state", "approved")
    return Figure(programme_id=programme, fiscal_year=fy, period_kind=kind, period_no=no, **kw)


def value(db, programme, measure, **kw):
    row = rollup_value(db, programme, kw.pop("fy", FY), measure, **kw)
    return None if row is None else row[0]


def add_sources(db, *codes: str) -> dict[str, str]:
    with db.unit_of_work(description="test sources") as uow:
        sources = {c: Source(code=c, title=c) for c in codes}
        uow.session.add_all(sources.values())
        uow.session.flush()
        return {c: s.id for c, s in sources.items()}


# --- over time --------------------------------------------------------------------------------


def test_flows_sum_over_months_stocks_and_rates_are_read_at_the_last(db, prog):
    add_figures(db, *(fig(prog, "month", no, expenditure_poisha=CR(spent).poisha,
                          active_beneficiaries=persons, benefit_value_poisha=rate)
                      for no, spent, persons, rate in ((1, "10", 100, 50000),
                                                       (2, "20", 200, 60000),
                                                       (3, "30.5", 150, 55000))))
    assert rollup_value(db, prog, FY, "expenditure")[:3] == (CR("60.5").poisha, False, 3)
    assert value(db, prog, "active_beneficiaries") == 150  # September, not 450
    assert value(db, prog, "benefit_value") == 55000  # a rate is never summed


def test_flows_sum_over_quarters_into_a_complete_year(db, prog):
    add_figures(db, *(fig(prog, "quarter", q, amount_disbursed_poisha=CR("25").poisha,
                          cumulative_beneficiaries=1000 * q) for q in (1, 2, 3, 4)))
    assert rollup_value(db, prog, FY, "amount_disbursed")[:3] == (CR("100").poisha, False, 12)
    assert value(db, prog, "cumulative_beneficiaries") == 4000


def test_the_kind_covering_most_months_is_used(db, prog):
    # Two quarters (6 months) beat four months; nothing is counted twice.
    add_figures(db, *(fig(prog, "month", m, expenditure_poisha=100) for m in (1, 2, 3, 4)),
                fig(prog, "quarter", 1, expenditure_poisha=1000),
                fig(prog, "quarter", 2, expenditure_poisha=2000))
    assert rollup_value(db, prog, FY, "expenditure")[:3] == (3000, False, 6)


def test_a_whole_year_figure_wins_over_sub_year_figures(db, prog):
    add_figures(db, *(fig(prog, "month", m, expenditure_poisha=CR("10").poisha,
                          active_beneficiaries=100 + m) for m in range(1, 13)),
                fig(prog, expenditure_poisha=CR("100").poisha, active_beneficiaries=99))
    assert rollup_value(db, prog, FY, "expenditure")[:3] == (CR("100").poisha, False, 12)
    assert value(db, prog, "active_beneficiaries") == 99


# --- ministry shares --------------------------------------------------------------------------


def test_ministry_shares_add_up_to_the_programme_once(db, prog):
    mosw, mowca = ministry_id(db, "MoSW"), ministry_id(db, "MoWCA")
    before = {str(y.fiscal_year): y for y in figures_series(db)}["2023-24"]
    add_figures(db, fig(prog, ministry_id=mosw, active_beneficiaries=LAKH("10").persons,
                        budget_original_poisha=CR("10").poisha, benefit_value_poisha=60000),
                fig(prog, ministry_id=mowca, active_beneficiaries=LAKH("5.5").persons,
                    budget_original_poisha=CR("5.5").poisha, benefit_value_poisha=50000))
    assert value(db, prog, "active_beneficiaries") == LAKH("15.5").persons
    assert value(db, prog, "active_beneficiaries", ministry=mosw) == LAKH("10").persons
    assert value(db, prog, "budget") == CR("15.5").poisha
    assert value(db, prog, "benefit_value") in (60000, 50000)  # a rate is never summed
    # The programme-level figure, when there is one, is not added to the shares.
    add_figures(db, fig(prog, active_beneficiaries=LAKH("16").persons))
    assert value(db, prog, "active_beneficiaries") == LAKH("16").persons
    after = {str(y.fiscal_year): y for y in figures_series(db)}["2023-24"]
    assert after.beneficiaries - before.beneficiaries == LAKH("16")
    assert after.budget - before.budget == CR("15.5")


def test_a_partial_year_flow_never_beats_a_whole_year_programme_figure(db, prog):
    mosw = ministry_id(db, "MoSW")
    # Shares of the more final stage, but only for a quarter: the whole year stays.
    add_figures(db, fig(prog, stage="reported", expenditure_poisha=CR("100").poisha),
                fig(prog, "quarter", 1, ministry_id=mosw, expenditure_poisha=CR("30").poisha))
    assert value(db, prog, "expenditure") == CR("100").poisha
    assert value(db, prog, "expenditure", ministry=mosw) == CR("30").poisha


def test_whole_year_shares_of_a_more_final_stage_beat_a_programme_proposal(db, prog):
    mosw, mowca = ministry_id(db, "MoSW"), ministry_id(db, "MoWCA")
    add_figures(db, fig(prog, stage="proposed", expenditure_poisha=CR("100").poisha),
                fig(prog, ministry_id=mosw, expenditure_poisha=CR("70").poisha),
                fig(prog, ministry_id=mowca, expenditure_poisha=CR("25").poisha))
    assert rollup_value(db, prog, FY, "expenditure")[:4] == (CR("95").poisha, False, 12,
                                                             "actual")


# --- scopes and not available -----------------------------------------------------------------


def test_scopes_approved_submitted_working(db, prog):
    add_figures(db, fig(prog, active_beneficiaries=1000, approval_state="approved"),
                fig(prog, active_beneficiaries=2000, approval_state="submitted"),
                fig(prog, active_beneficiaries=3000, approval_state="draft"))
    assert value(db, prog, "active_beneficiaries", scope="approved") == 1000
    assert value(db, prog, "active_beneficiaries", scope="submitted") == 2000
    assert value(db, prog, "active_beneficiaries", scope="working") == 3000


def test_a_draft_is_visible_only_in_the_working_scope(db, prog):
    add_figures(db, fig(prog, fy=2030, active_beneficiaries=5, approval_state="draft"))
    assert value(db, prog, "active_beneficiaries", fy=2030, scope="working") == 5
    assert rollup_value(db, prog, 2030, "active_beneficiaries", scope="submitted") is None
    assert rollup_value(db, prog, 2030, "active_beneficiaries", scope="approved") is None
    with db.reader() as s:
        assert FiscalYear(2030) not in {y.fiscal_year for y in figures.national_series(
            s, include_submitted=True)}


def test_not_available_beats_blank(db, prog):
    add_figures(db, fig(prog, na_measures="expenditure", active_beneficiaries=10))
    assert rollup_value(db, prog, FY, "expenditure")[:2] == (None, True)
    assert rollup_value(db, prog, FY, "amount_disbursed") is None  # blank: no row at all


def test_a_number_beats_not_available(db, prog):
    mosw, mowca = ministry_id(db, "MoSW"), ministry_id(db, "MoWCA")
    sources = add_sources(db, "DSS_T1", "DSS_T2")
    # Same period, two sources: the number, although its source sorts later.
    add_figures(db, fig(prog, source_id=sources["DSS_T1"], na_measures="expenditure"),
                fig(prog, source_id=sources["DSS_T2"], expenditure_poisha=500))
    assert rollup_value(db, prog, FY, "expenditure")[:2] == (500, False)
    # Programme level "not available", shares with numbers: the shares.
    add_figures(db, fig(prog, na_measures="amount_disbursed"),
                fig(prog, ministry_id=mosw, amount_disbursed_poisha=700),
                fig(prog, ministry_id=mowca, na_measures="amount_disbursed"))
    assert rollup_value(db, prog, FY, "amount_disbursed")[:2] == (700, False)


# --- the choice rule --------------------------------------------------------------------------


def test_the_more_final_stage_wins_even_when_less_precise(db, prog):
    sources = add_sources(db, "PRESS_A", "PRESS_B")
    add_figures(db, fig(prog, stage="proposed", source_id=sources["PRESS_A"],
                        budget_original_poisha=CR("4350.97").poisha),
                fig(prog, stage="revised", source_id=sources["PRESS_B"],
                    budget_revised_poisha=CR("4351").poisha))
    assert rollup_value(db, prog, FY, "budget")[:4] == (CR("4351").poisha, False, 12, "revised")


def test_a_government_source_wins_over_the_press_at_the_same_stage(db, prog):
    sources = add_sources(db, "DSS_TEST", "AAA_PRESS")
    add_figures(db, fig(prog, stage="reported", source_id=sources["AAA_PRESS"],
                        active_beneficiaries=LAKH("58.0123").persons),
                fig(prog, stage="reported", source_id=sources["DSS_TEST"],
                    active_beneficiaries=LAKH("58").persons))
    assert rollup_value(db, prog, FY, "active_beneficiaries")[::4] == (LAKH("58").persons,
                                                                       "DSS_TEST")


def test_the_more_precise_figure_wins_then_the_source_code(db, prog):
    sources = add_sources(db, "PRESS_B", "PRESS_A", "PRESS_C")
    add_figures(db, fig(prog, stage="proposed", source_id=sources["PRESS_B"],
                        budget_original_poisha=CR("4351").poisha),
                fig(prog, stage="proposed", source_id=sources["PRESS_C"],
                    budget_original_poisha=CR("4350.97").poisha),
                fig(prog, stage="proposed", source_id=sources["PRESS_A"],
                    budget_original_poisha=CR("4350.98").poisha))
    # 4350.97 and 4350.98 are equally precise: PRESS_A sorts first, whatever the load order.
    assert rollup_value(db, prog, FY, "budget")[::4] == (CR("4350.98").poisha, "PRESS_A")


# --- kept current on every write --------------------------------------------------------------


def test_rows_follow_a_figure_moved_to_another_year_and_deleted(db, prog):
    (fid,) = add_figures(db, fig(prog, active_beneficiaries=10))
    assert value(db, prog, "active_beneficiaries") == 10
    with db.unit_of_work(description="wrong year") as uow:
        uow.session.execute(update(Figure).where(Figure.id == fid).values(fiscal_year=FY + 1))
    assert rollup_value(db, prog, FY, "active_beneficiaries") is None
    assert value(db, prog, "active_beneficiaries", fy=FY + 1) == 10
    with db.unit_of_work(description="delete") as uow:
        uow.session.execute(delete(Figure).where(Figure.id == fid))
    with db.reader() as s:
        left = s.scalars(select(ProgrammeYearRollup).where(
            ProgrammeYearRollup.programme_id == prog)).all()
    assert left == []


def test_a_raw_sql_write_inside_a_unit_of_work_refreshes_the_rollup(db, prog):
    (fid,) = add_figures(db, fig(prog, expenditure_poisha=100))
    with db.unit_of_work(description="raw SQL") as uow:
        uow.session.execute(text("UPDATE figure SET expenditure_poisha = 250, "
                                 "approval_state = 'submitted' WHERE id = :id"), {"id": fid})
    assert rollup_value(db, prog, FY, "expenditure", scope="approved") is None
    assert value(db, prog, "expenditure", scope="submitted") == 250


def _rollup_tables(db):
    with db.reader() as s:
        measures = {tuple(r) for r in s.execute(select(
            *(c for c in ProgrammeYearRollup.__table__.columns if c.name != "id")))}
        breakdowns = {tuple(r) for r in s.execute(select(
            *(c for c in DisaggregationRollup.__table__.columns if c.name != "id")))}
    return measures, breakdowns


def test_rebuild_equals_the_rollup_kept_on_write(db, prog):
    mosw = ministry_id(db, "MoSW")
    ids = add_figures(db, *(fig(prog, "month", m, ministry_id=mosw, amount_disbursed_poisha=m)
                            for m in (1, 2, 3)), fig(prog, fy=2024, active_beneficiaries=7))
    period = Period.parse("2023-24")
    with db.unit_of_work(description="entry") as uow:
        figure_entry.save(uow.session, [
            FigureInput("OAA", "MoSW", period, values={"active_beneficiaries": LAKH("58.5"),
                                                       "expenditure": NOT_AVAILABLE}),
            FigureInput("WDDW", "MoSW", period, values={"budget_original": CR("1900")})],
            state="submitted")
    with db.unit_of_work(description="edits") as uow:
        uow.session.execute(update(Figure).where(Figure.id == ids[0])
                            .values(fiscal_year=2022))
        uow.session.execute(delete(Figure).where(Figure.id == ids[3]))
        uow.session.execute(update(Figure).where(Figure.fiscal_year == 2017)
                            .values(approval_state="submitted"))
    kept = _rollup_tables(db)
    assert any(r[1] == prog for r in kept[0]) and kept[1]
    with db.unit_of_work(description="rebuild") as uow:
        rollup.rebuild(uow.session)
    assert _rollup_tables(db) == kept


# --- the demo database against programmes.csv -------------------------------------------------


def figures_series(db, **kw):
    with db.reader() as s:
        return figures.national_series(s, **kw)


def _trailing_zeros(n: int) -> int:
    return len(str(n)) - len(str(n).rstrip("0")) if n else 0


def expected_series() -> dict[str, dict[str, object]]:
    """The national series by hand from programmes.csv, with the stated rule: per
    programme-year and measure the most final stage, then a government source, then the most
    precise figure, then the source code; totals leave out published totals and components
    whose aggregate has a figure, and keep families apart."""
    stage_order = {"actual": 0, "revised": 1, "reported": 2, "proposed": 3}
    with open(DEMO_DATA / "programmes.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    best: dict[tuple[str, str, str], tuple] = {}
    for r in rows:
        fy, code, src = r["fiscal_year"], r["programme_code"], r["source_id"]
        stage = demo.stage_of(code, FiscalYear.parse(fy), src)
        government = src.startswith(rollup.GOVERNMENT_SOURCE_PREFIXES)
        for measure, column, unit in (("beneficiaries", "beneficiaries_lakh", Count),
                                      ("budget", "budget_crore_taka", Money)):
            if not r[column]:
                continue
            n = unit.from_lakh(r[column]) if unit is Count else Money.from_crore(r[column])
            n = n.persons if unit is Count else n.poisha
            rank = (stage_order[stage], not government, _trailing_zeros(n), src)
            if (code, fy, measure) not in best or rank < best[(code, fy, measure)][0]:
                best[(code, fy, measure)] = (rank, n)
    out: dict[str, dict[str, object]] = defaultdict(lambda: {
        "beneficiaries": Count.zero(), "families": Count.zero(), "budget": Money.zero(),
        "published": None})
    for (code, fy, measure), (_, n) in best.items():
        year = out[fy]
        if code in demo.BUDGET_TOTALS:
            if code == "TOTAL_SSP" and measure == "budget":
                year["published"] = Money(n)
            continue
        if (demo.PART_OF.get(code), fy, measure) in best:
            continue
        if measure == "budget":
            year["budget"] += Money(n)
        elif code in demo.FAMILY_UNITS:
            year["families"] += Count(n)
        else:
            year["beneficiaries"] += Count(n)
    return out


def test_the_demo_series_matches_hand_sums_of_the_csv(db):
    expected = expected_series()
    got = {str(y.fiscal_year): y for y in figures_series(db)}
    assert set(got) == set(expected)
    for fy, e in expected.items():
        y = got[fy]
        assert (y.beneficiaries, y.families, y.budget, y.published_total_budget) == \
            (e["beneficiaries"], e["families"], e["budget"], e["published"]), fy


def test_two_more_demo_years_by_hand(db):
    got = {str(y.fiscal_year): y for y in figures_series(db)}
    # 2018-19: OAA 40 + WDDW 14 + DISA 10 + FFHA 2 + DSTIP 0.9 (STIP_ALL has no 2018-19
    # figure) + BEDE_BACKWARD 0.64 (its parts 0.40 and 0.19 are inside it) + TEA 0.4 = 67.94
    # lakh; budget OAA 2400 + FFHA 2600 = 5000 crore; the published total is the revised
    # 64404 (BDNEWS), not the 64656 first printed.
    y = got["2018-19"]
    assert (y.beneficiaries, y.budget) == (LAKH("67.94"), CR("5000"))
    assert y.published_total_budget == CR("64404")
    # 2024-25 (all proposals): OAA 60.01 + WDDW 27.75 + DISA 32.34 + MCBP 16.5528 + BEDE_ALW
    # 0.10898 + BEDE_STIP 0.04398 + BACKWARD_ALW 0.68 + PSTIP 86 = 223.48576 lakh; budget OAA
    # 4350.97 (not 4351) + WDDW 1844.32 (not 1844) + TEA 36.26 + GOVPEN 36580 + NSC_INTEREST
    # 8828.32 = 51639.87 crore.
    y = got["2024-25"]
    assert (y.beneficiaries, y.budget) == (LAKH("223.48576"), CR("51639.87"))
    assert str(y.budget.crore) == "51639.87"


# --- gaps found in review, now fixed ------------------------------------------------------


def test_monthly_numbers_beat_a_whole_year_reported_not_available(db, prog):
    add_figures(db, fig(prog, na_measures="expenditure"),
                *(fig(prog, "month", m, expenditure_poisha=100) for m in (1, 2, 3)))
    assert rollup_value(db, prog, FY, "expenditure")[:3] == (300, False, 3)


def test_a_quarter_not_available_does_not_complete_the_year(db, prog):
    mosw = ministry_id(db, "MoSW")
    add_figures(db, fig(prog, stage="reported", expenditure_poisha=1000),
                *(fig(prog, "quarter", q, ministry_id=mosw, expenditure_poisha=250)
                  for q in (1, 2, 3)),
                fig(prog, "quarter", 4, ministry_id=mosw, na_measures="expenditure"))
    assert rollup_value(db, prog, FY, "expenditure", ministry=mosw)[:3] == (750, False, 9)
    assert value(db, prog, "expenditure") == 1000


def test_renaming_a_source_refreshes_the_rollup(db, prog):
    sources = add_sources(db, "PRESS_X")
    add_figures(db, fig(prog, source_id=sources["PRESS_X"], expenditure_poisha=5))
    with db.unit_of_work(description="rename a source") as uow:
        uow.session.execute(update(Source).where(Source.code == "PRESS_X")
                            .values(code="DSS_X"))
    assert rollup_value(db, prog, FY, "expenditure")[4] == "DSS_X"
