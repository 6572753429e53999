"""From an ISO-TimeML value to where it lies: the interval [earliest, latest) and its granularity.

``1999-05-18`` is that day, ``1999-05-18TEV`` its evening, ``1999-W27`` a week, ``1999-SU`` the summer,
``196`` the 1960s, ``18`` the 19th century. A modifier (START, MID, END) keeps the first, middle or last
third of a month, or the first or last quarter of a longer period or of a part of the day ("en fin de
matinée" is 10:30-12:00); APPROX, AFTER and BEFORE widen a time of day (approximation.widen). A local time
whose zone is not said covers every offset from UTC-12 to UTC+14 (``_local``). Generic values (``XXXX-SU``),
durations and sets have no place on the calendar: both ends are None.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from tui.temporal.tagging.approximation import widen
from tui.temporal.tagging.lexicon import PART_HOURS

Interval = tuple[datetime | None, datetime | None, str]

# Seasons, astronomical, as (month, day) of their start; winter runs into the next year.
_SEASON_STARTS = {"SP": (3, 20), "SU": (6, 21), "FA": (9, 22), "WI": (12, 21)}
_NEXT_SEASON = {"SP": "SU", "SU": "FA", "FA": "WI", "WI": "SP"}

_PATTERNS = (
    (re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d))?(Z|[+-]\d\d?(?::?\d\d)?)?"), "minute"),
    (re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d)"), "hour"),
    (re.compile(r"(\d{4})-(\d\d)-(\d\d)T(MO|MI|AF|EV|NI|DT)"), "part-of-day"),
    (re.compile(r"(\d{4})-(\d\d)-(\d\d)"), "day"),
    (re.compile(r"(\d{4})-W(\d\d)-WE"), "weekend"),
    (re.compile(r"(\d{4})-W(\d\d)"), "week"),
    (re.compile(r"(\d{4})-(\d\d)"), "month"),
    (re.compile(r"(\d{4})-(SP|SU|FA|WI)"), "season"),
    (re.compile(r"(\d{4})-Q([1-4])"), "quarter"),
    (re.compile(r"(\d{4})-H([12])"), "half-year"),
    (re.compile(r"(\d{4})"), "year"),
    (re.compile(r"(\d{3})"), "decade"),
    (re.compile(r"(\d{2})"), "century"),
)


def interval(value: str, zone: tzinfo | None, mod: str | None = None, local: bool = False) -> Interval:
    """Where ``value`` lies, in ``zone``: (earliest, latest, granularity); ends are None where not placed.

    ``local``: a time of day given in the local time of a place whose zone is not said ("à 9 heures, heure
    locale"): it may be any offset from UTC-12 to UTC+14, so the interval covers them all (see _local)."""
    try:
        return _interval(value, zone, mod, local)
    except (ValueError, OverflowError):  # year 0, or beyond year 9999 once extended
        return None, None, "open"


def _interval(value: str, zone: tzinfo | None, mod: str | None, local: bool = False) -> Interval:
    for pattern, granularity in _PATTERNS:
        match = pattern.fullmatch(value)
        if match:
            return _placed(granularity, match.groups(), zone, mod, local)
    return None, None, "open"


def _at(day: date, zone: tzinfo | None, hours: float = 0) -> datetime:
    return datetime.combine(day, time(), zone) + timedelta(hours=hours)


def _placed(granularity: str, groups: tuple, zone: tzinfo | None, mod: str | None, local: bool = False) -> Interval:
    g = groups
    if granularity == "minute":
        moment = datetime(int(g[0]), int(g[1]), int(g[2]), int(g[3]) % 24, int(g[4]), tzinfo=zone)
        if int(g[3]) == 24:
            moment += timedelta(days=1)
        if g[6]:
            moment = _in_zone(moment, g[6], zone)
        widened = widen(moment, moment + timedelta(minutes=1), mod, part_of_day=False)
        if widened:  # "vers 22 h", "peu après 14h": see approximation.py
            return (*_local(*widened, zone, local), "hours" if local else "minutes")
        return (*_local(moment, moment + timedelta(minutes=1), zone, local), "hours" if local else "minute")
    if granularity == "hour":
        moment = datetime(int(g[0]), int(g[1]), int(g[2]), int(g[3]), tzinfo=zone)
        return (*_local(moment, moment + timedelta(hours=1), zone, local), "hours" if local else "hour")
    if granularity == "part-of-day":
        lo, hi = PART_HOURS[g[3]]
        day = date(int(g[0]), int(g[1]), int(g[2]))
        start, end = _at(day, zone, lo), _at(day, zone, hi)
        widened = widen(start, end, mod, part_of_day=True)
        if widened:  # "peu avant l'aube", "vers la mi-journée"
            return (*_local(*widened, zone, local), "hours")
        return _trimmed(*_local(start, end, zone, local), "part-of-day", mod)  # "en fin de matinée"
    if granularity == "day":
        day = date(int(g[0]), int(g[1]), int(g[2]))
        return _at(day, zone), _at(day + timedelta(days=1), zone), "day"
    if granularity in ("week", "weekend"):
        monday = date.fromisocalendar(int(g[0]), int(g[1]), 1)
        if granularity == "weekend":
            return _at(monday + timedelta(days=5), zone), _at(monday + timedelta(days=7), zone), "days"
        return _trimmed(_at(monday, zone), _at(monday + timedelta(days=7), zone), "week", mod)
    if granularity == "month":
        year, month = int(g[0]), int(g[1])
        first = date(year, month, 1)
        last = monthrange(year, month)[1]
        if mod in ("START", "MID", "END"):  # the news convention: days 1–10, 11–20, 21–end
            lo, hi = {"START": (1, 10), "MID": (11, 20), "END": (21, last)}[mod]
            return _at(first.replace(day=lo), zone), _at(first.replace(day=hi), zone, 24), "month-part"
        return _at(first, zone), _at(first, zone, 24 * last), "month"
    if granularity == "season":
        year, code = int(g[0]), g[1]
        start = date(year, *_SEASON_STARTS[code])
        end_year = year + 1 if code == "WI" else year
        end = date(end_year, *_SEASON_STARTS[_NEXT_SEASON[code]])
        return _trimmed(_at(start, zone), _at(end, zone), "season", mod)
    if granularity == "quarter":
        year, quarter = int(g[0]), int(g[1])
        start = date(year, 3 * quarter - 2, 1)
        end = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
        return _trimmed(_at(start, zone), _at(end, zone), "quarter", mod)
    if granularity == "half-year":
        year, half = int(g[0]), int(g[1])
        start, end = (date(year, 1, 1), date(year, 7, 1)) if half == 1 else (date(year, 7, 1), date(year + 1, 1, 1))
        return _trimmed(_at(start, zone), _at(end, zone), "half-year", mod)
    if granularity == "year":
        year = int(g[0])
        return _trimmed(_at(date(year, 1, 1), zone), _year_end(year, 1, zone), "year", mod)
    if granularity == "decade":
        first = int(g[0]) * 10
        return _trimmed(_at(date(max(first, 1), 1, 1), zone), _year_end(first, 10, zone), "decade", mod)
    first = int(g[0]) * 100  # century "18" is 1800–1899, the 19th
    return _trimmed(_at(date(max(first, 1), 1, 1), zone), _year_end(first, 100, zone), "century", mod)


def _year_end(first: int, years: int, zone: tzinfo | None) -> datetime | None:
    """The start of the year after a period; None past the calendar's end (year 9999 goes on)."""
    after = first + years
    return None if after > 9999 else _at(date(after, 1, 1), zone)


def _trimmed(lo: datetime, hi: datetime | None, granularity: str, mod: str | None) -> Interval:
    """START and END keep the first and last quarter of a period, MID its middle half."""
    if hi is None or mod not in ("START", "MID", "END"):
        return lo, hi, granularity
    quarter = (hi - lo) / 4
    if mod == "START":
        return lo, lo + quarter, granularity
    if mod == "END":
        return hi - quarter, hi, granularity
    return lo + quarter, hi - quarter, granularity


# The offsets from UTC that places use, at the extremes: a local time somewhere unknown lies between them.
_EARLIEST_OFFSET = timedelta(hours=14)  # UTC+14 (Kiribati): its 9:00 comes first
_LATEST_OFFSET = timedelta(hours=-12)  # UTC-12 (Baker Island): its 9:00 comes last


def _local(lo: datetime, hi: datetime, zone: tzinfo | None, local: bool) -> tuple[datetime, datetime]:
    """[lo, hi) as wall-clock times of an unknown place, seen in the report's zone: from lo at UTC+14 to hi
    at UTC-12. A report with no zone is read as UTC, as ``_in_zone`` reads "14H40 GMT"."""
    if not local:
        return lo, hi
    from datetime import timezone

    first = lo.replace(tzinfo=timezone(_EARLIEST_OFFSET))
    last = hi.replace(tzinfo=timezone(_LATEST_OFFSET))
    if zone is None:
        return first.astimezone(UTC).replace(tzinfo=None), last.astimezone(UTC).replace(tzinfo=None)
    return first.astimezone(zone), last.astimezone(zone)


def _in_zone(moment: datetime, offset: str, zone: tzinfo | None) -> datetime:
    """A clock time given in another zone ("14H40 GMT"), seen in the report's zone."""
    from datetime import timezone

    if offset == "Z":
        delta = timedelta(0)
    else:
        sign = -1 if offset[0] == "-" else 1
        digits = offset[1:].replace(":", "")
        hours, minutes = int(digits[:2] if len(digits) > 2 else digits), int(digits[2:] or 0) if len(digits) > 2 else 0
        delta = sign * timedelta(hours=hours, minutes=minutes)
    there = moment.replace(tzinfo=timezone(delta))
    if zone is None:
        return there.replace(tzinfo=None)
    return there.astimezone(zone)
