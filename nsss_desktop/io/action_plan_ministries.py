"""Read ministry names as the plan tables write them, into ministry ids.

A cell may say "Ministry of Social Welfare", "সমাজকল্যাণ মন্ত্রণালয়", "MoSW", "Social
Welfare" or "Finance Division and MoWCA". Names are compared after dropping case, spaces and
punctuation (and a leading "Ministry of" / trailing "Division"), so retyped names still match;
a name that matches two ministries is reported as ambiguous rather than guessed. Several names
joined by " and " are split only where every part is a known ministry, because official names
contain "and" themselves ("Ministry of Women and Children Affairs").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from nsss_desktop.io.action_plan_layout import split_list

__all__ = ["ALIASES", "MinistryIndex", "MinistryRef", "Resolved"]

# Other ways offices write some ministries, by our ministry code (services/demo.py).
ALIASES: dict[str, tuple[str, ...]] = {
    "MoSW": ("Social Welfare", "Social Welfare Ministry", "MSW"),
    "FD": ("Finance Division", "Ministry of Finance", "MoF", "Finance Ministry", "অর্থ মন্ত্রণালয়"),
    "MoWCA": ("Women and Children Affairs", "MWCA"),
    "MoDMR": ("Disaster Management and Relief", "MDMR"),
    "MoPME": ("Primary and Mass Education", "MPME"),
    "MoFood": ("Ministry of Food", "Food Ministry", "MoFd"),
    "LGD": ("Local Government Division", "LGRD", "Local Government"),
    "MoLE": ("Labour and Employment", "MoLE"),
    "CabDiv": ("Cabinet Division", "Cabinet"),
    "GED": ("General Economics Division", "Planning Commission", "GED"),
    "RDCD": ("Rural Development and Cooperatives Division", "RDCD"),
    "FID": ("Financial Institutions Division", "FID"),
}
_CONNECTOR = re.compile(r"\s+(and|&|ও|এবং)\s+", re.I)
_PREFIXES = ("ministry of ", "the ministry of ", "the ")
_SUFFIXES = (" division", " ministry", " মন্ত্রণালয়", " বিভাগ")


@dataclass(frozen=True)
class MinistryRef:
    id: str
    code: str
    name_en: str
    name_bn: str | None = None
    short_name: str = ""


@dataclass
class Resolved:
    """The ministries one cell names, in order, and the parts that named none."""

    ids: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    ambiguous: dict[str, list[str]] = field(default_factory=dict)


def _key(text: str) -> str:
    """Letters, marks and digits only, casefolded; '&' reads as 'and'."""
    text = unicodedata.normalize("NFC", text).casefold().replace("&", "and")
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LMN")


def _variants(name: str) -> set[str]:
    base = unicodedata.normalize("NFC", name).casefold().strip()
    out = {base}
    for prefix in _PREFIXES:
        if base.startswith(prefix):
            out.add(base[len(prefix):])
    for text in list(out):
        for suffix in _SUFFIXES:
            if text.endswith(unicodedata.normalize("NFC", suffix)):
                out.add(text[: -len(suffix)])
    return {k for k in map(_key, out) if k}


class MinistryIndex:
    """Look-up of ministries by English or Bangla name, code, short name or alias."""

    def __init__(self, ministries: Iterable[MinistryRef]) -> None:
        self.by_id: dict[str, MinistryRef] = {}
        found: dict[str, set[str]] = {}
        for m in ministries:
            self.by_id[m.id] = m
            names = [m.name_en, m.code, m.short_name, m.name_bn or "", *ALIASES.get(m.code, ())]
            for name in filter(None, names):
                for key in _variants(name):
                    found.setdefault(key, set()).add(m.id)
        self._unique = {k: next(iter(v)) for k, v in found.items() if len(v) == 1}
        self._ambiguous = {k: sorted(v) for k, v in found.items() if len(v) > 1}
        self._cells: dict[str, Resolved] = {}  # a plan repeats the same few cells

    def lookup(self, text: str) -> str | None:
        """The id of the one ministry `text` names, or None."""
        return self._unique.get(_key(text))

    def resolve(self, cell: str) -> Resolved:
        """Every ministry a cell names (split on , ; newlines and, where needed, ' and ')."""
        if cell not in self._cells:
            self._cells[cell] = self._resolve(cell)
        found = self._cells[cell]
        return Resolved(list(found.ids), list(found.unknown), dict(found.ambiguous))

    def _resolve(self, cell: str) -> Resolved:
        result = Resolved()
        for part in split_list(cell):
            ids = self._split_on_and(part)
            if ids is None:
                key = _key(part)
                if key in self._ambiguous:
                    result.ambiguous[part] = [self.by_id[i].name_en for i in self._ambiguous[key]]
                else:
                    result.unknown.append(part)
                continue
            result.ids.extend(i for i in ids if i not in result.ids)
        return result

    def _split_on_and(self, part: str) -> list[str] | None:
        """The whole part as one name, else the fewest ' and '-joined names that all match."""
        pieces = _CONNECTOR.split(part)  # [text, connector, text, connector, text ...]
        words, joins = pieces[0::2], pieces[1::2]
        best: dict[int, list[str] | None] = {len(words): []}
        for start in range(len(words) - 1, -1, -1):
            best[start] = None
            for end in range(start + 1, len(words) + 1):
                rest = best[end]
                if rest is None:
                    continue
                name = words[start] + "".join(
                    f" {joins[i]} {words[i + 1]}" for i in range(start, end - 1))
                found = self.lookup(name)
                if found and (best[start] is None or len(rest) + 1 < len(best[start] or [])):
                    best[start] = [found, *rest]
        return best[0]
