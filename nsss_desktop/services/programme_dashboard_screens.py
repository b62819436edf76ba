"""Read helpers for the GUI's programme dashboards screen (national, ministry, cluster, life cycle).

The GUI never opens a session, so the screen gets everything it shows from one call here, run in
a worker thread: the view of `services.programme_dashboards` for the chosen filters, unchanged
(one source of numbers), plus what the screen needs beside it: the selector lists, the
gender/area/division breakdowns of the same programmes, which view each row of a grouped table
leads to, and the Bangla names of ministries, clusters and life-cycle stages. Every result is
plain data.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from nsss_desktop.domain import FiscalYear
from nsss_desktop.services import programme_catalogue
from nsss_desktop.services import programme_dashboards as dashboards
from nsss_desktop.services.programme_catalogue import Catalogue
from nsss_desktop.services.programme_dashboards import DrillKey, View
from nsss_desktop.services.tables import DashboardTable
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import Cluster, LifeCycleStage

__all__ = ["BREAKDOWNS", "GROUP_TABLES", "KINDS", "Choices", "DashboardData", "Item", "Request",
           "drilldown", "load"]

KINDS = ("national", "ministry", "cluster", "life_cycle")
BREAKDOWNS = ("gender", "area", "division")
# The grouped tables of a view and the kind of view a row of each leads to.
GROUP_TABLES = {"by_cluster": "cluster", "by_life_cycle": "life_cycle",
                "by_ministry": "ministry"}
Target = tuple[str, str]  # (view kind, code)


@dataclass(frozen=True)
class Request:
    """What to show: the view kind, its item's code, the scope and the fiscal year.

    `code` None picks a default item (the installation's ministry, the first cluster or stage);
    `fiscal_year` None (or a year without figures in this scope) picks the latest with figures.
    """

    kind: str = "national"
    code: str | None = None
    scope: str = "approved"
    fiscal_year: FiscalYear | None = None


@dataclass(frozen=True)
class Item:
    """One entry of the item selector: a ministry, a cluster or a life-cycle stage."""

    code: str
    name_en: str
    name_bn: str | None
    programmes: int


@dataclass(frozen=True)
class Choices:
    ministries: list[Item]
    clusters: list[Item]
    stages: list[Item]
    fiscal_years: list[FiscalYear]
    home_ministry: str | None

    def items(self, kind: str) -> list[Item]:
        return {"ministry": self.ministries, "cluster": self.clusters,
                "life_cycle": self.stages}.get(kind, [])


@dataclass
class DashboardData:
    """One refresh of the screen; `request` is what was shown (defaults filled in)."""

    request: Request
    view: View
    choices: Choices
    breakdowns: dict[str, DashboardTable]
    # table key -> for each row, the (kind, code) of the view it opens (None: total row)
    row_targets: dict[str, list[Target | None]] = field(default_factory=dict)
    names_bn: dict[str, str] = field(default_factory=dict)  # English name -> Bangla (all kinds)


def _choices(db: Database, session: Session, cat: Catalogue, scope: str) -> Choices:
    def count(kind: str, item_id: str) -> int:
        if kind == "ministry":
            return len(cat.programmes_of_ministry(item_id))
        if kind == "cluster":
            return len(cat.programmes_of_cluster(item_id))
        return len(cat.programmes_of_stage(item_id))

    def items(kind: str, named: list[programme_catalogue.Named]) -> list[Item]:
        return [Item(n.code, n.name_en, n.name_bn, count(kind, n.id)) for n in named]

    ministries = sorted(cat.ministries.values(), key=lambda m: m.name_en.lower())
    clusters = [cat.clusters[i] for i in session.scalars(
        select(Cluster.id).order_by(Cluster.sort_order, Cluster.code)) if i in cat.clusters]
    stages = [cat.stages[i] for i in session.scalars(
        select(LifeCycleStage.id).order_by(LifeCycleStage.sort_order, LifeCycleStage.code))
        if i in cat.stages]
    return Choices(items("ministry", ministries), items("cluster", clusters),
                   items("life_cycle", stages), dashboards.fiscal_years(session, scope),
                   db.setting("home_ministry") or None)


def _default_code(kind: str, choices: Choices) -> str:
    items = choices.items(kind)
    if not items:
        raise ValueError(f"there is no {kind.replace('_', ' ')} to show")
    if kind == "ministry" and choices.home_ministry:
        home = next((i for i in items if i.code == choices.home_ministry and i.programmes), None)
        if home is not None:
            return home.code
    return next((i for i in items if i.programmes), items[0]).code


def _row_targets(cat: Catalogue, table: DashboardTable, kind: str) -> list[Target | None]:
    """Which view each row opens; grouped rows carry only the group's English name."""
    source = {"cluster": cat.clusters, "life_cycle": cat.stages, "ministry": cat.ministries}[kind]
    by_name = {n.name_en: n.code for n in source.values()}
    return [(kind, by_name[str(r.get("group"))]) if r.get("group") in by_name else None
            for r in table.rows]


def load(db: Database, request: Request) -> DashboardData:
    """The view for `request` and everything the screen shows beside it."""
    if request.kind not in KINDS:
        raise ValueError(f"unknown dashboard view {request.kind!r}")
    with db.reader() as s:
        cat = programme_catalogue.load(s)
        choices = _choices(db, s, cat, request.scope)
        fy = request.fiscal_year if request.fiscal_year in choices.fiscal_years else None
        code = None
        programme_ids: list[str] | None = None
        if request.kind == "national":
            view = dashboards.national_view(s, scope=request.scope, fiscal_year=fy)
            if view.fiscal_year is not None:
                view.tables["by_ministry"] = dashboards.all_ministries(
                    s, scope=request.scope, fiscal_year=view.fiscal_year)
        else:
            code = request.code or _default_code(request.kind, choices)
            item = cat.by_code(request.kind, code)
            code = item.code
            make = {"ministry": dashboards.ministry_view, "cluster": dashboards.cluster_view,
                    "life_cycle": dashboards.life_cycle_view}[request.kind]
            view = make(s, code, scope=request.scope, fiscal_year=fy)
            programme_ids = {"ministry": cat.programmes_of_ministry,
                             "cluster": cat.programmes_of_cluster,
                             "life_cycle": cat.programmes_of_stage}[request.kind](item.id)
        breakdowns = {d: dashboards.disaggregation_series(s, programme_ids, d, scope=request.scope)
                      for d in BREAKDOWNS}
    targets = {key: _row_targets(cat, view.tables[key], kind)
               for key, kind in GROUP_TABLES.items() if key in view.tables}
    names_bn = {n.name_en: n.name_bn for source in (cat.ministries, cat.clusters, cat.stages)
                for n in source.values() if n.name_bn}
    names_bn.update({p.name_en: p.name_bn for p in cat.programmes.values() if p.name_bn})
    shown = Request(request.kind, code, request.scope, view.fiscal_year)
    return DashboardData(shown, view, choices, breakdowns, targets, names_bn)


def drilldown(db: Database, key: DrillKey) -> DashboardTable:
    """The figure rows behind one dashboard number (see `programme_dashboards.drilldown`).

    A ministry's total adds its own shares and the programmes only it implements, whose
    figures are programme-level rows; the core's drill-down of a key with `ministry_id` lists
    share rows only, so the programmes without a share row are added from their
    programme-level rows (used as the total uses them).
    """
    with db.reader() as s:
        table = dashboards.drilldown(s, key)
        if key.ministry_id is None:
            return table
        cat = programme_catalogue.load(s)
        listed = {str(r["programme"]) for r in table.rows}
        whole = tuple(p for p in key.programme_ids
                      if p in cat.programmes and cat.programmes[p].code not in listed
                      and not cat.shared(p))
        if whole:
            extra = dashboards.drilldown(s, replace(key, programme_ids=whole, ministry_id=None))
            table.rows = sorted([*table.rows, *extra.rows],
                                key=lambda r: (str(r["programme"]), str(r["period"])))
    return table
