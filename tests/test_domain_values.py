"""Exactness and formatting of numbers, Money and Count.

Budget tables are summed across dozens of programmes and compared with published
figures, so any float artefact or rounding drift is a reporting error.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from dataclasses import FrozenInstanceError
from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nsss_desktop.domain import (
    BANGLA_DIGITS,
    PERSONS_PER_LAKH,
    POISHA_PER_TAKA,
    TAKA_PER_CRORE,
    TAKA_PER_LAKH,
    Count,
    Money,
    format_decimal,
    group_indian,
    parse_decimal,
    to_bangla_digits,
    to_latin_digits,
)

DOMAIN_DIR = Path(__file__).resolve().parents[1] / "nsss_desktop" / "domain"

# Finite decimals with at most two places: the shape of crore figures in NSSS tables.
crore_2dp = st.decimals(
    min_value=Decimal("-1000000"),
    max_value=Decimal("1000000"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)
any_decimal = st.decimals(allow_nan=False, allow_infinity=False)
big_ints = st.integers(min_value=-(10**30), max_value=10**30)
FORMATTED_RE = re.compile(r"-?\d{1,2}(?:,\d\d)*,\d{3}(?:\.\d+)?|-?\d{1,3}(?:\.\d+)?")


# --------------------------------------------------------------------------- digits


def test_bangla_digits_constant() -> None:
    assert BANGLA_DIGITS == "০১২৩৪৫৬৭৮৯"
    assert len(BANGLA_DIGITS) == 10


def test_to_bangla_and_back() -> None:
    assert to_bangla_digits("2023-24 Q3: 1,234.50") == "২০২৩-২৪ Q৩: ১,২৩৪.৫০"
    assert to_latin_digits("২০২৩-২৪ Q৩: ১,২৩৪.৫০") == "2023-24 Q3: 1,234.50"


@given(st.text())
def test_digit_conversion_round_trip(s: str) -> None:
    latin_only = to_latin_digits(s)
    assert to_latin_digits(to_bangla_digits(latin_only)) == latin_only
    assert not any(ch in BANGLA_DIGITS for ch in latin_only)


# --------------------------------------------------------------------------- grouping


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, "0"),
        (7, "7"),
        (999, "999"),
        (1000, "1,000"),
        (12345, "12,345"),
        (123456, "1,23,456"),
        (1234567, "12,34,567"),
        (12345678, "1,23,45,678"),
        (10**12, "10,00,00,00,00,000"),
        (-999, "-999"),
        (-1000, "-1,000"),
        (-1234567, "-12,34,567"),
    ],
)
def test_group_indian(n: int, expected: str) -> None:
    assert group_indian(n) == expected


@given(big_ints)
def test_group_indian_shape(n: int) -> None:
    text = group_indian(n)
    assert text.replace(",", "") == str(n)
    assert FORMATTED_RE.fullmatch(text)


@pytest.mark.parametrize("bad", [1.0, True, Decimal("1"), "1"])
def test_group_indian_rejects_non_int(bad: object) -> None:
    with pytest.raises(TypeError):
        group_indian(bad)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- format_decimal


@pytest.mark.parametrize(
    ("value", "places", "lang", "expected"),
    [
        (Decimal("4205.96"), 2, "en", "4,205.96"),
        (Decimal("1234567.891"), 2, "en", "12,34,567.89"),
        (Decimal("1234567.891"), 2, "bn", "১২,৩৪,৫৬৭.৮৯"),
        (Decimal("1234567.5"), 0, "en", "12,34,568"),
        (Decimal("1974.34"), 2, "en", "1,974.34"),
        (Decimal("1974.3"), 2, "en", "1,974.30"),
        (Decimal("1974"), 2, "en", "1,974.00"),
        (Decimal("0.005"), 2, "en", "0.01"),  # half-up, not banker's
        (Decimal("0.015"), 2, "en", "0.02"),
        (Decimal("0.025"), 2, "en", "0.03"),
        (Decimal("2.675"), 2, "en", "2.68"),  # float(2.675) would give 2.67
        (Decimal("-0.005"), 2, "en", "-0.01"),  # ties away from zero
        (Decimal("-0.004"), 2, "en", "0.00"),  # never "-0.00"
        (Decimal("-1234567.891"), 2, "en", "-12,34,567.89"),
        (Decimal("12.3456"), 4, "en", "12.3456"),
        (Decimal("12.34565"), 4, "en", "12.3457"),
        (Decimal("1E+7"), 2, "en", "1,00,00,000.00"),
        (1234567, 2, "en", "12,34,567.00"),
        (1234567, 0, "bn", "১২,৩৪,৫৬৭"),
        (0, 0, "en", "0"),
    ],
)
def test_format_decimal(value: Decimal | int, places: int, lang: str, expected: str) -> None:
    assert format_decimal(value, places, lang) == expected


def test_format_decimal_beyond_decimal_context_precision() -> None:
    # 34 significant digits: more than the default 28-digit Decimal context.
    value = Decimal("123456789012345678901234567890.125")
    assert format_decimal(value) == "1,23,45,67,89,01,23,45,67,89,01,23,45,67,890.13"


@pytest.mark.parametrize("bad", [1.5, 0.0, True, "1.5", None])
def test_format_decimal_rejects_non_decimal(bad: object) -> None:
    with pytest.raises(TypeError):
        format_decimal(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_format_decimal_rejects_non_finite(bad: Decimal) -> None:
    with pytest.raises(ValueError):
        format_decimal(bad)


def test_format_decimal_argument_checks() -> None:
    with pytest.raises(ValueError):
        format_decimal(Decimal("1"), -1)
    with pytest.raises(TypeError):
        format_decimal(Decimal("1"), 2.0)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        format_decimal(Decimal("1"), 2, "fr")


@given(any_decimal, st.integers(min_value=0, max_value=6))
def test_format_matches_decimal_quantize(value: Decimal, places: int) -> None:
    text = format_decimal(value, places)
    assert FORMATTED_RE.fullmatch(text)
    parsed = parse_decimal(text)
    # Same number Decimal's own ROUND_HALF_UP quantize gives (with ample precision).
    ctx = Context(prec=max(60, value.adjusted() + places + 5))
    expected = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=ctx)
    assert parsed == expected
    if places:
        assert text.rsplit(".", 1)[1].isdigit() and len(text.rsplit(".", 1)[1]) == places
    else:
        assert "." not in text


@given(any_decimal, st.integers(min_value=0, max_value=4))
def test_format_bn_is_en_with_bangla_digits(value: Decimal, places: int) -> None:
    en = format_decimal(value, places, "en")
    bn = format_decimal(value, places, "bn")
    assert bn == to_bangla_digits(en)
    assert parse_decimal(bn) == parse_decimal(en)


# --------------------------------------------------------------------------- parse_decimal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1234", Decimal("1234")),
        ("1,23,456.78", Decimal("123456.78")),
        ("1,234,567.5", Decimal("1234567.5")),  # western grouping is fine too
        ("  4205.96 ", Decimal("4205.96")),
        ("১২,৩৪,৫৬৭.৮৯", Decimal("1234567.89")),
        ("\u00a0১৯৭৪.৩৪\t", Decimal("1974.34")),
        ("-5", Decimal("-5")),
        ("+5", Decimal("5")),
        ("\u22125.5", Decimal("-5.5")),  # Unicode minus from Word/Excel
        (".5", Decimal("0.5")),
        ("5.", Decimal("5")),
        ("0", Decimal("0")),
        ("007", Decimal("7")),
    ],
)
def test_parse_decimal_valid(text: str, expected: Decimal) -> None:
    assert parse_decimal(text) == expected


def test_parse_decimal_keeps_given_places() -> None:
    assert str(parse_decimal("1,974.30")) == "1974.30"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "1.2.3",
        "NaN",
        "nan",
        "sNaN",
        "inf",
        "Infinity",
        "-inf",
        "1e5",
        "1E+5",
        ",123",
        "123,",
        "1,,234",
        "1,234.5,6",
        "1 234",
        "--1",
        "+-1",
        "-",
        ".",
        "0x10",
        "১২a",
        "١٢",  # Arabic-Indic digits are not accepted
        "12৳",
        "১,২৩৪.৫.৬",
    ],
)
def test_parse_decimal_rejects_junk(text: str) -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_decimal(text)


@pytest.mark.parametrize("bad", [1.5, 12, Decimal("1"), None, b"12"])
def test_parse_decimal_requires_str(bad: object) -> None:
    with pytest.raises(TypeError):
        parse_decimal(bad)  # type: ignore[arg-type]


@given(any_decimal)
def test_parse_decimal_round_trips_plain_and_grouped(value: Decimal) -> None:
    plain = format(value, "f")
    assert parse_decimal(plain) == value
    assert parse_decimal(to_bangla_digits(plain)) == value


# --------------------------------------------------------------------------- Money


def test_unit_constants() -> None:
    assert POISHA_PER_TAKA == 100
    assert TAKA_PER_LAKH == 100_000
    assert TAKA_PER_CRORE == 10_000_000
    assert PERSONS_PER_LAKH == 100_000


def test_money_from_crore_is_exact() -> None:
    m = Money.from_crore("4205.96")
    assert m.poisha == 4205_96 * 10**7
    assert m.crore == Decimal("4205.96")
    assert str(m.crore) == "4205.96"
    assert m.taka == Decimal("42059600000")
    assert m.lakh == Decimal("420596")
    assert m.format_crore() == "4,205.96"
    assert m.format_crore(lang="bn") == "৪,২০৫.৯৬"
    assert m.format_lakh() == "4,20,596.00"
    assert m.format_taka() == "42,05,96,00,000.00"
    assert m.format_taka(0) == "42,05,96,00,000"
    assert m.to_decimal_string() == "42059600000.00"


@pytest.mark.parametrize(
    ("ctor", "value", "poisha"),
    [
        (Money.from_taka, "1.25", 125),
        (Money.from_taka, Decimal("1.25"), 125),
        (Money.from_taka, 3, 300),
        (Money.from_taka, "1,23,456.78", 12345678),
        (Money.from_taka, "১০০.৫০", 10050),
        (Money.from_taka, "-0.01", -1),
        (Money.from_taka, Decimal("1.2500000"), 125),
        (Money.from_taka, Decimal("1E+2"), 10000),
        (Money.from_lakh, "1", 100_000 * 100),
        (Money.from_lakh, "0.0000001", 1),
        (Money.from_crore, "1", 10**9),
        (Money.from_crore, "0.000000001", 1),
        (Money.from_crore, Decimal("1974.34"), 1974_34 * 10**7),
        (Money.from_crore, 2, 2 * 10**9),
    ],
)
def test_money_constructors(ctor: object, value: object, poisha: int) -> None:
    assert ctor(value) == Money(poisha)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("ctor", "value"),
    [
        (Money.from_taka, "1.005"),
        (Money.from_taka, Decimal("0.001")),
        (Money.from_lakh, "0.00000001"),
        (Money.from_crore, "0.0000000001"),
        (Money.from_crore, "1974.3400000001"),
    ],
)
def test_money_rejects_fractional_poisha(ctor: object, value: object) -> None:
    with pytest.raises(ValueError, match="whole number of poisha"):
        ctor(value)  # type: ignore[operator]


@pytest.mark.parametrize("ctor", [Money.from_taka, Money.from_lakh, Money.from_crore])
@pytest.mark.parametrize("bad", [1.5, 0.0, 1974.34, True])
def test_money_constructors_reject_float_and_bool(ctor: object, bad: object) -> None:
    with pytest.raises(TypeError):
        ctor(bad)  # type: ignore[operator]


@pytest.mark.parametrize("ctor", [Money.from_taka, Money.from_lakh, Money.from_crore])
@pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("Infinity"), "abc", "", "1e3"])
def test_money_constructors_reject_junk(ctor: object, bad: object) -> None:
    with pytest.raises(ValueError):
        ctor(bad)  # type: ignore[operator]


@pytest.mark.parametrize("bad", [1.0, True, False, Decimal("1"), "1", None])
def test_money_field_must_be_int(bad: object) -> None:
    with pytest.raises(TypeError):
        Money(bad)  # type: ignore[arg-type]


def test_money_is_frozen_and_hashable() -> None:
    m = Money(5)
    with pytest.raises(FrozenInstanceError):
        m.poisha = 6  # type: ignore[misc]
    assert {Money(5), Money(5), Money(6)} == {Money(5), Money(6)}


def test_money_arithmetic() -> None:
    a, b = Money.from_taka("10.50"), Money.from_taka("0.75")
    assert a + b == Money(1125)
    assert a - b == Money(975)
    assert b - a == Money(-975)
    assert -a == Money(-1050)
    assert abs(Money(-3)) == Money(3)
    assert a * 3 == Money(3150)
    assert 3 * a == Money(3150)
    assert sum([a, b]) == Money(1125)
    assert sum([a, b], Money.zero()) == Money(1125)
    assert Money.zero() == Money(0)


def test_money_classic_float_trap() -> None:
    total = Money.from_taka("0.1") + Money.from_taka("0.2")
    assert total == Money.from_taka("0.3")
    assert total.to_decimal_string() == "0.30"


@pytest.mark.parametrize(
    "op",
    [
        lambda m: m * 1.5,
        lambda m: 1.5 * m,
        lambda m: m * 1.0,
        lambda m: m * Decimal("2"),
        lambda m: m * True,
        lambda m: m + 1,
        lambda m: 1 + m,
        lambda m: m + 0.0,
        lambda m: 0.0 + m,
        lambda m: m - 1,
        lambda m: m + Count(1),
        lambda m: m * m,
        lambda m: sum([m], 0.0),
        lambda m: m < 1,
        lambda m: m < Count(1),
    ],
)
def test_money_rejects_mixed_arithmetic(op: object) -> None:
    with pytest.raises(TypeError):
        op(Money(100))  # type: ignore[operator]


def test_money_ordering() -> None:
    values = [Money.from_crore(s) for s in ("5", "-1", "0.01", "1974.34", "0")]
    assert [m.crore for m in sorted(values)] == [
        Decimal("-1"),
        Decimal("0"),
        Decimal("0.01"),
        Decimal("5"),
        Decimal("1974.34"),
    ]
    assert Money(1) < Money(2) <= Money(2) < Money(3)
    assert max(values) == Money.from_crore("1974.34")
    assert Money(1) != Count(1)


# Allocations (crore taka) of the sort found in the NSSS budget tables.
NSSS_CRORE_FIGURES = [
    "1974.34",
    "4205.96",
    "3444.54",
    "1270.24",
    "0.01",
    "987.65",
    "12345.67",
    "0.99",
    "2500.00",
    "816.80",
]


def test_sum_of_many_crore_values_matches_decimal() -> None:
    values = NSSS_CRORE_FIGURES * 137
    total = sum(Money.from_crore(v) for v in values)
    expected = sum((Decimal(v) for v in values), Decimal(0))
    assert total.crore == expected
    assert total.format_crore() == format_decimal(expected)
    assert total.format_crore() == "37,73,829.40"


def test_repeated_addition_has_no_float_artefacts() -> None:
    total = Money.zero()
    for _ in range(1000):
        total += Money.from_crore("1974.34")
    assert total.crore == Decimal("1974340")
    assert total.format_crore() == "19,74,340.00"
    assert total.format_crore(4) == "19,74,340.0000"
    assert total == Money.from_crore("1974.34") * 1000
    for text in (total.format_crore(), total.format_lakh(), total.format_taka()):
        assert "000000" not in text.split(".")[-1]
        assert "999999" not in text


@given(st.lists(crore_2dp, max_size=60))
def test_money_sum_is_exact(values: list[Decimal]) -> None:
    total = sum((Money.from_crore(v) for v in values), Money.zero())
    expected = sum(values, Decimal(0))
    assert total.crore == expected
    assert total.format_crore() == format_decimal(expected)
    assert total.format_crore(lang="bn") == format_decimal(expected, lang="bn")
    if values:  # plain sum() starts from int 0, which only an empty input returns
        assert sum(Money.from_crore(v) for v in values) == total


@given(big_ints)
def test_money_unit_views_are_exact(poisha: int) -> None:
    m = Money(poisha)
    assert Money.from_taka(m.taka) == m
    assert Money.from_lakh(m.lakh) == m
    assert Money.from_crore(m.crore) == m
    assert Fraction(m.taka) * 100 == poisha
    assert m.crore.as_tuple().exponent >= -9  # type: ignore[operator]


@given(big_ints)
def test_money_decimal_string_round_trip(poisha: int) -> None:
    m = Money(poisha)
    s = m.to_decimal_string()
    assert re.fullmatch(r"-?\d+\.\d\d", s)
    assert Money.from_decimal_string(s) == m
    assert Decimal(s) == m.taka


@pytest.mark.parametrize(
    ("poisha", "text"),
    [(0, "0.00"), (1, "0.01"), (-50, "-0.50"), (-12345, "-123.45"), (100, "1.00")],
)
def test_money_to_decimal_string(poisha: int, text: str) -> None:
    assert Money(poisha).to_decimal_string() == text


def test_money_from_decimal_string() -> None:
    assert Money.from_decimal_string("42059600000") == Money.from_crore("4205.96")
    assert Money.from_decimal_string(" 12.5 ") == Money(1250)
    assert Money.from_decimal_string("-0.50") == Money(-50)
    for bad in ("1,234.00", "abc", "", "১২.০০", "1e3", "+1.00", "NaN"):
        with pytest.raises(ValueError):
            Money.from_decimal_string(bad)
    with pytest.raises(ValueError, match="whole number of poisha"):
        Money.from_decimal_string("1.005")
    with pytest.raises(TypeError):
        Money.from_decimal_string(1.5)  # type: ignore[arg-type]


def test_money_format_rounding_half_up() -> None:
    m = Money.from_taka("12345678.50")  # 1.23456785 crore
    assert m.format_crore() == "1.23"
    assert m.format_crore(7) == "1.2345679"
    assert m.format_lakh() == "123.46"
    assert m.format_taka(0) == "1,23,45,679"
    assert (-m).format_taka(0) == "-1,23,45,679"
    assert Money(-1).format_crore() == "0.00"


# --------------------------------------------------------------------------- Count


@pytest.mark.parametrize(
    ("value", "persons"),
    [
        ("58.01", 5_801_000),
        (Decimal("58.01"), 5_801_000),
        ("16.5528", 1_655_280),
        ("0.10898", 10_898),
        ("০.১০৮৯৮", 10_898),
        ("0.00001", 1),
        (3, 300_000),
        ("0", 0),
        ("1,234.5", 123_450_000),
    ],
)
def test_count_from_lakh(value: object, persons: int) -> None:
    assert Count.from_lakh(value) == Count(persons)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["0.000001", "58.012345", "-1", "-0.01", -3, "abc", "NaN"])
def test_count_from_lakh_rejects(bad: object) -> None:
    with pytest.raises(ValueError):
        Count.from_lakh(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [1.5, 58.01, True, None])
def test_count_from_lakh_rejects_float(bad: object) -> None:
    with pytest.raises(TypeError):
        Count.from_lakh(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [1.0, True, Decimal("1"), "1"])
def test_count_field_must_be_int(bad: object) -> None:
    with pytest.raises(TypeError):
        Count(bad)  # type: ignore[arg-type]


def test_count_views_and_formatting() -> None:
    c = Count.from_lakh("58.01")
    assert c.lakh == Decimal("58.01")
    assert str(c.lakh) == "58.01"
    assert c.format_persons() == "58,01,000"
    assert c.format_persons("bn") == "৫৮,০১,০০০"
    assert c.format_lakh() == "58.01"
    assert c.format_lakh(4, "bn") == "৫৮.০১০০"
    assert Count.from_lakh("16.5528").format_lakh() == "16.55"
    assert Count(1_655_500).format_lakh() == "16.56"  # half-up
    assert Count(0).format_persons() == "0"
    with pytest.raises(ValueError):
        c.format_persons("fr")


def test_count_arithmetic() -> None:
    a, b = Count(5_801_000), Count(1_655_280)
    assert a + b == Count(7_456_280)
    assert b - a == Count(-4_145_720)  # negatives allowed as differences
    assert sum([a, b]) == Count(7_456_280)
    assert sum([], Count.zero()) == Count(0)
    assert a > b
    with pytest.raises(TypeError):
        a + 1  # type: ignore[operator]
    with pytest.raises(TypeError):
        a + Money(1)  # type: ignore[operator]
    with pytest.raises(TypeError):
        sum([a], 0.0)  # type: ignore[arg-type]


@given(st.integers(min_value=0, max_value=10**15))
def test_count_lakh_round_trip(persons: int) -> None:
    c = Count(persons)
    assert Count.from_lakh(c.lakh) == c
    assert Count.from_lakh(str(c.lakh)) == c
    assert c.format_persons().replace(",", "") == str(persons)


@given(st.lists(st.integers(min_value=0, max_value=10**9), max_size=50))
def test_count_sum_matches_int_sum(values: list[int]) -> None:
    total = sum(Count(v) for v in values)
    assert (total if values else Count(0)) == Count(sum(values))
    if values:
        assert total.lakh == sum((Count(v).lakh for v in values), Decimal(0))


# --------------------------------------------------------------------------- purity


def test_domain_has_no_float_literals() -> None:
    for path in sorted(DOMAIN_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        floats = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Constant)
                  and isinstance(n.value, float)]  # fmt: skip
        calls = [
            n.lineno
            for n in ast.walk(tree)
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "float"
        ]
        assert not floats and not calls, f"float use in {path.name}: {floats + calls}"


def test_domain_imports_no_qt_or_sql() -> None:
    code = (
        "import sys, nsss_desktop.domain\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in "
        "{'PySide6', 'sqlalchemy', 'sqlite3', 'sqlcipher3', 'pandas'}]\n"
        "assert not bad, bad\n"
    )
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)
