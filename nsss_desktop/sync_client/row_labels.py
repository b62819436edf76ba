"""A short human label for a synced row ("OAA 2024-25", "AP2016 activity 1"), so that a conflict
names the record an officer knows, not its UUID. Labels are data (codes, periods, numbers),
the same in every language; the screen adds the translated kind of record around them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from nsss_desktop.domain import Period

_PERIOD_KINDS = {"year", "half", "quarter", "month"}

# table -> SQL answering one row of (programme code, ministry code, fiscal year, kind, number)
# or, for reform rows, (plan code, activity number).
_FIGURE = ("SELECT p.code, m.code, f.fiscal_year, f.period_kind, f.period_no FROM figure f "
           "JOIN programme p ON p.id = f.programme_id LEFT JOIN ministry m ON m.id = "
           "f.ministry_id WHERE f.id = :id")
_ACTIVITY = ("SELECT ap.code, a.number FROM activity a JOIN objective o ON o.id = "
             "a.objective_id JOIN action_plan ap ON ap.id = o.action_plan_id WHERE a.id = :id")
_BY_ACTIVITY = ("SELECT ap.code, a.number FROM {table} x JOIN activity a ON a.id = x.activity_id "
                "JOIN objective o ON o.id = a.objective_id JOIN action_plan ap ON ap.id = "
                "o.action_plan_id WHERE x.id = :id")
_CODED = {"programme", "ministry", "cluster", "source", "action_plan"}


def _period(fiscal_year: int, kind: str, number: int) -> str:
    if kind not in _PERIOD_KINDS:
        return str(fiscal_year)
    try:
        return str(Period.from_key((fiscal_year, kind, number)))
    except (ValueError, TypeError):
        return str(fiscal_year)


def row_label(conn: Any, table: str, row_id: str) -> str:
    """The label of a row that exists locally, or "" when it does not (or has no label)."""
    if table == "figure":
        row = conn.execute(text(_FIGURE), {"id": row_id}).first()
        if row is None:
            return ""
        code, ministry, fy, kind, no = row
        return f"{code} {_period(fy, kind, no)}" + (f" ({ministry})" if ministry else "")
    if table == "figure_disaggregation":
        parent = conn.execute(text("SELECT figure_id FROM figure_disaggregation WHERE id = :id"),
                              {"id": row_id}).scalar()
        return row_label(conn, "figure", parent) if parent else ""
    if table == "programme_target":
        row = conn.execute(text("SELECT p.code, t.fiscal_year, t.measure FROM programme_target t"
                                " JOIN programme p ON p.id = t.programme_id WHERE t.id = :id"),
                           {"id": row_id}).first()
        return f"{row[0]} {_period(row[1], 'year', 1)} {row[2]}" if row else ""
    if table == "activity":
        row = conn.execute(text(_ACTIVITY), {"id": row_id}).first()
        return f"{row[0]} {row[1]}" if row else ""
    if table in {"status_event", "comment", "evidence", "indicator"}:
        row = conn.execute(text(_BY_ACTIVITY.format(table=table)), {"id": row_id}).first()
        return f"{row[0]} {row[1]}" if row else ""
    if table in _CODED:
        return conn.execute(text(f'SELECT code FROM "{table}" WHERE id = :id'),
                            {"id": row_id}).scalar() or ""
    return ""
