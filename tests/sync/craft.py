"""Client-side helpers for the sync tests: device keys, enrolment, sign-in, sealed change sets.

Everything here talks to a real server over HTTP and builds envelopes with the shared wire
module (`nsss_desktop.wire`), exactly as the desktop must. Typical use::

    dev = enrol_device(server, "MoSW")            # admin enrol-code + POST /v1/enrol + session
    item = dev.seal([upsert("figure", owner="MoSW", set={"expenditure_taka": "1974.34"})])
    r = dev.post(item)                            # POST /v1/changesets
    assert r.status_code == 200 and r.json()["results"][0]["ack"]["ack"]["status"] == "applied"

`Device.seal` keeps the device's chain (``device_seq``, ``prev_hash``) like an outbox does;
pass ``seq=``/``prev_hash=`` (or ``advance=False``) to craft out-of-order, forked or replayed
sets. Nothing is mocked and no server internals are imported.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nsss_desktop.domain.ids import new_id
from nsss_desktop.wire import signing
from nsss_desktop.wire.canonical import canonical
from nsss_desktop.wire.envelope import FORMAT, GENESIS_HASH, SCHEMA_VERSIONS

TIMEOUT = 30
CREATED_AT = "2026-11-25T04:37:06.123Z"  # device clocks are informational only


class ServerLike(Protocol):
    """What the helpers need of the `server` fixture (tests/sync/conftest.py)."""

    base_url: str
    environment: str

    def enrol_code(self, ministry: str, user: str = ...) -> str: ...


# ---------------------------------------------------------------------------------------------
# Ops
# ---------------------------------------------------------------------------------------------


def upsert(table: str, pk: str | None = None, *, owner: str, set: dict[str, Any],
           base_rev: int = 0, was: dict[str, Any] | None = None) -> dict[str, Any]:
    """An upsert op; a new row (``base_rev`` 0, new UUIDv7 pk) unless told otherwise."""
    return {"table": table, "pk": pk or new_id(), "op": "upsert", "base_rev": base_rev,
            "owner": owner, "set": dict(set), "was": dict(was or {})}


def delete(table: str, pk: str, *, owner: str, base_rev: int,
           was: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"table": table, "pk": pk, "op": "delete", "base_rev": base_rev, "owner": owner,
            "set": {}, "was": dict(was or {})}


def figure(owner: str, pk: str | None = None, **values: Any) -> dict[str, Any]:
    """A new `figure` row owned by `owner` (money as taka strings, never floats)."""
    row = {"fiscal_year": 2025, "period_kind": "year", "period_no": 1,
           "expenditure_taka": "1974.34", "active_beneficiaries": 120, "synthetic": False}
    row.update(values)
    return upsert("figure", pk, owner=owner, set=row)


# ---------------------------------------------------------------------------------------------
# Devices
# ---------------------------------------------------------------------------------------------


def new_key() -> Ed25519PrivateKey:
    return signing.new_private_key()


def public_b64(key: Ed25519PrivateKey) -> str:
    return signing.b64e(signing.public_bytes(key))


def key_id_of(key: Ed25519PrivateKey) -> str:
    return signing.key_id(signing.public_bytes(key))


def get_nonce(base_url: str, http: requests.Session | None = None) -> str:
    r = (http or requests).post(f"{base_url}/v1/nonce", timeout=TIMEOUT)
    r.raise_for_status()
    return r.json()["nonce"]


def enrol_body(code: str, key: Ed25519PrivateKey, nonce: str,
               device_name: str = "Test PC") -> dict[str, Any]:
    """The POST /v1/enrol body with its proof of possession (docs/sync.md §3.2)."""
    pub = public_b64(key)
    proof = {"code": code, "nonce": nonce, "public_key": pub, "device_name": device_name}
    return {**proof, "signature": signing.sign(key, signing.ENROL, proof)}


def session_body(device_id: str, key: Ed25519PrivateKey, nonce: str,
                 environment: str) -> dict[str, Any]:
    kid = key_id_of(key)
    proof = {"device_id": device_id, "key_id": kid, "nonce": nonce, "environment": environment}
    return {"device_id": device_id, "key_id": kid, "nonce": nonce,
            "signature": signing.sign(key, signing.SESSION, proof)}


@dataclass
class Device:
    """One enrolled installation: its key, its chain and its session."""

    base_url: str
    environment: str
    key: Ed25519PrivateKey
    device_id: str
    ministry_code: str
    enrolment: dict[str, Any]
    token: str | None = None
    seq: int = 0  # the last device_seq sealed
    last_hash: str = GENESIS_HASH  # payload_sha256 of the last set sealed
    http: requests.Session = field(default_factory=requests.Session)

    @property
    def key_id(self) -> str:
        return key_id_of(self.key)

    # -- session -----------------------------------------------------------------------------

    def sign_in(self) -> str:
        nonce = get_nonce(self.base_url, self.http)
        r = self.http.post(f"{self.base_url}/v1/session", timeout=TIMEOUT,
                           json=session_body(self.device_id, self.key, nonce, self.environment))
        assert r.status_code == 200, r.text
        self.token = r.json()["token"]
        return self.token

    def headers(self) -> dict[str, str]:
        if self.token is None:
            self.sign_in()
        return {"Authorization": f"Bearer {self.token}"}

    # -- sealing -------------------------------------------------------------------------------

    def envelope(self, ops: Iterable[dict[str, Any]], *, seq: int | None = None,
                 prev_hash: str | None = None, kind: str = "data",
                 attachments: Iterable[dict[str, Any]] = (), base_server_seq: int = 0,
                 **overrides: Any) -> dict[str, Any]:
        """An unsigned envelope continuing this device's chain (fields overridable)."""
        env = {
            "format": FORMAT, "changeset_id": new_id(), "device_id": self.device_id,
            "key_id": self.key_id, "ministry_code": self.ministry_code,
            "device_seq": self.seq + 1 if seq is None else seq,
            "prev_hash": self.last_hash if prev_hash is None else prev_hash,
            "schema_version": SCHEMA_VERSIONS[-1], "base_server_seq": base_server_seq,
            "created_at": CREATED_AT, "environment": self.environment, "kind": kind,
            "ops": [copy.deepcopy(op) for op in ops],
            "attachments": [dict(a) for a in attachments],
        }
        env.update(overrides)
        return env

    def sign_envelope(self, env: dict[str, Any], key: Ed25519PrivateKey | None = None
                      ) -> dict[str, Any]:
        return {"changeset": env, "signature": signing.sign(key or self.key, signing.CHANGESET,
                                                            env)}

    def seal(self, ops: Iterable[dict[str, Any]], *, advance: bool = True,
             **kwargs: Any) -> dict[str, Any]:
        """A sealed set ``{"changeset", "signature"}``; with `advance` the device's chain moves
        on (as the outbox's does when it seals)."""
        item = self.sign_envelope(self.envelope(ops, **kwargs))
        if advance:
            self.seq = item["changeset"]["device_seq"]
            self.last_hash = payload_sha256(item)
        return item

    def seal_rotation(self, new: Ed25519PrivateKey, *, cosign: bool = True,
                      advance: bool = True) -> dict[str, Any]:
        """A ``key_rotate`` set signed by the current key and (with `cosign`) the new one.
        With `advance`, later sets are signed with the new key."""
        env = self.envelope([], kind="key_rotate",
                            new_key={"public_key": public_b64(new), "key_id": key_id_of(new)})
        item = self.sign_envelope(env)
        if cosign:
            item["cosignature"] = signing.sign(new, signing.CHANGESET, env)
        if advance:
            self.seq = env["device_seq"]
            self.last_hash = payload_sha256(item)
            self.key = new
        return item

    # -- HTTP ------------------------------------------------------------------------------------

    def post(self, *items: dict[str, Any], token: str | None = None) -> requests.Response:
        """POST /v1/changesets with these sealed sets (Idempotency-Key: the first set's id)."""
        body = json.dumps({"changesets": list(items)}).encode()
        key = items[0]["changeset"].get("changeset_id") if items else None
        return self.post_raw(body, idempotency_key=key if isinstance(key, str) else None,
                             token=token)

    def post_raw(self, body: bytes, *, idempotency_key: str | None = None,
                 token: str | None = None) -> requests.Response:
        headers = {"Content-Type": "application/json",
                   **({"Authorization": f"Bearer {token}"} if token else self.headers())}
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        return self.http.post(f"{self.base_url}/v1/changesets", data=body, headers=headers,
                              timeout=TIMEOUT)

    def pull(self, since: int = 0, limit: int | None = None) -> requests.Response:
        params: dict[str, int] = {"since": since}
        if limit is not None:
            params["limit"] = limit
        return self.http.get(f"{self.base_url}/v1/pull", params=params, headers=self.headers(),
                             timeout=TIMEOUT)

    def pull_all(self, since: int = 0, limit: int | None = None) -> list[dict[str, Any]]:
        """Every pull page from `since` to the head."""
        pages = []
        while True:
            r = self.pull(since, limit)
            assert r.status_code == 200, r.text
            page = r.json()
            pages.append(page)
            if not page["more"]:
                return pages
            since = page["next_since"]

    def digest(self, scope: str = "all") -> dict[str, Any]:
        r = self.http.get(f"{self.base_url}/v1/digest", params={"scope": scope},
                          headers=self.headers(), timeout=TIMEOUT)
        assert r.status_code == 200, r.text
        return r.json()


