"""Read-only helpers for the GUI's Overview, About and Settings screens.

The GUI calls services and never opens sessions or writes SQL itself; these wrappers give it
each dashboard table, and the installation facts it shows, from a `Database` in one call. They
run in a worker thread (the engine's connections are not tied to a thread).
"""

from __future__ import annotations

from dataclasses import dataclass

from nsss_desktop.services import tables
from nsss_desktop.services.settings import ministry_choices
from nsss_desktop.store.database import Database


@dataclass(frozen=True)
class Installation:
    """What the status bar, Settings and About show about this installation."""

    language: str | None
    home_ministry: tuple[str, str, str | None] | None  # (code, English name, Bangla name)
    demo: bool


def national_series(db: Database) -> tables.DashboardTable:
    with db.reader() as session:
        return tables.national_series(session)


def sources(db: Database) -> tables.DashboardTable:
    with db.reader() as session:
        return tables.sources(session)


def installation(db: Database) -> Installation:
    code = db.setting("home_ministry") or None
    home = next((m for m in ministry_choices(db) if m[0] == code), None) if code else None
    return Installation(language=db.setting("language") or None, home_ministry=home,
                        demo=db.setting("demo") == "true")
