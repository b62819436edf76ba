"""Programme reports: the programme figures pivoted by any of eight dimensions, totals counted once.

A `PivotDefinition` names row dimensions, an optional column dimension, measures and filters;
`run_pivot` answers it from the rollups (the dashboards' `Values`), with the dashboards' own
`total()` for every number, so a pivot never disagrees with a dashboard for the same filters.
Only the period dimension reads figure rows: the rollups keep one value per year, so the
values of the periods inside a year are chosen here by the same rule (`rollup.compute`) from
the periods the rollup itself used.

Totals follow domain.md, "never double count": each cell is computed from the set of
programmes in it, never by adding cells, so a programme in two ministries (or life-cycle
stages) appears in both groups and once in a total over them. Under a ministry a programme
counts with the ministry's share where one was reported; a shared programme with only a
whole-programme figure is shown (*shared*) in its own row but left out of the ministry's sums,
as in the ministry dashboards. Over several years a flow (money) is summed, a stock
(beneficiaries) is the last year's value, and a rate (benefit per beneficiary) is shown for
one programme at a time, never summed. Programmes counted in families get their own columns.

Definitions are saved in the encrypted database as JSON settings (`pivot:<name>`), written in
a unit of work like every other change, so they are in the audit trail.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from itertools import product
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nsss_desktop.domain import Count, FiscalYear, Money, Period, PeriodKind, to_bangla_digits
from nsss_desktop.domain.measures import MEASURES, MeasureKind
from nsss_desktop.errors import UsageError
from nsss_desktop.services import programme_catalogue, rollup
from nsss_desktop.services.programme_catalogue import Catalogue
from nsss_desktop.services.programme_dashboards import (
    COLUMN_LABELS,
    SCOPES,
    Cell,
    DrillKey,
    Values,
    catalogue,
    total,
)
from nsss_desktop.services.tables import NOT_AVAILABLE_TEXT, Column, DashboardTable, Value
from nsss_desktop.store.models import (
    Cluster,
    DisaggregationRollup,
    Figure,
    LifeCycleStage,
    Setting,
    Source,
)

DIMENSIONS = ("ministry", "cluster", "life_cycle", "programme", "fiscal_year", "period",
              "gender", "area")
# Their members come from the figures' own periods or breakdowns, not from the register: at
# most one of them per pivot (breakdowns are reported per dimension and per year).
SLOT_DIMENSIONS = ("period", "gender", "area")
MEASURE_KEYS = ("active_beneficiaries", "cumulative_beneficiaries", "budget", "budget_original",
                "budget_revised", "expenditure", "amount_disbursed", "benefit_value")
assert set(MEASURE_KEYS) == set(rollup.ROLLUP_MEASURES)
# A breakdown by gender or area carries beneficiaries and the amount disbursed.
BREAKDOWN_MEASURES = ("active_beneficiaries", "amount_disbursed")
SETTING_PREFIX = "pivot:"
NAME_MAX = 60 - len(SETTING_PREFIX)  # setting.key is 60 characters
STYLE_KEY, STYLE_TOTAL = "_style", "total"  # = reports.document.ROW_STYLE / STYLE_TOTAL
_NA = object()  # a value reported as not available


# --- texts (the CLI and reports have no Qt translator, so the core carries both languages) ---

DIMENSION_LABELS = {
    "ministry": ("Ministry/Division", "মন্ত্রণালয়/বিভাগ"), "programme": ("Programme", "কর্মসূচি"),
    "cluster": ("Thematic cluster", "থিমেটিক ক্লাস্টার"), "period": ("Period", "সময়কাল"),
    "life_cycle": ("Life cycle stage", "জীবনচক্রের পর্যায়"), "gender": ("Gender", "লিঙ্গ"),
    "fiscal_year": ("Fiscal year", "অর্থবছর"), "area": ("Area", "এলাকা")}
MEASURE_LABELS_BN = {
    "active_beneficiaries": "উপকারভোগী (লাখ)", "budget": "বাজেট (কোটি টাকা)",
    "cumulative_beneficiaries": "ক্রমপুঞ্জিত উপকারভোগী (লাখ)", "expenditure": "ব্যয় (কোটি টাকা)",
    "budget_original": "মূল বাজেট (কোটি টাকা)", "budget_revised": "সংশোধিত বাজেট (কোটি টাকা)",
    "amount_disbursed": "বিতরণকৃত অর্থ (কোটি টাকা)", "benefit_value": "মাসিক সুবিধা (টাকা)"}
FAMILY_LABELS = {"active_beneficiaries": ("Families (lakh)", "পরিবার (লাখ)"),
                 "cumulative_beneficiaries": ("Cumulative families (lakh)",
                                              "ক্রমপুঞ্জিত পরিবার (লাখ)")}
CATEGORY_LABELS = {"female": ("Female", "নারী"), "male": ("Male", "পুরুষ"),
                   "third_gender": ("Third gender", "তৃতীয় লিঙ্গ"),
                   "rural": ("Rural", "গ্রামীণ"), "urban": ("Urban", "শহুরে")}
MONTHS_BN = ("জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর", "জানুয়ারি",
             "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন")
NONE_LABELS = ("(not classified)", "(শ্রেণিভুক্ত নয়)")
TOTAL_LABELS = {"row": {"en": "Total (each programme once)", "bn": "মোট (প্রতিটি কর্মসূচি একবার)"},
                "column": {"en": "total", "bn": "মোট"}, "shared": {"en": "shared", "bn": "যৌথ"}}
NOTES = {
    "counted_once": (
        "Each programme counts once in a total; a programme in several groups (ministries, "
        "clusters, life-cycle stages) appears in each, so groups may add up to more.",
        "মোট হিসাবে প্রতিটি কর্মসূচি একবার গণনা করা হয়েছে; একাধিক দলে (মন্ত্রণালয়, ক্লাস্টার, "
        "জীবনচক্র) থাকা কর্মসূচি প্রতিটিতে দেখানো হয়েছে, তাই দলগুলোর যোগফল মোটের চেয়ে বেশি হতে পারে।"),
    "stock_over_years": (
        "Over several fiscal years money is summed, but beneficiaries are a stock: their total "
        "is the value of the last year with a figure (up to {last}), never a sum.",
        "একাধিক অর্থবছরে অর্থ যোগ করা হয়েছে, কিন্তু উপকারভোগী একটি স্থিতি: তাদের মোট হলো তথ্যসহ "
        "সর্বশেষ বছরের মান ({last} পর্যন্ত), যোগফল নয়।"),
    "rate": ("The benefit per beneficiary is a rate: shown for one programme at a time, never "
             "summed.", "মাথাপিছু সুবিধা একটি হার: কেবল একটি কর্মসূচির জন্য দেখানো হয়, যোগ করা হয় না।"),
    "families": ("Programmes that count families (Food Friendly Programme) have their own "
                 "columns, never added to persons.",
                 "পরিবার গণনাকারী কর্মসূচি (খাদ্য বান্ধব কর্মসূচি) আলাদা কলামে, ব্যক্তির সঙ্গে যোগ হয়নি।"),
    "shared": (
        "Under a ministry a shared programme counts with the ministry's own share; with only a "
        "whole-programme figure it is marked 'shared' and left out of the ministry's sums.",
        "মন্ত্রণালয়ের অধীনে যৌথ কর্মসূচি মন্ত্রণালয়ের নিজস্ব অংশ দিয়ে গণনা করা হয়েছে; কেবল পুরো "
        "কর্মসূচির তথ্য থাকলে তা 'যৌথ' চিহ্নিত এবং মন্ত্রণালয়ের যোগফলের বাইরে।"),
    "breakdown": (
        "Only programmes that reported a breakdown by {dim} appear under its categories "
        "(beneficiaries and amounts disbursed); the total row counts every selected programme.",
        "কেবল {dim} অনুযায়ী বিভাজন জানানো কর্মসূচি শ্রেণিতে দেখানো হয়েছে (উপকারভোগী ও বিতরণকৃত "
        "অর্থ); মোট সারিতে নির্বাচিত সকল কর্মসূচি গণনা করা হয়েছে।"),
    "period": ("Periods are those each programme reported in: by quarter, month or half, or "
               "the whole year.", "প্রতিটি কর্মসূচি যে সময়কাল অনুযায়ী তথ্য দিয়েছে সেটিই দেখানো "
               "হয়েছে: প্রান্তিক, মাস, অর্ধবছর বা পূর্ণ বছর।"),
    "not_available": ("n/a: reported as not available; blank: not reported.",
                      "n/a: তথ্য পাওয়া যায়নি বলে জানানো হয়েছে; ফাঁকা: তথ্য জানানো হয়নি।"),
    "left_out": ("Totals leave out components counted in their aggregate and published "
                 "national budget lines.", "মোট হিসাবে সমষ্টিতে গণনাকৃত অংশ ও প্রকাশিত জাতীয় "
                 "বাজেটের মোট লাইন বাদ দেওয়া হয়েছে।"),
}


# --- the definition ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PivotDefinition:
    """What to show: row dimensions, an optional column dimension, measures and filters.

    Filters hold codes (ministry, cluster, life-cycle stage, programme), so a definition reads
    the same on every installation; an empty filter means all. Fiscal years are a range, both
    ends included, open where None.
    """

    name: str = ""
    rows: tuple[str, ...] = ("ministry",)
    columns: str | None = None
    measures: tuple[str, ...] = ("active_beneficiaries", "budget")
    first_year: FiscalYear | None = None
    last_year: FiscalYear | None = None
    ministries: tuple[str, ...] = ()
    clusters: tuple[str, ...] = ()
    life_cycles: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    scope: str = "approved"

    def __post_init__(self) -> None:
        for name in ("rows", "measures", "ministries", "clusters", "life_cycles", "programmes"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        object.__setattr__(self, "columns", self.columns or None)
        object.__setattr__(self, "name", self.name.strip())
        for name in ("first_year", "last_year"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, FiscalYear.parse(value) if value else None)
        self._check()

    def _check(self) -> None:
        dims = (*self.rows, *([self.columns] if self.columns else []))
        unknown = [d for d in dims if d not in DIMENSIONS]
        if unknown or not self.rows or len(set(dims)) != len(dims):
            raise UsageError(f"There is no dimension '{unknown[0]}'." if unknown else
                             "Choose at least one row dimension, and each dimension once.",
                             hint="Dimensions: " + ", ".join(DIMENSIONS) + ".")
        if len([d for d in dims if d in SLOT_DIMENSIONS]) > 1:
            raise UsageError("Period, gender and area cannot be combined.",
                             hint="Breakdowns are reported per year and one dimension at a "
                                  "time; choose one of them.")
        bad = [m for m in self.measures if m not in MEASURE_KEYS]
        if bad or not self.measures or len(set(self.measures)) != len(self.measures):
            raise UsageError(f"There is no measure '{bad[0]}'." if bad else
                             "Choose each measure once, and at least one.",
                             hint="Measures: " + ", ".join(MEASURE_KEYS) + ".")
        if self.scope not in SCOPES:
            raise UsageError(f"'{self.scope}' is not a scope.",
                             hint="Use one of: " + ", ".join(SCOPES) + ".")
        if self.first_year and self.last_year and self.last_year < self.first_year:
            raise UsageError("The fiscal-year range ends before it starts.",
                             hint="Swap the first and last year.")

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update({n: str(getattr(self, n)) if getattr(self, n) else None
                     for n in ("first_year", "last_year")})
        return {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PivotDefinition:
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})

    @classmethod
    def from_json(cls, text: str) -> PivotDefinition:
        try:
            data = json.loads(text)
            assert isinstance(data, dict)
        except (ValueError, AssertionError) as exc:
            raise UsageError("The saved report definition is damaged.",
                             hint="Delete it and save it again.") from exc
        return cls.from_dict(data)


# --- the result -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Member:
    """One value of a dimension: a ministry, a year, a quarter, 'female'... ("" = none)."""

    key: str
    label_en: str
    label_bn: str
    order: tuple = ()

    def label(self, lang: str) -> str:
        return self.label_bn if lang == "bn" else self.label_en


@dataclass(frozen=True)
class MeasureColumn:
    """A measure as shown: persons, or (for beneficiaries) programmes counted in families."""

    key: str
    measure: str
    families: bool
    kind: str  # lakh | crore | taka

    def label(self, lang: str) -> str:
        if self.families:
            return FAMILY_LABELS[self.measure][1 if lang == "bn" else 0]
        return MEASURE_LABELS_BN[self.measure] if lang == "bn" else COLUMN_LABELS[self.measure]


@dataclass
class CellValue:
    """An exact value in display units, "n/a", or None (nothing reported), and its makings."""

    value: Value
    programme_ids: tuple[str, ...] = ()
    fiscal_years: tuple[int, ...] = ()
    ministry_id: str | None = None


@dataclass
class PivotRow:
    members: tuple[Member, ...]
    cells: dict[tuple[str | None, str], CellValue] = field(default_factory=dict)
    shared: bool = False  # shows a shared programme's whole figure, outside the sums

    def value(self, column: str | None, measure: str) -> Value:
        cell = self.cells.get((column, measure))
        return cell.value if cell else None


@dataclass(frozen=True)
class Note:
    code: str
    en: str
    bn: str

    def text(self, lang: str) -> str:
        return self.bn if lang == "bn" else self.en


@dataclass
class PivotResult:
    """Rows × (column members and a total) × measures; `total` is the row of totals.

    Cell keys are (column member key, or None for the total over columns; measure column key).
    """

    definition: PivotDefinition
    fiscal_years: tuple[FiscalYear, ...]
    columns: list[Member]
    measures: list[MeasureColumn]
    rows: list[PivotRow]
    total: PivotRow
    notes: list[Note] = field(default_factory=list)


# --- running a definition ---------------------------------------------------------------------


class _Slice:
    """Values of one period or breakdown category, shaped like `Values` for `total()`."""

    def __init__(self) -> None:
        self.programme: dict[tuple[str, int, str], Cell] = {}
        self.share: dict[tuple[str, str, int, str], Cell] = {}

    def get(self, programme_id: str, fy: int, measure: str) -> Cell | None:
        return self.programme.get((programme_id, fy, measure))


@dataclass
class _Atom:
    """A programme in a fiscal year (and a period or category), with its members per dimension."""

    programme_id: str
    fiscal_year: int
    members: dict[str, list[Member]]
    slot: str | None = None


@dataclass
class _Filters:
    ministries: frozenset[str] | None
    clusters: frozenset[str] | None
    stages: frozenset[str] | None
    programmes: frozenset[str] | None


def run_pivot(session: Session, definition: PivotDefinition) -> PivotResult:
    """Answer `definition` from the rollups.

    Raises:
        UsageError: a filter names a ministry, cluster, stage or programme that does not exist.
    """
    return _Pivot(session, definition).run()


class _Pivot:
    def __init__(self, session: Session, definition: PivotDefinition) -> None:
        self.session, self.d = session, definition
        self.cat = catalogue(session)  # the dashboards' own, for the same data version
        self.filters = _resolve(self.cat, definition)
        first, last = definition.first_year, definition.last_year
        years = range(first.start_year if first else 1900, (last.start_year if last else 2200)
                      + 1) if first or last else None
        self.values = Values(session, definition.scope, years)
        self.years = sorted(self.values.years)
        self.universe = _universe(self.cat, self.filters)
        self.dims = (*definition.rows, *([definition.columns] if definition.columns else []))
        self.slot_dim = next((x for x in self.dims if x in SLOT_DIMENSIONS), None)
        self.slices: dict[str, _Slice] = {}
        self.slot_members: dict[str, Member] = {}
        self.order = {**_sort_orders(session, Cluster), **_sort_orders(session, LifeCycleStage)}
        self.flags: set[str] = set()

    # --- members ------------------------------------------------------------------------------

    def _named(self, table: dict[str, programme_catalogue.Named], key: str | None) -> Member:
        item = table.get(key or "")
        if item is None:
            return Member("", *NONE_LABELS, (1,))
        return Member(item.id, item.name_en, item.name_bn or item.name_en,
                      (0, self.order.get(item.id, 0), item.name_en))

    def _members(self, pid: str, fy: int, dim: str) -> list[Member]:
        cat, f = self.cat, self.filters
        if dim == "ministry":
            ids = set(cat.implementers.get(pid, ()))
            if f.ministries is not None:
                ids &= f.ministries
            return [self._named(cat.ministries, i) for i in sorted(ids)] or \
                [self._named(cat.ministries, None)]
        if dim == "cluster":
            return [self._named(cat.clusters, cat.programmes[pid].cluster_id)]
        if dim == "life_cycle":
            ids = set(cat.stages_of.get(pid, ()))
            if f.stages is not None:
                ids &= f.stages
            return [self._named(cat.stages, i) for i in sorted(ids)] or \
                [self._named(cat.stages, None)]
        if dim == "programme":
            p = cat.programmes[pid]
            return [Member(pid, f"{p.name_en} ({p.code})",
                           f"{p.name_bn or p.name_en} ({p.code})", (0, p.code))]
        fiscal = FiscalYear(fy)
        return [Member(str(fy), str(fiscal), fiscal.label("bn"), (0, fy))]

    def _atoms(self) -> tuple[list[_Atom], list[_Atom]]:
        """(base atoms: programme × year; slot atoms: programme × year × period/category)."""
        present = {(p, y) for p, y, _ in self.values.programme} | \
                  {(p, y) for p, _, y, _ in self.values.share}
        plain = [d for d in self.dims if d not in SLOT_DIMENSIONS]
        base = [_Atom(p, y, {d: self._members(p, y, d) for d in plain})
                for p in self.universe for y in self.years if (p, y) in present]
        slots = []
        for key, piece in self.slices.items():
            pairs = {(p, y) for p, y, _ in piece.programme} | \
                    {(p, y) for p, _, y, _ in piece.share}
            for p, y in sorted(pairs):
                if p in self.universe:
                    members = {d: self._members(p, y, d) for d in plain}
                    members[self.slot_dim] = [self.slot_members[key]]  # type: ignore[index]
                    slots.append(_Atom(p, y, members, key))
        return base, slots

    # --- the run ------------------------------------------------------------------------------

    def run(self) -> PivotResult:
        if self.slot_dim == "period":
            self._period_slices()
        elif self.slot_dim in ("gender", "area"):
            self._breakdown_slices(self.slot_dim)
        base, slots = self._atoms()
        rows_dims, col_dim = self.d.rows, self.d.columns
        measures = []
        for m in self.d.measures:
            kind = _column_kind(m)
            measures.append(MeasureColumn(m, m, False, kind))
            if MEASURES[m].unit == "count":
                measures.append(MeasureColumn(f"{m}:families", m, True, kind))

        # (row key or (), column key or None) -> the cell's atoms, for each kind of cell.
        groups: dict[tuple[tuple[str, ...], str | None], list[_Atom]] = defaultdict(list)
        members: dict[str, Member] = {}
        row_members: dict[tuple[str, ...], tuple[Member, ...]] = {}
        for row_on, col_on in ((True, True), (True, False), (False, True), (False, False)):
            if col_on and col_dim is None:
                continue
            on = [*(rows_dims if row_on else ()), *([col_dim] if col_on else [])]
            atoms = slots if self.slot_dim in on else base
            for atom in atoms:
                row_choices = product(*(atom.members[d] for d in rows_dims)) if row_on else [()]
                col_choices = atom.members[col_dim] if col_on else [None]  # type: ignore[index]
                for row in row_choices:
                    key = tuple(m.key for m in row)
                    row_members.setdefault(key, row)
                    for col in col_choices:
                        if col is not None:
                            members[col.key] = col
                        groups[(key, col.key if col else None)].append(atom)

        rows: dict[tuple[str, ...], PivotRow] = {}
        grand = PivotRow(())
        for (key, col), atoms in groups.items():
            target = grand if key == () else rows.setdefault(key, PivotRow(row_members[key]))
            constrained = {**(dict(zip(rows_dims, key, strict=True)) if key else {}),
                           **({col_dim: col} if col is not None else {})}
            for mc in measures:
                cell, shared = self._cell(atoms, constrained, mc)
                target.cells[(col, mc.key)] = cell
                target.shared |= shared and cell.value is not None
        measures = [mc for mc in measures if not mc.families or any(
            r.cells.get((c, mc.key)) and r.cells[(c, mc.key)].value is not None
            for r in [*rows.values(), grand] for c in [None, *members])]
        kept = [r for r in rows.values() if any(c.value is not None for c in r.cells.values())]
        kept.sort(key=lambda r: tuple(m.order for m in r.members))
        columns = sorted((m for k, m in members.items() if any(
            (c := r.cells.get((k, mc.key))) is not None and c.value is not None
            for r in [*kept, grand] for mc in measures)), key=lambda m: m.order)
        result = PivotResult(self.d, tuple(FiscalYear(y) for y in self.years), columns,
                             measures, kept, grand)
        result.notes = self._notes(result)
        return result

    # --- one cell -----------------------------------------------------------------------------

    def _cell(self, atoms: list[_Atom], constrained: dict[str, str],
              mc: MeasureColumn) -> tuple[CellValue, bool]:
        slot = atoms[0].slot if atoms else None
        piece: Values | _Slice = self.slices[slot] if slot is not None else self.values
        ministries: frozenset[str] | None = self.filters.ministries
        if "ministry" in constrained:
            ministries = frozenset({constrained["ministry"]}) if constrained["ministry"] \
                else None
        by_year: dict[int, set[str]] = defaultdict(set)
        for a in atoms:
            by_year[a.fiscal_year].add(a.programme_id)
        every = set().union(*by_year.values()) if by_year else set()
        single = "programme" in constrained or len(self.universe) == 1
        kind = MEASURES[mc.measure].kind
        if kind is MeasureKind.RATE and (len(every) != 1 or mc.families):
            if len(every) > 1:
                self.flags.add("rate")
            return CellValue(None), False
        per_year: dict[int, tuple[object, list[str]]] = {}
        shared = False
        for fy in sorted(by_year):
            value, counted, was_shared = self._year(piece, by_year[fy], fy, ministries, single,
                                                    mc)
            per_year[fy] = (value, counted)
            shared |= was_shared and isinstance(value, int)
        numbers = {fy: v for fy, v in per_year.items() if isinstance(v[0], int)}
        ministry = next(iter(ministries)) if ministries and len(ministries) == 1 else None
        if not numbers:
            na = any(v is _NA for v, _ in per_year.values())
            return CellValue(NOT_AVAILABLE_TEXT if na else None), False
        if kind is MeasureKind.FLOW:
            amount = sum(v for v, _ in numbers.values())  # type: ignore[misc]
            used = tuple(sorted(numbers))
        else:  # a stock or a rate: as of the last year with a figure, never summed over years
            used = (max(numbers),)
            amount = numbers[used[0]][0]
            if len(numbers) > 1:
                self.flags.add("stock_over_years")
        ids = tuple(sorted({p for fy in used for p in numbers[fy][1]}))
        return CellValue(_display(mc.measure, amount), ids, used, ministry), shared  # type: ignore[arg-type]

    def _year(self, piece: Values | _Slice, pids: set[str], fy: int,
              ministries: frozenset[str] | None, single: bool,
              mc: MeasureColumn) -> tuple[object, list[str], bool]:
        """One fiscal year's value over `pids`: (int, None or _NA; programmes counted; whether
        a shared programme's whole figure is shown)."""
        m, cat = mc.measure, self.cat
        if MEASURES[m].kind is MeasureKind.RATE:
            (pid,) = pids
            cell = None
            if ministries is not None and len(ministries) == 1:
                cell = piece.share.get((pid, next(iter(ministries)), fy, m))
            cell = cell or piece.get(pid, fy, m)
            if cell is None:
                return None, [], False
            return (_NA, [], False) if cell.value is None else (cell.value, [pid], False)
        value, counted, na, shared = 0, [], False, False
        for pid in sorted(pids):
            families = m.endswith("beneficiaries") and \
                cat.programmes[pid].beneficiary_unit == "families"
            implementers = cat.implementers.get(pid, set())
            if ministries is not None:
                shares = [piece.share.get((pid, mid, fy, m))
                          for mid in sorted(implementers & ministries)]
                present = [s for s in shares if s is not None]
                if present:
                    numbers = [s.value for s in present if s.value is not None]
                    na |= not numbers
                    if numbers and families == mc.families:
                        value += sum(numbers)
                        counted.append(pid)
                    continue
                if len(implementers) > 1 and not implementers <= ministries:
                    if not single:
                        self.flags.add("shared")
                        continue
                    shared = True
            t = total(cat, piece, [pid], fy, m)  # type: ignore[arg-type]
            if t is None:
                continue
            part, ids = (t.families, t.family_programmes) if mc.families else (t.value,
                                                                               t.counted)
            if ids:
                value += part
                counted += ids
            elif (c := piece.get(pid, fy, m)) is not None and c.value is None:
                na = True
        if counted:
            return value, counted, shared
        return (_NA if na else None), [], False

    # --- periods and breakdowns ---------------------------------------------------------------

    def _period_slices(self) -> None:
        """Per period inside a year, the rule's value, for the kind of period the rollup used."""
        if not self.universe or not self.years:
            return
        query = (select(Figure, Source.code).outerjoin(Source, Source.id == Figure.source_id)
                 .where(Figure.programme_id.in_(sorted(self.universe)),
                        Figure.fiscal_year.in_(self.years),
                        Figure.approval_state.in_(rollup.SCOPES[self.d.scope])))
        grouped: dict[tuple[str, int, str, int], list[rollup.Candidate]] = defaultdict(list)
        for f, code in self.session.execute(query):
            grouped[(f.programme_id, f.fiscal_year, f.period_kind, f.period_no)].append(
                rollup.Candidate(f.ministry_id, f.period_kind, f.period_no, f.stage,
                                 f.approval_state, code or "", bool(f.synthetic),
                                 rollup.candidate_values(f)))
        for (pid, fy, kind, no), cands in grouped.items():
            key = f"{fy}:{kind}:{no}"
            for (mid, m), pick in rollup.compute(cands).items():
                base = self.values.get(pid, fy, m) if mid == "" else \
                    self.values.share.get((pid, mid, fy, m))
                if base is None or base.period_kind != kind:
                    continue  # the rollup used another kind of period for this measure
                piece = self.slices.setdefault(key, _Slice())
                self.slot_members.setdefault(key, _period_member(fy, kind, no))
                cell = Cell(pick.value, pick.stage, pick.source_code, pick.months,
                            pick.synthetic, kind)
                if mid == "":
                    piece.programme[(pid, fy, m)] = cell
                else:
                    piece.share[(pid, mid, fy, m)] = cell

    def _breakdown_slices(self, dimension: str) -> None:
        """Per category, the whole programme's breakdown (no ministry shares are reported)."""
        d = DisaggregationRollup
        query = select(d.programme_id, d.fiscal_year, d.category, d.beneficiaries,
                       d.amount_poisha).where(d.scope == self.d.scope, d.dimension == dimension,
                                              d.geo_code == "", d.fiscal_year.in_(self.years))
        for pid, fy, category, people, amount in self.session.execute(query):
            piece = self.slices.setdefault(category, _Slice())
            order = list(CATEGORY_LABELS)
            en, bn = CATEGORY_LABELS.get(category, (category.replace("_", " ").capitalize(),
                                                    category))
            self.slot_members.setdefault(category, Member(
                category, en, bn, (0, order.index(category) if category in order else 99,
                                   category)))
            for m, number in zip(BREAKDOWN_MEASURES, (people, amount), strict=True):
                if number is not None:
                    piece.programme[(pid, fy, m)] = Cell(number, "", "", 12, False)

    # --- notes --------------------------------------------------------------------------------

    def _notes(self, result: PivotResult) -> list[Note]:
        every = [c for r in [*result.rows, result.total] for c in r.cells.values()]
        wanted = {"counted_once": True, "stock_over_years": "stock_over_years" in self.flags,
                  "rate": "rate" in self.flags,
                  "families": any(mc.families for mc in result.measures),
                  "shared": "shared" in self.flags or any(r.shared for r in result.rows),
                  "breakdown": self.slot_dim in ("gender", "area"),
                  "period": self.slot_dim == "period",
                  "not_available": any(c.value == NOT_AVAILABLE_TEXT for c in every),
                  "left_out": True}
        last = str(FiscalYear(self.years[-1])) if self.years else ""
        dim = DIMENSION_LABELS.get(self.slot_dim or "", ("", ""))
        return [Note(c, NOTES[c][0].format(last=last, dim=dim[0].lower()),
                     to_bangla_digits(NOTES[c][1].format(last=last, dim=dim[1])))
                for c, on in wanted.items() if on]


