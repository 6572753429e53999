"""``newsline timeline --json`` writes each event's line from pieces made and escaped once
(tui.commands.timeline._Lines), yet the very text ``json.dumps`` makes of the event's dictionary
(``_event_json``, the definition), escaped by ``escaped_json``: on the bundled report, hostile and synthetic
ones and random ones."""

from __future__ import annotations

import io
import json
import sys

from hypothesis import HealthCheck, given, settings

from tui.commands import main
from tui.commands.timeline import _event_json, _Lines
from tui.model import Report, parse_report
from tui.printable import escaped_json
from tui.temporal import resolve

from ..conftest import EVENTS_JSON
from ..hostile import hostile_report_data
from ..synthetic import synthetic_report
from ..temporal.test_likely import reports


def check(report: Report) -> None:
    timeline = resolve(report)
    line = _Lines(timeline)
    for row in timeline.events:
        assert line(row) == escaped_json(json.dumps(_event_json(timeline, row), ensure_ascii=False)), row.id


def test_the_bundled_report(report):
    check(report)


def test_a_hostile_report():
    check(parse_report(json.dumps(hostile_report_data())))


def test_synthetic_reports_with_long_chains():
    for week in (False, True):
        check(parse_report(json.dumps(synthetic_report(300, week=week))))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_on_any_report(report):
    check(report)


def test_pieces_kept_are_let_go_past_their_bound(report, monkeypatch):
    monkeypatch.setattr(_Lines, "KEPT", 2)
    monkeypatch.setattr(_Lines, "KEPT_CHAINS", 2)  # chains' texts let go: made again from the tree
    check(report)
    check(parse_report(json.dumps(synthetic_report(60))))


def _written(stream: io.TextIOWrapper, monkeypatch) -> bytes:
    """What ``newsline timeline --json`` writes to ``stream``, as bytes, after a line of text left unflushed in it."""
    monkeypatch.setattr(sys, "stdout", stream)
    stream.write("before\n")  # still in the stream's own buffer: it must come out first
    assert main(["timeline", str(EVENTS_JSON), "--json"]) == 0
    stream.flush()
    return stream.buffer.getvalue()  # type: ignore[attr-defined]


def test_the_lines_go_in_utf8_to_the_streams_buffer_or_through_the_stream_in_its_own_encoding(report, monkeypatch):
    """Pieces are encoded in UTF-8 once, and written straight to a UTF-8 stream's binary buffer; a stream in
    another encoding gets the same text through itself."""
    timeline = resolve(report)
    line = _Lines(timeline)
    expected = "before\n" + "".join(f"{line(row)}\n" for row in timeline.events)
    assert "←" in expected  # characters beyond Latin-1, written as themselves
    assert _written(io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), monkeypatch) == expected.encode()
    assert _written(io.TextIOWrapper(io.BytesIO(), encoding="utf-16"), monkeypatch) == expected.encode("utf-16")


def test_events_told_by_the_same_actors_and_sources_but_quoting_others():
    """Who is involved is made once for the events with the same actors, quotes and sources: one that quotes
    someone else is not written with another's."""
    data = json.loads(EVENTS_JSON.read_text(encoding="utf-8"))
    events = {event["id"]: event for event in data["events"]}
    flight, defeat = events["russian-army-flight"], events["kyiv-defeat"]
    assert flight["actors"] == defeat["actors"] == ["russian-army"] and defeat["sources"] == [{"source": "report"}]
    flight["sources"], flight["quotes"] = [{"source": "report"}], events["zelensky-video-speech"]["quotes"][:1]
    report = parse_report(json.dumps(data))
    check(report)
    timeline = resolve(report)
    assert '"actors": ["russian-army", "zelensky"]' in _Lines(timeline)(timeline["russian-army-flight"])
