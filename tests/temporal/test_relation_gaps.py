"""Every row of the relation cues' table (tui/temporal/relations.py), each read on its own: how far apart
its words put two events, for sure and, where a default narrows it, likely — so that a broken row names
itself. The readings are kept by cue; each test reads them anew."""

from __future__ import annotations

import pytest

from tui.temporal.relations import DAY, HOUR, INF, Gap, gap_for, is_sequence_word


@pytest.fixture(autouse=True)
def _read_anew():
    """A cue read before (by another test, or by the run a mutation tester forks from) is kept, and would
    hide a broken row."""
    gap_for.cache_clear()
    yield
    gap_for.cache_clear()


@pytest.mark.parametrize(
    ("cue", "gap"),
    [
        ("trois heures plus tard", Gap(3 * HOUR - 30, 3 * HOUR + 30, "3 hours")),
        ("une heure plus tôt", Gap(HOUR - 30, HOUR + 30, "an hour")),
        ("an hour later", Gap(HOUR - 30, HOUR + 30, "an hour")),
        ("2 hours before", Gap(2 * HOUR - 30, 2 * HOUR + 30, "2 hours")),
        ("quelques instants plus tard", Gap(0, 15, "moments")),
        ("moments after", Gap(0, 15, "moments")),
        ("en même temps", Gap(0, HOUR, "within the hour")),
        ("quelques minutes après", Gap(1, HOUR, "minutes")),
        ("peu après", Gap(0, 3 * HOUR, "shortly")),
        ("peu de temps avant", Gap(0, 3 * HOUR, "shortly")),
        ("soon afterwards", Gap(0, 3 * HOUR, "shortly")),
        ("quelques heures après", Gap(HOUR, 12 * HOUR, "a few hours")),
        ("quelques jours plus tôt", Gap(DAY, 8 * DAY, "a few days", likely=(36 * HOUR, 7 * DAY))),
        ("la veille", Gap(0, 2 * DAY, "a day", likely=(12 * HOUR, 36 * HOUR))),
        ("le lendemain", Gap(0, 2 * DAY, "a day", likely=(12 * HOUR, 36 * HOUR))),
        ("une semaine plus tard", Gap(6 * DAY, 8 * DAY, "a week")),
        ("dix minutes plus tard", Gap(4.5, 16, "10 minutes")),
        ("une minute après", Gap(0, 2.5, "a minute")),
        ("0 minute plus tard", Gap(0, 1, "0 minutes")),  # a zero is no "one"
        ("deux semaines plus tôt", Gap(14 * DAY - 3.5 * DAY, 14 * DAY + 3.5 * DAY, "2 weeks")),
        ("trois mois plus tard", Gap(90 * DAY - 16 * DAY, 93 * DAY + 16 * DAY, "3 months")),
        ("un mois plus tôt", Gap(30 * DAY - 16 * DAY, 31 * DAY + 16 * DAY, "a month")),
        ("deux ans plus tard", Gap(730 * DAY - 183 * DAY, 732 * DAY + 183 * DAY, "2 years")),
        ("un an plus tôt", Gap(365 * DAY - 183 * DAY, 366 * DAY + 183 * DAY, "a year")),
        ("quelques semaines plus tard", Gap(7 * DAY, 62 * DAY, "a few weeks")),
        ("plusieurs mois auparavant", Gap(28 * DAY, 366 * DAY, "a few months")),
        ("des années plus tard", Gap(365 * DAY, INF, "years")),
        ("plus tôt", Gap(0, DAY, "earlier, within a day,")),
        ("un peu plus tôt dans la journée", Gap(0, DAY, "earlier, within a day,")),
        ("plus tard", Gap(0, DAY, "within a day")),
        ("bien plus tard", Gap(0, INF, "")),  # another measure before it: order only
        ("auparavant", Gap(0, INF, "")),
        ("aussitôt", Gap(0, INF, "right", likely=(0, HOUR), default="at-once")),
        ("dans la foulée", Gap(0, INF, "right", likely=(0, HOUR), default="at-once")),
        ("avaient repris", Gap(0, INF, "")),
    ],
)
def test_each_cue(cue: str, gap: Gap) -> None:
    assert gap_for(cue) == gap


@pytest.mark.parametrize(
    ("cue", "lo", "hi", "likely", "meaning"),
    [
        ("un jour plus tôt", 0, 2 * DAY, (12 * HOUR, 36 * HOUR), "a day"),
        ("a day later", 0, 2 * DAY, (12 * HOUR, 36 * HOUR), "a day"),
        ("deux jours plus tard", DAY, 3 * DAY, (36 * HOUR, 60 * HOUR), "2 days"),
        ("trois jours auparavant", 2 * DAY, 4 * DAY, (60 * HOUR, 84 * HOUR), "3 days"),
    ],
)
def test_days_are_counted_as_calendar_days(cue: str, lo: float, hi: float, likely: tuple, meaning: str) -> None:
    """N days apart: the earlier event on the day N before, at any time of it — (N − 1) to (N + 1) days for
    sure, N days ± 12 h likely (default day-count)."""
    gap = gap_for(cue)
    assert (gap.lo, gap.hi, gap.likely, gap.meaning, gap.default) == (lo, hi, likely, meaning, "day-count")


def test_a_gap_is_metric_only_when_bounded() -> None:
    assert gap_for("quelques heures après").metric
    assert not gap_for("après").metric


def test_sequence_words() -> None:
    assert is_sequence_word("Puis,") and is_sequence_word(" ensuite ") and is_sequence_word("Enfin")
    assert not is_sequence_word("plus tard") and not is_sequence_word("puisque")
