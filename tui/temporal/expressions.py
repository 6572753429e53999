"""Normalise time expressions relative to a report's publication, in French and English.

:func:`normalise` turns "samedi soir", "jeudi", "ces derniers jours", "depuis début septembre" or
"actuellement" into where an event's start and end may lie, as windows of minutes either on the calendar
(the origin is the Unix epoch) or against the publication time — never a fake instant. The publication
time is itself uncertain, so calendar expressions are resolved for every day the report may have been
published and the hull is kept.

One reader of time words: what an event's time says is the running-text tagger's reading of it
(``tui.temporal.tagging``, whose French and English words are data, ``tagging/resources/<language>/*.txt``),
read alone, as news tells it (in the past where no word says otherwise: see ``tagging.tag``), and turned
into windows: on the calendar for what it places ("samedi soir", "hier", "début septembre", "vers 22 h"),
against the publication for the present, past and future references ("actuellement"). The tagger and the
engine can thus not disagree: "cette nuit" is, for both, the night just past (see ``tagging/parts.py``).

The engine reads itself only what the tagger does not place: ranges that run up to the report ("depuis
septembre", "depuis trois ans": the tagger's reading of what follows "depuis" as the start; "ces derniers
jours", "plus tôt": resources ``since.txt`` and ``recent.txt``); it leaves what is relative to another event
("le lendemain", "deux jours plus tard": resources ``anaphoric.txt``) to the event's relations; and it asks
dateparser, pinned to the report's language, its period read as the granularity ("il y a deux heures"),
about what the tagger does not read. The tagger loads, and compiles its rules, on the first expression
read, dateparser (~0.4 s) only then: ``import tui.temporal`` loads neither.

With the publication unknown (a drafted report), only what is relative to it is placed: a weekday is some
day of the week before it, and a month or a date, of no known year, is not placed.

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
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import cache
from typing import Literal

from msgspec import Struct

from tui.model import Publication
from tui.model.report import replace

INF = float("inf")
MINUTE = 1
HOUR = 60 * MINUTE
DAY = 24 * HOUR

Anchor = Literal["origin", "publication"]
Granularity = Literal[
    "minute", "minutes", "hour", "hours", "part-of-day", "day", "days", "week", "weeks", "month-part", "month",
    "months", "season", "quarter", "half-year", "year", "decade", "century", "open",
]  # fmt: skip


class Window(Struct, frozen=True):
    """Where a time point may lie: ``lo ≤ point − anchor ≤ hi`` in minutes.

    The ``origin`` anchor is the Unix epoch (so lo and hi are calendar minutes); the ``publication``
    anchor is the report's own publication time, whatever it turns out to be.
    """

    anchor: Anchor
    lo: float
    hi: float


class Normalised(Struct, frozen=True):
    """A time expression resolved: where the event's start and end may lie, and how fine that is."""

    expression: str
    start: Window
    end: Window
    granularity: Granularity
    rule: str  # the rule that matched, or "dateparser"
    earliest: datetime | None  # the hull of the event's time, given the publication range
    latest: datetime | None
    # A time of day whose words give no day ("vers 13 heures", "en fin de matinée"): read alone on the
    # publication day, though news tells it on the day the story is at (the likely layer reads it there).
    day_free: bool = False
    # "14 h à Tokyo": the time read in the named place's zone, which the likely layer takes (place-zone);
    # the windows above cover every zone, as for "heure locale".
    place: Window | None = None


def normalise(expression: str, published: Publication, language: str = "fr") -> Normalised | None:
    """Resolve ``expression`` against the publication range, or None if nothing understands it."""
    try:
        return _normalise(expression, published, language)
    except (ValueError, OverflowError, OSError):  # a moment beyond the calendar's ends: not placeable
        return None


def _normalise(expression: str, published: Publication, language: str) -> Normalised | None:
    text = _clean(expression)
    key = _without_article(_folded(text))
    for name, pattern, resolve in _engine_rules():
        match = pattern.fullmatch(key)
        if match:
            found = resolve(match, published, language)
            if found is not None:
                return _finish(expression, found, name, published)
    tagged = _tagged(expression, published, language)
    if tagged is not None:
        from tui.temporal.tagging import DAY_FREE_RULES  # loaded by _tagged already

        found, tagger_rule = tagged
        normalised = _finish(expression, found, "tagger", published)
        if tagger_rule in DAY_FREE_RULES and found[0].anchor == "origin":
            normalised = replace(normalised, day_free=True)
        if published.known and found[0].anchor == "origin":
            place = _place_window(expression, published, language)
            if place is not None:
                normalised = replace(normalised, place=place)
        return normalised
    if not published.known:
        return None  # dateparser reads against a calendar date, which an unknown publication has not
    found = _dateparser(text, _publication_days(published), published, language)
    if found is not None:
        return _finish(expression, found, "dateparser", published)
    return None


