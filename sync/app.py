"""The GED server's FastAPI application.

``create_app(db_url, data_dir=..., environment=...)`` builds the app around one server database
(a SQLite file for a pilot, PostgreSQL in production). The database is opened (migrated, keys
made) on first use, so the process starts even while the database is down and ``/v1/health``
answers 503 until it is back. Every log line is one JSON object (`sync.logs`).
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync import package_version
from sync.context import (
    ServerContext,
    SetupError,
    attach_blob_store,
    default_data_dir,
    open_server,
)
from sync.db import backend_of, safe_url
from sync.errors import ApiError
from sync.ingest import Ingestor
from sync.logs import JsonLinesFormatter, log, log_event, logging_config

__all__ = ["JsonLinesFormatter", "RequestLogMiddleware", "ServerState", "create_app",
           "logging_config"]


class ServerState:
    """The app's handle on its server context, opened lazily and at most once."""

    def __init__(self, db_url: str, data_dir: Path | None, environment: str | None,
                 ctx: ServerContext | None = None) -> None:
        self.db_url = db_url
        self.db_kind = backend_of(db_url)
        self.data_dir = data_dir if data_dir is not None else default_data_dir(db_url)
        self.environment = environment
        self._ctx = ctx
        self._ingestor: Ingestor | None = Ingestor(ctx) if ctx is not None else None
        self._lock = threading.Lock()
        if ctx is not None:
            self._attach_blobs(ctx)

    def context(self) -> ServerContext:
        if self._ctx is not None:
            return self._ctx
        with self._lock:
            if self._ctx is None:
                ctx, result = open_server(self.db_url, self.data_dir, self.environment,
                                          actor="server")
                if result.created:
                    log_event("server keys created", "keys_created",
                              root_public_key=result.root.public_key,
                              root_key_id=result.root.key_id,
                              root_key_file=str(result.root_key_file))
                self._attach_blobs(ctx)
                self._ingestor = Ingestor(ctx)
                self._ctx = ctx
        return self._ctx

    def opened(self) -> ServerContext | None:
        """The context if it is open already (never opens it: no I/O)."""
        return self._ctx

    @property
    def ingestor(self) -> Ingestor:
        self.context()
        assert self._ingestor is not None
        return self._ingestor

    def blob_store(self) -> Any:
        return self.context().blob_store

    def _attach_blobs(self, ctx: ServerContext) -> None:
        def on_complete(sha256: str) -> None:
            # A blob just completed: release the change sets held for it (R17).
            ingestor = self._ingestor or Ingestor(ctx)
            moved = ingestor.drain_awaiting_blobs()
            log_event("blob complete", "blob_complete", sha256=sha256, released=moved)

        attach_blob_store(ctx, on_complete)

    def dispose(self) -> None:
        if self._ctx is not None:
            self._ctx.db.dispose()


class _LazyBlobStore:
    """Stands for the BlobStore at mount time: the real one needs the data folder, which is
    only created once the database is reachable."""

    def __init__(self, state: ServerState) -> None:
        self._state = state

    def __getattr__(self, name: str) -> Any:
        return getattr(self._state.blob_store(), name)


# ---------------------------------------------------------------------------------------------
# Health models
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


def create_app(db_url: str, *, data_dir: Path | None = None, environment: str | None = None,
               context: ServerContext | None = None) -> FastAPI:
    """Build the GED server app for the database at ``db_url`` (a SQLAlchemy URL)."""
    version = package_version()
    state = ServerState(db_url, data_dir, environment, context)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        log.info("server starting", extra={"event": "startup", "version": version,
                                           "db": state.db_kind, "db_url": safe_url(db_url)})
        try:
            ctx = state.context()
            log_event("server ready", "ready", environment=ctx.environment,
                      data_dir=str(ctx.data_dir))
        except SQLAlchemyError as exc:
            log.error("database unavailable at start-up; /v1/health will answer 503 until it is",
                      extra={"event": "db_unavailable", "error": _describe(exc)})
        yield
        state.dispose()
        log.info("server stopped", extra={"event": "shutdown"})

    app = FastAPI(
        title="NSSS M&E GED server",
        version=version,
        summary="Receives, verifies and applies ministries' signed change sets.",
        lifespan=lifespan,
    )
    app.state.nsss = state
    _install_error_handlers(app)
    app.add_middleware(RequestLogMiddleware)

    @app.get(
        "/v1/health",
        response_model=HealthOk,
        responses={503: {"model": HealthError, "description": "The database is unreachable."}},
        tags=["health"],
        summary="Is the server up and its database reachable?",
    )
    def health() -> Any:
        try:
            ctx = state.context()
            with ctx.db.engine.connect() as conn:
                conn.execute(text("SELECT 1")).scalar_one()
        except SQLAlchemyError as exc:
            log.warning("health check: database unreachable", extra={
                "event": "health_db_unreachable", "error": _describe(exc)})
            body = HealthError(status="error", error="database unreachable",
                               detail=type(getattr(exc, "orig", None) or exc).__name__,
                               version=version, db=state.db_kind)  # type: ignore[arg-type]
            return JSONResponse(status_code=503, content=body.model_dump())
        return HealthOk(status="ok", version=version, db=state.db_kind)  # type: ignore[arg-type]

    from sync.routes import api_router

    app.include_router(api_router())
    _mount_blobs(app, state)
    return app


