"""The table of cues that place one event relative to another."""

from __future__ import annotations

import pytest

from tui.temporal import gap_for
from tui.temporal.relations import DAY

H = 60
D = 24 * H
INF = float("inf")


@pytest.mark.parametrize(
    ("cue", "lo", "hi", "meaning"),
    [
        ("Plus tôt", 0, D, "earlier, within a day,"),
        ("Peu de temps après le rapport", 0, 3 * H, "shortly"),
        ("peu après", 0, 3 * H, "shortly"),
        ("quelques heures après", H, 12 * H, "a few hours"),
        ("quelques heures avant", H, 12 * H, "a few hours"),
        ("Un jour plus tôt", 0, 2 * D, "a day"),
        ("la veille", 0, 2 * D, "a day"),
        ("le lendemain", 0, 2 * D, "a day"),
        ("deux jours plus tard", D, 3 * D, "2 days"),
        ("trois heures plus tôt", 3 * H - 30, 3 * H + 30, "3 hours"),
        ("une heure après", 30, 90, "an hour"),
        ("quelques minutes après", 1, H, "minutes"),
        ("quelques jours plus tôt", D, 8 * D, "a few days"),
        ("une semaine plus tard", 6 * D, 8 * D, "a week"),
        ("shortly after", 0, 3 * H, "shortly"),
        ("a few hours later", H, 12 * H, "a few hours"),
        ("the day before", 0, 2 * D, "a day"),
        ("the next day", 0, 2 * D, "a day"),
        ("2 days earlier", D, 3 * D, "2 days"),
        ("earlier", 0, D, "earlier, within a day,"),
        ("Plus tard", 0, D, "within a day"),
        ("later", 0, D, "within a day"),
        ("quelques instants après", 0, 15, "moments"),
        ("Quelques instants plus tard", 0, 15, "moments"),
        ("moments later", 0, 15, "moments"),
        ("En même temps", 0, H, "within the hour"),
        ("at the same time", 0, H, "within the hour"),
        ("trois jours auparavant", 2 * D, 4 * D, "3 days"),
        ("quelques heures plus tard", H, 12 * H, "a few hours"),
    ],
)
def test_metric_cues(cue, lo, hi, meaning):
    gap = gap_for(cue)
    assert (gap.lo, gap.hi, gap.meaning) == (lo, hi, meaning)
    assert gap.metric


@pytest.mark.parametrize(
    "cue", ["avaient repris", "parce que", "depuis", "après", "before", "", "Auparavant", "previously"]
)
def test_cues_without_a_measure_give_order_only(cue):
    gap = gap_for(cue)
    assert (gap.lo, gap.hi) == (0, INF)
    assert not gap.metric


# "Plus tard" alone is the same news cycle; a measure before it is that measure, and one no row reads is
# order only. "Trois ans plus tard" was within a day, in the certain layer (issue 18: certain must hold).
MEASURED = [
    ("trois ans plus tard", 2.5 * 365 * DAY, 3.5 * 366 * DAY),
    ("deux semaines plus tard", 14 * DAY - 3.5 * DAY, 14 * DAY + 3.5 * DAY),
    ("un mois plus tôt", 14 * DAY, 47 * DAY),
    ("dix minutes plus tard", 4.5, 16),
    ("quelques semaines plus tard", 7 * DAY, 62 * DAY),
    ("quelques mois plus tôt", 28 * DAY, 366 * DAY),
]


@pytest.mark.parametrize(("cue", "lo", "hi"), MEASURED)
def test_weeks_months_years_and_minutes_are_measured(cue, lo, hi):
    gap = gap_for(cue)
    assert gap.lo <= lo + 1 and gap.hi >= hi - 1 and gap.lo >= 0
    assert gap.hi > DAY or "minutes" in cue  # never "within a day" for weeks, months or years


@pytest.mark.parametrize("cue", ["des années plus tôt", "bien plus tard", "trois heures et demie plus tard",
                                 "longtemps plus tard", "des décennies plus tôt"])  # fmt: skip
def test_a_measure_no_rule_reads_gives_only_the_order(cue):
    gap = gap_for(cue)
    assert gap.hi == INF or gap.lo >= 365 * DAY


@pytest.mark.parametrize("cue", ["Plus tôt", "plus tard", "Un peu plus tard", "plus tôt dans la journée"])
def test_plus_tot_alone_is_the_same_news_cycle(cue):
    assert (gap_for(cue).lo, gap_for(cue).hi) == (0, DAY)


@pytest.mark.parametrize(
    ("cue", "lo", "hi"),
    [("Un jour plus tôt", 12 * H, 36 * H), ("la veille", 12 * H, 36 * H), ("deux jours plus tard", 2 * D - 12 * H,
      2 * D + 12 * H), ("quelques jours plus tôt", 36 * H, 7 * D), ("Plus tôt", None, None)],
)  # fmt: skip
def test_days_are_calendar_days_for_sure_and_whole_days_likely(cue, lo, hi):
    """'La veille' is the calendar day before: the two events lie 0 to 48 h apart for sure (one late, the other
    early), a day apart likely (default day-count). It was 12–36 h in the certain layer."""
    gap = gap_for(cue)
    assert gap.likely == (None if lo is None else (lo, hi))


@pytest.mark.parametrize("cue", ["aussitôt", "immédiatement", "dans la foulée"])
def test_at_once_is_only_the_order_for_sure_and_within_the_hour_likely(cue):
    gap = gap_for(cue)
    assert (gap.lo, gap.hi) == (0, float("inf")) and gap.likely == (0, H) and gap.default == "at-once"
