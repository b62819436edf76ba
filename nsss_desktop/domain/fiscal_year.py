"""Bangladesh fiscal years (1 July - 30 June) and the reporting periods inside them.

NSSS action-plan progress is reported per fiscal year and per half, quarter or month
of it. Months are numbered in fiscal order (July = 1) so that quarters and halves are
simple contiguous ranges and roll-ups never need calendar arithmetic.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from nsss_desktop.domain.numbers import to_bangla_digits, to_latin_digits

__all__ = ["FiscalYear", "Period", "PeriodKind"]

_MIN_START_YEAR = 1000
_MAX_START_YEAR = 9998  # 30 June of the following year must still be a valid date

_FY_FORMAT_HINT = "expected a fiscal year like '2023-24' (also '2023-2024', 'FY2023-24')"
# Hyphen plus the dash look-alikes that Word/Excel substitute automatically.
_FY_RE = re.compile(
    r"(?:FY\s*)?([0-9]{4})\s*[-\u2010\u2011\u2012\u2013\u2014\u2212/]\s*([0-9]{2}|[0-9]{4})",
    re.IGNORECASE,
)

# Fiscal month 1 is July.
_MONTH_ABBR = ("Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun")
_MONTH_FULL = (
    "July", "August", "September", "October", "November", "December",
    "January", "February", "March", "April", "May", "June",
)  # fmt: skip
_MONTH_BY_NAME = {
    name.lower(): i + 1 for names in (_MONTH_ABBR, _MONTH_FULL) for i, name in enumerate(names)
}
_MONTH_BY_NAME["sept"] = 3


def _as_date(d: date) -> date:
    """Accept datetimes too, but compare as plain dates (date vs datetime raises)."""
    if isinstance(d, datetime):
        return d.date()
    if not isinstance(d, date):
        raise TypeError(f"expected a date, not {type(d).__name__}")
    return d


def _fiscal_month(d: date) -> int:
    """Fiscal month number of a date: July -> 1 ... June -> 12."""
    return (d.month - 7) % 12 + 1


@dataclass(frozen=True, order=True)
class FiscalYear:
    """A Bangladesh fiscal year, identified by the calendar year in which it starts."""

    start_year: int

    def __post_init__(self) -> None:
        y = self.start_year
        if isinstance(y, bool) or not isinstance(y, int):
            raise TypeError(f"start_year must be an int, not {type(y).__name__}")
        if not _MIN_START_YEAR <= y <= _MAX_START_YEAR:
            raise ValueError(f"start_year out of range: {y}")
        object.__setattr__(self, "start_year", int(y))

    @classmethod
    def parse(cls, text: str) -> FiscalYear:
        """Parse "2023-24", "2023–24", "2023-2024", "FY 2023-24" or Bangla digits."""
        if not isinstance(text, str):
            raise TypeError(f"expected str, not {type(text).__name__}")
        m = _FY_RE.fullmatch(to_latin_digits(text.strip()))
        if not m:
            raise ValueError(f"invalid fiscal year {text!r}: {_FY_FORMAT_HINT}")
        start, end = int(m.group(1)), m.group(2)
        expected_end = start + 1 if len(end) == 4 else (start + 1) % 100
        if int(end) != expected_end:
            raise ValueError(
                f"invalid fiscal year {text!r}: the second year must follow the first; "
                f"{_FY_FORMAT_HINT}"
            )
        try:
            return cls(start)
        except ValueError:
            raise ValueError(f"invalid fiscal year {text!r}: {_FY_FORMAT_HINT}") from None

    @classmethod
    def containing(cls, d: date) -> FiscalYear:
        """The fiscal year a date falls in (30 June 2024 -> 2023-24)."""
        d = _as_date(d)
        return cls(d.year if d.month >= 7 else d.year - 1)

    @classmethod
    def range(cls, first: FiscalYear, last: FiscalYear) -> list[FiscalYear]:
        """All fiscal years from ``first`` to ``last`` inclusive (empty if last < first)."""
        return [cls(y) for y in range(first.start_year, last.start_year + 1)]

    def __str__(self) -> str:
        return f"{self.start_year}-{(self.start_year + 1) % 100:02d}"

    def label(self, lang: str = "en") -> str:
        """Display label; Bangla digits for "bn"."""
        if lang == "bn":
            return to_bangla_digits(str(self))
        if lang != "en":
            raise ValueError(f"unsupported lang {lang!r}; expected 'en' or 'bn'")
        return str(self)

    @property
    def start(self) -> date:
        """1 July of the start year."""
        return date(self.start_year, 7, 1)

    @property
    def end(self) -> date:
        """30 June of the following year (inclusive)."""
        return date(self.start_year + 1, 6, 30)

    def next(self) -> FiscalYear:
        """The following fiscal year."""
        return FiscalYear(self.start_year + 1)

    def previous(self) -> FiscalYear:
        """The preceding fiscal year."""
        return FiscalYear(self.start_year - 1)

    def __contains__(self, d: object) -> bool:
        return FiscalYear.containing(d) == self  # type: ignore[arg-type]

    def whole(self) -> Period:
        """The whole year as a Period."""
        return Period(self, PeriodKind.YEAR, 1)

    def halves(self) -> list[Period]:
        """H1 (Jul-Dec) and H2 (Jan-Jun)."""
        return self._periods(PeriodKind.HALF)

    def quarters(self) -> list[Period]:
        """Q1 (Jul-Sep) .. Q4 (Apr-Jun)."""
        return self._periods(PeriodKind.QUARTER)

    def months(self) -> list[Period]:
        """The twelve months, July first."""
        return self._periods(PeriodKind.MONTH)

    def _periods(self, kind: PeriodKind) -> list[Period]:
        return [Period(self, kind, n) for n in range(1, kind.periods_per_year + 1)]


_RANK = {"year": 0, "half": 1, "quarter": 2, "month": 3}
_MONTHS_PER_PERIOD = {"year": 12, "half": 6, "quarter": 3, "month": 1}


class PeriodKind(StrEnum):
    """Granularity of a reporting period; sorts coarse to fine (year < half < ...)."""

    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    MONTH = "month"

    @property
    def months_per_period(self) -> int:
        """Length in months (12, 6, 3, 1)."""
        return _MONTHS_PER_PERIOD[self.value]

    @property
    def periods_per_year(self) -> int:
        """How many periods of this kind make up a fiscal year (1, 2, 4, 12)."""
        return 12 // self.months_per_period

    # Alphabetical order ("half" < "month" < "quarter" < "year") is meaningless, so
    # Period ordering (which compares kinds) uses granularity instead.
    def __lt__(self, other: object) -> bool:
        if isinstance(other, PeriodKind):
            return _RANK[self.value] < _RANK[other.value]
        return NotImplemented

    def __le__(self, other: object) -> bool:
        if isinstance(other, PeriodKind):
            return _RANK[self.value] <= _RANK[other.value]
        return NotImplemented

    def __gt__(self, other: object) -> bool:
        if isinstance(other, PeriodKind):
            return _RANK[self.value] > _RANK[other.value]
        return NotImplemented

    def __ge__(self, other: object) -> bool:
        if isinstance(other, PeriodKind):
            return _RANK[self.value] >= _RANK[other.value]
        return NotImplemented


_PERIOD_FORMAT_HINT = "expected '2023-24', '2023-24 H1', '2023-24 Q3' or '2023-24 Jul'"
_PERIOD_RE = re.compile(r"(?P<fy>.+?)(?:\s+(?P<sub>[HQ][0-9]+|[A-Z]{3,9}))?", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class Period:
    """A year, half, quarter or month of a fiscal year (months: July = 1)."""

    fiscal_year: FiscalYear
    kind: PeriodKind
    number: int

    def __post_init__(self) -> None:
        if not isinstance(self.fiscal_year, FiscalYear):
            raise TypeError(f"fiscal_year must be a FiscalYear, not {type(self.fiscal_year)}")
        # Accept the plain string stored in the DB ("quarter") as well as the enum.
        object.__setattr__(self, "kind", PeriodKind(self.kind))
        n = self.number
        if isinstance(n, bool) or not isinstance(n, int):
            raise TypeError(f"number must be an int, not {type(n).__name__}")
        if not 1 <= n <= self.kind.periods_per_year:
            raise ValueError(
                f"{self.kind.value} number must be 1..{self.kind.periods_per_year}, got {n}"
            )
        object.__setattr__(self, "number", int(n))

    # -- constructors -----------------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> Period:
        """Inverse of ``str()``: "2023-24", "2023-24 H1", "2023-24 Q3", "2023-24 Jul"."""
        if not isinstance(text, str):
            raise TypeError(f"expected str, not {type(text).__name__}")
        m = _PERIOD_RE.fullmatch(to_latin_digits(text.strip()))
        if not m:
            raise ValueError(f"invalid period {text!r}: {_PERIOD_FORMAT_HINT}")
        try:
            fy = FiscalYear.parse(m.group("fy"))
        except ValueError:
            raise ValueError(f"invalid period {text!r}: {_PERIOD_FORMAT_HINT}") from None
        sub = m.group("sub")
        if sub is None:
            return cls(fy, PeriodKind.YEAR, 1)
        head = sub[0].upper()
        if head in "HQ" and sub[1:].isdigit():
            kind = PeriodKind.HALF if head == "H" else PeriodKind.QUARTER
            number = int(sub[1:])
            if 1 <= number <= kind.periods_per_year:
                return cls(fy, kind, number)
        elif sub.lower() in _MONTH_BY_NAME:
            return cls(fy, PeriodKind.MONTH, _MONTH_BY_NAME[sub.lower()])
        raise ValueError(f"invalid period {text!r}: {_PERIOD_FORMAT_HINT}")

    @classmethod
    def containing(cls, d: date, kind: PeriodKind | str) -> Period:
        """The period of the given kind that a date falls in."""
        d = _as_date(d)
        kind = PeriodKind(kind)
        number = (_fiscal_month(d) - 1) // kind.months_per_period + 1
        return cls(FiscalYear.containing(d), kind, number)

    @classmethod
    def from_key(cls, key: tuple[int, str, int]) -> Period:
        """Inverse of :attr:`key`, for rows read back from the database."""
        start_year, kind, number = key
        return cls(FiscalYear(start_year), PeriodKind(kind), number)

    # -- views ------------------------------------------------------------------------

    @property
    def key(self) -> tuple[int, str, int]:
        """(start_year, kind, number) with plain types, for DB columns."""
        return (self.fiscal_year.start_year, self.kind.value, self.number)

    @property
    def _first_fiscal_month(self) -> int:
        return (self.number - 1) * self.kind.months_per_period + 1

    @property
    def _last_fiscal_month(self) -> int:
        return self.number * self.kind.months_per_period

    def _calendar(self, fiscal_month: int) -> tuple[int, int]:
        """(year, month) of a fiscal month in this period's fiscal year."""
        month = (fiscal_month + 5) % 12 + 1
        year = self.fiscal_year.start_year + (0 if fiscal_month <= 6 else 1)
        return year, month

    @property
    def start(self) -> date:
        """First day of the period."""
        year, month = self._calendar(self._first_fiscal_month)
        return date(year, month, 1)

    @property
    def end(self) -> date:
        """Last day of the period (inclusive)."""
        year, month = self._calendar(self._last_fiscal_month)
        return date(year, month, calendar.monthrange(year, month)[1])

    def contains(self, d: date) -> bool:
        """Whether the date falls within the period (both ends inclusive)."""
        return self.start <= _as_date(d) <= self.end

    def __contains__(self, d: object) -> bool:
        return self.contains(d)  # type: ignore[arg-type]

    def months(self) -> list[Period]:
        """The month periods this period covers, in order, for rolling up."""
        return [
            Period(self.fiscal_year, PeriodKind.MONTH, m)
            for m in range(self._first_fiscal_month, self._last_fiscal_month + 1)
        ]

    def __str__(self) -> str:
        fy = str(self.fiscal_year)
        if self.kind is PeriodKind.YEAR:
            return fy
        if self.kind is PeriodKind.HALF:
            return f"{fy} H{self.number}"
        if self.kind is PeriodKind.QUARTER:
            return f"{fy} Q{self.number}"
        return f"{fy} {_MONTH_ABBR[self.number - 1]}"