def _resolve(cat: Catalogue, d: PivotDefinition) -> _Filters:
    def ids(kind: str, codes: tuple[str, ...]) -> frozenset[str] | None:
        return frozenset(cat.by_code(kind, c).id for c in codes) if codes else None

    programmes = None
    if d.programmes:
        by_code = {p.code.lower(): p.id for p in cat.programmes.values()}
        missing = [c for c in d.programmes if c.lower() not in by_code]
        if missing:
            raise UsageError(f"There is no programme '{missing[0]}'.",
                             hint="Find its code with: nsss-desktop figures search WORDS")
        programmes = frozenset(by_code[c.lower()] for c in d.programmes)
    return _Filters(ids("ministry", d.ministries), ids("cluster", d.clusters),
                    ids("life_cycle", d.life_cycles), programmes)


def _universe(cat: Catalogue, f: _Filters) -> set[str]:
    """The programmes that pass every filter (never a published national budget line)."""
    def keep(pid: str) -> bool:
        return bool((f.ministries is None or cat.implementers.get(pid, set()) & f.ministries)
                    and (f.clusters is None or cat.programmes[pid].cluster_id in f.clusters)
                    and (f.stages is None or cat.stages_of.get(pid, set()) & f.stages)
                    and (f.programmes is None or pid in f.programmes))

    return {pid for pid in cat.countable() if keep(pid)}


