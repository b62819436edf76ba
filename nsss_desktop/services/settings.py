"""Installation settings kept in the encrypted database (language, home ministry)."""

from __future__ import annotations

from sqlalchemy import select

from nsss_desktop.errors import UsageError
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import Ministry, Setting

LANGUAGES = ("en", "bn")


def save_initial(db: Database, *, language: str = "en", ministry_code: str | None = None,
                 user_id: str | None = None) -> None:
    if language not in LANGUAGES:
        raise UsageError(f"Unknown language '{language}'.", hint="Use en or bn.")
    set_values(db, {"language": language, "home_ministry": ministry_code or ""}, user_id=user_id)


def set_values(db: Database, values: dict[str, str], *, user_id: str | None = None) -> None:
    with db.unit_of_work(user_id=user_id, description="Change settings") as uow:
        for key, value in values.items():
            row = uow.session.scalar(select(Setting).where(Setting.key == key))
            if row is None:
                uow.session.add(Setting(key=key, value=value))
            elif row.value != value:
                row.value = value


def ministry_choices(db: Database) -> list[tuple[str, str, str | None]]:
    """(code, English name, Bangla name) of every ministry, for the wizard and settings."""
    with db.reader() as s:
        return [(m.code, m.name_en, m.name_bn)
                for m in s.scalars(select(Ministry).order_by(Ministry.name_en))]
