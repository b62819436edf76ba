"""Malformed workbooks are refused with every problem located, and nothing is written.

Each case is a real file: openpyxl-written sheets with the fault in one cell, a real
password-protected workbook (encrypted by msoffcrypto-tool, as Excel does with a password),
a real zip with a VBA project part, truncated and non-workbook files.
"""

import io
import zipfile

import msoffcrypto
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nsss_desktop.errors import ImportRefused
from nsss_desktop.io.action_plan_file import MAX_FILE_BYTES
from nsss_desktop.io.action_plan_xlsx import MAX_DATA_ROWS
from nsss_desktop.services.action_plan import import_plan
from tests.plan.sheets import HEADER_EN, counts, official_rows, write_plan, write_raw_xlsx

SHEET = "Action Plan"


def refused(db, path, plan_code="BAD"):
    """Import `path`; assert it is refused and that nothing at all was written."""
    before = counts(db)
    with pytest.raises(ImportRefused) as info:
        import_plan(db, path, plan_code=plan_code)
    assert counts(db) == before
    assert info.value.exit_code == 11 and "Nothing was written" in str(info.value)
    return [(p.sheet, p.row, p.column, p.code) for p in info.value.problems], info.value


def edited(tmp_path, edits, name="bad.xlsx", **kwargs):
    """The official rows (header in row 3, data from row 4) with some cells replaced."""
    rows = official_rows()
    for (index, column), value in edits.items():
        rows[index][column] = value
    return write_plan(tmp_path / name, rows, **kwargs)


def test_missing_required_column(plan_db, tmp_path):
    header = [h if h != "Timeframe" else "Remarks" for h in HEADER_EN]
    problems, _ = refused(plan_db, write_plan(tmp_path / "m.xlsx", official_rows(),
                                              header=header))
    assert problems == [(SHEET, 3, None, "missing_column")]


def test_no_header_row_at_all(plan_db, tmp_path):
    problems, _ = refused(plan_db, write_plan(tmp_path / "m.xlsx", official_rows(),
                                              header=["a", "b", "c"]))
    assert {p[3] for p in problems} == {"missing_column"} and len(problems) == 5


def test_unknown_ministry_names_the_text(plan_db, tmp_path):
    path = edited(tmp_path, {(1, 5): "Ministry of Magic", (2, 6): "Finance Division; MoXYZ"})
    problems, error = refused(plan_db, path)
    assert problems == [(SHEET, 5, "F", "unknown_ministry"), (SHEET, 6, "G", "unknown_ministry")]
    assert "'Ministry of Magic'" in error.problems[0].message
    assert "'MoXYZ'" in error.problems[1].message
    assert str(error.problems[0]).startswith("Action Plan!F5: unknown_ministry: ")


def test_empty_activity(plan_db, tmp_path):
    problems, _ = refused(plan_db, edited(tmp_path, {(3, 2): ""}))
    assert problems == [(SHEET, 7, "C", "empty_activity")]


@pytest.mark.parametrize("text", ["Juen 2017", "13/2017", "31/02/2017", "FY 2017-19"])
def test_bad_timeframe(plan_db, tmp_path, text):
    problems, error = refused(plan_db, edited(tmp_path, {(0, 4): text}))
    assert problems == [(SHEET, 4, "E", "bad_timeframe")]
    assert text in error.problems[0].message


def test_free_text_timeframe_is_accepted_with_a_note(plan_db, tmp_path):
    path = edited(tmp_path, {(0, 4): "After the cabinet decision", (1, 4): "Periodically"})
    report = import_plan(plan_db, path, plan_code="FREE")
    assert [(n.row, n.column, n.code) for n in report.notes] == [(4, "E", "timeframe_free_text")]


def test_duplicate_number(plan_db, tmp_path):
    problems, error = refused(plan_db, edited(tmp_path, {(4, 0): 2}))
    assert problems == [(SHEET, 8, "A", "duplicate_number")]
    assert "first on row 5" in error.problems[0].message


def test_text_over_4000_characters(plan_db, tmp_path):
    problems, _ = refused(plan_db, edited(tmp_path, {(2, 3): "x" * 4001}))
    assert problems == [(SHEET, 6, "D", "too_long")]


def test_formula_where_text_is_expected(plan_db, tmp_path):
    problems, error = refused(plan_db, edited(tmp_path, {(1, 2): '=CONCAT("Make ", "universal")'}))
    assert problems == [(SHEET, 5, "C", "formula")]
    assert "CONCAT" in error.problems[0].message


def test_all_problems_are_listed_at_once(plan_db, tmp_path):
    path = edited(tmp_path, {(0, 5): "Ministry of Magic", (1, 4): "Juen 2017", (4, 0): 1,
                             (5, 2): "", (6, 3): "=1+1"})
    problems, error = refused(plan_db, path)
    assert sorted(problems, key=lambda p: (p[1], p[2])) == [
        (SHEET, 4, "F", "unknown_ministry"), (SHEET, 5, "E", "bad_timeframe"),
        (SHEET, 8, "A", "duplicate_number"), (SHEET, 9, "C", "empty_activity"),
        (SHEET, 10, "D", "formula")]
    assert "5 problems" in str(error)