def _sort_orders(session: Session, model: type[Cluster | LifeCycleStage]) -> dict[str, int]:
    return dict(session.execute(select(model.id, model.sort_order)).all())  # type: ignore[arg-type]


_KIND_ORDER = {k.value: i for i, k in enumerate(PeriodKind)}


def _period_member(fy: int, kind: str, no: int) -> Member:
    period = Period.from_key((fy, kind, no))
    fiscal = FiscalYear(fy).label("bn")
    bn = {"year": fiscal, "half": f"{fiscal} অর্ধবছর {no}", "quarter": f"{fiscal} প্রান্তিক {no}",
          "month": f"{fiscal} {MONTHS_BN[no - 1]}"}[kind]
    return Member(f"{fy}:{kind}:{no}", str(period), to_bangla_digits(bn),
                  (0, fy, _KIND_ORDER.get(kind, 9), no))


def _column_kind(measure: str) -> str:
    m = MEASURES[measure]
    if m.unit == "count":
        return "lakh"
    return "taka" if m.kind is MeasureKind.RATE else "crore"


def _display(measure: str, amount: int) -> Decimal:
    """Exact display units: lakh persons, crore taka, taka for the per-beneficiary benefit."""
    kind = _column_kind(measure)
    if kind == "lakh":
        return Count(amount).lakh
    return Money(amount).taka if kind == "taka" else Money(amount).crore


