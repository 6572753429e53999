"""Holidays, fixed and movable: "Noël", "Pâques", "la Pentecôte", "l'Ascension", "la Toussaint",
"le lundi de Pâques", "Mardi gras", "la Saint-Sylvestre", "le jour de l'an", "le premier dimanche du
printemps", "le dernier jeudi de novembre"; "Christmas", "Easter", "Thanksgiving".

Movable feasts are computed from Easter Sunday (the Gregorian computus of Meeus/Jones/Butcher); the year
is the nearest to the publication unless the verb's tense or "dernier"/"prochain" say otherwise, or a year
is written after the name.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tui.temporal.tagging.context import Context, _safe_date
from tui.temporal.tagging.dates import _LAST, _NEXT, as_said, day_reading, year_number
from tui.temporal.tagging.lexicon import MONTH, MONTHS, ORDINALS, WEEKDAY, WEEKDAYS, alternatives
from tui.temporal.tagging.rules import Reading, rule


def easter(year: int) -> date:
    """Easter Sunday of a Gregorian year."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _from_easter(days: int):
    return lambda year: easter(year) + timedelta(days=days)


def _fixed(month: int, day: int):
    return lambda year: _safe_date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, n: int, from_day: int = 1) -> date | None:
    """The n-th (or, with n = -1, the last) such weekday of a month, counting from ``from_day``."""
    if n == -1:
        nxt = date(year + (month == 12), month % 12 + 1, 1)
        last = nxt - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = _safe_date(year, month, from_day)
    if first is None:
        return None
    day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    return day


_FEASTS = {
    "noel": _fixed(12, 25), "la saint-sylvestre": _fixed(12, 31), "le jour de l'an": _fixed(1, 1),
    "le nouvel an": _fixed(1, 1), "nouvel an": _fixed(1, 1), "la toussaint": _fixed(11, 1),
    "l'assomption": _fixed(8, 15), "l'armistice": _fixed(11, 11), "l'epiphanie": _fixed(1, 6),
    "la chandeleur": _fixed(2, 2), "la saint-valentin": _fixed(2, 14), "la fete du travail": _fixed(5, 1),
    "la fete nationale": _fixed(7, 14), "la fete de la musique": _fixed(6, 21), "la saint-jean": _fixed(6, 24),
    "paques": _from_easter(0), "le lundi de paques": _from_easter(1), "le vendredi saint": _from_easter(-2),
    "la pentecote": _from_easter(49), "le lundi de pentecote": _from_easter(50),
    "l'ascension": _from_easter(39), "le jeudi de l'ascension": _from_easter(39),
    "mardi gras": _from_easter(-47), "le mercredi des cendres": _from_easter(-46), "les rameaux": _from_easter(-7),
    "christmas": _fixed(12, 25), "christmas eve": _fixed(12, 24), "new year's day": _fixed(1, 1),
    "new year's eve": _fixed(12, 31), "easter": _from_easter(0), "easter sunday": _from_easter(0),
    "easter monday": _from_easter(1), "good friday": _from_easter(-2), "halloween": _fixed(10, 31),
    "independence day": _fixed(7, 4), "thanksgiving": lambda y: nth_weekday(y, 11, 3, 4),
    "valentine's day": _fixed(2, 14),
}  # fmt: skip
_SEASON_START = {"printemps": (3, 20), "ete": (6, 21), "automne": (9, 22), "hiver": (12, 21)}


def _feast(match: re.Match[str], ctx: Context) -> Reading | None:
    name = re.sub(r"\s+", " ", match.group("name"))
    name = next((k for k in (name, f"la {name}", f"le {name}", f"l'{name}") if k in _FEASTS), name)
    on = _FEASTS.get(name) or _FEASTS.get(name.split(" ", 1)[-1])
    if on is None:
        return None
    if name == "noel" and ctx.folded[max(0, match.start() - 5) : match.start()].endswith("pere "):
        return None  # "le père Noël"
    written = re.sub(r"^(?:l['’]|la |le |les )", "", ctx.text[match.start("name") : match.end("name")], flags=re.I)
    if not written[:1].isupper() and not written.lower().startswith(
        ("mardi", "mercredi", "lundi", "jeudi", "vendredi")
    ):
        return None  # feasts are written with a capital: "l'ascension du mont Blanc" is a climb
    if re.match(r"\s+[A-ZÀ-Ý]", ctx.text[match.end("name") : match.end("name") + 3]) and not match.group("year"):
        return None  # "Noël Mamère", "Pâques Vidal": a first name
    if match.group("year"):
        return day_reading(on(year_number(match.group("year"), ctx.dct)))
    qualifier = match.group("dir")
    if qualifier:  # "Noël dernier" is the last one before the publication, however near the next: no reach
        return day_reading(as_said(on, ctx, qualifier, today=False))
    return day_reading(ctx.nearest(on, ctx.tense(match.start(), match.end())))


def _nth_weekday(match: re.Match[str], ctx: Context) -> Reading | None:
    n = ORDINALS[match.group("ordinal")]
    weekday = WEEKDAYS[match.group("weekday")]
    where = match.group("where")
    if where in MONTHS:
        month, start = MONTHS[where], 1
    else:
        month, start = _SEASON_START[where]
        if n == -1:
            return None
    tense = ctx.tense(match.start(), match.end())
    return day_reading(ctx.nearest(lambda y: nth_weekday(y, month, weekday, n, start), tense))


_NAMES = alternatives({k.split(" ", 1)[1] if k.startswith(("la ", "le ")) else k for k in _FEASTS} | set(_FEASTS))
_ORDINAL = alternatives(ORDINALS)

RULES = (
    rule(
        "feast",
        rf"(?:(?:la|le|les|l')\s*)?(?P<name>{_NAMES})(?!-\w)(?:\s+(?P<year>1\d{{3}}|20\d\d)|\s+(?P<dir>{_LAST}|{_NEXT}))?",
        _feast,
        priority=3,
    ),
    rule(
        "nth-weekday",
        rf"(?:(?:le|the)\s+)?(?P<ordinal>{_ORDINAL})\s+(?P<weekday>{WEEKDAY})\s+(?:de\s+|du\s+|d'|of\s+)(?:(?:mois\s+)?(?:de\s+|d')?)?"
        rf"(?P<where>{MONTH}|printemps|ete|automne|hiver)",
        _nth_weekday,
        priority=4,
    ),
)
