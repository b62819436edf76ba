"""The GED server starts as a real process, answers /v1/health and serves its OpenAPI schema."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from sync import package_version

REPO_ROOT = Path(__file__).resolve().parent.parent
STARTUP_TIMEOUT_S = 20.0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class RunningServer:
    proc: subprocess.Popen
    base_url: str
    db_path: Path
    log_path: Path

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def _start_server(tmp_path: Path, db_arg: str, ready_status: int) -> RunningServer:
    """Start `python -m sync run` and wait until /v1/health answers `ready_status`."""
    port = _free_port()
    log_path = tmp_path / f"server-{port}.log"
    with log_path.open("wb") as log_file:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sync",
                "run",
                "--db",
                db_arg,
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            cwd=REPO_ROOT,
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    running = RunningServer(proc, f"http://127.0.0.1:{port}", Path(db_arg), log_path)
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                pytest.fail(f"server exited early (code {proc.returncode}):\n{running.log_text()}")
            try:
                r = requests.get(f"{running.base_url}/v1/health", timeout=2)
                if r.status_code == ready_status:
                    return running
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(
                    f"server not ready after {STARTUP_TIMEOUT_S:.0f} s:\n{running.log_text()}"
                )
            time.sleep(0.1)
    except BaseException:
        _stop(proc)
        raise


def _stop(proc: subprocess.Popen) -> int:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
    return proc.returncode


@pytest.fixture
def server(tmp_path: Path) -> Iterator[RunningServer]:
    # The folder does not exist yet: `run` creates it for a SQLite path.
    running = _start_server(tmp_path, str(tmp_path / "tmp" / "server.sqlite"), 200)
    try:
        yield running
    finally:
        _stop(running.proc)


def test_health_and_openapi(server: RunningServer) -> None:
    r = requests.get(f"{server.base_url}/v1/health", timeout=5)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    assert r.json() == {"status": "ok", "version": package_version(), "db": "sqlite"}
    assert r.headers.get("x-request-id")
    assert server.db_path.is_file()

    r = requests.get(f"{server.base_url}/openapi.json", timeout=5)
    assert r.status_code == 200
    schema = r.json()
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["version"] == package_version()
    assert "get" in schema["paths"]["/v1/health"]
    assert "503" in schema["paths"]["/v1/health"]["get"]["responses"]

    r = requests.get(f"{server.base_url}/v1/no-such-endpoint", timeout=5)
    assert r.status_code == 404

    # Graceful stop on SIGTERM, then every log line must be one JSON object.
    # (uvicorn shuts down cleanly, then re-raises the signal, so the exit status is -SIGTERM.)
    assert _stop(server.proc) in (0, -signal.SIGTERM)
    lines = [ln for ln in server.log_text().splitlines() if ln.strip()]
    records = []
    for line in lines:
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            pytest.fail(f"log line is not JSON: {line!r}")
    assert all({"ts", "level", "logger", "msg"} <= rec.keys() for rec in records)
    requests_logged = [rec for rec in records if rec.get("event") == "request"]
    assert any(
        rec["path"] == "/v1/health" and rec["status"] == 200 and rec["method"] == "GET"
        for rec in requests_logged
    )
    assert any(
        rec["path"] == "/v1/no-such-endpoint" and rec["status"] == 404 for rec in requests_logged
    )
    assert any(rec.get("event") == "shutdown" for rec in records)


def test_health_503_when_database_unreachable(tmp_path: Path) -> None:
    # A SQLite URL (used as given, so no folder is created) inside a folder that does not
    # exist: the server starts, but every connection attempt fails.
    url = f"sqlite:///{tmp_path / 'missing-folder' / 'server.sqlite'}"
    running = _start_server(tmp_path, url, 503)
    try:
        r = requests.get(f"{running.base_url}/v1/health", timeout=5)
        assert r.status_code == 503
        assert r.headers["content-type"].startswith("application/json")
        body = r.json()
        assert body["status"] == "error"
        assert body["error"] == "database unreachable"
        assert body["db"] == "sqlite"
        assert body["version"] == package_version()
    finally:
        _stop(running.proc)
    records = [json.loads(ln) for ln in running.log_text().splitlines() if ln.strip()]
    assert any(rec.get("event") == "db_unavailable" for rec in records)


def test_cli_version_and_db_argument(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "sync", "--version"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert out.stdout.strip() == f"nsss-server {package_version()}"

    from sync.cli import resolve_db_url

    assert resolve_db_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    db = tmp_path / "a" / "b.sqlite"
    assert resolve_db_url(str(db)) == f"sqlite:///{db.resolve()}"
    assert db.parent.is_dir()
    with pytest.raises(ValueError):
        resolve_db_url("mysql://u@h/db")

    # Without --db and without NSSS_SERVER_DB, `run` refuses with a usage error.
    env = {k: v for k, v in os.environ.items() if k != "NSSS_SERVER_DB"}
    out = subprocess.run(
        [sys.executable, "-m", "sync", "run"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert out.returncode == 2
    assert "NSSS_SERVER_DB" in out.stderr
