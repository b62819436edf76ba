"""Alembic environment: always runs on a connection handed in by `store.migrate` (never a URL),
so migrations use the same keyed SQLCipher connection as the app."""

from alembic import context

from nsss_desktop.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
