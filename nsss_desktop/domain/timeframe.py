"""Action Plan timeframes: kept as written, parsed into a due date or a recurrence if possible."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_RECURRENCES = (
    (re.compile(r"\b(annually|each year|every year|yearly)\b", re.I), "annual"),
    (re.compile(r"\bperiodically\b", re.I), "periodic"),
    (re.compile(r"\b(quarterly|each quarter)\b", re.I), "quarterly"),
)


@dataclass(frozen=True)
class Timeframe:
    text: str
    due_date: date | None
    recurrence: str | None
    done_as_written: bool = False


def parse_timeframe(text: str) -> Timeframe:
    """'June 2017' -> due 30 June 2017; 'Each year' -> annual; '2016 (done)' -> due 31 Dec 2016."""
    raw = (text or "").strip()
    for pattern, recurrence in _RECURRENCES:
        if pattern.search(raw):
            return Timeframe(raw, None, recurrence)
    done = bool(re.search(r"\(done\)", raw, re.I))
    m = re.fullmatch(r"([A-Za-z]+)\.?,?\s+(\d{4})(\s*\(done\))?", raw, re.I)
    if m and m.group(1).lower() in _MONTHS:
        year, month = int(m.group(2)), _MONTHS[m.group(1).lower()]
        return Timeframe(raw, date(year, month, calendar.monthrange(year, month)[1]), None, done)
    m = re.fullmatch(r"(\d{4})(\s*\(done\))?", raw, re.I)
    if m:
        return Timeframe(raw, date(int(m.group(1)), 12, 31), None, done)
    return Timeframe(raw, None, None, done)