# --- the table --------------------------------------------------------------------------------


def default_title(definition: PivotDefinition, lang: str = "en") -> str:
    """'Budget (crore Tk), Beneficiaries (lakh) by ministry/division and fiscal year'."""
    if definition.name:
        return definition.name
    measures = ", ".join(MeasureColumn(m, m, False, "").label(lang) for m in definition.measures)
    dims = [DIMENSION_LABELS[d][1 if lang == "bn" else 0] for d in
            (*definition.rows, *([definition.columns] if definition.columns else []))]
    joined = (" ও " if lang == "bn" else " and ").join(
        [", ".join(dims[:-1]), dims[-1]] if len(dims) > 1 else dims)
    if lang == "bn":
        return f"{joined}ভিত্তিক {measures}"
    return f"{measures} by {joined.lower()}"


def pivot_table(result: PivotResult, lang: str = "en") -> DashboardTable:
    """The pivot as one table: a text column per row dimension, then per measure one column
    per column member and a total; the last row is the total, each programme counted once."""
    d = result.definition
    columns = [Column(f"dim:{dim}", DIMENSION_LABELS[dim][1 if lang == "bn" else 0])
               for dim in d.rows]
    shared = any(r.shared for r in result.rows)
    if shared:
        columns.append(Column("basis", "ভিত্তি" if lang == "bn" else "Basis"))
    value_columns: list[tuple[str, str | None, MeasureColumn]] = []
    spans = [(m.key, m.label(lang)) for m in result.columns]
    spans.append((None, TOTAL_LABELS["column"][lang] if d.columns else ""))
    for mc in result.measures:
        for member, label in spans:
            key = mc.key if d.columns is None else f"{mc.key}@{member or 'total'}"
            value_columns.append((key, member, mc))
            columns.append(Column(key, f"{mc.label(lang)}, {label}" if label else mc.label(lang),
                                  mc.kind))
    table = DashboardTable("pivot", default_title(d, lang), columns)
    for row in [*result.rows, result.total]:
        index = len(table.rows)
        out: dict[str, Value] = {}
        if row is result.total:
            out[f"dim:{d.rows[0]}"] = TOTAL_LABELS["row"][lang]
            out[STYLE_KEY] = STYLE_TOTAL
        else:
            out.update({f"dim:{dim}": m.label(lang) for dim, m in zip(d.rows, row.members,
                                                                        strict=True)})
        if shared:
            out["basis"] = (TOTAL_LABELS["shared"][lang] if row.shared else "")
        for key, member, mc in value_columns:
            cell = row.cells.get((member, mc.key))
            out[key] = cell.value if cell else None
            if cell is not None and cell.programme_ids:
                table.drill[(index, key)] = DrillKey(cell.programme_ids, cell.fiscal_years,
                                                     mc.measure, d.scope, cell.ministry_id)
        table.rows.append(out)
    table.notes = [n.text(lang) for n in result.notes]
    return table


