"""A report whose publication time is unknown (a draft without --published): times relative to it."""

from __future__ import annotations

from datetime import UTC


def test_with_the_publication_unknown_a_weekday_is_any_day_of_the_week_up_to_it():
    from tui.model.report import UNKNOWN_PUBLICATION
    from tui.temporal.expressions import normalise
    from tui.temporal.labels import interval_label

    thursday = normalise("jeudi", UNKNOWN_PUBLICATION)
    assert interval_label(thursday.earliest, thursday.latest) == "6 days before publication – publication day"
    assert normalise("début septembre", UNKNOWN_PUBLICATION) is None  # of which year? not guessed
    yesterday = normalise("hier soir", UNKNOWN_PUBLICATION)
    assert interval_label(yesterday.earliest, yesterday.latest) == "1 day before publication · evening"


def test_a_day_relative_to_an_unknown_publication_and_the_same_day_in_utc_are_said_apart():
    """The unknown publication's zone is UTC's offset under another name: a day label made for one is never
    reused for the other, whichever comes first."""
    from datetime import datetime

    from tui.model.report import UNKNOWN_PUBLICATION
    from tui.temporal.labels import day_label

    relative = UNKNOWN_PUBLICATION.estimate.replace(hour=12)
    utc = relative.replace(tzinfo=UTC)
    for first, second in ((relative, utc), (utc, relative), (relative, utc)):
        day_label(first)
        assert day_label(second) == (f"{utc:%a} {utc.day} {utc:%b}" if second is utc else "publication day")
    assert day_label(datetime(2022, 9, 10, 20, tzinfo=UTC)) == "Sat 10 Sep"
