"""What a user types is data, never FTS5 syntax: no input raises, none widens the search."""

from __future__ import annotations

import re

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from hypothesis import given, settings
from hypothesis import strategies as st

from nsss_desktop.services.search import MAX_TERMS, fts_query, search, spellings, words
from nsss_desktop.store import search_index

from .conftest import AS_OF

HOSTILE = [
    "", " ", '"', '""', '"""', "'", "*", "**", "-", "--", ":", "^", "+", "(", ")", "((", "))",
    "OR", "AND", "NOT", "NEAR", "NEAR(", "NEAR(widow allowance", "NEAR(widow allowance, 2)",
    "widow OR pension", "widow NOT allowance", "-widow", "widow*", "*widow", "wid*ow",
    "text:widow", "kind:activity", "ref_id:x", "{text}: widow", "{kind ref_id}: a", "^widow",
    'widow"', '"widow', "widow)", "(widow", "((widow) OR (pension", "widow + allowance",
    "'; DROP TABLE activity; --", "\x00", "widow\x00allowance", "\ud800", "a\udfffb",
    "\u0301", "\u09cd", "\u09cd\u09cd\u09cd", "\u200d", "\u200c\u200d", "\u202e widow",
    "😀", "widow 😀 ভাতা", "%", "_", "\\", "\\\"", "\t\n\r", "。", "।॥",
    "a" * 10_000, "widow " * 2_000, "মন্ত্রণালয়" * 1_000, '"' * 10_000, "(" * 10_000,
    "NEAR(" * 2_000, "* " * 5_000,
]


def only_quoted_strings_and_operators(expression: str) -> bool:
    """After removing the quoted strings, only AND, OR, brackets and prefix stars are left."""
    rest = re.sub(r'"(?:[^"]|"")*"', "", expression)
    return re.fullmatch(r"[\s()*]*((AND|OR)[\s()*]*)*", rest) is not None


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_never_raise(plan, query):
    with plan.db.reader() as s:
        result = search(s, query, as_of=AS_OF)
    assert only_quoted_strings_and_operators(result.fts_query)
    assert result.total >= len(result.hits)


def test_syntax_alone_finds_nothing_rather_than_everything(plan):
    for query in ["*", '"', "OR", "-", "\u0301", "\u09cd", "\u200d", "😀", "(", "NEAR("]:
        with plan.db.reader() as s:
            result = search(s, query, as_of=AS_OF)
        if query in ("OR", "NEAR("):  # ordinary words once quoted; absent from the plan
            assert result.fts_query and result.total == 0
        else:
            assert (result.fts_query, result.total) == ("", 0), query


def test_operators_are_words_not_syntax(plan):
    with plan.db.reader() as s:
        assert search(s, "widow OR pension", as_of=AS_OF).total == 0  # "or" is not in a2
        assert search(s, "widow -allowance", as_of=AS_OF).total == 1  # "-" is not NOT


def test_the_expression_quotes_each_word_and_prefixes_the_last():
    assert fts_query("widow allowance") == '"widow" AND "allowance"*'
    assert fts_query("widow allowance ") == '"widow" AND "allowance"'
    assert fts_query('NEAR("a" b) OR c*') == '"NEAR" AND "a" AND "b" AND "OR" AND "c"'
    assert fts_query("  ,.;!? ") == ""


def test_a_short_last_word_is_not_a_prefix():
    """One or two typed characters would match (and rank) a large part of the plan."""
    assert fts_query("p") == '"p"'
    assert fts_query("widow al") == '"widow" AND "al"'
    assert fts_query("ভা") == '"ভা"'
    assert fts_query("ভাত") == '"ভাত"*'


def test_repeated_words_count_once_and_long_input_is_bounded():
    assert fts_query("pen pen pen") == '"pen"'
    found, _ = words(" ".join(f"w{i}" for i in range(100)))
    assert len(found) == MAX_TERMS
    long_word = fts_query("x" * 500)
    assert long_word == '"' + "x" * 64 + '"*'  # searched by its start


def test_bangla_words_are_searched_in_each_spelling():
    assert set(spellings("বয়স্ক")) == {"বয়স্ক", "ব\u09dfস্ক"}
    assert set(spellings("কো")) == {"কো", "ক\u09c7\u09be"}
    assert set(spellings("র\u200d্যাব")) >= {"র\u200d্যাব", "র্যাব"}
    assert spellings("widow") == ["widow"]


def expression_parses(expression: str) -> None:
    conn = sqlcipher.connect(":memory:")
    conn.execute(f'CREATE VIRTUAL TABLE t USING fts5(x, tokenize = "{search_index.TOKENIZE}")')
    conn.execute("INSERT INTO t (x) VALUES ('widow ভাতা')")
    conn.execute("SELECT count(*) FROM t WHERE t MATCH ?", (expression,)).fetchone()


FRAGMENTS = st.sampled_from([
    '"', "'", "*", "-", "+", ":", "^", "(", ")", "{", "}", " ", "OR", "AND", "NOT", "NEAR",
    "NEAR(", ",", "widow", "ভাতা", "মন্ত্র", "\u09cd", "\u09bc", "\u200d", "\u0301", "য়", "\x00",
    "\\", "😀", "1", "১",
])


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=200), st.lists(FRAGMENTS, max_size=40).map("".join)))
def test_any_text_gives_a_valid_safe_expression(query):
    expression = fts_query(query)
    assert only_quoted_strings_and_operators(expression)
    if expression:
        expression_parses(expression)


@settings(max_examples=150, deadline=None)
@given(st.lists(FRAGMENTS, max_size=30).map("".join))
def test_any_text_searches_without_error(plan, query):
    with plan.db.reader() as s:
        result = search(s, query, as_of=AS_OF, limit=5)
    assert result.total >= len(result.hits)