def enrol(base_url: str, environment: str, code: str, *, key: Ed25519PrivateKey | None = None,
          device_name: str = "Test PC", sign_in: bool = True) -> Device:
    """Enrol a new key with `code` over HTTP (and sign in)."""
    key = key or new_key()
    http = requests.Session()
    r = http.post(f"{base_url}/v1/enrol", timeout=TIMEOUT,
                  json=enrol_body(code, key, get_nonce(base_url, http), device_name))
    assert r.status_code == 200, r.text
    info = r.json()
    dev = Device(base_url=base_url, environment=environment, key=key,
                 device_id=info["device_id"], ministry_code=info["ministry_code"],
                 enrolment=info, http=http)
    if sign_in:
        dev.sign_in()
    return dev


def enrol_device(server: ServerLike, ministry: str, *, user: str = "Test Officer",
                 device_name: str = "Test PC") -> Device:
    """An administrator's code for `ministry`, then enrolment and sign-in over HTTP."""
    return enrol(server.base_url, server.environment, server.enrol_code(ministry, user),
                 device_name=device_name)


# ---------------------------------------------------------------------------------------------
# Answers
# ---------------------------------------------------------------------------------------------


def payload_sha256(item: dict[str, Any]) -> str:
    """SHA-256 of the canonical bytes of a sealed set's envelope (what `prev_hash` links)."""
    return signing.sha256_hex(canonical(item["changeset"]))


