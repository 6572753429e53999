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


def test_with_the_publication_unknown_no_hour_is_invented():
    """What holds "now", at the publication, holds at some time of the publication's day, which nobody
    knows: the certain layer says no hour. Where the likely layer's guess of noon gives one, the label
    carries ≈ and names a default (issue 18: hours were invented, "publication day 11:00–12:00")."""
    import json
    import re

    from tui.model import parse_report
    from tui.temporal import resolve

    from ..conftest import small_report_data, span

    data = small_report_data()
    text = "Alice parle actuellement. " + data["document"]["text"]
    data["document"]["text"] = text
    data["document"]["published"] = None
    data["document"]["headline"] = span(text, "Alice parle actuellement.")
    for actor in data["actors"]:
        actor["mentions"] = [span(text, actor["name"], 1 if actor["id"] == "alice" else 0)]
    data["sources"][1]["mentions"] = [span(text, "Radio")]
    for event in data["events"]:
        event["sentences"] = [span(text, s["text"]) for s in event["sentences"]]
        for relation in event["relations"]:
            relation["cue"] = span(text, relation["cue"]["text"])
        for quote in event["quotes"]:
            quote["span"] = span(text, quote["span"]["text"])
        for source in event["sources"]:
            if "cue" in source:
                source["cue"] = span(text, source["cue"]["text"])
    data["events"][0]["sentences"] = [span(text, "Alice parle actuellement.")]
    data["events"][0]["time"] = span(text, "actuellement")
    timeline = resolve(parse_report(json.dumps(data)))
    clock = re.compile(r"\d\d:\d\d")
    for row in timeline.events:
        assert not clock.search(row.certain.label), row.certain.label
        if clock.search(row.likely.label):
            assert row.likely.label.startswith("≈") and row.defaults, row.likely
