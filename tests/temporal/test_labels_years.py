"""A label over days that crosses a year says both years: "31 Dec 2010 11:00 – 1 Jan 2012 13:00" read without
them is a two-day span. Within a year, labels stay as short as they were."""

from __future__ import annotations

from datetime import UTC, datetime

from tui.temporal.labels import interval_label


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_a_range_across_years_says_both_years() -> None:
    assert interval_label(at(2010, 12, 31, 11), at(2012, 1, 1, 13)) == "31 Dec 2010 11:00 – 1 Jan 2012 13:00"
    assert interval_label(at(2010, 12, 31, 11), at(2012, 1, 1)) == "31 Dec 2010 11:00 – 31 Dec 2011"
    assert interval_label(at(2021, 12, 30), at(2022, 1, 3)) == "30 Dec 2021 – 2 Jan 2022"


def test_a_range_within_a_year_stays_short() -> None:
    assert interval_label(at(2022, 9, 9, 11), at(2022, 9, 11, 13)) == "9 Sep 11:00 – 11 Sep 13:00"
    assert interval_label(at(2022, 9, 9, 11), at(2022, 9, 11)) == "9 Sep 11:00 – 10 Sep"
