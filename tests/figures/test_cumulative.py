"""Cumulative figures between two dates (domain.md, "Cumulative between dates"): flows summed
over the whole periods in the range, stocks and rates as of the last period, partial periods
left out and listed, every programme counted once, exact throughout."""

from dataclasses import fields, is_dataclass
from datetime import date
from decimal import Decimal

import pytest

from nsss_desktop.domain import Count, FiscalYear, Money, Period
from nsss_desktop.domain.measures import NOT_AVAILABLE
from nsss_desktop.errors import UsageError
from nsss_desktop.services import figures
from nsss_desktop.services.cumulative import cumulative_between
from nsss_desktop.store.models import Figure
from tests.figures.conftest import add_figures, add_programme, ministry_id, programme_id

CR = Money.from_crore
LAKH = Count.from_lakh
P = Period.parse


def cumulative(db, start, end, **kw):
    with db.reader() as s:
        return cumulative_between(s, start, end, **kw)


def month(programme, period: str, **kw) -> Figure:
    fy, kind, no = P(period).key
    kw.setdefault("stage", "actual")
    kw.setdefault("approval_state", "approved")
    return Figure(programme_id=programme, fiscal_year=fy, period_kind=kind, period_no=no, **kw)


@pytest.fixture
def monthly(db):
    """Monthly figures Mar-Oct 2023: two fiscal years, with a month outside each end of the
    range 1 Apr - 30 Sep 2023. Disbursed Tk 1 crore × month number; active 1,000 + month."""
    p = add_programme(db, "T_MONTHLY")
    names = ["2022-23 Mar", "2022-23 Apr", "2022-23 May", "2022-23 Jun",
             "2023-24 Jul", "2023-24 Aug", "2023-24 Sep", "2023-24 Oct"]
    add_figures(db, *(month(p, name, amount_disbursed_poisha=CR(i).poisha,
                            expenditure_poisha=CR(i).poisha + 1,
                            active_beneficiaries=1000 + i, benefit_value_poisha=50000 + i)
                      for i, name in enumerate(names, start=1)))
    return p


def test_a_range_across_the_fiscal_year_boundary(db, monthly):
    result = cumulative(db, date(2023, 4, 1), date(2023, 9, 30), programme_ids={monthly})
    (row,) = result.programmes
    # Apr..Sep are months 2..7 of the fixture: 2+3+4+5+6+7 = 27 crore, never Mar or Oct.
    assert row.values["amount_disbursed"].value == CR("27")
    assert row.values["amount_disbursed"].months == 6
    assert row.values["expenditure"].value == Money(CR("27").poisha + 6)
    active = row.values["active_beneficiaries"]
    assert (active.value, active.as_of, active.counted) == (Count(1007), P("2023-24 Sep"), True)
    assert row.values["benefit_value"].value == Money(50007)  # a rate: Sep, not summed
    assert row.periods == tuple(P(m) for m in ("2022-23 Apr", "2022-23 May", "2022-23 Jun",
                                               "2023-24 Jul", "2023-24 Aug", "2023-24 Sep"))
    assert result.totals["amount_disbursed"] == CR("27")
    assert result.totals["active_beneficiaries"] == Count(1007)
    assert "benefit_value" not in result.totals  # rates are never summed across programmes
    assert result.range_months == 6 and result.stock_year == FiscalYear(2023)
    assert result.left_out == () and result.notes == []


def test_the_demo_years_cut_by_the_range_are_left_out_and_listed(db, monthly):
    result = cumulative(db, date(2023, 4, 1), date(2023, 9, 30))
    # The demo has only whole-year figures: 2022-23 and 2023-24 are both cut, so the totals are
    # the test programme's alone.
    assert [p.programme_code for p in result.programmes] == ["T_MONTHLY"]
    assert result.totals["amount_disbursed"] == CR("27")
    assert [lo.message for lo in result.left_out] == [
        "2022-23 left out: it starts before 1 Apr 2023",
        "2023-24 left out: it ends after 30 Sep 2023"]
    assert [n.code for n in result.notes] == ["periods_left_out"]


def test_a_quarter_cut_by_the_range_is_left_out(db):
    p = add_programme(db, "T_QUARTERLY")
    add_figures(db, *(month(p, f"2023-24 Q{q}", amount_disbursed_poisha=CR(10 * q).poisha,
                            active_beneficiaries=100 * q) for q in (1, 2, 3)))
    result = cumulative(db, date(2023, 7, 1), date(2023, 11, 15), programme_ids={p})
    (row,) = result.programmes
    assert row.values["amount_disbursed"].value == CR("10")
    assert row.values["active_beneficiaries"].as_of == P("2023-24 Q1")
    assert row.values["active_beneficiaries"].value == Count(100)
    (cut,) = result.left_out
    assert (cut.period, cut.starts_before, cut.ends_after) == (P("2023-24 Q2"), False, True)
    assert cut.message == "2023-24 Q2 left out: it ends after 15 Nov 2023"
    assert result.included == (P("2023-24 Q1"),)
    assert result.range_months == 4  # Jul-Oct; November is cut


