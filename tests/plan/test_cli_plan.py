"""`nsss-desktop plan list|import|export` as a user's script runs them (real subprocesses)."""

from tests.conftest import run_cli
from tests.plan.sheets import counts, official_rows, write_plan


def cli(db, passphrase, *args):
    return run_cli("--db", str(db.path), "--no-keyring", "plan", *args,
                   env={"NSSS_PASSPHRASE": passphrase})


def test_list_export_and_reimport_unchanged(plan_db, passphrase, tmp_path):
    listed = cli(plan_db, passphrase, "list")
    assert listed.returncode == 0, listed.stderr
    assert "AP2016" in listed.stdout and "NSSS2015" in listed.stdout

    register = cli(plan_db, passphrase, "list", "--plan", "AP2016", "--as-of", "2018-01-01")
    assert register.returncode == 0 and register.stdout.count("\n") == 5
    assert "delayed" in register.stdout and "2017-06-30" in register.stdout

    out = tmp_path / "exports" / "AP2016.xlsx"
    exported = cli(plan_db, passphrase, "export", "--plan", "AP2016", "--out", str(out),
                   "--as-of", "2018-01-01")
    assert exported.returncode == 0, exported.stderr
    assert out.exists() and not list(out.parent.glob(".*partial"))

    before = counts(plan_db)
    again = cli(plan_db, passphrase, "import", str(out), "--plan", "AP2016")
    assert again.returncode == 0, again.stderr
    assert "to insert: 0   to update: 0   unchanged: 5   not in sheet: 0" in again.stdout
    assert "Nothing to change" in again.stdout
    assert counts(plan_db) == before


def test_import_dry_run_then_real(plan_db, passphrase, tmp_path):
    book = write_plan(tmp_path / "plan.xlsx", official_rows())
    before = counts(plan_db)
    dry = cli(plan_db, passphrase, "import", str(book), "--plan", "AP2016T", "--dry-run",
              "--title", "Test plan")
    assert dry.returncode == 0, dry.stderr
    assert "to insert: 7" in dry.stdout and "Dry run: nothing was written." in dry.stdout
    assert counts(plan_db) == before
    real = cli(plan_db, passphrase, "import", str(book), "--plan", "AP2016T", "--title",
               "Test plan")
    assert real.returncode == 0, real.stderr
    assert "Imported: 7 inserted, 0 updated." in real.stdout
    assert counts(plan_db)["activity"] == before["activity"] + 7


def test_refused_import_lists_problems_and_exits_11(plan_db, passphrase, tmp_path):
    rows = official_rows()
    rows[1][5] = "Ministry of Magic"
    rows[2][4] = "Juen 2017"
    book = write_plan(tmp_path / "bad.xlsx", rows)
    before = counts(plan_db)
    result = cli(plan_db, passphrase, "import", str(book), "--plan", "AP2016T")
    assert result.returncode == 11
    assert "Action Plan!F5: unknown_ministry: 'Ministry of Magic'" in result.stderr
    assert "Action Plan!E6: bad_timeframe: 'Juen 2017'" in result.stderr
    assert "Nothing was written" in result.stderr and "Traceback" not in result.stderr
    assert counts(plan_db) == before


def test_unknown_plan_and_bad_output_name_are_usage_errors(plan_db, passphrase, tmp_path):
    missing = cli(plan_db, passphrase, "export", "--plan", "AP1999", "--out",
                  str(tmp_path / "x.xlsx"))
    assert missing.returncode == 2 and "AP2016" in missing.stderr
    wrong = cli(plan_db, passphrase, "export", "--plan", "AP2016", "--out",
                str(tmp_path / "x.csv"))
    assert wrong.returncode == 2 and ".xlsx" in wrong.stderr
