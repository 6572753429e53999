"""Decades and centuries: "les années 60", "les années 1990", "au début des années 2000", "le XIXe siècle",
"la fin du XIXe siècle", "le siècle dernier", "le 20e siècle"; "the 1960s", "the sixties",
"the 19th century".

ISO-TimeML writes a decade with its first three digits (``196``) and a century with its first two
(``18`` for the 19th). "début"/"milieu"/"fin" become the START/MID/END modifier.
"""

from __future__ import annotations

import re

from tui.temporal.tagging.context import Context
from tui.temporal.tagging.lexicon import alternatives, number
from tui.temporal.tagging.rules import Reading, rule

_TENS = {
    "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "soixante-dix": 70,
    "quatre-vingt": 80, "quatre-vingts": 80, "quatre-vingt-dix": 90, "twenties": 20, "thirties": 30,
    "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90,
}  # fmt: skip
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_MODS = {"debut": "START", "milieu": "MID", "fin": "END", "early": "START", "mid": "MID", "late": "END"}
_ORDINAL_WORDS = {
    "premier": 1, "deuxieme": 2, "troisieme": 3, "quatrieme": 4, "cinquieme": 5, "sixieme": 6,
    "septieme": 7, "huitieme": 8, "neuvieme": 9, "dixieme": 10, "onzieme": 11, "douzieme": 12,
    "treizieme": 13, "quatorzieme": 14, "quinzieme": 15, "seizieme": 16, "dix-septieme": 17,
    "dix-huitieme": 18, "dix-neuvieme": 19, "vingtieme": 20, "vingt et unieme": 21, "vingt-et-unieme": 21,
    "first": 1, "second": 2, "third": 3, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}  # fmt: skip


def roman(text: str) -> int | None:
    values = [_ROMAN.get(c) for c in text]
    if not values or None in values:
        return None
    total = 0
    for here, after in zip(values, [*values[1:], 0], strict=True):
        total += -here if here < after else here  # type: ignore[operator]
    return total


def _mod(match: re.Match[str]) -> str | None:
    part = match.group("part")
    return _MODS.get(part) if part else None


def _decade(match: re.Match[str], ctx: Context) -> Reading | None:
    word = match.group("decade").lstrip("'")
    if word in _TENS:
        tens = _TENS[word]
        first = 1900 + tens
    else:
        digits = int(word)
        if digits % 10:
            return None
        first = digits if digits >= 1000 else (2000 + digits if 2000 + digits <= ctx.dct.year else 1900 + digits)
    return Reading("DATE", f"{first // 10:03d}", _mod(match))


def _century(match: re.Match[str], ctx: Context) -> Reading | None:
    word = match.group("century")
    n = (
        roman(word)
        if re.fullmatch(r"[ivxlc]+", word)
        else _ORDINAL_WORDS.get(word) or (int(float(number(word) or 0)) if word.isdigit() else None)
    )
    if not n or not 1 <= n <= 100 or word in ("l", "c"):
        return None  # "le siècle", "ce siècle": the article and the demonstrative, not the 50th and 100th centuries
    return Reading("DATE", f"{n - 1:02d}", _mod(match))


def _relative_century(match: re.Match[str], ctx: Context) -> Reading | None:
    last = match.group("dir") in ("dernier", "passe", "precedent") or re.search(r"(?<!\w)last\s", match.group(0))
    shift = -1 if last else 0  # "le siècle dernier", "early last century"
    return Reading("DATE", f"{ctx.dct.year // 100 + shift:02d}", _mod(match))


def _part(name: str = "part") -> str:
    return (
        rf"(?:(?:le\s+|la\s+|the\s+)?(?P<{name}>debut|milieu|fin|early|mid|late)"
        rf"(?:\s+|-)(?:des\s+|du\s+|de\s+la\s+|of\s+the\s+)?)?"
    )


_PART = _part()
_FRENCH_TENS = alternatives(w for w in _TENS if not w.endswith("ies"))
_ENGLISH_TENS = alternatives(w for w in _TENS if w.endswith("ies"))
_ORDINALS = alternatives(_ORDINAL_WORDS)

RULES = (
    rule(
        "decade",
        rf"{_PART}(?:(?:les|des|aux)\s+)?annees\s+(?P<decade>(?:19|20)?\d0|{_FRENCH_TENS})(?!\s*\d)"
        rf"|{_part('part2')}(?:the\s+)?(?P<decade_en>(?:19|20)\d0s|'\d0s)|{_part('part3')}the\s+(?P<decade_word>{_ENGLISH_TENS})",
        lambda m, ctx: _decade_any(m, ctx),
        priority=3,
    ),
    rule(
        "century",
        rf"{_PART}(?:(?:le|du|the)\s+)?(?P<century>[ivxlc]+|\d{{1,2}}|{_ORDINALS})(?:\s*(?:e|eme|er|st|nd|rd|th))?\s+(?:siecle|century)",
        _century,
        priority=3,
    ),
    rule(
        "relative-century",
        rf"{_PART}(?:(?:le|du|ce|this|last|the)\s+)?(?:siecle|century)(?:\s+(?P<dir>dernier|passe|precedent))?",
        lambda m, ctx: (
            _relative_century(m, ctx)
            if re.search(r"^(?:\w+\s+)*(?:ce|this|last)\s|dernier|passe|precedent", m.group(0))
            else None
        ),
        priority=2,
    ),
)


def _decade_any(match: re.Match[str], ctx: Context) -> Reading | None:
    """The French and English spellings of a decade, read alike."""
    if match.group("decade_word"):
        first = 1900 + _TENS[match.group("decade_word")]
        return Reading("DATE", f"{first // 10:03d}", _mod_any(match))
    if match.group("decade_en"):
        digits = int(match.group("decade_en").lstrip("'").rstrip("s"))
        first = digits if digits >= 1000 else 1900 + digits
        return Reading("DATE", f"{first // 10:03d}", _mod_any(match))
    return _decade(match, ctx)


def _mod_any(match: re.Match[str]) -> str | None:
    part = next((p for p in match.groups() if p in _MODS), None)
    return _MODS.get(part) if part else None
