"""Hostile file names (T20): neutralised into a safe display name, never used as a path."""

from __future__ import annotations

import io
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nsss_desktop.errors import EvidenceRefused
from nsss_desktop.services import evidence
from nsss_desktop.services.evidence_types import (
    DOCX,
    MAX_NAME_BYTES,
    MAX_NAME_CHARS,
    PDF,
    safe_display_name,
    with_type_extension,
)
from tests.reforms import files

BANGLA_300 = ("সামাজিক নিরাপত্তা কৌশল প্রতিবেদন " * 10)[:300] + ".pdf"


@pytest.mark.parametrize("raw, expected", [
    ("../../x.pdf", "x.pdf"),
    ("..\\..\\x.pdf", "x.pdf"),
    ("C:\\x\\y.pdf", "y.pdf"),
    ("C:y.pdf", "y.pdf"),
    ("/etc/passwd", "passwd"),
    ("\\\\server\\share\\minutes.docx", "minutes.docx"),
    ("CON.pdf", "_CON.pdf"),
    ("con", "_con"),
    ("NUL", "_NUL"),
    ("nul.tar.gz", "_nul.tar.gz"),
    ("COM1.doc", "_COM1.doc"),
    ("LPT9 .xls", "_LPT9.xls"),
    ("CONSOLE.pdf", "CONSOLE.pdf"),
    ("report\x00.exe.pdf", "report.exe.pdf"),
    ("line\nbreak\ttab.pdf", "line break tab.pdf"),
    ("bell\x07\x1b[31m.pdf", "bell[31m.pdf"),
    ("invoice\u202efdp.exe", "invoicefdp.exe"),  # RLO: would display as "invoiceexe.pdf"
    ("a\u202ab\u202bc\u202cd\u202de\u2066f\u2067g\u2068h\u2069i\u200ej\u200fk\u061cl.pdf",
     "abcdefghijkl.pdf"),
    ("zero\u200bwidth\ufeff.pdf", "zerowidth.pdf"),
    ("...hidden.pdf", "hidden.pdf"),
    ("  . leading.pdf", "leading.pdf"),
    ("trailing.pdf. . ", "trailing.pdf"),
    ('a<b>c:d"e|f?g*h.pdf', "a_b_c_d_e_f_g_h.pdf"),
    ("রিপোর্ট ২০২৩.pdf", "রিপোর্ট ২০২৩.pdf"),
    ("র\u200d্যাব.pdf", "র\u200d্যাব.pdf"),  # ZWJ shapes the ya-phala: kept
])
def test_hostile_names_are_neutralised(raw, expected):
    assert safe_display_name(raw) == expected


def test_decomposed_bangla_becomes_nfc():
    name = safe_display_name("\u09a6\u09c7\u09be.pdf")
    assert name == "\u09a6\u09cb.pdf" and unicodedata.is_normalized("NFC", name)


@pytest.mark.parametrize("raw", ["", "...", "../..", "\x00\x00", "\u202e", " . . ", "C:\\",
                                 "___", "?*:"])
def test_nothing_safe_remains(raw):
    assert safe_display_name(raw) == ""


def test_long_bangla_name_is_capped_keeping_the_extension_and_whole_letters():
    name = safe_display_name(BANGLA_300)
    assert name.endswith(".pdf") and len(name) <= MAX_NAME_CHARS
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    stem = name[:-4]
    assert BANGLA_300.startswith(stem)
    assert unicodedata.category(BANGLA_300[len(stem)])[0] != "M"  # no vowel sign cut off
    latin = safe_display_name("x" * 300 + ".docx")
    assert len(latin) == MAX_NAME_CHARS and latin.endswith(".docx")


def test_extension_follows_the_content_not_the_name():
    assert with_type_extension("report.exe", PDF) == "report.exe.pdf"
    assert with_type_extension("scan.PDF", PDF) == "scan.PDF"
    assert with_type_extension("minutes", DOCX) == "minutes.docx"
    assert with_type_extension("Budget 2023.24", PDF) == "Budget 2023.24.pdf"


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(max_size=400))
def test_any_name_is_safe_or_refused(raw):
    name = safe_display_name(raw)
    if not name:
        return
    assert not set(name) & set('<>:"/\\|?*')
    assert all(unicodedata.category(c)[0] != "C" or c in "\u200c\u200d" for c in name)
    assert not name.startswith((".", " ")) and not name.endswith((".", " "))
    assert len(name) <= MAX_NAME_CHARS and len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert name.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL"}
    assert unicodedata.is_normalized("NFC", name)


@pytest.mark.parametrize("raw, stored", [
    ("../../x.pdf", "x.pdf"),
    ("C:\\Windows\\System32\\evil.pdf", "evil.pdf"),
    ("CON.pdf", "_CON.pdf"),
    ("payload\u202efdp.exe", "payloadfdp.exe.pdf"),
    (BANGLA_300, None),
])
def test_attach_stores_only_the_safe_name_and_writes_no_file(plan, tmp_path, raw, stored):
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    before = sorted(p for p in tmp_path.rglob("*"))
    eid = evidence.attach(plan.db, plan.activity["1"], io.BytesIO(files.pdf()), title="T",
                          kind="circular", original_name=raw)
    assert sorted(p for p in tmp_path.rglob("*") if "db" not in p.parts) == \
        [p for p in before if "db" not in p.parts]
    with plan.db.reader() as s:
        name = evidence.list_for_activity(s, plan.activity["1"])[-1].original_name
    assert name == (stored or safe_display_name(BANGLA_300))
    saved = evidence.save_copy(plan.db, eid, work)
    assert saved.parent == work and saved.name == name


def test_a_name_with_nothing_safe_left_is_refused(plan):
    with pytest.raises(EvidenceRefused) as caught:
        evidence.attach(plan.db, plan.activity["1"], io.BytesIO(files.pdf()), title="T",
                        kind="circular", original_name="../..\x00\u202e")
    assert caught.value.code == "bad_name"


def test_no_name_at_all_uses_the_title(plan):
    eid = evidence.attach(plan.db, plan.activity["1"], io.BytesIO(files.png()),
                          title="Site visit: Rangpur / 2017", kind="photo")
    with plan.db.reader() as s:
        assert evidence.list_for_activity(s, plan.activity["1"])[0].id == eid
        assert evidence.list_for_activity(s, plan.activity["1"])[0].original_name == \
            "Site visit_ Rangpur _ 2017.png"