# -- internals -------------------------------------------------------------------------------------

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
    """Lower case, one space between words, typographic apostrophes made plain (dateparser reads this)."""
    text = unicodedata.normalize("NFC", expression).casefold().replace("’", "'").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip(" ,.;:")


def _folded(text: str) -> str:
    """Without accents, by the tagger's one fold: the engine's own rules match this form."""
    from tui.temporal.tagging.lexicon import fold

    return fold(text)


def _without_article(text: str) -> str:
    return re.sub(r"^(?:le|on|the|in|at|a) ", "", text)


def _publication_days(published: Publication) -> list[date]:
    """Every calendar day, in the report's own time zone, on which it may have been published."""
    zone = published.estimate.tzinfo
    first = published.earliest.astimezone(zone).date()
    last = published.latest.astimezone(zone).date()
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


# -- what only the engine reads: ranges that run up to the report ----------------------------------------
# Their words are data, as the tagger's are (tagging/resources/<language>/recent.txt and since.txt); the
# rules are compiled on first use, with the tagger's tables.

_Resolve = Callable[[re.Match[str], Publication, str], "_PartialWindows | None"]


@cache
def _engine_rules() -> tuple[tuple[str, re.Pattern[str], _Resolve], ...]:
    from tui.temporal.tagging.lexicon import alternatives
    from tui.temporal.tagging.tables import words

    since = alternatives(words("since"))
    bounding = alternatives(_bounding_table())
    return (
        ("since", re.compile(rf"(?:{since})\s+(.+)"), _since),
        ("bounded", re.compile(rf"({bounding})\s+(.+)"), _bounded),
        ("recent", re.compile(alternatives(_recent_table())), _recent),
    )


@cache
def _recent_table() -> dict[str, tuple[float, Granularity]]:
    from tui.temporal.tagging.tables import table

    def reach(value: str) -> tuple[float, Granularity]:
        days, granularity = value.split()
        return float(days) * DAY, granularity  # type: ignore[return-value]

    return table("recent", reach)


def _recent(match: re.Match[str], published: Publication, language: str) -> _PartialWindows | None:
    back, granularity = _recent_table()[match.group(0)]
    window = Window("publication", -back, 0)
    return window, window, granularity


@cache
def _bounding_table() -> dict[str, str]:
    from tui.temporal.tagging.tables import table

    return table("bounding")


def _bounded(match: re.Match[str], published: Publication, language: str) -> _PartialWindows | None:
    """ "après 2020": the event lies after 2020's end; "avant lundi": before Monday's start (the word's side of
    resources/<language>/bounding.txt). The other side is open: the words say no more."""
    inner = normalise(match.group(2), published, language)
    if inner is None or inner.start.anchor != "origin" or inner.end.anchor != "origin":
        return None
    if _bounding_table()[match.group(1)] == "after":
        window = Window("origin", inner.end.hi, INF)
    else:
        window = Window("origin", -INF, inner.start.lo)
    return window, window, inner.granularity


def _since(match: re.Match[str], published: Publication, language: str) -> _PartialWindows | None:
    """ "depuis septembre": it began then (the tagger's reading of "septembre"), and goes on at the report."""
    since = _engine_rules()[0][1]
    words = match.group(1)
    while (again := since.fullmatch(words)) is not None:  # "depuis depuis samedi": once
        words = again.group(1)
    if _ends_in_a_unit(words):  # "depuis trois ans": a duration back from the moment of speaking
        duration = _since_duration(words, published)
        if duration is not None:
            return duration
    inner = normalise(words, published, language)
    if inner is None or inner.start.anchor != "origin":
        return None
    return Window("origin", inner.start.lo, inner.end.hi), Window("publication", 0, 0), inner.granularity


def _ends_in_a_unit(words: str) -> bool:
    from tui.temporal.tagging.lexicon import UNITS

    return words.rsplit(" ", 1)[-1] in UNITS


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


