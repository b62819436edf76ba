"""The programme register as the dashboards need it: who implements what, in which cluster and
life-cycle stage, read once per refresh (a few hundred rows even at national scale).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from nsss_desktop.store.models import (
    Cluster,
    ClusterMember,
    LifeCycleStage,
    Ministry,
    Programme,
    ProgrammeLifeCycle,
    ProgrammeMinistry,
)


@dataclass(frozen=True)
class Named:
    id: str
    code: str
    name_en: str
    name_bn: str | None


@dataclass
class Catalogue:
    programmes: dict[str, Programme]
    ministries: dict[str, Named]
    clusters: dict[str, Named]
    stages: dict[str, Named]
    implementers: dict[str, set[str]] = field(default_factory=dict)  # programme -> ministries
    stages_of: dict[str, set[str]] = field(default_factory=dict)  # programme -> stages
    cluster_members: dict[str, set[str]] = field(default_factory=dict)  # cluster -> ministries

    def shared(self, programme_id: str) -> bool:
        return len(self.implementers.get(programme_id, ())) > 1

    def programmes_of_ministry(self, ministry_id: str) -> list[str]:
        return sorted((p for p, ms in self.implementers.items() if ministry_id in ms
                       and not self.programmes[p].is_budget_total),
                      key=lambda p: self.programmes[p].code)

    def programmes_of_cluster(self, cluster_id: str) -> list[str]:
        return sorted((p.id for p in self.programmes.values()
                       if p.cluster_id == cluster_id and not p.is_budget_total),
                      key=lambda p: self.programmes[p].code)

    def programmes_of_stage(self, stage_id: str) -> list[str]:
        return sorted((p for p, st in self.stages_of.items() if stage_id in st),
                      key=lambda p: self.programmes[p].code)

    def countable(self) -> list[str]:
        """Programmes that may enter a total (never the published national budget lines)."""
        return sorted(p.id for p in self.programmes.values() if not p.is_budget_total)

    def by_code(self, kind: str, code: str) -> Named:
        table = {"ministry": self.ministries, "cluster": self.clusters,
                 "life_cycle": self.stages}[kind]
        for item in table.values():
            if item.code.lower() == code.lower() or item.id == code:
                return item
        from nsss_desktop.errors import UsageError

        known = ", ".join(sorted(i.code for i in table.values()))
        raise UsageError(f"There is no {kind.replace('_', ' ')} '{code}'.",
                         hint=f"Use one of: {known}.")


def load(session: Session) -> Catalogue:
    def named(model: type) -> dict[str, Named]:
        return {r.id: Named(r.id, r.code, r.name_en, r.name_bn)
                for r in session.scalars(select(model))}

    programmes = {p.id: p for p in session.scalars(select(Programme))}
    cat = Catalogue(programmes, named(Ministry), named(Cluster), named(LifeCycleStage))
    implementers: dict[str, set[str]] = defaultdict(set)
    for p in programmes.values():
        if p.lead_ministry_id:
            implementers[p.id].add(p.lead_ministry_id)
    for pid, mid in session.execute(select(ProgrammeMinistry.programme_id,
                                           ProgrammeMinistry.ministry_id)):
        implementers[pid].add(mid)
    stages: dict[str, set[str]] = defaultdict(set)
    for pid, sid in session.execute(select(ProgrammeLifeCycle.programme_id,
                                           ProgrammeLifeCycle.life_cycle_stage_id)):
        stages[pid].add(sid)
    members: dict[str, set[str]] = defaultdict(set)
    for cid, mid in session.execute(select(ClusterMember.cluster_id, ClusterMember.ministry_id)):
        members[cid].add(mid)
    cat.implementers, cat.stages_of, cat.cluster_members = dict(implementers), dict(stages), \
        dict(members)
    return cat
