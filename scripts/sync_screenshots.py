"""Screenshots of the Sync screen for docs/screens/ (offscreen, against a real GED server).

    .venv/bin/python scripts/sync_screenshots.py [--out docs/screens]

Everything happens in a sandbox (see screenshot_sandbox.py). The script

1. saves sync-not-enrolled.png: the demo database, never enrolled;
2. starts a real GED server (`python -m sync run`, SQLite, a free port on 127.0.0.1);
3. builds GED's installation (demo data), enrols it as GED, publishes its baseline and syncs;
4. builds a ministry installation (an empty database), enrols it as MoSW and syncs (it
   receives GED's data), then delivers two edits of its own (two signed receipts);
5. edits a figure on the ministry PC while GED edits the same field, GED syncs first, then the
   ministry syncs: the server reports a hard conflict;
6. saves sync-ministry.png (English) and sync-ministry-bn.png (Bangla) of the ministry's Sync
   screen, and stops the server.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from screenshot_sandbox import PASSPHRASE, REPO, SANDBOX, wait  # noqa: I001 - sets up first

os.environ["NSSS_SYNC_INTERVAL_S"] = "0"  # no automatic sync while the pictures are taken

from nsss_desktop.services.demo import build_demo  # noqa: E402
from nsss_desktop.store.database import Database  # noqa: E402
from nsss_desktop.store.models import Figure  # noqa: E402
from nsss_desktop.sync_client import enrol, run  # noqa: E402
from nsss_desktop.sync_client.seal import seal_existing  # noqa: E402
from ui import i18n  # noqa: E402
from ui.app import make_application  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

ENVIRONMENT = "ged-pilot"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """`python -m sync run` on a SQLite file in the sandbox, and its admin commands."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.db_args = ["--db", str(folder / "server.sqlite"), "--data-dir", str(folder / "data")]
        self.port = free_port()
        self.log = folder / "server.log"
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        import requests

        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "sync", "run", *self.db_args, "--host", "127.0.0.1",
                 "--port", str(self.port), "--environment", ENVIRONMENT,
                 "--log-level", "warning"],
                cwd=REPO, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited:\n{self.log.read_text()}")
            try:
                if requests.get(f"{self.url}/v1/health", timeout=2).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the server did not start:\n{self.log.read_text()}")
            time.sleep(0.1)

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)

    def admin(self, *args: str) -> dict[str, str]:
        out = subprocess.run([sys.executable, "-m", "sync", "admin", *self.db_args, "--json",
                              *args], cwd=REPO, capture_output=True, text=True, check=True,
                             timeout=120, stdin=subprocess.DEVNULL)
        value = json.loads(out.stdout)
        return value if isinstance(value, dict) else {"value": value}

    def enrol(self, db: Database, ministry: str, user: str, device: str) -> None:
        code = self.admin("enrol-code", "--ministry", ministry, "--user", user)["code"]
        root = self.admin("root-key")
        root_key = root.get("root_public_key") or root["value"]
        enrol.enrol(db, server_url=self.url, code=code, root_key=root_key,
                    environment=ENVIRONMENT, device_name=device, allow_http=True)


def figures_led_by(db: Database, ministry: str, count: int) -> list[str]:
    """Programme-level figures of programmes led by `ministry` (rows that ministry owns)."""
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT f.id FROM figure f JOIN programme p ON p.id = f.programme_id "
            "JOIN ministry m ON m.id = p.lead_ministry_id WHERE m.code = ? AND "
            "f.ministry_id IS NULL AND f.stage = 'reported' AND f.active_beneficiaries IS NOT "
            "NULL ORDER BY f.fiscal_year DESC, p.code LIMIT ?", (ministry, count)).all()
    return [r[0] for r in rows]


def edit(db: Database, figure_id: str, **values: object) -> None:
    """Change a figure as the figures entry would (one unit of work, sealed if enrolled)."""
    with db.unit_of_work(description="Enter figures") as uow:
        figure = uow.session.get(Figure, figure_id)
        assert figure is not None
        for name, value in values.items():
            setattr(figure, name, value)


def build_ministry(server: Server) -> Database:
    """GED publishes, the ministry enrols, delivers two edits and ends with one conflict."""
    ged, _ = Database.create(SANDBOX / "ged.nsssdb", PASSPHRASE, use_keyring=False)
    build_demo(ged)
    server.enrol(ged, "GED", "GED System Administrator", "GED server room PC")
    seal_existing(ged)
    run.sync_now(ged)

    ministry, _ = Database.create(SANDBOX / "mosw.nsssdb", PASSPHRASE, use_keyring=False)
    server.enrol(ministry, "MoSW", "Rahima Khatun", "MoSW M&E cell PC")
    run.sync_now(ministry)
    first, second, disputed = figures_led_by(ministry, "MoSW", 3)
    edit(ministry, first, active_beneficiaries=5_801_000, note="Field offices' count, June")
    run.sync_now(ministry)
    edit(ministry, second, expenditure_poisha=2_418_75_00_000_00)
    run.sync_now(ministry)

    edit(ged, disputed, active_beneficiaries=2_500_000)
    edit(ministry, disputed, active_beneficiaries=2_485_250)
    run.sync_now(ged)
    run.sync_now(ministry)
    ged.close()
    return ministry


def shoot(window: MainWindow, out: Path, name: str) -> None:
    screen = window.show_screen("sync")
    screen.load()  # type: ignore[attr-defined]
    wait(screen.is_ready)  # type: ignore[attr-defined]
    target = out / name
    wait(lambda: True)
    if not window.grab().save(str(target)):
        raise OSError(f"could not write {target}")
    print(target)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screens")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    make_application("en")

    demo, _ = Database.create(SANDBOX / "demo.nsssdb", PASSPHRASE, use_keyring=False)
    build_demo(demo)
    window = MainWindow(demo)
    window.resize(1366, 768)
    window.show()
    shoot(window, args.out, "sync-not-enrolled.png")
    window.close()

    server = Server(SANDBOX / "server")
    server.start()
    try:
        ministry = build_ministry(server)
        window = MainWindow(ministry)
        window.resize(1366, 768)
        window.show()
        shoot(window, args.out, "sync-ministry.png")
        i18n.set_language("bn")
        shoot(window, args.out, "sync-ministry-bn.png")
        i18n.set_language("en")
        window.close()
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
