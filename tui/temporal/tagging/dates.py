"""Calendar dates: "le 27 mai 1998", "dimanche 29 août", "octobre 98", "juin prochain", "début octobre",
"fin 2002", "1998", "mardi", "le 6 mai dernier", "September 8, 2022", "last Friday".

A date without a year takes the year nearest the publication, unless the tense of its verb says the other
way; "dernier"/"prochain" (last/next) always decide. A weekday alone is the most recent such day, the
publication day included, or the next one in a sentence about the future.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import cache

from tui.temporal.tagging.context import Context, _safe_date
from tui.temporal.tagging.lexicon import DAY_NUMBER, MONTH, MONTHS, ORDINALS, WEEKDAY, WEEKDAYS, alternatives
from tui.temporal.tagging.rules import Reading, rule
from tui.temporal.tagging.tables import table, words

_YEAR = r"(?:1\d{3}|20\d\d|'\d\d|\d\d(?![\d,.]?\d))"
_LAST = r"derni[e]re?s?|passee?s?|last"
_NEXT = r"prochaine?s?|next"
_MODS = {"debut": "START", "early": "START", "mi": "MID", "mid": "MID", "milieu": "MID", "fin": "END",
         "late": "END", "end": "END", "courant": None, "beginning": "START"}  # fmt: skip


def year_number(text: str, dct: date) -> int:
    """A written year: 4 digits as they are, 2 digits ("98", "'03") in the century that puts them
    no more than 10 years after the publication."""
    digits = text.lstrip("'")
    if len(digits) == 4:
        return int(digits)
    year = 2000 + int(digits)
    return year if year <= dct.year + 10 else year - 100


def day_reading(day: date | None, type_: str = "DATE") -> Reading | None:
    if day is None:
        return None
    return Reading(type_, day.isoformat(), focus=day)  # type: ignore[arg-type]


def _day_of_month(word: str) -> int:
    return ORDINALS.get(word) or int(word)


def _full_date(match: re.Match[str], ctx: Context) -> Reading | None:
    month = MONTHS[match.group("month")]
    day = _day_of_month(match.group("day"))
    if match.group("year"):
        return day_reading(_safe_date(year_number(match.group("year"), ctx.dct), month, day))
    weekday = match.group("weekday")
    if weekday:  # "samedi 6 avril": the year in which that day is that weekday, nearest first
        wanted = WEEKDAYS[weekday]
        on = lambda y: d if (d := _safe_date(y, month, day)) and d.weekday() == wanted else None  # noqa: E731
        found = ctx.nearest(on, "present")
        if found is not None:
            return day_reading(found)
    if match.group("dir"):  # "le 30 juin dernier" said on 20 June: the word decides, not the nearest
        return day_reading(as_said(lambda y: _safe_date(y, month, day), ctx, match.group("dir")))
    tense = ctx.tense(match.start(), match.end())
    return day_reading(ctx.nearest(lambda y: _safe_date(y, month, day), tense, match.start()))


def as_said(on: Callable[[int], date | None], ctx: Context, word: str, *, today: bool = True) -> date | None:
    """A yearly day (``on(year)`` gives it, or None) qualified "dernier" or "prochain" (last/next): the last
    one up to the publication day, or the first from it, however far (the nearest may lie the other way, and
    the tense's reach stops short of a year). With ``today`` false, the publication day itself is neither:
    "Noël prochain" said on Christmas Day is next year's."""
    here = ctx.dct
    days = [d for y in (here.year - 1, here.year, here.year + 1) if 1 <= y <= 9999 and (d := on(y)) is not None]
    if re.match(_LAST, word):
        return max((d for d in days if d < here or (today and d == here)), default=None)
    return min((d for d in days if d > here or (today and d == here)), default=None)


def _english_date(match: re.Match[str], ctx: Context) -> Reading | None:
    if match.group("month") == "may" and not ctx.text[match.start("month")].isupper():
        return None
    return _full_date(match, ctx)


def _numeric_date(match: re.Match[str], ctx: Context) -> Reading | None:
    first, second = int(match.group(1)), int(match.group(2))
    day, month = (second, first) if ctx.language == "en" else (first, second)
    year = year_number(match.group(3), ctx.dct)
    return day_reading(_safe_date(year, month, day))


def _month(match: re.Match[str], ctx: Context) -> Reading | None:
    name = match.group("month")
    initial = ctx.text[match.start("month")].isupper()
    if name in ("may", "march") and not initial and not match.group("year"):
        return None  # "may" the verb or "march" the walk, unless a year says otherwise
    if name == "mars" and initial and not re.search(r"(?:^|[.!?\n]\s*)$", ctx.text[: match.start("month")]):
        return None  # "Mars", the planet: French writes its months in lower case
    month = MONTHS[name]
    part = match.group("part") if "part" in match.re.groupindex else None
    mod = _MODS.get(part.split()[0]) if part else None
    if match.group("year"):
        year = year_number(match.group("year"), ctx.dct)
    elif match.group("dir"):  # the last such month before the one under way, or the first after it, however far
        if re.match(_LAST, match.group("dir")):
            year = ctx.dct.year - (month >= ctx.dct.month)  # "juillet dernier" said in June: last year's
        else:
            year = ctx.dct.year + (month <= ctx.dct.month)  # "mai prochain" said in June: next year's
    elif month == ctx.dct.month:
        year = ctx.dct.year  # the month under way
    else:
        found = ctx.nearest(lambda y: date(y, month, 15), ctx.tense(match.start(), match.end()))
        if found is None:
            return None
        year = found.year
    if not 1 <= year <= 9999:
        return None
    return Reading("DATE", f"{year:04d}-{month:02d}", mod)


def _year(match: re.Match[str], ctx: Context) -> Reading | None:
    year = int(match.group("year"))
    before, after = ctx.folded[max(0, match.start() - 12) : match.start()], ctx.folded[match.end() : match.end() + 24]
    introduced = bool(match.group("intro"))
    if not introduced and not 1900 <= year <= 2099:
        return None
    if re.search(r"\d[ .]?$", before) or re.match(r"[ .,]?\d", after):
        return None  # part of a larger number: "2 000", "1999,5"
    if not introduced and _is_quantity(ctx.folded, match.start("year"), match.end()):
        return None
    part = match.group("part")
    mod = _MODS.get(part.split()[0]) if part else None
    return Reading("DATE", f"{year:04d}", mod)


@cache
def _quantity_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    units = alternatives(table("quantity_units", str, ("fr",)))
    quantifiers = "|".join(r"\s+".join(w.split()) for w in words("quantifiers", ("fr",)))
    counted = re.compile(rf"\s*(?:(?:a|et|ou|-)\s*\d[\d .,]*\s*)?(?:{units})(?![\w])")
    quantified = re.compile(rf"(?<![\w'])(?:{quantifiers})\s+$")
    return counted, quantified


def _is_quantity(folded: str, start: int, end: int) -> bool:
    """A number that counts something, not a year: "2000 personnes", "2024 euros", "2000 à 3000
    manifestants", "quelque 2000" (the units and quantifiers are data: resources/fr/quantity_units.txt,
    quantifiers.txt)."""
    counted, quantified = _quantity_patterns()
    return bool(counted.match(folded, end, end + 48) or quantified.search(folded, max(0, start - 16), start))


def _weekday(match: re.Match[str], ctx: Context) -> Reading | None:
    weekday = WEEKDAYS[match.group("weekday")]
    det = (match.group("det") or "").strip()
    qualifier = match.group("dir") or ""
    tense = ctx.tense(match.start(), match.end())
    if det == "le" and not qualifier and ctx.language == "fr" and tense != "past":
        return Reading("SET", f"XXXX-WXX-{weekday + 1}")  # "le musée ouvre le mercredi": every Wednesday
    if qualifier in ("suivant", "following"):
        base = (ctx.focus or ctx.dct) + timedelta(days=1)
        return day_reading(base + timedelta(days=(weekday - base.weekday()) % 7))
    if qualifier in ("precedent", "before"):
        base = (ctx.focus or ctx.dct) - timedelta(days=1)
        return day_reading(base - timedelta(days=(base.weekday() - weekday) % 7))
    if (qualifier and re.match(_LAST, qualifier)) or det == "last":
        base = ctx.dct - timedelta(days=1)
        return day_reading(base - timedelta(days=(base.weekday() - weekday) % 7))
    if (qualifier and re.match(_NEXT, qualifier)) or det == "next":
        base = ctx.dct + timedelta(days=1)
        return day_reading(base + timedelta(days=(weekday - base.weekday()) % 7))
    if "meme" in det:  # "ce même lundi": the weekday of the focus's week
        return day_reading(ctx.weekday(weekday, "past", ctx.focus))
    return day_reading(ctx.weekday(weekday, tense))


_DIR = rf"(?:\s+(?P<dir>{_LAST}|{_NEXT}))?"
_PART = (
    r"(?:(?P<part>debut|mi|milieu|fin|courant|early|mid|late|end|beginning)"
    r"(?:\s*-\s*|\s+(?:de\s+|d'|du\s+mois\s+d(?:e\s+|')|of\s+)?))"
)


def _weekday_and_day(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "le vendredi 13", "jeudi 12": the nearest day of that number that falls on that weekday."""
    wanted, number = WEEKDAYS[match.group("weekday")], _day_of_month(match.group("day"))
    months = [(ctx.dct.year * 12 + ctx.dct.month - 1 + shift) for shift in range(-6, 7)]
    days = [d for m in months if (d := _safe_date(m // 12, m % 12 + 1, number)) and d.weekday() == wanted]
    if not days:
        return None
    return day_reading(min(days, key=lambda d: abs((d - ctx.dct).days)))


def _enumerated(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "les 6 et 13 avril prochains", "du 3 au 5 mai": the first day takes the month that follows."""
    return _full_date(match, ctx)


RULES = (
    rule(
        "enumerated-day",
        rf"(?:les\s+|le\s+|(?<=du\s)|(?<=entre\s))(?P<day>{DAY_NUMBER})(?=\s*(?:,|et|au|a|-)\s*(?:le\s+)?(?:{DAY_NUMBER})\s+"
        rf"(?P<month>{MONTH})(?:\s+(?P<year>{_YEAR}))?{_DIR})(?P<weekday>)",
        _enumerated,
        priority=3,
    ),
    rule(
        "weekday-and-day",
        rf"(?:(?:le|ce)\s+)?(?P<weekday>{WEEKDAY})\s+(?P<day>{DAY_NUMBER})(?![\w,.]?\d)(?!\s+(?:{MONTH}|h\b|heures?))",
        _weekday_and_day,
        priority=2,
    ),
    rule(
        "full-date",
        rf"(?:(?:le|ce)\s+)?(?:(?P<weekday>{WEEKDAY}),?\s+)?(?P<day>{DAY_NUMBER})\s+(?P<month>{MONTH})"
        rf"(?:\s+(?P<year>{_YEAR}))?{_DIR}",
        _full_date,
        priority=3,
    ),
    rule(
        "english-date",
        rf"(?:(?P<weekday>{WEEKDAY}),?\s+)?(?P<month>{MONTH})\s+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
        rf"(?:,?\s+(?P<year>\d{{4}}))?(?P<dir>)",
        _english_date,
        priority=3,
    ),
    rule("numeric-date", r"(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})", _numeric_date, priority=3),
    rule(
        "month",
        rf"(?:(?:le|au|du)\s+)?{_PART}?(?:(?:le\s+)?mois\s+(?:de\s+|d'))?(?P<month>{MONTH})(?:\s+(?P<year>{_YEAR}))?{_DIR}",
        _month,
        priority=2,
    ),
    rule(
        "year",
        rf"(?:(?:(?:au|le|la|en|a\s+la)\s+)?{_PART})?"
        rf"(?P<intro>(?:l'annee|l'an|the\s+year|annee)\s+)?(?P<year>\d{{4}})",
        _year,
        priority=1,
    ),
    rule(
        "weekday",
        rf"(?:(?P<det>ce\s+meme|ce|le|this|last|next)\s+)?(?P<weekday>{WEEKDAY})"
        rf"(?:\s+(?P<dir>{_LAST}|{_NEXT}|suivant|precedent|following|before))?(?![\s,]+(?:{DAY_NUMBER})\s(?!\s*(?:h|heures?)\b))",
        _weekday,
        priority=1,
    ),
)