class RequestLogMiddleware:
    """Gives every HTTP answer an ``X-Request-ID`` and logs one JSON ``request`` line per
    request (an unhandled error: a ``request_error`` line and a 500 in the error shape).

    A plain ASGI middleware: the request and response messages pass straight through (no
    task group, no body streams in between, as ``BaseHTTPMiddleware`` adds)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = uuid.uuid4().hex
        header = (b"x-request-id", request_id.encode("ascii"))
        started = time.perf_counter()
        status: int | None = None

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [(k, v) for k, v in message.get("headers", ())
                           if k.lower() != b"x-request-id"]
                message = {**message, "headers": [*headers, header]}
            await send(message)

        method = scope.get("method", "")
        path = _url_path(scope)
        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            if status is not None:  # the answer has begun: nothing else can be sent
                raise
            log.exception("unhandled error", extra={
                "event": "request_error", "request_id": request_id, "method": method,
                "path": path})
            response = JSONResponse(status_code=500, content={
                "error": {"code": "internal", "message": "internal server error"},
                "request_id": request_id})
            await response(scope, receive, send_with_id)
        client = scope.get("client")
        log.info("request", extra={
            "event": "request", "request_id": request_id, "method": method, "path": path,
            "status": status, "duration_ms": round((time.perf_counter() - started) * 1000, 2),
            "client": client[0] if client else None})


def _url_path(scope: Scope) -> str:
    """What Starlette's ``request.url.path`` gives for this scope."""
    return scope["path"].replace("?", "%3F").replace("#", "%23").replace("\\", "%5C")


def _mount_blobs(app: FastAPI, state: ServerState) -> None:
    try:
        from sync.blobs import blob_router
    except ImportError:
        log.warning("sync.blobs is missing: blob endpoints are not served",
                    extra={"event": "blobs_unavailable"})
        return
    from sync.auth import current_device

    app.include_router(blob_router(_LazyBlobStore(state), current_device))  # type: ignore[arg-type]


def _install_error_handlers(app: FastAPI) -> None:
    """Every refusal in the one error shape of docs/sync.md §3, never a bare 500 for bad input."""

    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(status_code=exc.status, content=exc.body(), headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        loc = ".".join(str(p) for p in first.get("loc", ()))
        return JSONResponse(status_code=422, content={"error": {
            "code": "invalid_request", "message": str(first.get("msg", "invalid request")),
            "path": loc}})

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        codes = {404: "not_found", 405: "method_not_allowed"}
        return JSONResponse(status_code=exc.status_code, headers=getattr(exc, "headers", None),
                            content={"error": {"code": codes.get(exc.status_code, "http_error"),
                                               "message": str(exc.detail)}})

    @app.exception_handler(SetupError)
    async def setup_error(_request: Request, exc: SetupError) -> JSONResponse:
        return JSONResponse(status_code=503, content={"error": {
            "code": "server_misconfigured", "message": str(exc)}})

    @app.exception_handler(SQLAlchemyError)
    async def db_error(_request: Request, exc: SQLAlchemyError) -> JSONResponse:
        log.error("database error", extra={"event": "db_error", "error": _describe(exc)})
        return JSONResponse(status_code=503, headers={"Retry-After": "5"}, content={"error": {
            "code": "db_unavailable", "message": "the database is unavailable; try again"}})


def _describe(exc: BaseException) -> str:
    """A one-line description of a database error (driver message, without the SQL)."""
    orig = getattr(exc, "orig", None)
    inner = orig if orig is not None else exc
    return f"{type(inner).__name__}: {str(inner).strip().splitlines()[0] if str(inner) else ''}"
