"""Durations: "30,4 secondes", "environ une heure", "dix-huit mois", "un an et demi", "une demi-heure",
"plusieurs jours", "des années", "ces derniers jours", "les trois derniers mois", "quinquennat",
"un quart de siècle"; "three years", "a few weeks".

The value is ISO 8601 (``PT30.4S``, ``P18M``, ``P3Y``); an amount the text does not give is X (``PXD``:
some days). Durations have no place on the calendar: "depuis trois ans" is tagged as its duration, and
the engine's ``normalise`` places "depuis" phrases.
"""

from __future__ import annotations

import re

from tui.temporal.tagging.context import Context
from tui.temporal.tagging.lexicon import NUMBER, UNIT, UNIT_ISO, UNITS, alternatives, number
from tui.temporal.tagging.rules import LazyPattern, Reading, rule

_NAMED = {
    "quinquennat": "P5Y", "septennat": "P7Y", "un quart de siecle": "P25Y", "un demi-siecle": "P50Y",
    "une demi-heure": "PT30M", "une demi-journee": "PT12H", "un quart d'heure": "PT15M",
    "trois quarts d'heure": "PT45M", "a quarter of an hour": "PT15M", "half an hour": "PT30M",
    "a half-hour": "PT30M", "half a century": "P50Y",
}  # fmt: skip


def iso_duration(amount: float | None, unit: str) -> str:
    """``P3Y``, ``PT30.4S``, ``PXD`` (amount unknown), in the unit's own designator."""
    designator, factor, clock = UNIT_ISO[unit]
    if amount is None:
        text = "X"
    else:
        total = amount * factor
        if total != int(total) and designator == "Y":  # "un an et demi": 18 months
            total, designator = total * 12, "M"
        text = str(int(total)) if total == int(total) else f"{total:g}"
    return ("PT" if clock else "P") + text + designator


def _counted(match: re.Match[str], ctx: Context) -> Reading | None:
    word = match.group("n")
    if word in ("a", "an") and ctx.language != "en":
        return None  # "mise à jour"
    amount = 1.0 if word in ("a", "an") else number(word)
    if amount is None:
        return None
    if match.group("half"):
        amount += 0.5
    unit = UNITS[match.group("unit")]
    if unit == "Y" and _is_age(match, ctx):
        return None
    if unit == "H" and _KIND_OF_HOURS.match(ctx.folded, match.end()):
        return None  # "400 heures supplémentaires"
    return Reading("DURATION", iso_duration(amount, unit), _mod(match))


# Read on the text with its accents: "il a 20 ans" is an age, "d'ici à dix ans" is not.
_AGE_BEFORE = LazyPattern(
    r"(?:(?:âgé|âgée|âgés|âgées|agé|agée|aged)\s+de(?:\s+\d+\s+(?:et|à|ou))?|(?<!\w)(?:a|avait|aura|aurait|ont|avaient)|[,(]|les|des|(?<!\w)de|(?<!\w)d['’])\s*$",
    re.IGNORECASE,
)
# "à 45 ans" (read with its accent: "a 45 ans" is "il a 45 ans", above) is an age: "mort à 45 ans", "à 45 ans,
# il devient maire"; but not after a sentence, a limit or a count: "condamné à 12 ans", "d'ici à dix ans",
# "jusqu'à dix ans", "de 10 à 15 ans", "réduite à deux ans".
_AT_AGE = LazyPattern(r"(?<![\w'’])à\s*$", re.IGNORECASE)
_AT_LENGTH = LazyPattern(
    r"(?:\d|ici|jusqu'|condamne\w*|ecope\w*|peine\w*|reduite?s?|portee?s?|passee?s?|fixee?s?|limitee?s?|"
    r"evaluee?s?|estimee?s?|prolongee?s?|allongee?s?|raccourcie?s?|ramenee?s?|un|une|deux|trois|quatre|cinq|six|"
    r"sept|huit|neuf|dix|quinze|vingt|trente|quarante|cinquante|soixante)\s*a\s*$"
)
# Nouns that take a duration with "de": "une peine de dix ans", "un mandat de cinq ans".
_SPAN_NOUNS = LazyPattern(
    r"(?:peine|mandat|periode|duree|contrat|plan|programme|bail|delai|absence|sejour|prison|reclusion|detention|"
    r"emprisonnement|sursis|carriere|regne|guerre|conflit|interruption|exil|moratoire|attente|retard|travaux|"
    r"chantier|engagement|garantie|pret|credit|concession|suspension|interdiction|service|presidence|septennat|"
    r"quinquennat|legislature|projet|etude|enquete|recherche|effort|histoire|existence|espace|terme|bout|cours|"
    r"issue|intervalle|laps\s+de\s+temps)s?\s+(?:de\s+)?$"
)


