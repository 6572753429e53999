"""Clock times: "22 h", "20 h 30", "15h40", "vers 0 h 40", "à 15h40 (14H40 GMT)", "midi", "minuit",
"hier à 10 h", "10:30 p.m.", "noon".

A clock time falls on the focus: the last day the text named, else the publication day. "GMT"/"UTC" after
a time says the zone (the value ends in Z, the interval is moved into the report's zone); "heure locale",
"locales" say it is the local time of a place whose zone is not said: the interval covers every offset
from UTC-12 to UTC+14 (values._local). "vers", "peu après", "peu avant"… make it approximate (the mods
APPROX, AFTER, BEFORE; the interval is approximation.widen's). "24 h", "48 heures" after "pendant", "en",
"plus de"… are durations, not times of day.
"""

from __future__ import annotations

import re
from datetime import timedelta
from functools import cache

from tui.temporal.tagging.approximation import mod_of, words_pattern
from tui.temporal.tagging.context import Context
from tui.temporal.tagging.lexicon import WEEKDAY, WEEKDAYS, alternatives
from tui.temporal.tagging.rules import LazyPattern, Reading, rule
from tui.temporal.tagging.tables import table, words

_ORDINALS = "1er|premier"

_DAY_WORDS = {"hier": -1, "aujourd'hui": 0, "demain": 1, "avant-hier": -2, "yesterday": -1, "today": 0, "tomorrow": 1}
# Read on the text with its accents: "dès 15 heures" is a time of day, "des heures" are not.
_CLOCK_BEFORE = LazyPattern(
    r"(?:^|[^\w])(?:à|vers|dès|jusqu'à|jusqu’à|avant|après|entre|et|de|depuis|hier|demain|soir|matin|at|by|until)\s+$"
)
_DURATION_BEFORE = LazyPattern(
    r"(?:pendant|durant|en|plus\s+de|moins\s+de|pres\s+de|environ|quelque|les|des|dans|pour|sous|toutes\s+les|"
    r"chaque|d'ici|depuis\s+plus\s+de|for|in|within|over)\s+$"
)


def _clock(match: re.Match[str], ctx: Context) -> Reading | None:
    hour = int(match.group("hour"))
    minute = int(match.group("minute") or 0)
    before = ctx.folded[max(0, match.start() - 24) : match.start()]
    after = ctx.folded[match.end() : match.end() + 12]
    if re.match(r"\s*(?:sur|/)\s*24|\s*(?:heures?\s+)?par\s+jour", after):
        return None  # "24 h sur 24": always
    spelled = "heure" in match.group(0)
    approx = bool(match.group("approx"))
    clock_before = _CLOCK_BEFORE.search(ctx.text[max(0, match.start() - 24) : match.start()].lower())
    if not approx and (
        hour > 24
        or minute > 59
        or (_DURATION_BEFORE.search(before) and not clock_before)
        or (spelled and not minute and hour > 12 and not clock_before)  # "48 heures", not "à 15 heures"
    ):
        if minute > 59:
            return None
        return Reading("DURATION", f"PT{hour}H" + (f"{minute}M" if minute else ""))
    if hour > 24 or minute > 59:
        return None
    half = match.group("half")
    if half and hour < 12 and not half.endswith("matin"):
        hour += 12  # "8 h du soir", "3 h de l'après-midi"
    meridiem = (match.group("ampm") or "").replace(".", "")
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    return _at(hour, minute, match, ctx, mod_of(match.group("approx") or ""))


def _named(match: re.Match[str], ctx: Context) -> Reading | None:
    word = match.group("word")
    at = match.start("word")
    if word == "midi" and ctx.text[at].isupper() and at > 0 and not re.search(r"[.!?\n]\s*$", ctx.text[:at]):
        return None  # "le Midi": the south of France
    hour = 12 if word in ("midi", "noon") else 24
    return _at(hour, 0, match, ctx, mod_of(match.group("approx") or ""))


_WEEKDAY_AFTER = LazyPattern(rf"\s*,?\s*(?:(?:le|ce|on)\s+)?({WEEKDAY})(?![\w])(?!\s+(?:\d|{_ORDINALS}))")


def _day_after(match: re.Match[str], ctx: Context):
    """ "Vers 0 h 40, jeudi, …": the weekday said right after the time is its day."""
    found = _WEEKDAY_AFTER.match(ctx.folded, match.end())
    if not found:
        return None
    return ctx.weekday(WEEKDAYS[found.group(1)], ctx.tense(match.start(), match.end()))


def _at(hour: int, minute: int, match: re.Match[str], ctx: Context, mod: str | None) -> Reading:
    day_word = match.group("day") or match.group("day2")
    if day_word:
        day = ctx.dct + timedelta(days=_DAY_WORDS[day_word])
    else:
        day = _day_after(match, ctx) or ctx.focus or ctx.dct
        last = ctx.last_value or ""
        if (
            last[:10] == day.isoformat()
            and (
                (hour < 6 and re.fullmatch(r"T(?:1[89]|2\d):\d\d", last[10:16]))  # "à 22 h … vers 0 h 40"
                or (hour < 12 and last[10:] == "TNI")  # "dans la nuit de jeudi à vendredi, vers 3 h"
            )
        ):
            day += timedelta(days=1)  # past midnight: the next day
    zone = _zone_of(match.group("zone")) or _zone_of(match.group("local"))
    suffix = "Z" if zone == "Z" else ""
    value = f"{day.isoformat()}T{hour:02d}:{minute:02d}{suffix}"
    ctx.last_time = value
    local = zone == "local" or (zone is None and _foreign_place(match))
    return Reading("TIME", value, mod, focus=day if day_word else None, local=local)


