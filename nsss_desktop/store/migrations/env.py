"""Alembic environment: always runs on a connection handed in by `store.migrate` (never a URL),
so migrations use the same keyed SQLCipher connection as the app.

The full-text index (store.search_index) is derived data made by hand-written SQL, not a
model, so model comparisons leave exactly its tables out."""

from alembic import context

from nsss_desktop.store import search_index
from nsss_desktop.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_name=search_index.include_name,
)
with context.begin_transaction():
    context.run_migrations()
