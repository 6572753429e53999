"""Human labels for time intervals: "Thu 8 Sep", "Sat 10 Sep · evening", "1–10 Sep", "by Sun 11 Sep"."""

from __future__ import annotations

from datetime import datetime, timedelta

from tui.model.report import on_unknown_publication

_PARTS = {(6, 12): "morning", (12, 14): "midday", (12, 18): "afternoon", (18, 24): "evening", (22, 30): "night"}


def day_label(moment: datetime) -> str:
    """ "Sat 10 Sep", or against an unknown publication "2 days before publication"."""
    # By whether it is relative, not by zone: zones compare by offset, and the unknown publication's is UTC's.
    key = (moment.year, moment.month, moment.day, _relative(moment))
    found = _DAYS.get(key)
    if found is None:  # formatting a weekday and a month is most of a label's cost: each day is said once
        found = _days_from_publication(moment) if _relative(moment) else f"{moment:%a} {moment.day} {moment:%b}"
        if len(_DAYS) >= 10_000:
            _DAYS.clear()
        _DAYS[key] = found
    return found


_DAYS: dict[tuple[int, int, int, bool], str] = {}


def _relative(moment: datetime) -> bool:
    """A time against an unknown publication (tui.model.UNKNOWN_PUBLICATION): shown as days from it."""
    return on_unknown_publication(moment)


def relative_day(moment: datetime) -> str:
    """A day against an unknown publication, short, for an axis: "−3 d", "pub."."""
    from tui.model.report import UNKNOWN_PUBLICATION

    days = (moment.date() - UNKNOWN_PUBLICATION.estimate.date()).days
    return "pub." if days == 0 else f"{days:+d} d".replace("-", "−")


def _days_from_publication(moment: datetime) -> str:
    from tui.model.report import UNKNOWN_PUBLICATION

    days = (moment.date() - UNKNOWN_PUBLICATION.estimate.date()).days
    if days == 0:
        return "publication day"
    unit = "day" if abs(days) == 1 else "days"
    return f"{abs(days)} {unit} {'before' if days < 0 else 'after'} publication"


def _relative_range(earliest: datetime, last: datetime) -> str:
    from tui.model.report import UNKNOWN_PUBLICATION

    first, final = ((m.date() - UNKNOWN_PUBLICATION.estimate.date()).days for m in (earliest, last))
    if final < 0:
        return f"{-first}–{-final} days before publication"
    return f"{day_label(earliest)} – {day_label(last)}"


def moment_label(moment: datetime) -> str:
    """A day and, unless it is midnight, the time: "Sat 10 Sep 20:00"."""
    if (moment.hour, moment.minute) == (0, 0) or _relative(moment):
        return day_label(moment)
    return f"{day_label(moment)} {moment:%H:%M}"


def interval_label(earliest: datetime | None, latest: datetime | None) -> str:
    """Say where an event lies, as precisely as its bounds allow and no more.

    ``latest`` is exclusive when it falls on midnight: [Thu 00:00, Fri 00:00] is "Thu 8 Sep".
    """
    if earliest is None and latest is None:
        return "undated"
    if earliest is None:
        assert latest is not None
        return f"by {_last_day_or_moment(latest)}"
    if latest is None:
        return f"from {moment_label(earliest)}"
    last = _inclusive_end(latest)
    if earliest.date() == last.date() or latest - earliest <= timedelta(hours=12):
        return _within_a_day(earliest, latest)
    if _relative(earliest):
        return _relative_range(earliest, last)
    if _at_midnight(earliest) and _at_midnight(latest):
        if earliest.year != last.year:
            return f"{earliest.day} {earliest:%b %Y} – {last.day} {last:%b %Y}"
        if earliest.month != last.month:
            return f"{earliest.day} {earliest:%b} – {last.day} {last:%b}"
        return f"{earliest.day}–{last.day} {last:%b}"
    last_day = _inclusive_end(latest)
    years = earliest.year != last_day.year  # "31 Dec 2010 11:00 – 1 Jan 2012 13:00", not two days
    end = _short(last_day.replace(hour=0, minute=0) if _at_midnight(latest) else latest, years)
    return f"{_short(earliest, years)} – {end}"


def _short(moment: datetime, year: bool = False) -> str:
    """ "9 Sep 17:00", "10 Sep": ranges over days leave out the weekdays, to stay short (and say the year
    only where a range spans years)."""
    day = f"{moment.day} {moment:%b}" + (f" {moment.year}" if year else "")
    return day if _at_midnight(moment) else f"{day} {moment:%H:%M}"


def _within_a_day(earliest: datetime, latest: datetime) -> str:
    day = day_label(earliest)
    start = earliest.hour + earliest.minute / 60
    span_hours = (latest - earliest).total_seconds() / 3600
    if start == 0 and span_hours == 24:
        return day
    part = _PARTS.get((start, start + span_hours))
    if part:
        return f"{day} · {part}"
    if latest.date() != earliest.date() and not _at_midnight(latest):
        return f"{moment_label(earliest)} – {moment_label(latest)}"
    end = "24:00" if latest.date() != earliest.date() else f"{latest:%H:%M}"  # the day's end, not the next day's
    return f"{day} {earliest:%H:%M}–{end}"


def _at_midnight(moment: datetime) -> bool:
    return (moment.hour, moment.minute, moment.second) == (0, 0, 0)


def _inclusive_end(latest: datetime) -> datetime:
    return latest - timedelta(minutes=1) if _at_midnight(latest) else latest


def _last_day_or_moment(latest: datetime) -> str:
    return day_label(_inclusive_end(latest)) if _at_midnight(latest) else moment_label(latest)


def with_year(label: str, start: datetime | None, end: datetime | None) -> str:
    """``label`` (of the interval from ``start`` to ``end``) with the year(s) its bounds fall in, unless it says
    them already: ", 2018", ", 2017–2018" — for a view that spans years (a corpus); an end at midnight is
    exclusive, of the day before."""
    if end is not None and (end.hour, end.minute) == (0, 0) and (start is None or end > start):
        end -= timedelta(minutes=1)
    years = sorted({moment.year for moment in (start, end) if moment is not None})
    if not years or all(str(year) in label for year in years):
        return label
    return f"{label}, {years[0]}" if len(years) == 1 else f"{label}, {years[0]}–{years[-1]}"
