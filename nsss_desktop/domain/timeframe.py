"""Action Plan timeframes: kept as written, parsed into a due date or a recurrence if possible.

The plan tables write timeframes by hand, in English or Bangla: "June 2017", "FY 2017-18",
"Q3 2018-19", "By 2025", "2016-2021", "২০১৬ (সম্পন্ন)", "Annually for next five years",
"Periodically". The text is always kept as written; the parser derives what it safely can:

- a **due date** (the last day of the month, quarter, fiscal year or range written), used by
  the delayed rule in `services.reform_status`;
- a **recurrence** ("annual", "periodic", ...), for activities that are never due once;
- `kind`, so an importer can tell a known free-text form ("Ongoing") from text it could not
  read, and `error` for text that *looks* like a date but is not one ("Juen 2017", "13/2017"),
  which an importer must refuse rather than silently store without a due date.

Conventions (Bangladesh): a fiscal year runs 1 July - 30 June, so "FY 2017-18" and "2017-18"
are due 30 June 2018; a bare year or a range of calendar years ("2016-2021", "2016-21") is due
31 December of the last year (also "Early/Mid/Late 2018": a due date never earlier than
meant, so nothing shows as delayed too soon); "Q3 2018-19" is the fiscal third quarter (due
31 March 2019), while "Q3 2018" is the calendar quarter; "X to Y" is due when Y is. Nothing
here reads the clock.
"""

from __future__ import annotations

import calendar
import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from nsss_desktop.domain.numbers import to_latin_digits

__all__ = ["TIMEFRAME_KINDS", "Timeframe", "parse_timeframe"]

TIMEFRAME_KINDS = ("empty", "date", "recurrence", "free_text", "unrecognised", "invalid")
_MIN_YEAR, _MAX_YEAR = 1971, 2100  # outside these a four-digit number is not a plan year


@dataclass(frozen=True)
class Timeframe:
    """A timeframe as written plus what could be derived from it (see the module docstring)."""

    text: str
    due_date: date | None
    recurrence: str | None
    done_as_written: bool = False
    kind: str = "date"
    error: str | None = None


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_BANGLA_MONTHS = {
    "জানুয়ারি": 1, "জানুয়ারী": 1, "ফেব্রুয়ারি": 2, "ফেব্রুয়ারী": 2, "মার্চ": 3, "এপ্রিল": 4,
    "মে": 5, "জুন": 6, "জুলাই": 7, "আগস্ট": 8, "আগষ্ট": 8, "সেপ্টেম্বর": 9, "অক্টোবর": 10,
    "নভেম্বর": 11, "ডিসেম্বর": 12,
}
# Bangla words mapped to the English forms the patterns below read. NFC on both sides, so
# য় written as one code point or as য + nukta compares equal.
_BANGLA_WORDS = {_nfc(k): calendar.month_name[v] for k, v in _BANGLA_MONTHS.items()}
_BANGLA_WORDS.update({_nfc(k): v for k, v in {
    "অর্থবছর": "FY", "অর্থ বছর": "FY", "সম্পন্ন": "done", "প্রতি বছর": "each year",
    "প্রতিবছর": "each year", "বার্ষিক": "annually", "সময়ে সময়ে": "periodically",
    "পর্যায়ক্রমে": "periodically", "নিয়মিত": "regularly", "চলমান": "ongoing",
    "ত্রৈমাসিক": "quarterly", "প্রতি মাসে": "monthly", "মাসিক": "monthly",
    "স্বল্পমেয়াদি": "short term", "মধ্যমেয়াদি": "medium term", "দীর্ঘমেয়াদি": "long term",
}.items()})
_BANGLA_RE = re.compile("(?<![\u0980-\u09ff])("
                        + "|".join(sorted(map(re.escape, _BANGLA_WORDS), key=len, reverse=True))
                        + ")(?![\u0980-\u09ff])")
# "২০২৫ সালের মধ্যে" (by 2025), "২০২৫ সাল" (the year 2025).
_BANGLA_BY = re.compile(_nfc(r"^(.*?)\s*(সালের মধ্যে|এর মধ্যে|এর মধ্য|মধ্যে|সাল)$"))

