"""Sets, times that recur: "chaque jour", "tous les jeudis", "tous les deux ans", "chaque matin",
"les deuxième et quatrième jeudis", "trois fois par semaine", "quotidiennement", "annuel"; "every day",
"weekly".

Values follow ISO-TimeML: ``P1D`` (each day), ``P2Y`` (every two years), ``XXXX-WXX-4`` (Thursdays),
``TMO`` (mornings). An adjective ("hebdomadaire", "annuel") is a set only as an adjective: after a
determiner it is a noun, the publication ("l'hebdomadaire", "un mensuel"). "Quotidien" is left out: it
says "everyday" ("la vie quotidienne") or names a newspaper far more often than "each day".
"""

from __future__ import annotations

import re

from tui.temporal.tagging.context import Context
from tui.temporal.tagging.durations import iso_duration
from tui.temporal.tagging.lexicon import (
    NUMBER,
    ORDINALS,
    PART,
    PARTS,
    UNIT,
    UNITS,
    WEEKDAY,
    WEEKDAYS,
    alternatives,
    number,
)
from tui.temporal.tagging.rules import LazyPattern, Reading, rule

_ADJECTIVES = {
    "quotidiennement": "P1D", "journalier": "P1D", "journaliere": "P1D", "journaliers": "P1D", "journalieres": "P1D",
    "hebdomadaire": "P1W", "hebdomadaires": "P1W", "mensuel": "P1M", "mensuelle": "P1M", "mensuels": "P1M",
    "mensuelles": "P1M", "mensuellement": "P1M", "annuel": "P1Y", "annuelle": "P1Y", "annuels": "P1Y",
    "annuelles": "P1Y", "annuellement": "P1Y", "daily": "P1D", "weekly": "P1W", "monthly": "P1M",
    "yearly": "P1Y", "annually": "P1Y",
}  # fmt: skip
_DETERMINER = LazyPattern(
    r"(?:^|\s)(?:le|la|les|l'|un|une|du|des|au|aux|ce|cet|cette|son|sa|ses|notre|votre|leur|the|a|an)\s*$"
)


def _every(match: re.Match[str], ctx: Context) -> Reading | None:
    what = match.group("what")
    if what in UNITS:
        amount = number(match.group("n")) if match.group("n") else 1.0
        return Reading("SET", iso_duration(amount, UNITS[what]))
    day = what.rstrip("s")
    if day in WEEKDAYS:
        return Reading("SET", f"XXXX-WXX-{WEEKDAYS[day] + 1}")
    part = what.rstrip("s") if what.rstrip("s") in PARTS else what
    if part in PARTS:
        return Reading("SET", f"T{PARTS[part]}")
    return None


def _per(match: re.Match[str], ctx: Context) -> Reading | None:
    if match.group(0).startswith("a ") and ctx.language != "en":
        return None  # "à jour", not "a day"
    return Reading("SET", iso_duration(1.0, UNITS[match.group("unit")]))


def _adjective(match: re.Match[str], ctx: Context) -> Reading | None:
    word = match.group("word")
    if not word.endswith("ment") and _DETERMINER.search(ctx.folded[max(0, match.start() - 8) : match.start()]):
        return None  # "le quotidien", "l'hebdomadaire": the publication
    return Reading("SET", _ADJECTIVES[word])


def _ordinal_weekdays(match: re.Match[str], ctx: Context) -> Reading | None:
    return Reading("SET", f"XXXX-WXX-{WEEKDAYS[match.group('weekday')] + 1}")


_ORDINAL = alternatives(ORDINALS)
_ADJ = alternatives(_ADJECTIVES)
_WEEKDAYS_PLURAL = rf"(?:{WEEKDAY})s?"

RULES = (
    rule(
        "every",
        rf"(?:chaque|tous\s+les|toutes\s+les|every|each)\s+(?:(?P<n>{NUMBER})\s+)?(?P<what>{UNIT}|{_WEEKDAYS_PLURAL}|(?:{PART})s?)",
        _every,
        priority=3,
    ),
    rule(
        "per",
        r"(?:par|per|a)\s+(?P<unit>jour|an|annee|mois|semaine|trimestre|semestre|heure|day|year|month|week|quarter|hour)",
        _per,
        priority=1,
    ),
    rule("adjective", rf"(?P<word>{_ADJ})", _adjective, priority=1),
    rule(
        "ordinal-weekdays",
        rf"les\s+(?:{_ORDINAL})(?:\s*(?:,|et)\s*(?:{_ORDINAL}))*\s+(?P<weekday>{WEEKDAY})s",
        _ordinal_weekdays,
        priority=3,
    ),
)