def test_unknown_ministry_in_a_merged_cell_is_reported_once(plan_db, tmp_path):
    rows = official_rows()
    path = write_plan(tmp_path / "m.xlsx", rows)
    from openpyxl import load_workbook

    wb = load_workbook(path)
    wb.active["F4"] = "Ministry of Magic"
    wb.active.merge_cells("F4:F8")
    wb.save(path)
    problems, _ = refused(plan_db, path)
    assert problems == [(SHEET, 4, "F", "unknown_ministry")]


def test_sheet_over_the_row_cap_is_refused_without_reading_it_all(plan_db, tmp_path):
    """50,000 rows: reading stops at the first row past the 20,000-row cap."""
    rows = [HEADER_EN, *([i, "Objective", i, "", "June 2017", "MoSW", ""]
                         for i in range(1, 50_001))]
    path = write_raw_xlsx(tmp_path / "huge.xlsx", rows)
    problems, _ = refused(plan_db, path)
    assert problems == [(SHEET, MAX_DATA_ROWS + 2, None, "too_many_rows")]


def test_real_password_protected_workbook(plan_db, tmp_path):
    plain = write_plan(tmp_path / "plain.xlsx", official_rows())
    locked = tmp_path / "locked.xlsx"
    with open(plain, "rb") as src, open(locked, "wb") as out:
        msoffcrypto.OfficeFile(src).encrypt("secret", out)
    assert locked.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    problems, error = refused(plan_db, locked)
    assert problems == [("locked.xlsx", None, None, "encrypted")]
    assert "password" in error.hint


def test_old_xls_compound_file_is_not_taken_for_encrypted(plan_db, tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    problems, _ = refused(plan_db, path)
    assert problems == [("old.xls", None, None, "unsupported_format")]


def test_sheet_with_a_header_but_no_rows(plan_db, tmp_path):
    problems, _ = refused(plan_db, write_plan(tmp_path / "e.xlsx", []))
    assert problems == [(SHEET, 3, None, "empty_sheet")]


def test_macro_enabled_by_name(plan_db, tmp_path):
    path = write_plan(tmp_path / "plan.xlsm", official_rows())
    assert refused(plan_db, path)[0] == [("plan.xlsm", None, None, "macro")]


def test_macro_project_inside_an_xlsx(plan_db, tmp_path):
    path = write_plan(tmp_path / "plan.xlsx", official_rows())
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 not run, only found")
    assert refused(plan_db, path)[0] == [("plan.xlsx", None, None, "macro")]


@pytest.mark.parametrize("kind", ["random", "truncated", "zip_not_workbook", "empty",
                                  "damaged_part"])
def test_corrupt_files(plan_db, tmp_path, kind):
    path = tmp_path / "broken.xlsx"
    good = write_plan(tmp_path / "good.xlsx", official_rows()).read_bytes()
    if kind == "random":
        path.write_bytes(bytes(range(256)) * 40)
    elif kind == "truncated":
        path.write_bytes(good[: len(good) // 2])
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "zip_not_workbook":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr("readme.txt", "not a workbook")
        path.write_bytes(buf.getvalue())
    else:  # a well-formed zip whose sheet XML is cut off mid-row
        src = zipfile.ZipFile(io.BytesIO(good))
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            for info in src.infolist():
                data = src.read(info)
                if info.filename == "xl/worksheets/sheet1.xml":
                    data = data[: len(data) * 2 // 3]
                zf.writestr(info, data)
        path.write_bytes(buf.getvalue())
    problems, _ = refused(plan_db, path)
    assert problems == [("broken.xlsx", None, None, "corrupt")]


def test_file_over_30_mib_is_refused_before_it_is_read(plan_db, tmp_path):
    path = tmp_path / "big.xlsx"
    with open(path, "wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    assert refused(plan_db, path)[0] == [("big.xlsx", None, None, "too_large")]


KNOWN_CODES = {"unknown_ministry", "empty_activity", "bad_timeframe", "duplicate_number",
               "duplicate_activity", "too_long", "formula", "empty_objective"}
CELL_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(st.tuples(st.sampled_from([0, 2, 3, 4, 5, 6]), CELL_TEXT),
                      min_size=1, max_size=6))
def test_any_cell_text_is_imported_or_refused_with_a_known_code(plan_db, tmp_path, cells):
    """Whatever is typed into the cells, the importer answers with a preview or a refusal
    naming known problems; it never crashes and a dry run never writes."""
    rows = official_rows()
    for i, (column, text) in enumerate(cells):
        rows[i % len(rows)][column] = text
    path = write_plan(tmp_path / "fuzz.xlsx", rows)
    before = counts(plan_db)
    try:
        report = import_plan(plan_db, path, plan_code="FUZZ", dry_run=True)
    except ImportRefused as exc:
        assert exc.problems and {p.code for p in exc.problems} <= KNOWN_CODES
    else:
        assert len(report.to_insert) <= len(rows)
    assert counts(plan_db) == before
