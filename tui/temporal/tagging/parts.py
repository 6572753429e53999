"""Parts of the day: "hier soir", "mardi matin", "ce soir", "samedi en soirée", "le lendemain matin",
"ce même lundi après-midi", "la nuit", "dans la soirée", "en fin d'après-midi", "le matin même",
"la nuit de lundi à mardi", "cette nuit", "la nuit dernière"; "Monday morning", "tonight", "last night";
"la soirée du 3 octobre" (the part, then its date: joined into one expression by compounds.py).

Their value is the day and the part's TIMEX3 code (``1999-05-19TMO``); their interval the part's hours
(matin 06–12, après-midi 12–18, soir 18–24, nuit 22–06 the next morning, journée 06–18). A part with no
day falls on the focus. "La nuit de lundi à mardi" is Monday's night, which ends on Tuesday morning.

"Cette nuit" (one rule, for the tagger and the engine alike, which reads through the tagger): the night just
past — for a report published on Sunday at noon, Saturday 22:00 to Sunday 06:00 — as news tells it, whether
its verb is in the past ("a été bombardée cette nuit"), the present ("la ville panse ses plaies cette nuit")
or absent (an event's time alone); only a verb in the future ("il neigera cette nuit", "doit partir cette
nuit") makes it the coming night, the publication day's.
"""

from __future__ import annotations

import re
from datetime import timedelta

from tui.temporal.tagging.context import Context
from tui.temporal.tagging.dates import _LAST
from tui.temporal.tagging.lexicon import DAY_NUMBER, MONTH, MONTHS, PART, PARTS, WEEKDAY, WEEKDAYS
from tui.temporal.tagging.rules import Reading, rule

_RELATIVE = {
    "hier": -1, "aujourd'hui": 0, "demain": 1, "avant-hier": -2, "apres-demain": 2, "yesterday": -1,
    "today": 0, "tomorrow": 1,
}  # fmt: skip
_FOCUS = {"le lendemain": 1, "la veille": -1, "le meme jour": 0, "le jour meme": 0, "the next day": 1}
_MODS = {
    "debut": "START",
    "fin": "END",
    "milieu": "MID",
    "tot": "START",
    "tard": "END",
    "early": "START",
    "late": "END",
}


def _part_code(word: str) -> str:
    return PARTS[word.replace(" ", "-") if word.startswith("apres") else word]


def _with_day(match: re.Match[str], ctx: Context) -> Reading | None:
    code = _part_code(match.group("part"))
    anchor = match.group("anchor")
    tense = ctx.tense(match.start(), match.end())
    if match.group("there") and anchor in ("ce", "cet", "cette"):
        day = ctx.focus or ctx.dct  # "ce matin-là": that morning, the focus's
    elif anchor in _RELATIVE:
        day = ctx.dct + timedelta(days=_RELATIVE[anchor])
    elif anchor in _FOCUS:
        day = (ctx.focus or ctx.dct) + timedelta(days=_FOCUS[anchor])
    elif anchor in ("ce", "cet", "cette", "this"):
        day = ctx.dct
        if code == "NI" and tense != "future":
            day -= timedelta(days=1)  # "cette nuit": the night just past, unless a future verb says otherwise
    elif anchor in ("last",):
        day = ctx.dct - timedelta(days=1)
    else:  # a weekday, maybe with its date
        weekday = WEEKDAYS[match.group("weekday")]
        if match.group("mday"):
            month = MONTHS[match.group("month")]
            from tui.temporal.tagging.context import _safe_date

            found = ctx.nearest(lambda y: _safe_date(y, month, int(match.group("mday").rstrip("er"))), tense)
            day = found or ctx.dct
        elif match.group("same"):
            day = ctx.weekday(weekday, "past", ctx.focus)
        elif match.group("dir"):
            sign = -1 if re.match(_LAST, match.group("dir")) else 1
            base = ctx.dct + timedelta(days=sign)
            day = base + timedelta(days=sign * ((sign * (weekday - base.weekday())) % 7))
        else:
            day = ctx.weekday(weekday, tense)
    mod = _MODS.get((match.group("mod") or "").split(" ")[0]) if match.group("mod") else None
    return Reading("TIME", f"{day.isoformat()}T{code}", mod, focus=day)


