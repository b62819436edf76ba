"""The migrations build exactly the schema the models describe, with the journal on every
synced table; so a model change without its migration fails here, not on a user's PC."""

import sqlite3

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from nsss_desktop.store import models, search_index
from nsss_desktop.store.migrate import alembic_config


def migrated_plain_copy(tmp_path):
    """Run the migrations on a plain SQLite file: the schema check needs no encryption."""
    engine = create_engine(f"sqlite:///{tmp_path / 'schema.db'}")
    with engine.connect() as conn:
        command.upgrade(alembic_config(conn), "head")
        conn.commit()
    return engine


def test_migrations_match_the_models(tmp_path):
    engine = migrated_plain_copy(tmp_path)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={
            "compare_type": True, "include_name": search_index.include_name}),
            models.Base.metadata)
    assert diff == []


def test_only_the_search_index_is_left_out_of_the_model_comparison(tmp_path):
    """The hook that hides the FTS5 index must hide nothing else: every other table in the
    migrated schema is a model, and every index table is really there."""
    migrated_plain_copy(tmp_path)
    conn = sqlite3.connect(tmp_path / "schema.db")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    hidden = {t for t in tables if not search_index.include_name(t, "table", {})}
    assert hidden == {search_index.FTS_TABLE, search_index.KEY_TABLE} | {
        f"{search_index.FTS_TABLE}_{s}" for s in search_index.FTS5_SHADOW_SUFFIXES}
    assert tables - hidden == set(models.Base.metadata.tables) | {"alembic_version"}


def test_every_synced_table_is_journaled_and_every_column_is_in_its_journal(tmp_path):
    migrated_plain_copy(tmp_path)
    conn = sqlite3.connect(tmp_path / "schema.db")
    triggers = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger'"))
    synced = (models.JOURNALED_TABLES_0001 + models.JOURNALED_TABLES_0002
              + models.JOURNALED_TABLES_0003 + models.JOURNALED_TABLES_0005)
    table_names = set(models.Base.metadata.tables)
    unjournaled = table_names - set(synced)
    assert unjournaled == {"uow_context", "journal_txn", "change_journal", "evidence_chunk",
                           *models.DERIVED_TABLES, *models.SYNC_BOOKKEEPING_TABLES}
    for table in synced:
        columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
        for op in ("insert", "update", "delete"):
            sql = triggers[f"journal_{table}_{op}"]
            for column in columns:
                assert f"'{column}'" in sql, (table, op, column)
    for table in models.APPEND_ONLY_TABLES:
        assert f"append_only_{table}_update" in triggers
        assert f"append_only_{table}_delete" in triggers
