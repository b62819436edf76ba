"""Fixtures for the reform tests: the demo database with plan codes and a user, built once
per session and copied (closed) for each test, so every test writes to its own file.

The demo plans get the codes "AP2016" and "NSSS2015" from services/demo.py; if this checkout
does not set them yet, the template sets them (through a unit of work, like any other write).
Copying a closed database file is test set-up only; the app itself never file-copies one.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from nsss_desktop.store import keys
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import ActionPlan, Activity, Objective, User

PASSPHRASE = "reform tests: a long enough passphrase"
PLAN_CODES = {"NSSS Action Plan 2016-21": "AP2016",
              "NSSS (2015): life-cycle reform commitments": "NSSS2015"}
USERNAME = "focal.mosw"


@dataclass(frozen=True)
class Plan:
    """An open copy of the demo database, with activity ids by their printed number."""

    db: Database
    path: Path
    activity: dict[str, str]  # number -> id
    user_id: str


@pytest.fixture(scope="session")
def _plan_template(tmp_path_factory) -> Path:
    from nsss_desktop.services.demo import build_demo

    path = tmp_path_factory.mktemp("reform-template") / "plan.nsssdb"
    db, _ = Database.create(path, PASSPHRASE, use_keyring=False)
    try:
        build_demo(db)
        with db.unit_of_work(description="test set-up: plan codes and a user") as uow:
            for p in uow.session.scalars(select(ActionPlan)):
                if not p.code:
                    p.code = PLAN_CODES[p.title]
            uow.session.add(User(username=USERNAME, display_name="Focal Point (MoSW)",
                                 role="focal_point"))
    finally:
        db.close()
    return path


@pytest.fixture
def plan(_plan_template, tmp_path) -> Plan:
    folder = tmp_path / "db"
    folder.mkdir()
    path = folder / "plan.nsssdb"
    shutil.copyfile(_plan_template, path)
    shutil.copyfile(keys.key_file_for(_plan_template), keys.key_file_for(path))
    db = Database.open(path, passphrase=PASSPHRASE, use_keyring=False)
    with db.reader() as s:
        numbers = dict(s.execute(select(Activity.number, Activity.id)
                                 .join(Objective).join(ActionPlan)).all())
        user_id = s.scalar(select(User.id).where(User.username == USERNAME))
    yield Plan(db, path, numbers, user_id)
    db.close()
