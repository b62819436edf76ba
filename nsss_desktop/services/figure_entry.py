"""Entering a period's figures: validation rules, the missing-figures view, and saving.

The data-entry form, the Excel template and the Finance Division table importer all end here,
so a rule holds whichever way figures arrive. Errors block saving (nothing is written);
warnings are shown and the figures are saved with them. Entered figures are the ministry's own
rows (no source document, stage `actual`, one row per programme × ministry × period), written
as drafts; an approved or submitted period is locked until GED returns it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from nsss_desktop.domain import Count, Money, Period
from nsss_desktop.domain.measures import FIGURE_MEASURES, NOT_AVAILABLE, MeasureKind
from nsss_desktop.errors import ImportRefused, Problem
from nsss_desktop.services.figure_input import DisaggregationInput, FigureInput, Issue, Value
from nsss_desktop.store.models import (
    Figure,
    FigureDisaggregation,
    Ministry,
    Programme,
    ProgrammeMinistry,
    Source,
)

# Disbursement may differ from benefit × beneficiaries × months by this much before a warning
# (arrears, mid-period enrolment and rounding make small differences normal).
DISBURSEMENT_TOLERANCE = Decimal("0.10")
CATEGORIES = {"gender": ("female", "male", "third_gender"), "area": ("rural", "urban")}
LOCKED_STATES = ("approved", "submitted")
_MEASURE_BY_KEY = {m.key: m for m in FIGURE_MEASURES}


@dataclass(frozen=True)
class SaveResult:
    inserted: int
    updated: int
    unchanged: int
    warnings: tuple[Issue, ...] = ()


@dataclass(frozen=True)
class Resolved:
    """An input with its database ids, or None where the code is unknown."""

    input: FigureInput
    programme: Programme | None
    ministry: Ministry | None


def _issue(level: str, code: str, message: str, fi: FigureInput, measure: str = "") -> Issue:
    where = fi.where
    if measure and measure in fi.cells:
        where = f"{where}, cell {fi.cells[measure]}" if where else f"cell {fi.cells[measure]}"
    return Issue(level, code, message, measure, where,  # type: ignore[arg-type]
                 fi.programme_code)


def _number(v: Value) -> int | None:
    if isinstance(v, Money):
        return v.poisha
    if isinstance(v, Count):
        return v.persons
    return None


def _show(measure: str, amount: int) -> str:
    m = _MEASURE_BY_KEY[measure]
    if m.unit == "count":
        return f"{Count(amount).format_lakh()} lakh ({Count(amount).format_persons()} persons)"
    if m.kind is MeasureKind.RATE:
        return f"Tk {Money(amount).format_taka()}"
    return f"{Money(amount).format_crore()} crore taka"


def _label(measure: str) -> str:
    return _MEASURE_BY_KEY[measure].label_en.lower() if measure in _MEASURE_BY_KEY else measure


# --- resolving codes --------------------------------------------------------------------------


def _implementing(session: Session, programme_ids: set[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    if not programme_ids:
        return out
    for p, m in session.execute(select(ProgrammeMinistry.programme_id,
                                       ProgrammeMinistry.ministry_id)
                                .where(ProgrammeMinistry.programme_id.in_(programme_ids))):
        out[p].add(m)
    for p, m in session.execute(select(Programme.id, Programme.lead_ministry_id)
                                .where(Programme.id.in_(programme_ids))):
        if m:
            out[p].add(m)
    return out


def resolve(session: Session, inputs: list[FigureInput]) -> list[Resolved]:
    codes = {fi.programme_code.strip().upper() for fi in inputs}
    programmes = {p.code.upper(): p for p in session.scalars(select(Programme))
                  if p.code.upper() in codes}
    ministries = {m.code.upper(): m for m in session.scalars(select(Ministry))}
    return [Resolved(fi, programmes.get(fi.programme_code.strip().upper()),
                     ministries.get(fi.ministry_code.strip().upper())
                     if fi.ministry_code else None) for fi in inputs]


# --- the rules --------------------------------------------------------------------------------


def _check_values(fi: FigureInput) -> list[Issue]:
    issues = []
    for key, value in fi.values.items():
        if key not in _MEASURE_BY_KEY:
            issues.append(_issue("error", "unknown_measure", f"'{key}' is not a measure.", fi))
            continue
        number = _number(value)
        if value is not None and value is not NOT_AVAILABLE and number is None:
            issues.append(_issue("error", "bad_value", f"The {_label(key)} is not a number.",
                                 fi, key))
        elif number is not None and number < 0:
            issues.append(_issue("error", "negative", f"The {_label(key)} is negative; "
                                 "counts and amounts are never below zero.", fi, key))
    for d in fi.disaggregations:
        for v in (d.beneficiaries, d.amount):
            if v is not None and _number(v) is not None and _number(v) < 0:  # type: ignore[operator]
                issues.append(_issue("error", "negative", f"The {d.dimension} breakdown "
                                     f"'{d.category}' is negative.", fi, d.dimension))
    return issues


def _check_breakdowns(fi: FigureInput) -> list[Issue]:
    """Each breakdown of the whole programme adds up to its total."""
    issues = []
    totals = {"beneficiaries": _number(fi.values.get("active_beneficiaries")),
              "amount": _number(fi.values.get("amount_disbursed"))}
    groups: dict[tuple[str, str], list[DisaggregationInput]] = defaultdict(list)
    seen: set[tuple[str, str, str]] = set()
    for d in fi.disaggregations:
        key = (d.dimension, d.category, d.geo_code)
        if key in seen:
            issues.append(_issue("error", "duplicate_breakdown", f"The {d.dimension} "
                                 f"'{d.category}'{' in ' + d.geo_code if d.geo_code else ''} "
                                 "is given twice; keep one row.", fi, d.dimension))
        seen.add(key)
        allowed = CATEGORIES.get(d.dimension)
        if allowed and d.category not in allowed:
            issues.append(_issue("error", "unknown_category", f"'{d.category}' is not a "
                                 f"{d.dimension} category (use {', '.join(allowed)}).", fi,
                                 d.dimension))
        groups[(d.dimension, d.geo_code)].append(d)
    geo_totals: dict[str, dict[str, int]] = defaultdict(dict)
    for (dimension, _geo), rows in groups.items():
        if dimension in ("division", "district"):
            for r in rows:
                for part in ("beneficiaries", "amount"):
                    n = _number(getattr(r, part))
                    if n is not None:
                        geo_totals[r.category][part] = n
    for (dimension, geo), rows in groups.items():
        for part, measure in (("beneficiaries", "active_beneficiaries"),
                              ("amount", "amount_disbursed")):
            values = [_number(getattr(r, part)) for r in rows]
            if all(v is None for v in values):
                continue
            parts_sum = sum(v for v in values if v is not None)
            if dimension in ("division", "district"):
                if geo == "" and totals[part] is not None and parts_sum > totals[part]:
                    issues.append(_issue(
                        "error", "geography_exceeds_total",
                        f"The {dimension}s' {_label(measure)} add up to "
                        f"{_show(measure, parts_sum)}, more than the total of "
                        f"{_show(measure, totals[part])}.", fi, measure))
                continue
            total = totals[part] if geo == "" else geo_totals.get(geo, {}).get(part)
            scope = "" if geo == "" else f" in {geo}"
            if total is None:
                if geo == "":
                    issues.append(_issue(
                        "error", "breakdown_without_total",
                        f"The {dimension} breakdown of {_label(measure)} adds up to "
                        f"{_show(measure, parts_sum)}, but the total is blank: enter the "
                        "total too.", fi, measure))
                continue
            if parts_sum != total:
                issues.append(_issue(
                    "error", "disaggregation_sum",
                    f"The {dimension} breakdown of {_label(measure)}{scope} adds up to "
                    f"{_show(measure, parts_sum)} but the total is {_show(measure, total)}; "
                    f"correct the breakdown or the total (difference "
                    f"{_show(measure, abs(total - parts_sum))}).", fi, measure))
    return issues


def _check_consistency(fi: FigureInput) -> list[Issue]:
    issues = []
    v = {k: _number(x) for k, x in fi.values.items()}
    budget = v.get("budget_revised") if v.get("budget_revised") is not None \
        else v.get("budget_original")
    spent = v.get("expenditure")
    if spent is not None and budget is not None and spent > budget:
        which = "revised" if v.get("budget_revised") is not None else "original"
        message = (f"Expenditure ({_show('expenditure', spent)}) is above the {which} budget "
                   f"({_show('expenditure', budget)})")
        if fi.explanation.strip():
            issues.append(_issue("warning", "expenditure_over_budget",
                                 message + "; explained: " + fi.explanation.strip(), fi,
                                 "expenditure"))
        else:
            issues.append(_issue("error", "expenditure_over_budget",
                                 message + ". Correct it, or write why in the explanation.",
                                 fi, "expenditure"))
    active, cumulative = v.get("active_beneficiaries"), v.get("cumulative_beneficiaries")
    if active is not None and cumulative is not None and cumulative < active:
        issues.append(_issue("error", "cumulative_below_active",
                             f"Cumulative beneficiaries ({cumulative:,}) are fewer than active "
                             f"beneficiaries ({active:,}); cumulative counts everyone ever "
                             "enrolled, so it cannot be smaller.", fi, "cumulative_beneficiaries"))
    benefit, paid = v.get("benefit_value"), v.get("amount_disbursed")
    if benefit is not None and active is not None and paid is not None:
        months = fi.period.kind.months_per_period
        expected = benefit * active * months
        if not expected and paid:
            issues.append(_issue(
                "warning", "disbursement_inconsistent",
                f"Amount disbursed is {_show('amount_disbursed', paid)} but benefit × "
                f"beneficiaries × {months} months is zero; check the figures or explain.",
                fi, "amount_disbursed"))
        elif expected and abs(Decimal(paid - expected)) > DISBURSEMENT_TOLERANCE * expected:
            off = (Decimal(paid - expected) * 100 / expected).quantize(Decimal("1"),
                                                                       ROUND_HALF_UP)
            issues.append(_issue(
                "warning", "disbursement_inconsistent",
                f"Amount disbursed ({_show('amount_disbursed', paid)}) differs by {off}% from "
                f"benefit × beneficiaries × {months} months "
                f"({_show('amount_disbursed', expected)}); check the figures or explain "
                "(arrears, mid-period enrolment).", fi, "amount_disbursed"))
    return issues


def _entry_rows(session: Session, keys: set[tuple[str, str | None, tuple[int, str, int]]]
                ) -> dict[tuple[str, str | None, tuple[int, str, int]], list[Figure]]:
    """The ministry-entered rows (no source document) for these (programme, ministry, period)."""
    out: dict[tuple[str, str | None, tuple[int, str, int]], list[Figure]] = defaultdict(list)
    programme_ids = {k[0] for k in keys}
    if not programme_ids:
        return out
    years = {k[2][0] for k in keys}
    query = select(Figure).where(Figure.programme_id.in_(programme_ids),
                                 Figure.fiscal_year.in_(years), Figure.source_id.is_(None),
                                 Figure.stage == "actual")
    for f in session.scalars(query):
        key = (f.programme_id, f.ministry_id, (f.fiscal_year, f.period_kind, f.period_no))
        if key in keys:
            out[key].append(f)
    return out


def validate(session: Session, inputs: list[FigureInput]) -> list[Issue]:
    """Every finding for these inputs, errors first; an empty list means they can be saved."""
    issues: list[Issue] = []
    resolved = resolve(session, inputs)
    implementing = _implementing(session, {r.programme.id for r in resolved if r.programme})
    seen: dict[tuple, FigureInput] = {}
    keys = set()
    for r in resolved:
        fi = r.input
        if r.programme is None:
            issues.append(_issue("error", "unknown_programme",
                                 f"There is no programme with code '{fi.programme_code}'. Use "
                                 "a code from the programme register (or a new template).", fi))
        if fi.ministry_code and r.ministry is None:
            issues.append(_issue("error", "unknown_ministry",
                                 f"There is no ministry with code '{fi.ministry_code}'.", fi))
        if r.programme and r.ministry and r.ministry.id not in implementing[r.programme.id]:
            issues.append(_issue("error", "not_implementing",
                                 f"{r.ministry.code} does not implement {r.programme.code}; a "
                                 "ministry reports only its own programmes.", fi))
        key = (fi.programme_code.strip().upper(), (fi.ministry_code or "").upper(),
               fi.period.key, fi.source_code or "", fi.stage)
        if key in seen:
            first = seen[key].where or "an earlier row"
            issues.append(_issue("error", "duplicate_row",
                                 f"{fi.programme_code} for {fi.period} is given twice (also at "
                                 f"{first}); keep one row.", fi))
        seen[key] = fi
        issues += _check_values(fi) + _check_breakdowns(fi) + _check_consistency(fi)
        if r.programme and fi.source_code is None and fi.stage == "actual":
            keys.add((r.programme.id, r.ministry.id if r.ministry else None, fi.period.key))
    known_sources = set(session.scalars(select(Source.code)))
    for r in resolved:
        code = r.input.source_code
        if code is not None and code not in known_sources:
            issues.append(_issue("error", "unknown_source",
                                 f"There is no source with code '{code}'. Add the source "
                                 "first (with its title), or leave the source empty for the "
                                 "ministry's own figures.", r.input))
    existing = _entry_rows(session, keys)
    for r in resolved:
        if not r.programme or r.input.source_code is not None or r.input.stage != "actual":
            continue
        rows = existing.get((r.programme.id, r.ministry.id if r.ministry else None,
                             r.input.period.key), [])
        locked = [f for f in rows if f.approval_state in LOCKED_STATES]
        if locked and not any(f.approval_state in ("draft", "returned") for f in rows) \
                and not _unchanged(session, locked[0], r.input):
            state = locked[0].approval_state
            issues.append(_issue(
                "error", "period_locked",
                f"{r.programme.code} for {r.input.period} is {state}: the period is locked. "
                + ("Wait for GED's decision." if state == "submitted" else
                   "Ask GED to return it to your ministry to correct it."), r.input))
    return sorted(issues, key=lambda i: (not i.is_error,))


# --- saving -----------------------------------------------------------------------------------


def _as_problem(issue: Issue) -> Problem:
    return Problem(sheet=issue.where, row=None, column=None, code=issue.code,
                   message=issue.message)


def _apply(f: Figure, fi: FigureInput) -> None:
    na = sorted(k for k, v in fi.values.items() if v is NOT_AVAILABLE)
    for m in FIGURE_MEASURES:
        setattr(f, m.column, _number(fi.values.get(m.key)))
    f.na_measures = ",".join(na)
    f.explanation = fi.explanation.strip()


def _snapshot(f: Figure, breakdown: list[tuple]) -> tuple:
    return (tuple(getattr(f, m.column) for m in FIGURE_MEASURES), f.na_measures, f.explanation,
            sorted(breakdown))


def _breakdown_of(fi: FigureInput) -> list[tuple]:
    return [(d.dimension, d.category, d.geo_code, _number(d.beneficiaries), _number(d.amount))
            for d in fi.disaggregations]


def _unchanged(session: Session, f: Figure, fi: FigureInput) -> bool:
    """True when the input repeats what the row already holds (a re-imported template)."""
    old = [(d.dimension, d.category, d.geo_code, d.beneficiaries, d.amount_poisha)
           for d in session.scalars(select(FigureDisaggregation)
                                    .where(FigureDisaggregation.figure_id == f.id))]
    na = ",".join(sorted(k for k, v in fi.values.items() if v is NOT_AVAILABLE))
    wanted = (tuple(_number(fi.values.get(m.key)) for m in FIGURE_MEASURES), na,
              fi.explanation.strip(), sorted(_breakdown_of(fi)))
    return _snapshot(f, old) == wanted


def save(session: Session, inputs: list[FigureInput], *, state: str = "draft") -> SaveResult:
    """Validate and write (inside a unit of work); refuse everything if any input has an error.

    Re-saving identical figures changes nothing (no journal entry), so importing the same
    workbook twice is harmless.
    """
    issues = validate(session, inputs)
    errors = [i for i in issues if i.is_error]
    if errors:
        raise ImportRefused([_as_problem(i) for i in errors],
                            hint="Correct these figures and try again. Nothing was saved.")
    resolved = resolve(session, inputs)
    sources = {s.code: s.id for s in session.scalars(select(Source))}
    keys = {(r.programme.id, r.ministry.id if r.ministry else None, r.input.period.key)
            for r in resolved if r.programme}
    existing = _entry_rows(session, keys)
    inserted = updated = unchanged = 0
    for r in resolved:
        fi, programme = r.input, r.programme
        assert programme is not None
        ministry_id = r.ministry.id if r.ministry else None
        fy, kind, no = fi.period.key
        row = None
        if fi.source_code is None and fi.stage == "actual":
            rows = existing.get((programme.id, ministry_id, fi.period.key), [])
            drafts = [f for f in rows if f.approval_state in ("draft", "returned")]
            row = drafts[0] if drafts else None
            if row is None and any(f.approval_state in LOCKED_STATES and
                                   _unchanged(session, f, fi) for f in rows):
                unchanged += 1  # a locked row repeated unchanged: nothing to do
                continue
        new_breakdown = _breakdown_of(fi)
        if row is not None:
            old = [(d.dimension, d.category, d.geo_code, d.beneficiaries, d.amount_poisha)
                   for d in session.scalars(select(FigureDisaggregation)
                                            .where(FigureDisaggregation.figure_id == row.id))]
            before = _snapshot(row, old)
            _apply(row, fi)
            if _snapshot(row, new_breakdown) == before and row.approval_state == state:
                unchanged += 1
                continue
            row.approval_state = state
            session.execute(delete(FigureDisaggregation)
                            .where(FigureDisaggregation.figure_id == row.id))
            updated += 1
        else:
            row = Figure(programme_id=programme.id, ministry_id=ministry_id, fiscal_year=fy,
                         period_kind=kind, period_no=no, stage=fi.stage,
                         source_id=sources.get(fi.source_code) if fi.source_code else None,
                         approval_state=state, note="")
            _apply(row, fi)
            session.add(row)
            inserted += 1
        session.flush()
        for d in fi.disaggregations:
            session.add(FigureDisaggregation(
                figure_id=row.id, dimension=d.dimension, category=d.category,
                geo_code=d.geo_code, beneficiaries=_number(d.beneficiaries),
                amount_poisha=_number(d.amount)))
    session.flush()
    return SaveResult(inserted, updated, unchanged, tuple(i for i in issues if not i.is_error))


# --- what is there, and what is missing ------------------------------------------------------


def _value_of(f: Figure, key: str) -> Value:
    m = _MEASURE_BY_KEY[key]
    raw = getattr(f, m.column)
    if raw is None:
        return NOT_AVAILABLE if key in f.na_measures.split(",") else None
    return Count(raw) if m.unit == "count" else Money(raw)


def ministry_programmes(session: Session, ministry_code: str) -> list[Programme]:
    """Programmes a ministry leads or implements (never published national totals)."""
    ministry = session.scalar(select(Ministry).where(Ministry.code == ministry_code))
    if ministry is None:
        return []
    implemented = select(ProgrammeMinistry.programme_id).where(
        ProgrammeMinistry.ministry_id == ministry.id)
    return list(session.scalars(
        select(Programme).where(or_(Programme.lead_ministry_id == ministry.id,
                                    Programme.id.in_(implemented)),
                                Programme.is_budget_total.is_(False))
        .order_by(Programme.code)))


def existing_values(session: Session, ministry_code: str, period: Period
                    ) -> dict[str, dict[str, Value]]:
    """The ministry's own latest entered values for a period, by programme code and measure."""
    ministry = session.scalar(select(Ministry).where(Ministry.code == ministry_code))
    if ministry is None:
        return {}
    fy, kind, no = period.key
    query = (select(Figure, Programme.code).join(Programme, Programme.id == Figure.programme_id)
             .where(Figure.ministry_id == ministry.id, Figure.fiscal_year == fy,
                    Figure.period_kind == kind, Figure.period_no == no,
                    Figure.source_id.is_(None), Figure.stage == "actual"))
    order = {"draft": 0, "returned": 1, "submitted": 2, "approved": 3}
    best: dict[str, Figure] = {}
    for f, code in session.execute(query):
        if code not in best or order[f.approval_state] < order[best[code].approval_state]:
            best[code] = f
    return {code: {m.key: v for m in FIGURE_MEASURES
                   if (v := _value_of(f, m.key)) is not None}
            for code, f in best.items()}


