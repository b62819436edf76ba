"""Opening a server database: migrations, environment, keys, data folder.

`open_server` is what both ``nsss-server run`` and ``nsss-server admin`` call first, so a new
database is set up the same way whichever comes first (the pilot needs one command).
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from sync import clock, package_version
from sync.db import Database, upgrade
from sync.keys import InitResult, init_keys, meta_get, meta_set
from sync.schema import server_meta

DEFAULT_ENVIRONMENT = "ged-pilot"
DATA_ENV = "NSSS_SERVER_DATA"
_ENV_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")


class SetupError(Exception):
    """The server cannot start on this database/data folder as asked (exit code 2)."""


def default_data_dir(db_url: str) -> Path | None:
    """``<file>.data`` beside a SQLite file; ``$NSSS_SERVER_DATA`` (or nothing) otherwise."""
    from sqlalchemy.engine import make_url

    url = make_url(db_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return Path(f"{url.database}.data")
    env = os.environ.get(DATA_ENV)
    return Path(env) if env else None


class InFlight:
    """Change-set ids being processed by this process right now (409 ``in_progress``)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ids: set[str] = set()

    def acquire(self, changeset_id: str) -> bool:
        with self._lock:
            if changeset_id in self._ids:
                return False
            self._ids.add(changeset_id)
            return True

    def release(self, changeset_id: str) -> None:
        with self._lock:
            self._ids.discard(changeset_id)


@dataclass
class ServerContext:
    """Everything request handlers and admin commands share."""

    db: Database
    data_dir: Path
    environment: str
    inflight: InFlight = field(default_factory=InFlight)
    blob_store: Any = None  # sync.blobs.BlobStore once mounted
    # Upload sessions seen by this process: token hash -> (DeviceAuth, expires_at). See
    # `sync.auth.current_device_for_upload`.
    upload_sessions: dict[str, tuple[Any, str]] = field(default_factory=dict)

    def blob_complete(self, sha256: str) -> bool:
        """Whether an attachment's blob is completely uploaded (False without a blob store)."""
        if self.blob_store is None:
            return False
        return bool(self.blob_store.is_complete(sha256))


def check_environment_name(name: str) -> str:
    if not _ENV_NAME.fullmatch(name):
        raise SetupError(f"{name!r} is not an environment name (lowercase letters, digits and "
                         "hyphens, e.g. ged-pilot)")
    return name


def open_server(db_url: str, data_dir: Path | None, environment: str | None, *,
                actor: str) -> tuple[ServerContext, InitResult]:
    """Migrate the database, settle the environment, make sure the keys exist.

    A database remembers the environment it was created for; asking for another one is an
    error (a ``ged-staging`` database must never serve ``ged-prod`` devices)."""
    if environment is not None:
        check_environment_name(environment)
    if data_dir is None:
        data_dir = default_data_dir(db_url)
    if data_dir is None:
        raise SetupError(f"--data-dir is required for a PostgreSQL database (or set {DATA_ENV}); "
                         "it holds the offline root key and the attachment blobs")
    data_dir = data_dir.expanduser().resolve()
    db = Database(db_url)
    upgrade(db)  # first: an unreachable database must leave no folder behind
    data_dir.mkdir(parents=True, exist_ok=True)
    with db.write() as conn:
        stored = meta_get(conn, "environment")
        if stored is None:
            stored = environment or DEFAULT_ENVIRONMENT
            meta_set(conn, "environment", stored)
        elif environment is not None and environment != stored:
            raise SetupError(f"this database belongs to environment {stored!r}, not "
                             f"{environment!r}; use the database made for {environment!r}")
        have = set(conn.execute(select(server_meta.c.key)).scalars())
        for key, value in (("created_at", clock.now_iso()),
                           ("created_by_version", package_version())):
            if key not in have:
                conn.execute(insert(server_meta).values(key=key, value=value))
        result = init_keys(conn, data_dir, stored, actor)
    return ServerContext(db=db, data_dir=data_dir, environment=stored), result


def attach_blob_store(ctx: ServerContext,
                      on_complete: Callable[[str], None] | None = None) -> None:
    """Give `ctx` its blob store (``<data dir>/blobs``), if the blob module is installed."""
    if ctx.blob_store is not None:
        return
    try:
        from sync.blobs import BlobStore
    except ImportError:  # the blob module is optional until it lands
        return
    ctx.blob_store = BlobStore(ctx.data_dir / "blobs", on_complete=on_complete)
