"""The HTTP endpoints of docs/sync.md §3 (blobs live in `sync.blobs`).

Handlers are thin: read the raw body (with its size cap, before any parsing), hand it to the
module that decides, answer JSON. Upload answers are RFC 8785 bytes, so an ack inside an answer
is byte for byte the ack that was signed and stored; pull pages too (only their checkpoint is
signed, but the same bytes cost nothing more: `sync.wirefast`).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from sync import api_models as m
from sync import wirefast
from sync.auth import (
    DeviceAuth,
    current_device,
    current_device_for_upload,
    enrol,
    issue_nonce,
    open_session,
)
from sync.errors import ApiError
from sync.ingest import MAX_BODY_BYTES, Uploader
from sync.keys import server_keys_answer
from sync.logs import log_event
from sync.pull import DEFAULT_LIMIT, MAX_LIMIT, digest, pull_page_bytes

MAX_SMALL_BODY = 64 * 1024


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    text = {400: "Malformed JSON.", 401: "No session, or it expired: sign in again.",
            403: "Refused (see error.code).", 404: "Not found.", 409: "Conflict.",
            413: "Too large.", 422: "Invalid (error.path names the field).",
            426: "Upgrade required.", 503: "Database unavailable."}
    return {s: {"model": m.ErrorBody, "description": text.get(s, "Error.")} for s in statuses}


async def read_body(request: Request, limit: int) -> bytes:
    """The raw body, refused with 413 as soon as it passes `limit` (never parsed here)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ApiError(413, "too_large", f"the body is over {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, "too_large", f"the body is over {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _canonical_json(body: Any, status: int = 200) -> Response:
    """RFC 8785 bytes of an answer built from checked values (see `sync.wirefast`)."""
    return Response(wirefast.canonical(body), status_code=status,
                    media_type="application/json")


def api_router() -> APIRouter:
    router = APIRouter(prefix="/v1")

    def state(request: Request) -> Any:
        return request.app.state.nsss

    @router.get("/server-keys", tags=["keys"], response_model=m.ServerKeysOut,
                responses=_errors(404, 422, 503),
                summary="The server_keys document (latest, or one version), signed by the root")
    def server_keys(request: Request,
                    version: Annotated[int | None, Query(ge=1, le=2**31)] = None) -> Any:
        ctx = state(request).context()
        with ctx.db.read() as conn:
            answer = server_keys_answer(conn, version)
        if answer is None:
            raise ApiError(404, "unknown_version", f"there is no server_keys version {version}")
        return answer

    @router.post("/nonce", tags=["auth"], response_model=m.NonceOut,
                 responses=_errors(503), summary="A single-use nonce, valid 5 minutes")
    def nonce(request: Request) -> Any:
        return issue_nonce(state(request).context())

    @router.post("/enrol", tags=["auth"], response_model=m.EnrolOut,
                 responses=_errors(400, 403, 409, 413, 422, 503),
                 openapi_extra=m.json_body(m.EnrolIn, "Enrolment with proof of possession."),
                 summary="Enrol a device with a single-use code (docs/sync.md §3.2)")
    async def enrol_device(request: Request) -> Any:
        raw = await read_body(request, MAX_SMALL_BODY)
        ctx = state(request).context()
        return await run_in_threadpool(enrol, ctx, raw)

    @router.post("/session", tags=["auth"], response_model=m.SessionOut,
                 responses=_errors(400, 403, 413, 422, 503),
                 openapi_extra=m.json_body(m.SessionIn, "Device sign-in."),
                 summary="Sign in: a bearer token valid one hour (docs/sync.md §3.3)")
    async def session(request: Request) -> Any:
        raw = await read_body(request, MAX_SMALL_BODY)
        ctx = state(request).context()
        return await run_in_threadpool(open_session, ctx, raw)

    @router.post("/changesets", tags=["sync"], response_model=m.UploadOut,
                 responses={202: {"model": m.UploadOut, "description": "Held (one set)."},
                            207: {"model": m.UploadOut, "description": "Mixed answers."},
                            **_errors(400, 401, 403, 409, 413, 422, 426, 503)},
                 openapi_extra=m.json_body(m.UploadIn, "Sealed change sets, oldest first."),
                 summary="Upload sealed change sets (docs/sync.md §3.4)")
    async def upload(request: Request,
                     device: Annotated[DeviceAuth, Depends(current_device_for_upload)]) -> Any:
        raw = await read_body(request, MAX_BODY_BYTES)
        ingestor = state(request).ingestor
        who = Uploader(device.device_id, device.key_id, device.ministry_code)
        status, body = await run_in_threadpool(ingestor.upload, raw, who)
        log_event("upload answered", "upload", device_id=device.device_id, status=status,
                  sets=len(body["results"]),
                  idempotency_key=request.headers.get("idempotency-key"))
        if len(body["results"]) == 1 and status >= 400:
            result = body["results"][0]
            body = {"error": result["error"], **body}
        return _canonical_json(body, status)

    @router.get("/pull", tags=["sync"], response_model=m.PullOut,
                responses=_errors(401, 403, 422, 503),
                summary="Row versions after `since`, whole change sets, signed checkpoint")
    def pull(request: Request, device: Annotated[DeviceAuth, Depends(current_device)],
             since: Annotated[int, Query(ge=0, le=2**53 - 1)] = 0,
             limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT) -> Any:
        ctx = state(request).context()
        with ctx.db.read() as conn:
            body, page = pull_page_bytes(conn, ctx.environment, since, limit)
        log_event("pull answered", "pull", device_id=device.device_id, since=since,
                  next_since=page["next_since"], rows=page["rows"], more=page["more"])
        return Response(body, media_type="application/json")

    @router.get("/digest", tags=["sync"], response_model=m.DigestOut,
                responses=_errors(401, 403, 422, 503),
                summary="R24 sanity digest: per-table counts and a SHA-256 of (table, pk, rev)")
    def sanity_digest(request: Request, device: Annotated[DeviceAuth, Depends(current_device)],
                      scope: Literal["ministry", "all"] = "ministry") -> Any:
        ctx = state(request).context()
        with ctx.db.read() as conn:
            answer = digest(conn, device.ministry_code, scope)
        log_event("digest answered", "digest", device_id=device.device_id, scope=scope,
                  row_count=answer["row_count"])
        return answer

    return router
