"""Failures found in review, each reproduced for real: a restore that fails half-way, text
that a spreadsheet would run as a formula, a day read as a year, a folder given as --db."""

import hashlib
import zipfile

import pytest

from nsss_desktop.domain.timeframe import parse_timeframe
from nsss_desktop.io.table_export import export_table
from nsss_desktop.services.tables import Column, DashboardTable
from nsss_desktop.store import backup
from tests.conftest import run_cli


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_restore_that_fails_leaves_the_database_in_use_where_it_was(demo_db, tmp_path,
                                                                      passphrase):
    bak = backup.backup_to(demo_db, tmp_path / "b.nsssbak")
    live = demo_db.path
    demo_db.close()
    before = digest(live)
    # A folder where the staged copy must go: the copy cannot be written (a real OSError).
    (live.parent / f"{live.name}.restoring.partial").mkdir()
    with pytest.raises(OSError):
        backup.restore(bak, live, passphrase=passphrase, use_keyring=False, replace=True)
    assert digest(live) == before
    assert not list(live.parent.glob("*.replaced-*"))


def test_exported_text_is_never_a_formula(tmp_path):
    table = DashboardTable("t", "T", [Column("name", "Name"), Column("n", "N", "int")],
                           rows=[{"name": '=HYPERLINK("http://x","y")', "n": -5}])
    xlsx = export_table(table, tmp_path / "t.xlsx")
    sheet = zipfile.ZipFile(xlsx).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet
    csv_text = export_table(table, tmp_path / "t.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in csv_text and ",-5" in csv_text  # numbers stay numbers


@pytest.mark.parametrize("text", ["By June 30", "December 31"])
def test_a_day_of_the_month_is_not_read_as_a_year(text):
    parsed = parse_timeframe(text)
    assert parsed.due_date is None and parsed.kind == "invalid"
    assert "no year" in parsed.error


@pytest.mark.parametrize("text,year", [("Jun-17", 2017), ("June '17", 2017), ("June 2017", 2017)])
def test_short_years_still_parse_with_an_apostrophe_or_dash(text, year):
    assert parse_timeframe(text).due_date.year == year


def test_a_folder_given_as_the_database_is_a_clear_error(tmp_path):
    result = run_cli("--db", str(tmp_path), "verify", env={"NSSS_PASSPHRASE": "x" * 12})
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "error:" in result.stderr
