"""Alembic environment of the GED server database.

It always runs on a connection handed in by `sync.db.upgrade` (never a URL from an ini file), so
the server needs no alembic.ini and migrations run inside the same locked transaction.
"""

from alembic import context

from sync.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
