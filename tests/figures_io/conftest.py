"""Fixtures for the figures template and Finance Division table imports.

`figures_db` is a fresh copy of a demo database built once per session (real SQLCipher, real
demo data). The million-row workbooks are built once per session by writing the sheet XML
straight into the zip: openpyxl would take minutes to write them cell by cell.
"""

import shutil
import zipfile

import pytest

from nsss_desktop.store import keys
from nsss_desktop.store.database import Database
from tests.figures_io.books import MSW_PROGRAMMES, PERIOD, big_sheet_xml, write_msw_template


@pytest.fixture(scope="session")
def _figures_template_db(tmp_path_factory):
    from nsss_desktop.services.demo import build_demo

    path = tmp_path_factory.mktemp("figures-template") / "demo.nsssdb"
    db, _ = Database.create(path, "test passphrase for nsss", use_keyring=False)
    try:
        build_demo(db)
    finally:
        db.close()
    return path


@pytest.fixture
def figures_db(_figures_template_db, tmp_path, passphrase):
    """A fresh copy of the demo database, open for writing."""
    path = tmp_path / "demo.nsssdb"
    shutil.copyfile(_figures_template_db, path)
    shutil.copyfile(keys.key_file_for(_figures_template_db), keys.key_file_for(path))
    db = Database.open(path, passphrase=passphrase, use_keyring=False)
    yield db
    db.close()


@pytest.fixture(scope="session")
def million_row_books(tmp_path_factory):
    """Two templates whose Figures sheet has 1,000,000 data rows: one declaring its size in
    <dimension>, one declaring none (so only reading can find out)."""
    folder = tmp_path_factory.mktemp("million")
    base = write_msw_template(folder / "base.xlsx", MSW_PROGRAMMES, PERIOD)
    books = {}
    for name, declared in (("declared", True), ("undeclared", False)):
        target = folder / f"{name}.xlsx"
        xml = big_sheet_xml(1_000_000, declare_dimension=declared)
        with zipfile.ZipFile(base) as src, \
                zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
            for info in src.infolist():
                data = xml if info.filename == "xl/worksheets/sheet2.xml" else src.read(info)
                dst.writestr(info.filename, data)
        books[name] = target
    return books