# --- saved definitions ------------------------------------------------------------------------


def _key(name: str) -> str:
    name = name.strip()
    if not name:
        raise UsageError("Give the report definition a name.")
    if len(name) > NAME_MAX:
        raise UsageError(f"The name is too long ({len(name)} characters).",
                         hint=f"Use at most {NAME_MAX} characters.")
    return SETTING_PREFIX + name


def saved_names(session: Session) -> list[str]:
    """Names of the saved definitions, in alphabetical order."""
    keys = session.scalars(select(Setting.key).where(Setting.key.startswith(SETTING_PREFIX,
                                                                             autoescape=True)))
    return sorted((k[len(SETTING_PREFIX):] for k in keys), key=str.casefold)


def load_definition(session: Session, name: str) -> PivotDefinition:
    row = session.scalar(select(Setting).where(Setting.key == _key(name)))
    if row is None:
        known = ", ".join(saved_names(session)) or "none yet"
        raise UsageError(f"There is no saved report named '{name.strip()}'.",
                         hint=f"Saved reports: {known}.")
    definition = PivotDefinition.from_json(row.value)
    if definition.name != name.strip():
        definition = PivotDefinition.from_dict({**definition.to_dict(), "name": name.strip()})
    return definition


def save_definition(db: Any, definition: PivotDefinition, *,
                    user_id: str | None = None) -> PivotDefinition:
    """Save (or replace) `definition` under its name, in one unit of work."""
    _write(db, definition.name, definition.to_json(), user_id, "Save")
    return definition


def delete_definition(db: Any, name: str, *, user_id: str | None = None) -> bool:
    """Delete a saved definition; False when there was none by that name."""
    return _write(db, name, None, user_id, "Delete")


def _write(db: Any, name: str, text: str | None, user_id: str | None, verb: str) -> bool:
    key = _key(name)
    with db.unit_of_work(user_id=user_id, description=f"{verb} report '{name.strip()}'") as uow:
        row = uow.session.scalar(select(Setting).where(Setting.key == key))
        if row is None and text is not None:
            uow.session.add(Setting(key=key, value=text))
        elif row is not None and text is None:
            uow.session.delete(row)
        elif row is not None and row.value != text:
            row.value = text  # type: ignore[assignment]
        return row is not None or text is not None
