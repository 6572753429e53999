"""Seasons: "cet été", "l'hiver dernier", "le printemps prochain", "l'été 1998", "en été", "les mois
d'été"; "this summer", "last winter".

A season with a specifier (a demonstrative, "dernier"/"prochain", a year) is placed: ``1999-SU``. Without
one it is generic, as in "en été, la ville se vide": ``XXXX-SU``, with no interval. "été" is also the past
participle of "être" ("a été"): the noun needs a determiner or preposition before it.
"""

from __future__ import annotations

import re
from datetime import date

from tui.temporal.tagging.context import Context
from tui.temporal.tagging.dates import _LAST, _NEXT, year_number
from tui.temporal.tagging.lexicon import SEASON, SEASONS
from tui.temporal.tagging.rules import LazyPattern, Reading, rule

_STARTS = {"SP": (3, 20), "SU": (6, 21), "FA": (9, 22), "WI": (12, 21)}
_NOUN_BEFORE = LazyPattern(
    r"(?:^|[\s(])(?:l'|mois\s+d'|cet|en|de\s+l'|un|chaque|tout\s+l'|au\s+cours\s+de\s+l'|pendant\s+l'|durant\s+l'|"
    r"depuis\s+l'|cet\s+ete|mois\s+d')\s*$"
)


def _season(match: re.Match[str], ctx: Context) -> Reading | None:
    word = match.group("season")
    code = SEASONS[word]
    det = (match.group("det") or "").strip()
    if word == "ete" and not det:
        before = ctx.folded[max(0, match.start() - 24) : match.start()]
        capital = ctx.text[match.start("season")].isupper()
        if not _NOUN_BEFORE.search(before) and not capital and not match.group("year"):
            return None  # "a été", "ont été": the verb
    before = ctx.folded[max(0, match.start() - 24) : match.start()]
    if re.search(
        r"(?<!mois )(?<!jours )(?<!soirs )(?<!nuits )(?<!saison )(?<!debut )(?<!milieu )(?<!coeur )d'$", before
    ):
        return None  # "les Jeux d'hiver", "sports d'hiver": a kind of thing, not a time; "les mois d'été" is one
    if word == "fall" and det not in ("this", "last", "next", "the"):
        return None
    if match.group("year"):
        return Reading("DATE", f"{year_number(match.group('year'), ctx.dct):04d}-{code}")
    qualifier = match.group("dir") or ""
    starts = {y: date(y, *_STARTS[code]) for y in range(max(ctx.dct.year - 2, 1), min(ctx.dct.year + 2, 9999) + 1)}
    current = max((y for y, s in starts.items() if s <= ctx.dct), default=ctx.dct.year)
    if (qualifier and re.fullmatch(_LAST, qualifier)) or det == "last":
        year = current - 1 if _ongoing(code, current, ctx.dct) else current
    elif (qualifier and re.fullmatch(_NEXT, qualifier)) or det == "next":
        year = current + 1
    elif det in ("cet", "ce", "this"):
        tense = ctx.tense(match.start(), match.end())
        year = current if _ongoing(code, current, ctx.dct) or tense == "past" else current + 1
    else:
        return Reading("DATE", f"XXXX-{code}")
    return Reading("DATE", f"{year:04d}-{code}")


def _ongoing(code: str, year: int, dct: date) -> bool:
    """Whether the season that began in ``year`` is still young at ``dct``: in its first two months. By its
    third, "l'été dernier" already means the summer ending, as people speak of it from September."""
    start = date(year, *_STARTS[code])
    return 0 <= (dct - start).days < 61


RULES = (
    rule(
        "season",
        rf"(?:(?P<det>l'|le|cet|ce|this|last|next|the)\s*)?(?P<season>{SEASON})"
        rf"(?:\s+(?P<year>1\d{{3}}|20\d\d)|\s+(?P<dir>{_LAST}|{_NEXT}))?",
        _season,
        priority=2,
    ),
)