@dataclass(frozen=True)
class Completeness:
    """What a ministry has (and has not) reported for a period, per programme."""

    programme_code: str
    name_en: str
    name_bn: str | None
    state: str | None  # approval state of the entered row, None if nothing entered
    reported: tuple[str, ...]
    not_available: tuple[str, ...]
    missing: tuple[str, ...]


def completeness(session: Session, ministry_code: str, period: Period) -> list[Completeness]:
    values = existing_values(session, ministry_code, period)
    states = _states(session, ministry_code, period)
    out = []
    for p in ministry_programmes(session, ministry_code):
        v = values.get(p.code, {})
        reported = tuple(k for k, x in v.items() if x is not NOT_AVAILABLE)
        na = tuple(k for k, x in v.items() if x is NOT_AVAILABLE)
        missing = tuple(m.key for m in FIGURE_MEASURES if m.key not in v)
        out.append(Completeness(p.code, p.name_en, p.name_bn, states.get(p.code), reported, na,
                                missing))
    return out


def _states(session: Session, ministry_code: str, period: Period) -> dict[str, str]:
    fy, kind, no = period.key
    query = (select(Programme.code, Figure.approval_state)
             .join(Figure, Figure.programme_id == Programme.id)
             .join(Ministry, Ministry.id == Figure.ministry_id)
             .where(Ministry.code == ministry_code, Figure.fiscal_year == fy,
                    Figure.period_kind == kind, Figure.period_no == no,
                    Figure.source_id.is_(None), Figure.stage == "actual"))
    order = {"draft": 0, "returned": 1, "submitted": 2, "approved": 3}
    out: dict[str, str] = {}
    for code, state in session.execute(query):
        if code not in out or order[state] < order[out[code]]:
            out[code] = state
    return out