_RECURRENCES = (
    (re.compile(r"\b(annually|each year|every year|yearly|per year|annual)\b", re.I), "annual"),
    (re.compile(r"\b(half[- ]yearly|semi[- ]annually|every six months)\b", re.I), "half_yearly"),
    (re.compile(r"\b(quarterly|each quarter|every quarter)\b", re.I), "quarterly"),
    (re.compile(r"\b(monthly|each month|every month)\b", re.I), "monthly"),
    (re.compile(r"\b(periodically|periodic|from time to time)\b", re.I), "periodic"),
    (re.compile(r"\b(regularly|continuous(ly)?|ongoing|on-going|continuing)\b", re.I),
     "continuous"),
)
# Known free-text forms: no due date, nothing to report.
_FREE_TEXT = re.compile(
    r"(immediate(ly)?|as (and when )?(required|needed|necessary)|short[- ]term|"
    r"medium[- ]term|mid[- ]term|long[- ]term|not applicable|n/?a|tbd|to be determined)\.?",
    re.I)
_DONE = re.compile(r"\(\s*(done|completed?|achieved)\s*\)", re.I)
_PREFIX = re.compile(
    r"^(by the end of|by end of|by the end|end of|by|within|before|up to|upto|until|till|in|"
    r"during|early|mid|late)[\s-]+", re.I)
_RANGE = re.compile(r"(.+?)\s+(?:to|until|till|-)\s+(.+)", re.I)
_DASH = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2212]")
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"


def _normalise(text: str) -> str:
    """NFC, Latin digits, Bangla words to English, one space, dashes to '-'."""
    out = to_latin_digits(_nfc(text))
    out = out.replace("\u200c", "").replace("\u200d", "")
    m = _BANGLA_BY.match(out.strip())
    if m and m.group(1):
        out = "by " + m.group(1)
    out = _BANGLA_RE.sub(lambda mm: f" {_BANGLA_WORDS[mm.group(0)]} ", out)
    return re.sub(r"\s+", " ", _DASH.sub("-", out)).strip()


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


class _Invalid(ValueError):
    """The text has the shape of a date, but the date does not exist."""


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise _Invalid(f"{text} is not a plausible plan year")
    return year


def _fiscal_or_range(first: str, second: str, fiscal: bool) -> date:
    start = _year(first)
    end = int(second) if len(second) == 4 else start - start % 100 + int(second)
    if len(second) == 2 and end < start:
        end += 100
    if end == start + 1:
        return date(end, 6, 30)  # a fiscal year ends on 30 June
    if fiscal or end <= start:
        raise _Invalid(f"'{first}-{second}' is not a fiscal year (the second year must follow "
                       "the first, as in 2017-18)")
    return date(_year(str(end)), 12, 31)  # a range of calendar years


def _quarter(number: str, fy: tuple[str, str] | None, year: str | None, half: bool) -> date:
    n = int(number)
    per_year = 2 if half else 4
    if not 1 <= n <= per_year:
        raise _Invalid(f"{'H' if half else 'Q'}{n} does not exist (1-{per_year})")
    months = 12 // per_year
    if fy is not None:
        fy_end = _fiscal_or_range(fy[0], fy[1], fiscal=True)
        start_year = fy_end.year - 1
        month = 6 + n * months  # fiscal month 1 is July
        return _month_end(start_year + (month > 12), (month - 1) % 12 + 1)
    return _month_end(_year(year or ""), n * months)


