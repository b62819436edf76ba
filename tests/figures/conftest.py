"""Fixtures for the figures services: a fresh copy of the real demo database per test, and
small helpers to add a test programme and write figures through a unit of work.

The demo database is built once per session (real SQLCipher, real public data) and copied for
each test, so a test may write freely.
"""


import pytest
from sqlalchemy import func, select

from nsss_desktop.store.models import (
    ChangeJournal,
    Figure,
    Ministry,
    Programme,
    ProgrammeMinistry,
    ProgrammeYearRollup,
)


@pytest.fixture
def db(demo_copy):
    """A fresh copy of the demo database, open for writing."""
    return demo_copy


def ministry_id(db, code: str) -> str:
    with db.reader() as s:
        return s.scalar(select(Ministry.id).where(Ministry.code == code))


def programme_id(db, code: str) -> str:
    with db.reader() as s:
        return s.scalar(select(Programme.id).where(Programme.code == code))


def add_programme(db, code: str, ministries: tuple[str, ...] = ("MoSW",), **fields) -> str:
    """A test programme implemented by `ministries` (the first one leads); returns its id."""
    ids = [ministry_id(db, m) for m in ministries]
    with db.unit_of_work(description=f"test programme {code}") as uow:
        p = Programme(code=code, name_en=f"Test programme {code}",
                      lead_ministry_id=ids[0] if ids else None, **fields)
        uow.session.add(p)
        uow.session.flush()
        for i, m in enumerate(ids):
            uow.session.add(ProgrammeMinistry(programme_id=p.id, ministry_id=m,
                                              role="lead" if i == 0 else "implementing"))
    return p.id


def add_figures(db, *figures: Figure) -> list[str]:
    """Write ORM figure rows in one unit of work (the rollup refreshes on commit)."""
    with db.unit_of_work(description="test figures") as uow:
        uow.session.add_all(figures)
        uow.session.flush()
        return [f.id for f in figures]


def counts(db) -> tuple[int, int]:
    """(figure rows, change_journal rows)."""
    with db.reader() as s:
        return (s.scalar(select(func.count()).select_from(Figure)),
                s.scalar(select(func.count()).select_from(ChangeJournal)))


def rollup_value(db, programme: str, fiscal_year: int, measure: str, scope: str = "approved",
                 ministry: str = ""):
    """The rollup row (value, not_available, months, stage, source_code) or None."""
    with db.reader() as s:
        row = s.execute(select(ProgrammeYearRollup.value, ProgrammeYearRollup.not_available,
                               ProgrammeYearRollup.months, ProgrammeYearRollup.stage,
                               ProgrammeYearRollup.source_code)
                        .where(ProgrammeYearRollup.scope == scope,
                               ProgrammeYearRollup.programme_id == programme,
                               ProgrammeYearRollup.ministry_id == ministry,
                               ProgrammeYearRollup.fiscal_year == fiscal_year,
                               ProgrammeYearRollup.measure == measure)).first()
    return None if row is None else tuple(row)
