"""Full-text search of the Action Plan in English and Bangla, over the FTS5 index.

What a user types is never passed to FTS5 as query syntax: `fts_query()` keeps only the words
(letters, digits and combining marks, the same characters the index tokenizer keeps), quotes
each one, ANDs them together and makes the last word a prefix while it is still being typed
(when it has at least three characters). So quotes, `NEAR(`, `*`, `-`, `:`, `OR`, brackets or
a pasted page of text can never raise a syntax error or widen the search; a query with no word
in it finds nothing.

Bangla is written with more than one valid sequence of code points for the same word: য় ড় ঢ়
exist precomposed (U+09DF…) and as letter + nukta (which is what NFC gives), and ো ৌ as one
code point or two. Keyboards and converters differ, so each Bangla word is searched in all its
spellings (`("…" OR "…")`); the index keeps the text exactly as it was written.

Ranking is FTS5's bm25, best first, and snippets are made only for the page shown. FTS5 ranks
every match whatever the page size, so the cost follows the number of matches: a search first
counts them (cheap) and picks the faster of two plans (see ONE_PASS_MAX). Filters narrow by the
activity a hit belongs to; a hit on an objective has no activity, so it appears only without
the ministry, status and due-date filters. The status filter derives the status of every
matching activity (reform_status), which is the slow part of a broad filtered search.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from nsss_desktop.domain.enums import ActivityStatus
from nsss_desktop.errors import UsageError
from nsss_desktop.services.reform_status import current_statuses
from nsss_desktop.store.search_index import FTS_TABLE, KEY_TABLE, TEXT_COLUMN

MARK_START = "«"  # highlighted words in a snippet are wrapped in these
MARK_END = "»"
ELLIPSIS = "…"
SNIPPET_TOKENS = 16
MAX_QUERY_CHARS = 1000  # a longer paste is cut here: nobody types more, and FTS5 need not parse it
MAX_TERMS = 16
MAX_TERM_CHARS = 64  # a longer word is searched by its first 64 characters, as a prefix
# A last word shorter than this is matched whole, not as a prefix: "ভা"* or "p"* would match a
# large part of the plan and rank all of it, on every key press, to show nothing useful.
MIN_PREFIX_CHARS = 3
MAX_LIMIT = 500
# Up to this many matches FTS5 ranks and snips in one pass (ORDER BY rank) and filters row by
# row. Above it, FTS5's own rank sort costs 1.2-5× more than sorting bm25() in SQLite (more
# with cipher_memory_security on; bench/search_bench.py), and joining every match to test a
# filter costs more than building the set of rows that pass: so rank with SQLite's sorter,
# filter by set, and snip the page in a second pass.
ONE_PASS_MAX = 2_000

_JOINERS = {"\u200c", "\u200d"}  # ZWNJ, ZWJ: part of how some Bangla words are spelled
_NUKTA_COMPOSED = {"\u09a1\u09bc": "\u09dc", "\u09a2\u09bc": "\u09dd", "\u09af\u09bc": "\u09df"}


@dataclass(frozen=True)
class SearchHit:
    """One matching row. `snippet` marks matched words with MARK_START/MARK_END; `score` is
    bm25 (lower is better). The activity's status is not included: it is derived from the
    event history, and a view shows it for the rows on screen with
    `reform_status.current_statuses` (about as costly as the search itself)."""

    kind: str  # objective, activity, indicator, comment, status_event, evidence
    ref_id: str
    activity_id: str | None
    activity_number: str | None
    activity_text_en: str | None
    activity_text_bn: str | None
    objective_id: str | None
    objective_number: str | None
    plan_id: str | None
    snippet: str
    score: float


@dataclass(frozen=True)
class SearchResult:
    query: str  # as typed
    fts_query: str  # what was given to FTS5 ('' when the query had no word in it)
    total: int  # all hits that pass the filters; `hits` is the page [offset, offset + limit)
    hits: list[SearchHit] = field(default_factory=list)
    offset: int = 0

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.hits) < self.total


# --- query text -> safe FTS5 expression ---------------------------------------------------------


def _is_word_char(ch: str) -> bool:
    """The characters the index tokenizer keeps in a word (L*, N*, M*, Co), plus the joiners."""
    category = unicodedata.category(ch)
    return category[0] in "LNM" or category == "Co" or ch in _JOINERS


def _has_base(term: str) -> bool:
    """A word needs a letter or digit: marks or joiners alone fold to an empty token, and an
    empty prefix would match every row."""
    return any(unicodedata.category(ch)[0] in "LN" or unicodedata.category(ch) == "Co"
               for ch in term)


def words(query: str) -> tuple[list[str], bool]:
    """Split typed text into words; say whether the last one is still being typed (a prefix)."""
    query = unicodedata.normalize("NFC", query[:MAX_QUERY_CHARS])
    found: list[str] = []
    current: list[str] = []
    typing = False  # the query ends inside a word that was kept
    for ch in query + " ":
        if _is_word_char(ch):
            current.append(ch)
            continue
        word = "".join(current).strip("".join(_JOINERS))
        current = []
        typing = bool(word) and _has_base(word)
        if typing:
            found.append(word)
    prefix_last = typing and _is_word_char(query[-1]) and len(found[-1]) >= MIN_PREFIX_CHARS
    if prefix_last and found[-1] in found[:-1]:
        found.pop()  # "pen pen" means "pen": the exact word already implies the prefix
        prefix_last = False
    unique = list(dict.fromkeys(found))
    return unique[:MAX_TERMS], prefix_last and len(unique) <= MAX_TERMS


def spellings(word: str) -> list[str]:
    """The equivalent ways of writing `word` (first: its NFC form)."""
    out = [word]
    if any("\u0980" <= ch <= "\u09ff" for ch in word):
        decomposed = unicodedata.normalize("NFD", word)
        for form in (word, decomposed):
            composed = form
            for seq, single in _NUKTA_COMPOSED.items():
                composed = composed.replace(seq, single)
            out += [form, composed]
    if any(ch in _JOINERS for ch in word):
        out += ["".join(ch for ch in form if ch not in _JOINERS) for form in list(out)]
    return list(dict.fromkeys(out))


def fts_query(query: str) -> str:
    """Turn what a user typed into a safe FTS5 expression; '' when there is nothing to find."""
    found, prefix_last = words(query)
    parts = []
    for i, word in enumerate(found):
        prefix = len(word) > MAX_TERM_CHARS or (prefix_last and i == len(found) - 1)
        star = "*" if prefix else ""
        forms = [f'"{f[:MAX_TERM_CHARS].replace(chr(34), chr(34) * 2)}"{star}'
                 for f in spellings(word)]
        parts.append(forms[0] if len(forms) == 1 else "(" + " OR ".join(forms) + ")")
    return " AND ".join(parts)


# --- the search ---------------------------------------------------------------------------------

_F, _K = FTS_TABLE, KEY_TABLE
# Hits are labelled and filtered through the compact key table, joined on the FTS rowid. CROSS
# JOIN keeps the full-text match as the outer loop: the planner may never start from a table.
_KEY = f"CROSS JOIN {_K} AS k ON k.id = {_F}.rowid "
_ACTIVITY = "LEFT JOIN activity AS a ON a.id = k.activity_id "
_OBJECTIVE = ("LEFT JOIN objective AS o ON o.id = CASE WHEN k.kind = 'objective' "
              "THEN k.ref_id ELSE a.objective_id END ")


@dataclass
class _Filter:
    """The joins and conditions that the given filters need (none for an unfiltered search)."""

    joins: str = ""
    where: str = ""
    params: dict[str, Any] = field(default_factory=dict)


def _filter(*, plan_id: str | None, ministry_id: str | None, cluster_id: str | None,
            due_from: date | None, due_to: date | None, activity_ids: list[str] | None,
            as_set: bool = False) -> _Filter:
    """Filter the matches row by row (join each match to its key, activity and objective), or,
    with `as_set`, against the set of index rows of the activities that pass, built once
    from the small tables: far cheaper when thousands of matches meet a selective filter."""
    params: dict[str, Any] = {}
    activity: list[str] = []  # conditions on a (activity), o (its objective) and k (key)
    if activity_ids is not None:
        activity.append("k.activity_id IN (SELECT value FROM json_each(:activity_ids))")
        params["activity_ids"] = json.dumps(activity_ids)
    if ministry_id is not None:
        activity.append("(a.responsible_ministry_id = :ministry_id OR a.id IN (SELECT "
                        "sm.activity_id FROM activity_shared_ministry AS sm "
                        "WHERE sm.ministry_id = :ministry_id))")
        params["ministry_id"] = ministry_id
    if due_from is not None:
        activity.append("a.due_date >= :due_from")
        params["due_from"] = due_from.isoformat()
    if due_to is not None:
        activity.append("a.due_date <= :due_to")
        params["due_to"] = due_to.isoformat()
    shared: list[str] = []  # conditions that objective hits can meet too
    if plan_id is not None:
        shared.append("k.plan_id = :plan_id")
        params["plan_id"] = plan_id
    if cluster_id is not None:
        shared.append("o.cluster_id = :cluster_id")
        params["cluster_id"] = cluster_id
    conditions = activity + shared
    if not conditions:
        return _Filter()
    if as_set and (activity or cluster_id is not None):
        every = " AND ".join(conditions)
        rows = (f"SELECT k.id FROM activity AS a CROSS JOIN {_K} AS k ON k.activity_id = a.id "
                f"LEFT JOIN objective AS o ON o.id = a.objective_id WHERE {every}")
        if not activity:  # objectives themselves match a cluster or plan filter
            rows += (f" UNION ALL SELECT k.id FROM objective AS o CROSS JOIN {_K} AS k "
                     f"ON k.kind = 'objective' AND k.ref_id = o.id WHERE {' AND '.join(shared)}")
        return _Filter("", f" AND +{_F}.rowid IN ({rows})", params)
    needs_o = cluster_id is not None
    needs_a = needs_o or any(v is not None for v in (ministry_id, due_from, due_to))
    joins = _KEY + (_ACTIVITY if needs_a else "") + (_OBJECTIVE if needs_o else "")
    return _Filter(joins, "".join(f" AND {c}" for c in conditions), params)


def search(session: Session, query: str, *, as_of: date, plan_id: str | None = None,
           ministry_id: str | None = None, cluster_id: str | None = None,
           status: str | Collection[str] | None = None, due_from: date | None = None,
           due_to: date | None = None, limit: int = 50, offset: int = 0) -> SearchResult:
    """Find objectives, activities, indicators, comments, status notes and evidence titles.

    Args:
        query: what the user typed, in English, Bangla or both; never FTS5 syntax.
        as_of: the date on which the derived status is taken (for the status filter).
        plan_id, cluster_id: the hit's plan; the cluster of its objective.
        ministry_id: the activity's responsible (lead) or a sharing ministry.
        status: one ActivityStatus value or several, as derived on `as_of`.
        due_from, due_to: the activity's due date, both ends included (recurring activities
            have none, so a due-date filter leaves them out).
        limit, offset: the page of hits, best first.

    Raises:
        UsageError: an unknown status, or a page size outside 1..500 or a negative offset.
    """
    if not 1 <= limit <= MAX_LIMIT or offset < 0:
        raise UsageError("Ask for 1 to 500 results from a position of 0 or more.",
                         hint="Change the page size or the page.")
    wanted = None
    if status is not None:
        wanted = {status} if isinstance(status, str) else set(status)
        unknown = wanted - {s.value for s in ActivityStatus}
        if unknown:
            raise UsageError(f"Unknown status '{sorted(unknown)[0]}'.",
                             hint="Use one of: " + ", ".join(s.value for s in ActivityStatus))
    expression = fts_query(query)
    if not expression:
        return SearchResult(query, expression, 0, [], offset)
    filters = {"plan_id": plan_id, "ministry_id": ministry_id, "cluster_id": cluster_id,
               "due_from": due_from, "due_to": due_to}
    allowed = None
    if wanted is not None:
        allowed = _with_status(session, expression, _filter(**filters, activity_ids=None),
                               wanted, as_of)
        if not allowed:
            return SearchResult(query, expression, 0, [], offset)
    # Counting only walks the match lists, with no join: cheap, and it tells how costly
    # ranking and row-by-row filtering will be (FTS5 ranks every match, filtered or not).
    matches = session.execute(text(f"SELECT count(*) FROM {_F} WHERE {_F} MATCH :q"),
                              {"q": expression}).scalar_one()
    f = _filter(**filters, activity_ids=allowed, as_set=matches > ONE_PASS_MAX)
    params = {"q": expression, **f.params}

    def filtered_total() -> int:
        return session.execute(text(
            f"SELECT count(*) FROM {_F} {f.joins}WHERE {_F} MATCH :q{f.where}"),
            params).scalar_one()

    if offset >= matches:
        return SearchResult(query, expression, filtered_total() if f.where else matches, [],
                            offset)
    page = {"limit": limit, "offset": offset, "m1": MARK_START, "m2": MARK_END, "ell": ELLIPSIS}
    columns = (f"{_F}.rowid, snippet({_F}, {TEXT_COLUMN}, :m1, :m2, :ell, {SNIPPET_TOKENS}), "
               "k.kind, k.ref_id, k.activity_id, k.plan_id, a.number, a.text_en, a.text_bn, "
               "o.id, o.number")
    if matches <= ONE_PASS_MAX:
        # Few matches: FTS5 ranks them itself (ORDER BY rank) and makes the page's snippets
        # in the same pass, as the bare MATCH query would.
        rows = session.execute(text(
            f"SELECT {columns}, rank FROM {_F} {_KEY}{_ACTIVITY}{_OBJECTIVE}"
            f"WHERE {_F} MATCH :q{f.where} ORDER BY rank LIMIT :limit OFFSET :offset"),
            {**params, **page}).all()
    else:
        # Many matches: FTS5's ORDER BY rank costs several times more than sorting bm25() in
        # SQLite (bench/search_bench.py), so rank that way, then snip the page only.
        ranked = session.execute(text(
            f"SELECT {_F}.rowid, bm25({_F}) AS score FROM {_F} {f.joins}"
            f"WHERE {_F} MATCH :q{f.where} ORDER BY score LIMIT :limit OFFSET :offset"),
            {**params, **page}).all()
        rows = _page(session, expression, columns, page, ranked) if ranked else []
    if not f.where:
        total = matches
    elif offset == 0 and len(rows) < limit:
        total = len(rows)
    else:
        total = filtered_total()
    hits = [SearchHit(kind=r[2], ref_id=r[3], activity_id=r[4], activity_number=r[6],
                      activity_text_en=r[7], activity_text_bn=r[8], objective_id=r[9],
                      objective_number=r[10], plan_id=r[5], snippet=r[1], score=r[11])
            for r in rows]
    return SearchResult(query, expression, total, hits, offset)


def _page(session: Session, expression: str, columns: str, page: dict[str, Any],
          ranked: list[Any]) -> list[tuple]:
    """Snippets and labels of the ranked rows, in rank order: one pass over the match, limited
    to the page's rowid range (running the match once per row is slow for prefix words)."""
    rowids = [r[0] for r in ranked]
    details = {r[0]: r for r in session.execute(text(
        f"SELECT {columns} FROM {_F} {_KEY}{_ACTIVITY}{_OBJECTIVE}"
        f"WHERE {_F} MATCH :q AND {_F}.rowid BETWEEN :lo AND :hi "
        f"AND +{_F}.rowid IN (SELECT value FROM json_each(:rowids))"),
        {"q": expression, **page, "lo": min(rowids), "hi": max(rowids),
         "rowids": json.dumps(rowids)})}
    return [(*details[rowid], score) for rowid, score in ranked]


def _with_status(session: Session, expression: str, f: _Filter, wanted: set[str],
                 as_of: date) -> list[str]:
    """The activities among the hits whose derived status on `as_of` is one of `wanted`.

    Status is derived from the event history (reform_status), never stored, so it is worked
    out for the matching activities only, by the one rule the rest of the app uses.
    """
    joins = f.joins or _KEY
    candidates = session.scalars(text(
        f"SELECT DISTINCT k.activity_id FROM {_F} {joins}WHERE {_F} MATCH :q{f.where} "
        f"AND k.activity_id IS NOT NULL"), {"q": expression, **f.params}).all()
    if not candidates:
        return []
    statuses = current_statuses(session, as_of, candidates)
    return sorted(a for a, s in statuses.items() if s.status in wanted)
