"""The programme M&E dashboards (national, ministry, cluster, life cycle, all ministries) as
plain tables, read from the rollups, with a drill-down key behind every number.

Totals follow domain.md, "never double count": a programme counts once in any total that spans
ministries, clusters or life-cycle stages; a component is left out in years its aggregate has a
value; published national budget lines are never added; programmes counted in families are
kept apart from those counted in persons. Inside a ministry's view a programme it shares with
other ministries shows the ministry's own share where one was reported; where only a
programme-level figure exists the row is marked *shared* and left out of the ministry's sums
(it would otherwise be counted again in every other implementing ministry).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from nsss_desktop.domain import Count, FiscalYear, Money
from nsss_desktop.domain.measures import MEASURES, MeasureKind
from nsss_desktop.services import programme_catalogue
from nsss_desktop.services.programme_catalogue import Catalogue
from nsss_desktop.services.tables import NOT_AVAILABLE_TEXT, Column, DashboardTable, Value
from nsss_desktop.store.models import DisaggregationRollup, ProgrammeYearRollup

SCOPES = ("approved", "submitted", "working")
# The measures dashboards show, with the column kind that displays them.
SHOWN = (("active_beneficiaries", "lakh"), ("budget", "crore"), ("expenditure", "crore"),
         ("amount_disbursed", "crore"), ("benefit_value", "taka"))
COLUMN_LABELS = {
    "active_beneficiaries": "Beneficiaries (lakh)",
    "budget": "Budget (crore Tk)",
    "expenditure": "Expenditure (crore Tk)",
    "amount_disbursed": "Disbursed (crore Tk)",
    "benefit_value": "Benefit (Tk per month)",
    "cumulative_beneficiaries": "Cumulative beneficiaries (lakh)",
    "budget_original": "Original budget (crore Tk)",
    "budget_revised": "Revised budget (crore Tk)",
}
# What the dashboards read: loading only these keeps a cold refresh small at national scale.
DASHBOARD_MEASURES = tuple(m for m, _ in SHOWN)
SHARED_NOTE = ("Rows marked 'shared' are programmes this ministry implements with others and "
               "for which only a whole-programme figure exists: shown, but not added to this "
               "ministry's totals (each programme counts once).")


@dataclass(frozen=True)
class DrillKey:
    """What one dashboard number is made of: the figure rows of these programmes, years and
    measure (in one ministry's share, if `ministry_id`)."""

    programme_ids: tuple[str, ...]
    fiscal_years: tuple[int, ...]
    measure: str
    scope: str = "approved"
    ministry_id: str | None = None


class Cell(NamedTuple):
    """One rollup value (a named tuple: tens of thousands are built per cold refresh)."""

    value: int | None  # None: not available
    stage: str
    source_code: str
    months: int
    synthetic: bool
    period_kind: str = "year"


_ROLLUP_SQL = ("SELECT programme_id, ministry_id, fiscal_year, measure, value, stage, "
               "source_code, months, synthetic, period_kind FROM programme_year_rollup "
               "WHERE scope = ?")
_CACHE: dict[tuple, tuple[dict, dict, frozenset[int]]] = {}
_CACHE_SIZE = 6


def data_version(session: Session, scope: str) -> tuple:
    """Changes whenever the figures (hence the rollups) may have changed: the database file,
    its last committed unit of work (sequence and id, so a restored older copy at the same
    path never matches) and the rollup rule version."""
    conn = session.connection()
    files = tuple(conn.exec_driver_sql("PRAGMA database_list").fetchall())
    last = conn.exec_driver_sql(
        "SELECT seq, txn_id FROM journal_txn ORDER BY seq DESC LIMIT 1").fetchone()
    version = conn.exec_driver_sql(
        "SELECT version FROM derived_state WHERE name = 'rollup'").scalar()
    return (id(conn.engine), files, scope, tuple(last) if last else None, version)


def clear_cache() -> None:
    """Forget the loaded rollups (benchmarks measure a cold refresh with this)."""
    _CACHE.clear()
    _CATALOGUES.clear()


_CATALOGUES: dict[tuple, Catalogue] = {}


def catalogue(session: Session) -> Catalogue:
    """The programme register, loaded once per data version."""
    key = data_version(session, "")
    if key not in _CATALOGUES:
        if len(_CATALOGUES) >= _CACHE_SIZE:
            _CATALOGUES.pop(next(iter(_CATALOGUES)))
        _CATALOGUES[key] = programme_catalogue.load(session)
    return _CATALOGUES[key]


def _load(session: Session, scope: str, measures: tuple[str, ...] | None = None
          ) -> tuple[dict, dict, frozenset[int]]:
    """The rollup rows of a scope (only `measures`, when given), once per data version."""
    key = (*data_version(session, scope), measures)
    if key in _CACHE:
        return _CACHE[key]
    programme: dict[tuple[str, int, str], Cell] = {}
    share: dict[tuple[str, str, int, str], Cell] = {}
    years: set[int] = set()
    sql, params = _ROLLUP_SQL, (scope,)
    if measures:
        sql += f" AND measure IN ({', '.join('?' for _ in measures)})"
        params += tuple(measures)
    rows = session.connection().exec_driver_sql(sql, params).fetchall()
    for pid, mid, fy, measure, value, stage, source, months, syn, kind in rows:
        cell = Cell(value, stage, source, months, bool(syn), kind)
        years.add(fy)
        if mid:
            share[(pid, mid, fy, measure)] = cell
        else:
            programme[(pid, fy, measure)] = cell
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = (programme, share, frozenset(years))
    return _CACHE[key]


class Values:
    """The rollup rows of one scope: loaded once per data version (a few thousand rows even
    at national scale) and shared by every view until the next write."""

    def __init__(self, session: Session, scope: str = "approved",
                 fiscal_years: Iterable[int] | None = None,
                 measures: tuple[str, ...] | None = None) -> None:
        if scope not in SCOPES:
            raise ValueError(f"unknown scope {scope!r}")
        self.scope = scope
        self.programme, self.share, years = _load(session, scope, measures)
        self.years = set(years) if fiscal_years is None else set(years) & set(fiscal_years)

    def get(self, programme_id: str, fy: int, measure: str) -> Cell | None:
        return self.programme.get((programme_id, fy, measure))


@dataclass
class Total:
    """A total counted once, with what went into it and what was left out, and why."""

    value: int = 0
    counted: list[str] = field(default_factory=list)
    families: int = 0
    family_programmes: list[str] = field(default_factory=list)
    left_out: dict[str, str] = field(default_factory=dict)  # programme id -> reason

    @property
    def any(self) -> bool:
        return bool(self.counted)


def excluded(cat: Catalogue, values: Values, pid: str, fy: int, measure: str) -> str | None:
    """Why a programme's value stays out of a persons/money total, or None if it counts."""
    p = cat.programmes[pid]
    if p.is_budget_total:
        return "published national total"
    parent = p.part_of_id
    if parent:
        aggregate = values.get(parent, fy, measure)
        if aggregate is not None and aggregate.value is not None:
            return f"part of {cat.programmes[parent].code}, counted there"
    if measure.endswith("beneficiaries") and p.beneficiary_unit == "families":
        return "families"
    return None


def total(cat: Catalogue, values: Values, programme_ids: Iterable[str], fy: int,
          measure: str) -> Total | None:
    """Sum of `measure` over programmes, each counted once; None for a rate (never summed)."""
    if MEASURES[measure].kind is MeasureKind.RATE:
        return None
    out = Total()
    for pid in programme_ids:
        cell = values.get(pid, fy, measure)
        if cell is None or cell.value is None:
            continue
        reason = excluded(cat, values, pid, fy, measure)
        if reason == "families":
            out.families += cell.value
            out.family_programmes.append(pid)
        elif reason:
            out.left_out[pid] = reason
        else:
            out.value += cell.value
            out.counted.append(pid)
    return out


@dataclass(frozen=True)
class MinistryCell:
    """A programme's value as one ministry sees it, and whether it enters that ministry's sums."""

    cell: Cell | None
    by_share: bool  # the ministry's own reported share
    counted: bool


def ministry_cell(cat: Catalogue, values: Values, pid: str, ministry_id: str, fy: int,
                  measure: str) -> MinistryCell:
    """The ministry's share where reported; else the whole programme, counted only when no
    other ministry implements it (a shared whole-programme figure is shown, never added)."""
    share = values.share.get((pid, ministry_id, fy, measure))
    rate = MEASURES[measure].kind is MeasureKind.RATE
    if share is not None:
        ok = share.value is not None and not rate and not excluded(cat, values, pid, fy,
                                                                    measure)
        return MinistryCell(share, True, ok)
    cell = values.get(pid, fy, measure)
    ok = cell is not None and cell.value is not None and not rate and not cat.shared(pid) \
        and not excluded(cat, values, pid, fy, measure)
    return MinistryCell(cell, False, ok)


def _exact(measure: str, amount: int) -> Decimal:
    """Display units: lakh persons, crore taka, taka for a per-beneficiary benefit."""
    m = MEASURES[measure]
    if m.unit == "count":
        return Count(amount).lakh
    if m.kind is MeasureKind.RATE:
        return Money(amount).taka
    return Money(amount).crore


def shown(cell: Cell | None, measure: str) -> Value:
    if cell is None:
        return None
    if cell.value is None:
        return NOT_AVAILABLE_TEXT
    return _exact(measure, cell.value)


def _kind(measure: str) -> str:
    return dict(SHOWN).get(measure, "lakh" if MEASURES[measure].unit == "count" else "crore")


def fiscal_years(session: Session, scope: str = "approved") -> list[FiscalYear]:
    years = session.scalars(select(ProgrammeYearRollup.fiscal_year).distinct()
                            .where(ProgrammeYearRollup.scope == scope))
    return [FiscalYear(y) for y in sorted(years)]


def latest_year(session: Session, scope: str = "approved") -> FiscalYear | None:
    """The latest fiscal year with a beneficiary or budget figure."""
    programme, _, _ = _load(session, scope, DASHBOARD_MEASURES)
    years = [fy for (_, fy, m), cell in programme.items()
             if m in ("active_beneficiaries", "budget") and cell.value is not None]
    return FiscalYear(max(years)) if years else None


# --- series by fiscal year --------------------------------------------------------------------


def series(session: Session, programme_ids: Iterable[str] | None = None, *,
           scope: str = "approved", measures: tuple[str, ...] = ("active_beneficiaries",
                                                                  "budget", "expenditure"),
           title: str = "Series by fiscal year", cat: Catalogue | None = None,
           values: Values | None = None) -> DashboardTable:
    """Totals by fiscal year over these programmes (all when None), each counted once."""
    cat = cat or catalogue(session)
    values = values or Values(session, scope, measures=None if set(measures) - set(
        DASHBOARD_MEASURES) else DASHBOARD_MEASURES)
    ids = list(programme_ids) if programme_ids is not None else cat.countable()
    columns = [Column("fiscal_year", "Fiscal year")]
    columns += [Column(m, COLUMN_LABELS[m], _kind(m)) for m in measures]
    columns += [Column("programmes_counted", "Programmes counted", "int")]
    table = DashboardTable("series", title, columns)
    families_seen = False
    for fy in sorted(values.years):
        row: dict[str, Value] = {"fiscal_year": str(FiscalYear(fy))}
        counted: set[str] = set()
        for m in measures:
            t = total(cat, values, ids, fy, m)
            if t is None or not t.any:
                row[m] = None
                continue
            row[m] = _exact(m, t.value)
            counted |= set(t.counted)
            families_seen |= bool(t.families)
            table.drill[(len(table.rows), m)] = DrillKey(tuple(sorted(t.counted)), (fy,), m,
                                                         values.scope)
        if not counted:
            continue
        row["programmes_counted"] = len(counted)
        table.rows.append(row)
    table.notes.append("Each programme is counted once, whichever ministries implement it.")
    if families_seen:
        table.notes.append("Programmes counted in families (Food Friendly Programme) are not "
                           "added to persons.")
    return table


# --- programme tables -------------------------------------------------------------------------


def _names(named: programme_catalogue.Named | None) -> tuple[str, str]:
    return (named.name_en, named.name_bn or named.name_en) if named else ("", "")


def programme_table(session: Session, programme_ids: Iterable[str], fy: FiscalYear, *,
                    scope: str = "approved", ministry_id: str | None = None,
                    title: str = "Programmes", cat: Catalogue | None = None,
                    values: Values | None = None) -> DashboardTable:
    """One row per programme for one fiscal year, with a total row counted once.

    With `ministry_id`, values are that ministry's shares where reported; a shared programme
    without shares shows the whole-programme figure, marked 'shared', outside the total.
    """
    cat = cat or catalogue(session)
    values = values or Values(session, scope, [fy.start_year], DASHBOARD_MEASURES)
    year = fy.start_year
    columns = [Column("code", "Code"), Column("name_en", "Programme"),
               Column("name_bn", "Programme (Bangla)"), Column("lead_ministry", "Lead ministry"),
               Column("cluster", "Thematic cluster"), Column("life_cycle", "Life cycle"),
               *[Column(m, COLUMN_LABELS[m], kind) for m, kind in SHOWN],
               Column("basis", "Figure basis"), Column("stage", "Stage")]
    table = DashboardTable("programmes", f"{title}, {fy}", columns)
    sums: dict[str, int] = defaultdict(int)
    counted_ids: dict[str, list[str]] = defaultdict(list)
    any_shared = False
    ids = list(programme_ids)
    for pid in ids:
        p = cat.programmes[pid]
        lead = cat.ministries.get(p.lead_ministry_id or "")
        cluster = cat.clusters.get(p.cluster_id or "")
        stages = sorted((cat.stages[s] for s in cat.stages_of.get(pid, ())),
                        key=lambda s: s.code)
        row: dict[str, Value] = {
            "code": p.code, "name_en": p.name_en, "name_bn": p.name_bn or p.name_en,
            "lead_ministry": lead.name_en if lead else "",
            "cluster": cluster.name_en if cluster else "",
            "life_cycle": "; ".join(s.name_en for s in stages),
        }
        stage = ""
        used_share = used_whole = False
        index = len(table.rows)
        for m, _ in SHOWN:
            if ministry_id is not None:
                mc = ministry_cell(cat, values, pid, ministry_id, year, m)
                cell, counted = mc.cell, mc.counted
                used_share |= mc.by_share and cell is not None
                used_whole |= not mc.by_share and cell is not None
                drill_ministry = ministry_id if mc.by_share else None
            else:
                cell = values.get(pid, year, m)
                t = total(cat, values, [pid], year, m)
                counted, drill_ministry = bool(t and t.any), None
            row[m] = shown(cell, m)
            if cell is not None:
                stage = stage or cell.stage
                table.drill[(index, m)] = DrillKey((pid,), (year,), m, values.scope,
                                                   drill_ministry)
            if counted and cell is not None and cell.value is not None:
                sums[m] += cell.value
                counted_ids[m].append(pid)
        basis = ""
        if ministry_id is not None and cat.shared(pid):
            basis = ("ministry share" if not used_whole else
                     "shared" if not used_share else "ministry share; rest shared")
            any_shared |= used_whole
        row["basis"], row["stage"] = basis, stage
        table.rows.append(row)
    if table.rows:
        index = len(table.rows)
        total_row: dict[str, Value] = {"code": "", "name_en": "Total (each programme once)",
                                       "name_bn": "মোট (প্রতিটি কর্মসূচি একবার)"}
        for m, _ in SHOWN:
            if MEASURES[m].kind is MeasureKind.RATE or not counted_ids[m]:
                total_row[m] = None
                continue
            total_row[m] = _exact(m, sums[m])
            table.drill[(index, m)] = DrillKey(tuple(counted_ids[m]), (year,), m, values.scope,
                                               ministry_id)
        total_row["basis"] = "total"
        table.rows.append(total_row)
    if any_shared:
        table.notes.append(SHARED_NOTE)
    table.notes.append("Totals leave out components counted in their aggregate, published "
                       "national budget lines, and families (counted apart from persons).")
    return table


def grouped_table(session: Session, programme_ids: Iterable[str], fy: FiscalYear,
                  group_by: str, *, scope: str = "approved", ministry_id: str | None = None,
                  cat: Catalogue | None = None, values: Values | None = None) -> DashboardTable:
    """Programmes grouped by `cluster`, `life_cycle` or `ministry`, each group's totals once.

    A programme in two life-cycle stages (or shared by two ministries) is in both groups, so
    the groups may add up to more than the grand total, which counts it once; the note says so.
    """
    cat = cat or catalogue(session)
    values = values or Values(session, scope, [fy.start_year], DASHBOARD_MEASURES)
    year = fy.start_year
    ids = list(programme_ids)
    groups: dict[str, list[str]] = defaultdict(list)
    names: dict[str, tuple[str, str]] = {}
    for pid in ids:
        p = cat.programmes[pid]
        if group_by == "cluster":
            keys = [p.cluster_id or ""]
        elif group_by == "life_cycle":
            keys = sorted(cat.stages_of.get(pid, ())) or [""]
        elif group_by == "ministry":
            keys = sorted(cat.implementers.get(pid, ())) or [""]
        else:
            raise ValueError(f"unknown grouping {group_by!r}")
        for key in keys:
            groups[key].append(pid)
            source = {"cluster": cat.clusters, "life_cycle": cat.stages,
                      "ministry": cat.ministries}[group_by]
            names[key] = _names(source.get(key)) if key else ("(not classified)",
                                                              "(শ্রেণিভুক্ত নয়)")
    label = {"cluster": "Thematic cluster", "life_cycle": "Life cycle",
             "ministry": "Ministry/Division"}[group_by]
    measures = ("active_beneficiaries", "budget", "expenditure")
    table = DashboardTable(
        f"by-{group_by}", f"Programmes by {label.lower()}, {fy}",
        [Column("group", label), Column("group_bn", label + " (Bangla)"),
         Column("programmes", "Programmes", "int"),
         *[Column(m, COLUMN_LABELS[m], _kind(m)) for m in measures]])

    for key in sorted(groups, key=lambda k: (k == "", names[k][0])):
        members = groups[key]
        code = {"cluster": cat.clusters, "life_cycle": cat.stages,
                "ministry": cat.ministries}[group_by].get(key)
        # `group_code` is not a column: screens use it to open the group's own view.
        row: dict[str, Value] = {"group": names[key][0], "group_bn": names[key][1],
                                 "group_code": code.code if code else "",
                                 "programmes": len(members)}
        for m in measures:
            if group_by == "ministry" or ministry_id is not None:
                mid = key if group_by == "ministry" else ministry_id
                value, counted = _ministry_sum(cat, values, members, mid or "", year, m)
            else:
                t = total(cat, values, members, year, m)
                value, counted = (t.value, t.counted) if t and t.any else (None, [])
            row[m] = _exact(m, value) if value is not None else None
            if counted:
                table.drill[(len(table.rows), m)] = DrillKey(
                    tuple(counted), (year,), m, values.scope,
                    key if group_by == "ministry" else ministry_id)
        table.rows.append(row)
    grand = {m: total(cat, values, ids, year, m) for m in measures}
    if table.rows:
        index = len(table.rows)
        row = {"group": "Total (each programme once)", "group_bn": "মোট (প্রতিটি কর্মসূচি একবার)",
               "group_code": "", "programmes": len(set(ids))}
        for m in measures:
            t = grand[m]
            if ministry_id is not None:
                value, counted = _ministry_sum(cat, values, ids, ministry_id, year, m)
                row[m] = _exact(m, value) if value is not None else None
                if counted:
                    table.drill[(index, m)] = DrillKey(tuple(counted), (year,), m, values.scope,
                                                       ministry_id)
            elif t is not None and t.any:
                row[m] = _exact(m, t.value)
                table.drill[(index, m)] = DrillKey(tuple(t.counted), (year,), m, values.scope)
            else:
                row[m] = None
        table.rows.append(row)
    table.notes.append("A programme in several groups appears in each; the total row counts it "
                       "once, so the groups may add up to more than the total.")
    if group_by == "ministry" or ministry_id is not None:
        table.notes.append(SHARED_NOTE)
    return table


def _ministry_sum(cat: Catalogue, values: Values, programme_ids: Iterable[str],
                  ministry_id: str, year: int, measure: str) -> tuple[int | None, list[str]]:
    """A ministry's total: its own shares, plus programmes only it implements."""
    value, counted = 0, []
    for pid in programme_ids:
        mc = ministry_cell(cat, values, pid, ministry_id, year, measure)
        if mc.counted and mc.cell is not None and mc.cell.value is not None:
            value += mc.cell.value
            counted.append(pid)
    return (value if counted else None), counted


# --- the screens ------------------------------------------------------------------------------


@dataclass
class View:
    """One dashboard screen: a title, its tables, and the notes to show under them."""

    title: str
    title_bn: str
    fiscal_year: FiscalYear | None
    tables: dict[str, DashboardTable]
    notes: list[str] = field(default_factory=list)


def _year(session: Session, scope: str, fy: FiscalYear | None) -> FiscalYear | None:
    return fy or latest_year(session, scope)


def national_view(session: Session, *, scope: str = "approved",
                  fiscal_year: FiscalYear | None = None) -> View:
    cat = catalogue(session)
    values = Values(session, scope, measures=DASHBOARD_MEASURES)
    fy = _year(session, scope, fiscal_year)
    ids = cat.countable()
    tables = {"series": series(session, ids, scope=scope, cat=cat, values=values,
                               title="National series by fiscal year")}
    if fy is not None:
        tables["programmes"] = programme_table(session, ids, fy, scope=scope, cat=cat,
                                               values=values, title="All programmes")
        tables["by_cluster"] = grouped_table(session, ids, fy, "cluster", scope=scope, cat=cat,
                                             values=values)
        tables["by_life_cycle"] = grouped_table(session, ids, fy, "life_cycle", scope=scope,
                                                cat=cat, values=values)
        tables["by_ministry"] = grouped_table(session, ids, fy, "ministry", scope=scope,
                                              cat=cat, values=values)
    return View("All ministries: national programmes", "সকল মন্ত্রণালয়: জাতীয় কর্মসূচি", fy,
                tables)


def ministry_view(session: Session, ministry_code: str, *, scope: str = "approved",
                  fiscal_year: FiscalYear | None = None) -> View:
    cat = catalogue(session)
    ministry = cat.by_code("ministry", ministry_code)
    values = Values(session, scope, measures=DASHBOARD_MEASURES)
    fy = _year(session, scope, fiscal_year)
    ids = cat.programmes_of_ministry(ministry.id)
    tables = {"series": _ministry_series(cat, values, ids, ministry.id)}
    if fy is not None:
        tables["programmes"] = programme_table(session, ids, fy, scope=scope,
                                               ministry_id=ministry.id, cat=cat, values=values,
                                               title=f"Programmes of {ministry.name_en}")
        tables["by_cluster"] = grouped_table(session, ids, fy, "cluster", scope=scope,
                                             ministry_id=ministry.id, cat=cat, values=values)
        tables["by_life_cycle"] = grouped_table(session, ids, fy, "life_cycle", scope=scope,
                                                ministry_id=ministry.id, cat=cat, values=values)
    notes = [] if ids else ["No programmes are registered for this ministry."]
    return View(ministry.name_en, ministry.name_bn or ministry.name_en, fy, tables, notes)


def _ministry_series(cat: Catalogue, values: Values, ids: list[str],
                     ministry_id: str) -> DashboardTable:
    measures = ("active_beneficiaries", "budget", "expenditure")
    table = DashboardTable(
        "series", "Series by fiscal year (this ministry's programmes and shares)",
        [Column("fiscal_year", "Fiscal year"),
         *[Column(m, COLUMN_LABELS[m], _kind(m)) for m in measures],
         Column("programmes_counted", "Programmes counted", "int")])
    for fy in sorted(values.years):
        row: dict[str, Value] = {"fiscal_year": str(FiscalYear(fy))}
        counted: set[str] = set()
        for m in measures:
            value, ids_counted = _ministry_sum(cat, values, ids, ministry_id, fy, m)
            row[m] = _exact(m, value) if value is not None else None
            if ids_counted:
                counted |= set(ids_counted)
                table.drill[(len(table.rows), m)] = DrillKey(tuple(ids_counted), (fy,), m,
                                                             values.scope, ministry_id)
        if counted:
            row["programmes_counted"] = len(counted)
            table.rows.append(row)
    if any(cat.shared(p) for p in ids):
        table.notes.append(SHARED_NOTE)
    return table


def cluster_view(session: Session, cluster_code: str, *, scope: str = "approved",
                 fiscal_year: FiscalYear | None = None) -> View:
    cat = catalogue(session)
    cluster = cat.by_code("cluster", cluster_code)
    values = Values(session, scope, measures=DASHBOARD_MEASURES)
    fy = _year(session, scope, fiscal_year)
    ids = cat.programmes_of_cluster(cluster.id)
    tables = {"series": series(session, ids, scope=scope, cat=cat, values=values,
                               title=f"{cluster.name_en}: series by fiscal year")}
    if fy is not None:
        tables["programmes"] = programme_table(session, ids, fy, scope=scope, cat=cat,
                                               values=values, title=cluster.name_en)
        tables["by_ministry"] = grouped_table(session, ids, fy, "ministry", scope=scope,
                                              cat=cat, values=values)
    return View(cluster.name_en, cluster.name_bn or cluster.name_en, fy, tables)


def life_cycle_view(session: Session, stage_code: str, *, scope: str = "approved",
                    fiscal_year: FiscalYear | None = None) -> View:
    cat = catalogue(session)
    stage = cat.by_code("life_cycle", stage_code)
    values = Values(session, scope, measures=DASHBOARD_MEASURES)
    fy = _year(session, scope, fiscal_year)
    ids = cat.programmes_of_stage(stage.id)
    tables = {"series": series(session, ids, scope=scope, cat=cat, values=values,
                               title=f"{stage.name_en}: series by fiscal year")}
    if fy is not None:
        tables["by_ministry"] = grouped_table(session, ids, fy, "ministry", scope=scope,
                                              cat=cat, values=values)
        tables["programmes"] = programme_table(session, ids, fy, scope=scope, cat=cat,
                                               values=values, title=stage.name_en)
    return View(stage.name_en, stage.name_bn or stage.name_en, fy, tables)


def all_ministries(session: Session, *, scope: str = "approved",
                   fiscal_year: FiscalYear | None = None) -> DashboardTable:
    """One row per ministry (its own shares and sole programmes) and the national total once."""
    cat = catalogue(session)
    fy = _year(session, scope, fiscal_year)
    if fy is None:
        return DashboardTable("all-ministries", "All ministries", [])
    values = Values(session, scope, [fy.start_year], DASHBOARD_MEASURES)
    table = grouped_table(session, cat.countable(), fy, "ministry", scope=scope, cat=cat,
                          values=values)
    table.name, table.title = "all-ministries", f"All ministries, {fy}"
    return table


def budget_shares(session: Session, group_by: str, *, scope: str = "approved",
                  fiscal_year: FiscalYear | None = None) -> DashboardTable:
    """Each group's budget and its share (exact, half-up to 0.1 %) of the total counted once."""
    cat = catalogue(session)
    fy = _year(session, scope, fiscal_year)
    if fy is None:
        return DashboardTable("budget-share", "Share of budget", [])
    values = Values(session, scope, [fy.start_year], DASHBOARD_MEASURES)
    table = grouped_table(session, cat.countable(), fy, group_by, scope=scope, cat=cat,
                          values=values)
    grand = total(cat, values, cat.countable(), fy.start_year, "budget")
    table.columns.append(Column("share", "Share of budget (%)", "percent"))
    for row in table.rows[:-1]:
        budget = row.get("budget")
        row["share"] = (Decimal(budget) * 100 / _exact("budget", grand.value)).quantize(
            Decimal("0.1"), ROUND_HALF_UP) if isinstance(budget, Decimal) and grand and \
            grand.value else None
    if table.rows:
        table.rows[-1]["share"] = Decimal("100.0") if grand and grand.value else None
    table.name = "budget-share"
    table.title = f"Share of budget by {group_by.replace('_', ' ')}, {fy}"
    return table


# --- disaggregation ---------------------------------------------------------------------------


def disaggregation_series(session: Session, programme_ids: Iterable[str] | None, dimension: str,
                          *, scope: str = "approved", geo_code: str = "") -> DashboardTable:
    """Beneficiaries by fiscal year and category (female/male/third gender, rural/urban...).

    Only programmes that reported the breakdown are in it; the note gives their number, so a
    partial breakdown is never mistaken for the national total.
    """
    cat = catalogue(session)
    ids = set(programme_ids) if programme_ids is not None else set(cat.countable())
    d = DisaggregationRollup
    query = select(d.programme_id, d.fiscal_year, d.category, d.beneficiaries,
                   d.amount_poisha).where(d.scope == scope, d.dimension == dimension,
                                          d.geo_code == geo_code)
    cells: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    programmes: dict[int, set[str]] = defaultdict(set)
    categories: list[str] = []
    for pid, fy, category, people, _amount in session.execute(query):
        if pid not in ids or people is None:
            continue
        cells[fy][category] += people
        programmes[fy].add(pid)
        if category not in categories:
            categories.append(category)
    preferred = ["female", "male", "third_gender", "rural", "urban"]
    categories.sort(key=lambda c: (preferred.index(c) if c in preferred else 99, c))
    table = DashboardTable(
        f"disaggregation-{dimension}", f"Beneficiaries by {dimension.replace('_', ' ')}",
        [Column("fiscal_year", "Fiscal year"),
         *[Column(c, c.replace("_", " ").capitalize() + " (lakh)", "lakh") for c in categories],
         Column("programmes", "Programmes reporting", "int")])
    for fy in sorted(cells):
        row: dict[str, Value] = {"fiscal_year": str(FiscalYear(fy)),
                                 "programmes": len(programmes[fy])}
        for c in categories:
            row[c] = Count(cells[fy][c]).lakh if c in cells[fy] else None
            if c in cells[fy]:
                table.drill[(len(table.rows), c)] = DrillKey(
                    tuple(sorted(programmes[fy])), (fy,), "active_beneficiaries", scope)
        table.rows.append(row)
    table.notes.append("Only programmes that reported this breakdown are included.")
    return table


# --- drill-down -------------------------------------------------------------------------------


def drilldown(session: Session, key: DrillKey) -> DashboardTable:
    """The figure rows behind one number, and which of them the stated rule used."""
    from nsss_desktop.domain.fiscal_year import Period
    from nsss_desktop.services.rollup import SCOPES as STATES
    from nsss_desktop.services.rollup import candidate_values
    from nsss_desktop.store.models import Figure, Ministry, Programme, Source

    measure = MEASURES[key.measure]
    query = (select(Figure, Programme.code, Programme.name_en, Ministry.code, Source.code)
             .join(Programme, Programme.id == Figure.programme_id)
             .outerjoin(Ministry, Ministry.id == Figure.ministry_id)
             .outerjoin(Source, Source.id == Figure.source_id)
             .where(Figure.programme_id.in_(key.programme_ids),
                    Figure.fiscal_year.in_(key.fiscal_years),
                    Figure.approval_state.in_(STATES[key.scope]))
             .order_by(Programme.code, Figure.fiscal_year, Figure.period_kind, Figure.period_no))
    if key.ministry_id is not None:
        query = query.where(or_(Figure.ministry_id == key.ministry_id,
                                Figure.ministry_id.is_(None)))
    values = Values(session, key.scope, key.fiscal_years)
    # In a ministry's number, a programme counts by its share where the ministry reported one,
    # else (a programme only it implements) by the whole-programme figures.
    with_share = {pid for pid in key.programme_ids for fy in key.fiscal_years
                  if (pid, key.ministry_id, fy, key.measure) in values.share}
    table = DashboardTable(
        "drilldown", f"{COLUMN_LABELS.get(key.measure, measure.label_en)}: the figures behind",
        [Column("programme", "Programme"), Column("name_en", "Name"),
         Column("ministry", "Ministry share"), Column("period", "Period"),
         Column("stage", "Stage"), Column("source", "Source"), Column("state", "Approval"),
         Column("value", COLUMN_LABELS.get(key.measure, measure.label_en), _kind(key.measure)),
         Column("used", "Used")])
    for f, code, name, ministry, source in session.execute(query):
        raw = candidate_values(f).get(key.measure)
        if raw is None:
            continue
        by_share = key.ministry_id is not None and f.programme_id in with_share
        if by_share != (f.ministry_id is not None):
            continue
        cell = values.share.get((f.programme_id, key.ministry_id, f.fiscal_year, key.measure)) \
            if by_share else values.get(f.programme_id, f.fiscal_year, key.measure)
        used = cell is not None and f.stage == cell.stage and f.period_kind == cell.period_kind \
            and (source or "") in (cell.source_code.split("+") if cell.source_code else [""])
        table.rows.append({
            "programme": code, "name_en": name, "ministry": ministry or "(whole programme)",
            "period": str(Period.from_key((f.fiscal_year, f.period_kind, f.period_no))),
            "stage": f.stage, "source": source or "(entered)", "state": f.approval_state,
            "value": _exact(key.measure, raw) if isinstance(raw, int) else NOT_AVAILABLE_TEXT,
            "used": "yes" if used else ""})
    table.notes.append("Per programme and year one value is used: the most final stage, then a "
                       "government source, then the most precise figure; sub-year flows are "
                       "summed and stocks read at the last period.")
    return table
