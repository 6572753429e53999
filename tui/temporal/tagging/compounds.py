"""One expression made of two that the rule families read apart: a part of the day and its date, a day and its
clock time.

- A clock time, then its day ("peu avant 20 heures ce mardi", "vers 14h samedi"): read as one, like a day
  then its clock time, and only when the tagger is asked to (below).
- A part of the day, then the date it falls on, joined by "du" or "de": "la soirée du 3 octobre", "le matin
  du 5 mai", "en ce milieu de soirée du 22 juin", "la matinée de samedi". One expression, always: the part of
  the day on that date (and its mod: "milieu" is MID), not on the publication day; "la journée du 22 juin"
  is that day; "la nuit du 14 au 15 juillet" the night of the 14th.
- A day ("samedi", "le 22 juin", "hier", "la veille"), or a part of a day ("ce matin", "dimanche soir", "dans
  la nuit de samedi à dimanche"), then a clock time, next to it ("samedi 10 h", "samedi, 22h30") or joined to
  it by "à", "dès", "jusqu'à" or the clock time's own approximation words ("vers", "peu avant", "aux alentours
  de"): "samedi à 22 h", "ce matin à 4 h 27", "dimanche soir vers 21h30". Read as one TIME expression when
  the tagger is asked to (``tag(..., joined=True)``; by default for an event's time read alone, as the
  engine's ``normalise`` reads it): the day the first names at the time the second reads, its mod
  (approximation) the clock time's. After a night
  an hour before noon, after an evening an hour before 06:00, is the next day's ("dans la nuit de samedi à
  dimanche vers 3 h", "samedi soir vers 1 h"). The clock time wins over the part of the day's hours: "ce
  matin à 4 h 27" is 04:27, though a TimeML morning starts at 06:00. In running text the tagger keeps them
  apart by default, as TimeML does: French TimeBank annotates "mardi vers 21 h 45", "vendredi jusqu'à 17 h",
  "ce soir à 00 h 10", "samedi 4 janvier, à 18 h 30" as two TIMEX3, the time's value carrying the day (as
  the tagger's clock time, read on the day named before it, does).

The joining words are data: ``resources/<language>/date_after_part.txt`` and ``clock_after_day.txt``. The
tagger asks :func:`joined` of each expression it reads and the one before it, once: the text is read once.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from tui.model.report import replace
from tui.temporal.tagging.lexicon import alternatives
from tui.temporal.tagging.rules import Reading
from tui.temporal.tagging.tables import words

_DAY = re.compile(r"(\d{4}-\d\d-\d\d)(?:T(?:MO|MI|AF|EV|NI|DT))?")
_PART = re.compile(r"(\d{4}-\d\d-\d\d)T(MO|MI|AF|EV|NI|DT)")
_CLOCK = re.compile(r"(\d{4}-\d\d-\d\d)T\d\d:\d\dZ?")
_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_CLOCK_RULES = frozenset(("clock", "named-time"))
_PART_RULES = frozenset(("part-with-day", "part-alone"))
DAY_AND_CLOCK, PART_OF_DATE = "day-and-clock", "part-of-date"


@cache
def _gaps(language: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    clock = alternatives(words("clock_after_day", (language,)))
    date = alternatives(words("date_after_part", (language,)))
    to = "au|a" if language == "fr" else "to"
    return (
        re.compile(rf"\s*,?\s+(?:(?P<word>{clock})\s+)?"),
        re.compile(rf"\s+(?:{date})\s+"),
        re.compile(rf"\s+(?:{to})\s+(?:le\s+|the\s+)?"),
    )


def joined(
    folded: str,
    left: tuple[int, int, str],
    before: Reading,
    start: int,
    rule: str,
    reading: Reading,
    language: str,
    with_clock: bool,
) -> tuple[str, Reading] | None:
    """The one expression that ``before`` (read at ``left``: start, end, rule) and ``reading`` (read by ``rule``
    from ``start``) make together: its rule's name and reading; None if they stay two. A day and its clock time
    are one only ``with_clock``. Raises ValueError or OverflowError for a day at the calendar's end (its next
    day is off it): the caller keeps them two."""
    _, end, left_rule = left
    clock_gap, date_gap, night_gap = _gaps(language)
    if rule in _CLOCK_RULES:
        return _day_and_clock(folded, end, before, start, reading, clock_gap) if with_clock else None
    if left_rule in _CLOCK_RULES:
        return _clock_and_day(folded, end, before, start, reading) if with_clock else None
    if reading.type != "DATE" or not _DATE.fullmatch(reading.value):
        return None
    if left_rule in _PART_RULES and (part := _PART.fullmatch(before.value)) and date_gap.fullmatch(folded, end, start):
        if part.group(2) == "DT":  # "la journée du 22 juin": that day
            return PART_OF_DATE, replace(reading, until_now=before.until_now)
        value = f"{reading.value}T{part.group(2)}"
        return PART_OF_DATE, Reading("TIME", value, before.mod, focus=reading.focus, until_now=before.until_now)
    if left_rule == PART_OF_DATE and (part := _PART.fullmatch(before.value)) and part.group(2) == "NI":
        night = date.fromisoformat(part.group(1))
        if reading.value == (night + timedelta(days=1)).isoformat() and night_gap.fullmatch(folded, end, start):
            # "la nuit du 14 au 15 juillet": the 14th's, which runs into the 15th, the day named last (the focus)
            return PART_OF_DATE, replace(before, focus=reading.focus)
    return None


def _day_and_clock(
    folded: str, end: int, before: Reading, start: int, reading: Reading, gap_pattern: re.Pattern[str]
) -> tuple[str, Reading] | None:
    """That day at that clock time: the day the first names, the time the second reads."""
    day = _DAY.fullmatch(before.value) if before.type in ("DATE", "TIME") else None
    clock = _CLOCK.fullmatch(reading.value)
    gap = gap_pattern.fullmatch(folded, end, start)
    if day is None or clock is None or gap is None or reading.type != "TIME":
        return None
    named = on = date.fromisoformat(day.group(1))
    hour = int(reading.value[11:13])
    part = before.value[10:]
    if (part == "TNI" and hour < 12) or (part == "TEV" and hour < 6):
        on += timedelta(days=1)  # "dans la nuit de samedi à dimanche vers 3 h", "samedi soir vers 1 h": past midnight
    value = on.isoformat() + reading.value[10:]
    return DAY_AND_CLOCK, replace(reading, value=value, focus=named, until_now=before.until_now)


_CLOCK_THEN_DAY = re.compile(r"\s*,?\s*")


def _clock_and_day(folded: str, end: int, before: Reading, start: int, reading: Reading) -> tuple[str, Reading] | None:
    """A clock time, then its day: "peu avant 20 heures ce mardi", "vers 14h samedi", "à 22 h 30, jeudi". That
    day at that time, the mod (approximation) the clock time's."""
    clock = _CLOCK.fullmatch(before.value)
    if clock is None or before.type != "TIME" or reading.type != "DATE" or not _DATE.fullmatch(reading.value):
        return None
    if not _CLOCK_THEN_DAY.fullmatch(folded, end, start):
        return None
    return DAY_AND_CLOCK, replace(before, value=reading.value + before.value[10:], focus=reading.focus)
