"""A fake `requests.Session` and a small in-memory GED server behind it, for client tests that
need no network (the end-to-end tests use the real server)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests

from nsss_desktop.wire import signing
from nsss_desktop.wire.canonical import canonical, strict_loads
from tests.sync_client.conftest import FakeLog, FakeServerKeys


def response(status: int, body: Any = None, headers: dict[str, str] | None = None
             ) -> requests.Response:
    r = requests.Response()
    r.status_code = status
    r._content = b"" if body is None else json.dumps(body).encode()
    r._content_consumed = True
    r.headers.update(headers or {})
    r.headers.setdefault("Content-Type", "application/json")
    r.reason = "fake"
    return r


class FakeSession:
    """Routes `request` to `handler(method, path, query, headers, body)`; the handler returns
    a Response or raises (ConnectionError, Timeout)."""

    def __init__(self, handler: Callable[..., requests.Response]) -> None:
        self.handler = handler
        self.headers: dict[str, str] = {}
        self.calls: list[tuple[str, str, dict[str, str]]] = []

    def request(self, method: str, url: str, *, headers: dict[str, str] | None = None,
                data: Any = None, json: Any = None, stream: bool = False,
                timeout: Any = None) -> requests.Response:
        parts = urlsplit(url)
        self.calls.append((method, parts.path, dict(headers or {})))
        self.last_timeout = timeout
        body = data if data is not None else (None if json is None else
                                               canonical(json))
        return self.handler(method, parts.path, parse_qs(parts.query), dict(headers or {}),
                            body)

    def close(self) -> None:
        pass


class MiniServer:
    """Sign-in, upload (verify, apply in order, sign acks) — enough for push tests."""

    def __init__(self, keys: FakeServerKeys, ident: Any) -> None:
        self.keys = keys
        self.ident = ident
        self.log = FakeLog()
        self.tokens: set[str] = set()
        self.expected_seq = 1
        self.stored: dict[str, dict] = {}  # changeset_id -> result
        self.uploads: list[bytes] = []
        self.hook: Callable[[dict, bytes], dict | None] | None = None
        self.hold_from: int | None = None

    def session(self) -> FakeSession:
        return FakeSession(self.handle)

    def handle(self, method: str, path: str, query: dict, headers: dict, body: Any
               ) -> requests.Response:
        if path == "/v1/nonce":
            return response(200, {"nonce": signing.b64e(b"n" * 32), "expires_at": "x"})
        if path == "/v1/session":
            doc = strict_loads(body)
            proof = {"device_id": doc["device_id"], "key_id": doc["key_id"],
                     "nonce": doc["nonce"], "environment": self.keys.environment}
            public = signing.b64d(self.ident.public_key)
            if not signing.verify(public, signing.SESSION, proof, doc["signature"]):
                return response(403, {"error": {"code": "bad_signature", "message": "no"}})
            token = f"t{len(self.tokens)}"
            self.tokens.add(token)
            return response(200, {"token": token, "expires_at": "x"})
        auth = headers.get("Authorization", "")
        if auth.removeprefix("Bearer ") not in self.tokens:
            return response(401, {"error": {"code": "session_expired", "message": "again"}})
        if path == "/v1/changesets":
            self.uploads.append(body)
            results = [self.one(item) for item in strict_loads(body)["changesets"]]
            code = results[0]["status_code"] if len(results) == 1 else (
                200 if all(200 <= r["status_code"] < 300 for r in results) else 207)
            return response(code, {"results": results})
        return response(404, {"error": {"code": "not_found", "message": path}})

    def one(self, item: dict) -> dict:
        env = item["changeset"]
        payload = canonical(env)
        cid = env["changeset_id"]
        if cid in self.stored:
            return {**self.stored[cid], "duplicate": True}
        public = signing.b64d(self.ident.public_key)
        if not signing.verify_bytes(public, signing.CHANGESET, payload, item["signature"]):
            return {"changeset_id": cid, "status_code": 403, "duplicate": False, "ack": None,
                    "error": {"code": "bad_signature", "message": "no"}}
        if self.hook is not None:
            special = self.hook(env, payload)
            if special is not None:
                if special.get("ack"):
                    self.stored[cid] = special
                    self.expected_seq += 1
                return special
        if env["device_seq"] > self.expected_seq:
            return {"changeset_id": cid, "status_code": 202, "duplicate": False, "ack": None,
                    "error": {"code": "awaiting_seq", "message": "held"},
                    "awaiting_seq": self.expected_seq}
        entry = self.log.append(cid, signing.sha256_hex(payload))
        ack = self.keys.ack(env, payload, server_seq=entry["server_seq"],
                            head=entry["entry_hash"])
        result = {"changeset_id": cid, "status_code": 200, "duplicate": False, "ack": ack,
                  "error": None}
        self.stored[cid] = result
        self.expected_seq = env["device_seq"] + 1
        return result