def result_of(response: requests.Response, index: int = 0) -> dict[str, Any]:
    return response.json()["results"][index]


def ack_bytes(result: dict[str, Any]) -> bytes:
    """The canonical bytes of a result's ack (byte-identical for duplicates, T1)."""
    return canonical(result["ack"]["ack"])


def server_keys(base_url: str) -> dict[str, Any]:
    r = requests.get(f"{base_url}/v1/server-keys", timeout=TIMEOUT)
    r.raise_for_status()
    return r.json()


def signing_keys(answer: dict[str, Any], root_public_key: str) -> dict[str, bytes]:
    """The key ids → raw public keys of a server_keys answer, after checking the root's
    signature over it (as a desktop does with its pinned root)."""
    assert signing.verify(signing.b64d(root_public_key), signing.SERVER_KEYS, answer["doc"],
                          answer["signature"]), "server_keys not signed by the pinned root"
    return {k["key_id"]: signing.b64d(k["public_key"]) for k in answer["doc"]["keys"]}


def verify_ack(result: dict[str, Any], keys: dict[str, bytes]) -> bool:
    ack = result["ack"]
    pub = keys.get(ack["ack"]["server_key_id"])
    return pub is not None and signing.verify(pub, signing.ACK, ack["ack"], ack["signature"])


def verify_checkpoint(page: dict[str, Any], keys: dict[str, bytes]) -> bool:
    point = page["checkpoint"]
    pub = keys.get(point["checkpoint"]["server_key_id"])
    return pub is not None and signing.verify(pub, signing.CHECKPOINT, point["checkpoint"],
                                              point["signature"])


# ---------------------------------------------------------------------------------------------
# Test-only access to the server database (to age a session or a nonce, as time would)
# ---------------------------------------------------------------------------------------------


def db_url_of(db: str) -> str:
    """The SQLAlchemy URL of the fixture's ``db_url`` (a SQLite path or a PostgreSQL URL)."""
    return db if "://" in db else f"sqlite:///{db}"


def sql(db: str, statement: str, **params: Any) -> list[Any]:
    """Run one SQL statement on the server database; the rows it returns (if any)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url_of(db))
    try:
        with engine.begin() as conn:
            result = conn.execute(text(statement), params)
            return list(result) if result.returns_rows else []
    finally:
        engine.dispose()


# ---------------------------------------------------------------------------------------------
# Sync by file (docs/sync.md §6; the layout is defined in sync/syncfile.py)
# ---------------------------------------------------------------------------------------------


def export_file(dev: Device, items: list[dict[str, Any]], path: Any, *, cursor: int = 0,
                blobs: Iterable[tuple[dict[str, Any], bytes]] = (),
                file_id: str | None = None) -> dict[str, Any]:
    """Write a desktop export zip (``*.nsss-sync``) holding `items`; returns its manifest."""
    import hashlib
    import zipfile

    lines = b"".join(json.dumps(item, ensure_ascii=False).encode() + b"\n" for item in items)
    blobs = list(blobs)
    manifest = {
        "format": "nsss-sync-file/1", "file_id": file_id or new_id(),
        "device_id": dev.device_id, "key_id": dev.key_id, "ministry_code": dev.ministry_code,
        "environment": dev.environment, "cursor": cursor, "created_at": CREATED_AT,
        "changesets": len(items), "changesets_sha256": hashlib.sha256(lines).hexdigest(),
        "blobs": [meta for meta, _ in blobs],
    }
    signed = {"manifest": manifest,
              "signature": signing.sign(dev.key, signing.SYNC_FILE, manifest)}
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("manifest.json", json.dumps(signed))
        zf.writestr("changesets.jsonl", lines)
        for meta, data in blobs:
            zf.writestr(f"blobs/{meta['sha256']}", data)
    return manifest


def read_reply(path: Any) -> dict[str, Any]:
    """A reply zip as ``{"manifest", "signature", "files": {name: bytes}}`` after checking that
    every file's hash is the one the (signed) manifest lists."""
    import hashlib
    import zipfile

    with zipfile.ZipFile(path) as zf:
        files = {name: zf.read(name) for name in zf.namelist()}
    outer = json.loads(files.pop("manifest.json"))
    listed = outer["manifest"]["files"]
    assert set(listed) == set(files)
    assert all(hashlib.sha256(files[n]).hexdigest() == h for n, h in listed.items())
    return {"manifest": outer["manifest"], "signature": outer["signature"], "files": files}
