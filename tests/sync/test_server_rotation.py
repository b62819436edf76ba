"""Key rotation (R21, T15 server side), on SQLite and PostgreSQL: a device rotates with a set
signed by both keys; the server rotates its signing key under its offline root."""

from __future__ import annotations

import pytest
import requests

from nsss_desktop.wire import signing
from tests.sync.conftest import RunningServer
from tests.sync.craft import (
    ack_bytes,
    enrol_device,
    figure,
    get_nonce,
    new_key,
    result_of,
    server_keys,
    session_body,
    signing_keys,
    verify_ack,
    verify_checkpoint,
)


def _code(r: requests.Response) -> str:
    body = r.json()
    return (body.get("error") or body["results"][0]["error"])["code"]


def test_t15_device_key_rotation(server: RunningServer) -> None:
    dev = enrol_device(server, "MoSW")
    old_key = dev.key
    before = dev.seal([figure("MoSW")])
    first = dev.post(before)
    assert first.status_code == 200

    # Refused rotations consume nothing: one signed by the old key only, one whose
    # cosignature is not the new key's.
    new = new_key()
    single = dev.seal_rotation(new, cosign=False, advance=False)
    r = dev.post(single)
    assert (r.status_code, _code(r)) == (422, "cosignature_missing")
    wrong = dev.seal_rotation(new, advance=False)
    wrong["cosignature"] = signing.sign(new_key(), signing.CHANGESET, wrong["changeset"])
    r = dev.post(wrong)
    assert (r.status_code, _code(r)) == (403, "bad_signature")
    bad_id = dev.seal_rotation(new, advance=False)
    bad_id["changeset"]["new_key"]["key_id"] = "0" * 32
    bad_id = dev.sign_envelope(bad_id["changeset"]) | {
        "cosignature": signing.sign(new, signing.CHANGESET, bad_id["changeset"])}
    assert _code(dev.post(bad_id)) == "invalid_envelope"

    rotation = dev.seal_rotation(new)  # the device now signs with `new`
    r = dev.post(rotation)
    assert r.status_code == 200, r.text
    assert result_of(r)["ack"]["ack"]["server_seq"] is not None
    after = dev.seal([figure("MoSW")])
    assert dev.post(after).status_code == 200

    # Sets before the rotation still verify with the old key (their stored acks come back);
    # the old key may not sign anything after it.
    again = result_of(dev.post(before))
    assert again["duplicate"] and ack_bytes(again) == ack_bytes(result_of(first))
    old_id = signing.key_id(signing.public_bytes(old_key))
    late = dev.sign_envelope(dev.envelope([figure("MoSW")], key_id=old_id), key=old_key)
    r = dev.post(late)
    assert (r.status_code, _code(r)) == (403, "key_rotated")

    # Sign-in: the new key works, the old one is refused.
    r = requests.post(f"{server.base_url}/v1/session", timeout=30, json=session_body(
        dev.device_id, old_key, get_nonce(server.base_url), server.environment))
    assert (r.status_code, r.json()["error"]["code"]) == (403, "key_rotated")
    dev.sign_in()
    assert dev.pull().status_code == 200
    [info] = [d for d in server.admin_json("devices") if d["device_id"] == dev.device_id]
    keys = {k["key_id"]: k for k in info["keys"]}
    assert (keys[old_id]["status"], keys[old_id]["first_seq"], keys[old_id]["last_seq"]) == (
        "rotated", 1, 2)
    assert keys[dev.key_id]["status"] == "active" and keys[dev.key_id]["first_seq"] == 3
    assert any(e["action"] == "device_key_rotated" for e in server.admin_json("audit"))


def test_t15_server_key_rotation(server: RunningServer) -> None:
    root = server.root_public_key
    dev = enrol_device(server, "MoSW")
    v1 = server_keys(server.base_url)
    keys_v1 = signing_keys(v1, root)
    r1 = dev.post(dev.seal([figure("MoSW")]))
    assert verify_ack(result_of(r1), keys_v1)

    out = server.admin_json("rotate-server-key", "--root-key",
                            str(server.data_dir / "root.key"))
    assert out["server_keys_version"] == 2
    v2 = server_keys(server.base_url)
    assert v2["doc"]["version"] == 2
    keys_v2 = signing_keys(v2, root)  # version N+1, signed by the same pinned root
    assert set(keys_v2) == {out["signing_key_id"]} and not set(keys_v2) & set(keys_v1)
    old = requests.get(f"{server.base_url}/v1/server-keys", params={"version": 1}, timeout=30)
    assert old.json() == v1

    r2 = dev.post(dev.seal([figure("MoSW")]))
    assert verify_ack(result_of(r2), keys_v2) and not verify_ack(result_of(r2), keys_v1)
    page = dev.pull().json()
    assert verify_checkpoint(page, keys_v2)
    assert page["checkpoint"]["checkpoint"]["server_keys_version"] == 2
    # An ack signed before the rotation keeps verifying under the version it was signed in.
    assert verify_ack(result_of(r1), keys_v1)

    # Only the real root may publish: another key file is refused (exit 2).
    other = server.data_dir / "other.key"
    other.write_text(signing.b64e(signing.private_bytes(new_key())) + "\n")
    bad = server.admin("rotate-server-key", "--root-key", str(other), check=False)
    assert bad.returncode == 2 and "root key" in bad.stderr
    assert server_keys(server.base_url)["doc"]["version"] == 2


@pytest.mark.parametrize("server", ["sqlite"], indirect=True)
def test_root_key_file_is_private_and_not_in_the_database(server: RunningServer) -> None:
    path = server.data_dir / "root.key"
    assert path.stat().st_mode & 0o777 == 0o600
    secret = path.read_text().strip()
    for file in path.parent.parent.glob("*.sqlite*"):
        assert secret.encode() not in file.read_bytes()
    out = server.admin_json("init-keys")
    assert out["created"] is False and out["root_public_key"] == server.root_public_key
