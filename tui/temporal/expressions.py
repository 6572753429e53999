"""Normalise time expressions relative to a report's publication, in French and English.

:func:`normalise` turns "samedi soir", "jeudi", "ces derniers jours", "depuis début septembre" or
"actuellement" into where an event's start and end may lie, as windows of minutes either on the calendar
(the origin is the Unix epoch) or against the publication time — never a fake instant. The publication
time is itself uncertain, so calendar expressions are resolved for every day the report may have been
published and the hull is kept.

Rules come first; they encode news conventions that dateparser does not know or gets wrong (measured
with dateparser 1.5: "samedi soir", "début septembre", "ces derniers jours", "la veille" and "plus tôt"
all give None, and with PREFER_DATES_FROM='past' "samedi" in a report written on a Saturday goes a week
back, where news convention means the most recent such day, the publication day included). What no rule
matches goes first to the running-text tagger (``tui.temporal.tagging``: clock times, holidays, seasons,
decades, "juin prochain", "l'an dernier", "désormais"…), which reads it as a text of its own, then to
dateparser, pinned to the report's language, its period read as the granularity: "il y a trois jours",
"la semaine dernière". Both load only then: compiling the tagger's rules costs ~0.2 s and dateparser
~0.4 s on first use, which the app's start-up does not pay for reports the rules cover.

``normalise`` is total: an expression or a publication at the edges of the calendar (year 1, year 9999,
"septembre 0000"), however nested ("depuis depuis samedi"), gives a result or None, never an exception;
over a publication range of more than a week dateparser is asked about its first and last days only
(what it reads moves forward with the day it is read on, so the hull is the same), and expressions
longer than 120 characters are not given to it.
"""

from __future__ import annotations

import re
import unicodedata
from calendar import monthrange
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Literal

from tui.model import Publication

INF = float("inf")
MINUTE = 1
HOUR = 60 * MINUTE
DAY = 24 * HOUR

