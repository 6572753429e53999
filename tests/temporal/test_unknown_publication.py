"""A report whose publication time is unknown (a draft without --published): times relative to it."""

from __future__ import annotations


def test_with_the_publication_unknown_a_weekday_is_any_day_of_the_week_up_to_it():
    from tui.model.report import UNKNOWN_PUBLICATION
    from tui.temporal.expressions import normalise
    from tui.temporal.labels import interval_label

    thursday = normalise("jeudi", UNKNOWN_PUBLICATION)
    assert interval_label(thursday.earliest, thursday.latest) == "6 days before publication – publication day"
    assert normalise("début septembre", UNKNOWN_PUBLICATION) is None  # of which year? not guessed
    yesterday = normalise("hier soir", UNKNOWN_PUBLICATION)
    assert interval_label(yesterday.earliest, yesterday.latest) == "1 day before publication · evening"
