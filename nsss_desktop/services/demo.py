"""Build the demo database from the real public data in resources/demo/ (see SOURCES.md there).

Every figure is written as printed, with its source and budget stage. Classifications that no
source gives (a programme's thematic cluster and life-cycle stage) are filled in for the
demonstration and flagged `synthetic`, and the UI marks them. No figure is invented.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from nsss_desktop import paths
from nsss_desktop.domain import Count, FiscalYear, Money
from nsss_desktop.domain.timeframe import parse_timeframe
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import (
    ActionPlan,
    Activity,
    ActivitySharedMinistry,
    Cluster,
    ClusterMember,
    Figure,
    FigureDisaggregation,
    Indicator,
    LifeCycleStage,
    Ministry,
    Objective,
    Programme,
    ProgrammeLifeCycle,
    ProgrammeMinistry,
    Setting,
    Source,
)
from nsss_desktop.tasks import TaskState

# Our short codes for the ministries named in ministries.csv (MoWCA and GED are as printed).
MINISTRY_CODES = {
    "Ministry of Social Welfare": "MoSW",
    "Ministry of Women and Children Affairs": "MoWCA",
    "Ministry of Cultural Affairs": "MoCA",
    "Ministry of Liberation War Affairs": "MoLWA",
    "Health Services Division": "HSD",
    "Medical Education and Family Welfare Division": "MEFWD",
    "Local Government Division": "LGD",
    "Ministry of Labour and Employment": "MoLE",
    "Ministry of Chittagong Hill Tracts Affairs": "MoCHTA",
    "Financial Institutions Division": "FID",
    "Finance Division": "FD",
    "Ministry of Expatriates' Welfare and Overseas Employment": "MoEWOE",
    "Ministry of Disaster Management and Relief": "MoDMR",
    "Rural Development and Cooperatives Division": "RDCD",
    "Ministry of Fisheries and Livestock": "MoFL",
    "Ministry of Agriculture": "MoA",
    "Ministry of Primary and Mass Education": "MoPME",
    "Ministry of Food": "MoFood",
    "Cabinet Division": "CabDiv",
    "General Economics Division (Planning Commission)": "GED",
}

# clusters_lifecycle.md: code, name, coordinator, members (coordinator first), source.
CLUSTERS = (
    ("SA", "Social Allowance", "SP_SA_CLUSTER", [
        "MoSW", "MoWCA", "MoCA", "MoLWA", "HSD", "MEFWD", "LGD", "MoLE", "MoCHTA"]),
    ("FSDA", "Food Security and Disaster Assistance", "SP_CLUSTERS", []),
    ("SI", "Social Insurance", "SP_SI_CLUSTER", [
        "FID", "FD", "HSD", "MEFWD", "MoLE", "MoSW", "MoEWOE"]),
    ("LL", "Labour/Livelihood Interventions", "SP_LL_CLUSTER", [
        "MoDMR", "LGD", "RDCD", "MoWCA", "MoSW", "FD", "MoLE", "MoFL", "MoA"]),
    ("HDSE", "Human Development and Social Empowerment", "SP_HD_CLUSTER", ["MoPME"]),
)

# Bangla names of the five clusters (the names the Bangla interface already uses).
CLUSTER_BN = {
    "SA": "সামাজিক ভাতা", "FSDA": "খাদ্য নিরাপত্তা ও দুর্যোগ সহায়তা", "SI": "সামাজিক বিমা",
    "LL": "শ্রম/জীবিকায়ন কার্যক্রম", "HDSE": "মানব উন্নয়ন ও সামাজিক ক্ষমতায়ন",
}

LIFE_CYCLE = (
    ("EARLY", "Pregnancy and early childhood", "গর্ভাবস্থা ও প্রারম্ভিক শৈশব"),
    ("SCHOOL", "School-age children", "বিদ্যালয়গামী শিশু"),
    ("WORKING", "Youth and working age", "যুব ও কর্মক্ষম বয়স"),
    ("OLD", "Old age", "বার্ধক্য"),
    ("DISAB", "People with disabilities", "প্রতিবন্ধী ব্যক্তি"),
    ("COVAR", "Covariate risks", "সমষ্টিগত ঝুঁকি"),
)

# Demo classification (no source assigns these; stored with synthetic = True).
CLASSIFICATION = {
    "OAA": ("SA", ["OLD"]), "WDDW": ("SA", ["WORKING"]), "DISA": ("SA", ["DISAB"]),
    "MCBP": ("SA", ["EARLY"]), "MAT": ("SA", ["EARLY"]), "VGD": ("FSDA", ["WORKING"]),
    "FFP": ("FSDA", ["COVAR"]), "FFHA": ("SA", ["OLD"]), "DSTIP": ("HDSE", ["SCHOOL", "DISAB"]),
    "CAPG": ("SA", ["SCHOOL"]), "EGPP": ("LL", ["WORKING"]), "PSTIP": ("HDSE", ["SCHOOL"]),
    "STIP_ALL": ("HDSE", ["SCHOOL"]), "TEA": ("LL", ["WORKING"]), "GOVPEN": ("SI", ["OLD"]),
    "NSC_INTEREST": ("SI", ["OLD"]),
}
for _code in ("BEDE_BACKWARD", "BEDE_BACKWARD_ALW", "BEDE_ALW", "BACKWARD_ALW", "HIJRA",
              "HIJRA_ALW"):
    CLASSIFICATION[_code] = ("SA", ["WORKING"])
for _code in ("BEDE_BACKWARD_STIP", "BEDE_STIP"):
    CLASSIFICATION[_code] = ("HDSE", ["SCHOOL"])

# Demo target groups (no source lists them as a field; shown with the demo classification).
TARGET_GROUPS = {
    "OAA": "Older people (65+ men, 62+ women) in poor households",
    "WDDW": "Widowed, deserted and destitute women", "DISA": "Persons with disabilities",
    "MCBP": "Poor pregnant and lactating mothers", "MAT": "Poor lactating mothers",
    "VGD": "Vulnerable women of working age", "FFP": "Poor families (food-insecure households)",
    "FFHA": "Freedom fighters", "DSTIP": "Students with disabilities",
    "CAPG": "Orphans and children at risk", "EGPP": "Extreme poor workers in the lean season",
    "PSTIP": "Primary school students", "STIP_ALL": "Students", "TEA": "Tea garden workers",
    "GOVPEN": "Retired government employees", "NSC_INTEREST": "Savings certificate holders",
    "HIJRA": "Hijra (third gender) community", "HIJRA_ALW": "Hijra (third gender) community",
}
for _code in ("BEDE_BACKWARD", "BEDE_BACKWARD_ALW", "BEDE_ALW", "BACKWARD_ALW",
              "BEDE_BACKWARD_STIP", "BEDE_STIP"):
    TARGET_GROUPS[_code] = "Bede and backward communities"
# "Tk 500 per person per month": a single monthly cash rate we can store exactly.
MONTHLY_RATE = re.compile(r"^Tk (\d+) per (?:(?:person|orphan|student|child) per )?month\b",
                          re.IGNORECASE)

# A component is counted in totals only in years its aggregate has no figure of its own.
PART_OF = {
    "BEDE_BACKWARD_ALW": "BEDE_BACKWARD", "BEDE_BACKWARD_STIP": "BEDE_BACKWARD",
    "BEDE_ALW": "BEDE_BACKWARD", "BEDE_STIP": "BEDE_BACKWARD", "BACKWARD_ALW": "BEDE_BACKWARD",
    "HIJRA_ALW": "HIJRA", "PSTIP": "STIP_ALL", "DSTIP": "STIP_ALL",
}
BUDGET_TOTALS = {"TOTAL_SSP", "TOTAL_SSP_EXCL_PEN"}
FAMILY_UNITS = {"FFP"}
# Lead ministry where the first-pass rows leave it blank (SOURCES.md: MOWCA_MCBP_2022).
LEAD_FALLBACK = {"MCBP": "Ministry of Women and Children Affairs"}
# names_bn.csv spells some programmes differently from programmes.csv.
BANGLA_NAME_KEYS = {
    "OAA": "Old Age Allowance",
    "WDDW": "Allowances for the Widow, Deserted and Destitute Women",
    "DISA": "Allowance for Financially Insolvent Persons with Disabilities",
    "DSTIP": "Education Stipend for Students with Disabilities",
    "FFHA": "Honorarium for Freedom Fighters",
    "BEDE_BACKWARD_ALW": "Bede and backward communities: special allowance",
    "BEDE_BACKWARD_STIP": "Bede and backward communities: education stipend",
    "HIJRA_ALW": "Hijra (third gender) community: special allowance",
    "TEA": "Livelihood Development of Tea Garden Workers",
    "MCBP": "Mother and Child Benefit Programme",
    "MAT": "Maternity Allowance for Poor Mothers",
    "VGD": "Vulnerable Group Development (VGD)",
    "EGPP": "Employment Generation Programme for the Poorest (EGPP)",
    "FFP": "Food Friendly Programme",
    "PSTIP": "Primary Education Stipend Project",
}
# SOURCES.md: these rows are budget proposals or pre-budget reports, and one total is revised.
REVISED = {("TOTAL_SSP", "2018-19", "BDNEWS_BUDGET_2019")}
FIRST_PROPOSED_YEAR = FiscalYear.parse("2023-24")
PROPOSAL_SOURCES = {"BDNEWS_BUDGET_2019": FiscalYear.parse("2019-20")}


@dataclass(frozen=True)
class DemoSummary:
    programmes: int
    figures: int
    ministries: int
    sources: int
    activities: int


def _rows(name: str, folder: Path) -> Iterator[dict[str, str]]:
    with open(folder / name, encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


def parse_sources(text: str) -> list[dict[str, str]]:
    """Read every `| ID | title | URL | what was taken |` row of SOURCES.md."""
    found: dict[str, dict[str, str]] = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 4 and re.fullmatch(r"[A-Z0-9_]+|seed", cells[0]):
            found.setdefault(cells[0], {"code": cells[0], "title": cells[1], "url": cells[2],
                                        "what_taken": " | ".join(cells[3:])})
    return list(found.values())


def stage_of(code: str, fy: FiscalYear, source: str) -> str:
    if (code, str(fy), source) in REVISED:
        return "revised"
    if fy >= FIRST_PROPOSED_YEAR or PROPOSAL_SOURCES.get(source) == fy:
        return "proposed"
    return "reported"


def build_demo(db: Database, folder: Path | None = None, task: TaskState | None = None,
               user_id: str | None = None) -> DemoSummary:
    """Load the real data into an empty database in one unit of work (all or nothing)."""
    folder = folder or paths.demo_data_dir()
    task = task or TaskState()
    with db.reader() as s:
        if s.scalar(select(func.count()).select_from(Programme)):
            from nsss_desktop.errors import DatabaseExists

            raise DatabaseExists("This database already holds programmes.",
                                 hint="Build the demo into a new database file.")
    task.set_status("Reading the demo data…")
    with db.unit_of_work(user_id=user_id, description="Build demo database from public data") \
            as uow:
        s = uow.session
        sources = {r["code"]: Source(**r) for r in
                   parse_sources((folder / "SOURCES.md").read_text(encoding="utf-8"))}
        s.add_all(sources.values())
        task.check()
        task.set_progress(0.1)

        bangla = {(r["kind"], r["english_name"]): r["bangla_name"]
                  for r in reversed(list(_rows("names_bn.csv", folder)))}
        ministries: dict[str, Ministry] = {}
        for r in _rows("ministries.csv", folder):
            first_source = r["source_id"].split(";")[0]
            ministries[r["name"]] = Ministry(
                code=MINISTRY_CODES[r["name"]], name_en=r["name"],
                name_bn=bangla.get(("ministry", r["name"])), short_name=r["short_code"],
                source_id=sources[first_source].id if first_source in sources else None)
        s.add_all(ministries.values())
        by_code = {m.code: m for m in ministries.values()}
        s.flush()
        task.set_progress(0.2)

        clusters: dict[str, Cluster] = {}
        for order, (code, name, source, members) in enumerate(CLUSTERS):
            clusters[code] = Cluster(code=code, name_en=name, name_bn=CLUSTER_BN[code],
                                     sort_order=order,
                                     coordinator_ministry_id=by_code[members[0]].id
                                     if members else None, source_id=sources[source].id)
            s.add(clusters[code])
            s.flush()
            for m in members:
                s.add(ClusterMember(cluster_id=clusters[code].id, ministry_id=by_code[m].id,
                                    source_id=sources[source].id))
        stages = {}
        for order, (code, en, bn) in enumerate(LIFE_CYCLE):
            stages[code] = LifeCycleStage(code=code, name_en=en, name_bn=bn, sort_order=order)
        s.add_all(stages.values())
        s.flush()
        task.set_progress(0.3)

        rows = list(_rows("programmes.csv", folder))
        programmes: dict[str, Programme] = {}
        for r in rows:
            code = r["programme_code"]
            if code in programmes:
                if not programmes[code].lead_ministry_id and r["ministry_or_division"]:
                    programmes[code].lead_ministry_id = ministries[r["ministry_or_division"]].id
                continue
            lead_name = r["ministry_or_division"] or LEAD_FALLBACK.get(code, "")
            cluster_code, _ = CLASSIFICATION.get(code, (None, []))
            programmes[code] = Programme(
                code=code, name_en=r["programme_name"],
                name_bn=bangla.get(("programme", BANGLA_NAME_KEYS.get(code, r["programme_name"]))),
                lead_ministry_id=ministries[lead_name].id if lead_name else None,
                cluster_id=clusters[cluster_code].id if cluster_code else None,
                cluster_synthetic=cluster_code is not None,
                beneficiary_unit="families" if code in FAMILY_UNITS else "persons",
                is_budget_total=code in BUDGET_TOTALS, active=True)
        s.add_all(programmes.values())
        s.flush()
        for code, parent in PART_OF.items():
            if code in programmes:
                programmes[code].part_of_id = programmes[parent].id
        for code, p in programmes.items():
            if p.lead_ministry_id:
                s.add(ProgrammeMinistry(programme_id=p.id, ministry_id=p.lead_ministry_id,
                                        role="lead"))
            for stage in CLASSIFICATION.get(code, (None, []))[1]:
                s.add(ProgrammeLifeCycle(programme_id=p.id, life_cycle_stage_id=stages[stage].id,
                                         synthetic=True))
        task.check()
        task.set_progress(0.5)

        figures = 0
        for r in rows:
            fy = FiscalYear.parse(r["fiscal_year"])
            stage = stage_of(r["programme_code"], fy, r["source_id"])
            budget = Money.from_crore(r["budget_crore_taka"]).poisha \
                if r["budget_crore_taka"] else None
            s.add(Figure(
                programme_id=programmes[r["programme_code"]].id, ministry_id=None,
                fiscal_year=fy.start_year, period_kind="year", period_no=1, stage=stage,
                budget_original_poisha=None if stage == "revised" else budget,
                budget_revised_poisha=budget if stage == "revised" else None,
                active_beneficiaries=Count.from_lakh(r["beneficiaries_lakh"]).persons
                if r["beneficiaries_lakh"] else None,
                source_id=sources[r["source_id"]].id, approval_state="approved"))
            figures += 1
        s.flush()
        task.set_progress(0.7)

        for r in _rows("disaggregation.csv", folder):
            if not r["fiscal_year"] or r["programme_code"] not in programmes:
                continue  # no year, or a programme with no figure rows (VGF): kept in the CSV
            fy = FiscalYear.parse(r["fiscal_year"])
            fig = Figure(programme_id=programmes[r["programme_code"]].id, fiscal_year=fy.start_year,
                         period_kind="year", period_no=1, stage="reported",
                         source_id=sources[r["source_id"]].id, approval_state="approved",
                         note=f"{r['area']}: {r['breakdown']} breakdown, as printed")
            s.add(fig)
            s.flush()
            s.add(FigureDisaggregation(figure_id=fig.id, dimension="division",
                                       category=r["area"], beneficiaries=int(r["value"])))
            figures += 1
        figures += _load_benefit_rates(s, folder, programmes, sources)
        task.set_progress(0.8)

        activities = _load_action_plan(s, folder, ministries, sources)
        s.add(Setting(key="demo", value="true"))
        task.set_progress(1.0)
    return DemoSummary(len(programmes), figures, len(ministries), len(sources), activities)


def _load_benefit_rates(s, folder: Path, programmes: dict[str, Programme],  # noqa: ANN001
                        sources: dict[str, Source]) -> int:
    """The register's benefit (latest text as printed) and, where the text is one monthly cash
    rate, the benefit value as a figure of that year (stage proposed for proposals)."""
    latest: dict[str, tuple[FiscalYear, str]] = {}
    added = 0
    for r in _rows("benefit_rates.csv", folder):
        code, text = r["programme_code"], " ".join(r["benefit"].split())
        if code not in programmes:
            continue
        fy = FiscalYear.parse(r["fiscal_year"])
        if code not in latest or fy >= latest[code][0]:
            latest[code] = (fy, text)
        match = MONTHLY_RATE.match(text)
        if match is None or r["source_id"] not in sources:
            continue
        proposal = "proposed" in text or "pre-budget" in text
        s.add(Figure(programme_id=programmes[code].id, fiscal_year=fy.start_year,
                     period_kind="year", period_no=1,
                     stage="proposed" if proposal else "reported",
                     benefit_value_poisha=Money.from_taka(match.group(1)).poisha,
                     source_id=sources[r["source_id"]].id, approval_state="approved",
                     note=f"Benefit as printed: {text}"))
        added += 1
    for code, (fy, text) in latest.items():
        p = programmes[code]
        p.benefit_value = f"{text} ({fy})"
        p.benefit_type = "food" if ("rice" in text or " kg" in text) else "cash"
    for code, group in TARGET_GROUPS.items():
        if code in programmes:
            programmes[code].target_group = group
    return added


def _load_action_plan(s, folder: Path, ministries: dict[str, Ministry],  # noqa: ANN001
                      sources: dict[str, Source]) -> int:
    plans = {
        "seed": ActionPlan(code="AP2016", title="NSSS Action Plan 2016-21", phase="Phase I",
                           first_year=2016, last_year=2020),
        "SP_VWB": ActionPlan(code="NSSS2015", title="NSSS (2015): life-cycle reform commitments",
                             phase="Strategy", first_year=2014, last_year=2015),
    }
    s.add_all(plans.values())
    s.flush()
    objectives: dict[tuple[str, str], Objective] = {}
    count = 0
    for r in _rows("action_plan.csv", folder):
        plan = plans[r["source_id"]]
        key = (r["source_id"], r["objective"])
        if key not in objectives:
            objectives[key] = Objective(action_plan_id=plan.id, text_en=r["objective"],
                                        number=str(len(objectives) + 1))
            s.add(objectives[key])
            s.flush()
        tf = parse_timeframe(r["timeframe"])
        count += 1
        activity = Activity(
            objective_id=objectives[key].id, number=str(count), text_en=r["activity"],
            timeframe_text=tf.text, due_date=tf.due_date, recurrence=tf.recurrence,
            responsible_ministry_id=ministries[r["responsible_ministry"]].id
            if r["responsible_ministry"] else None, source_id=sources[r["source_id"]].id)
        s.add(activity)
        s.flush()
        if r["performance_indicator"]:
            s.add(Indicator(activity_id=activity.id, text_en=r["performance_indicator"]))
        for name in filter(None, (n.strip() for n in r["shared_responsibility"].split(";"))):
            s.add(ActivitySharedMinistry(activity_id=activity.id, ministry_id=ministries[name].id))
    return count
