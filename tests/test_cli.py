"""The CLI as a user's script runs it: real subprocesses on real encrypted files."""

import shutil
import subprocess
import zipfile

import openpyxl

from tests.conftest import REPO, run_cli

PASS = "cli test passphrase"


def test_module_and_console_script_behave_the_same():
    script = shutil.which("nsss-desktop") or str(REPO / ".venv" / "bin" / "nsss-desktop")
    console = subprocess.run([script, "--help"], capture_output=True, text=True)
    module = run_cli("--help")
    assert console.returncode == module.returncode == 0
    assert console.stdout == module.stdout
    assert "unlock-check" in module.stdout


def test_init_prints_recovery_code_once_and_refuses_to_overwrite(tmp_path):
    db = tmp_path / "a.nsssdb"
    first = run_cli("--db", str(db), "init", "--ministry", "MoSW", env={"NSSS_PASSPHRASE": PASS})
    assert first.returncode == 0, first.stderr
    assert "RECOVERY CODE" in first.stdout
    before = db.read_bytes()
    again = run_cli("--db", str(db), "init", env={"NSSS_PASSPHRASE": PASS})
    assert again.returncode == 3
    assert "already exists" in again.stderr and "Traceback" not in again.stderr
    assert db.read_bytes() == before


def test_short_passphrase_is_refused(tmp_path):
    result = run_cli("--db", str(tmp_path / "a.nsssdb"), "init", env={"NSSS_PASSPHRASE": "short"})
    assert result.returncode == 4
    assert "at least 10 characters" in result.stderr
    assert not (tmp_path / "a.nsssdb").exists()


def test_demo_verify_export_backup_restore_round_trip(tmp_path):
    db, env = tmp_path / "demo.nsssdb", {"NSSS_PASSPHRASE": PASS}
    demo = run_cli("--db", str(db), "demo", env=env)
    assert demo.returncode == 0, demo.stderr
    code = [ln.strip() for ln in demo.stdout.splitlines() if ln.strip().count("-") == 5][0]
    verify = run_cli("--db", str(db), "verify", env=env)
    assert verify.returncode == 0 and "cipher_integrity_check: ok" in verify.stdout

    xlsx = tmp_path / "out" / "national.xlsx"
    export = run_cli("--db", str(db), "export", "national-series", "--out", str(xlsx), env=env)
    assert export.returncode == 0, export.stderr
    sheet_xml = zipfile.ZipFile(xlsx).read("xl/worksheets/sheet1.xml").decode()
    assert "<v>9149.54</v>" in sheet_xml  # the exact decimal text, no float artefact
    ws = openpyxl.load_workbook(xlsx).active
    assert ws["A1"].value == "Fiscal year"
    csv_out = tmp_path / "national.csv"
    assert run_cli("--db", str(db), "export", "national-series", "--out", str(csv_out),
                   env=env).returncode == 0
    assert "2021-22,57.01,,9149.54" in csv_out.read_text(encoding="utf-8-sig")

    bak = tmp_path / "backups" / "demo.nsssbak"
    assert run_cli("--db", str(db), "backup", str(bak), env=env).returncode == 0
    assert bak.exists() and (tmp_path / "backups" / "demo.nsssbak.keys").exists()

    code_file = tmp_path / "code.txt"
    code_file.write_text(code.lower().replace("-", " "), encoding="utf-8")
    restored = tmp_path / "restored.nsssdb"
    result = run_cli("--db", str(restored), "--recovery-code-file", str(code_file), "restore",
                     str(bak))
    assert result.returncode == 0, result.stderr
    check = run_cli("--db", str(restored), "--recovery-code-file", str(code_file), "verify")
    assert check.returncode == 0, check.stdout + check.stderr
    again = run_cli("--db", str(restored), "export", "national-series", "--out",
                    str(tmp_path / "r.csv"), env=env)
    assert again.returncode == 0
    assert (tmp_path / "r.csv").read_bytes() == csv_out.read_bytes()


def test_export_errors_are_specific(tmp_path):
    db, env = tmp_path / "demo.nsssdb", {"NSSS_PASSPHRASE": PASS}
    assert run_cli("--db", str(db), "demo", env=env).returncode == 0
    unknown = run_cli("--db", str(db), "export", "nope", "--out", str(tmp_path / "x.csv"), env=env)
    assert unknown.returncode == 2 and "national-series" in unknown.stderr
    bad = run_cli("--db", str(db), "export", "programmes", "--out", str(tmp_path / "x.pdf"),
                  env=env)
    assert bad.returncode == 2 and ".csv or .xlsx" in bad.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_missing_database_says_how_to_create_one(tmp_path):
    result = run_cli("--db", str(tmp_path / "none.nsssdb"), "verify",
                     env={"NSSS_PASSPHRASE": PASS})
    assert result.returncode == 3
    assert "nsss-desktop init" in result.stderr and "Traceback" not in result.stderr


def test_verify_finds_a_stale_dashboard_rollup_and_repair_rebuilds_it(demo_copy, passphrase):
    """The rollups are derived (not guarded): an edit behind the app's back is found by verify,
    which says the figures are intact and how to rebuild; --repair rebuilds them."""
    env = {"NSSS_PASSPHRASE": passphrase}
    path = str(demo_copy.path)
    with demo_copy.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE programme_year_rollup SET value = value + 1 WHERE id = "
            "(SELECT min(id) FROM programme_year_rollup WHERE value IS NOT NULL)")
    demo_copy.close()
    stale = run_cli("--db", path, "--no-keyring", "verify", env=env)
    assert stale.returncode == 6, stale.stdout + stale.stderr
    assert "dashboard rollups: 1 programme-year(s) differ from their figures" in stale.stdout
    assert "verify --repair" in stale.stdout
    repaired = run_cli("--db", path, "--no-keyring", "verify", "--repair", env=env)
    assert repaired.returncode == 0 and "rebuilt from the figures" in repaired.stdout
    again = run_cli("--db", path, "--no-keyring", "verify", env=env)
    assert again.returncode == 0 and "dashboard rollups: ok" in again.stdout
