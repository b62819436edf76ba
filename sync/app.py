"""The GED server's FastAPI application (skeleton: health endpoint, database, logging).

``create_app(db_url)`` builds the app around one SQLAlchemy 2 engine. Supported databases are a
SQLite file (the embedded default, for a pilot) and PostgreSQL (production). Every log line the
server writes is one JSON object (see :class:`JsonLinesFormatter`).
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import Column, MetaData, String, Table, Text, create_engine, event, select, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from sync import package_version

log = logging.getLogger("nsss.server")

SUPPORTED_BACKENDS = ("sqlite", "postgresql")

# ---------------------------------------------------------------------------------------------
# Logging: one JSON object per line
# ---------------------------------------------------------------------------------------------

# Attributes every LogRecord has; anything else on a record came from ``extra=`` and is logged
# as a field of its own.
_RECORD_ATTRS = frozenset(vars(logging.makeLogRecord({}))) | {
    "message",
    "asctime",
    "color_message",  # uvicorn's ANSI-coloured duplicate of the message
    "taskName",
}


class JsonLinesFormatter(logging.Formatter):
    """Formats a record as one line of JSON: ts, level, logger, msg, then any ``extra`` fields."""

    def format(self, record: logging.LogRecord) -> str:
        ts = datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")
        out: dict[str, Any] = {
            "ts": ts.replace("+00:00", "Z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _RECORD_ATTRS and not key.startswith("_") and key not in out:
                out[key] = value
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        if record.stack_info:
            out["stack"] = self.formatStack(record.stack_info)
        return json.dumps(out, ensure_ascii=False, default=str)


def logging_config(level: str = "info") -> dict[str, Any]:
    """A ``logging.config.dictConfig`` dict sending everything (ours, uvicorn's, warnings) to
    stderr as JSON lines. Pass it to ``uvicorn.run(log_config=...)``."""
    lvl = level.upper()
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": f"{__name__}.JsonLinesFormatter"}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stderr",
            }
        },
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": lvl, "propagate": False},
            "uvicorn.error": {"level": lvl},
            "uvicorn.access": {"handlers": ["stderr"], "level": lvl, "propagate": False},
            "nsss": {"handlers": ["stderr"], "level": lvl, "propagate": False},
        },
        "root": {"handlers": ["stderr"], "level": "WARNING"},
    }


# ---------------------------------------------------------------------------------------------
# Database
# ---------------------------------------------------------------------------------------------

metadata = MetaData()

# Key/value facts about this server database (when it was created, by which version).
# The real schema (devices, change sets, log, ...) comes with Alembic in a later issue.
server_meta = Table(
    "server_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)


def backend_of(db_url: str) -> str:
    """``"sqlite"`` or ``"postgresql"`` for a SQLAlchemy URL; ValueError for anything else."""
    backend = make_url(db_url).get_backend_name()
    if backend not in SUPPORTED_BACKENDS:
        raise ValueError(
            f"unsupported database {backend!r}: use a SQLite file or a postgresql+psycopg:// URL"
        )
    return backend


def safe_url(db_url: str) -> str:
    """The URL with any password masked, for logs and messages."""
    return make_url(db_url).render_as_string(hide_password=True)


def make_engine(db_url: str) -> Engine:
    backend = backend_of(db_url)
    if backend == "sqlite":
        engine = create_engine(db_url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            try:
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=FULL")
                cur.execute("PRAGMA foreign_keys=ON")
                cur.execute("PRAGMA busy_timeout=30000")
            finally:
                cur.close()

        return engine
    return create_engine(db_url, pool_pre_ping=True)


def init_schema(engine: Engine) -> None:
    """Create the tables if missing and record when the database was first set up."""
    metadata.create_all(engine)
    now = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    try:
        with engine.begin() as conn:
            have = set(conn.execute(select(server_meta.c.key)).scalars())
            rows = [
                {"key": k, "value": v}
                for k, v in (("created_at", now), ("created_by_version", package_version()))
                if k not in have
            ]
            if rows:
                conn.execute(server_meta.insert(), rows)
    except IntegrityError:  # another worker inserted the same rows first
        pass


@dataclass
class ServerState:
    engine: Engine
    db_kind: str
    schema_ready: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def ensure_schema(self) -> None:
        if self.schema_ready:
            return
        with self.lock:
            if not self.schema_ready:
                init_schema(self.engine)
                self.schema_ready = True


# ---------------------------------------------------------------------------------------------
# API models
# ---------------------------------------------------------------------------------------------


class HealthOk(BaseModel):
    status: Literal["ok"]
    version: str
    db: Literal["sqlite", "postgresql"]


class HealthError(BaseModel):
    status: Literal["error"]
    error: str
    detail: str
    version: str
    db: Literal["sqlite", "postgresql"]


# ---------------------------------------------------------------------------------------------
# The app
# ---------------------------------------------------------------------------------------------


def create_app(db_url: str) -> FastAPI:
    """Build the GED server app for the database at ``db_url`` (a SQLAlchemy URL).

    The database is not required to be reachable at start-up: the app starts anyway, logs the
    problem, and ``GET /v1/health`` answers 503 until the database answers.
    """
    version = package_version()
    state = ServerState(engine=make_engine(db_url), db_kind=backend_of(db_url))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        log.info(
            "server starting",
            extra={
                "event": "startup",
                "version": version,
                "db": state.db_kind,
                "db_url": safe_url(db_url),
            },
        )
        try:
            state.ensure_schema()
        except SQLAlchemyError as exc:
            log.error(
                "database unavailable at start-up; /v1/health will answer 503 until it is",
                extra={"event": "db_unavailable", "error": _describe(exc)},
            )
        yield
        state.engine.dispose()
        log.info("server stopped", extra={"event": "shutdown"})

    app = FastAPI(
        title="NSSS M&E GED server",
        version=version,
        summary="Receives, verifies and applies ministries' signed change sets.",
        lifespan=lifespan,
    )
    app.state.nsss = state

    @app.middleware("http")
    async def log_requests(request: Request, call_next: Any) -> Any:
        request_id = uuid.uuid4().hex
        started = time.perf_counter()
        try:
            response = await call_next(request)
        except Exception:
            log.exception(
                "unhandled error",
                extra={
                    "event": "request_error",
                    "request_id": request_id,
                    "method": request.method,
                    "path": request.url.path,
                },
            )
            response = JSONResponse(
                status_code=500,
                content={
                    "status": "error",
                    "error": "internal server error",
                    "request_id": request_id,
                },
            )
        response.headers["X-Request-ID"] = request_id
        log.info(
            "request",
            extra={
                "event": "request",
                "request_id": request_id,
                "method": request.method,
                "path": request.url.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                "client": request.client.host if request.client else None,
            },
        )
        return response

    @app.get(
        "/v1/health",
        response_model=HealthOk,
        responses={503: {"model": HealthError, "description": "The database is unreachable."}},
        tags=["health"],
        summary="Is the server up and its database reachable?",
    )
    def health() -> Any:
        try:
            with state.engine.connect() as conn:
                conn.execute(text("SELECT 1")).scalar_one()
            state.ensure_schema()
        except SQLAlchemyError as exc:
            log.warning(
                "health check: database unreachable",
                extra={"event": "health_db_unreachable", "error": _describe(exc)},
            )
            body = HealthError(
                status="error",
                error="database unreachable",
                detail=type(getattr(exc, "orig", None) or exc).__name__,
                version=version,
                db=state.db_kind,  # type: ignore[arg-type]
            )
            return JSONResponse(status_code=503, content=body.model_dump())
        return HealthOk(status="ok", version=version, db=state.db_kind)  # type: ignore[arg-type]

    return app


def _describe(exc: BaseException) -> str:
    """A one-line description of a database error (driver message, without the SQL)."""
    orig = getattr(exc, "orig", None)
    inner = orig if orig is not None else exc
    return f"{type(inner).__name__}: {str(inner).strip().splitlines()[0] if str(inner) else ''}"
