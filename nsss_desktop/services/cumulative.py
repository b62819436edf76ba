"""Figures between two dates (domain.md, "Cumulative between dates").

Flows (money budgeted, spent or disbursed) are summed over the whole periods inside the range;
stocks (beneficiaries on the rolls) are read as of the last period in the range and never summed
over time; rates (the monthly benefit) are read as of the last period and never summed across
programmes. A period only partly inside the range is left out, never pro-rated, and listed so
the screen can say so ("2023-24 Q2 left out: it ends after 15 Nov 2023").

Within each fiscal year the figures of the periods inside the range go through the dashboards'
own rule (`rollup.compute`): the same source and stage are chosen, a whole-year figure wins,
otherwise the kind of period covering most of the range is used (so two months of monthly
figures never hide a complete quarter), and ministry shares add up to the programme once. A
range of exactly one fiscal year therefore gives the national series of that year.

Totals count each programme once (`figures.counted_in_totals`): published national totals are
never added, a component is left out where its aggregate has a value, and programmes counted in
families are totalled apart from those counted in persons. Stocks are totalled as of the range's
last fiscal year (`stock_year`): a programme whose last figure is older is shown with its date
but not added, so a total never mixes head counts taken years apart.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from nsss_desktop.domain import Count, FiscalYear, Money, Period, PeriodKind
from nsss_desktop.domain.measures import MEASURES, NOT_AVAILABLE, MeasureKind, _NotAvailable
from nsss_desktop.errors import UsageError
from nsss_desktop.services import rollup
from nsss_desktop.services.figures import Chosen, counted_in_totals
from nsss_desktop.store.models import Figure, Programme, Source

Value = Money | Count | _NotAvailable


@dataclass(frozen=True)
class LeftOut:
    """A period with figures that is only partly inside the range, so none of it is used."""

    period: Period
    starts_before: bool
    ends_after: bool
    start: date  # the range, for the message
    end: date

    @property
    def message(self) -> str:
        reasons = []
        if self.starts_before:
            reasons.append(f"starts before {_day(self.start)}")
        if self.ends_after:
            reasons.append(f"ends after {_day(self.end)}")
        return f"{self.period} left out: it {' and '.join(reasons)}"


@dataclass(frozen=True)
class Note:
    """Something the reader of the result must know; `code` is stable for translation."""

    code: str
    message: str


@dataclass(frozen=True)
class MeasureValue:
    """A programme's value for the range.

    `months` is how many months of figures went into it (a flow over 6 months with figures for
    3 has 3); `as_of` is the period a stock or rate was read at; `counted` says whether it is
    in the totals (False for rates, components whose aggregate has a value, and stocks older
    than the range's last fiscal year).
    """

    value: Value
    months: int
    as_of: Period | None = None
    counted: bool = False


@dataclass
class ProgrammeCumulative:
    programme_id: str
    programme_code: str
    name_en: str
    beneficiary_unit: str
    values: dict[str, MeasureValue] = field(default_factory=dict)
    periods: tuple[Period, ...] = ()  # the periods whose figures were used


@dataclass
class CumulativeResult:
    start: date
    end: date
    scope: str
    range_months: int  # whole months inside the range
    programmes: list[ProgrammeCumulative] = field(default_factory=list)
    totals: dict[str, Money | Count] = field(default_factory=dict)  # flows; stocks in persons
    family_totals: dict[str, Count] = field(default_factory=dict)  # stocks counted in families
    stock_year: FiscalYear | None = None  # stocks in the totals are as of this fiscal year
    included: tuple[Period, ...] = ()
    left_out: tuple[LeftOut, ...] = ()
    notes: list[Note] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.programmes


def _day(d: date) -> str:
    return f"{d.day} {d:%b %Y}"


def _as_date(d: date, name: str) -> date:
    if isinstance(d, datetime):
        return d.date()
    if not isinstance(d, date):
        raise UsageError(f"The {name} of the range must be a date, not {d!r}.")
    return d


def _whole_months(start: date, end: date) -> list[Period]:
    """The calendar months wholly inside [start, end], as month periods."""
    months = []
    month = Period.containing(start, PeriodKind.MONTH)
    while month.start <= end:
        if month.start >= start and month.end <= end:
            months.append(month)
        month = Period.containing(month.end + timedelta(days=1), PeriodKind.MONTH)
    return months


def _wrap(measure: str, value: object) -> Value:
    if not isinstance(value, int):
        return NOT_AVAILABLE
    return Count(value) if MEASURES[measure].unit == "count" else Money(value)


@dataclass
class _YearPick:
    """One programme-year's chosen value for a measure, from the periods inside the range."""

    value: int | None  # None: not available
    months: int
    as_of: Period
    periods: tuple[Period, ...]


def _year_picks(fy: int, cands: list[rollup.Candidate]) -> dict[str, _YearPick]:
    """The dashboards' rule on the candidates of one programme-year inside the range."""
    out = {}
    for (ministry_key, measure), pick in rollup.compute(cands).items():
        if ministry_key != "":
            continue
        kind = PeriodKind(pick.period_kind)
        used = sorted({c.period_no for c in cands
                       if c.period_kind == kind.value and c.values.get(measure) is not None})
        numbered = [c.period_no for c in cands if c.period_kind == kind.value
                    and isinstance(c.values.get(measure), int)]
        last = max(numbered) if numbered else used[-1]
        out[measure] = _YearPick(pick.value, pick.months, Period(FiscalYear(fy), kind, last),
                                 tuple(Period(FiscalYear(fy), kind, n) for n in used))
    return out


def cumulative_between(session: Session, start: date, end: date, *, scope: str = "approved",
                       programme_ids: set[str] | None = None) -> CumulativeResult:
    """Flows summed, stocks and rates as of the last period, over the whole periods in range.

    Args:
        start, end: the range, both days included.
        scope: approved (default), submitted (approved and submitted) or working (drafts too).
        programme_ids: restrict to these programmes (a ministry, cluster or life-cycle view).

    Raises:
        UsageError: the end is before the start, or the scope is unknown.
    """
    start, end = _as_date(start, "start"), _as_date(end, "end")
    if end < start:
        raise UsageError(f"The range ends ({end}) before it starts ({start}).")
    if scope not in rollup.SCOPES:
        raise UsageError(f"'{scope}' is not a scope.",
                         hint=f"Use one of: {', '.join(rollup.SCOPES)}.")
    months = _whole_months(start, end)
    result = CumulativeResult(start, end, scope, len(months))
    result.stock_year = months[-1].fiscal_year if months else None
    everything = {p.id: p for p in session.scalars(select(Programme)) if not p.is_budget_total}
    shown = set(everything) if programme_ids is None else set(everything) & set(programme_ids)
    # The aggregates of the programmes shown are read too, only to know whether a component
    # is counted (as `figures.national_series` does for a ministry or cluster view).
    read = shown | {everything[i].part_of_id for i in shown if everything[i].part_of_id}
    programmes = {i: everything[i] for i in read if i in everything}
    inside, left_out = _candidates(session, result, programmes, shown,
                                   restrict=programme_ids is not None)
    result.left_out = left_out

    # programme id -> measure -> fiscal year -> pick
    picks: dict[str, dict[str, dict[int, _YearPick]]] = defaultdict(lambda: defaultdict(dict))
    for (programme_id, fy), cands in inside.items():
        for measure, pick in _year_picks(fy, cands).items():
            picks[programme_id][measure][fy] = pick
    if not set(picks) & shown:
        result.notes.append(Note("no_figures", _no_figures_message(result)))
        return result
    _fill(result, programmes, picks, shown)
    return result


def _candidates(session: Session, result: CumulativeResult, programmes: dict[str, Programme],
                shown: set[str], *, restrict: bool
                ) -> tuple[dict[tuple[str, int], list[rollup.Candidate]], tuple[LeftOut, ...]]:
    """The figure rows of whole periods inside the range, as rollup candidates per
    programme-year, and the periods with figures that are only partly inside."""
    start, end = result.start, result.end
    query = (select(Figure, Source.code).outerjoin(Source, Source.id == Figure.source_id)
             .where(Figure.fiscal_year.between(FiscalYear.containing(start).start_year,
                                               FiscalYear.containing(end).start_year),
                    Figure.approval_state.in_(rollup.SCOPES[result.scope])))
    if restrict:
        query = query.where(Figure.programme_id.in_(programmes))
    inside: dict[tuple[str, int], list[rollup.Candidate]] = defaultdict(list)
    left_out: dict[Period, LeftOut] = {}
    for f, code in session.execute(query):
        values = rollup.candidate_values(f)
        if f.programme_id not in programmes or not values:
            continue  # another programme, or a row that only carries a breakdown
        period = Period.from_key((f.fiscal_year, f.period_kind, f.period_no))
        if period.end < start or period.start > end:
            continue
        if period.start < start or period.end > end:
            if f.programme_id in shown:
                left_out[period] = LeftOut(period, period.start < start, period.end > end,
                                           start, end)
            continue
        inside[(f.programme_id, f.fiscal_year)].append(rollup.Candidate(
            f.ministry_id, f.period_kind, f.period_no, f.stage, f.approval_state, code or "",
            bool(f.synthetic), values))
    return inside, tuple(left_out[p] for p in sorted(left_out))


def _no_figures_message(result: CumulativeResult) -> str:
    message = (f"No figures cover whole periods between {_day(result.start)} and "
               f"{_day(result.end)}.")
    if result.left_out:
        message += (f" {len(result.left_out)} period(s) with figures are only partly inside the "
                    "range and were left out.")
    return message


def _fill(result: CumulativeResult, programmes: dict[str, Programme],
          picks: dict[str, dict[str, dict[int, _YearPick]]], shown: set[str]) -> None:
    """Per-programme values, then the totals, counting each programme once."""
    # (programme id, fiscal year, measure) -> value, as `figures.counted_in_totals` reads it.
    chosen = {(pid, fy, measure): Chosen(p.value, "", "", False)
              for pid, by_measure in picks.items() for measure, years in by_measure.items()
              for fy, p in years.items() if p.value is not None}
    totals: dict[str, int] = defaultdict(int)
    families: dict[str, int] = defaultdict(int)
    stale: dict[str, list[str]] = defaultdict(list)  # measure -> "CODE (as of)"
    for programme_id in sorted(set(picks) & shown, key=lambda pid: programmes[pid].code):
        programme = programmes[programme_id]
        row = ProgrammeCumulative(programme_id, programme.code, programme.name_en,
                                  programme.beneficiary_unit)
        used: set[Period] = set()
        for measure, years in picks[programme_id].items():
            for p in years.values():
                used.update(p.periods)
            numbers = {fy: p.value for fy, p in years.items() if p.value is not None}
            if MEASURES[measure].kind is MeasureKind.FLOW:
                counted = [fy for fy in numbers
                           if counted_in_totals(programme, fy, measure, chosen)]
                if counted:
                    totals[measure] += sum(numbers[fy] for fy in counted)
                if 0 < len(counted) < len(numbers):
                    result.notes.append(Note("partly_counted", (
                        f"{programme.code}: {MEASURES[measure].label_en.lower()} is in the "
                        f"total only for {', '.join(str(FiscalYear(y)) for y in counted)}; in "
                        "the other years its aggregate programme has a figure of its own.")))
                months = sum(years[fy].months for fy in numbers)
                row.values[measure] = MeasureValue(
                    _wrap(measure, sum(numbers.values()) if numbers else None), months,
                    counted=bool(counted) and len(counted) == len(numbers))
                continue
            last = years[max(numbers)] if numbers else years[max(years)]
            counted_now = False
            if MEASURES[measure].kind is MeasureKind.STOCK and last.value is not None:
                year = last.as_of.fiscal_year
                if year != result.stock_year:
                    stale[measure].append(f"{programme.code} ({last.as_of})")
                elif counted_in_totals(programme, year.start_year, measure, chosen):
                    counted_now = True
                    target = families if programme.beneficiary_unit == "families" else totals
                    target[measure] += last.value
            row.values[measure] = MeasureValue(_wrap(measure, last.value), last.months,
                                               last.as_of, counted_now)
        row.periods = tuple(sorted(used))
        result.programmes.append(row)
    result.included = tuple(sorted({p for row in result.programmes for p in row.periods}))
    result.totals = {m: Count(v) if MEASURES[m].unit == "count" else Money(v)
                     for m, v in totals.items()}
    result.family_totals = {m: Count(v) for m, v in families.items()}
    for measure, names in stale.items():
        result.notes.append(Note("stock_not_current", (
            f"{MEASURES[measure].label_en} of {', '.join(names)} are from before "
            f"{result.stock_year}: shown, but not in the total as of {result.stock_year}.")))
    if result.left_out:
        first = "; ".join(lo.message for lo in result.left_out[:5])
        more = "; …" if len(result.left_out) > 5 else ""
        result.notes.append(Note("periods_left_out", (
            f"{len(result.left_out)} period(s) only partly inside the range were left out: "
            f"{first}{more}.")))