def _foreign_place(match: re.Match[str]) -> bool:
    """Whether a place of another zone follows the time ("à 14 h à Tokyo"), its zone not said beside it."""
    try:
        return match.group("place") is not None
    except (IndexError, KeyError):  # a rule with no place to look at ("midi")
        return False


def _zone_of(words: str | None) -> str | None:
    return ZONES.get(" ".join(words.split())) if words else None


_APPROX = rf"(?P<approx>{words_pattern()})\s+"  # see approximation.py
# "hier à 10 h", "hier vers 10 h" (the approximation words then read as the clock time's own: APPROX)
_DAY = (
    r"(?:(?P<day>hier|aujourd'hui|demain|avant-hier|yesterday|today|tomorrow)\s+"
    rf"(?:(?:a|at)\s+|(?=(?:{words_pattern()})\s)))?"
)
ZONES = table("zones")  # "GMT", "heure locale", "heure de Paris": see resources/fr/zones.txt


def _zone_words(reading: str) -> str:
    return alternatives((word for word in ZONES if ZONES[word] == reading), spaced=True)


# "14H40 GMT", "(14H40 GMT)"; "12 h 30 locales", "9 heures (heure locale)", "20 h heure de Paris"
_ZONE = (
    rf"(?:\s*\(?\s*(?P<zone>{_zone_words('Z')})\b\)?)?"
    rf"(?:\s*\(\s*(?P<local>{_zone_words('local')}|{_zone_words('publication')})\s*\)"
    rf"|\s+(?P<local2>{_zone_words('local')}|{_zone_words('publication')})(?![\w]))?"
)
# "à 14 h à Tokyo": a place after the time, whose zone may not be the report's (resources/*/foreign_places.txt).
# Looked at, not taken into the span: the time expression stays "14 h".
_PLACES = alternatives(words("foreign_places"), spaced=True)
_PLACE = rf"(?:(?=\s*,?\s+(?:a|au|aux|en|in|at)\s+(?:l'|la\s+|le\s+)?(?P<place>{_PLACES})(?![\w])))?"
_PLACE_AFTER = LazyPattern(rf"\s*,?\s+(?:a|au|aux|en|in|at)\s+(?:l'|la\s+|le\s+)?(?P<place>{_PLACES})(?![\w])")
_PREPOSITION_AFTER = re.compile(r"\s*,?\s+(?:a|au|aux|en|in|at)\s")  # how a place after a time begins


def place_after(folded: str, at: int) -> tuple[int, str] | None:
    """ "à 14 h à Tokyo": where the foreign place named right after a time of day ending at ``at`` ends in a
    folded text (tagging.lexicon.fold), and the place; None if no such place follows. (Most times have no
    preposition after them: the long list of places is then neither compiled nor tried.)"""
    if not _PREPOSITION_AFTER.match(folded, at):
        return None
    match = _PLACE_AFTER.match(folded, at)
    return (match.end(), " ".join(match.group("place").split())) if match else None


@cache
def place_zone(place: str) -> str | None:
    """The zone (IANA name) of a foreign place, where it has one (resources/*/foreign_places.txt)."""
    for language in ("fr", "en"):
        zone = table("foreign_places", str, (language,)).get(place)
        if zone:
            return zone
    return None


_HALF = r"(?:\s+(?P<half>du\s+matin|du\s+soir|de\s+l'apres-midi|de\s+la\s+nuit))?"
_DAY_AFTER = r"(?:,?\s+(?P<day2>hier|aujourd'hui|demain|avant-hier|yesterday|today|tomorrow))?"


def _clock_any(match: re.Match[str], ctx: Context) -> Reading | None:
    return _clock(_Merged(match), ctx)  # type: ignore[arg-type]


class _Merged:
    """The clock match, its alternative groups merged: ":30" is a minute like "h 30", "10 p.m." like "10pm"."""

    def __init__(self, match: re.Match[str]) -> None:
        self._match = match

    def group(self, name: str | int = 0):
        m = self._match
        if name == "minute":
            return m.group("minute") or m.group("minute2")
        if name == "half":
            return m.group("half") if "half" in m.re.groupindex else None
        if name == "ampm":
            return m.group("ampm") or m.group("ampm2")
        if name == "local":
            return m.group("local") or m.group("local2")
        return m.group(name)

    def start(self, name: str | int = 0) -> int:
        return self._match.start(name)

    def end(self, name: str | int = 0) -> int:
        return self._match.end(name)


RULES = (
    rule(
        "clock",
        rf"{_DAY}(?:{_APPROX})?(?P<hour>[01]?\d|2[0-4]|\d\d)(?:\s?(?:h|heures?)(?:\s?(?P<minute>[0-5]\d)(?:\s?(?:mn|min))?)?"
        rf"|:(?P<minute2>[0-5]\d)(?!\d)|(?=\s?(?P<ampm>[ap]\.?m\.?))){_ZONE}(?:\s?(?P<ampm2>[ap]\.?m\.?))?{_HALF}{_DAY_AFTER}"
        rf"{_PLACE}",
        _clock_any,
        priority=3,
    ),
    rule(
        "named-time",
        rf"{_DAY}(?:{_APPROX})?(?P<word>midi|minuit|noon|midnight){_DAY_AFTER}(?P<zone>)(?P<local>)",
        _named,
        priority=2,
    ),
)
