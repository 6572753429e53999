"""Time zones of the place (issue class 10): GMT/UTC is read in UTC; "heure locale" with no zone given is
any offset from UTC-12 to UTC+14, not the publication's zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from tui.model import Publication
from tui.temporal.expressions import normalise
from tui.temporal.tagging import publication_on, tag

KYIV = timezone(timedelta(hours=3))
AT_NOON = Publication(*(datetime(2022, 9, 11, 12, tzinfo=KYIV),) * 3, "test")  # type: ignore[arg-type]


def test_gmt_is_read_in_utc_and_shown_in_the_reports_zone():
    (_, gmt) = tag("à 15h40 (14H40 GMT)", AT_NOON)
    assert gmt.value == "2022-09-11T14:40Z"
    assert gmt.earliest == datetime(2022, 9, 11, 17, 40, tzinfo=KYIV)
    (utc,) = tag("14h UTC", AT_NOON)
    assert utc.earliest == datetime(2022, 9, 11, 14, tzinfo=UTC)


@pytest.mark.parametrize("text", ["à 9 heures (heure locale)", "à 9 heures heure locale", "à 9 h locales"])
def test_local_time_covers_every_offset(text):
    (timex,) = tag(text, AT_NOON)
    assert timex.value == "2022-09-11T09:00"  # the wall-clock time, no offset: the zone is not known
    # 9:00 at UTC+14 is 19:00 the day before in UTC; 9:01 at UTC-12 is 21:01 in UTC
    assert timex.earliest == datetime(2022, 9, 10, 19, tzinfo=UTC)
    assert timex.latest == datetime(2022, 9, 11, 21, 1, tzinfo=UTC)
    assert timex.granularity == "hours"


def test_local_time_with_no_report_zone_is_read_from_utc():
    (timex,) = tag("vers 12 h 30 locales", publication_on(date(2002, 2, 8)))
    assert (timex.value, timex.mod) == ("2002-02-08T12:30", "APPROX")
    assert (timex.earliest, timex.latest) == (datetime(2002, 2, 7, 22, 0), datetime(2002, 2, 9, 1, 0))


def test_the_engine_reads_local_time_the_same_way():
    found = normalise("à 9 heures (heure locale)", AT_NOON)
    assert found is not None
    (timex,) = tag("à 9 heures (heure locale)", AT_NOON)
    assert (found.earliest, found.latest) == (timex.earliest, timex.latest)


def test_paris_time_is_the_reports_own():
    (timex,) = tag("à 20 h heure de Paris", AT_NOON)
    assert (timex.earliest, timex.granularity) == (datetime(2022, 9, 11, 20, tzinfo=KYIV), "minute")


@pytest.mark.parametrize(
    "text",
    ["Le sommet s'ouvrira à 14h à Tokyo.", "Le séisme a frappé vers 9 heures au Japon.", "Vote à 20 h à New York."],
)
def test_a_time_told_at_a_place_of_another_zone_may_be_that_places(text):
    """Issue 18, class 10: "à 14h à Tokyo" in a report from Paris was read in Paris's zone, certainly. It may
    be Tokyo's time: like "heure locale", it covers every zone; the span stays the time's own words."""
    from tui.model import publication_from
    from tui.temporal.tagging import tag

    (found,) = [t for t in tag(text, publication_from("2024-05-10", "fr"), "fr") if t.type == "TIME"]
    assert found.latest - found.earliest >= timedelta(hours=26)
    assert "Tokyo" not in found.text and "Japon" not in found.text and "York" not in found.text


def test_a_time_told_at_a_place_of_the_reports_zone_is_read_there():
    from tui.model import publication_from
    from tui.temporal.tagging import tag

    (found,) = tag("Il est arrivé à 14h à Lyon.", publication_from("2024-05-10", "fr"), "fr")
    assert found.latest - found.earliest == timedelta(minutes=1)
