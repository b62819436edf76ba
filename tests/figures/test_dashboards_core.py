"""Core dashboard reads: the rollup cache never mixes databases, and a ministry's number drills
down to every row behind it (its shares and the programmes only it implements)."""

import shutil

from nsss_desktop.domain import Count, FiscalYear
from nsss_desktop.services import programme_dashboards as pd
from nsss_desktop.store import keys
from nsss_desktop.store.database import Database
from nsss_desktop.store.models import Figure
from tests.figures.conftest import add_figures, add_programme, ministry_id

FY = FiscalYear.parse("2023-24")


def _beneficiaries(db, fy: str = "2023-24"):
    with db.reader() as s:
        rows = pd.national_view(s).tables["series"].rows
    return next(r["active_beneficiaries"] for r in rows if r["fiscal_year"] == fy)


def test_two_databases_at_the_same_journal_sequence_never_share_cached_numbers(
        db, tmp_path, passphrase):
    twin_path = tmp_path / "twin.nsssdb"
    shutil.copyfile(db.path, twin_path)
    shutil.copyfile(keys.key_file_for(db.path), keys.key_file_for(twin_path))
    with Database.open(twin_path, passphrase=passphrase, use_keyring=False) as twin:
        before = _beneficiaries(db)
        assert _beneficiaries(twin) == before
        # The same number of units of work in each file, different figures.
        pid = add_programme(db, "CACHE_A")
        add_figures(db, Figure(programme_id=pid, fiscal_year=2023, stage="actual",
                               active_beneficiaries=Count.from_lakh("1").persons))
        pid = add_programme(twin, "CACHE_B")
        add_figures(twin, Figure(programme_id=pid, fiscal_year=2023, stage="actual",
                                 active_beneficiaries=Count.from_lakh("2").persons))
        assert _beneficiaries(db) - before == 1
        assert _beneficiaries(twin) - before == 2


def test_a_ministry_total_drills_down_to_its_shares_and_its_sole_programmes(db):
    mosw, mowca = ministry_id(db, "MoSW"), ministry_id(db, "MoWCA")
    shared = add_programme(db, "DRILL_SHARED", ("MoSW", "MoWCA"))
    add_figures(db, *[Figure(programme_id=shared, ministry_id=m, fiscal_year=2023,
                             stage="actual", active_beneficiaries=Count.from_lakh(v).persons)
                      for m, v in ((mosw, "10"), (mowca, "5.5"))])
    with db.reader() as s:
        view = pd.ministry_view(s, "MoSW", fiscal_year=FY)
        table = view.tables["programmes"]
        total_row = len(table.rows) - 1
        key = table.drill[(total_row, "active_beneficiaries")]
        rows = pd.drilldown(s, key).rows
    used = [r for r in rows if r["used"] == "yes"]
    assert {r["programme"] for r in used} > {"DRILL_SHARED"}  # and MoSW's own programmes
    assert sum(r["value"] for r in used) == table.rows[total_row]["active_beneficiaries"]
    shared_rows = [r for r in rows if r["programme"] == "DRILL_SHARED"]
    assert [r["ministry"] for r in shared_rows] == ["MoSW"]  # its share, not MoWCA's


def test_grouped_rows_carry_the_code_of_their_group(db):
    with db.reader() as s:
        table = pd.national_view(s, fiscal_year=FY).tables["by_cluster"]
    codes = {r["group"]: r["group_code"] for r in table.rows}
    assert codes["Social Allowance"] == "SA"
    assert codes["Total (each programme once)"] == ""


def test_a_row_mixing_a_share_and_a_whole_programme_figure_counts_only_the_share(db):
    from nsss_desktop.domain import Money

    mosw = ministry_id(db, "MoSW")
    pid = add_programme(db, "MIXED", ("MoSW", "MoWCA"))
    add_figures(db,
                Figure(programme_id=pid, ministry_id=mosw, fiscal_year=2023, stage="actual",
                       active_beneficiaries=Count.from_lakh("3").persons),
                Figure(programme_id=pid, ministry_id=None, fiscal_year=2023, stage="actual",
                       budget_original_poisha=Money.from_crore("99").poisha))
    with db.reader() as s:
        without = pd.ministry_view(s, "MoSW", fiscal_year=FY).tables["programmes"]
    row = next(r for r in without.rows if r["code"] == "MIXED")
    assert row["basis"] == "ministry share; rest shared"
    assert row["budget"] == 99  # shown...
    total = without.rows[-1]
    with db.reader() as s:
        series = {r["fiscal_year"]: r for r in
                  pd.ministry_view(s, "MoSW", fiscal_year=FY).tables["series"].rows}
    assert total["budget"] == series["2023-24"]["budget"]  # ...but not added: same as series
    budget_key = without.drill.get((len(without.rows) - 1, "budget"))
    assert budget_key is None or pid not in budget_key.programme_ids
    key = without.drill[(len(without.rows) - 1, "active_beneficiaries")]
    assert pid in key.programme_ids  # the share is counted


def test_a_families_programme_reported_by_shares_is_not_added_to_persons(db):
    mosw = ministry_id(db, "MoSW")
    pid = add_programme(db, "FAMSHARE", ("MoSW", "MoWCA"), beneficiary_unit="families")
    with db.reader() as s:
        before = pd.ministry_view(s, "MoSW", fiscal_year=FY).tables["programmes"].rows[-1]
    add_figures(db, Figure(programme_id=pid, ministry_id=mosw, fiscal_year=2023,
                           stage="actual", active_beneficiaries=Count.from_lakh("7").persons))
    with db.reader() as s:
        after = pd.ministry_view(s, "MoSW", fiscal_year=FY).tables["programmes"].rows[-1]
    assert after["active_beneficiaries"] == before["active_beneficiaries"]
