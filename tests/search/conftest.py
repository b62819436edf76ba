"""A small Action Plan in English and Bangla, written through units of work into a real
SQLCipher file, for the search tests.

The read-only tests share one database per module (`plan`); tests that write take their own
(`fresh_plan`). Every id a test needs is on the returned `Plan`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from nsss_desktop.store.database import Database
from nsss_desktop.store.models import (
    ActionPlan,
    Activity,
    ActivitySharedMinistry,
    Cluster,
    Comment,
    Evidence,
    Indicator,
    Ministry,
    Objective,
    StatusEvent,
)

PASSPHRASE = "search tests: a long passphrase"
AS_OF = date(2023, 7, 1)
# Conjunct-heavy Bangla: মন্ত্রণালয় (ন্ত্র), প্রতিবন্ধী (প্র, ন্ধ), বয়স্ক (য় with nukta, স্ক).
A1_BN = "বয়স্ক ভাতা মাসিক ১০০০ টাকায় উন্নীত করা"
A4_BN = "প্রতিবন্ধী ভাতাভোগীদের তালিকা প্রকাশ"


@dataclass
class Plan:
    db: Database
    plan_new: str
    plan_old: str
    mosw: str
    mowca: str
    fd: str
    cluster_sa: str
    cluster_si: str
    o1: str
    o2: str
    o3: str
    a1: str
    a2: str
    a3: str
    a4: str
    indicator: str
    comment_a2: str
    comment_a3: str
    evidence_a4: str


def build_plan(db: Database) -> Plan:
    """Four activities in two plans, three ministries, two clusters, with every indexed kind."""
    with db.unit_of_work(description="search test plan") as uow:
        s = uow.session
        mosw = Ministry(code="MoSW", name_en="Ministry of Social Welfare",
                       name_bn="সমাজকল্যাণ মন্ত্রণালয়")
        mowca = Ministry(code="MoWCA", name_en="Ministry of Women and Children Affairs")
        fd = Ministry(code="FD", name_en="Finance Division", name_bn="অর্থ বিভাগ")
        sa = Cluster(code="SA", name_en="Social Allowance")
        si = Cluster(code="SI", name_en="Social Insurance")
        new = ActionPlan(code="AP2", title="NSSS Action Plan 2021-26", phase="Phase II")
        old = ActionPlan(code="AP1", title="NSSS Action Plan 2016-21", phase="Phase I")
        s.add_all([mosw, mowca, fd, sa, si, new, old])
        s.flush()
        o1 = Objective(action_plan_id=new.id, number="1", cluster_id=sa.id,
                       text_en="Consolidate the allowances for the elderly",
                       text_bn="বয়স্ক ভাতা একীভূত করা")
        o2 = Objective(action_plan_id=new.id, number="2", cluster_id=si.id,
                       text_en="Build a national social insurance scheme")
        o3 = Objective(action_plan_id=old.id, number="3",
                       text_en="Strengthen grievance redress")
        s.add_all([o1, o2, o3])
        s.flush()
        a1 = Activity(objective_id=o1.id, number="1.1", responsible_ministry_id=mosw.id,
                      text_en="Raise the old age allowance to Tk 1000 per month",
                      text_bn=A1_BN, timeframe_text="June 2022", due_date=date(2022, 6, 30))
        a2 = Activity(objective_id=o1.id, number="1.2", responsible_ministry_id=mowca.id,
                      text_en="Merge the widow allowance into the life-cycle scheme",
                      text_bn="বিধবা ভাতা জীবনচক্র কর্মসূচিতে একীভূত করা",
                      timeframe_text="June 2024", due_date=date(2024, 6, 30))
        a3 = Activity(objective_id=o2.id, number="2.1", responsible_ministry_id=fd.id,
                      text_en="Pilot a contributory pension for private sector workers",
                      text_bn="বেসরকারি খাতের শ্রমিকদের জন্য অংশগ্রহণমূলক পেনশন",
                      timeframe_text="June 2025", due_date=date(2025, 6, 30))
        a4 = Activity(objective_id=o3.id, number="3.1", responsible_ministry_id=mosw.id,
                      text_en="Publish the disability allowance beneficiary list",
                      text_bn=A4_BN, timeframe_text="Each year", recurrence="annual")
        s.add_all([a1, a2, a3, a4])
        s.flush()
        s.add(ActivitySharedMinistry(activity_id=a1.id, ministry_id=mowca.id))
        indicator = Indicator(activity_id=a1.id, text_en="Circular issued",
                              text_bn="মন্ত্রণালয় কর্তৃক পরিপত্র জারি")
        c2 = Comment(activity_id=a2.id, body="The Finance Division agreed the budget",
                     created_at="2023-02-01T10:00:00.000+00:00")
        c3 = Comment(activity_id=a3.id, body="অর্থ বিভাগ ও মন্ত্রণালয়ের সভা হয়েছে",
                     created_at="2023-03-01T10:00:00.000+00:00")
        evidence = Evidence(activity_id=a4.id, title="Gazette on the disability allowance",
                            kind="gazette", sha256="0" * 64, size_bytes=1,
                            media_type="application/pdf")
        s.add_all([indicator, c2, c3, evidence])
        s.add(StatusEvent(activity_id=a1.id, event_date=date(2022, 5, 1), status="completed",
                          note="Gazette published", approval_state="approved"))
        s.add(StatusEvent(activity_id=a3.id, event_date=date(2023, 1, 1), status="in_progress",
                          approval_state="approved"))
        s.flush()
        return Plan(db, new.id, old.id, mosw.id, mowca.id, fd.id, sa.id, si.id, o1.id, o2.id,
                    o3.id, a1.id, a2.id, a3.id, a4.id, indicator.id, c2.id, c3.id, evidence.id)


def new_db(folder: Path, revision: str = "head") -> Database:
    db, _ = Database.create(folder / "plan.nsssdb", PASSPHRASE, use_keyring=False,
                            revision=revision)
    return db


@pytest.fixture(scope="module")
def plan(tmp_path_factory) -> Plan:
    """Shared by a module's read-only tests."""
    db = new_db(tmp_path_factory.mktemp("search"))
    built = build_plan(db)
    yield built
    db.close()


@pytest.fixture
def fresh_plan(tmp_path) -> Plan:
    """A plan of its own, for tests that write."""
    db = new_db(tmp_path)
    built = build_plan(db)
    yield built
    db.close()
