"""Fixtures for the report tests: the reform tests' demo database (one copy per test) with a
few recorded statuses, a generator of many activities for a long report, and poppler tools.

Hand counts with the statuses below (see tests/reforms/test_reform_views.py):

    activity     1            2            3 (draft)    4            5          6         7
    lead         MoSW (+FD)   -            -            -            -          MoWCA     MoWCA
    due          2017-06-30   -            -            yearly       periodic   2014-12   2015-07
    30 Jun 2017  in_progress  in_progress  not_started  not_started  completed  completed dropped
    1 Jul 2017   delayed      in_progress  not_started  not_started  completed  completed dropped
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from sqlalchemy import select

from nsss_desktop.services import evidence
from nsss_desktop.services.reform_status import record_status
from nsss_desktop.store.models import ActionPlan, Activity, Ministry, Objective
from tests.reforms import files
from tests.reforms.conftest import PASSPHRASE, Plan, _plan_template, plan  # noqa: F401

JUNE_30, JULY_1 = date(2017, 6, 30), date(2017, 7, 1)
POPPLER = ("pdftotext", "pdffonts", "pdftoppm", "pdfinfo")


@pytest.fixture
def recorded(plan: Plan) -> Plan:  # noqa: F811
    a, db = plan.activity, plan.db

    def approved(number: str, status: str, on: date) -> str:
        return record_status(db, a[number], status=status, event_date=on,
                             approval_state="approved")

    approved("1", "in_progress", date(2017, 1, 10))
    approved("2", "in_progress", date(2016, 3, 1))
    record_status(db, a["3"], status="completed", event_date=date(2016, 5, 1))  # draft
    approved("5", "completed", date(2017, 6, 15))
    done = approved("6", "completed", date(2015, 6, 1))
    approved("7", "dropped", date(2016, 1, 15))
    evidence.attach(db, a["6"], BytesIO(files.pdf(b"VWB plan")), title="Plan", kind="report",
                    status_event_id=done)
    evidence.attach(db, a["6"], BytesIO(files.png()), title="Launch", kind="photo")
    return plan


def add_activities(plan: Plan, count: int, *, due: date = date(2018, 6, 30)) -> None:  # noqa: F811
    """`count` more AP2016 activities under a new objective 9, led in turn by every ministry,
    with Bangla texts long enough to wrap, so a report runs over several pages."""
    with plan.db.unit_of_work(description="test set-up: many activities") as uow:
        s = uow.session
        ap = s.scalar(select(ActionPlan).where(ActionPlan.code == "AP2016"))
        ministries = list(s.scalars(select(Ministry).order_by(Ministry.code)))
        objective = Objective(action_plan_id=ap.id, number="9", text_en="Generated objective",
                              text_bn="পরীক্ষামূলক উদ্দেশ্য")
        s.add(objective)
        s.flush()
        for i in range(1, count + 1):
            s.add(Activity(
                objective_id=objective.id, number=f"9.{i}",
                text_en=f"Generated activity {i}: strengthen the delivery of the programme "
                        "through the digital payment system",
                text_bn=f"পরীক্ষামূলক কার্যক্রম {i}: ডিজিটাল পেমেন্ট ব্যবস্থার মাধ্যমে "
                        "কর্মসূচির সেবা প্রদান শক্তিশালী করা",
                timeframe_text="June 2018", due_date=due,
                responsible_ministry_id=ministries[i % len(ministries)].id))


def poppler(tool: str, *args: str | Path) -> str:
    """Run a poppler-utils tool; skip when poppler is not installed."""
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed")
    done = subprocess.run([tool, *map(str, args)], capture_output=True, text=True, check=True,
                          timeout=120)
    return done.stdout


def page_count(pdf: Path) -> int:
    info = poppler("pdfinfo", pdf)
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
