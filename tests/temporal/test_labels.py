"""Every form a time label takes, as the timeline, the panes and the exports show it — absolute ("Sat 10 Sep
· evening", "1–10 Sep", "by Sun 11 Sep") and against an unknown publication ("2 days before publication") —
each stated on its own, so that a broken rule names itself."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tui.model.report import PUBLICATION_ZONE
from tui.temporal import labels
from tui.temporal.labels import day_label, interval_label, moment_label, relative_day


@pytest.fixture(autouse=True)
def _no_kept_days(monkeypatch):
    """Each test says its days anew: a day said before (by another test, or by the run a mutation tester
    forks from) is kept, and would hide a broken rule."""
    monkeypatch.setattr(labels, "_DAYS", {})


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def rel(days: int, hour: int = 0, minute: int = 0) -> datetime:
    """A moment ``days`` from the unknown publication's day (1 Jan 2000 in its own zone)."""
    return datetime(2000, 1, 1, hour, minute, tzinfo=PUBLICATION_ZONE) + timedelta(days=days)


@pytest.mark.parametrize(
    ("moment", "label"),
    [
        (at(2022, 9, 10), "Sat 10 Sep"),
        (at(2022, 9, 10, 20), "Sat 10 Sep"),  # a day's label is the day, whatever the hour
        (rel(0), "publication day"),
        (rel(-1), "1 day before publication"),
        (rel(-3, 18), "3 days before publication"),
        (rel(1), "1 day after publication"),
        (rel(2), "2 days after publication"),
    ],
)
def test_day_labels(moment: datetime, label: str) -> None:
    assert day_label(moment) == label
    assert day_label(moment) == label  # said again from what was kept


def test_a_kept_day_is_said_the_same_and_the_store_is_bounded(monkeypatch) -> None:
    monkeypatch.setattr(labels, "_DAYS", {})
    for day in range(12):
        day_label(at(2022, 1, 1) + timedelta(days=day))
    assert labels._DAYS[(2022, 1, 5, False)] == "Wed 5 Jan"
    monkeypatch.setattr(labels, "_DAYS", {(2022, 1, day, False): "x" for day in range(10_000)})
    assert day_label(at(2022, 2, 1)) == "Tue 1 Feb"
    assert len(labels._DAYS) == 1  # full: emptied before the new day went in


def test_moment_labels() -> None:
    assert moment_label(at(2022, 9, 10, 20)) == "Sat 10 Sep 20:00"
    assert moment_label(at(2022, 9, 10, 0, 30)) == "Sat 10 Sep 00:30"
    assert moment_label(at(2022, 9, 10)) == "Sat 10 Sep"  # midnight: the day alone
    assert moment_label(rel(-1, 20)) == "1 day before publication"  # no clock invented against an unknown day


def test_relative_day_for_an_axis() -> None:
    assert relative_day(rel(0, 12)) == "pub."
    assert relative_day(rel(-3)) == "−3 d"
    assert relative_day(rel(2)) == "+2 d"


@pytest.mark.parametrize(
    ("earliest", "latest", "label"),
    [
        (None, None, "undated"),
        (None, at(2022, 9, 11), "by Sat 10 Sep"),  # midnight: the day before, whole
        (None, at(2022, 9, 11, 18), "by Sun 11 Sep 18:00"),
        (at(2022, 9, 10, 20), None, "from Sat 10 Sep 20:00"),
        (at(2022, 9, 10), at(2022, 9, 11), "Sat 10 Sep"),
        (at(2022, 9, 10, 18), at(2022, 9, 11), "Sat 10 Sep · evening"),
        (at(2022, 9, 10, 6), at(2022, 9, 10, 12), "Sat 10 Sep · morning"),
        (at(2022, 9, 10, 12), at(2022, 9, 10, 14), "Sat 10 Sep · midday"),
        (at(2022, 9, 10, 22), at(2022, 9, 11, 6), "Sat 10 Sep · night"),
        (at(2022, 9, 10, 20), at(2022, 9, 10, 21, 30), "Sat 10 Sep 20:00–21:30"),
        (at(2022, 9, 10, 20, 15), at(2022, 9, 10, 21), "Sat 10 Sep 20:15–21:00"),
        (at(2022, 9, 10, 20), at(2022, 9, 11), "Sat 10 Sep 20:00–24:00"),  # the day's end, not the next day's
        (at(2022, 9, 10, 20), at(2022, 9, 11, 2), "Sat 10 Sep 20:00 – Sun 11 Sep 02:00"),
        (at(2022, 9, 10, 8), at(2022, 9, 10, 20), "Sat 10 Sep 08:00–20:00"),  # 12 hours: within a day
        (at(2022, 9, 10, 20), at(2022, 9, 11, 8), "Sat 10 Sep 20:00 – Sun 11 Sep 08:00"),  # 12 hours across
        (at(2022, 9, 10, 20), at(2022, 9, 11, 8, 1), "10 Sep 20:00 – 11 Sep 08:01"),  # past 12 hours: a range
        (at(2022, 9, 1), at(2022, 9, 11), "1–10 Sep"),
        (at(2022, 8, 30), at(2022, 9, 3), "30 Aug – 2 Sep"),
        (at(2022, 9, 9, 4), at(2022, 9, 11), "9 Sep 04:00 – 10 Sep"),
        (at(2022, 9, 9, 4), at(2022, 9, 11, 12), "9 Sep 04:00 – 11 Sep 12:00"),
        (rel(-3), rel(-1), "3–2 days before publication"),
        (rel(-2), rel(1), "2 days before publication – publication day"),
        (rel(-1, 20), rel(0, 12), "1 day before publication – publication day"),
        (rel(0), rel(1), "publication day"),
    ],
)
def test_interval_labels(earliest: datetime | None, latest: datetime | None, label: str) -> None:
    assert interval_label(earliest, latest) == label
