"""The HTTP client's retry rules (R19) and enrolment (R20), against fake answers."""

from __future__ import annotations

import pytest
import requests

from nsss_desktop.errors import Cancelled
from nsss_desktop.sync_client import enrol as enrolment
from nsss_desktop.sync_client.errors import SyncError, SyncRefused, SyncTampered, SyncUnavailable
from nsss_desktop.sync_client.http import MAX_DELAY, ServerClient, full_jitter, normalise_url
from nsss_desktop.tasks import TaskState
from nsss_desktop.wire import signing
from nsss_desktop.wire.canonical import strict_loads
from tests.sync_client.conftest import FakeServerKeys, enrol_offline, figure_led_by, outbox_rows
from tests.sync_client.fakes import FakeSession, response


def _client(handler, **kwargs):
    slept: list[float] = []
    client = ServerClient("https://ged.invalid", session=FakeSession(handler),
                          sleep=slept.append, rand=lambda: 1.0, **kwargs)
    return client, slept


def _sequence(*answers):
    answers = list(answers)

    def handler(method, path, query, headers, body):
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    return handler


def test_connection_errors_timeouts_5xx_and_429_are_retried_with_backoff():
    client, slept = _client(_sequence(
        requests.ConnectionError("refused"), requests.Timeout("slow"),
        response(503, {"error": {"code": "unavailable", "message": "db"}}),
        response(429, {"error": {"code": "slow_down", "message": "x"}}, {"Retry-After": "7"}),
        response(200, {"status": "ok"})), max_attempts=6)
    assert client.request("GET", "/v1/health").json() == {"status": "ok"}
    assert slept == [1.0, 2.0, 4.0, 7.0]  # full jitter at rand()=1, then Retry-After
    assert client.http.last_timeout == (10.0, 60.0)


def test_backoff_is_full_jitter_capped_at_five_minutes():
    assert full_jitter(0, lambda: 0.5) == 0.5
    assert full_jitter(3, lambda: 1.0) == 8.0
    assert full_jitter(30, lambda: 1.0) == MAX_DELAY == 300.0
    assert full_jitter(30, lambda: 0.0) == 0.0


def test_retries_run_out_with_a_clear_error():
    client, slept = _client(lambda *a: response(502, None), max_attempts=3)
    with pytest.raises(SyncUnavailable, match="3 times"):
        client.request("GET", "/v1/health")
    assert len(slept) == 2


@pytest.mark.parametrize("status", [400, 403, 409, 413, 422, 426])
def test_refusals_are_never_retried(status):
    calls = []

    def handler(*args):
        calls.append(args)
        return response(status, {"error": {"code": "upgrade_required" if status == 426
                                           else "some_code", "message": "because"}})

    client, slept = _client(handler)
    with pytest.raises(SyncRefused) as refused:
        client.request("GET", "/v1/health")
    assert len(calls) == 1 and slept == []
    assert refused.value.status == status and "because" in refused.value.message
    if status == 426:
        assert refused.value.error_code == "upgrade_required"
        assert "newer version" in refused.value.hint


def test_an_expired_session_signs_in_again_once(demo_copy, server_keys):
    ident = enrol_offline(demo_copy, server_keys, "MoSW")
    sessions = []

    def handler(method, path, query, headers, body):
        if path == "/v1/nonce":
            return response(200, {"nonce": "abc", "expires_at": "x"})
        if path == "/v1/session":
            doc = strict_loads(body)
            proof = {"device_id": ident.device_id, "key_id": ident.key_id, "nonce": "abc",
                     "environment": ident.environment}
            assert signing.verify(signing.b64d(ident.public_key), signing.SESSION, proof,
                                  doc["signature"])
            sessions.append(doc)
            return response(200, {"token": f"tok{len(sessions)}", "expires_at": "x"})
        if headers.get("Authorization") == "Bearer tok2":
            return response(200, {"ok": True})
        return response(401, {"error": {"code": "session_expired", "message": "again"}})

    client = ServerClient("https://ged.invalid", ident, session=FakeSession(handler))
    assert client.request("GET", "/v1/digest").json() == {"ok": True}
    assert len(sessions) == 2  # first sign-in, then once more after the 401

    def always_401(method, path, query, headers, body):
        if path in ("/v1/nonce", "/v1/session"):
            return handler(method, path, query, headers, body)
        return response(401, {"error": {"code": "session_expired", "message": "again"}})

    client = ServerClient("https://ged.invalid", ident, session=FakeSession(always_401))
    with pytest.raises(SyncRefused, match="session_expired"):
        client.request("GET", "/v1/digest")


def test_a_cancel_stops_the_wait():
    task = TaskState()

    def sleep(seconds):
        task.cancel()

    client = ServerClient("https://ged.invalid", session=FakeSession(
        lambda *a: response(503, None)), sleep=sleep, cancel=task)
    with pytest.raises(Cancelled):
        client.request("GET", "/v1/health")


