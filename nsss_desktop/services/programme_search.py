"""Find programmes by code, name (English or Bangla), ministry, cluster, life cycle or target group.

Why a scan in memory and not the FTS5 index the Action Plan search uses: the register holds a
few hundred programmes at most (about 140 nationally), each with a handful of short fields.
Reading them (one catalogue load, a few small queries) and comparing normalised text takes a
few milliseconds (8 ms on the demo data, nearly all of it the catalogue load), needs no index
to keep in step with every edit or sync, and does what FTS5 cannot do simply: spacing-
insensitive matches ("oldage" finds "Old Age", "BEDE ALW" the code BEDE_ALW), matches inside
a code or name ("backward" in BEDE_BACKWARD_ALW) and a ranking by *which* field matched.

Text is compared after normalisation: Unicode NFC (so the precomposed and the nukta spellings
of য় ড় ঢ়, and both spellings of ো ৌ, become one), joiners (ZWJ, ZWNJ) removed, case folded,
and accents on Latin letters dropped (Bangla vowel signs are kept: they are letters). Words are
split like the Action Plan search does (`search.words`), so punctuation never matters.

Every query word must match the start of a word in some field of the programme. Ranking, best
first: the exact code; a name that starts with the query; the query's words all in the name;
any other field (code prefix, ministry names and codes, cluster, life cycle, target group).
Ties go by programme code.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy.orm import Session

from nsss_desktop.services import programme_catalogue
from nsss_desktop.services.search import words

MAX_LIMIT = 500
_JOINERS = {"\u200c", "\u200d"}  # ZWNJ, ZWJ: spelling variants, never meaning
EXACT_CODE, NAME_PREFIX, NAME_WORDS, OTHER_FIELD = range(4)
# Fields in the order a match in them is reported when several match equally well.
FIELDS = ("code", "name_en", "name_bn", "lead_ministry", "ministry", "cluster", "life_cycle",
          "target_group")


@dataclass(frozen=True)
class ProgrammeHit:
    """One programme found; `field` names where the query matched and `matched` its text."""

    programme_id: str
    code: str
    name_en: str
    name_bn: str
    lead_ministry: str
    cluster: str
    field: str
    matched: str
    rank: int  # EXACT_CODE, NAME_PREFIX, NAME_WORDS or OTHER_FIELD


def normalise(text: str) -> str:
    """Comparable form: NFC, no joiners, case folded, Latin accents dropped."""
    text = "".join(ch for ch in unicodedata.normalize("NFC", text) if ch not in _JOINERS)
    out = []
    for ch in unicodedata.normalize("NFD", text.casefold()):
        if unicodedata.combining(ch) and out and out[-1].isascii():
            continue  # an accent on a Latin letter; Bangla signs follow Bangla letters
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    """The normalised words of `text` (a pure function of the text, so cached: a register's
    names rarely change, and a search then costs the comparisons only)."""
    found, _ = words(normalise(text))
    return tuple(normalise(w) for w in found)


@dataclass(frozen=True)
class _Field:
    name: str
    text: str
    words: tuple[str, ...]
    compact: str


def _fields(cat: programme_catalogue.Catalogue, pid: str) -> list[_Field]:
    p = cat.programmes[pid]
    lead = cat.ministries.get(p.lead_ministry_id or "")
    cluster = cat.clusters.get(p.cluster_id or "")
    texts: list[tuple[str, str]] = [("code", p.code), ("name_en", p.name_en),
                                    ("name_bn", p.name_bn or "")]
    for ministry_id in sorted(cat.implementers.get(pid, ()),
                              key=lambda m: m != p.lead_ministry_id):
        m = cat.ministries[ministry_id]
        name = "lead_ministry" if m is lead else "ministry"
        texts += [(name, m.name_en), (name, m.name_bn or ""), (name, m.code)]
    if cluster is not None:
        texts += [("cluster", cluster.name_en), ("cluster", cluster.name_bn or ""),
                  ("cluster", cluster.code)]
    for stage_id in sorted(cat.stages_of.get(pid, ())):
        stage = cat.stages[stage_id]
        texts += [("life_cycle", stage.name_en), ("life_cycle", stage.name_bn or "")]
    texts.append(("target_group", p.target_group or ""))
    return [_Field(name, text, _words(text), "".join(_words(text)))
            for name, text in texts if text]


def _match(query: tuple[str, ...], compact: str, fields: list[_Field]) -> tuple[int, _Field] | None:
    """The best (rank, field) for this programme, or None if some query word is nowhere."""
    best: tuple[int, int, _Field] | None = None

    def offer(rank: int, f: _Field) -> None:
        nonlocal best
        key = (rank, FIELDS.index(f.name))
        if best is None or key < best[:2]:
            best = (*key, f)

    for f in fields:
        if f.name == "code" and f.compact == compact:
            offer(EXACT_CODE, f)
        elif f.name.startswith("name") and f.compact.startswith(compact):
            offer(NAME_PREFIX, f)
        elif f.name.startswith("name") and all(any(w.startswith(q) for w in f.words)
                                               for q in query):
            offer(NAME_WORDS, f)
        elif all(any(w.startswith(q) for w in f.words) for q in query) or \
                (len(compact) >= 3 and compact in f.compact):
            offer(OTHER_FIELD, f)
    if best is not None:
        return best[0], best[2]
    # The words may be spread over several fields ("social old": a ministry and a name).
    if all(any(w.startswith(q) for f in fields for w in f.words) for q in query):
        f = next(f for f in fields if any(w.startswith(query[0]) for w in f.words))
        return OTHER_FIELD, f
    return None


def search_programmes(session: Session, query: str, *, limit: int = 50) -> list[ProgrammeHit]:
    """Programmes matching every word of `query`, best first (see the module docstring).

    Published national budget lines are registered as programmes too and are found like any
    other. An empty query (or one without a letter or digit) finds nothing.
    """
    query_words = _words(query)
    if not query_words or limit <= 0:
        return []
    compact = "".join(query_words)
    cat = programme_catalogue.load(session)
    hits: list[ProgrammeHit] = []
    for pid, p in cat.programmes.items():
        found = _match(query_words, compact, _fields(cat, pid))
        if found is None:
            continue
        rank, f = found
        lead = cat.ministries.get(p.lead_ministry_id or "")
        cluster = cat.clusters.get(p.cluster_id or "")
        hits.append(ProgrammeHit(pid, p.code, p.name_en, p.name_bn or "",
                                 lead.name_en if lead else "", cluster.name_en if cluster else "",
                                 f.name, f.text, rank))
    hits.sort(key=lambda h: (h.rank, FIELDS.index(h.field), h.code))
    return hits[:min(limit, MAX_LIMIT)]
