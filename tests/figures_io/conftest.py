"""Fixtures for the figures template and Finance Division table imports.

`figures_db` is a fresh copy of a demo database built once per session (real SQLCipher, real
demo data). The million-row workbooks are built once per session by writing the sheet XML
straight into the zip: openpyxl would take minutes to write them cell by cell.
"""


import pytest

from tests.figures_io.books import (
    MSW_PROGRAMMES,
    PERIOD,
    big_sheet_xml,
    with_figures_sheet,
    write_msw_template,
)


@pytest.fixture
def figures_db(demo_copy):
    """A fresh copy of the demo database, open for writing."""
    return demo_copy


@pytest.fixture(scope="session")
def million_row_books(tmp_path_factory):
    """Two templates whose Figures sheet has 1,000,000 data rows: one declaring its true size
    in <dimension>, one declaring a wrong, small one (so only reading can find out)."""
    folder = tmp_path_factory.mktemp("million")
    base = write_msw_template(folder / "base.xlsx", MSW_PROGRAMMES, PERIOD)
    return {name: with_figures_sheet(base, folder / f"{name}.xlsx",
                                     big_sheet_xml(1_000_000, dimension=dimension))
            for name, dimension in (("declared", "A1:Q1000003"), ("lying", "A1:Q6"))}
