"""Fixtures for the sync tests: a real GED server process on SQLite and on PostgreSQL.

`server` starts `python -m sync run` on 127.0.0.1 (a free port) for each test, once per backend;
the PostgreSQL cluster is started once per session from the installed binaries (`pg.py`).
`server.admin(...)` runs `python -m sync admin` against the same database, as an administrator
would. Nothing is mocked: every request goes over TCP to uvicorn.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.sync.pg import PgCluster, free_port

REPO = Path(__file__).resolve().parents[2]
ENVIRONMENT = "ged-test"
STARTUP_TIMEOUT_S = 30.0


@dataclass
class RunningServer:
    """A `python -m sync run` process and how to reach and administer it."""

    backend: str
    db_url: str
    data_dir: Path
    environment: str
    port: int
    log_path: Path
    proc: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _db_args(self) -> list[str]:
        return ["--db", self.db_url, "--data-dir", str(self.data_dir)]

    def start(self) -> None:
        """Start (or restart) the process on the same port and wait until /v1/health is 200."""
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "sync", "run", *self._db_args(), "--host", "127.0.0.1",
                 "--port", str(self.port), "--environment", self.environment,
                 "--log-level", "warning"],
                cwd=REPO, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while True:
            if self.proc.poll() is not None:
                pytest.fail(f"server exited (code {self.proc.returncode}):\n{self.log_text()}")
            try:
                if requests.get(f"{self.base_url}/v1/health", timeout=2).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"server not ready after {STARTUP_TIMEOUT_S:.0f} s:\n"
                            f"{self.log_text()}")
            time.sleep(0.1)

    def stop(self, *, kill: bool = False) -> None:
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        if kill:
            proc.kill()
        else:
            proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def admin(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run `python -m sync admin --db ... --data-dir ... --json ARGS` and return it."""
        out = subprocess.run(
            [sys.executable, "-m", "sync", "admin", *self._db_args(), "--json", *args],
            cwd=REPO, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
        if check and out.returncode != 0:
            pytest.fail(f"admin {' '.join(args)} failed ({out.returncode}):\n{out.stdout}\n"
                        f"{out.stderr}")
        return out

    def admin_json(self, *args: str) -> Any:
        return json.loads(self.admin(*args).stdout)

    @property
    def root_public_key(self) -> str:
        out = self.admin("root-key").stdout.strip()
        try:
            value = json.loads(out)
        except json.JSONDecodeError:
            return out
        return value["root_public_key"] if isinstance(value, dict) else str(value)

    def enrol_code(self, ministry: str, user: str = "Test Officer") -> str:
        return self.admin_json("enrol-code", "--ministry", ministry, "--user", user)["code"]


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    cluster = PgCluster.start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: PgCluster) -> str:
    """A fresh, empty PostgreSQL database (SQLAlchemy URL) for one test."""
    return pg_cluster.new_database()


BACKENDS = ["sqlite", "postgresql"]


def make_server(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> RunningServer:
    """A server (not yet started) on a fresh database of `backend`."""
    data_dir = tmp_path / f"server-{backend}-data"
    if backend == "sqlite":
        db_url = str(tmp_path / f"server-{backend}.sqlite")
    else:
        db_url = request.getfixturevalue("pg_cluster").new_database()
    return RunningServer(backend=backend, db_url=db_url, data_dir=data_dir,
                         environment=ENVIRONMENT, port=free_port(),
                         log_path=tmp_path / f"server-{backend}.log")


@pytest.fixture(params=BACKENDS)
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RunningServer]:
    """A running GED server, once on SQLite and once on PostgreSQL."""
    running = make_server(request.param, tmp_path, request)
    running.start()
    try:
        yield running
    finally:
        running.stop()
        if os.environ.get("NSSS_SHOW_SERVER_LOG"):
            print(running.log_text())


@pytest.fixture(scope="module", params=BACKENDS)
def srv(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
        ) -> Iterator[RunningServer]:
    """One server per backend shared by a module's tests (each enrols devices of its own):
    cheaper than a server per test where the tests do not depend on an empty server."""
    running = make_server(request.param, tmp_path_factory.mktemp("srv"), request)
    running.start()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def sqlite_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RunningServer]:
    """A running GED server on SQLite only (for the slow tests that need one backend)."""
    running = make_server("sqlite", tmp_path, request)
    running.start()
    try:
        yield running
    finally:
        running.stop()
