"""Server time, in the one text form the server stores and signs.

Only the server's clock decides anything (expiry, revocation): device clocks are never trusted
(R22, T30). Times are fixed-width UTC text with milliseconds, ``2026-11-25T04:37:06.123Z``, so
they sort and compare as strings on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """``YYYY-MM-DDTHH:MM:SS.mmmZ`` in UTC (24 characters)."""
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def now_iso() -> str:
    return iso(now())


def iso_in(delta: timedelta, start: datetime | None = None) -> str:
    return iso((start or now()) + delta)
