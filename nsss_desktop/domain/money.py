"""Exact money (poisha) and head-count (persons) value types.

NSSS budgets are reported in crore taka and beneficiaries in lakh persons. Storing
integers of the smallest unit (poisha, persons) keeps sums exact however many
programmes are rolled up; conversions to and from crore/lakh go through Fraction
so they are exact too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from nsss_desktop.domain.numbers import format_decimal, parse_decimal

__all__ = [
    "PERSONS_PER_LAKH",
    "POISHA_PER_TAKA",
    "TAKA_PER_CRORE",
    "TAKA_PER_LAKH",
    "Count",
    "Money",
]

POISHA_PER_TAKA = 100
TAKA_PER_LAKH = 100_000
TAKA_PER_CRORE = 10_000_000
PERSONS_PER_LAKH = 100_000

_WIRE_RE = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def _to_fraction(value: Decimal | int | str) -> Fraction:
    """Exact rational value of an input; floats are refused because they are inexact."""
    if isinstance(value, bool):
        raise TypeError("bool is not an amount")
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, str):
        value = parse_decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"amount must be finite, got {value}")
        return Fraction(value)
    raise TypeError(
        f"expected Decimal, int or str, not {type(value).__name__} (floats are inexact)"
    )


def _whole(value: Fraction, unit: str, original: object) -> int:
    """Return ``value`` as an int, or fail loudly instead of rounding."""
    if value.denominator != 1:
        raise ValueError(f"{original!r} is not a whole number of {unit}")
    return value.numerator


def _shifted(n: int, places: int) -> Decimal:
    """Exact Decimal for n / 10**places without trailing fractional zeros."""
    while places > 0 and n % 10 == 0:
        n //= 10
        places -= 1
    # String construction is exact (no context rounding), unlike division.
    return Decimal(f"{n}E-{places}")


def _check_int_field(value: object, name: str) -> int:
    """Fields must be real ints; a bool or float here is always a bug."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    return int(value)


@dataclass(frozen=True, order=True)
class Money:
    """An exact amount of Bangladeshi taka, stored as integer poisha."""

    poisha: int

    def __post_init__(self) -> None:
        object.__setattr__(self, "poisha", _check_int_field(self.poisha, "poisha"))

    # -- constructors -----------------------------------------------------------------

    @classmethod
    def zero(cls) -> Money:
        """Zero taka, the identity for sums."""
        return cls(0)

    @classmethod
    def from_taka(cls, value: Decimal | int | str) -> Money:
        """Exact taka amount; ValueError if it has fractions of a poisha."""
        return cls(_whole(_to_fraction(value) * POISHA_PER_TAKA, "poisha", value))

    @classmethod
    def from_lakh(cls, value: Decimal | int | str) -> Money:
        """Exact amount given in lakh taka."""
        poisha = _to_fraction(value) * (TAKA_PER_LAKH * POISHA_PER_TAKA)
        return cls(_whole(poisha, "poisha", value))

    @classmethod
    def from_crore(cls, value: Decimal | int | str) -> Money:
        """Exact amount given in crore taka (the unit of NSSS budget tables)."""
        poisha = _to_fraction(value) * (TAKA_PER_CRORE * POISHA_PER_TAKA)
        return cls(_whole(poisha, "poisha", value))

    @classmethod
    def from_decimal_string(cls, s: str) -> Money:
        """Inverse of :meth:`to_decimal_string`: plain taka like "-1234.50", no commas."""
        if not isinstance(s, str):
            raise TypeError(f"expected str, not {type(s).__name__}")
        text = s.strip()
        if not _WIRE_RE.fullmatch(text):
            raise ValueError(f"not a plain taka decimal string: {s!r} (e.g. '1234.50')")
        return cls.from_taka(Decimal(text))

    # -- views ------------------------------------------------------------------------

    @property
    def taka(self) -> Decimal:
        """Exact amount in taka, always with two decimal places."""
        return Decimal(f"{self.poisha}E-2")

    @property
    def lakh(self) -> Decimal:
        """Exact amount in lakh taka."""
        return _shifted(self.poisha, 7)

    @property
    def crore(self) -> Decimal:
        """Exact amount in crore taka."""
        return _shifted(self.poisha, 9)

    def format_taka(self, places: int = 2, lang: str = "en") -> str:
        """Taka with Indian grouping; the UI adds the unit word."""
        return format_decimal(self.taka, places, lang)

    def format_lakh(self, places: int = 2, lang: str = "en") -> str:
        """Lakh taka with Indian grouping; the UI adds the unit word."""
        return format_decimal(self.lakh, places, lang)

    def format_crore(self, places: int = 2, lang: str = "en") -> str:
        """Crore taka with Indian grouping, e.g. "4,205.96"; the UI adds the unit word."""
        return format_decimal(self.crore, places, lang)

    def to_decimal_string(self) -> str:
        """Taka with exactly two decimals and no grouping, for sync payloads and Excel."""
        whole, frac = divmod(abs(self.poisha), POISHA_PER_TAKA)
        sign = "-" if self.poisha < 0 else ""
        return f"{sign}{whole}.{frac:02d}"

    # -- arithmetic -------------------------------------------------------------------

    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.poisha + other.poisha)

    def __radd__(self, other: int) -> Money:
        # Only the literal 0 start value of sum() is accepted; other ints are bugs.
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.poisha - other.poisha)

    def __mul__(self, factor: int) -> Money:
        if isinstance(factor, bool) or not isinstance(factor, int):
            return NotImplemented
        return Money(self.poisha * factor)

    __rmul__ = __mul__

    def __neg__(self) -> Money:
        return Money(-self.poisha)

    def __abs__(self) -> Money:
        return Money(abs(self.poisha))


@dataclass(frozen=True, order=True)
class Count:
    """An exact number of persons (beneficiaries), reported in lakh."""

    persons: int

    def __post_init__(self) -> None:
        object.__setattr__(self, "persons", _check_int_field(self.persons, "persons"))

    @classmethod
    def zero(cls) -> Count:
        """No persons, the identity for sums."""
        return cls(0)

    @classmethod
    def from_lakh(cls, value: Decimal | int | str) -> Count:
        """Exact head count from lakh; rejects negatives and fractional persons."""
        exact = _to_fraction(value)
        if exact < 0:
            raise ValueError(f"a beneficiary count cannot be negative: {value!r}")
        return cls(_whole(exact * PERSONS_PER_LAKH, "persons", value))

    @property
    def lakh(self) -> Decimal:
        """Exact count in lakh persons."""
        return _shifted(self.persons, 5)

    def format_lakh(self, places: int = 2, lang: str = "en") -> str:
        """Lakh persons with Indian grouping; the UI adds the unit word."""
        return format_decimal(self.lakh, places, lang)

    def format_persons(self, lang: str = "en") -> str:
        """Whole persons with Indian grouping, e.g. "58,01,000"."""
        return format_decimal(self.persons, 0, lang)

    def __add__(self, other: Count) -> Count:
        if not isinstance(other, Count):
            return NotImplemented
        return Count(self.persons + other.persons)

    def __radd__(self, other: int) -> Count:
        # Only the literal 0 start value of sum() is accepted; other ints are bugs.
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: Count) -> Count:
        if not isinstance(other, Count):
            return NotImplemented
        return Count(self.persons - other.persons)