_FY = r"(?:FY\s*)?(\d{4})\s*[-/]\s*(\d{2}|\d{4})"
_PATTERNS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], date]], ...] = (
    (re.compile(r"(\d{4})"), lambda m: date(_year(m[1]), 12, 31)),
    (re.compile(r"FY\s*(\d{4})", re.I), lambda m: date(_year(m[1]), 6, 30)),
    (re.compile(r"(FY\s*)?(\d{4})\s*[-/]\s*(\d{2}|\d{4})", re.I),
     lambda m: _fiscal_or_range(m[2], m[3], fiscal=bool(m[1]))),
    (re.compile(rf"([QH])\s*(\d)\s*,?\s*(?:of\s+)?{_FY}", re.I),
     lambda m: _quarter(m[2], (m[3], m[4]), None, m[1].upper() == "H")),
    (re.compile(rf"{_FY}\s*,?\s*([QH])\s*(\d)", re.I),
     lambda m: _quarter(m[4], (m[1], m[2]), None, m[3].upper() == "H")),
    (re.compile(r"([QH])\s*(\d)\s*,?\s*(\d{4})", re.I),
     lambda m: _quarter(m[2], None, m[3], m[1].upper() == "H")),
    # A two-digit year only after an apostrophe or a dash ("Jun-17", "June '17"): "June 30"
    # is a day without a year, not June 2030.
    (re.compile(rf"{_MONTH}\.?\s*(?:,?\s*(\d{{4}})|['’-]\s*(\d{{2}}))", re.I),
     lambda m: _month_end(_year(m[2] or m[3]), _MONTHS[m[1].lower()])),
    (re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?[\s-]+{_MONTH}\.?,?[\s-]+(\d{{4}})", re.I),
     lambda m: _exact(_year(m[3]), _MONTHS[m[2].lower()], int(m[1]))),
    (re.compile(rf"{_MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", re.I),
     lambda m: _exact(_year(m[3]), _MONTHS[m[1].lower()], int(m[2]))),
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"),
     lambda m: _exact(_year(m[1]), int(m[2]), int(m[3]))),
    (re.compile(r"(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4})"),
     lambda m: _exact(_year(m[4]), int(m[3]), int(m[1]))),
    (re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{4})"), lambda m: _month_year(int(m[1]), m[2])),
)


def _exact(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise _Invalid(f"{day}/{month}/{year} is not a date") from None


def _month_year(month: int, year: str) -> date:
    if not 1 <= month <= 12:
        raise _Invalid(f"month {month} does not exist")
    return _month_end(_year(year), month)


_CLOSE = Fraction(7, 10)  # how close a word must be to a month name to count as a misspelling


def _looks_like_a_date(text: str) -> str | None:
    """Why text that matched no pattern still looks like a date, or None for free text."""
    m = re.fullmatch(r"([A-Za-z]+)\.?\s*[,'’-]?\s*(\d{4}|\d{2})", text)
    if m and m[1].lower() in _MONTHS:
        return "a month and a day but no year: write the month and year, e.g. 'June 2017'"
    if m and difflib.get_close_matches(m[1].lower(), list(_MONTHS), n=1, cutoff=_CLOSE):
        return f"'{m[1]}' is not a month name (a misspelling?)"
    if re.fullmatch(r"[\d\s/.,'-]+", text) and re.search(r"\d", text):
        return "the numbers do not form a date, a fiscal year or a year"
    return None


def parse_timeframe(text: str) -> Timeframe:
    """'June 2017' -> due 30 June 2017; 'Each year' -> annual; '2016 (done)' -> due 31 Dec 2016.

    Never raises: text that looks like a date but is not one comes back with `kind`
    "invalid" and an `error`; any other unreadable text comes back as "unrecognised".
    """
    raw = _nfc((text or "").strip())
    if not raw:
        return Timeframe("", None, None, kind="empty")
    norm = _normalise(raw)
    done = bool(_DONE.search(norm)) or bool(re.search(r"\(\s*done\s*\)", norm, re.I))
    for pattern, recurrence in _RECURRENCES:
        if pattern.search(norm):
            return Timeframe(raw, None, recurrence, done, kind="recurrence")
    core = _DONE.sub("", norm).strip(" .;,")
    while (stripped := _PREFIX.sub("", core)) != core:
        core = stripped
    if _FREE_TEXT.fullmatch(core):
        return Timeframe(raw, None, None, done, kind="free_text")
    try:
        due = _due(core)
        if due is None and (m := _RANGE.fullmatch(core)) and _due(m[1]) is not None:
            due = _due(m[2])  # "July 2016 to June 2021", "2016-17 to 2020-21": the end counts
    except _Invalid as exc:
        return Timeframe(raw, None, None, done, kind="invalid", error=str(exc))
    if due is not None:
        return Timeframe(raw, due, None, done, kind="date")
    reason = _looks_like_a_date(core)
    if reason:
        return Timeframe(raw, None, None, done, kind="invalid", error=reason)
    return Timeframe(raw, None, None, done, kind="unrecognised")


def _due(core: str) -> date | None:
    """The due date of one date-shaped text, None if it has no date shape; raise `_Invalid`."""
    for pattern, build in _PATTERNS:
        m = pattern.fullmatch(core.strip())
        if m:
            return build(m)
    if _looks_like_a_date(core.strip()):
        raise _Invalid(_looks_like_a_date(core.strip()) or "")
    return None
