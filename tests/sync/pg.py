"""A throwaway PostgreSQL cluster for the server tests, started from the installed binaries.

`initdb` + `pg_ctl` into a fresh folder, listening on 127.0.0.1 on a free port with trust
authentication, stopped (`pg_ctl stop -m immediate`) and deleted at the end. PostgreSQL refuses
to run as root, so under root (CI) every server command runs as the `postgres` system user that
the Debian package creates, and the folder is handed to that user.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

PG_BIN_CANDIDATES = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)


def pg_bin(name: str) -> str:
    """The path of a PostgreSQL server binary (`initdb`, `pg_ctl`); a clear error if absent."""
    for folder in PG_BIN_CANDIDATES:
        if (folder / name).is_file():
            return str(folder / name)
    found = shutil.which(name)
    if found:
        return found
    raise RuntimeError(
        f"PostgreSQL's {name} is not installed: run `bash scripts/install.sh` (it installs the "
        "Debian package postgresql), or `apt-get install postgresql`."
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


@dataclass
class PgCluster:
    root: Path
    port: int
    _dbs: int = field(default=0)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @classmethod
    def start(cls) -> PgCluster:
        root = Path(tempfile.mkdtemp(prefix="nsss-pg-"))
        root.chmod(0o755)
        if os.geteuid() == 0:
            shutil.chown(root, "postgres", "postgres")
        cluster = cls(root=root, port=free_port())
        env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
        subprocess.run(
            _as_server_user([pg_bin("initdb"), "-D", str(cluster.data_dir), "-U", "postgres",
                             "--auth=trust", "-E", "UTF8", "--no-instructions"]),
            check=True, capture_output=True, env=env, cwd=root, timeout=120)
        options = (f"-c listen_addresses=127.0.0.1 -c port={cluster.port} "
                   f"-c unix_socket_directories={root} -c max_connections=200 "
                   "-c shared_buffers=64MB")
        subprocess.run(
            _as_server_user([pg_bin("pg_ctl"), "-D", str(cluster.data_dir), "-o", options,
                             "-l", str(root / "server.log"), "-w", "-t", "60", "start"]),
            check=True, capture_output=True, env=env, cwd=root, timeout=120)
        cluster._wait_ready()
        return cluster

    def _wait_ready(self) -> None:
        import psycopg

        deadline = time.monotonic() + 30
        while True:
            try:
                with psycopg.connect(self.admin_dsn(), connect_timeout=2):
                    return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def admin_dsn(self, db: str = "postgres") -> str:
        return f"host=127.0.0.1 port={self.port} user=postgres dbname={db}"

    def new_database(self, prefix: str = "nsss") -> str:
        """Create an empty database; return its SQLAlchemy URL (psycopg 3 driver)."""
        import psycopg

        self._dbs += 1
        name = f"{prefix}_{os.getpid()}_{self._dbs}"
        with psycopg.connect(self.admin_dsn(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        try:
            subprocess.run(
                _as_server_user([pg_bin("pg_ctl"), "-D", str(self.data_dir), "-m", "immediate",
                                 "-w", "stop"]),
                capture_output=True, timeout=60, cwd=self.root)
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
