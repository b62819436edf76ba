"""The HTTP client of the GED server: device sign-in, retries with full-jitter backoff, and
typed refusals (R19, docs/sync.md §3 and §7).

- timeouts: 10 s to connect, 60 s to read;
- retried: connection errors, timeouts, 5xx and 429 (honouring ``Retry-After``), with
  full-jitter backoff (base 1 s, cap 5 min; `sleep` and `rand` are injectable for tests);
- never retried: 400/403/409/413/422/426 and any other 4xx: `SyncRefused` carries the
  server's error code and message;
- 401 on a bearer endpoint: sign in again, once.

The session token is kept in memory only. `blobs.py` uses `request` for the resumable blob
upload; it may pass `ok=` to receive a status such as 404 or 409 instead of an exception.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Collection
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import requests

from nsss_desktop.sync_client.errors import SyncError, SyncRefused, SyncUnavailable
from nsss_desktop.sync_client.identity import Identity
from nsss_desktop.wire import signing

CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 60.0
BASE_DELAY = 1.0
MAX_DELAY = 300.0
MAX_ATTEMPTS = 6
NO_AUTH_PATHS = ("/v1/health", "/v1/server-keys", "/v1/nonce", "/v1/enrol", "/v1/session")

# What to do about a refusal, by the server's error code.
HINTS = {
    "bad_code": "Check the enrolment code (16 letters and digits in groups of four) or ask the "
                "GED administrator for a new one.",
    "code_expired": "Enrolment codes are valid for 24 hours: ask the GED administrator for a "
                    "new one.",
    "code_used": "Each enrolment code works once: ask the GED administrator for a new one.",
    "bad_nonce": "Try again; the sign-in took longer than five minutes.",
    "revoked": "This installation's key was revoked by GED. Ask the GED administrator to enrol "
               "it again; its unsent changes are kept.",
    "suspended": "This installation's key was suspended (two different changes were sent with "
                 "the same number). Contact GED IT before doing anything else.",
    "unknown_key": "The server does not know this installation. Check the server address, or "
                   "enrol again with a new code.",
    "wrong_environment": "This installation is enrolled with another GED server (pilot or "
                         "production). Check the server address.",
    "device_mismatch": "Contact GED IT: the server saw this installation's changes under "
                       "another device.",
    "upgrade_required": "Install the newer version of NSSS M&E Desktop, then sync again. "
                        "Nothing was lost.",
    "too_large": "A change set or file is larger than the server accepts.",
    "forbidden_op": "The change touches data another ministry owns; ask GED or that ministry.",
    "equivocation": "Two different changes were sent under the same number. Contact GED IT; "
                    "do not restore an older backup and sync it.",
    "chain_break": "This installation's changes do not follow on from those the server has. "
                   "Contact GED IT; do not restore an older backup and sync it.",
}


def normalise_url(url: str, *, allow_http: bool = False) -> str:
    """The server's base URL without a trailing slash; HTTPS unless on this computer."""
    url = (url or "").strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        raise SyncError(f"'{url}' is not a server address.",
                        hint="Write it as https://sync.ged.gov.bd (as GED IT gave it).")
    loopback = parts.hostname in ("localhost", "127.0.0.1", "::1")
    if parts.scheme == "http" and not (loopback or allow_http):
        raise SyncError("The server address must start with https:// (the data is "
                        "confidential in transit).",
                        hint="Use the https:// address GED IT gave you.")
    return url


def full_jitter(attempt: int, rand: Callable[[], float], base: float = BASE_DELAY,
                cap: float = MAX_DELAY) -> float:
    """AWS "full jitter": a random delay in [0, min(cap, base * 2^attempt))."""
    return rand() * min(cap, base * (2 ** attempt))


def retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def error_of(response: requests.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {"code": f"http_{response.status_code}",
                "message": (response.text or response.reason or "")[:200]}
    error = body.get("error") if isinstance(body, dict) else None
    if isinstance(error, dict):
        return error
    detail = body.get("detail") if isinstance(body, dict) else None
    return {"code": f"http_{response.status_code}", "message": str(detail or body)[:200]}


def refused(response: requests.Response) -> SyncRefused:
    error = error_of(response)
    code = str(error.get("code", f"http_{response.status_code}"))
    message = str(error.get("message", "")).strip() or response.reason or "refused"
    return SyncRefused(
        f"The GED server refused the request ({response.status_code} {code}): {message}",
        status=response.status_code, error_code=code,
        hint=HINTS.get(code, "This is not retried automatically; correct the cause and sync "
                             "again."),
        path=str(error.get("path", "")),
        op_index=error.get("op_index") if isinstance(error.get("op_index"), int) else None)


def check_cancel(cancel: Any) -> None:
    if cancel is None:
        return
    if hasattr(cancel, "check"):
        cancel.check()
    elif getattr(cancel, "is_interruption_requested", lambda: False)():
        from nsss_desktop.errors import Cancelled

        raise Cancelled("Cancelled by the user.")


class ServerClient:
    """One server, one device: `request` signs in when needed and retries what may be
    retried. Use as a context manager (or call `close`)."""

    def __init__(self, base_url: str, identity: Identity | None = None, *,
                 db: Any = None, session: requests.Session | None = None,
                 sleep: Callable[[float], None] = time.sleep,
                 rand: Callable[[], float] = random.random, max_attempts: int = MAX_ATTEMPTS,
                 cancel: Any = None, allow_http: bool = False) -> None:
        self.base_url = normalise_url(base_url, allow_http=allow_http)
        if identity is None and db is not None:
            from nsss_desktop.sync_client.seal import current_identity

            with db.engine.connect() as conn:
                identity = current_identity(conn)
        self.identity = identity
        self.db = db
        self.http = session or requests.Session()
        self.http.headers.setdefault("User-Agent", "nsss-desktop-sync/1")
        self.sleep = sleep
        self.rand = rand
        self.max_attempts = max(1, max_attempts)
        self.cancel = cancel
        self.token: str | None = None
        self.token_expires_at: str | None = None
        self.slept: list[float] = []

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> ServerClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- sign-in ----------------------------------------------------------------------------

    def nonce(self) -> str:
        return str(self.request("POST", "/v1/nonce", json={}, auth=False).json()["nonce"])

    def sign_in(self) -> None:
        ident = self.identity
        if ident is None:
            from nsss_desktop.sync_client.errors import NotEnrolled

            raise NotEnrolled("This installation is not enrolled with a GED server.",
                              hint="Enrol it: nsss-desktop sync enrol --server URL --code CODE "
                                   "--root-key KEY.")
        nonce = self.nonce()
        doc = {"device_id": ident.device_id, "key_id": ident.key_id, "nonce": nonce,
               "environment": ident.environment}
        body = {"device_id": ident.device_id, "key_id": ident.key_id, "nonce": nonce,
                "signature": signing.sign(ident.private_key, signing.SESSION, doc)}
        answer = self.request("POST", "/v1/session", json=body, auth=False).json()
        self.token = str(answer["token"])
        self.token_expires_at = answer.get("expires_at")

    # --- requests ---------------------------------------------------------------------------

    def request(self, method: str, path: str, *, headers: dict[str, str] | None = None,
                data: Any = None, json: Any = None, stream: bool = False,
                timeout: float | tuple[float, float] | None = None, auth: bool | None = None,
                ok: Collection[int] = ()) -> requests.Response:
        """Send one request (retrying what may be retried); raise `SyncRefused` for a
        refusal unless its status is in `ok`, `SyncUnavailable` when retries ran out."""
        if auth is None:
            auth = not path.startswith(NO_AUTH_PATHS)
        url = self.base_url + path
        attempt, signed_in_again = 0, False
        while True:
            check_cancel(self.cancel)
            if auth and self.token is None:
                self.sign_in()
            sent = dict(headers or {})
            if auth:
                sent["Authorization"] = f"Bearer {self.token}"
            try:
                response = self.http.request(method, url, headers=sent, data=data, json=json,
                                             stream=stream,
                                             timeout=timeout or (CONNECT_TIMEOUT, READ_TIMEOUT))
            except (requests.ConnectionError, requests.Timeout) as exc:
                attempt = self._backoff(attempt, None, f"the server did not answer ({exc})")
                continue
            status = response.status_code
            if status == 401 and auth and not signed_in_again:
                response.close()
                self.token, signed_in_again = None, True
                continue
            if status == 429 or status >= 500:
                wait = retry_after(response)
                reason = f"the server answered {status} {error_of(response).get('code', '')}"
                response.close()
                attempt = self._backoff(attempt, wait, reason)
                continue
            if status < 400 or status in ok:
                return response
            raise refused(response)

    def _backoff(self, attempt: int, wait: float | None, reason: str) -> int:
        if attempt + 1 >= self.max_attempts:
            raise SyncUnavailable(
                f"The GED server could not be reached: {reason}, {self.max_attempts} times.",
                hint="Check the network connection and try again later; every change is kept "
                     "in the outbox until the server confirms it.")
        delay = min(MAX_DELAY, wait) if wait is not None else full_jitter(attempt, self.rand)
        self._wait(delay)
        return attempt + 1

    def _wait(self, delay: float) -> None:
        self.slept.append(delay)
        if self.cancel is None:
            self.sleep(delay)
            return
        end = time.monotonic() + delay
        remaining = delay
        while remaining > 0:
            check_cancel(self.cancel)
            self.sleep(min(0.25, remaining))
            remaining = end - time.monotonic() if self.sleep is time.sleep else \
                remaining - min(0.25, remaining)
        check_cancel(self.cancel)

    def get_json(self, path: str, **kwargs: Any) -> Any:
        return self.request("GET", path, **kwargs).json()

    def post_json(self, path: str, body: Any, **kwargs: Any) -> Any:
        return self.request("POST", path, json=body, **kwargs).json()
