"""Find and normalise every time expression of a running text.

The rule families (dates, relative days and periods, clock times, parts of the day, durations, sets,
present/past/future references, seasons, eras, holidays) each propose matches over the folded text; the
leftmost-longest match wins where they overlap (a family's priority breaks ties), and the winners are
read in text order, so that each can move the focus the later ones are anchored to. Two that make one
expression ("la soirée du 3 octobre"; "samedi à 22 h" when asked) are joined as they are read (compounds.py).

The publication may be uncertain: the text is read once for the estimated publication day, which gives
the values, and once for each other day it may have been published (the first and the last, when there
are more), and every interval is the hull of its readings.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from msgspec import Struct

from tui.model import Publication
from tui.model.report import replace
from tui.temporal.tagging import (
    approximation,
    clock,
    compounds,
    dates,
    durations,
    eras,
    holidays,
    needs,
    parts,
    references,
    relative,
    seasons,
    sets,
)
from tui.temporal.tagging.context import Context, Tense
from tui.temporal.tagging.lexicon import alternatives, fold
from tui.temporal.tagging.rules import Reading, Rule
from tui.temporal.tagging.tables import words
from tui.temporal.tagging.values import interval

FAMILIES = (dates, relative, clock, parts, durations, sets, references, seasons, eras, holidays)
RULES: tuple[Rule, ...] = tuple(r for family in FAMILIES for r in family.RULES)
needs.attach(RULES)
MAX_TEXT = 5_000_000  # characters; beyond, the text is read up to there


class Timex(Struct, frozen=True):
    """A time expression found in a text: where, what kind, its ISO-TimeML value and where it lies."""

    start: int  # offsets into the text as given
    end: int
    text: str
    type: str  # DATE, TIME, DURATION or SET
    value: str
    mod: str | None
    earliest: datetime | None
    latest: datetime | None
    granularity: str
    rule: str

    def as_json(self) -> dict[str, object]:
        def iso(moment: datetime | None) -> str | None:
            return moment.isoformat() if moment else None

        return {
            "start": self.start, "end": self.end, "text": self.text, "type": self.type, "value": self.value,
            "earliest": iso(self.earliest), "latest": iso(self.latest), "granularity": self.granularity,
        }  # fmt: skip


def tag(
    text: str, published: Publication, language: str = "fr", untensed: Tense = "present", joined: bool | None = None
) -> tuple[Timex, ...]:
    """Every time expression of ``text``, in order, normalised against the publication.

    ``untensed`` is the tense an expression is read in where no verb near it says one: "present" in a
    running text (a present-tense verb is not told from none), "past" for an event's time read alone, as
    the engine's ``normalise`` asks: a news report tells what has happened ("décembre" is the last
    December, "le jeudi" that Thursday), unless its own words say otherwise ("juin prochain").

    ``joined``: whether a day and the clock time after it ("samedi à 22 h", "ce matin à 4 h 27") are one
    TIME expression, that day at that time (compounds.py), or two, as TimeML annotates them in running text
    (the time's value carrying the day all the same). None: one for an event's time read alone (``untensed``
    "past", as ``normalise`` asks), two in running text."""
    text = text[:MAX_TEXT]
    folded = fold(text)
    found = _matches(folded, language)
    zone = published.estimate.tzinfo
    estimate_day = published.estimate.astimezone(zone).date() if zone else published.estimate.date()
    together = untensed == "past" if joined is None else joined
    readings = _read(text, folded, found, estimate_day, language, untensed, together)
    others = [
        _read(text, folded, found, day, language, untensed, together) for day in _other_days(published, estimate_day)
    ]
    timexes = []
    for (start, end, rule_name), reading in readings.items():
        earliest, latest, granularity = _where(reading, published, zone)
        for other in others:
            seen = other.get((start, end, rule_name))
            if seen is None or earliest is None or latest is None:
                continue
            lo, hi, _ = _where(seen, published, zone)
            earliest = min(earliest, lo) if lo else earliest
            latest = max(latest, hi) if hi else latest
        timexes.append(
            Timex(start, end, text[start:end], reading.type, reading.value, reading.mod, earliest, latest,
                  granularity, rule_name)
        )  # fmt: skip
    return tuple(timexes)


def _other_days(published: Publication, estimate_day: date) -> list[date]:
    zone = published.estimate.tzinfo
    first = published.earliest.astimezone(zone).date() if zone else published.earliest.date()
    last = published.latest.astimezone(zone).date() if zone else published.latest.date()
    return sorted({first, last} - {estimate_day})


def _matches(folded: str, language: str) -> list[tuple[int, int, Rule]]:
    """Every rule's matches, leftmost-longest first; a family's priority breaks ties."""
    found = []
    for rule in RULES:
        if rule.language not in (None, language) or not rule.may_match(folded):
            continue
        for match in rule.pattern.finditer(folded):
            if match.end() > match.start():
                found.append((match, rule))
    found.sort(key=lambda mr: (mr[0].start(), -(mr[0].end() - mr[0].start()), -mr[1].priority))
    return found  # type: ignore[return-value]


def _read(
    text: str, folded: str, found, day: date, language: str, untensed: Tense = "present", joined: bool = False
) -> dict[tuple[int, int, str], Reading]:
    ctx = Context(text, folded, day, language, untensed=untensed)
    taken: dict[tuple[int, int, str], Reading] = {}
    position = 0
    last: tuple[int, int, str] | None = None
    for match, rule in found:
        if match.start() < position:
            continue
        start, end = _trimmed(folded, match.start(), match.end())
        try:
            reading = rule.read(match, ctx)
        except (ValueError, OverflowError, KeyError):  # a date off the calendar: not a time expression
            reading = None
        if reading is None:
            continue
        start, reading = _widened(folded, start, position, reading)
        name = rule.name
        try:
            one = compounds.joined(folded, last, taken[last], start, name, reading, language, joined) if last else None
        except (ValueError, OverflowError):  # a day at the calendar's end: its next day is off it
            one = None
        if last is not None and one is not None:
            start, (name, reading) = last[0], one  # "samedi à 22 h", "la soirée du 3 octobre": one expression
            del taken[last]
        if reading.focus is not None:
            ctx.focus = reading.focus
        if reading.type in ("DATE", "TIME"):
            ctx.last_value = reading.value
        last = (start, end, name)
        taken[last] = reading
        position = match.end()
    return taken


_SINCE = re.compile(rf"(?<![\w'-])(?:{alternatives(words('since'))})\s+$")  # resources/<language>/since.txt


def _widened(folded: str, start: int, floor: int, reading: Reading) -> tuple[int, Reading]:
    """The words just before an expression that belong to it, read once for every rule family:

    - approximation words before a time of day ("peu avant l'aube", "vers la mi-journée"), as the clock
      rules read them before a clock time (see approximation.py);
    - "depuis" before the start of a period ("depuis le début de l'année", "depuis début septembre"):
      the expression is then the stretch from that start up to the publication. Before anything else
      ("depuis 1998", "depuis mardi") "depuis" stays out of the span, a TimeML signal, but the interval
      is the same stretch: "depuis septembre" runs from September's start up to the publication, as the
      engine reads an event's "depuis X" (expressions.normalise).
    """
    if reading.type == "TIME" and reading.mod is None and re.search(r"\dT(?:MO|MI|AF|EV|NI|DT)$", reading.value):
        found = approximation.prefix(folded, start, floor)
        if found is not None:
            return found[0], replace(reading, mod=found[1])
    if reading.type in ("DATE", "TIME") and not reading.value.endswith("_REF"):
        since = _SINCE.search(folded, max(floor, start - 8), start)
        if since is not None:
            spanned = since.start() if reading.type == "DATE" and reading.mod == "START" else start
            return spanned, replace(reading, until_now=True)
    return start, reading


def _trimmed(folded: str, start: int, end: int) -> tuple[int, int]:
    while end > start and (folded[end - 1] in " ,;:(" or (folded[end - 1] == ")" and "(" not in folded[start:end])):
        end -= 1
    return start, end


_REF_WINDOWS = {"PRESENT_REF": (True, True), "PAST_REF": (False, True), "FUTURE_REF": (True, False)}


def _where(reading: Reading, published: Publication, zone) -> tuple[datetime | None, datetime | None, str]:
    if reading.type in ("DURATION", "SET"):
        return None, None, "open"
    if reading.value in _REF_WINDOWS:
        lo, hi = _REF_WINDOWS[reading.value]
        return (published.earliest if lo else None), (published.latest if hi else None), "open"
    earliest, latest, granularity = interval(reading.value, zone, reading.mod, reading.local)
    if reading.until_now and earliest is not None and published.latest >= earliest:
        latest = published.latest  # from then up to the publication, and no later
    return earliest, latest, granularity