# -- everything else: the tagger's reading, the one reader of time words ------------------------------------


@cache
def _surrounding() -> re.Pattern[str]:
    """What may surround the one expression the tagger finds: prepositions that do not move it ("dans la
    soirée", "à la mi-avril"; resources/<language>/surrounding.txt)."""
    from tui.temporal.tagging.lexicon import alternatives
    from tui.temporal.tagging.tables import words

    return re.compile(rf"(?:(?:{alternatives(words('surrounding'))})(?:\s+|(?<=')|$))*")


@cache
def _anaphoric() -> re.Pattern[str]:
    """Words that make a time relative to another event (resources/<language>/anaphoric.txt)."""
    from tui.temporal.tagging.lexicon import alternatives
    from tui.temporal.tagging.tables import words

    return re.compile(rf"(?<![\w-])(?:{alternatives(words('anaphoric'))})(?![\w-])")


def _in_brackets(text: str, at: int) -> bool:
    return text.rfind("(", 0, at) > text.rfind(")", 0, at)


def _tagged(expression: str, published: Publication, language: str) -> tuple[_PartialWindows, str] | None:
    """The tagger's reading of the expression alone, when it finds one expression that is the whole of it
    (but for a preposition), as windows, with the tagger's rule. With the publication unknown, only a
    reading relative to it."""
    timex = _one_timex(expression, published, language)
    if timex is None:
        return None
    if timex.value == "PRESENT_REF":
        return (Window("publication", -INF, 0), Window("publication", 0, INF), "open"), timex.rule
    if timex.value == "PAST_REF":
        window = Window("publication", -INF, 0)
        return (window, window, "open"), timex.rule
    if timex.value == "FUTURE_REF":
        window = Window("publication", 0, INF)
        return (window, window, "open"), timex.rule
    if not published.known:
        found = _relative_to_an_unknown_publication(expression, published, language)
        return (found, timex.rule) if found is not None else None
    if timex.earliest is None or timex.latest is None:
        return None
    window = Window("origin", to_minutes(timex.earliest), to_minutes(timex.latest))
    return (window, window, timex.granularity), timex.rule  # type: ignore[return-value]


def _place_window(expression: str, published: Publication, language: str) -> Window | None:
    """ "14 h à Tokyo": the time of day read in the named place's zone (its value is a wall-clock time), for
    the likely layer's ``place-zone`` default; None where no place with one zone follows the time."""
    from tui.temporal.tagging.clock import place_after, place_zone
    from tui.temporal.tagging.lexicon import fold
    from tui.temporal.tagging.values import interval

    timex = _one_timex(expression, published, language)
    if timex is None or timex.type != "TIME":
        return None
    place = place_after(fold(expression), timex.end)
    zone_name = place_zone(place[1]) if place is not None else None
    if zone_name is None:
        return None
    try:
        from zoneinfo import ZoneInfo

        zone = ZoneInfo(zone_name)
    except (ImportError, OSError, ValueError, LookupError):  # no time-zone data on this machine
        return None
    earliest, latest, _ = interval(timex.value, zone, timex.mod)
    if earliest is None or latest is None:
        return None
    return Window("origin", to_minutes(earliest), to_minutes(latest))


def _one_timex(expression: str, published: Publication, language: str):
    """The one timex the tagger finds in ``expression``, but for surrounding prepositions; None if it finds
    none, several, or one relative to another event ("le lendemain": a relation's cue, not a time)."""
    from tui.temporal.tagging import tag  # compiles its rules on first use
    from tui.temporal.tagging.approximation import without_words
    from tui.temporal.tagging.clock import place_after
    from tui.temporal.tagging.lexicon import fold
    from tui.temporal.tagging.relative import BEFORE_THE_REPORT

    # Alone, an event's time is read as news tells it, in the past (see tagging.tag): "le jeudi" is that
    # Thursday, not every Thursday; "décembre" the last December.
    found = [t for t in tag(expression, published, language, "past") if not _in_brackets(expression, t.start)]
    if len(found) != 1:
        return None
    timex = found[0]
    text = " ".join(fold(timex.text).split())
    if timex.rule == "moment" or (timex.rule == "anaphoric-day" and text not in BEFORE_THE_REPORT):
        return None  # "le lendemain", "à ce moment-là": relative to another event, a relation's cue
    # "peu après 14h" is approximate, not anaphoric: the approximation words are the tagger's.
    words = without_words(text) if timex.mod in ("APPROX", "AFTER", "BEFORE") else text
    if timex.rule != "anaphoric-day" and _anaphoric().search(words):
        return None  # "le lendemain matin", "deux jours plus tard"
    after = fold(expression[timex.end :])
    place = place_after(after, 0)
    if place is not None:  # "14 h à Tokyo": the place says whose clock (the timex is read as local time)
        after = after[place[0] :]
    rest = (fold(expression[: timex.start]) + after).strip(" ,.;:")
    if not _surrounding().fullmatch(" ".join(re.sub(r"\([^)]*\)", "", rest).split())):
        return None
    return timex