def _is_age(match: re.Match[str], ctx: Context) -> bool:
    """ "un chauffeur de 38 ans", "Alain Parmentier, 53 ans,", "âgé de 54 ans", "il a 20 ans": an age,
    which French TimeBank, like TimeML practice for news, does not tag as a duration."""
    if match.group("mod") and not match.group("mod").startswith(("moins", "plus")):
        return False
    if re.match(r"\s+d(?:e\s|')", ctx.folded[match.end() : match.end() + 4]):
        return False  # "trois ans de tractations", "dix ans de prison"
    before = ctx.folded[max(0, match.start() - 40) : match.start()]
    if _AT_AGE.search(ctx.text[max(0, match.start() - 40) : match.start()]):
        return not _AT_LENGTH.search(before)  # "mort à 45 ans", not "condamné à 12 ans", "d'ici à dix ans"
    if not _AGE_BEFORE.search(ctx.text[max(0, match.start() - 40) : match.start()]):
        return False
    return not _SPAN_NOUNS.search(before[: len(before) - 3] if before.endswith("de ") else before)


# Hours that are a kind, not a length: "heures supplémentaires" (overtime), "heures de pointe" (rush hour).
_KIND_OF_HOURS = LazyPattern(
    r"\s+(?:supplementaires|sup\b|scolaires|creuses|pleines|ouvrables|de\s+pointe|d'ouverture|de\s+bureau|de\s+cours|"
    r"de\s+vol|de\s+gloire|sombres)"
)


def _vague(match: re.Match[str], ctx: Context) -> Reading | None:
    unit = UNITS[match.group("unit")]
    if unit == "H" and _KIND_OF_HOURS.match(ctx.folded, match.end()):
        return None
    return Reading("DURATION", iso_duration(None, unit))


def _named(match: re.Match[str], ctx: Context) -> Reading | None:
    return Reading("DURATION", _NAMED[match.group("word")], _mod(match))


def _mod(match: re.Match[str]) -> str | None:
    words = (match.group("mod") or "") if "mod" in match.re.groupindex else ""
    if not words:
        return None
    if re.match(r"plus|more|over|au-dela", words):
        return "MORE_THAN"
    if re.match(r"moins|less|under", words):
        return "LESS_THAN"
    if re.match(r"au moins|at least", words):
        return "EQUAL_OR_MORE"
    return "APPROX"


_MOD = (
    r"(?:(?P<mod>environ|pres\s+de|plus\s+de|moins\s+de|au\s+moins|presque|quelque|une\s+bonne|un\s+bon|"
    r"about|nearly|almost|more\s+than|less\s+than|over|at\s+least|some|around)\s+)?"
)
_HALF = r"(?:\s+(?P<half>et\s+demie?|and\s+a\s+half))?"
_VAGUE = r"plusieurs|quelques|des|de\s+nombreux|de\s+nombreuses|nombreuses|nombreux|several|a\s+few|few|many"
_NAMED_WORDS = alternatives(_NAMED)

_ROUND = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30, "quarantaine": 40,
          "cinquantaine": 50, "soixantaine": 60, "centaine": 100}  # fmt: skip


def _round(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "une quinzaine de jours", "une vingtaine d'années": about that many."""
    unit = UNITS[match.group("unit")]
    if unit == "Y" and _AGE_BEFORE.search(ctx.text[max(0, match.start() - 40) : match.start()]):
        return None  # "une femme d'une trentaine d'années": an age
    return Reading("DURATION", iso_duration(_ROUND[match.group("round")], unit), "APPROX")


RULES = (
    rule(
        "round",
        rf"(?:une\s+)?(?P<round>{'|'.join(_ROUND)})\s+(?:de\s+|d')(?P<unit>{UNIT})",
        _round,
        priority=2,
    ),
    rule("counted", rf"{_MOD}(?P<n>{NUMBER}|a|an)\s+(?P<unit>{UNIT}){_HALF}", _counted, priority=2),
    rule("vague", rf"(?:{_VAGUE})\s+(?P<unit>{UNIT})", _vague, priority=1),
    rule(
        "recent-span",
        rf"(?:ces|les|des|the\s+(?:past|last))\s+(?:(?P<n>{NUMBER})\s+)?(?:derniers|dernieres|prochains|prochaines|few)?\s*(?P<unit>{UNIT})",
        lambda m, ctx: (
            Reading("DURATION", iso_duration(number(m.group("n")) if m.group("n") else None, UNITS[m.group("unit")]))
            if re.search(r"derni|prochain|past|last|few", m.group(0))
            else None
        ),
        priority=2,
    ),
    rule("named-duration", rf"{_MOD}(?P<word>{_NAMED_WORDS})", _named, priority=2),
)
