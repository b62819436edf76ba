"""Enrolment (R20, docs/sync.md §3.2), sessions (§3.3) and the server keys document (§3.1),
against a real server on SQLite and PostgreSQL."""

from __future__ import annotations

import requests

from nsss_desktop.domain.ids import is_uuid7
from nsss_desktop.wire import signing
from tests.sync.conftest import RunningServer
from tests.sync.craft import (
    enrol,
    enrol_body,
    get_nonce,
    key_id_of,
    new_key,
    session_body,
    signing_keys,
    sql,
)


def _post(srv: RunningServer, path: str, **kwargs: object) -> requests.Response:
    return requests.post(f"{srv.base_url}{path}", timeout=30, **kwargs)  # type: ignore[arg-type]


def _code(r: requests.Response) -> str:
    return r.json()["error"]["code"]


def test_enrolment_answers_identity_and_rooted_server_keys(srv: RunningServer) -> None:
    code = srv.enrol_code("MoSW", "Rahima Khatun")
    key = new_key()
    r = _post(srv, "/v1/enrol", json=enrol_body(code, key, get_nonce(srv.base_url)))
    assert r.status_code == 200, r.text
    info = r.json()
    assert is_uuid7(info["device_id"])
    assert info["key_id"] == key_id_of(key)
    assert (info["ministry_code"], info["user_name"]) == ("MoSW", "Rahima Khatun")
    assert info["environment"] == srv.environment
    keys = signing_keys(info["server_keys"], srv.root_public_key)  # signed by the pinned root
    assert len(keys) == 1 and info["server_keys"]["doc"]["version"] == 1

    # The code is single use, whatever the key.
    again = _post(srv, "/v1/enrol", json=enrol_body(code, new_key(), get_nonce(srv.base_url)))
    assert (again.status_code, _code(again)) == (403, "code_used")

    devices = srv.admin_json("devices")
    assert [d["device_id"] for d in devices if d["device_id"] == info["device_id"]]
    actions = {e["action"] for e in srv.admin_json("audit")}
    assert {"enrol_code_issued", "device_enrolled", "init_keys"} <= actions


def test_enrolment_refusals(srv: RunningServer) -> None:
    key = new_key()
    unknown = _post(srv, "/v1/enrol", json=enrol_body("AAAA-BBBB-CCCC-DDDD", key,
                                                      get_nonce(srv.base_url)))
    assert (unknown.status_code, _code(unknown)) == (403, "bad_code")

    expired = srv.admin_json("enrol-code", "--ministry", "MoSW", "--user", "Late", "--hours",
                             "0")["code"]
    r = _post(srv, "/v1/enrol", json=enrol_body(expired, key, get_nonce(srv.base_url)))
    assert (r.status_code, _code(r)) == (403, "code_expired")

    code = srv.enrol_code("MoF")
    # Proof of possession by another key than the one enrolled.
    body = enrol_body(code, key, get_nonce(srv.base_url))
    body["signature"] = enrol_body(code, new_key(), body["nonce"])["signature"]
    r = _post(srv, "/v1/enrol", json=body)
    assert (r.status_code, _code(r), r.json()["error"]["path"]) == (
        422, "bad_signature", "$.signature")
    # A nonce never issued, then a nonce used twice.
    r = _post(srv, "/v1/enrol", json=enrol_body(code, key, signing.b64e(b"x" * 32)))
    assert (r.status_code, _code(r)) == (403, "bad_nonce")
    nonce = get_nonce(srv.base_url)
    ok = _post(srv, "/v1/enrol", json=enrol_body(code, key, nonce))
    assert ok.status_code == 200, ok.text
    code2 = srv.enrol_code("MoF")
    r = _post(srv, "/v1/enrol", json=enrol_body(code2, new_key(), nonce))
    assert (r.status_code, _code(r)) == (403, "bad_nonce")
    # An expired nonce (aged in the database, as five minutes would).
    nonce = get_nonce(srv.base_url)
    sql(srv.db_url, "UPDATE nonce SET expires_at = '2000-01-01T00:00:00.000Z' "
        "WHERE nonce = :n", n=nonce)
    r = _post(srv, "/v1/enrol", json=enrol_body(code2, new_key(), nonce))
    assert (r.status_code, _code(r)) == (403, "bad_nonce")
    # The same key twice.
    r = _post(srv, "/v1/enrol", json=enrol_body(code2, key, get_nonce(srv.base_url)))
    assert (r.status_code, _code(r)) == (409, "key_exists")

    # Malformed bodies: each a specific 4xx, never a 5xx.
    body = enrol_body(code2, new_key(), get_nonce(srv.base_url))
    cases = [
        (b"not json", 400, "malformed"),
        (b'{"code": "a", "code": "b"}', 422, "duplicate_key"),
        (b"[]", 422, "invalid_body"),
        (b'{"code": "x"}', 422, "invalid_body"),
        (b'{"code": 1.5}', 422, "float_number"),
        (requests.models.complexjson.dumps({**body, "extra": 1}).encode(), 422, "invalid_body"),
        (requests.models.complexjson.dumps({**body, "public_key": "++"}).encode(), 422,
         "bad_public_key"),
        (b"{" + b" " * (70 * 1024) + b"}", 413, "too_large"),
    ]
    for raw, status, code_ in cases:
        r = _post(srv, "/v1/enrol", data=raw, headers={"Content-Type": "application/json"})
        assert (r.status_code, _code(r)) == (status, code_), raw[:40]