def test_yearly_demo_data_three_fiscal_years(db):
    result = cumulative(db, date(2019, 7, 1), date(2022, 6, 30))
    with db.reader() as s:
        series = {y.fiscal_year: y for y in figures.national_series(s)}
    years = [FiscalYear(2019), FiscalYear(2020), FiscalYear(2021)]
    assert result.included == tuple(fy.whole() for fy in years)
    # Budget, a flow: the three years' national budgets added (2880 + 0 + 9149.54 crore).
    assert result.totals["budget"] == sum((series[fy].budget for fy in years), Money.zero())
    assert result.totals["budget"] == CR("12029.54")
    # Beneficiaries, a stock: as of 2021-22 only (OAA 57.01 lakh), never the sum of the years.
    assert result.stock_year == FiscalYear(2021)
    assert result.totals["active_beneficiaries"] == series[FiscalYear(2021)].beneficiaries
    assert result.totals["active_beneficiaries"] == LAKH("57.01")
    rows = {r.programme_code: r for r in result.programmes}
    assert rows["FFHA"].values["budget"].value == CR("8585")  # 2880 + 5705
    assert rows["FFHA"].values["budget"].months == 24
    # WDDW's last figure is 2020-21: shown as of then, not added to a 2021-22 total.
    wddw = rows["WDDW"].values["active_beneficiaries"]
    assert (wddw.value, wddw.as_of, wddw.counted) == (LAKH("20.50"), P("2020-21"), False)
    (stale,) = [n for n in result.notes if n.code == "stock_not_current"]
    assert "WDDW (2020-21)" in stale.message and "OAA" not in stale.message
    assert "TOTAL_SSP" not in rows  # a published total is never a programme of the sum


@pytest.mark.parametrize("start_year", [2008, 2017, 2018, 2023, 2024, 2025])
def test_one_whole_fiscal_year_equals_the_national_series(db, start_year):
    fy = FiscalYear(start_year)
    result = cumulative(db, fy.start, fy.end)
    with db.reader() as s:
        (year,) = [y for y in figures.national_series(s) if y.fiscal_year == fy]
    assert result.totals.get("budget", Money.zero()) == year.budget
    assert result.totals.get("active_beneficiaries", Count.zero()) == year.beneficiaries
    assert result.family_totals.get("active_beneficiaries", Count.zero()) == year.families


def test_components_and_families_are_counted_once(db):
    fy = FiscalYear(2017)
    result = cumulative(db, fy.start, fy.end)
    rows = {r.programme_code: r for r in result.programmes}
    # BEDE_BACKWARD (0.36 lakh) already includes its allowance (0.23) and stipend (0.11).
    assert rows["BEDE_BACKWARD_ALW"].values["active_beneficiaries"].counted is False
    assert rows["BEDE_BACKWARD"].values["active_beneficiaries"].counted is True
    assert result.totals["active_beneficiaries"] == LAKH("75.06")
    assert result.family_totals == {"active_beneficiaries": LAKH("50")}  # FFP counts families


def test_a_programme_shared_by_two_ministries_is_counted_once(db):
    p = add_programme(db, "T_SHARED", ("MoSW", "MoWCA"))
    mosw, mowca = ministry_id(db, "MoSW"), ministry_id(db, "MoWCA")
    add_figures(db, *(month(p, m, ministry_id=mid, amount_disbursed_poisha=CR(n).poisha,
                            active_beneficiaries=LAKH(n).persons)
                      for m in ("2023-24 Jul", "2023-24 Aug")
                      for mid, n in ((mosw, "10"), (mowca, "5.5"))))
    result = cumulative(db, date(2023, 7, 1), date(2023, 8, 31), programme_ids={p})
    assert result.totals["amount_disbursed"] == CR("31")  # (10 + 5.5) × 2 months
    assert result.totals["active_beneficiaries"] == LAKH("15.5")  # as of August, once
    # A programme-level figure for August replaces the shares there; nothing is added twice.
    add_figures(db, month(p, "2023-24 Aug", amount_disbursed_poisha=CR("16").poisha))
    result = cumulative(db, date(2023, 8, 1), date(2023, 8, 31), programme_ids={p})
    assert result.totals["amount_disbursed"] == CR("16")


