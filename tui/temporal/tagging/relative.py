"""Days, weeks, months and years counted from the publication or from the text's focus.

- From the publication (deictic): "aujourd'hui (vendredi)", "hier", "demain", "avant-hier", "cette semaine",
  "la semaine dernière", "le mois prochain", "l'an dernier", "l'année prochaine", "ce week-end",
  "la fin de l'année dernière", "il y a trois jours", "dans deux semaines"; "today", "last year", "3 days ago".
- From the focus, the most recent day the text named (anaphoric): "le lendemain", "la veille",
  "le surlendemain", "le même jour", "le jour même", "ce jour-là", "à ce moment-là", "deux jours plus tard",
  "trois semaines auparavant"; "the next day", "the day before", "two days later".
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tui.temporal.tagging.context import Context
from tui.temporal.tagging.dates import _LAST, _NEXT, day_reading
from tui.temporal.tagging.lexicon import NUMBER, UNIT, UNITS, WEEKDAY, alternatives, number
from tui.temporal.tagging.rules import Reading, rule

_DEICTIC_DAYS = {
    "aujourd'hui": 0, "ce jour": 0, "today": 0, "hier": -1, "yesterday": -1, "avant-hier": -2,
    "demain": 1, "tomorrow": 1, "apres-demain": 2,
}  # fmt: skip
_ANAPHORIC_DAYS = {
    "le lendemain": 1, "au lendemain": 1, "la veille": -1, "le surlendemain": 2, "l'avant-veille": -2,
    "le meme jour": 0, "le jour meme": 0, "ce jour-la": 0, "ce jour la": 0, "the next day": 1,
    "the following day": 1, "the day before": -1, "the previous day": -1, "the same day": 0, "that day": 0,
}  # fmt: skip
_MODS = {
    "debut": "START",
    "milieu": "MID",
    "mi": "MID",
    "fin": "END",
    "beginning": "START",
    "end": "END",
    "middle": "MID",
}


def _deictic_day(match: re.Match[str], ctx: Context) -> Reading | None:
    day = ctx.dct + timedelta(days=_DEICTIC_DAYS[match.group("word")])
    return day_reading(day)


# Anaphoric days that, with nothing named yet, count from the report: "la veille" alone is the day before it.
BEFORE_THE_REPORT = frozenset(("la veille", "the day before", "the previous day"))


def _anaphoric_day(match: re.Match[str], ctx: Context) -> Reading | None:
    base = ctx.focus or ctx.dct
    if match.group("word") in BEFORE_THE_REPORT and ctx.focus == ctx.dct:
        base = ctx.dct  # "la veille" with nothing named yet: the day before the report
    return day_reading(base + timedelta(days=_ANAPHORIC_DAYS[match.group("word")]))


def _moment(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "à ce moment-là": the last clock time, or the focus day."""
    if ctx.last_time:
        return Reading("TIME", ctx.last_time)
    return day_reading(ctx.focus)


def shifted(value_unit: str, base: date, n: int) -> str | None:
    """The ISO-TimeML value of the ``value_unit`` period ``n`` periods from the one holding ``base``."""
    try:
        if value_unit == "D":
            return (base + timedelta(days=n)).isoformat()
        if value_unit in ("W", "WE"):
            year, week, _ = (base + timedelta(weeks=n)).isocalendar()
            return f"{year:04d}-W{week:02d}" + ("-WE" if value_unit == "WE" else "")
        if value_unit == "M":
            months = base.year * 12 + base.month - 1 + n
            return f"{months // 12:04d}-{months % 12 + 1:02d}"
        if value_unit == "Q":
            quarters = base.year * 4 + (base.month - 1) // 3 + n
            return f"{quarters // 4:04d}-Q{quarters % 4 + 1}"
        if value_unit == "Y":
            return f"{base.year + n:04d}" if 1 <= base.year + n <= 9999 else None
        if value_unit == "DE":
            return f"{(base.year // 10 + n):03d}"
        if value_unit == "CE":
            return f"{(base.year // 100 + n):02d}"
    except (OverflowError, ValueError):
        return None
    return None


_PERIOD_UNITS = {
    "semaine": "W", "week": "W", "mois": "M", "month": "M", "annee": "Y", "an": "Y", "year": "Y",
    "trimestre": "Q", "quarter": "Q", "week-end": "WE", "weekend": "WE", "decennie": "DE", "decade": "DE",
    "siecle": "CE", "century": "CE",
}  # fmt: skip