def _alone(match: re.Match[str], ctx: Context) -> Reading | None:
    """A part of the day with no day: on the focus, or the one next to it ("la nuit suivante")."""
    code = _part_code(match.group("part"))
    day = ctx.focus or ctx.dct
    qualifier = match.group("dir") or ""
    if qualifier in ("suivant", "suivante", "following"):
        day += timedelta(days=1)
    elif qualifier in ("precedent", "precedente"):
        day -= timedelta(days=1)
    elif qualifier and re.fullmatch(_LAST, qualifier):
        day = ctx.dct - timedelta(days=1)
    elif qualifier in ("prochaine", "prochain"):
        day = ctx.dct + (timedelta(days=0) if code == "NI" else timedelta(days=1))
    mod = _MODS.get((match.group("mod") or "").split(" ")[0]) if match.group("mod") else None
    return Reading("TIME", f"{day.isoformat()}T{code}", mod)


def _night_between(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "la nuit de lundi à mardi", "la nuit de samedi": that day's night, which runs into the next."""
    first = WEEKDAYS[match.group("weekday")]
    second = WEEKDAYS[match.group("weekday2")] if match.group("weekday2") else (first + 1) % 7
    if (second - first) % 7 != 1:
        return None
    tense = ctx.tense(match.start(), match.end())
    day = ctx.weekday(first, tense)
    return Reading("TIME", f"{day.isoformat()}TNI", focus=day)


def _nightly(match: re.Match[str], ctx: Context) -> Reading | None:
    """ "des rondes nocturnes": at night, no night in particular."""
    return Reading("TIME", "TNI")


def _tonight(match: re.Match[str], ctx: Context) -> Reading | None:
    return Reading("TIME", f"{ctx.dct.isoformat()}TNI")


_WEEKDAY_DAY = (
    rf"(?:(?P<same>ce\s+meme\s+)|le\s+)?(?P<weekday>{WEEKDAY})(?:\s+(?P<mday>{DAY_NUMBER})\s+(?P<month>{MONTH}))?"
    rf"(?:\s+(?P<dir>derniere?|prochaine?|last|next))?"
)
_ANCHOR = (
    rf"(?P<anchor>hier|aujourd'hui|demain|avant-hier|apres-demain|yesterday|today|tomorrow|le\s+lendemain|la\s+veille|"
    rf"le\s+meme\s+jour|le\s+jour\s+meme|ce|cet|cette|this|last|{_WEEKDAY_DAY})"
)
_MOD = r"(?:(?P<mod>debut|fin|milieu|tot|tard|early|late)\s+(?:de\s+|d'|dans\s+la\s+|dans\s+l'|le\s+|in\s+the\s+)?)"
_PART = rf"(?P<part>{PART})"
# A date after "de"/"du": "la soirée du 3 octobre", "la nuit du 14 au 15 juillet", "la matinée de samedi" are
# that date's (compounds.py); before anything else ("le soir du drame") a part of the day is no expression.
_A_DATE = rf"\s*(?:(?:{WEEKDAY})(?![\w])|(?:{DAY_NUMBER})\s+(?:(?:au|a|et)\s+(?:{DAY_NUMBER})\s+)?(?:{MONTH})(?![\w]))"

RULES = (
    rule(
        "part-with-day",
        rf"{_ANCHOR}\s+(?:(?:en|au|dans\s+la|dans\s+l'|in\s+the|en\s+fin\s+d[e']\s*|en\s+debut\s+d[e']\s*|a\s+la\s+|a\s+l')\s*)?"
        rf"{_MOD}?{_PART}(?:\s+(?:meme)|(?P<there>-la))?",
        _with_day,
        priority=3,
    ),
    rule(
        "part-alone",
        rf"(?:(?:le|la|l'|en|the|in\s+the)\s*)?{_MOD}?(?:(?:la|le|l')\s*)?(?P<same>meme\s+)?{_PART}"
        rf"(?:\s+(?P<dir>meme|suivante?|precedente?|following|derniere?|prochaine?))?(?!\s+(?:(?:de|du)\s|d')(?!{_A_DATE}))",
        _alone,
        priority=1,
    ),
    rule(
        "night-between",
        rf"(?:la\s+)?nuit\s+(?:de|du)\s+(?P<weekday>{WEEKDAY})(?:\s+(?:a|au)\s+(?P<weekday2>{WEEKDAY}))?",
        _night_between,
        priority=4,
    ),
    rule("tonight", r"tonight", _tonight, priority=1, language="en"),
    rule("nightly", r"nocturnes?", _nightly, priority=1, language="fr"),
)