def test_server_addresses():
    assert normalise_url("https://ged.example/ ") == "https://ged.example"
    assert normalise_url("http://127.0.0.1:8000") == "http://127.0.0.1:8000"
    with pytest.raises(SyncError, match="https"):
        normalise_url("http://ged.example")
    with pytest.raises(SyncError):
        normalise_url("ged.example")


# --- enrolment ----------------------------------------------------------------------------------


class EnrolServer:
    def __init__(self, keys: FakeServerKeys, ministry: str = "MoWCA") -> None:
        self.keys = keys
        self.ministry = ministry
        self.device_id = "01a21000-0000-7000-8000-000000000001"
        self.answer_keys = keys.keys_doc()
        self.seen: list[dict] = []

    def handler(self, method, path, query, headers, body):
        if path == "/v1/nonce":
            return response(200, {"nonce": "nonce-1", "expires_at": "x"})
        if path == "/v1/enrol":
            doc = strict_loads(body)
            self.seen.append(doc)
            proof = {k: doc[k] for k in ("code", "nonce", "public_key", "device_name")}
            public = signing.b64d(doc["public_key"])
            if not signing.verify(public, signing.ENROL, proof, doc["signature"]):
                return response(422, {"error": {"code": "bad_signature", "message": "no"}})
            if doc["code"] != "ABCD-EFGH-JKLM-NPQR":
                return response(403, {"error": {"code": "bad_code", "message": "unknown"}})
            return response(200, {"device_id": self.device_id, "key_id": signing.key_id(public),
                                  "ministry_code": self.ministry, "user_name": "Rahima Khatun",
                                  "environment": self.keys.environment,
                                  "server_keys": self.answer_keys})
        return response(404, None)


def _enrol(db, server, *, root=None, **kwargs):
    client = ServerClient("https://ged.invalid", session=FakeSession(server.handler))
    return enrolment.enrol(db, server_url="https://ged.invalid", code="abcd-efgh-jklm-npqr",
                           root_key=root or server.keys.root_public, client=client, **kwargs)


def test_enrolment_stores_the_identity_inside_the_database(demo_copy, server_keys):
    server = EnrolServer(server_keys)
    ident = _enrol(demo_copy, server, device_name="Focal point PC")
    assert ident.ministry_code == "MoWCA" and ident.device_id == server.device_id
    assert server.seen[0]["device_name"] == "Focal point PC"
    stored = enrolment.load(demo_copy)
    assert stored.key_id == ident.key_id and stored.user_name == "Rahima Khatun"
    assert signing.public_bytes(stored.private_key) == signing.b64d(server.seen[0]["public_key"])
    assert stored.server_key(server_keys.key_id) is not None
    # From now on edits are sealed (the cached "not enrolled" answer is gone).
    from nsss_desktop.store.models import Figure

    with demo_copy.unit_of_work() as uow:
        uow.session.get(Figure, figure_led_by(demo_copy, "MoWCA")).note = "after enrolment"
    assert len(outbox_rows(demo_copy)) == 1


def test_enrolment_refuses_keys_not_signed_by_the_pinned_root(demo_copy, server_keys):
    server = EnrolServer(server_keys)
    other_root = FakeServerKeys().root_public
    with pytest.raises(SyncTampered, match="root key"):
        _enrol(demo_copy, server, root=other_root)
    assert enrolment.load(demo_copy) is None
    with pytest.raises(SyncTampered, match="environment"):
        _enrol(demo_copy, EnrolServer(server_keys), environment="ged-prod")
    with pytest.raises(SyncTampered, match="Ed25519"):
        _enrol(demo_copy, server, root="not a key")


def test_a_bad_code_is_a_clear_refusal(demo_copy, server_keys):
    server = EnrolServer(server_keys)
    client = ServerClient("https://ged.invalid", session=FakeSession(server.handler))
    with pytest.raises(SyncRefused) as refused:
        enrolment.enrol(demo_copy, server_url="https://ged.invalid", code="WRONG",
                        root_key=server_keys.root_public, client=client)
    assert refused.value.error_code == "bad_code" and "enrolment code" in refused.value.hint


def test_re_enrolment_needs_force_and_an_empty_outbox(demo_copy, server_keys):
    from nsss_desktop.store.models import Figure

    server = EnrolServer(server_keys)
    first = _enrol(demo_copy, server)
    with pytest.raises(SyncError, match="already enrolled"):
        _enrol(demo_copy, server)
    with demo_copy.unit_of_work() as uow:
        uow.session.get(Figure, figure_led_by(demo_copy, "MoWCA")).note = "unsent"
    with pytest.raises(SyncError, match="without a receipt"):
        _enrol(demo_copy, server, force=True)
    with demo_copy.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE outbox SET state = 'acked'")
    server.device_id = "01a21000-0000-7000-8000-000000000002"
    second = _enrol(demo_copy, server, force=True)
    assert second.device_id != first.device_id and second.key_id != first.key_id
    assert enrolment.load(demo_copy).device_id == second.device_id