def _period(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "cette semaine", "la semaine dernière", "l'an prochain", "ce mois-ci", "la fin de l'année dernière"."""
    unit = _PERIOD_UNITS[match.group("unit")]
    det, qualifier = (match.group("det") or "").strip(), (match.group("dir") or "").strip()
    if (qualifier and re.fullmatch(_LAST, qualifier)) or det == "last":
        n = -1
    elif (qualifier and re.fullmatch(_NEXT, qualifier)) or det == "next":
        n = 1
    elif det in ("ce", "cet", "cette", "this") or qualifier in ("-ci", "en cours"):
        n = 0
    elif qualifier in ("suivant", "suivante", "precedent", "precedente"):
        n = 1 if qualifier.startswith("s") else -1
        value = shifted(unit, ctx.focus or ctx.dct, n)
        return Reading("DATE", value) if value else None
    elif match.group("part"):
        n = 0  # "la fin de l'année", "en début de semaine": the one under way
    else:
        return None  # "la semaine", "l'année": not placed without a qualifier
    if unit == "WE" and n == 0 and ctx.dct.weekday() < 5 and ctx.tense(match.start(), match.end()) == "past":
        n = -1  # "ce week-end" told on a weekday in the past tense: the one just gone
    value = shifted(unit, ctx.dct, n)
    if value is None:
        return None
    part = match.group("part")
    return Reading("DATE", value, _MODS.get(part) if part else None)


def _new_year(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "la nouvelle année": the year just begun in its first half, the next one after."""
    return Reading("DATE", f"{ctx.dct.year + (ctx.dct.month > 6):04d}")


def _count_either(match: re.Match[str], ctx: Context) -> Reading | None:
    if match.group("n2") is not None:
        n, unit = match.group("n2"), match.group("unit2")
        n = "1" if n in ("a", "an", "un", "une") else n
        return _count_words(n, unit, match, ctx)
    return _count_words(match.group("n"), match.group("unit"), match, ctx)


def _count_words(n: str, unit: str, match: re.Match[str], ctx: Context) -> Reading | None:
    if match.group(0).startswith("dans les"):
        return None
    amount = number(n if n not in ("un", "une") else "1")
    if amount is None or amount != int(amount) or amount > 10_000:
        return None
    iso = UNITS[unit]
    if iso in ("S", "TM", "H", "HY"):
        return None
    words = match.group(0)
    back = bool(re.search(r"^(?:il y a|voici|voila)|(?:ago|plus tot|avant|auparavant|earlier|before)$", words))
    from_focus = not re.search(r"^(?:il y a|voici|voila|dans)|ago$", words)
    base = (ctx.focus or ctx.dct) if from_focus else ctx.dct
    value = shifted(iso, base, -int(amount) if back else int(amount))
    if value is None:
        return None
    return Reading("DATE", value, focus=date.fromisoformat(value) if iso == "D" else None)


_DAY_WORDS = alternatives(_DEICTIC_DAYS)
_ANAPHORA = alternatives(_ANAPHORIC_DAYS)
_PERIODS = alternatives(_PERIOD_UNITS)
_AFTER_WEEKDAY = rf"(?:,?\s+(?:{WEEKDAY})(?:\s+\d{{1,2}}(?:er)?)?)?"

RULES = (
    rule("deictic-day", rf"(?P<word>{_DAY_WORDS}){_AFTER_WEEKDAY}", _deictic_day, priority=2),
    rule("anaphoric-day", rf"(?P<word>{_ANAPHORA})", _anaphoric_day, priority=2),
    rule("new-year", r"(?:la\s+)?nouvelle\s+annee|the\s+new\s+year", _new_year, priority=2),
    rule("moment", r"(?:a\s+)?ce\s+moment[- ]la|at\s+that\s+(?:time|moment)", _moment, priority=1),
    rule(
        "period",
        rf"(?:(?:la|le|au|a\s+la|the)\s+)?(?:(?P<part>debut|milieu|mi|fin|beginning|end|middle)(?:-|\s+(?:de\s+|d'|du\s+|of\s+)))?"
        rf"(?:(?P<det>la|le|l'|ce|cet|cette|this|last|next|the)\s*)?(?P<unit>{_PERIODS})"
        rf"(?:\s*(?P<dir>-ci|en cours|{_LAST}|{_NEXT}|suivante?|precedente?))?",
        _period,
        priority=2,
    ),
    rule(
        "count",
        rf"(?:(?:il\s+y\s+a|voici|voila|dans)\s+(?:(?:plus\s+de|moins\s+de|pres\s+de|environ|quelque)\s+)?(?P<n>{NUMBER})\s+(?P<unit>{UNIT})"
        rf"|(?P<n2>{NUMBER}|a|an)\s+(?P<unit2>{UNIT})\s+(?:plus\s+tard|plus\s+tot|apres|avant|auparavant|later|earlier|ago|after|before))",
        _count_either,
        priority=3,
    ),
)
