"""entry(): the drafter's and the review's way to write a record, with the declaration's field names."""

from __future__ import annotations

import pytest

from tui.model.report import Attribution, Event, Found, Report, Span, drafted_fields, entry


def test_a_record_is_written_with_its_file_names_in_the_order_given():
    assert list(entry(Span, text="x", start=0, end=1)) == ["text", "start", "end"]
    assert "$schema" in entry(Report, schema="s", format="newsline/1", document={}, actors=[], places=[],
                               sources=[], events=[], caveats=[], not_events=[])  # fmt: skip


def test_an_undeclared_field_or_a_missing_required_one_fails_where_it_is_written():
    with pytest.raises(TypeError, match="Span has no field length"):
        entry(Span, start=0, end=1, text="x", length=1)
    with pytest.raises(TypeError, match="Span needs text"):
        entry(Span, start=0, end=1)


def test_an_optional_field_given_none_is_left_out_a_required_one_is_kept():
    assert entry(Attribution, source="report", cue=None) == {"source": "report"}
    event = entry(Event, id="e1", summary="s", kind="action", sentences=[], actors=[], places=[], sources=[],
                  time=None, relations=[], quotes=[], claims=[], tense=None)  # fmt: skip
    assert event["time"] is None and "tense" not in event


def test_the_drafted_fields_are_those_of_type_found():
    assert drafted_fields(Event) == ("found", "time_found")
    assert drafted_fields(Found) == ()
