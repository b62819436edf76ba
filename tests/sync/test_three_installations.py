"""Two ministries and GED, each its own installation and its own processes, converge through a
real server (SQLite and PostgreSQL).

Everything a user does here is a `nsss-desktop` or `nsss-server` command run as a subprocess:
GED builds the demo database, enrols and publishes its baseline; the Ministry of Social
Welfare starts from an empty database, enrols and syncs over the network; the Ministry of
Women and Children Affairs is a PC that is never online and syncs by file through GED's
administrator (`admin import-file`). Both ministries enter figures from the Excel template and
record a reform status. After the sync rounds, every synced table holds exactly the same rows in
all three databases, and the server's digest agrees.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import text

from nsss_desktop.domain import Money
from nsss_desktop.store.database import Database
from nsss_desktop.wire.tables import SYNC_TABLES
from tests.conftest import copy_database, run_cli
from tests.figures_io.books import fill, row_of
from tests.sync.conftest import RunningServer

PASS = "test passphrase for nsss"
ENV = {"NSSS_PASSPHRASE": PASS}


class Installation:
    """One desktop installation, driven only through its command line."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def cli(self, *args: str, ok: bool = True) -> Any:
        out = run_cli("--db", str(self.path), "--no-keyring", *args, env=ENV)
        if ok:
            assert out.returncode == 0, f"{args}: {out.stdout}\n{out.stderr}"
        assert "Traceback" not in out.stderr
        return out

    def enrol(self, server: RunningServer, ministry: str) -> None:
        out = self.cli("sync", "enrol", "--server", server.base_url, "--code",
                       server.enrol_code(ministry), "--root-key", server.root_public_key,
                       "--environment", server.environment)
        assert ministry in out.stdout

    def status(self) -> dict[str, Any]:
        return json.loads(self.cli("sync", "status", "--json").stdout)

    def rows(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every synced table, sorted: the consolidated state to compare."""
        db = Database.open(self.path, passphrase=PASS, use_keyring=False)
        try:
            with db.reader() as s:
                return {t: sorted(tuple(r) for r in s.execute(text(f'SELECT * FROM "{t}"')))
                        for t in SYNC_TABLES}
        finally:
            db.close()


def file_round(ministry: Installation, server: RunningServer, tmp: Path, n: int) -> str:
    """The offline PC's round trip: export, GED imports and replies, the PC imports."""
    request, reply = tmp / f"request-{n}.nsss-sync", tmp / f"reply-{n}.nsss-sync"
    ministry.cli("sync", "export-file", str(request))
    server.admin("import-file", str(request), "--reply", str(reply))
    return ministry.cli("sync", "import-file", str(reply)).stdout


def enter_figures(inst: Installation, ministry: str, programme: str, tmp: Path,
                  budget_crore: float, beneficiaries: int) -> None:
    book = tmp / f"{ministry}-2024-25.xlsx"
    inst.cli("figures", "template", "--ministry", ministry, "--period", "2024-25",
             "--out", str(book))
    r = row_of(book, programme)
    fill(book, {("Figures", f"E{r}"): budget_crore, ("Figures", f"H{r}"): beneficiaries})
    out = inst.cli("figures", "import", str(book))
    assert "1 inserted" in out.stdout, out.stdout


def test_two_ministries_and_ged_converge(server: RunningServer, demo_template: Path,
                                         tmp_path: Path) -> None:
    ged = Installation(copy_database(demo_template, tmp_path / "ged.nsssdb"))
    mosw = Installation(tmp_path / "mosw.nsssdb")
    mowca = Installation(tmp_path / "mowca.nsssdb")

    # GED: enrol, publish the reference data and its figures, sync.
    ged.enrol(server, "GED")
    ged.cli("sync", "publish-baseline")
    ged.cli("sync", "now")
    assert ged.status()["state"] == "synced"

    # Ministries start empty and receive GED's baseline: one online, one by file.
    mosw.cli("init", "--ministry", "MoSW")
    mosw.enrol(server, "MoSW")
    mosw.cli("sync", "now")
    mowca.cli("init", "--ministry", "MoWCA")
    mowca.enrol(server, "MoWCA")
    file_round(mowca, server, tmp_path, 1)
    baseline = ged.rows()
    assert mosw.rows() == baseline
    assert mowca.rows() == baseline

    # Each ministry does its own work: figures from the template, a reform status.
    enter_figures(mosw, "MoSW", "OAA", tmp_path, 4350.75, 6010000)
    mosw.cli("plan", "status", "--plan", "AP2016", "1", "--set", "completed",
             "--date", "2024-06-30", "--note", "Threshold set to 60 for all")
    enter_figures(mowca, "MoWCA", "VGD", tmp_path, 1980.40, 1040000)
    assert mosw.status()["counts"]["pending"] >= 2

    mosw.cli("sync", "now")
    reply = file_round(mowca, server, tmp_path, 2)
    assert "delivered" in reply
    # Importing the same reply again changes nothing, and says so.
    again = mowca.cli("sync", "import-file", str(tmp_path / "reply-2.nsss-sync"))
    assert "nothing changed" in again.stdout.lower()
    # A reply meant for another installation is refused and changes nothing.
    before = mosw.rows()
    wrong = mosw.cli("sync", "import-file", str(tmp_path / "reply-2.nsss-sync"), ok=False)
    assert wrong.returncode != 0 and "not for this installation" in wrong.stderr
    assert mosw.rows() == before

    # Quiescence: one more round for everyone brings the others' work.
    ged.cli("sync", "now")
    mosw.cli("sync", "now")
    file_round(mowca, server, tmp_path, 3)

    final = ged.rows()
    assert mosw.rows() == final
    assert mowca.rows() == final
    assert final != baseline
    poisha = Money.from_crore(Decimal("4350.75")).poisha
    money = [r for r in final["figure"] if poisha in r]
    assert money, "the ministry's exact amount must arrive at GED unchanged"
    for inst in (ged, mosw):
        st = inst.status()
        assert st["state"] == "synced" and st["unacked"] == 0, st
