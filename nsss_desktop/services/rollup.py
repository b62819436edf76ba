"""Rollups kept current on write: one chosen value per programme, ministry share, fiscal year
and measure, so dashboards read thousands of rows instead of scanning millions.

Every write of figures calls `refresh(session, keys)` for the (programme, fiscal year) pairs it
touched, inside the same unit of work: the rollup can never disagree with the figures it
summarises. A change of the rule below bumps `ROLLUP_VERSION`, and `ensure_current` rebuilds
everything the next time the database is opened.

The rule that turns figure rows into one value per programme-year and measure:

1. Among rows of the same period, pick one by the stated order: the most final stage (actual,
   revised budget, reported, proposed), then a government source over the press, then (in the
   working and submitted scopes) the newest approval state, so a draft correction wins over
   the approved row it corrects, then the most precise figure (4350.97 over 4351), then the
   source code (so load order never matters).
2. A whole-year figure wins, unless it only says "not available" and sub-year periods have
   numbers. Otherwise the kind of period (half, quarter, month) whose numbers cover most
   months is used: flows are summed over its periods, stocks and rates are read at its last
   period. `months` records how much of the year the numbers cover (12 = complete).
3. A programme-level figure and the sum of the ministry shares compete: a number over "not
   available", then for a flow a whole year over part of one, then the more final stage; on a
   tie the programme-level figure is kept. A share of a rate is never summed.
4. Numbers beat "not available"; "not available" beats blank.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, text, tuple_
from sqlalchemy.orm import Session

from nsss_desktop.domain.fiscal_year import PeriodKind
from nsss_desktop.domain.measures import BUDGET, FIGURE_MEASURES, MEASURES, MeasureKind
from nsss_desktop.store.models import (
    DerivedState,
    DisaggregationRollup,
    Figure,
    FigureDisaggregation,
    ProgrammeYearRollup,
    Source,
)

ROLLUP_VERSION = 1
SCOPES: dict[str, tuple[str, ...]] = {
    "approved": ("approved",),
    "submitted": ("approved", "submitted"),
    "working": ("approved", "submitted", "draft", "returned"),
}
STAGE_RANK = {"actual": 0, "revised": 1, "reported": 2, "proposed": 3}
STATE_RANK = {"draft": 0, "returned": 1, "submitted": 2, "approved": 3}  # newest first
GOVERNMENT_SOURCE_PREFIXES = ("DSS_", "MOWCA_", "DDM_", "MSW_", "FOOD_", "DEO_", "SP_", "DWA_",
                              "DRRO_", "MODMR_", "UCD")
ROLLUP_MEASURES = (*(m.key for m in FIGURE_MEASURES), BUDGET.key)
_KIND_ORDER = (PeriodKind.HALF, PeriodKind.QUARTER, PeriodKind.MONTH)
NA = object()  # a candidate's value when the figure reports the measure as not available


@dataclass(frozen=True)
class Candidate:
    """One figure row, reduced to what the rule needs."""

    ministry_id: str | None
    period_kind: str
    period_no: int
    stage: str
    state: str
    source_code: str
    synthetic: bool
    values: dict[str, object]  # measure key -> int poisha/persons, or NA


@dataclass(frozen=True)
class Pick:
    value: int | None  # None means "not available"
    stage: str
    source_code: str
    period_kind: str
    months: int
    synthetic: bool
    rank: tuple


def precision(value: int) -> int:
    """More trailing zeros means more rounding; fewer means a more precise figure."""
    zeros = 0
    while value and value % 10 == 0:
        value //= 10
        zeros += 1
    return -zeros


def _rank(c: Candidate, value: object) -> tuple:
    government = c.source_code.startswith(GOVERNMENT_SOURCE_PREFIXES)
    exactness = -precision(value) if isinstance(value, int) else 99
    return (value is NA, STAGE_RANK.get(c.stage, 9), not government,
            STATE_RANK.get(c.state, 9), exactness, c.source_code)


def candidate_values(f: object) -> dict[str, object]:
    """Measure values of a figure (an ORM `Figure` or a Core row with its columns)."""
    na = set(filter(None, f.na_measures.split(","))) if f.na_measures else set()
    values: dict[str, object] = {}
    for m in FIGURE_MEASURES:
        v = getattr(f, m.column)
        if v is not None:
            values[m.key] = v
        elif m.key in na:
            values[m.key] = NA
    budget = values.get("budget_revised", NA if "budget_revised" in na else None)
    if not isinstance(budget, int):
        budget = values.get("budget_original", budget)
    if budget is not None:
        values[BUDGET.key] = budget
    return values


def _pick_for_key(cands: list[Candidate], measure: str) -> Pick | None:
    """Rule 1 and 2 for one ministry key (or the programme level) and one measure."""
    best: dict[tuple[str, int], tuple[tuple, Candidate]] = {}
    for c in cands:
        value = c.values.get(measure)
        if value is None:
            continue
        item = (_rank(c, value), c)
        slot = (c.period_kind, c.period_no)
        if slot not in best or item[0] < best[slot][0]:
            best[slot] = item
    if not best:
        return None
    kind = MEASURES[measure].kind
    year = best.get(("year", 1))
    sub_year_numbers = any(k != "year" and c.values[measure] is not NA
                           for (k, _), (_, c) in best.items())
    if year is not None and (year[1].values[measure] is not NA or not sub_year_numbers):
        rank, c = year
        value = c.values[measure]
        return Pick(None if value is NA else value, c.stage, c.source_code, "year", 12,
                    c.synthetic, rank)
    chosen_kind, periods, covered = None, {}, -1
    for pk in _KIND_ORDER:
        these = {no: item for (k, no), item in best.items() if k == pk.value}
        # Months covered by numbers (a period reported "not available" covers nothing).
        months = sum(pk.months_per_period for _, c in these.values()
                     if c.values[measure] is not NA)
        if these and months > covered:
            chosen_kind, periods, covered = pk, these, months
    assert chosen_kind is not None
    items = [periods[no] for no in sorted(periods)]
    numbers = [(r, c) for r, c in items if c.values[measure] is not NA]
    months = len(numbers) * chosen_kind.months_per_period
    worst = max(items, key=lambda i: i[0])
    if not numbers:
        return Pick(None, worst[1].stage, worst[1].source_code, chosen_kind.value, months,
                    worst[1].synthetic, worst[0])
    if kind is MeasureKind.FLOW:
        value = sum(c.values[measure] for _, c in numbers)  # type: ignore[misc]
    else:
        value = numbers[-1][1].values[measure]  # stock and rate: as of the last period
    sources = "+".join(sorted({c.source_code for _, c in items if c.source_code}))
    return Pick(value, worst[1].stage, sources, chosen_kind.value, months,
                any(c.synthetic for _, c in items), worst[0])


def _combine_shares(picks: list[Pick], measure: str) -> Pick:
    """Rule 3: the programme value from its ministry shares."""
    worst = max(picks, key=lambda p: p.rank)
    numbers = [p for p in picks if p.value is not None]
    if not numbers:
        value = None
    elif MEASURES[measure].kind is MeasureKind.RATE:
        value = min(numbers, key=lambda p: p.rank).value
    else:
        value = sum(p.value for p in numbers)  # type: ignore[misc]
    sources = "+".join(sorted({s for p in picks for s in p.source_code.split("+") if s}))
    return Pick(value, worst.stage, sources, worst.period_kind, min(p.months for p in picks),
                any(p.synthetic for p in picks), worst.rank)


def _completeness(p: Pick, measure: str) -> tuple:
    """How programme level and shares compete: numbers first, then (for a flow) a whole
    year over a part of one, then the more final stage."""
    partial_flow = MEASURES[measure].kind is MeasureKind.FLOW and p.months < 12
    return (p.value is None, partial_flow, p.rank[1])


def compute(cands: list[Candidate]) -> dict[tuple[str, str], Pick]:
    """(ministry_id or "", measure) -> pick, for one programme-year and scope."""
    by_key: dict[str | None, list[Candidate]] = defaultdict(list)
    for c in cands:
        by_key[c.ministry_id].append(c)
    out: dict[tuple[str, str], Pick] = {}
    for measure in ROLLUP_MEASURES:
        shares: list[Pick] = []
        for ministry_id, group in by_key.items():
            pick = _pick_for_key(group, measure)
            if pick is None:
                continue
            if ministry_id is None:
                out[("", measure)] = pick
            else:
                out[(ministry_id, measure)] = pick
                shares.append(pick)
        if shares:
            combined = _combine_shares(shares, measure)
            own = out.get(("", measure))
            if own is None or _completeness(combined, measure) < _completeness(own, measure):
                out[("", measure)] = combined
    return out


# --- disaggregations --------------------------------------------------------------------------


def _disaggregation_rows(session: Session, figure_ids: list[str]) -> dict[str, list]:
    """Breakdown rows by figure, as plain Core rows (no ORM objects: millions at scale)."""
    rows: dict[str, list] = defaultdict(list)
    d = FigureDisaggregation
    for i in range(0, len(figure_ids), 500):
        chunk = figure_ids[i:i + 500]
        query = select(d.figure_id, d.dimension, d.category, d.geo_code, d.beneficiaries,
                       d.amount_poisha).where(d.figure_id.in_(chunk))
        for row in session.execute(query):
            rows[row.figure_id].append(row)
    return rows


def compute_disaggregation(figs: list[tuple[Candidate, list]]) -> dict[tuple[str, str, str],
                                                                        tuple[int | None,
                                                                              int | None]]:
    """(dimension, category, geo_code) -> (beneficiaries, amount) for one programme-year.

    Per ministry key and period the best-ranked figure that has breakdown rows is used; the
    beneficiaries are a stock (last period), the amounts a flow (summed); ministry shares are
    added up unless a programme-level breakdown exists.
    """
    best: dict[tuple[str | None, str, int], tuple[tuple, list]] = {}
    for c, rows in figs:
        if not rows:
            continue
        slot = (c.ministry_id, c.period_kind, c.period_no)
        rank = _rank(c, 0)
        if slot not in best or rank < best[slot][0]:
            best[slot] = (rank, rows)
    per_key: dict[str | None, dict[tuple[str, str, str], list]] = defaultdict(dict)
    for ministry_id in {k[0] for k in best}:
        slots = {(k[1], k[2]): v for k, v in best.items() if k[0] == ministry_id}
        if ("year", 1) in slots:
            chosen = [slots[("year", 1)]]
        else:
            kinds = {k for k, _ in slots}
            kind = max(kinds, key=lambda k: (sum(1 for kk, _ in slots if kk == k)
                                             * PeriodKind(k).months_per_period,
                                             -PeriodKind(k).periods_per_year))
            chosen = [slots[s] for s in sorted(s for s in slots if s[0] == kind)]
        cells: dict[tuple[str, str, str], list] = {}
        for _, rows in chosen:
            for d in rows:
                cell = cells.setdefault((d.dimension, d.category, d.geo_code or ""), [None, None])
                if d.beneficiaries is not None:
                    cell[0] = d.beneficiaries  # stock: the last period's value stays
                if d.amount_poisha is not None:
                    cell[1] = (cell[1] or 0) + d.amount_poisha
        per_key[ministry_id] = cells
    if None in per_key:
        return {k: (v[0], v[1]) for k, v in per_key[None].items()}
    total: dict[tuple[str, str, str], list] = {}
    for cells in per_key.values():
        for k, (b, a) in cells.items():
            cell = total.setdefault(k, [None, None])
            if b is not None:
                cell[0] = (cell[0] or 0) + b
            if a is not None:
                cell[1] = (cell[1] or 0) + a
    return {k: (v[0], v[1]) for k, v in total.items()}


# --- writing ----------------------------------------------------------------------------------


def refresh(session: Session, keys: Iterable[tuple[str, int]]) -> int:
    """Recompute the rollups of these (programme id, fiscal year) pairs; returns rows written."""
    keys = sorted(set(keys))
    written = 0
    for i in range(0, len(keys), 200):
        chunk = keys[i:i + 200]
        written += _refresh_chunk(session, chunk)
    return written


def _refresh_chunk(session: Session, keys: list[tuple[str, int]]) -> int:
    session.flush()
    pairs = tuple_(ProgrammeYearRollup.programme_id, ProgrammeYearRollup.fiscal_year)
    session.execute(delete(ProgrammeYearRollup).where(pairs.in_(keys)))
    session.execute(delete(DisaggregationRollup).where(
        tuple_(DisaggregationRollup.programme_id, DisaggregationRollup.fiscal_year).in_(keys)))
    measure_rows, breakdown_rows = _computed_rows(session, keys)
    if measure_rows:
        session.execute(insert(ProgrammeYearRollup), measure_rows)
    if breakdown_rows:
        session.execute(insert(DisaggregationRollup), breakdown_rows)
    return len(measure_rows) + len(breakdown_rows)


def _computed_rows(session: Session, keys: list[tuple[str, int]]
                   ) -> tuple[list[dict], list[dict]]:
    """The rollup rows these programme-years should have, computed from their figures."""
    query = (select(*Figure.__table__.c, Source.code.label("source_code"))
             .outerjoin(Source, Source.id == Figure.source_id)
             .where(tuple_(Figure.programme_id, Figure.fiscal_year).in_(keys)))
    grouped: dict[tuple[str, int], list[tuple[Candidate, str]]] = defaultdict(list)
    for f in session.execute(query):
        c = Candidate(f.ministry_id, f.period_kind, f.period_no, f.stage, f.approval_state,
                      f.source_code or "", bool(f.synthetic), candidate_values(f))
        grouped[(f.programme_id, f.fiscal_year)].append((c, f.id))
    breakdowns = _disaggregation_rows(session, [fid for items in grouped.values()
                                                for _, fid in items])
    measure_rows: list[dict] = []
    breakdown_rows: list[dict] = []
    for (programme_id, fy), items in grouped.items():
        for scope, states in SCOPES.items():
            cands = [(c, fid) for c, fid in items if c.state in states]
            if not cands:
                continue
            for (ministry_id, measure), p in compute([c for c, _ in cands]).items():
                measure_rows.append({
                    "scope": scope, "programme_id": programme_id, "ministry_id": ministry_id,
                    "fiscal_year": fy, "measure": measure, "value": p.value,
                    "not_available": p.value is None, "stage": p.stage,
                    "source_code": p.source_code, "period_kind": p.period_kind,
                    "months": p.months, "synthetic": p.synthetic})
            cells = compute_disaggregation([(c, breakdowns.get(fid, [])) for c, fid in cands])
            for (dimension, category, geo), (b, a) in cells.items():
                breakdown_rows.append({
                    "scope": scope, "programme_id": programme_id, "fiscal_year": fy,
                    "dimension": dimension, "category": category, "geo_code": geo,
                    "beneficiaries": b, "amount_poisha": a})
    return measure_rows, breakdown_rows


def stale(session: Session) -> list[tuple[str, int]]:
    """Programme-years whose stored rollups differ from their figures (empty when current).

    `nsss-desktop verify` runs this: every write path refreshes the rollups, so a difference
    means a bug or an edit made behind the app's back, and `verify --repair` rebuilds them.
    """
    figure_keys = set(session.execute(select(Figure.programme_id, Figure.fiscal_year)
                                      .distinct()).tuples())
    stored_keys = set(session.execute(select(ProgrammeYearRollup.programme_id,
                                             ProgrammeYearRollup.fiscal_year).distinct())
                      .tuples())
    differing = set(stored_keys - figure_keys)
    measure_columns = [c for c in ProgrammeYearRollup.__table__.c if c.name != "id"]
    breakdown_columns = [c for c in DisaggregationRollup.__table__.c if c.name != "id"]
    keys = sorted(figure_keys)
    for i in range(0, len(keys), 200):
        chunk = keys[i:i + 200]
        measures, breakdowns = _computed_rows(session, chunk)
        for table, columns, computed in ((ProgrammeYearRollup, measure_columns, measures),
                                         (DisaggregationRollup, breakdown_columns, breakdowns)):
            pairs = tuple_(table.programme_id, table.fiscal_year)
            stored = {tuple(row) for row in session.execute(
                select(*columns).where(pairs.in_(chunk))).tuples()}
            fresh = {tuple(bool(r[c.name]) if c.name in ("synthetic", "not_available")
                           else r[c.name] for c in columns) for r in computed}
            names = [c.name for c in columns]
            at_programme, at_year = names.index("programme_id"), names.index("fiscal_year")
            for row in stored ^ fresh:
                differing.add((row[at_programme], row[at_year]))
    return sorted(differing)


_KEYS_OF_TXN = text("""
    SELECT DISTINCT json_extract(j.doc, '$.programme_id'), json_extract(j.doc, '$.fiscal_year')
    FROM (SELECT after_json AS doc FROM change_journal
          WHERE txn_id = :txn AND table_name = 'figure' AND after_json IS NOT NULL
          UNION ALL
          SELECT before_json FROM change_journal
          WHERE txn_id = :txn AND table_name = 'figure' AND before_json IS NOT NULL) AS j
    UNION
    SELECT f.programme_id, f.fiscal_year
    FROM (SELECT DISTINCT json_extract(coalesce(after_json, before_json), '$.figure_id') AS fid
          FROM change_journal
          WHERE txn_id = :txn AND table_name = 'figure_disaggregation') AS d
    JOIN figure AS f ON f.id = d.fid
    UNION
    SELECT f.programme_id, f.fiscal_year
    FROM (SELECT DISTINCT row_id FROM change_journal
          WHERE txn_id = :txn AND table_name = 'source') AS src
    JOIN figure AS f ON f.source_id = src.row_id
