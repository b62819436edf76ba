"""Annual targets per programme (or ministry share), and progress against them.

A target is set once a year per programme and measure of `measures.TARGET_MEASURES`, in the
measure's base unit so it compares exactly with the figures: poisha for money, persons for
counts, hundredths of a percent for coverage (1234 = 12.34 %). "Not available" (no target was
set, said explicitly) is stored apart from zero and from blank (nobody entered one), the same
three-way distinction the figures make.

Progress reads the actuals from the rollup (`services.rollup`), so a target screen shows the very
value the dashboards show, chosen by the same rule. Coverage has no figure of its own: it is the
active beneficiaries reported against the eligible population recorded with the targets.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from nsss_desktop.domain import Count, FiscalYear, Money
from nsss_desktop.domain.measures import MEASURES, NOT_AVAILABLE, TARGET_MEASURES, _NotAvailable
from nsss_desktop.errors import UsageError
from nsss_desktop.services.rollup import SCOPES
from nsss_desktop.store.models import (
    Ministry,
    Programme,
    ProgrammeMinistry,
    ProgrammeTarget,
    ProgrammeYearRollup,
)

TargetValue = Money | Count | Decimal | _NotAvailable
# The measures progress is reported for: the eligible population is the denominator of
# coverage, not something a programme achieves, so it has no progress row of its own.
PROGRESS_MEASURES = tuple(m for m in TARGET_MEASURES if m != "eligible_population")
# At 90 % of the target a programme is "on track": close enough that the rest of the year's
# enrolment or a revised budget can still meet it; below that it is "behind".
ON_TRACK_PERCENT = 90
STATUSES = ("met", "on_track", "behind", "no_target", "no_actual")
_HUNDREDTH = Decimal("0.01")
_TENTH = Decimal("0.1")


@dataclass(frozen=True)
class Target:
    """One stored target; `value` is NOT_AVAILABLE when the ministry said there is none."""

    programme_code: str
    ministry_code: str | None  # None: the programme as a whole
    fiscal_year: FiscalYear
    measure: str
    value: TargetValue
    note: str


@dataclass(frozen=True)
class TargetProgress:
    """One programme (or ministry share) × measure: target, actual and how far it got.

    `target` and `actual` are None when blank, NOT_AVAILABLE when reported as not available.
    `percent_achieved` is actual / target × 100 to one place; None when either side is missing
    or the target is zero. `actual_months` says how much of the year the actual covers (a
    budget read from three quarters covers 9); `status` is one of met, on_track (at least
    90 %), behind, no_target, no_actual.
    """

    programme_code: str
    programme_name_en: str
    ministry_code: str | None
    fiscal_year: FiscalYear
    measure: str
    target: TargetValue | None
    actual: TargetValue | None
    percent_achieved: Decimal | None
    status: str
    actual_months: int | None = None
    actual_stage: str = ""


# --- values in and out ------------------------------------------------------------------------


def _stored(measure: str, value: object) -> int | None:
    """The base-unit integer for a target value; UsageError if it does not fit the measure."""
    if value is NOT_AVAILABLE:
        return None
    unit = MEASURES[measure].unit
    label = MEASURES[measure].label_en.lower()
    if unit == "money" and isinstance(value, Money):
        number = value.poisha
    elif unit == "count" and isinstance(value, Count):
        number = value.persons
    elif unit == "percent" and isinstance(value, Decimal | int) and not isinstance(value, bool):
        exact = Decimal(value)
        if not exact.is_finite():
            raise UsageError(f"The {label} target must be a number.")
        hundredths = exact * 100
        if hundredths != hundredths.to_integral_value():
            raise UsageError(f"The {label} target {value} % has more than 2 decimals.",
                             hint="Give the percentage to at most 2 decimals, e.g. 12.34.")
        if exact > 100:
            raise UsageError(f"The {label} target {value} % is above 100 %.",
                             hint="Coverage is a share of the eligible population.")
        number = int(hundredths)
    else:
        wanted = {"money": "an amount of money (Money)", "count": "a number of persons (Count)",
                  "percent": "a percentage (Decimal, not a float)"}[unit]
        raise UsageError(f"The {label} target must be {wanted}, not {value!r}.")
    if number < 0:
        raise UsageError(f"The {label} target is negative; a target is never below zero.")
    return number


def _value(measure: str, stored: int | None, not_available: bool) -> TargetValue | None:
    if stored is None:
        return NOT_AVAILABLE if not_available else None
    unit = MEASURES[measure].unit
    if unit == "money":
        return Money(stored)
    if unit == "count":
        return Count(stored)
    return Decimal(stored).scaleb(-2)  # hundredths of a percent -> "12.34"


def _resolve(session: Session, programme_code: str, ministry_code: str | None
             ) -> tuple[Programme, Ministry | None]:
    programme = session.scalar(select(Programme).where(Programme.code == programme_code))
    if programme is None:
        raise UsageError(f"There is no programme with code '{programme_code}'.",
                         hint="Use a code from the programme register.")
    if programme.is_budget_total:
        raise UsageError(f"{programme_code} is a published national total, not a programme; "
                         "targets are set per programme.")
    if ministry_code is None:
        return programme, None
    ministry = session.scalar(select(Ministry).where(Ministry.code == ministry_code))
    if ministry is None:
        raise UsageError(f"There is no ministry with code '{ministry_code}'.")
    implementing = set(session.scalars(select(ProgrammeMinistry.ministry_id)
                                       .where(ProgrammeMinistry.programme_id == programme.id)))
    if ministry.id not in implementing | {programme.lead_ministry_id}:
        raise UsageError(f"{ministry_code} does not implement {programme_code}; a ministry "
                         "sets targets only for its own share of its programmes.")
    return programme, ministry


# --- writing ----------------------------------------------------------------------------------


def set_target(session: Session, programme_code: str, fiscal_year: FiscalYear, measure: str,
               value: TargetValue, ministry_code: str | None = None, note: str = ""
               ) -> ProgrammeTarget:
    """Set (or replace) one annual target; call inside a unit of work.

    Args:
        value: `Money` for budget and benefit value, `Count` for active beneficiaries and the
            eligible population, a `Decimal` percent (at most 2 decimals, 0-100) for coverage,
            or `NOT_AVAILABLE` when no target was set.
        ministry_code: None for the programme as a whole, else an implementing ministry whose
            share the target is.

    Raises:
        UsageError: an unknown programme, ministry or measure, a value of the wrong kind, a
            negative value, or a coverage with more than 2 decimals.
    """
    if measure not in TARGET_MEASURES:
        raise UsageError(f"'{measure}' cannot have a target.",
                         hint=f"Targets are set for: {', '.join(TARGET_MEASURES)}.")
    if not isinstance(fiscal_year, FiscalYear):
        raise UsageError(f"The fiscal year must be a FiscalYear, not {fiscal_year!r}.")
    number = _stored(measure, value)
    programme, ministry = _resolve(session, programme_code, ministry_code)
    ministry_id = ministry.id if ministry else None
    row = session.scalar(select(ProgrammeTarget).where(
        ProgrammeTarget.programme_id == programme.id,
        ProgrammeTarget.ministry_id.is_(None) if ministry_id is None
        else ProgrammeTarget.ministry_id == ministry_id,
        ProgrammeTarget.fiscal_year == fiscal_year.start_year,
        ProgrammeTarget.measure == measure))
    if row is None:
        row = ProgrammeTarget(programme_id=programme.id, ministry_id=ministry_id,
                              fiscal_year=fiscal_year.start_year, measure=measure)
        session.add(row)
    # Assign only what changed, so setting the same target again writes no journal entry.
    for attr, new in (("value", number), ("not_available", value is NOT_AVAILABLE),
                      ("note", note.strip())):
        if getattr(row, attr) != new:
            setattr(row, attr, new)
    session.flush()
    return row


def remove_target(session: Session, programme_code: str, fiscal_year: FiscalYear, measure: str,
                  ministry_code: str | None = None) -> bool:
    """Delete a target entered in error (blank again); True if there was one."""
    programme, ministry = _resolve(session, programme_code, ministry_code)
    rows = session.scalars(select(ProgrammeTarget).where(
        ProgrammeTarget.programme_id == programme.id,
        ProgrammeTarget.ministry_id.is_(None) if ministry is None
        else ProgrammeTarget.ministry_id == ministry.id,
        ProgrammeTarget.fiscal_year == fiscal_year.start_year,
        ProgrammeTarget.measure == measure)).all()
    for row in rows:
        session.delete(row)
    session.flush()
    return bool(rows)


# --- reading ----------------------------------------------------------------------------------


def _target_rows(session: Session, fiscal_year: FiscalYear, programme_codes: set[str] | None
                 ) -> list[tuple[ProgrammeTarget, Programme, str | None]]:
    query = (select(ProgrammeTarget, Programme, Ministry.code)
             .join(Programme, Programme.id == ProgrammeTarget.programme_id)
             .outerjoin(Ministry, Ministry.id == ProgrammeTarget.ministry_id)
             .where(ProgrammeTarget.fiscal_year == fiscal_year.start_year))
    if programme_codes is not None:
        query = query.where(Programme.code.in_(programme_codes))
    return [(t, p, m) for t, p, m in session.execute(query)]


def targets(session: Session, fiscal_year: FiscalYear,
            programme_codes: set[str] | list[str] | None = None) -> list[Target]:
    """The targets of a year, by programme code, ministry (programme level first) and measure."""
    codes = set(programme_codes) if programme_codes is not None else None
    out = [Target(p.code, m, fiscal_year, t.measure,
                  NOT_AVAILABLE if t.value is None else _value(t.measure, t.value, False),
                  t.note)
           for t, p, m in _target_rows(session, fiscal_year, codes)]
    order = {k: i for i, k in enumerate(TARGET_MEASURES)}
    return sorted(out, key=lambda t: (t.programme_code, t.ministry_code or "",
                                      order.get(t.measure, 99)))


def _percent(actual: int, target: int) -> Decimal | None:
    if not target:
        return None
    return (Decimal(actual) * 100 / Decimal(target)).quantize(_TENTH, ROUND_HALF_UP)


def _status(actual: int | None, target: int | None) -> str:
    """Compare the exact integers, not the rounded percent (99.96 % is not met)."""
    if target is None:
        return "no_target"
    if actual is None:
        return "no_actual"
    if actual >= target:
        return "met"
    if actual * 100 >= ON_TRACK_PERCENT * target:
        return "on_track"
    return "behind"


def progress(session: Session, fiscal_year: FiscalYear, scope: str = "approved",
             programme_codes: set[str] | list[str] | None = None) -> list[TargetProgress]:
    """Target against actual for every programme (or ministry share) with a target this year.

    `programme_codes` also lists programmes that have no target yet (status no_target), so a
    ministry can see what is left to set. The actual of a ministry share is the share's own
    rollup value; budget is the revised budget where one exists, else the original.
    """
    if scope not in SCOPES:
        raise UsageError(f"'{scope}' is not a scope.", hint=f"Use one of: {', '.join(SCOPES)}.")
    codes = set(programme_codes) if programme_codes is not None else None
    fy = fiscal_year.start_year
    # (programme id, ministry id or "") -> measure -> (stored, not_available)
    set_targets: dict[tuple[str, str], dict[str, tuple[int | None, bool]]] = {}
    programmes: dict[str, Programme] = {}
    ministry_codes: dict[str, str | None] = {"": None}
    for t, p, m in _target_rows(session, fiscal_year, codes):
        key = (p.id, t.ministry_id or "")
        set_targets.setdefault(key, {})[t.measure] = (t.value, bool(t.not_available))
        programmes[p.id] = p
        ministry_codes[t.ministry_id or ""] = m
    if codes:
        for p in session.scalars(select(Programme).where(Programme.code.in_(codes),
                                                         Programme.is_budget_total.is_(False))):
            programmes[p.id] = p
            set_targets.setdefault((p.id, ""), {})
    if not set_targets:
        return []
    rollup_measures = {"active_beneficiaries", "benefit_value", "budget"}
    actuals: dict[tuple[str, str, str], ProgrammeYearRollup] = {
        (r.programme_id, r.ministry_id, r.measure): r
        for r in session.scalars(select(ProgrammeYearRollup).where(
            ProgrammeYearRollup.scope == scope, ProgrammeYearRollup.fiscal_year == fy,
            ProgrammeYearRollup.programme_id.in_({k[0] for k in set_targets}),
            ProgrammeYearRollup.measure.in_(rollup_measures)))}
    out: list[TargetProgress] = []
    for (programme_id, ministry_id), by_measure in set_targets.items():
        p = programmes[programme_id]
        for measure in PROGRESS_MEASURES:
            stored, na = by_measure.get(measure, (None, False))
            if measure == "coverage":
                actual = _coverage_actual(
                    actuals.get((programme_id, ministry_id, "active_beneficiaries")),
                    by_measure.get("eligible_population", (None, False))[0])
            else:
                actual = _actual(measure, actuals.get((programme_id, ministry_id, measure)))
            number, value, months, stage = actual
            percent = _percent(number, stored) if stored is not None and number is not None \
                else None
            out.append(TargetProgress(
                p.code, p.name_en, ministry_codes.get(ministry_id), fiscal_year, measure,
                _value(measure, stored, na), value, percent, _status(number, stored), months,
                stage))
    order = {k: i for i, k in enumerate(PROGRESS_MEASURES)}
    return sorted(out, key=lambda r: (r.programme_code, r.ministry_code or "",
                                      order[r.measure]))


def _actual(measure: str, row: ProgrammeYearRollup | None
            ) -> tuple[int | None, TargetValue | None, int | None, str]:
    """(comparable number, value to show, months covered, stage) of a rollup row."""
    if row is None:
        return None, None, None, ""
    return row.value, _value(measure, row.value, bool(row.not_available)), row.months, row.stage


def _coverage_actual(active: ProgrammeYearRollup | None, eligible: int | None
                     ) -> tuple[int | None, TargetValue | None, int | None, str]:
    """Active beneficiaries as hundredths of a percent of the eligible population.

    Only when both exist: a coverage computed against a missing or zero population would be a
    made-up number.
    """
    if active is None:
        return None, None, None, ""
    if active.value is None:
        return None, NOT_AVAILABLE, active.months, active.stage
    if not eligible:
        return None, None, active.months, active.stage
    percent = (Decimal(active.value) * 100 / Decimal(eligible)).quantize(_HUNDREDTH,
                                                                         ROUND_HALF_UP)
    return int(percent * 100), percent, active.months, active.stage
