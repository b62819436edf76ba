"""Programme search: codes, English and Bangla names, ministries, clusters, target groups."""

from __future__ import annotations

import unicodedata

import pytest

from nsss_desktop.services.programme_search import (
    EXACT_CODE,
    NAME_PREFIX,
    NAME_WORDS,
    OTHER_FIELD,
    normalise,
    search_programmes,
)


def find(views, query: str, **kw):  # noqa: ANN001, ANN201
    with views.db.reader() as s:
        return search_programmes(s, query, **kw)


def codes(hits) -> list[str]:  # noqa: ANN001
    return [h.code for h in hits]


def test_old_age_finds_the_old_age_allowance_first(views) -> None:  # noqa: ANN001
    hits = find(views, "old age")
    assert hits[0].code == "OAA"
    assert (hits[0].field, hits[0].rank) == ("name_en", NAME_PREFIX)
    # Other programmes in the Old age stage are found too, ranked after the name match.
    assert "PV_SHARED" in codes(hits)
    assert all(h.rank == OTHER_FIELD for h in hits[1:])


@pytest.mark.parametrize("query", ["বয়স্ক", "বয\u09bcস্ক", "বয়\u200cস্ক", "  বয়স্ক  "])
def test_bangla_name_in_any_spelling(views, query: str) -> None:  # noqa: ANN001
    hits = find(views, query)
    assert hits[0].code == "OAA"
    assert hits[0].field == "name_bn"
    assert hits[0].matched == "বয়স্ক ভাতা"
    # "বয়স্কভাতা" inside another programme's name is a word match, ranked lower.
    assert "BEDE_BACKWARD_ALW" in codes(hits[1:])


def test_by_ministry_name_in_english_and_bangla_and_by_code(views) -> None:  # noqa: ANN001
    for query in ("Ministry of Social Welfare", "সমাজকল্যাণ", "mosw"):
        hits = find(views, query)
        assert "OAA" in codes(hits), query
        oaa = next(h for h in hits if h.code == "OAA")
        assert oaa.field == "lead_ministry"
    mowca = find(views, "Women and Children Affairs")
    shared = next(h for h in mowca if h.code == "PV_SHARED")
    assert shared.field == "ministry"  # an implementing, not the lead, ministry
    assert "OAA" not in codes(mowca)


def test_by_cluster_name(views) -> None:  # noqa: ANN001
    hits = find(views, "social allowance")
    assert "OAA" in codes(hits)
    assert next(h for h in hits if h.code == "OAA").field == "cluster"
    assert "EGPP" not in codes(hits)  # Labour/Livelihood, not Social Allowance


def test_by_target_group(views) -> None:  # noqa: ANN001
    hits = find(views, "widows char")
    assert codes(hits) == ["PV_SHARED"]
    assert hits[0].field == "target_group"


def test_an_exact_code_ranks_first(views) -> None:  # noqa: ANN001
    hits = find(views, "bede_alw")
    assert hits[0].code == "BEDE_ALW" and hits[0].rank == EXACT_CODE
    assert "BEDE_BACKWARD_ALW" in codes(hits[1:])
    assert find(views, "oaa")[0].rank == EXACT_CODE


def test_case_accent_and_spacing_do_not_matter(views) -> None:  # noqa: ANN001
    for query in ("OLD AGE", "Óld Åge", "oldage", "old-age allowance"):
        assert find(views, query)[0].code == "OAA", query
    assert normalise("Café Ångström") == "cafe angstrom"
    assert unicodedata.normalize("NFC", normalise("বয়স্ক")) == normalise("বয\u09bcস্ক")


def test_words_in_the_name_rank_above_other_fields(views) -> None:  # noqa: ANN001
    hits = find(views, "allowance disabilities")
    assert hits[0].code == "DISA" and hits[0].rank == NAME_WORDS


def test_nothing_to_find(views) -> None:  # noqa: ANN001
    assert find(views, "") == []
    assert find(views, "!!! ???") == []
    assert find(views, "fisheries aquaculture") == []
    assert len(find(views, "ministry", limit=3)) == 3
