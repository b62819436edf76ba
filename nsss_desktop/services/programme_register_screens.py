"""Read and write helpers for the GUI's Programmes and Enter-figures screens.

The GUI never opens a session, so each screen gets what it shows from one call here that
takes the `Database`; the calls run in worker threads and return plain data. The numbers are
the services' own (`programme_dashboards.series`, `targets.progress`,
`cumulative.cumulative_between`, `figure_entry`), so a screen can never compute a figure
differently from the dashboards. Writes go through one unit of work each.

Cell parsing (`parse_entry`, `parse_target`) lives here too, Qt-free: a typed "NA" (in English
or Bangla) is "not available", a blank is "not reported", and a number may use Bangla digits
and any comma grouping.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from nsss_desktop.domain import Count, FiscalYear, Money, Period, parse_decimal
from nsss_desktop.domain.measures import (
    FIGURE_MEASURES,
    MEASURES,
    NOT_AVAILABLE,
    NOT_AVAILABLE_WORDS,
)
from nsss_desktop.services import (
    figure_entry,
    figures_import,
    programme_catalogue,
    programme_dashboards,
    targets,
)
from nsss_desktop.services.cumulative import CumulativeResult, cumulative_between
from nsss_desktop.services.figure_entry import Completeness, SaveResult
from nsss_desktop.services.figure_input import DisaggregationInput, FigureInput, Issue, Value
from nsss_desktop.services.figures_import import ImportPreview, ImportResult
from nsss_desktop.services.programme_dashboards import DrillKey
from nsss_desktop.services.programme_search import MAX_LIMIT, search_programmes
from nsss_desktop.services.tables import DashboardTable
from nsss_desktop.services.targets import TargetProgress
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import (
    Figure,
    FigureDisaggregation,
    Ministry,
    Programme,
    ProgrammeLifeCycle,
    ProgrammeMinistry,
    Source,
)
from nsss_desktop.tasks import TaskState

__all__ = [
    "BREAKDOWN_KEYS", "EntryChoices", "EntryRow", "EntrySheet", "Named", "ProgrammeDetail",
    "ProgrammeRow", "Register", "SourceRef", "check_entries", "cumulative", "drilldown",
    "entry_choices", "entry_sheet", "fold", "parse_entry", "parse_target",
    "preview_finance", "preview_template", "programme_detail", "register", "save_entries",
    "save_preview", "search_codes", "set_target", "target_progress", "write_template",
]

# The grid's breakdown columns: active beneficiaries by gender and by area (whole programme).
BREAKDOWN_KEYS = ("gender:female", "gender:male", "gender:third_gender", "area:rural",
                  "area:urban")
LOCKED_STATES = figure_entry.LOCKED_STATES


# --- the register -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Named:
    code: str
    name_en: str
    name_bn: str | None

    def name(self, lang: str) -> str:
        return (self.name_bn or self.name_en) if lang == "bn" else self.name_en


@dataclass(frozen=True)
class ProgrammeRow:
    """One programme of the register, with every name it can be found by."""

    id: str
    code: str
    name_en: str
    name_bn: str | None
    lead: Named | None
    implementing: tuple[Named, ...]  # every implementing ministry, the lead first
    cluster: Named | None
    cluster_synthetic: bool
    stages: tuple[Named, ...]
    stages_synthetic: bool
    target_group: str
    benefit_type: str | None
    benefit_value: str
    beneficiary_unit: str
    start_year: int | None
    active: bool
    budget_total: bool

    def name(self, lang: str) -> str:
        return (self.name_bn or self.name_en) if lang == "bn" else self.name_en

    @property
    def shared(self) -> bool:
        return len(self.implementing) > 1


@dataclass(frozen=True)
class Register:
    programmes: list[ProgrammeRow]
    ministries: list[Named]  # those implementing at least one programme
    clusters: list[Named]
    stages: list[Named]


def _ref(named: programme_catalogue.Named | None) -> Named | None:
    return Named(named.code, named.name_en, named.name_bn) if named else None


def _register(session: Session) -> Register:
    cat = programme_catalogue.load(session)
    synthetic_stage = set(session.scalars(select(ProgrammeLifeCycle.programme_id)
                                          .where(ProgrammeLifeCycle.synthetic.is_(True))))
    rows = []
    used_ministries: dict[str, Named] = {}
    for p in sorted(cat.programmes.values(), key=lambda p: p.code):
        lead = _ref(cat.ministries.get(p.lead_ministry_id or ""))
        others = sorted((cat.ministries[m] for m in cat.implementers.get(p.id, ())
                         if m != p.lead_ministry_id), key=lambda m: m.name_en)
        implementing = tuple(x for x in (lead, *map(_ref, others)) if x is not None)
        for m in implementing:
            used_ministries[m.code] = m
        stages = tuple(sorted((cat.stages[s] for s in cat.stages_of.get(p.id, ())),
                              key=lambda s: s.code))
        rows.append(ProgrammeRow(
            p.id, p.code, p.name_en, p.name_bn, lead, implementing,
            _ref(cat.clusters.get(p.cluster_id or "")), bool(p.cluster_synthetic),
            tuple(Named(s.code, s.name_en, s.name_bn) for s in stages),
            p.id in synthetic_stage, p.target_group or "", p.benefit_type,
            p.benefit_value or "", p.beneficiary_unit, p.start_year, bool(p.active),
            bool(p.is_budget_total)))
    clusters = [Named(c.code, c.name_en, c.name_bn) for c in cat.clusters.values()]
    stages = [Named(s.code, s.name_en, s.name_bn) for s in cat.stages.values()]
    return Register(rows, sorted(used_ministries.values(), key=lambda m: m.name_en),
                    sorted(clusters, key=lambda c: c.code), stages)


def register(db: Database) -> Register:
    """Every programme with its ministries, cluster and life-cycle stages, by code."""
    with db.reader() as session:
        return _register(session)


def fold(text: str) -> str:
    """Text as typed words are compared: NFC (so "য়" typed either way matches), case-folded."""
    return unicodedata.normalize("NFC", text or "").casefold()


def search_codes(db: Database, query: str) -> list[str] | None:
    """Programme codes matching `query` (`programme_search`: names in English and Bangla,
    codes, ministries, cluster, life cycle, target group), best first; None when the query is
    empty, meaning every programme is shown."""
    if not query.strip():
        return None
    with db.reader() as session:
        return [hit.code for hit in search_programmes(session, query, limit=MAX_LIMIT)]


# --- one programme ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceRef:
    code: str
    title: str
    url: str


@dataclass(frozen=True)
class ProgrammeDetail:
    programme: ProgrammeRow
    series: DashboardTable  # programme_dashboards.series for this programme
    sources: list[SourceRef]
    fiscal_years: list[str]  # years with a figure, oldest first


def _programme(session: Session, code: str) -> Programme:
    from nsss_desktop.errors import UsageError

    p = session.scalar(select(Programme).where(Programme.code == code))
    if p is None:
        raise UsageError(f"There is no programme with code '{code}'.")
    return p


def programme_detail(db: Database, code: str, scope: str = "approved") -> ProgrammeDetail:
    """The register row, the series by fiscal year (the dashboards' own) and the sources."""
    with db.reader() as session:
        p = _programme(session, code)
        row = next(r for r in _register(session).programmes if r.code == code)
        table = programme_dashboards.series(session, [p.id], scope=scope,
                                            title=f"{p.name_en}: series by fiscal year")
        source_ids = set(session.scalars(select(Figure.source_id).where(
            Figure.programme_id == p.id, Figure.source_id.is_not(None)).distinct()))
        source_ids |= set(session.scalars(select(ProgrammeMinistry.source_id).where(
            ProgrammeMinistry.programme_id == p.id,
            ProgrammeMinistry.source_id.is_not(None))))
        sources = [SourceRef(s.code, s.title, s.url) for s in session.scalars(
            select(Source).where(Source.id.in_(source_ids)).order_by(Source.code))]
        years = sorted(session.scalars(select(Figure.fiscal_year).where(
            Figure.programme_id == p.id).distinct()))
    return ProgrammeDetail(row, table, sources, [str(FiscalYear(y)) for y in years])


def drilldown(db: Database, key: DrillKey) -> DashboardTable:
    with db.reader() as session:
        return programme_dashboards.drilldown(session, key)


def target_progress(db: Database, code: str, fiscal_year: FiscalYear,
                    scope: str = "approved") -> list[TargetProgress]:
    """Target against actual for each measure of one programme (no_target where none)."""
    with db.reader() as session:
        return targets.progress(session, fiscal_year, scope, programme_codes={code})


def set_target(db: Database, code: str, fiscal_year: FiscalYear, measure: str,
               value: object, note: str = "", *, user_id: str | None = None) -> None:
    """Set (or replace) one annual target of the programme as a whole, in one unit of work."""
    with db.unit_of_work(user_id=user_id, description=f"Set the {measure} target of {code} "
                         f"for {fiscal_year}") as uow:
        targets.set_target(uow.session, code, fiscal_year, measure, value,  # type: ignore[arg-type]
                           note=note)


def cumulative(db: Database, code: str, start: date, end: date,
               scope: str = "approved") -> CumulativeResult:
    """`cumulative_between` for one programme."""
    with db.reader() as session:
        p = _programme(session, code)
        return cumulative_between(session, start, end, scope=scope, programme_ids={p.id})


# --- parsing what a user types ----------------------------------------------------------------


def _is_na(text: str) -> bool:
    return fold(" ".join(text.split())) in {fold(w) for w in NOT_AVAILABLE_WORDS}


def parse_entry(key: str, text: str) -> Value:
    """A grid cell as a value: None (blank), NOT_AVAILABLE ("NA"), Money or Count.

    Money is typed in crore taka except the benefit value (taka per month); counts (the
    measures and the breakdown columns) in persons. Raises ValueError with what to type.
    """
    text = (text or "").strip()
    if not text:
        return None
    breakdown = key in BREAKDOWN_KEYS
    if _is_na(text):
        if breakdown:
            raise ValueError("A breakdown takes a number of persons or stays blank, not NA.")
        return NOT_AVAILABLE
    try:
        number = parse_decimal(text)
    except ValueError:
        raise ValueError(f"'{text}' is not a number: type digits (Bangla digits are fine), "
                         "NA when the figure is not available, or leave it blank.") from None
    if breakdown or MEASURES[key].unit == "count":
        if number != number.to_integral_value():
            raise ValueError(f"{text} is not a whole number of persons.")
        return Count(int(number))
    try:
        return Money.from_taka(number) if key == "benefit_value" else Money.from_crore(number)
    except ValueError:
        unit = "taka (at most 2 decimals)" if key == "benefit_value" else \
            "crore taka (at most 9 decimals, one poisha)"
        raise ValueError(f"{text} is finer than one poisha: give it in {unit}.") from None


def parse_target(measure: str, text: str) -> object:
    """A target as `targets.set_target` takes it: budget in crore taka, benefit in taka,
    persons, or a coverage percent; "NA" for "no target set". Raises ValueError."""
    text = (text or "").strip()
    if not text:
        raise ValueError("Type the target, or NA when no target was set.")
    if _is_na(text):
        return NOT_AVAILABLE
    try:
        number = parse_decimal(text.rstrip("%").strip())
    except ValueError:
        raise ValueError(f"'{text}' is not a number.") from None
    unit = MEASURES[measure].unit
    if unit == "percent":
        return number
    if unit == "count":
        if number != number.to_integral_value():
            raise ValueError(f"{text} is not a whole number of persons.")
        return Count(int(number))
    try:
        return Money.from_taka(number) if measure == "benefit_value" else \
            Money.from_crore(number)
    except ValueError:
        raise ValueError(f"{text} is finer than one poisha.") from None


def entry_text(key: str, value: object) -> str:
    """The plain text a stored value is edited as (the inverse of `parse_entry`)."""
    if value is None:
        return ""
    if value is NOT_AVAILABLE:
        return "NA"
    if isinstance(value, Count):
        return str(value.persons)
    if isinstance(value, Money):
        return _plain(value.taka if key == "benefit_value" else value.crore)
    return str(value)


def _plain(number: Decimal) -> str:
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


# --- entering figures -------------------------------------------------------------------------


@dataclass(frozen=True)
class EntryChoices:
    ministries: list[Named]  # ministries with at least one programme to report
    home_ministry: str | None


def entry_choices(db: Database) -> EntryChoices:
    home = db.setting("home_ministry") or None
    with db.reader() as session:
        ministries = [Named(m.code, m.name_en, m.name_bn)
                      for m in session.scalars(select(Ministry).order_by(Ministry.name_en))
                      if figure_entry.ministry_programmes(session, m.code)]
    return EntryChoices(ministries, home)


@dataclass(frozen=True)
class EntryRow:
    """One programme of the ministry for the period, as stored (or blank)."""

    code: str
    name_en: str
    name_bn: str | None
    shared: bool
    state: str | None  # approval state of the entered row; None if nothing entered yet
    values: dict[str, Value] = field(default_factory=dict)
    breakdowns: dict[str, Count | None] = field(default_factory=dict)  # BREAKDOWN_KEYS
    carried: tuple[DisaggregationInput, ...] = ()  # stored breakdowns the grid does not edit
    explanation: str = ""

    @property
    def locked(self) -> bool:
        return self.state in LOCKED_STATES


@dataclass(frozen=True)
class EntrySheet:
    ministry: Named
    period: Period
    rows: list[EntryRow]
    completeness: list[Completeness]


_STATE_ORDER = {"draft": 0, "returned": 1, "submitted": 2, "approved": 3}


def _entered(session: Session, ministry: Ministry, period: Period) -> dict[str, Figure]:
    """The row `figure_entry.existing_values` reads, per programme code."""
    fy, kind, number = period.key
    best: dict[str, Figure] = {}
    for code, f in session.execute(
            select(Programme.code, Figure).join(Programme, Programme.id == Figure.programme_id)
            .where(Figure.ministry_id == ministry.id, Figure.fiscal_year == fy,
                   Figure.period_kind == kind, Figure.period_no == number,
                   Figure.source_id.is_(None), Figure.stage == "actual")):
        if code not in best or _STATE_ORDER[f.approval_state] < \
                _STATE_ORDER[best[code].approval_state]:
            best[code] = f
    return best


def _entry_sheet(session: Session, ministry_code: str, period: Period) -> EntrySheet:
    from nsss_desktop.errors import UsageError

    ministry = session.scalar(select(Ministry).where(Ministry.code == ministry_code))
    if ministry is None:
        raise UsageError(f"There is no ministry with code '{ministry_code}'.")
    programmes = figure_entry.ministry_programmes(session, ministry_code)
    implementers: dict[str, set[str]] = defaultdict(set)
    for pid, mid in session.execute(select(ProgrammeMinistry.programme_id,
                                           ProgrammeMinistry.ministry_id)):
        implementers[pid].add(mid)
    values = figure_entry.existing_values(session, ministry_code, period)
    entered = _entered(session, ministry, period)
    parts: dict[str, list[FigureDisaggregation]] = defaultdict(list)
    if entered:
        for d in session.scalars(select(FigureDisaggregation).where(
                FigureDisaggregation.figure_id.in_([f.id for f in entered.values()]))
                .order_by(FigureDisaggregation.id)):
            parts[d.figure_id].append(d)
    rows = []
    for p in programmes:
        f = entered.get(p.code)
        breakdowns: dict[str, Count | None] = dict.fromkeys(BREAKDOWN_KEYS)
        carried = []
        for d in parts.get(f.id, []) if f else []:
            key = f"{d.dimension}:{d.category}"
            if key in BREAKDOWN_KEYS and not d.geo_code:
                breakdowns[key] = Count(d.beneficiaries) if d.beneficiaries is not None \
                    else None
                if d.amount_poisha is None:
                    continue
                # the grid edits the persons; the amount part is kept as it was
                carried.append(DisaggregationInput(d.dimension, d.category, None,
                                                   Money(d.amount_poisha), d.geo_code))
                continue
            carried.append(DisaggregationInput(
                d.dimension, d.category,
                Count(d.beneficiaries) if d.beneficiaries is not None else None,
                Money(d.amount_poisha) if d.amount_poisha is not None else None, d.geo_code))
        members = implementers.get(p.id, set()) | ({p.lead_ministry_id} - {None})
        rows.append(EntryRow(p.code, p.name_en, p.name_bn, len(members) > 1,
                             f.approval_state if f else None, dict(values.get(p.code, {})),
                             breakdowns, tuple(carried), (f.explanation or "") if f else ""))
    return EntrySheet(Named(ministry.code, ministry.name_en, ministry.name_bn), period, rows,
                      figure_entry.completeness(session, ministry_code, period))


def entry_sheet(db: Database, ministry_code: str, period: Period) -> EntrySheet:
    """The ministry's programmes with what is stored for the period, and the completeness."""
    with db.reader() as session:
        return _entry_sheet(session, ministry_code, period)


def build_input(row: EntryRow, ministry_code: str, period: Period,
                values: dict[str, Value], breakdowns: dict[str, Count | None],
                explanation: str) -> FigureInput:
    """The `FigureInput` of one grid row; `where` is the programme code, so each Issue can be
    put back on its row."""
    disaggregations = []
    for key in BREAKDOWN_KEYS:
        persons = breakdowns.get(key)
        dimension, category = key.split(":")
        amount = next((d.amount for d in row.carried if (d.dimension, d.category, d.geo_code)
                       == (dimension, category, "")), None)
        if persons is not None or amount is not None:
            disaggregations.append(DisaggregationInput(dimension, category, persons, amount))
    disaggregations += [d for d in row.carried
                        if d.geo_code or f"{d.dimension}:{d.category}" not in BREAKDOWN_KEYS]
    return FigureInput(row.code, ministry_code, period,
                       {m.key: values.get(m.key) for m in FIGURE_MEASURES},
                       disaggregations, explanation.strip(), where=row.code)


def check_entries(db: Database, inputs: list[FigureInput]) -> list[Issue]:
    with db.reader() as session:
        return figure_entry.validate(session, inputs)


def save_entries(db: Database, inputs: list[FigureInput], *, user_id: str | None = None
                 ) -> SaveResult:
    """Save as drafts in one unit of work; `ImportRefused` (nothing written) on any error."""
    first = inputs[0] if inputs else None
    description = (f"Enter figures of {first.ministry_code} for {first.period}" if first
                   else "Enter figures")
    with db.unit_of_work(user_id=user_id, description=description) as uow:
        return figure_entry.save(uow.session, inputs, state="draft")


# --- templates and imports --------------------------------------------------------------------


def write_template(db: Database, path: Path, ministry_code: str, period: Period) -> Path:
    stamp = datetime.now(UTC).replace(microsecond=0).isoformat()
    return figures_import.write_ministry_template(db, Path(path), ministry_code, period, stamp)


def preview_template(db: Database, path: Path, task: TaskState | None = None
                     ) -> ImportPreview:
    return figures_import.preview_template(db, Path(path), task)


def preview_finance(db: Database, path: Path, fiscal_year: FiscalYear | None, stage: str,
                    source_code: str, task: TaskState | None = None) -> ImportPreview:
    return figures_import.preview_finance_table(db, Path(path), fiscal_year, stage,
                                                source_code, task)


def save_preview(db: Database, preview: ImportPreview, task: TaskState | None = None, *,
                 source_title: str = "", user_id: str | None = None) -> ImportResult:
    return figures_import.save_preview(db, preview, task, user_id=user_id,
                                       source_title=source_title)
