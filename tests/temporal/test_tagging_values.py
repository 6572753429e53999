"""Where each kind of ISO-TimeML value lies (tui/temporal/tagging/values.py): the interval [earliest, latest) and
its granularity, for every granularity, modifier, zone and for a local time whose zone is not said."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tui.temporal.tagging.values import interval

PARIS = timezone(timedelta(hours=2))


def at(text: str, zone=None) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=zone)


@pytest.mark.parametrize(
    ("value", "mod", "earliest", "latest", "granularity"),
    [
        ("1999-05-18T21", None, "1999-05-18T21:00", "1999-05-18T22:00", "hour"),
        ("2022-09-07T14:40:30", None, "2022-09-07T14:40", "2022-09-07T14:41", "minute"),
        ("1999-05-18TDT", None, "1999-05-18T06:00", "1999-05-18T18:00", "part-of-day"),
        ("1999-05-18TMO", "START", "1999-05-18T06:00", "1999-05-18T07:30", "part-of-day"),
        ("1999-05-18TMO", "MID", "1999-05-18T07:30", "1999-05-18T10:30", "part-of-day"),
        ("1999-05-18TMO", "END", "1999-05-18T10:30", "1999-05-18T12:00", "part-of-day"),
        ("1999-05-18TAF", "APPROX", "1999-05-18T11:00", "1999-05-18T19:00", "hours"),
        ("1999-W27", "START", "1999-07-05T00:00", "1999-07-06T18:00", "week"),
        ("1999-W27", "END", "1999-07-10T06:00", "1999-07-12T00:00", "week"),
        ("2024-02", None, "2024-02-01", "2024-03-01", "month"),  # a leap year's February
        ("2024-02", "MID", "2024-02-11", "2024-02-21", "month-part"),
        ("2024-02", "END", "2024-02-21", "2024-03-01", "month-part"),
        ("2024-SP", None, "2024-03-20", "2024-06-21", "season"),
        ("2024-SU", None, "2024-06-21", "2024-09-22", "season"),
        ("2024-FA", "MID", "2024-10-14T12:00", "2024-11-28T12:00", "season"),
        ("2024-Q1", None, "2024-01-01", "2024-04-01", "quarter"),
        ("2024-Q2", "END", "2024-06-08T06:00", "2024-07-01", "quarter"),
        ("2024-Q4", None, "2024-10-01", "2025-01-01", "quarter"),
        ("2024-H1", None, "2024-01-01", "2024-07-01", "half-year"),
        ("2024-H2", None, "2024-07-01", "2025-01-01", "half-year"),
        ("2024", "START", "2024-01-01", "2024-04-01T12:00", "year"),
        ("2024", "MID", "2024-04-01T12:00", "2024-10-01T12:00", "year"),
        ("9998", None, "9998-01-01", "9999-01-01", "year"),  # the calendar's last year still has a start
        ("000", None, "0001-01-01", "0010-01-01", "decade"),  # the calendar has no year 0
        ("00", None, "0001-01-01", "0100-01-01", "century"),
    ],
)
def test_a_value_lies_so(value: str, mod: str | None, earliest: str, latest: str, granularity: str) -> None:
    assert interval(value, None, mod) == (at(earliest), at(latest), granularity)


@pytest.mark.parametrize(("value", "earliest"), [("999", "9990-01-01"), ("99", "9900-01-01"), ("9999", "9999-01-01")])
def test_a_period_running_past_the_calendars_end_is_open_there(value: str, earliest: str) -> None:
    assert interval(value, None, "END")[:2] == (at(earliest), None)


@pytest.mark.parametrize(
    ("value", "earliest"),
    [
        ("2024", "2024-01-01T00:00"),
        ("2024-05-18", "2024-05-18T00:00"),
        ("2024-05-18T08:00", "2024-05-18T08:00"),
        ("2022-09-07T14:40+05:30", "2022-09-07T11:10"),  # 09:10 UTC
        ("2022-09-07T14:40-0330", "2022-09-07T20:10"),  # 18:10 UTC
        ("2022-09-07T14:40+5", "2022-09-07T11:40"),  # 09:40 UTC
    ],
)
def test_a_value_is_placed_in_the_reports_zone(value: str, earliest: str) -> None:
    found = interval(value, PARIS)[0]
    assert found == at(earliest, PARIS) and found is not None and found.utcoffset() == timedelta(hours=2)


@pytest.mark.parametrize(
    ("value", "mod", "zone", "earliest", "latest", "granularity"),
    [
        # from the value at UTC+14 to its end at UTC-12, in the report's zone, or in UTC where it has none
        ("1999-05-18T21:45", None, None, "1999-05-18T07:45", "1999-05-19T09:46", "hours"),
        ("1999-05-18T21:45", None, PARIS, "1999-05-18T09:45", "1999-05-19T11:46", "hours"),
        ("1999-05-18T21:45", "APPROX", None, "1999-05-18T07:15", "1999-05-19T10:15", "hours"),
        ("1999-05-18T21", None, None, "1999-05-18T07:00", "1999-05-19T10:00", "hours"),
        ("1999-05-18TMO", None, None, "1999-05-17T16:00", "1999-05-19T00:00", "part-of-day"),
    ],
)
def test_a_local_time_whose_zone_is_not_said_covers_every_offset(value, mod, zone, earliest, latest, granularity):
    assert interval(value, zone, mod, local=True) == (at(earliest, zone), at(latest, zone), granularity)


@pytest.mark.parametrize(
    ("value", "mod", "earliest", "latest"),
    [
        ("1999-05-18T21", None, "1999-05-18T09:00", "1999-05-19T12:00"),
        ("1999-05-18T21:45", "APPROX", "1999-05-18T09:15", "1999-05-19T12:15"),
    ],
)
def test_a_local_time_is_seen_in_the_reports_zone(value: str, mod: str | None, earliest: str, latest: str) -> None:
    found = interval(value, PARIS, mod, local=True)
    assert found[:2] == (at(earliest, PARIS), at(latest, PARIS))
    assert found[0] is not None and found[1] is not None
    assert found[0].utcoffset() == found[1].utcoffset() == timedelta(hours=2)


def test_an_hour_is_placed_in_the_reports_zone() -> None:
    assert interval("1999-05-18T21", PARIS)[:2] == (at("1999-05-18T21:00", PARIS), at("1999-05-18T22:00", PARIS))


def test_a_local_time_in_a_report_with_no_zone_is_read_in_utc_whatever_the_machines_zone(monkeypatch) -> None:
    import time

    monkeypatch.setenv("TZ", "JST-9")  # a POSIX rule: UTC+9, no zone database needed
    time.tzset()
    try:
        found = interval("1999-05-18T21:45", None, None, local=True)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert found == (at("1999-05-18T07:45"), at("1999-05-19T09:46"), "hours")


@pytest.mark.parametrize(
    ("value", "earliest", "latest"),
    [
        ("2003-W05-WE", "2003-02-01", "2003-02-03"),
        ("2024-Q2", "2024-04-01", "2024-07-01"),
        ("2024-H2", "2024-07-01", "2025-01-01"),
    ],
)
def test_both_ends_of_a_period_are_in_the_reports_zone(value: str, earliest: str, latest: str) -> None:
    found = interval(value, PARIS)
    assert found[:2] == (at(earliest, PARIS), at(latest, PARIS))
    assert found[0] is not None and found[1] is not None
    assert found[0].utcoffset() == found[1].utcoffset() == timedelta(hours=2)


@pytest.mark.parametrize(
    ("value", "mod", "earliest", "latest", "granularity"),
    [
        ("2024-H1", "END", "2024-05-16T12:00", "2024-07-01", "half-year"),
        ("196", "START", "1960-01-01", "1962-07-02T06:00", "decade"),  # a quarter of 3653 days
    ],
)
def test_a_modifier_keeps_part_of_a_long_period(value, mod, earliest, latest, granularity) -> None:
    assert interval(value, None, mod) == (at(earliest), at(latest), granularity)


@pytest.mark.parametrize(
    ("mod", "earliest", "latest", "granularity"),
    [
        ("APPROX", "1999-05-17T17:00", "1999-05-19T03:00", "hours"),  # 05:00 at UTC+14 to 13:00 at UTC-12
        ("START", "1999-05-17T18:00", "1999-05-18T02:00", "part-of-day"),  # the first quarter of that span
    ],
)
def test_a_local_part_of_the_day_is_seen_in_the_reports_zone(mod, earliest, latest, granularity) -> None:
    found = interval("1999-05-18TMO", PARIS, mod, local=True)
    assert found == (at(earliest, PARIS), at(latest, PARIS), granularity)
    assert found[0] is not None and found[0].utcoffset() == timedelta(hours=2)


@pytest.mark.parametrize("value", ["P3Y", "XXXX-SU", "0000-09", "9999-13"])
def test_a_value_with_no_place_is_open(value: str) -> None:
    assert interval(value, None) == (None, None, "open")
