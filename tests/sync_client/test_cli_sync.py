"""`nsss-desktop sync …` as a script runs it: real subprocesses, a real server."""

from __future__ import annotations

import json

from tests.conftest import copy_database, run_cli
from tests.sync.conftest import pg_cluster, sqlite_server  # noqa: F401

PASS = "test passphrase for nsss"
ENV = {"NSSS_PASSPHRASE": PASS}


def test_status_and_now_when_not_enrolled(demo_template, tmp_path):
    db = copy_database(demo_template, tmp_path / "demo.nsssdb")
    out = run_cli("--db", str(db), "sync", "status", env=ENV)
    assert out.returncode == 0 and "not enrolled" in out.stdout
    out = run_cli("--db", str(db), "sync", "now", env=ENV)
    assert out.returncode == 15
    assert "not enrolled" in out.stderr and "what to do:" in out.stderr
    assert "Traceback" not in out.stderr


def test_enrol_publish_sync_receipts_by_cli(demo_template, tmp_path, sqlite_server):  # noqa: F811
    srv = sqlite_server
    db = copy_database(demo_template, tmp_path / "ged.nsssdb")
    base = ("--db", str(db), "sync")
    out = run_cli(*base, "enrol", "--server", srv.base_url, "--code", srv.enrol_code("GED"),
                  "--root-key", srv.root_public_key, "--environment", srv.environment, env=ENV)
    assert out.returncode == 0, out.stderr
    assert "Enrolled as device" in out.stdout and "GED" in out.stdout
    again = run_cli(*base, "enrol", "--server", srv.base_url, "--code", "X",
                    "--root-key", srv.root_public_key, env=ENV)
    assert again.returncode == 15 and "already enrolled" in again.stderr
    out = run_cli(*base, "publish-baseline", env=ENV)
    assert out.returncode == 0 and "Sealed" in out.stdout, out.stderr
    out = run_cli(*base, "now", env=ENV)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "1 delivered" in out.stdout and "Status: synced" in out.stdout
    out = run_cli(*base, "receipts", "--json", env=ENV)
    (receipt,) = json.loads(out.stdout)
    assert receipt["state"] == "acked" and receipt["server_seq"] == 1
    out = run_cli(*base, "status", "--json", env=ENV)
    st = json.loads(out.stdout)
    assert st["state"] == "synced" and st["counts"]["acked"] == 1 and st["unacked"] == 0
    out = run_cli(*base, "conflicts", env=ENV)
    assert out.returncode == 0 and "No open conflicts" in out.stdout
