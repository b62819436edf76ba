"""Dashboard tables as plain data: the Overview screen, the CLI `export` and reports share them.

Values stay exact (`Decimal` lakh/crore, `int`) until the very edge; the UI formats them with
Indian grouping and the chosen digits, the exporters write them as decimal text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from nsss_desktop.services import figures
from nsss_desktop.store.models import Cluster, Ministry, Programme, Source

Value = Decimal | int | str | None
# A figure reported as "not available": distinct from a blank cell (None, not reported) and
# from zero. Displays translate it; exports write it as this text.
NOT_AVAILABLE_TEXT = "n/a"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = "text"  # text | lakh | crore | taka | int | percent


@dataclass
class DashboardTable:
    name: str
    title: str
    columns: list[Column]
    rows: list[dict[str, Value]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # (row index, column key) -> what the number is made of, for drill-down (see
    # services.programme_dashboards.DrillKey); only numeric cells of the dashboards have one.
    drill: dict[tuple[int, str], object] = field(default_factory=dict)


def national_series(session: Session, include_submitted: bool = False) -> DashboardTable:
    table = DashboardTable(
        "national-series",
        "National series by fiscal year",
        [
            Column("fiscal_year", "Fiscal year"),
            Column("beneficiaries_lakh", "Beneficiaries (lakh persons)", "lakh"),
            Column("families_lakh", "Families (lakh, Food Friendly Programme)", "lakh"),
            Column("budget_crore", "Budget of listed programmes (crore taka)", "crore"),
            Column("programmes_counted", "Programmes with a figure", "int"),
            Column("published_total_crore", "Published SSP budget total (crore taka)", "crore"),
            Column("stages", "Budget stage"),
        ],
        notes=[
            "Each programme is counted once, whichever ministries implement it.",
            "The published SSP total is the national budget line, never added to programmes.",
            "2023-24 onwards: budget proposals (no revised or actual figures were found).",
        ],
    )
    for year in figures.national_series(session, include_submitted):
        table.rows.append({
            "fiscal_year": str(year.fiscal_year),
            "beneficiaries_lakh": year.beneficiaries.lakh
            if year.programmes_with_beneficiaries else None,
            "families_lakh": year.families.lakh if year.families.persons else None,
            "budget_crore": year.budget.crore if year.programmes_with_budget else None,
            "programmes_counted": max(year.programmes_with_beneficiaries,
                                      year.programmes_with_budget),
            "published_total_crore": year.published_total_budget.crore
            if year.published_total_budget else None,
            "stages": ", ".join(sorted(year.stages)),
        })
    return table


def programmes(session: Session) -> DashboardTable:
    lead = aliased(Ministry)
    table = DashboardTable(
        "programmes", "Programmes",
        [Column("code", "Code"), Column("name_en", "Programme"),
         Column("name_bn", "Programme (Bangla)"), Column("lead_ministry", "Lead ministry"),
         Column("cluster", "Thematic cluster"), Column("unit", "Counted in"),
         Column("classification", "Cluster/life cycle basis")],
        notes=["Cluster and life-cycle assignments marked 'demo' are not from a source."],
    )
    query = (select(Programme, lead.name_en, Cluster.name_en)
             .outerjoin(lead, lead.id == Programme.lead_ministry_id)
             .outerjoin(Cluster, Cluster.id == Programme.cluster_id)
             .order_by(Programme.code))
    for p, ministry, cluster in session.execute(query):
        table.rows.append({
            "code": p.code, "name_en": p.name_en, "name_bn": p.name_bn or "",
            "lead_ministry": ministry or "", "cluster": cluster or "",
            "unit": p.beneficiary_unit,
            "classification": "demo (no source)" if p.cluster_synthetic else "",
        })
    return table


def sources(session: Session) -> DashboardTable:
    table = DashboardTable(
        "sources", "Data sources",
        [Column("code", "Source id"), Column("title", "Title / publisher / date"),
         Column("url", "Address"), Column("what_taken", "What was taken")],
    )
    for s in session.scalars(select(Source).order_by(Source.code)):
        table.rows.append({"code": s.code, "title": s.title, "url": s.url,
                           "what_taken": s.what_taken})
    return table


TABLES: dict[str, Callable[[Session], DashboardTable]] = {
    "national-series": national_series,
    "programmes": programmes,
    "sources": sources,
}
