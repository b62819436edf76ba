"""Exact number formatting and parsing for Bangladeshi conventions.

Budgets and beneficiary counts are shown with Indian/Bangladeshi digit grouping
(``12,34,567``) and, in the Bangla UI, with Bangla digits. Everything here works on
``int`` and ``Decimal`` only: floats would silently corrupt money, so they are rejected.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

__all__ = [
    "BANGLA_DIGITS",
    "LATIN_DIGITS",
    "format_decimal",
    "group_indian",
    "parse_decimal",
    "to_bangla_digits",
    "to_latin_digits",
]

BANGLA_DIGITS = "০১২৩৪৫৬৭৮৯"
LATIN_DIGITS = "0123456789"

_TO_BANGLA = str.maketrans(LATIN_DIGITS, BANGLA_DIGITS)
_TO_LATIN = str.maketrans(BANGLA_DIGITS, LATIN_DIGITS)

# Digits with optional comma groups (any grouping), optional fraction; or a bare fraction.
_NUMBER_RE = re.compile(r"[+-]?(?:[0-9]+(?:,[0-9]+)*(?:\.[0-9]*)?|\.[0-9]+)")
# Minus signs that spreadsheets and word processors substitute for ASCII "-".
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2012": "-", "\u2013": "-", "\ufe63": "-"})

_LANGS = ("en", "bn")


def to_bangla_digits(s: str) -> str:
    """Replace Latin digits with Bangla digits, leaving everything else untouched."""
    return s.translate(_TO_BANGLA)


def to_latin_digits(s: str) -> str:
    """Replace Bangla digits with Latin digits (inverse of :func:`to_bangla_digits`)."""
    return s.translate(_TO_LATIN)


def _check_int(n: object, name: str) -> int:
    """Return ``n`` if it is a real int; bools and floats are programming errors here."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"{name} must be an int, not {type(n).__name__}")
    return n


def _check_lang(lang: str) -> str:
    """Only English and Bangla are supported; anything else is a caller bug."""
    if lang not in _LANGS:
        raise ValueError(f"unsupported lang {lang!r}; expected one of {_LANGS}")
    return lang


def group_indian(n: int) -> str:
    """Group digits 3-2-2 as in Bangladesh: 12345678 -> "1,23,45,678"."""
    _check_int(n, "n")
    digits = str(abs(n))
    sign = "-" if n < 0 else ""
    if len(digits) <= 3:
        return sign + digits
    head, tail = digits[:-3], digits[-3:]
    groups: list[str] = []
    while len(head) > 2:
        groups.append(head[-2:])
        head = head[:-2]
    groups.append(head)
    return sign + ",".join(reversed(groups)) + "," + tail


def _exact(value: Decimal | int) -> Fraction:
    """Convert an int/Decimal to an exact Fraction, refusing floats and non-finite values."""
    if isinstance(value, bool):
        raise TypeError("bool is not a number here")
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"cannot format non-finite value {value}")
        return Fraction(value)
    raise TypeError(f"expected Decimal or int, not {type(value).__name__} (floats are inexact)")


def format_decimal(value: Decimal | int, places: int = 2, lang: str = "en") -> str:
    """Round half-up to ``places`` decimals and format with Indian grouping.

    Rounding is done in exact rational arithmetic, so no Decimal context precision
    can truncate very large budgets.
    """
    exact = _exact(value)
    _check_int(places, "places")
    if places < 0:
        raise ValueError("places must be >= 0")
    _check_lang(lang)

    scaled = abs(exact) * 10**places
    # ROUND_HALF_UP: ties go away from zero; floor(x + 1/2) on the magnitude.
    units = (2 * scaled.numerator + scaled.denominator) // (2 * scaled.denominator)
    negative = exact < 0 and units != 0  # never print "-0.00"
    whole, frac = divmod(units, 10**places)
    text = group_indian(whole)
    if places:
        text += "." + str(frac).zfill(places)
    if negative:
        text = "-" + text
    return to_bangla_digits(text) if lang == "bn" else text


def parse_decimal(text: str) -> Decimal:
    """Parse user/Excel input with Latin or Bangla digits and commas in any grouping.

    Rejects anything that is not a plain finite decimal (no exponents, NaN, inf),
    so typos never turn into plausible-looking numbers.
    """
    if not isinstance(text, str):
        raise TypeError(f"expected str, not {type(text).__name__}")
    cleaned = to_latin_digits(text.strip()).translate(_MINUS_SIGNS)
    if not _NUMBER_RE.fullmatch(cleaned):
        raise ValueError(
            f"not a number: {text!r} (expected digits with optional commas and at most "
            "one decimal point, e.g. 1,23,456.78)"
        )
    return Decimal(cleaned.replace(",", ""))
