"""A publication given as a day without its zone (``--published 2015-10-23``): one reading for every command
(:func:`tui.model.publication_from`), the day taken in the language's zone at a guess, and the certain layer
sound in any zone (issue 18: "7 h 30" in a French report was read in UTC, two hours off, and the certain
interval excluded the real time)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from tui.model import parse_report, publication_from
from tui.temporal import resolve

from ..conftest import span

PARIS_SUMMER = timezone(timedelta(hours=2))
TEXT = "Le car est parti vers 7 h. La collision s'est produite à 7 h 30."


def test_a_day_is_the_day_in_the_languages_zone_with_its_zone_unknown():
    found = publication_from("2015-10-23", "fr")
    assert found.zone == "unknown"
    assert found.estimate == datetime(2015, 10, 23, 12, tzinfo=PARIS_SUMMER)
    assert (found.earliest, found.latest) == (
        datetime(2015, 10, 23, tzinfo=PARIS_SUMMER), datetime(2015, 10, 23, 23, 59, tzinfo=PARIS_SUMMER),
    )  # fmt: skip
    assert publication_from("20151023", "fr") == found
    assert publication_from("2015-01-23", "fr").estimate.utcoffset() == timedelta(hours=1)  # winter time
    assert publication_from("2015-10-23", "en").estimate.utcoffset() == timedelta(0)
    given = publication_from("2015-10-23T09:00+02:00", "fr")
    assert given.zone == "given" and given.estimate == datetime(2015, 10, 23, 9, tzinfo=PARIS_SUMMER)
    with pytest.raises(ValueError):
        publication_from("soon")


def report(zone: str):
    published = publication_from("2015-10-23", "fr")
    data = {
        "format": "newsline/1",
        "document": {
            "id": "zone", "language": "fr", "headline": span(TEXT, "Le car est parti vers 7 h."), "text": TEXT,
            "published": {
                "earliest": published.earliest.isoformat(), "estimate": published.estimate.isoformat(),
                "latest": published.latest.isoformat(), "basis": published.basis, "zone": zone,
            },
        },
        "actors": [], "places": [],
        "sources": [{"id": "report", "label": "The report", "kind": "report", "mentions": []}],
        "events": [{
            "id": "crash", "summary": "crash", "kind": "action",
            "sentences": [span(TEXT, "La collision s'est produite à 7 h 30.")], "actors": [], "places": [],
            "sources": [{"source": "report"}], "time": span(TEXT, "7 h 30"), "relations": [], "quotes": [],
            "claims": [], "tense": {"form": "compound-past", "cue": span(TEXT, "s'est produite")},
        }],
        "caveats": [], "not_events": [],
    }  # fmt: skip
    return resolve(parse_report(json.dumps(data)))


@pytest.mark.parametrize("hours", [-12, -5, 0, 1, 2, 9, 14])
def test_the_certain_layer_holds_a_clock_time_in_any_zone(hours):
    crash = report("unknown")["crash"]
    real = datetime(2015, 10, 23, 7, 30, tzinfo=timezone(timedelta(hours=hours)))
    assert crash.certain.earliest is not None and crash.certain.latest is not None
    assert crash.certain.earliest <= real <= crash.certain.latest


def test_the_likely_layer_reads_the_clock_in_the_languages_zone_and_says_so():
    crash = report("unknown")["crash"]
    assert crash.likely.earliest == datetime(2015, 10, 23, 7, 30, tzinfo=PARIS_SUMMER)
    assert "report-zone" in crash.defaults
    assert crash.likely.label.startswith("≈")


def test_a_given_zone_is_read_as_given():
    crash = report("given")["crash"]
    assert crash.certain.earliest == datetime(2015, 10, 23, 7, 30, tzinfo=PARIS_SUMMER)
    assert "report-zone" not in crash.defaults
