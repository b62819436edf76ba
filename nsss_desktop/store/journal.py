"""Database-level change journal: triggers that record every row change, and refuse the rest.

The journal is written by SQLite triggers rather than by ORM hooks so that *no* write path can
bypass it: ORM flushes, Core bulk inserts and raw SQL all fire the same triggers. Each trigger
first checks that a unit of work is open (a row in `uow_context`, written by
`store.unit_of_work` inside the same transaction) and aborts the statement otherwise; it then
copies the row's before/after image as JSON, with the unit of work's transaction id, user and
time, into `change_journal`. The audit trail and the sync outbox are built on this journal.

Migrations call `install(op, table)` for each journaled table, and `append_only(op, table)` for
the tables whose rows may never change once written (status events, comments, the journal).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Table

OUTSIDE_UOW = "NSSS_OUTSIDE_UOW: writes must go through a unit of work"
APPEND_ONLY = "NSSS_APPEND_ONLY: rows of this table are never changed or deleted"


def _json_object(alias: str, columns: Iterable[str]) -> str:
    pairs = ", ".join(f"'{c}', {alias}.\"{c}\"" for c in columns)
    return f"json_object({pairs})"


def trigger_sql(table: str, columns: list[str]) -> list[str]:
    """Return the CREATE TRIGGER statements that journal `table` (whose key column is `id`)."""
    guard = f"SELECT RAISE(ABORT, '{OUTSIDE_UOW}') WHERE NOT EXISTS (SELECT 1 FROM uow_context);"
    journal = (
        "INSERT INTO change_journal (txn_id, table_name, row_id, op, before_json, after_json,"
        " user_id, at) SELECT c.txn_id, '{table}', {row}, '{op}', {before}, {after}, c.user_id,"
        " c.at FROM uow_context AS c;"
    )
    new, old = _json_object("NEW", columns), _json_object("OLD", columns)
    statements = []
    for op, row, before, after in (
        ("insert", "NEW.id", "NULL", new),
        ("update", "NEW.id", old, new),
        ("delete", "OLD.id", old, "NULL"),
    ):
        body = journal.format(table=table, row=row, op=op, before=before, after=after)
        statements.append(
            f"CREATE TRIGGER journal_{table}_{op} AFTER {op.upper()} ON \"{table}\" "
            f"FOR EACH ROW BEGIN {guard} {body} END"
        )
    return statements


def drop_sql(table: str) -> list[str]:
    return [f"DROP TRIGGER IF EXISTS journal_{table}_{op}" for op in ("insert", "update", "delete")]


def append_only_sql(table: str) -> list[str]:
    return [
        f"CREATE TRIGGER append_only_{table}_{op} BEFORE {op.upper()} ON \"{table}\" "
        f"FOR EACH ROW BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"
        for op in ("update", "delete")
    ]


def install(op: object, table: Table) -> None:
    """Create the journal triggers for a table created in a migration (`op.create_table`)."""
    for statement in trigger_sql(table.name, [c.name for c in table.columns]):
        op.execute(statement)  # type: ignore[attr-defined]


def reinstall(op: object, table: str, columns: list[str]) -> None:
    """Recreate the triggers after a migration changed a table's columns."""
    for statement in drop_sql(table) + trigger_sql(table, columns):
        op.execute(statement)  # type: ignore[attr-defined]


def append_only(op: object, table: str) -> None:
    for statement in append_only_sql(table):
        op.execute(statement)  # type: ignore[attr-defined]


def _reflected_columns(op: object, table: str) -> list[str]:
    import sqlalchemy as sa

    inspector = sa.inspect(op.get_bind())  # type: ignore[attr-defined]
    return [c["name"] for c in inspector.get_columns(table)]


def install_reflected(op: object, table: str) -> None:
    """Create the journal triggers for `table` with the columns it has at this revision."""
    for statement in trigger_sql(table, _reflected_columns(op, table)):
        op.execute(statement)  # type: ignore[attr-defined]


def reinstall_reflected(op: object, table: str) -> None:
    """Recreate the journal triggers after a migration added or removed columns."""
    for statement in drop_sql(table) + trigger_sql(table, _reflected_columns(op, table)):
        op.execute(statement)  # type: ignore[attr-defined]


def guard_only_sql(table: str) -> list[str]:
    """Triggers that refuse writes outside a unit of work, for tables too big to journal."""
    guard = f"SELECT RAISE(ABORT, '{OUTSIDE_UOW}') WHERE NOT EXISTS (SELECT 1 FROM uow_context);"
    return [
        f"CREATE TRIGGER guard_{table}_{op} BEFORE {op.upper()} ON \"{table}\" "
        f"FOR EACH ROW BEGIN {guard} END"
        for op in ("insert", "update", "delete")
    ]
