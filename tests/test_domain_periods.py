"""Bangladesh fiscal years (1 July - 30 June) and reporting periods."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nsss_desktop.domain import FiscalYear, Period, PeriodKind

FY23 = FiscalYear(2023)
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
fiscal_years = st.integers(min_value=1900, max_value=2200).map(FiscalYear)
kinds = st.sampled_from(list(PeriodKind))


@st.composite
def periods(draw: st.DrawFn) -> Period:
    kind = draw(kinds)
    number = draw(st.integers(min_value=1, max_value=kind.periods_per_year))
    return Period(draw(fiscal_years), kind, number)


# --------------------------------------------------------------------------- FiscalYear


@pytest.mark.parametrize(
    "text",
    [
        "2023-24",
        "2023–24",  # en dash
        "2023—24",  # em dash
        "2023-2024",
        "2023–2024",
        "FY2023-24",
        "FY 2023-24",
        "fy2023-24",
        "FY  2023 - 24",
        "  2023-24  ",
        "২০২৩-২৪",
        "২০২৩–২০২৪",
        "FY ২০২৩-২৪",
        "2023/24",
    ],
)
def test_fiscal_year_parse_valid(text: str) -> None:
    assert FiscalYear.parse(text) == FY23


@pytest.mark.parametrize(
    "text",
    [
        "2023-25",
        "2023-23",
        "2023-2025",
        "2023",
        "23-24",
        "2023-4",
        "2023-024",
        "20233-24",
        "2023-24-25",
        "2023 24",
        "FY",
        "",
        "   ",
        "abc",
        "FY2023",
        "2023-24 Q1",
        "2023_24",
        "০০০০-০১",  # year 0 is out of range
    ],
)
def test_fiscal_year_parse_invalid(text: str) -> None:
    with pytest.raises(ValueError, match="2023-24"):
        FiscalYear.parse(text)


def test_fiscal_year_parse_requires_str() -> None:
    with pytest.raises(TypeError):
        FiscalYear.parse(2023)  # type: ignore[arg-type]


def test_fiscal_year_century_wrap() -> None:
    assert str(FiscalYear(1999)) == "1999-00"
    assert FiscalYear.parse("1999-00") == FiscalYear(1999)
    assert FiscalYear.parse("1999-2000") == FiscalYear(1999)
    assert str(FiscalYear(2009)) == "2009-10"
    assert str(FiscalYear(2000)) == "2000-01"
    with pytest.raises(ValueError):
        FiscalYear.parse("1999-99")


def test_fiscal_year_str_and_label() -> None:
    assert str(FY23) == "2023-24"
    assert FY23.label() == "2023-24"
    assert FY23.label("en") == "2023-24"
    assert FY23.label("bn") == "২০২৩-২৪"
    with pytest.raises(ValueError):
        FY23.label("fr")


@pytest.mark.parametrize("bad", [2023.0, True, "2023", None])
def test_fiscal_year_requires_int(bad: object) -> None:
    with pytest.raises(TypeError):
        FiscalYear(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [0, 999, 9999, -2023])
def test_fiscal_year_range_checked(bad: int) -> None:
    with pytest.raises(ValueError):
        FiscalYear(bad)


def test_fiscal_year_dates() -> None:
    assert FY23.start == date(2023, 7, 1)
    assert FY23.end == date(2024, 6, 30)


@pytest.mark.parametrize(
    ("d", "start_year"),
    [
        (date(2024, 6, 30), 2023),
        (date(2024, 7, 1), 2024),
        (date(2023, 7, 1), 2023),
        (date(2023, 6, 30), 2022),
        (date(2023, 12, 31), 2023),
        (date(2024, 1, 1), 2023),
        (datetime(2024, 6, 30, 23, 59, 59), 2023),
        (datetime(2024, 7, 1, 0, 0), 2024),
    ],
)
def test_fiscal_year_containing_boundaries(d: date, start_year: int) -> None:
    fy = FiscalYear.containing(d)
    assert fy == FiscalYear(start_year)
    assert d in fy
    assert d not in fy.next()
    assert d not in fy.previous()


def test_fiscal_year_contains_rejects_non_dates() -> None:
    with pytest.raises(TypeError):
        "2023-07-01" in FY23  # noqa: B015
    with pytest.raises(TypeError):
        FiscalYear.containing("2023-07-01")  # type: ignore[arg-type]


@given(dates)
def test_fiscal_year_containing_property(d: date) -> None:
    fy = FiscalYear.containing(d)
    assert fy.start <= d <= fy.end
    assert d in fy


def test_fiscal_year_navigation_and_ordering() -> None:
    assert FY23.next() == FiscalYear(2024)
    assert FY23.previous() == FiscalYear(2022)
    assert FY23.next().previous() == FY23
    assert FiscalYear(2022) < FY23 < FiscalYear(2024)
    assert sorted([FiscalYear(2025), FiscalYear(2019), FY23]) == [
        FiscalYear(2019),
        FY23,
        FiscalYear(2025),
    ]
    assert FY23.end + timedelta(days=1) == FY23.next().start
    assert len({FiscalYear(2023), FiscalYear.parse("2023-24")}) == 1


def test_fiscal_year_range() -> None:
    fys = FiscalYear.range(FiscalYear(2020), FiscalYear(2025))
    assert [str(fy) for fy in fys] == [
        "2020-21",
        "2021-22",
        "2022-23",
        "2023-24",
        "2024-25",
        "2025-26",
    ]
    assert FiscalYear.range(FY23, FY23) == [FY23]
    assert FiscalYear.range(FY23, FiscalYear(2022)) == []


def test_fiscal_year_sub_periods() -> None:
    assert FY23.whole() == Period(FY23, PeriodKind.YEAR, 1)
    assert [str(p) for p in FY23.halves()] == ["2023-24 H1", "2023-24 H2"]
    assert [str(p) for p in FY23.quarters()] == [
        "2023-24 Q1",
        "2023-24 Q2",
        "2023-24 Q3",
        "2023-24 Q4",
    ]
    assert [str(p) for p in FY23.months()] == [
        f"2023-24 {m}" for m in "Jul Aug Sep Oct Nov Dec Jan Feb Mar Apr May Jun".split()
    ]


# --------------------------------------------------------------------------- Period


def test_period_kind_values_and_sizes() -> None:
    assert [k.value for k in PeriodKind] == ["year", "half", "quarter", "month"]
    assert [k.months_per_period for k in PeriodKind] == [12, 6, 3, 1]
    assert [k.periods_per_year for k in PeriodKind] == [1, 2, 4, 12]
    assert PeriodKind("quarter") is PeriodKind.QUARTER
    assert PeriodKind.QUARTER == "quarter"
    assert sorted(PeriodKind) == [
        PeriodKind.YEAR,
        PeriodKind.HALF,
        PeriodKind.QUARTER,
        PeriodKind.MONTH,
    ]


@pytest.mark.parametrize(
    ("kind", "number", "start", "end"),
    [
        (PeriodKind.YEAR, 1, date(2023, 7, 1), date(2024, 6, 30)),
        (PeriodKind.HALF, 1, date(2023, 7, 1), date(2023, 12, 31)),
        (PeriodKind.HALF, 2, date(2024, 1, 1), date(2024, 6, 30)),
        (PeriodKind.QUARTER, 1, date(2023, 7, 1), date(2023, 9, 30)),
        (PeriodKind.QUARTER, 2, date(2023, 10, 1), date(2023, 12, 31)),
        (PeriodKind.QUARTER, 3, date(2024, 1, 1), date(2024, 3, 31)),
        (PeriodKind.QUARTER, 4, date(2024, 4, 1), date(2024, 6, 30)),
        (PeriodKind.MONTH, 1, date(2023, 7, 1), date(2023, 7, 31)),
        (PeriodKind.MONTH, 6, date(2023, 12, 1), date(2023, 12, 31)),
        (PeriodKind.MONTH, 7, date(2024, 1, 1), date(2024, 1, 31)),
        (PeriodKind.MONTH, 8, date(2024, 2, 1), date(2024, 2, 29)),  # leap year
        (PeriodKind.MONTH, 12, date(2024, 6, 1), date(2024, 6, 30)),
    ],
)
def test_period_dates(kind: PeriodKind, number: int, start: date, end: date) -> None:
    p = Period(FY23, kind, number)
    assert (p.start, p.end) == (start, end)
    assert p.contains(start) and p.contains(end)
    assert start in p and end in p
    assert not p.contains(start - timedelta(days=1))
    assert not p.contains(end + timedelta(days=1))


def test_non_leap_february() -> None:
    assert Period(FiscalYear(2022), PeriodKind.MONTH, 8).end == date(2023, 2, 28)


@pytest.mark.parametrize(
    ("kind", "number"),
    [
        (PeriodKind.YEAR, 0),
        (PeriodKind.YEAR, 2),
        (PeriodKind.HALF, 3),
        (PeriodKind.QUARTER, 0),
        (PeriodKind.QUARTER, 5),
        (PeriodKind.MONTH, 13),
        (PeriodKind.MONTH, -1),
        ("week", 1),
    ],
)
def test_period_validation(kind: PeriodKind, number: int) -> None:
    with pytest.raises(ValueError):
        Period(FY23, kind, number)


def test_period_type_checks() -> None:
    with pytest.raises(TypeError):
        Period(2023, PeriodKind.YEAR, 1)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Period(FY23, PeriodKind.YEAR, True)
    with pytest.raises(TypeError):
        Period(FY23, PeriodKind.MONTH, 1.0)  # type: ignore[arg-type]


def test_period_kind_string_is_coerced() -> None:
    p = Period(FY23, "quarter", 3)  # type: ignore[arg-type]
    assert p.kind is PeriodKind.QUARTER
    assert p == Period(FY23, PeriodKind.QUARTER, 3)
    assert hash(p) == hash(Period(FY23, PeriodKind.QUARTER, 3))


def test_period_str() -> None:
    assert str(FY23.whole()) == "2023-24"
    assert str(Period(FY23, PeriodKind.HALF, 2)) == "2023-24 H2"
    assert str(Period(FY23, PeriodKind.QUARTER, 3)) == "2023-24 Q3"
    assert str(Period(FY23, PeriodKind.MONTH, 1)) == "2023-24 Jul"
    assert str(Period(FY23, PeriodKind.MONTH, 7)) == "2023-24 Jan"
    assert str(Period(FiscalYear(1999), PeriodKind.MONTH, 12)) == "1999-00 Jun"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-24", Period(FY23, PeriodKind.YEAR, 1)),
        ("FY 2023-24", Period(FY23, PeriodKind.YEAR, 1)),
        ("2023-24 H1", Period(FY23, PeriodKind.HALF, 1)),
        ("2023–24 h2", Period(FY23, PeriodKind.HALF, 2)),
        ("2023-24 Q3", Period(FY23, PeriodKind.QUARTER, 3)),
        ("FY2023-24   q4", Period(FY23, PeriodKind.QUARTER, 4)),
        ("2023-24 Jul", Period(FY23, PeriodKind.MONTH, 1)),
        ("2023-24 jan", Period(FY23, PeriodKind.MONTH, 7)),
        ("2023-24 JUNE", Period(FY23, PeriodKind.MONTH, 12)),
        ("2023-24 September", Period(FY23, PeriodKind.MONTH, 3)),
        ("২০২৩-২৪ Q৩", Period(FY23, PeriodKind.QUARTER, 3)),
        (" 2023-2024 Mar ", Period(FY23, PeriodKind.MONTH, 9)),
    ],
)
def test_period_parse(text: str, expected: Period) -> None:
    assert Period.parse(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Q3",
        "2023-24 Q5",
        "2023-24 Q0",
        "2023-24 H3",
        "2023-24 M1",
        "2023-24 Foo",
        "2023-24 Ju",
        "2023-25 Q1",
        "2023-24 Q1 Jul",
        "2023-24Q1",
        "FY Jul",
    ],
)
def test_period_parse_invalid(text: str) -> None:
    with pytest.raises(ValueError, match="2023-24"):
        Period.parse(text)


@given(periods())
def test_period_str_parse_round_trip(p: Period) -> None:
    assert Period.parse(str(p)) == p


@given(periods())
def test_period_key_round_trip(p: Period) -> None:
    key = p.key
    assert type(key[0]) is int and type(key[1]) is str and type(key[2]) is int
    assert Period.from_key(key) == p


def test_period_key() -> None:
    assert Period(FY23, PeriodKind.QUARTER, 3).key == (2023, "quarter", 3)
    assert FY23.whole().key == (2023, "year", 1)


@pytest.mark.parametrize(
    ("d", "kind", "expected"),
    [
        (date(2024, 6, 30), PeriodKind.YEAR, "2023-24"),
        (date(2024, 7, 1), PeriodKind.YEAR, "2024-25"),
        (date(2023, 12, 31), PeriodKind.HALF, "2023-24 H1"),
        (date(2024, 1, 1), PeriodKind.HALF, "2023-24 H2"),
        (date(2024, 2, 15), PeriodKind.QUARTER, "2023-24 Q3"),
        (date(2024, 4, 1), PeriodKind.QUARTER, "2023-24 Q4"),
        (date(2023, 9, 30), PeriodKind.QUARTER, "2023-24 Q1"),
        (date(2023, 7, 1), PeriodKind.MONTH, "2023-24 Jul"),
        (datetime(2024, 6, 30, 12), "month", "2023-24 Jun"),
    ],
)
def test_period_containing(d: date, kind: PeriodKind, expected: str) -> None:
    assert str(Period.containing(d, kind)) == expected


@given(dates, kinds)
def test_period_containing_property(d: date, kind: PeriodKind) -> None:
    p = Period.containing(d, kind)
    assert p.kind is kind
    assert p.contains(d)
    assert p.fiscal_year == FiscalYear.containing(d)
    assert Period.containing(d, PeriodKind.MONTH) in p.months()


def test_period_months_roll_up() -> None:
    q3 = Period(FY23, PeriodKind.QUARTER, 3)
    assert [str(m) for m in q3.months()] == ["2023-24 Jan", "2023-24 Feb", "2023-24 Mar"]
    h2 = Period(FY23, PeriodKind.HALF, 2)
    assert [m.number for m in h2.months()] == [7, 8, 9, 10, 11, 12]
    assert FY23.whole().months() == FY23.months()
    m = Period(FY23, PeriodKind.MONTH, 5)
    assert m.months() == [m]


@given(fiscal_years, kinds)
def test_periods_tile_the_year(fy: FiscalYear, kind: PeriodKind) -> None:
    ps = [Period(fy, kind, n) for n in range(1, kind.periods_per_year + 1)]
    assert ps[0].start == fy.start
    assert ps[-1].end == fy.end
    for a, b in zip(ps, ps[1:], strict=False):
        assert a.end + timedelta(days=1) == b.start
    assert [m for p in ps for m in p.months()] == fy.months()


def test_period_ordering() -> None:
    fy22 = FiscalYear(2022)
    shuffled = [
        Period(FY23, PeriodKind.MONTH, 2),
        Period(FY23, PeriodKind.QUARTER, 3),
        Period(fy22, PeriodKind.MONTH, 12),
        FY23.whole(),
        Period(FY23, PeriodKind.MONTH, 1),
        Period(FY23, PeriodKind.HALF, 2),
        Period(FY23, PeriodKind.QUARTER, 1),
        Period(FY23, PeriodKind.HALF, 1),
    ]
    assert [str(p) for p in sorted(shuffled)] == [
        "2022-23 Jun",
        "2023-24",
        "2023-24 H1",
        "2023-24 H2",
        "2023-24 Q1",
        "2023-24 Q3",
        "2023-24 Jul",
        "2023-24 Aug",
    ]
    backwards = list(FY23.months())
    backwards.reverse()
    assert sorted(backwards) == FY23.months()
    assert Period(FY23, PeriodKind.MONTH, 6) < Period(FY23, PeriodKind.MONTH, 7)


@given(periods(), periods())
def test_same_kind_periods_order_chronologically(a: Period, b: Period) -> None:
    if a.kind is b.kind:
        assert (a < b) == (a.start < b.start)