def test_whole_years_and_months_in_one_range(db):
    p = add_programme(db, "T_MIXED")
    add_figures(db, month(p, "2022-23", expenditure_poisha=CR("100").poisha,
                          active_beneficiaries=500),
                *(month(p, m, expenditure_poisha=CR("10").poisha, active_beneficiaries=600 + i)
                  for i, m in enumerate(("2023-24 Jul", "2023-24 Aug", "2023-24 Sep"))))
    result = cumulative(db, date(2022, 7, 1), date(2023, 9, 30), programme_ids={p})
    (row,) = result.programmes
    assert row.values["expenditure"].value == CR("130")
    assert row.values["expenditure"].months == 15
    assert row.values["active_beneficiaries"].value == Count(602)
    assert row.periods[0] == P("2022-23") and row.periods[-1] == P("2023-24 Sep")


def test_scope_and_not_available(db, monthly):
    add_figures(db, month(monthly, "2023-24 Nov", amount_disbursed_poisha=CR("50").poisha,
                          approval_state="draft"),
                month(monthly, "2023-24 Dec", na_measures="amount_disbursed"))
    nov = (date(2023, 11, 1), date(2023, 11, 30))
    assert cumulative(db, *nov).is_empty
    assert cumulative(db, *nov, scope="submitted").is_empty
    assert cumulative(db, *nov, scope="working").totals["amount_disbursed"] == CR("50")
    dec = cumulative(db, date(2023, 12, 1), date(2023, 12, 31))
    (row,) = dec.programmes
    assert row.values["amount_disbursed"].value is NOT_AVAILABLE
    assert "amount_disbursed" not in dec.totals


def test_no_figures_gives_an_empty_result_with_a_note(db):
    result = cumulative(db, date(2031, 1, 1), date(2031, 3, 31))
    assert result.is_empty and result.totals == {} and result.included == ()
    assert [n.code for n in result.notes] == ["no_figures"]
    assert "1 Jan 2031" in result.notes[0].message
    # Only partly covered periods: still empty, and the note says why.
    cut = cumulative(db, date(2023, 1, 1), date(2023, 3, 31))
    assert cut.is_empty and len(cut.left_out) == 1
    assert "left out" in cut.notes[0].message


def test_a_bad_range_is_refused(db):
    with pytest.raises(UsageError):
        cumulative(db, date(2023, 2, 1), date(2023, 1, 31))
    with pytest.raises(UsageError):
        cumulative(db, date(2023, 1, 1), date(2023, 1, 31), scope="all")


def _walk(value, path="result"):
    """Every leaf value of the result, with where it is."""
    if is_dataclass(value) and not isinstance(value, type):
        if isinstance(value, Money | Count | Period | FiscalYear):
            yield path, value
            return
        for f in fields(value):
            yield from _walk(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, f"{path}[{k!r}]")
    elif isinstance(value, list | tuple):
        for i, v in enumerate(value):
            yield from _walk(v, f"{path}[{i}]")
    else:
        yield path, value


def test_exact_values_no_floats(db, monthly):
    # 0.1 + 0.2 in floats is not 0.3: three months of Tk 0.10, 0.20 and 0.30 crore.
    p = add_programme(db, "T_EXACT")
    add_figures(db, *(month(p, m, amount_disbursed_poisha=CR(Decimal(v)).poisha)
                      for m, v in (("2023-24 Jul", "0.1"), ("2023-24 Aug", "0.2"),
                                   ("2023-24 Sep", "0.3"))))
    result = cumulative(db, date(2019, 7, 1), date(2023, 9, 30))
    leaves = list(_walk(result))
    assert not [path for path, v in leaves if isinstance(v, float)]
    money = [v for _, v in leaves if isinstance(v, Money)]
    assert money and all(isinstance(m.poisha, int) for m in money)
    rows = {r.programme_code: r for r in result.programmes}
    assert str(rows["T_EXACT"].values["amount_disbursed"].value.crore) == "0.6"
    assert programme_id(db, "T_EXACT") == p


def test_a_component_alone_in_a_view_is_still_counted_once(db):
    """As in the national series of a ministry view: the component's aggregate has a figure,
    so the component is shown but not added, even when the aggregate is not in the view."""
    fy = FiscalYear(2017)
    component = programme_id(db, "BEDE_BACKWARD_ALW")
    result = cumulative(db, fy.start, fy.end, programme_ids={component})
    with db.reader() as s:
        (year,) = [y for y in figures.national_series(s, programme_ids={component})
                   if y.fiscal_year == fy]
    (row,) = result.programmes
    assert row.values["active_beneficiaries"].value == LAKH("0.23")
    assert row.values["active_beneficiaries"].counted is False
    assert result.totals.get("active_beneficiaries", Count.zero()) == year.beneficiaries
    assert year.beneficiaries == Count.zero()
