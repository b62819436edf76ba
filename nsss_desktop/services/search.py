"""Full-text search of the Action Plan in English and Bangla, over the FTS5 index.

What a user types is never passed to FTS5 as query syntax: `fts_query()` keeps only the words
(letters, digits and combining marks, the same characters the index tokenizer keeps), quotes
each one, ANDs them together and makes the last word a prefix while it is still being typed.
So quotes, `NEAR(`, `*`, `-`, `:`, `OR`, brackets or a pasted page of text can never raise a
syntax error or widen the search; a query with no word in it finds nothing.

Bangla is written with more than one valid sequence of code points for the same word: য় ড় ঢ়
exist precomposed (U+09DF…) and as letter + nukta (which is what NFC gives), and ো ৌ as one
code point or two. Keyboards and converters differ, so each Bangla word is searched in all its
spellings (`("…" OR "…")`); the index keeps the text exactly as it was written.

Ranking is FTS5's bm25 (`ORDER BY rank`, done inside FTS5, so snippets are made only for the
page shown). Filters narrow by the activity a hit belongs to; a hit on an objective has no
activity, so it appears only without the ministry, status and due-date filters.
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
from nsss_desktop.store.search_index import FTS_TABLE, TEXT_COLUMN

MARK_START = "«"  # highlighted words in a snippet are wrapped in these
MARK_END = "»"
ELLIPSIS = "…"
SNIPPET_TOKENS = 16
MAX_QUERY_CHARS = 1000  # a longer paste is cut here: nobody types more, and FTS5 need not parse it
MAX_TERMS = 16
MAX_TERM_CHARS = 64  # a longer word is searched by its first 64 characters, as a prefix
MAX_LIMIT = 500

_JOINERS = {"\u200c", "\u200d"}  # ZWNJ, ZWJ: part of how some Bangla words are spelled
_NUKTA_COMPOSED = {"\u09a1\u09bc": "\u09dc", "\u09a2\u09bc": "\u09dd", "\u09af\u09bc": "\u09df"}


@dataclass(frozen=True)
class SearchHit:
    """One matching row. `snippet` marks matched words with MARK_START/MARK_END; `score` is
    bm25 (lower is better); `status` is the activity's derived status on `as_of`."""

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
    status: str | None


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
    for ch in query + " ":
        if _is_word_char(ch):
            current.append(ch)
            continue
        word = "".join(current).strip("".join(_JOINERS))
        current = []
        if word and _has_base(word):
            found.append(word)
    prefix_last = bool(query) and _is_word_char(query[-1])
    if prefix_last and found and found[-1] in found[:-1]:
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


def _filters(params: dict[str, Any], *, plan_id: str | None, ministry_id: str | None,
             cluster_id: str | None, due_from: date | None, due_to: date | None,
             activity_ids: list[str] | None) -> list[str]:
    where = []
    if plan_id is not None:
        where.append(f"{FTS_TABLE}.plan_id = :plan_id")
        params["plan_id"] = plan_id
    if ministry_id is not None:
        where.append("(a.responsible_ministry_id = :ministry_id OR EXISTS (SELECT 1 FROM "
                     "activity_shared_ministry AS sm WHERE sm.activity_id = a.id "
                     "AND sm.ministry_id = :ministry_id))")
        params["ministry_id"] = ministry_id
    if cluster_id is not None:
        where.append("o.cluster_id = :cluster_id")
        params["cluster_id"] = cluster_id
    if due_from is not None:
        where.append("a.due_date >= :due_from")
        params["due_from"] = due_from.isoformat()
    if due_to is not None:
        where.append("a.due_date <= :due_to")
        params["due_to"] = due_to.isoformat()
    if activity_ids is not None:
        where.append(f"{FTS_TABLE}.activity_id IN (SELECT value FROM json_each(:activity_ids))")
        params["activity_ids"] = json.dumps(activity_ids)
    return where