""")


def refresh_for_txn(session: Session, txn_id: str) -> int:
    """Refresh the rollups of every programme-year a unit of work changed (from its journal)."""
    keys = [(p, int(y)) for p, y in session.execute(_KEYS_OF_TXN, {"txn": txn_id})
            if p is not None and y is not None]
    if not keys or not _has_rollup_tables(session):
        return 0
    return refresh(session, keys)


def _has_rollup_tables(session: Session) -> bool:
    """False on a database still at an older schema (tests build those to check upgrades)."""
    return session.scalar(text(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'derived_state'")) == 1


def rebuild(session: Session) -> int:
    """Recompute every rollup from the figures (after a rule change or a restore)."""
    session.execute(delete(ProgrammeYearRollup))
    session.execute(delete(DisaggregationRollup))
    keys = session.execute(select(Figure.programme_id, Figure.fiscal_year).distinct()).all()
    written = refresh(session, [(p, y) for p, y in keys])
    state = session.get(DerivedState, "rollup")
    if state is None:
        session.add(DerivedState(name="rollup", version=ROLLUP_VERSION))
    else:
        state.version = ROLLUP_VERSION
    return written


def is_current(session: Session) -> bool:
    state = session.get(DerivedState, "rollup")
    return state is not None and state.version == ROLLUP_VERSION


def ensure_current(db: object) -> bool:
    """Rebuild the rollups if they were built by another rule (or never); True if rebuilt.

    Derived rows are not journaled or synced, so this is a plain write transaction rather than
    a unit of work: rebuilding leaves no entry in the audit trail.
    """
    with db.reader() as session:  # type: ignore[attr-defined]
        if is_current(session):
            return False
    with db.engine.begin() as conn:  # type: ignore[attr-defined]
        session = Session(bind=conn, join_transaction_mode="create_savepoint")
        if is_current(session):
            return False
        rebuild(session)
        session.commit()
    return True