# With the publication time unknown (a drafted report), only what is relative to it can be placed: its
# weekday is unknown too, so a weekday is some day of the week before it. The tagger reads the expression as
# if published on each day of a week (and a year of weeks later, which moves every reading relative to the
# publication by exactly that much, and no calendar one: "début septembre", "le 3 octobre" stay unplaced).
_YEAR_OF_WEEKS = timedelta(weeks=52)


def _relative_to_an_unknown_publication(
    expression: str, published: Publication, language: str
) -> _PartialWindows | None:
    found = _readings_by_weekday(expression, published, language)
    if found is None:
        return None
    readings, granularity = found
    window = Window("origin", min(r[0] for r in readings), max(r[1] for r in readings))
    return window, window, granularity


def read_as_published_on(expression: str, day: date, published: Publication, language: str = "fr") -> Normalised | None:
    """With the publication unknown, the expression read as if the report were published on ``day`` (any time
    of it), its windows moved into the unknown publication's frame (the day it stands for is ``day``): what
    the likely layer's ``publication-day`` default chooses from and places (tui.temporal.defaults). None for a
    known publication, or where nothing reads the expression."""
    if published.known:
        return None
    zone = UTC  # the placeholder's offset, under a name of its own, so that the publication is known
    supposed = Publication(
        datetime.combine(day, datetime.min.time(), zone),
        datetime.combine(day, datetime.min.time(), zone) + timedelta(hours=12),
        datetime.combine(day, datetime.min.time(), zone) + timedelta(hours=23, minutes=59),
        "supposed",
    )
    found = normalise(expression, supposed, language)
    if found is None:
        return None
    shift = to_minutes(supposed.earliest) - to_minutes(published.earliest)

    def moved(window: Window) -> Window:
        return Window(window.anchor, window.lo - shift, window.hi - shift) if window.anchor == "origin" else window

    return replace(found, start=moved(found.start), end=moved(found.end))


def _readings_by_weekday(
    expression: str, published: Publication, language: str
) -> tuple[tuple[tuple[int, int], ...], Granularity] | None:
    readings = []
    for shift in [timedelta(days=n) for n in range(7)] + [_YEAR_OF_WEEKS]:
        moved = replace(
            published, earliest=published.earliest + shift, estimate=published.estimate + shift,
            latest=published.latest + shift,
        )  # fmt: skip
        timex = _one_timex(expression, moved, language)
        if timex is None or timex.earliest is None or timex.latest is None or timex.type == "SET":
            return None
        readings.append((to_minutes(timex.earliest - shift), to_minutes(timex.latest - shift)))
    if readings[-1] != readings[0]:
        return None  # placed on the calendar, not against the publication: of which year?
    return tuple(readings[:7]), timex.granularity  # type: ignore[return-value]


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
            if _same_from_another_day(text, base, moment, language, settings):
                # "2021-10-03 14:00": a clock time on a date the words give, whatever the publication's day
                at = to_minutes(moment)
                window = Window("origin", at, at + 1)
                return window, window, "minute"
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


def _same_from_another_day(text: str, base: datetime, moment: datetime, language: str, settings: dict) -> bool:
    """Whether dateparser reads ``text`` as the same moment from a base a week and a day later: a date and clock
    time the words give ("2021-10-03 14:00"), not a time counted from the publication ("il y a deux heures")."""
    from dateparser.date import DateDataParser

    later = {**settings, "RELATIVE_BASE": base + timedelta(days=8)}
    try:
        again = DateDataParser(languages=[language], settings=later).get_date_data(text)
    except Exception:  # as in _dateparser: not understood
        return False
    if again.date_obj is None:
        return False
    other = again.date_obj.replace(tzinfo=moment.tzinfo) if again.date_obj.tzinfo is None else again.date_obj
    return other == moment


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
