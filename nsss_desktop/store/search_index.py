"""The full-text index of the Action Plan: an FTS5 table kept current by SQLite triggers.

The index is derived data. Like the change journal it is written by triggers, so that no write
path (ORM flush, Core bulk insert, raw SQL, sync apply) can leave it stale; unlike the journal it
is neither journaled nor guarded, because it is rebuilt from the rows it indexes and carries no
information of its own. It lives inside the encrypted database, so its text is encrypted at rest
like everything else.

One FTS row per searchable source row (`kind`, `ref_id`), with the activity it belongs to and the
plan, so that a hit can be shown in context and filtered. Rows with no text are not indexed.
FTS5 cannot look a row up by an UNINDEXED column without scanning the whole table, so the
FTS rowid of each source row is kept in `reform_fts_key` (unique on kind + ref_id, indexed by
activity); updates and deletes find their FTS row through it in O(log n). The key table also
carries the kind, activity and plan of each row: a search filters and labels its hits by
joining this compact table on the rowid, instead of reading every hit's stored text.

Tokenizer: `unicode61` by default treats only letters (L*), numbers (N*) and private-use (Co)
characters as parts of a word, so it cuts Bangla words apart at every vowel sign, virama and
nukta (all category M*): "মন্ত্রণালয়" became "মন", "রণ", "লয". Adding `M*` to the token categories
keeps every Bangla word whole, conjuncts included; `remove_diacritics 2` still folds Latin
accents, both precomposed and combining (tests/search/test_tokenizer.py proves both).

Migrations create the index with `create_sql()` and `trigger_sql()`; a later migration that
rebuilds one of the source tables (a batch table copy drops its triggers) must call
`reinstall_triggers(op, table)` afterwards, as it does `journal.reinstall_reflected`. Changing
the tokenizer or the indexed text means a new migration that calls `uninstall()` and
`install()`: the index is rebuilt from the source rows, nothing is lost.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

FTS_TABLE = "reform_fts"
KEY_TABLE = "reform_fts_key"
# The index's tables are the FTS5 table, its five shadow tables and the key table; the schema
# comparison leaves exactly these out (see `is_index_table`).
FTS5_SHADOW_SUFFIXES = ("config", "content", "data", "docsize", "idx")
TOKENIZE = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
TEXT_COLUMN = 4  # position of `text` in reform_fts, for snippet() and highlight()

_PLAN_OF_ACTIVITY = "(SELECT o.action_plan_id FROM objective AS o JOIN activity AS a " \
                    "ON a.objective_id = o.id WHERE a.id = {row}.activity_id)"


@dataclass(frozen=True)
class IndexedSource:
    """How one table feeds the index. `{row}` in an expression stands for NEW, OLD or a table
    alias; `link_columns` place the row in the plan, so a change to them, as to the text,
    re-indexes the row."""

    kind: str
    table: str
    text_columns: tuple[str, ...]
    activity_expr: str
    plan_expr: str
    link_columns: tuple[str, ...]

    def text_expr(self, row: str) -> str:
        """The indexed text: the non-empty columns, one per line ('' when all are empty)."""
        parts = " || ".join(f"coalesce(nullif({row}.\"{c}\", '') || char(10), '')"
                            for c in self.text_columns)
        return f"rtrim({parts}, char(10))"

    @property
    def watched(self) -> tuple[str, ...]:
        return self.text_columns + self.link_columns


SOURCES: tuple[IndexedSource, ...] = (
    IndexedSource("objective", "objective", ("text_en", "text_bn"), "NULL",
                  "{row}.action_plan_id", ("action_plan_id",)),
    IndexedSource("activity", "activity", ("text_en", "text_bn", "timeframe_text"), "{row}.id",
                  "(SELECT o.action_plan_id FROM objective AS o WHERE o.id = {row}.objective_id)",
                  ("objective_id",)),
    IndexedSource("indicator", "indicator", ("text_en", "text_bn"), "{row}.activity_id",
                  _PLAN_OF_ACTIVITY, ("activity_id",)),
    IndexedSource("comment", "comment", ("body",), "{row}.activity_id", _PLAN_OF_ACTIVITY,
                  ("activity_id",)),
    IndexedSource("status_event", "status_event", ("note",), "{row}.activity_id",
                  _PLAN_OF_ACTIVITY, ("activity_id",)),
    IndexedSource("evidence", "evidence", ("title",), "{row}.activity_id", _PLAN_OF_ACTIVITY,
                  ("activity_id",)),
)
KINDS = tuple(s.kind for s in SOURCES)


def is_index_table(name: str) -> bool:
    """Whether `name` is one of the index's tables, which no model describes."""
    return name == FTS_TABLE or name == KEY_TABLE or name in {
        f"{FTS_TABLE}_{suffix}" for suffix in FTS5_SHADOW_SUFFIXES}


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic `include_name` hook: leave the derived index out of model comparisons."""
    return not (type_ == "table" and name is not None and is_index_table(name))


def create_sql() -> list[str]:
    """The index tables (empty); `populate_sql()` fills them from existing rows."""
    return [
        f"CREATE TABLE {KEY_TABLE} (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, "
        f"ref_id TEXT NOT NULL, activity_id TEXT, plan_id TEXT, UNIQUE (kind, ref_id))",
        f"CREATE INDEX ix_{KEY_TABLE}_activity_id ON {KEY_TABLE} (activity_id)",
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(kind UNINDEXED, ref_id UNINDEXED, "
        f"activity_id UNINDEXED, plan_id UNINDEXED, text, tokenize = \"{TOKENIZE}\")",
    ]


def drop_sql() -> list[str]:
    statements = [s for source in SOURCES for s in drop_trigger_sql(source.table)]
    return statements + [f"DROP TABLE IF EXISTS {FTS_TABLE}", f"DROP TABLE IF EXISTS {KEY_TABLE}"]


def _add(source: IndexedSource, row: str) -> str:
    """Index `row` (NEW) of `source`: a key row first, whose id becomes the FTS rowid."""
    text = source.text_expr(row)
    activity = source.activity_expr.format(row=row)
    plan = source.plan_expr.format(row=row)
    return (
        f"INSERT INTO {KEY_TABLE} (kind, ref_id, activity_id, plan_id) "
        f"SELECT '{source.kind}', {row}.id, {activity}, {plan} WHERE {text} <> ''; "
        f"INSERT INTO {FTS_TABLE} (rowid, kind, ref_id, activity_id, plan_id, text) "
        f"SELECT k.id, k.kind, k.ref_id, k.activity_id, k.plan_id, {text} FROM {KEY_TABLE} AS k "
        f"WHERE k.kind = '{source.kind}' AND k.ref_id = {row}.id;"
    )


def _remove(source: IndexedSource, row: str) -> str:
    key = f"kind = '{source.kind}' AND ref_id = {row}.id"
    return (
        f"DELETE FROM {FTS_TABLE} WHERE rowid = (SELECT id FROM {KEY_TABLE} WHERE {key}); "
        f"DELETE FROM {KEY_TABLE} WHERE {key};"
    )


def _changed(columns: tuple[str, ...]) -> str:
    return " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in columns)


def trigger_sql(source: IndexedSource) -> list[str]:
    """AFTER triggers that keep the index current for one source table.

    An update re-indexes the row only when its text or its place in the plan changed (Core
    bulk updates may SET unchanged columns). Moving an activity to another objective, or an
    objective to another plan, also moves the plan of every row indexed under it.
    """
    name, table = f"{FTS_TABLE}_{source.table}", source.table
    watched = ", ".join(f'"{c}"' for c in source.watched)
    statements = [
        f'CREATE TRIGGER {name}_insert AFTER INSERT ON "{table}" FOR EACH ROW BEGIN '
        f"{_add(source, 'NEW')} END",
        f'CREATE TRIGGER {name}_update AFTER UPDATE OF {watched} ON "{table}" '
        f"FOR EACH ROW WHEN {_changed(source.watched)} BEGIN "
        f"{_remove(source, 'OLD')} {_add(source, 'NEW')} END",
        f'CREATE TRIGGER {name}_delete AFTER DELETE ON "{table}" FOR EACH ROW BEGIN '
        f"{_remove(source, 'OLD')} END",
    ]
    moved = None
    if table == "activity":
        moved = ("objective_id", "(SELECT action_plan_id FROM objective WHERE id = "
                 "NEW.objective_id)", "activity_id = NEW.id")
    if table == "objective":
        moved = ("action_plan_id", "NEW.action_plan_id",
                 "activity_id IN (SELECT id FROM activity WHERE objective_id = NEW.id)")
    if moved:
        column, plan, rows = moved
        statements.append(
            f"CREATE TRIGGER {name}_move AFTER UPDATE OF {column} ON {table} FOR EACH ROW "
            f"WHEN OLD.{column} IS NOT NEW.{column} BEGIN "
            f"UPDATE {KEY_TABLE} SET plan_id = {plan} WHERE {rows}; "
            f"UPDATE {FTS_TABLE} SET plan_id = {plan} WHERE rowid IN "
            f"(SELECT id FROM {KEY_TABLE} WHERE {rows}); END")
    return statements


def drop_trigger_sql(table: str) -> list[str]:
    name = f"{FTS_TABLE}_{table}"
    return [f"DROP TRIGGER IF EXISTS {name}_{op}" for op in ("insert", "update", "delete", "move")]


def populate_sql(source: IndexedSource) -> list[str]:
    """Index the rows a table already holds (upgrade of an existing database)."""
    text = source.text_expr("t")
    return [
        f"INSERT INTO {KEY_TABLE} (kind, ref_id, activity_id, plan_id) "
        f"SELECT '{source.kind}', t.id, {source.activity_expr.format(row='t')}, "
        f"{source.plan_expr.format(row='t')} "
        f'FROM "{source.table}" AS t WHERE {text} <> \'\' ORDER BY t.id',
        f"INSERT INTO {FTS_TABLE} (rowid, kind, ref_id, activity_id, plan_id, text) "
        f"SELECT k.id, k.kind, k.ref_id, k.activity_id, k.plan_id, "
        f'{text} FROM {KEY_TABLE} AS k JOIN "{source.table}" AS t ON t.id = k.ref_id '
        f"WHERE k.kind = '{source.kind}'",
    ]


def install(op: object, sources: Iterable[IndexedSource] = SOURCES) -> None:
    """Create, fill and wire up the index (migration 0004) over `sources`."""
    statements = create_sql()
    for source in sources:
        statements += populate_sql(source) + trigger_sql(source)
    for statement in statements:
        op.execute(statement)  # type: ignore[attr-defined]


def uninstall(op: object) -> None:
    for statement in drop_sql():
        op.execute(statement)  # type: ignore[attr-defined]


def reinstall_triggers(op: object, table: str) -> None:
    """Recreate the index triggers of `table` after a migration rebuilt it."""
    for source in SOURCES:
        if source.table == table:
            for statement in drop_trigger_sql(table) + trigger_sql(source):
                op.execute(statement)  # type: ignore[attr-defined]
