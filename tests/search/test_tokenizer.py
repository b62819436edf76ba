"""Bangla words must reach the index whole. SQLite's default `unicode61` tokenizer counts only
letters, digits and private-use characters as word characters, so it cuts Bangla at every vowel
sign, virama and nukta (Unicode category M*); the index adds M* to the word characters. These
tests pin both facts, so an SQLite upgrade that changes either shows up here."""

from __future__ import annotations

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import text

from nsss_desktop.store import search_index

# Conjuncts (ন্ত্র, ন্ধ, স্ক, ক্ষ, জ্ঞ), pre-base and split vowel signs (ি, ে, ো), nukta (য়),
# chandrabindu.
BANGLA_WORDS = ["মন্ত্রণালয়", "প্রতিবন্ধী", "বয়স্ক", "বিধবা", "ভাতা", "সুরক্ষা", "বিজ্ঞপ্তি",
                "কর্মসূচি", "উপবৃত্তি", "স্বাস্থ্য", "পৌরসভা", "চাঁদপুর", "১০০০"]


def vocabulary(tokenize: str, *documents: str) -> set[str]:
    conn = sqlcipher.connect(":memory:")
    conn.execute(f'CREATE VIRTUAL TABLE t USING fts5(x, tokenize = "{tokenize}")')
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')")
    conn.executemany("INSERT INTO t (x) VALUES (?)", [(d,) for d in documents])
    return {row[0] for row in conn.execute("SELECT term FROM v")}


def test_default_unicode61_cuts_bangla_words_apart():
    terms = vocabulary("unicode61 remove_diacritics 2", "মন্ত্রণালয় প্রতিবন্ধী")
    assert "মন্ত্রণালয়" not in terms and "প্রতিবন্ধী" not in terms
    assert {"মন", "রণ", "লয"} <= terms  # the pieces between the marks


def test_index_tokenizer_keeps_every_bangla_word_whole():
    assert vocabulary(search_index.TOKENIZE, " ".join(BANGLA_WORDS)) == set(BANGLA_WORDS)


def test_index_tokenizer_still_folds_latin_case_and_accents():
    terms = vocabulary(search_index.TOKENIZE, "Café NAÏVE cafe\u0301s Programme")
    assert terms == {"cafe", "naive", "cafes", "programme"}


def test_punctuation_and_spaces_still_separate_bangla_words():
    terms = vocabulary(search_index.TOKENIZE, "বয়স্ক-ভাতা, বিধবা।প্রতিবন্ধী (ভাতা)")
    assert terms == {"বয়স্ক", "ভাতা", "বিধবা", "প্রতিবন্ধী"}


def test_the_database_index_holds_whole_bangla_words(plan):
    """The migrated index uses this tokenizer: its own vocabulary has the words whole."""
    with plan.db.engine.connect() as conn:
        conn.exec_driver_sql("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, reform_fts, "
                             "'row')")
        terms = set(conn.exec_driver_sql("SELECT term FROM temp.vocab").scalars())
        sql = conn.scalar(text("SELECT sql FROM sqlite_master WHERE name = 'reform_fts'"))
        conn.exec_driver_sql("DROP TABLE temp.vocab")
    assert search_index.TOKENIZE in sql
    assert {"মন্ত্রণালয়", "প্রতিবন্ধী", "বয়স্ক", "বিধবা", "ভাতা", "১০০০"} <= terms
    assert not {"মন", "রণ", "লয"} & terms