Anchor = Literal["origin", "publication"]
Granularity = Literal[
    "minute", "minutes", "hour", "hours", "part-of-day", "day", "days", "week", "weeks", "month-part", "month",
    "months", "season", "quarter", "half-year", "year", "decade", "century", "open",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Window:
    """Where a time point may lie: ``lo ≤ point − anchor ≤ hi`` in minutes.

    The ``origin`` anchor is the Unix epoch (so lo and hi are calendar minutes); the ``publication``
    anchor is the report's own publication time, whatever it turns out to be.
    """

    anchor: Anchor
    lo: float
    hi: float


@dataclass(frozen=True, slots=True)
class Normalised:
    """A time expression resolved: where the event's start and end may lie, and how fine that is."""

    expression: str
    start: Window
    end: Window
    granularity: Granularity
    rule: str  # the rule that matched, or "dateparser"
    earliest: datetime | None  # the hull of the event's time, given the publication range
    latest: datetime | None


def normalise(expression: str, published: Publication, language: str = "fr") -> Normalised | None:
    """Resolve ``expression`` against the publication range, or None if nothing understands it."""
    try:
        return _normalise(expression, published, language)
    except (ValueError, OverflowError, OSError):  # a moment beyond the calendar's ends: not placeable
        return None


def _normalise(expression: str, published: Publication, language: str) -> Normalised | None:
    text = _clean(expression)
    key = _fold(_without_article(text))
    days = _publication_days(published)
    for rule in _RULES:
        match = rule.pattern.fullmatch(key)
        if match:
            if not published.known and rule.name in _NEED_A_DATE:
                return None  # "début septembre" of which year? Unknown without the publication's date
            found = rule.resolve(match, days, published)
            if found is not None:
                return _finish(expression, found, rule.name, published)
    if not published.known:
        return None
    found = _tagged(expression, published, language)
    if found is not None:
        return _finish(expression, found, "tagger", published)
    found = _dateparser(text, days, published, language)  # dateparser reads the words with their accents
    if found is not None:
        return _finish(expression, found, "dateparser", published)
    return None


# -- internals -------------------------------------------------------------------------------------

# With the publication time unknown (a drafted report), times are relative to it: a weekday is some day of
# the week before it, and what needs the calendar (a month, a date) cannot be placed.
_NEED_A_DATE = ("month", "month-part")

_PartialWindows = tuple[Window, Window, Granularity]


def _finish(expression: str, found: _PartialWindows, rule: str, published: Publication) -> Normalised:
    start, end, granularity = found
    earliest = _absolute(start.anchor, start.lo, published, low=True)
    latest = _absolute(end.anchor, end.hi, published, low=False)
    return Normalised(expression, start, end, granularity, rule, earliest, latest)


def _absolute(anchor: Anchor, minutes: float, published: Publication, *, low: bool) -> datetime | None:
    if minutes in (INF, -INF):
        return None
    if anchor == "origin":
        return from_minutes(minutes, published.estimate.tzinfo)
    base = published.earliest if low else published.latest
    return from_minutes(to_minutes(base) + minutes, base.tzinfo)


def to_minutes(moment: datetime) -> int:
    """Minutes since the Unix epoch."""
    return int(moment.timestamp() // 60)


# The calendar a bound can be shown on: Python's dates run from year 1 to 9999, and a label or an export
# steps a day either side of a bound. A bound beyond this (``il y a 3 ans`` read in year 1) is open: the
# weakest bound there is, so certain stays entailed.
FIRST_MINUTE = to_minutes(datetime(1, 1, 3, tzinfo=UTC))
LAST_MINUTE = to_minutes(datetime(9999, 12, 29, tzinfo=UTC))


def from_minutes(minutes: float, zone: tzinfo | None) -> datetime | None:
    """The moment ``minutes`` after the epoch in ``zone``; None beyond the calendar (FIRST_MINUTE–LAST_MINUTE)."""
    if not FIRST_MINUTE <= minutes <= LAST_MINUTE:
        return None
    return datetime.fromtimestamp(minutes * 60, zone)


def _clean(expression: str) -> str:
    """Lower case, one space between words, typographic apostrophes made plain."""
    text = unicodedata.normalize("NFC", expression).casefold().replace("’", "'").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip(" ,.;:")


def _without_article(text: str) -> str:
    return re.sub(r"^(?:le|on|the|in|at|à) ", "", text)


def _publication_days(published: Publication) -> list[date]:
    """Every calendar day, in the report's own time zone, on which it may have been published."""
    zone = published.estimate.tzinfo
    first = published.earliest.astimezone(zone).date()
    last = published.latest.astimezone(zone).date()
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _calendar(
    days: list[date], published: Publication, pick, hours: tuple[float, float] = (0, 24)
) -> _PartialWindows | None:
    """A window on the calendar: the hull, over the possible publication days, of the day ``pick`` gives."""
    chosen = [pick(day) for day in days]
    chosen = [day for day in chosen if day is not None]
    if not chosen:
        return None
    zone = published.estimate.tzinfo
    lo = to_minutes(datetime.combine(min(chosen), time(), zone)) + hours[0] * HOUR
    hi = to_minutes(datetime.combine(max(chosen), time(), zone)) + hours[1] * HOUR
    window = Window("origin", lo, hi)
    granularity: Granularity = "day" if hours == (0, 24) else "part-of-day"
    return window, window, granularity


# Parts of the day, as hours from the day's midnight.
_PARTS = {
    "matin": (6, 12), "matinee": (6, 12), "morning": (6, 12),
    "midi": (12, 14), "noon": (12, 14),
    "apres-midi": (12, 18), "afternoon": (12, 18),
    "soir": (18, 24), "soiree": (18, 24), "evening": (18, 24),
    "nuit": (22, 30), "night": (22, 30),
}  # fmt: skip
_WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
_MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
_RELATIVE_DAYS = {
    "aujourd'hui": 0, "today": 0, "ce jour": 0,
    "hier": -1, "yesterday": -1, "la veille": -1,
    "avant-hier": -2, "the day before yesterday": -2,
}  # fmt: skip
# "ce soir", "hier soir", "this morning", "last night": a relative day with a part of it.
_RELATIVE_PARTS = {
    "ce": 0, "cet": 0, "cette": 0, "this": 0, "hier": -1, "yesterday": -1, "last": -1, "avant-hier": -2,
}  # fmt: skip
# Ranges that end at the report: their start may lie this far back.
_RECENT = {
    "ces derniers jours": (7 * DAY, "days"), "les derniers jours": (7 * DAY, "days"),
    "au cours des derniers jours": (7 * DAY, "days"), "ces jours-ci": (7 * DAY, "days"),
    "in recent days": (7 * DAY, "days"), "recent days": (7 * DAY, "days"),
    "over the past few days": (7 * DAY, "days"), "in the past few days": (7 * DAY, "days"),
    "the past few days": (7 * DAY, "days"), "the last few days": (7 * DAY, "days"),
    "ces dernieres semaines": (28 * DAY, "weeks"), "au cours des dernieres semaines": (28 * DAY, "weeks"),
    "in recent weeks": (28 * DAY, "weeks"), "over the past few weeks": (28 * DAY, "weeks"),
    "ces derniers mois": (183 * DAY, "months"), "in recent months": (183 * DAY, "months"),
    "recemment": (30 * DAY, "days"), "recently": (30 * DAY, "days"),
    "plus tot": (DAY, "hours"), "earlier": (DAY, "hours"),
    "plus tot dans la journee": (DAY, "hours"), "earlier today": (DAY, "hours"), "earlier in the day": (DAY, "hours"),
}  # fmt: skip
_NOW = (
    "actuellement", "en ce moment", "a l'heure actuelle", "a present", "aujourd'hui encore",
    "currently", "now", "right now", "at present", "at the moment",
)  # fmt: skip
_MONTH_PARTS = {
    "debut": (1, 10), "early": (1, 10), "mi": (11, 20), "mid": (11, 20), "fin": (21, 31), "late": (21, 31),
}  # fmt: skip


def _fold(text: str) -> str:
    """Without accents: the rules match this form."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: object  # (match, days, published) -> _PartialWindows | None

    def __post_init__(self) -> None:
        object.__setattr__(self, "pattern", re.compile(self.pattern, re.IGNORECASE))  # type: ignore[arg-type]


def _most_recent(weekday: int, strictly_before: bool):
    def pick(day: date) -> date:
        back = (day.weekday() - weekday) % 7
        if strictly_before and back == 0:
            back = 7
        return day - timedelta(days=back)

    return pick


def _weekday(match: re.Match[str], days: list[date], published: Publication) -> _PartialWindows | None:
    words = match.group(0).split()
    strictly = any(w in ("dernier", "last", "passe") for w in words)
    if match.group(0).startswith("dans la nuit de"):
        words.append("nuit")
    weekday = next(_WEEKDAYS[w] for w in words if w in _WEEKDAYS)
    part = next((_PARTS[w] for w in words if w in _PARTS), (0, 24))
    if not published.known:  # the publication's own weekday is unknown: any day of the week before it
        week = [days[-1] - timedelta(days=n) for n in (range(1, 8) if strictly else range(7))]
        return _calendar(week, published, lambda day: day, part)
    return _calendar(days, published, _most_recent(weekday, strictly), part)


def _relative_day(match: re.Match[str], days: list[date], published: Publication) -> _PartialWindows | None:
    offset = _RELATIVE_DAYS[match.group(0)]
    return _calendar(days, published, lambda day: day + timedelta(days=offset))


def _relative_part(match: re.Match[str], days: list[date], published: Publication) -> _PartialWindows | None:
    word, part = match.group(1), match.group(2)
    offset = _RELATIVE_PARTS[word]
    hours = _PARTS[part]
    if word == "last" and part == "night":
        hours = (18, 30)  # "last night": yesterday evening into the night
    if word in ("ce", "cet", "cette", "this") and part in ("nuit", "night"):
        offset, hours = -1, (22, 30)  # "cette nuit" told in the morning: the night just past
    return _calendar(days, published, lambda day: day + timedelta(days=offset), hours)


def _month_year(month: int, year: str | None):
    """The month's year: given, or the most recent such month that began by the publication."""

    def pick(day: date) -> int:
        if year:
            return int(year)
        return day.year if month <= day.month else day.year - 1

    return pick


def _month_span(
    match: re.Match[str], days: list[date], published: Publication, *, part: str | None
) -> _PartialWindows | None:
    month = _MONTHS[match.group("month")]
    years = {_month_year(month, match.group("year"))(day) for day in days}
    zone = published.estimate.tzinfo
    first, last = (1, 31) if part is None else _MONTH_PARTS[part]
    lo = min(datetime.combine(date(y, month, first), time(), zone) for y in years)
    hi_year = max(years)
    hi_day = min(last, monthrange(hi_year, month)[1])
    hi = datetime.combine(date(hi_year, month, hi_day) + timedelta(days=1), time(), zone)
    window = Window("origin", to_minutes(lo), to_minutes(hi))
    return window, window, "month" if part is None else "month-part"


def _month(match: re.Match[str], days: list[date], published: Publication) -> _PartialWindows | None:
    return _month_span(match, days, published, part=None)


def _month_part(match: re.Match[str], days: list[date], published: Publication) -> _PartialWindows | None:
    return _month_span(match, days, published, part=match.group("part"))


def _recent(match: re.Match[str], days: list[date], published: Publication) -> _PartialWindows | None:
    back, granularity = _RECENT[match.group(0)]
    window = Window("publication", -back, 0)
    return window, window, granularity  # type: ignore[return-value]


def _now(match: re.Match[str], days: list[date], published: Publication) -> _PartialWindows | None:
    return Window("publication", -INF, 0), Window("publication", 0, INF), "open"


def _since(match: re.Match[str], days: list[date], published: Publication) -> _PartialWindows | None:
    words = re.sub(r"^(?:(?:depuis|since)\s+)+", "", match.group(1))  # "depuis depuis samedi": once
    if _ENDS_IN_A_UNIT.search(words):  # "depuis trois ans": a duration back from the moment of speaking
        duration = _since_duration(words, published)
        if duration is not None:
            return duration
    inner = normalise(words, published)
    if inner is None or inner.start.anchor != "origin":
        return None
    return Window("origin", inner.start.lo, inner.end.hi), Window("publication", 0, 0), inner.granularity


_ENDS_IN_A_UNIT = re.compile(
    r"(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans|annees|decennies|siecles|"
    r"seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)$"
)
_DURATION_MINUTES = {"S": 1 / 60, "M": None, "H": HOUR, "D": DAY, "W": 7 * DAY, "Y": 365 * DAY}


def _since_duration(words: str, published: Publication) -> _PartialWindows | None:
    """ "depuis plus de 80 jours", "depuis trois ans": it began that long before the moment of speaking."""
    from tui.temporal.tagging import tag

    found = tag(words, published)
    if len(found) != 1 or found[0].type != "DURATION":
        return None
    match = re.fullmatch(r"P(T?)(\d+(?:\.\d+)?)([SMHDWY])", found[0].value)
    if match is None:
        return None
    clock, amount, unit = match.groups()
    per = (1 if clock else 30 * DAY) if unit == "M" else _DURATION_MINUTES[unit]
    length = float(amount) * per
    if found[0].mod == "MORE_THAN":
        lo, hi = -INF, -length
    elif found[0].mod == "LESS_THAN":
        lo, hi = -length, 0
    else:  # about that long: give or take half a unit
        lo, hi = -length - per / 2, -length + per / 2
    granularity: Granularity = "days" if per <= 7 * DAY else "months"
    return Window("publication", lo, hi), Window("publication", 0, 0), granularity


_MONTH_WORDS = "|".join(_MONTHS)
_PART_WORDS = "|".join(_PARTS)
_RULES = (
    _Rule("since", r"(?:depuis|since)\s+(.+)", _since),
    _Rule("now", "|".join(re.escape(n) for n in _NOW), _now),
    _Rule("recent", "|".join(re.escape(r) for r in _RECENT), _recent),
    _Rule("relative-day", "|".join(re.escape(r) for r in _RELATIVE_DAYS), _relative_day),
    _Rule("relative-day-part", rf"({'|'.join(_RELATIVE_PARTS)})\s+({_PART_WORDS})", _relative_part),
    _Rule(
        "weekday",
        rf"(?:(?:dans la nuit de|on|this|last|ce)\s+)?(?:{'|'.join(_WEEKDAYS)})(?:\s+(?:dernier|passe|last))?"
        rf"(?:\s+(?:au\s+|en\s+|in\s+the\s+)?(?:{_PART_WORDS}))?",
        _weekday,
    ),
    _Rule(
        "month-part",
        rf"(?P<part>debut|mi|fin|early|mid|late)[- ](?:de\s+|d')?(?P<month>{_MONTH_WORDS})(?:\s+(?P<year>\d{{4}}))?",
        _month_part,
    ),
    _Rule("month", rf"(?:en\s+|in\s+)?(?P<month>{_MONTH_WORDS})(?:\s+(?P<year>\d{{4}}))?", _month),
)  # fmt: skip


# -- the running-text tagger, for what no rule here covers ----------------------------------------------


# What may surround the one expression the tagger finds: prepositions that do not move it ("dans la
# soirée", "à la mi-avril"), and a note in brackets ("à 15h40 (14H40 GMT)").
_ONLY_PREPOSITIONS = re.compile(
    r"(?:(?:à|a|au|aux|en|dans|vers|dès|le|la|les|l'|de|du|des|pendant|durant|at|in|on|the|during)(?:\s+|(?<=')|$))*"
)


_ANAPHORIC = re.compile(
    r"lendemain|meme|plus tard|plus tot|apres|avant|auparavant|suivante?|precedente?|later|earlier|after|before|"
    r"following|previous|next day|same day"
)


def _in_brackets(text: str, at: int) -> bool:
    return text.rfind("(", 0, at) > text.rfind(")", 0, at)


def _tagged(expression: str, published: Publication, language: str) -> _PartialWindows | None:
    """The tagger's reading, when it finds one expression that is the whole of it (but for a preposition)."""
    from tui.temporal.tagging import tag  # compiles its rules on first use
    from tui.temporal.tagging.approximation import without_words

    found = [t for t in tag(expression, published, language) if not _in_brackets(expression, t.start)]
    if len(found) != 1:
        return None
    timex = found[0]
    # "peu après 14h" is approximate, not anaphoric: the approximation words are the tagger's (one reader of
    # them, tagging/approximation.py, whose widened interval the timex carries), the rest is checked here.
    words = without_words(_fold(_clean(timex.text))) if timex.mod in ("APPROX", "AFTER", "BEFORE") else None
    if timex.rule in ("anaphoric-day", "moment") or _ANAPHORIC.search(words or _fold(_clean(timex.text))):
        return None  # "le lendemain matin", "deux jours plus tard": relative to another event, a relation's cue
    rest = (expression[: timex.start] + expression[timex.end :]).strip(" ,.;:").casefold()
    if not _ONLY_PREPOSITIONS.fullmatch(re.sub(r"\([^)]*\)", "", rest).strip()):
        return None
    if timex.value == "PRESENT_REF":
        return Window("publication", -INF, 0), Window("publication", 0, INF), "open"
    if timex.value == "PAST_REF":
        window = Window("publication", -INF, 0)
        return window, window, "open"
    if timex.value == "FUTURE_REF":
        window = Window("publication", 0, INF)
        return window, window, "open"
    if timex.earliest is None or timex.latest is None:
        return None
    window = Window("origin", to_minutes(timex.earliest), to_minutes(timex.latest))
    return window, window, timex.granularity  # type: ignore[return-value]


# -- dateparser, for what no rule covers --------------------------------------------------------------

_DATEPARSER_LONGEST = 120  # characters: longer text is no time expression, and dateparser slows on it
_DATEPARSER_DAYS = 7  # over a longer publication range, only its first and last days are read

_PERIODS: dict[str, tuple[Granularity, timedelta]] = {
    "day": ("day", timedelta(days=1)),
    "week": ("week", timedelta(days=7)),
    "month": ("month", timedelta(days=31)),
    "year": ("year", timedelta(days=366)),
}


def _dateparser(text: str, days: list[date], published: Publication, language: str) -> _PartialWindows | None:
    from dateparser.date import DateDataParser  # ~0.4 s on first use: only when no rule matches

    if len(text) > _DATEPARSER_LONGEST:
        return None
    zone = published.estimate.tzinfo
    estimate = published.estimate.astimezone(zone)
    windows = []
    granularity: Granularity = "day"
    if len(days) > _DATEPARSER_DAYS:
        days = [days[0], days[-1]]
    for day in days:
        base = datetime.combine(day, estimate.time())
        settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True, "RELATIVE_BASE": base}
        try:
            found = DateDataParser(languages=[language], settings=settings).get_date_data(text)
        except Exception:  # a language it does not know, or text it trips on: not understood
            return None
        if found.date_obj is None:
            return None
        moment = found.date_obj.replace(tzinfo=zone) if found.date_obj.tzinfo is None else found.date_obj
        if found.period == "time":
            # "il y a deux heures": an hour around that time, against the publication itself
            offset = to_minutes(moment) - to_minutes(base.replace(tzinfo=zone))
            window = Window("publication", offset - 30, offset + 30)
            return window, window, "hour"
        granularity, length = _PERIODS.get(found.period, ("day", timedelta(days=1)))
        start = _period_start(moment, found.period)
        end = _period_end(start, found.period, length)
        windows.append((to_minutes(start), to_minutes(end)))
    window = Window("origin", min(w[0] for w in windows), max(w[1] for w in windows))
    return window, window, granularity


def _period_start(moment: datetime, period: str) -> datetime:
    midnight = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    if period == "week":
        return midnight - timedelta(days=midnight.weekday())
    if period == "month":
        return midnight.replace(day=1)
    if period == "year":
        return midnight.replace(month=1, day=1)
    return midnight


def _period_end(start: datetime, period: str, length: timedelta) -> datetime:
    if period == "month":
        return start + timedelta(days=monthrange(start.year, start.month)[1])
    if period == "year":
        return start.replace(year=start.year + 1)
    return start + length
