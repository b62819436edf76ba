"""The server command line (`nsss-server run|admin`), sync by file (docs/sync.md §6), blobs
holding change sets (R17), and the Alembic schema, on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from nsss_desktop.wire import signing
from sync.db import HEAD_REVISION, Database, head_revision, upgrade
from sync.schema import metadata
from tests.sync.conftest import REPO, RunningServer
from tests.sync.craft import (
    ack_bytes,
    enrol_device,
    export_file,
    figure,
    read_reply,
    result_of,
    server_keys,
    signing_keys,
    verify_ack,
    verify_checkpoint,
)

PDF = b"%PDF-1.4\n" + b"1 0 obj << /Type /Catalog >> endobj\n" * 20 + b"%%EOF\n"


def _cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sync", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_migration_creates_exactly_the_schema(backend: str, tmp_path: Path,
                                              request: pytest.FixtureRequest) -> None:
    url = (f"sqlite:///{tmp_path / 'm.sqlite'}" if backend == "sqlite"
           else request.getfixturevalue("pg_url"))
    db = Database(url)
    try:
        upgrade(db)
        upgrade(db)  # idempotent
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={
                "compare_type": True}), metadata)
        assert diff == []
    finally:
        db.dispose()
    assert HEAD_REVISION == head_revision()


def test_cli_refusals_exit_2(server: RunningServer, tmp_path: Path) -> None:
    db = ["--db", server.db_url, "--data-dir", str(server.data_dir)]
    out = _cli("run", *db, "--environment", "ged-prod", "--port", "1")
    assert out.returncode == 2 and "ged-test" in out.stderr and "ged-prod" in out.stderr
    for args, needle in [
        (["admin", *db], "SUBCOMMAND"),
        (["admin", *db, "revoke", "--device", "nope"], "no device"),
        (["admin", *db, "enrol-code", "--ministry", "Mo SW", "--user", "x"], "ministry code"),
        (["admin", *db, "enrol-code", "--ministry", "MoSW", "--user", "x", "--hours", "-1"],
         "hours"),
        (["admin", *db, "rotate-server-key", "--root-key", str(tmp_path / "none")], "root key"),
        (["admin", *db, "import-file", str(tmp_path / "none.zip"), "--reply",
          str(tmp_path / "r.zip")], "cannot read"),
    ]:
        out = _cli(*args)
        assert out.returncode == 2 and needle in out.stderr, (args, out.stderr)
    if server.backend == "postgresql":
        out = _cli("run", "--db", server.db_url, "--port", "1")
        assert out.returncode == 2 and "--data-dir" in out.stderr
    codes = server.admin_json("enrol-code", "--ministry", "MoF", "--user", "Karim", "--hours",
                              "2")
    assert set(codes) == {"code", "ministry_code", "user_name", "expires_at"}
    text = subprocess.run([sys.executable, "-m", "sync", "admin", *db, "root-key"], cwd=REPO,
                          capture_output=True, text=True, timeout=60, check=True).stdout.strip()
    assert text == server.root_public_key


def test_import_file_replies_with_acks_rows_and_checkpoint(server: RunningServer,
                                                           tmp_path: Path) -> None:
    keys = signing_keys(server_keys(server.base_url), server.root_public_key)
    online = enrol_device(server, "MoSW")
    assert online.post(online.seal([figure("MoSW")])).ok
    offline = enrol_device(server, "MoF")
    sha = hashlib.sha256(PDF).hexdigest()
    blob = {"sha256": sha, "size": len(PDF), "media_type": "application/pdf",
            "display_name": "circular.pdf"}
    items = [offline.seal([figure("MoF")]), offline.seal([figure("MoF")], attachments=[blob]),
             offline.seal([figure("MoF")])]
    export = tmp_path / "out.nsss-sync"
    manifest = export_file(offline, items, export, cursor=0, blobs=[(blob, PDF)])
    reply = tmp_path / "reply.nsss-reply"
    summary = server.admin_json("import-file", str(export), "--reply", str(reply))
    assert summary["status_codes"] == {"200": 3} and summary["duplicates"] == 0
    assert summary["blobs"] == [{"sha256": sha, "status": "stored"}]

    got = read_reply(reply)
    man = got["manifest"]
    assert signing.verify(keys[man["server_key_id"]], signing.SYNC_FILE, man, got["signature"])
    assert (man["in_reply_to"], man["device_id"]) == (manifest["file_id"], offline.device_id)
    results = [json.loads(line) for line in got["files"]["results.jsonl"].splitlines()]
    assert [r["ack"]["ack"]["device_seq"] for r in results] == [1, 2, 3]
    assert all(verify_ack(r, keys) for r in results)
    pages = [json.loads(got["files"][f"pull/{i:06d}.json"])
             for i in range(1, man["pull_pages"] + 1)]
    assert all(verify_checkpoint(p, keys) for p in pages)
    assert man["next_since"] == pages[-1]["next_since"] == 4
    assert len([r for p in pages for r in p["rows"]]) == 4  # the online set's row too
    docs = json.loads(got["files"]["server_keys.json"])
    assert [d["doc"]["version"] for d in docs] == [1]

    # Importing the same file again changes nothing and answers the same acks.
    again = tmp_path / "again.nsss-reply"
    summary = server.admin_json("import-file", str(export), "--reply", str(again))
    assert summary["duplicates"] == 3
    second = [json.loads(line)
              for line in read_reply(again)["files"]["results.jsonl"].splitlines()]
    assert [ack_bytes(r) for r in second] == [ack_bytes(r) for r in results]
    assert online.digest()["server_seq"] == 4

    # A file signed by another key, or for another environment, is refused whole.
    forged = tmp_path / "forged.nsss-sync"
    real_key = offline.key
    offline.key = signing.new_private_key()
    export_file(offline, items, forged)
    offline.key = real_key
    out = server.admin("import-file", str(forged), "--reply", str(tmp_path / "x"),
                       check=False)
    assert out.returncode == 2 and "unknown_key" in out.stderr
    offline.environment = "ged-other"
    export_file(offline, items, forged)
    out = server.admin("import-file", str(forged), "--reply", str(tmp_path / "x"),
                       check=False)
    assert out.returncode == 2 and "wrong_environment" in out.stderr


def test_a_set_waits_for_its_blob(server: RunningServer) -> None:
    dev = enrol_device(server, "MoSW")
    sha = hashlib.sha256(PDF).hexdigest()
    blob = {"sha256": sha, "size": len(PDF), "media_type": "application/pdf",
            "display_name": "circular.pdf"}
    item = dev.seal([figure("MoSW")], attachments=[blob])
    r = dev.post(item)
    res = result_of(r)
    assert (r.status_code, res["error"]["code"], res["awaiting_blobs"]) == (
        202, "awaiting_blob", [sha])
    assert [h["reason"] for h in server.admin_json("held")] == ["awaiting_blob"]
    later = dev.seal([figure("MoSW")])
    assert result_of(dev.post(later))["awaiting_seq"] == 1

    url = f"{server.base_url}/v1/blobs/{sha}"
    put = requests.put(url, json={k: blob[k] for k in ("size", "media_type", "display_name")},
                       headers=dev.headers(), timeout=30)
    assert put.status_code == 201, put.text
    patch = requests.patch(url, data=PDF, timeout=30, headers={
        **dev.headers(), "Upload-Offset": "0",
        "Content-Type": "application/offset+octet-stream"})
    assert patch.status_code == 204, patch.text
    # The completed blob released the set, and the one waiting behind it.
    acks = [result_of(dev.post(x)) for x in (item, later)]
    assert [a["ack"]["ack"]["status"] for a in acks] == ["applied", "applied"]
    assert server.admin_json("held") == []
