"""`nsss-desktop figures template|import|import-finance` as a user's script runs them (real
subprocesses against a real encrypted database)."""

from tests.conftest import run_cli
from tests.figures_io.books import counts, fill, finance_rows, row_of, write_finance_xlsx

F = "Figures"


def cli(db, passphrase, *args):
    return run_cli("--db", str(db.path), "--no-keyring", "figures", *args,
                   env={"NSSS_PASSPHRASE": passphrase})


def test_template_dry_run_then_import(figures_db, passphrase, tmp_path):
    out = tmp_path / "out" / "MoSW-2023-24.xlsx"
    made = cli(figures_db, passphrase, "template", "--ministry", "MoSW", "--period", "2023-24",
               "--out", str(out))
    assert made.returncode == 0, made.stderr
    assert f"Wrote the MoSW template for 2023-24 to {out}." in made.stdout
    r = row_of(out, "OAA")
    fill(out, {(F, f"E{r}"): 4205.96, (F, f"H{r}"): 5801000, (F, f"G{r}"): "NA"})

    before = counts(figures_db)
    dry = cli(figures_db, passphrase, "import", str(out), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "Template MoSW-2023-24.xlsx: ministry MoSW, period 2023-24" in dry.stdout
    assert "new: 1   changed: 0   unchanged: 0   errors: 0   warnings: 0" in dry.stdout
    assert f"+ OAA Old Age Allowance (sheet Figures, row {r})" in dry.stdout
    assert "budget_original: 4205.96 crore" in dry.stdout and "expenditure: NA" in dry.stdout
    assert "Dry run: nothing was written." in dry.stdout
    assert counts(figures_db) == before

    real = cli(figures_db, passphrase, "import", str(out))
    assert real.returncode == 0, real.stderr
    assert "Imported as draft: 1 inserted, 0 updated, 0 unchanged." in real.stdout
    assert counts(figures_db)["figure"] == before["figure"] + 1

    again = cli(figures_db, passphrase, "import", str(out))
    assert again.returncode == 0 and "Nothing to change" in again.stdout


def test_refused_import_lists_every_problem_and_exits_11(figures_db, passphrase, tmp_path):
    out = tmp_path / "MoSW.xlsx"
    assert cli(figures_db, passphrase, "template", "--ministry", "MoSW", "--period",
               "2023-24 Q1", "--out", str(out)).returncode == 0
    r, w = row_of(out, "OAA"), row_of(out, "WDDW")
    fill(out, {(F, f"E{r}"): "lots", (F, f"H{w}"): -3})
    before = counts(figures_db)
    for args in (("import", str(out), "--dry-run"), ("import", str(out))):
        result = cli(figures_db, passphrase, *args)
        assert result.returncode == 11, result.stderr
        assert f"Figures!E{r}: not_a_number: Budget, original: 'lots' is not a number." \
            in result.stderr
        assert f"Figures!H{w}: negative: " in result.stderr
        assert "2 problems found. Nothing was written." in result.stderr
        assert "Traceback" not in result.stderr
        assert f"error sheet Figures, row {r}, column E: not_a_number" in result.stdout
    assert counts(figures_db) == before


def test_template_usage_errors(figures_db, passphrase, tmp_path):
    bad_ministry = cli(figures_db, passphrase, "template", "--ministry", "MoXX", "--period",
                       "2023-24", "--out", str(tmp_path / "t.xlsx"))
    assert bad_ministry.returncode == 2 and "No ministry with the code 'MoXX'" in \
        bad_ministry.stderr and "MoSW" in bad_ministry.stderr
    bad_period = cli(figures_db, passphrase, "template", "--ministry", "MoSW", "--period",
                     "2023", "--out", str(tmp_path / "t.xlsx"))
    assert bad_period.returncode == 2 and "not a reporting period" in bad_period.stderr
    assert not (tmp_path / "t.xlsx").exists()


def test_import_finance(figures_db, passphrase, tmp_path):
    path = write_finance_xlsx(tmp_path / "ssp.xlsx", finance_rows())
    before = counts(figures_db)
    dry = cli(figures_db, passphrase, "import-finance", str(path), "--stage", "proposed",
              "--source", "FD_SSP_2019", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "Finance Division table ssp.xlsx: 2019-20, stage proposed, source FD_SSP_2019 " \
           "(new source)" in dry.stdout
    assert "new: 8" in dry.stdout and "skipped row 12 (total): Total" in dry.stdout
    assert counts(figures_db) == before
    real = cli(figures_db, passphrase, "import-finance", str(path), "--fiscal-year", "2019-20",
               "--stage", "proposed", "--source", "FD_SSP_2019", "--source-title",
               "Finance Division, SSP 2019-20")
    assert real.returncode == 0, real.stderr
    assert "Imported as approved: 8 inserted, 0 updated, 0 unchanged." in real.stdout
    assert counts(figures_db)["figure"] == before["figure"] + 8

    rows = finance_rows()
    rows[0][1] = "Old Age Alowance"
    write_finance_xlsx(path, rows)
    refused = cli(figures_db, passphrase, "import-finance", str(path), "--stage", "proposed",
                  "--source", "FD_SSP_2019B")
    assert refused.returncode == 11
    assert "SSP!B4: unknown_programme: The programme 'Old Age Alowance' is not known. Did you " \
           "mean: Old Age Allowance (OAA)?" in refused.stderr