_FROM = (
    f"FROM {FTS_TABLE} "
    f"LEFT JOIN activity AS a ON a.id = {FTS_TABLE}.activity_id "
    f"LEFT JOIN objective AS o ON o.id = CASE WHEN {FTS_TABLE}.kind = 'objective' "
    f"THEN {FTS_TABLE}.ref_id ELSE a.objective_id END "
)


def _where(conditions: list[str]) -> str:
    return f"WHERE {FTS_TABLE} MATCH :q" + "".join(f" AND {c}" for c in conditions)


def search(session: Session, query: str, *, as_of: date, plan_id: str | None = None,
           ministry_id: str | None = None, cluster_id: str | None = None,
           status: str | Collection[str] | None = None, due_from: date | None = None,
           due_to: date | None = None, limit: int = 50, offset: int = 0) -> SearchResult:
    """Find objectives, activities, indicators, comments, status notes and evidence titles.

    Args:
        query: what the user typed, in English, Bangla or both; never FTS5 syntax.
        as_of: the date for the derived status (the status filter and each hit's `status`).
        plan_id, cluster_id: the hit's plan; the cluster of its objective.
        ministry_id: the activity's responsible (lead) or a sharing ministry.
        status: one ActivityStatus value or several, as derived on `as_of`.
        due_from, due_to: the activity's due date, both ends included (recurring activities
            have none, so a due-date filter leaves them out).
        limit, offset: the page of hits, best first.
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

    params: dict[str, Any] = {"q": expression}
    filters = {"plan_id": plan_id, "ministry_id": ministry_id, "cluster_id": cluster_id,
               "due_from": due_from, "due_to": due_to}
    allowed = None
    if wanted is not None:
        allowed = _with_status(session, expression, filters, wanted, as_of)
        if not allowed:
            return SearchResult(query, expression, 0, [], offset)
    where = _where(_filters(params, **filters, activity_ids=allowed))

    rows = session.execute(text(
        f"SELECT {FTS_TABLE}.kind, {FTS_TABLE}.ref_id, {FTS_TABLE}.activity_id, a.number, "
        f"a.text_en, a.text_bn, o.id, o.number, {FTS_TABLE}.plan_id, "
        f"snippet({FTS_TABLE}, {TEXT_COLUMN}, :m1, :m2, :ell, {SNIPPET_TOKENS}), "
        f"bm25({FTS_TABLE}) {_FROM}{where} ORDER BY rank LIMIT :limit OFFSET :offset"),
        {**params, "m1": MARK_START, "m2": MARK_END, "ell": ELLIPSIS, "limit": limit,
         "offset": offset}).all()
    if offset == 0 and len(rows) < limit:
        total = len(rows)
    else:
        total = session.execute(text(f"SELECT count(*) {_FROM}{where}"), params).scalar_one()

    ids = {r[2] for r in rows if r[2] is not None}
    statuses = current_statuses(session, as_of, ids) if ids else {}
    hits = [SearchHit(kind=r[0], ref_id=r[1], activity_id=r[2], activity_number=r[3],
                      activity_text_en=r[4], activity_text_bn=r[5], objective_id=r[6],
                      objective_number=r[7], plan_id=r[8], snippet=r[9], score=r[10],
                      status=statuses[r[2]].status if r[2] in statuses else None)
            for r in rows]
    return SearchResult(query, expression, total, hits, offset)


def _with_status(session: Session, expression: str, filters: dict[str, Any],
                 wanted: set[str], as_of: date) -> list[str]:
    """The activities among the hits whose derived status on `as_of` is one of `wanted`.

    Status is derived from the event history (reform_status), never stored, so it is worked
    out for the matching activities only, by the one rule the rest of the app uses.
    """
    params: dict[str, Any] = {"q": expression}
    where = _where(_filters(params, **filters, activity_ids=None))
    candidates = session.scalars(text(
        f"SELECT DISTINCT {FTS_TABLE}.activity_id {_FROM}{where} "
        f"AND {FTS_TABLE}.activity_id IS NOT NULL"), params).all()
    if not candidates:
        return []
    statuses = current_statuses(session, as_of, candidates)
    return sorted(a for a, s in statuses.items() if s.status in wanted)