def test_sessions(srv: RunningServer) -> None:
    dev = enrol(srv.base_url, srv.environment, srv.enrol_code("MoSW"), sign_in=False)
    token = dev.sign_in()
    assert dev.pull().status_code == 200

    def session(body: dict[str, object]) -> requests.Response:
        return _post(srv, "/v1/session", json=body)

    # Signed for another environment, or by another key: refused.
    r = session(session_body(dev.device_id, dev.key, get_nonce(srv.base_url), "ged-prod"))
    assert (r.status_code, _code(r)) == (403, "bad_signature")
    forged = session_body(dev.device_id, dev.key, get_nonce(srv.base_url), srv.environment)
    forged["signature"] = session_body(dev.device_id, new_key(), forged["nonce"],
                                       srv.environment)["signature"]
    assert _code(session(forged)) == "bad_signature"
    r = session(session_body(dev.device_id, new_key(), get_nonce(srv.base_url),
                             srv.environment))
    assert (r.status_code, _code(r)) == (403, "unknown_key")
    nonce = get_nonce(srv.base_url)
    assert session(session_body(dev.device_id, dev.key, nonce, srv.environment)).ok
    r = session(session_body(dev.device_id, dev.key, nonce, srv.environment))
    assert (r.status_code, _code(r)) == (403, "bad_nonce")

    # Bearer checks: missing, unknown, expired.
    r = requests.get(f"{srv.base_url}/v1/pull", timeout=30)
    assert (r.status_code, _code(r)) == (401, "unauthenticated")
    r = requests.get(f"{srv.base_url}/v1/pull", timeout=30,
                     headers={"Authorization": "Bearer " + "A" * 43})
    assert (r.status_code, _code(r)) == (401, "session_expired")
    sql(srv.db_url, "UPDATE session SET expires_at = '2000-01-01T00:00:00.000Z'")
    r = dev.pull()
    assert (r.status_code, _code(r)) == (401, "session_expired")
    assert token == dev.token
    dev.sign_in()  # R19: sign in again, once
    assert dev.pull().status_code == 200

    # A revoked device can no longer sign in, pull or read its digest.
    srv.admin("revoke", "--device", dev.device_id, "--reason", "lost laptop")
    assert dev.pull().json()["error"]["code"] == "revoked"
    r = session(session_body(dev.device_id, dev.key, get_nonce(srv.base_url), srv.environment))
    assert (r.status_code, _code(r)) == (403, "revoked")


def test_server_keys_document(srv: RunningServer) -> None:
    latest = requests.get(f"{srv.base_url}/v1/server-keys", timeout=30).json()
    one = requests.get(f"{srv.base_url}/v1/server-keys", params={"version": 1}, timeout=30)
    assert one.status_code == 200 and one.json()["doc"]["version"] == 1
    assert latest["doc"]["environment"] == srv.environment
    signing_keys(latest, srv.root_public_key)
    r = requests.get(f"{srv.base_url}/v1/server-keys", params={"version": 99}, timeout=30)
    assert (r.status_code, _code(r)) == (404, "unknown_version")
    r = requests.get(f"{srv.base_url}/v1/server-keys", params={"version": "x"}, timeout=30)
    assert (r.status_code, _code(r)) == (422, "invalid_request")
