"""The loader: valid files load, and every kind of bad input gets one clear message, all problems at once."""

from __future__ import annotations

import json
import os
from datetime import timedelta

import pytest

from tui.model import ReportError, load_report, parse_report

from .conftest import SMALL_TEXT, small_report_data


def problems_of(data, write_json) -> tuple[str, ReportError]:
    path = write_json(data)
    with pytest.raises(ReportError) as caught:
        load_report(path)
    return str(path), caught.value


def test_small_report_loads_with_typed_immutable_records(small_data, write_json):
    report = load_report(write_json(small_data))
    assert report.document.text == SMALL_TEXT
    assert report.document.published.estimate.utcoffset() == timedelta(hours=3)
    bob = report.event("bob-says-no")
    assert bob.relations[0].target == "alice-speaks"
    assert bob.quotes[0].span.text == "« [bold]non »"
    assert report.actor("bob").identification.value == "Robert"
    with pytest.raises(AttributeError):
        bob.summary = "changed"  # type: ignore[misc]


def test_broken_json_names_file_line_and_column(write_json):
    path, error = problems_of('{\n  "format": "newsline/1",\n  "document": {\n}', write_json)
    message = str(error)
    assert message.startswith(f"newsline: cannot open {path}: not valid JSON: line 4, column 2")
    assert "\n" not in message


def test_missing_field_wrong_type_and_bad_vocabulary_are_all_reported(small_data, write_json):
    del small_data["events"][0]["summary"]
    small_data["events"][1]["actors"] = "bob"
    small_data["actors"][0]["side"] = "neutral"
    _, error = problems_of(small_data, write_json)
    message = str(error)
    assert "3 problems found" in message
    assert "$.events[0].summary: expected a value (required field is missing)" in message
    assert '$.events[1].actors: expected an array, found "bob"' in message
    assert (
        '$.actors[0].side: expected one of ukraine, russia, russian-installed, media, civilians, found "neutral"'
        in message
    )


def test_dangling_and_duplicate_ids(small_data, write_json):
    small_data["events"][1]["relations"][0]["target"] = "nobody-speaks"
    small_data["events"][0]["actors"] = ["carol"]
    small_data["actors"][1]["id"] = "alice"
    _, error = problems_of(small_data, write_json)
    message = str(error)
    assert '$.events[1].relations[0].target: expected the id of an item in $.events, found "nobody-speaks"' in message
    assert '$.events[0].actors[0]: expected the id of an item in $.actors, found "carol"' in message
    assert "$.actors[1].id: expected a unique actor id, 'alice' is used twice" in message


def test_span_off_the_text(small_data, write_json):
    small_data["events"][0]["time"]["start"] += 1
    small_data["events"][1]["quotes"][0]["span"]["end"] = 10_000
    _, error = problems_of(small_data, write_json)
    message = str(error)
    assert '$.events[0].time: expected text equal to document.text[15:19], which is "eudi", found "jeudi"' in message
    assert (
        f"$.events[1].quotes[0].span.end: expected an offset within document.text (length {len(SMALL_TEXT)}), found 10000"
        in message
    )


def test_unknown_field_and_naive_datetime(small_data, write_json):
    small_data["events"][0]["when"] = "yesterday"
    small_data["document"]["published"]["estimate"] = "2022-09-11T12:00:00"
    _, error = problems_of(small_data, write_json)
    message = str(error)
    assert "$.events[0].when: expected no such field (allowed:" in message
    assert "$.document.published.estimate: expected an ISO 8601 date-time with a UTC offset" in message
    assert "(the offset is missing)" in message


def test_wrong_format_version_and_root_type(write_json):
    _, error = problems_of([1, 2], write_json)
    assert "$: expected an object, found an array" in str(error)
    data = small_report_data()
    data["format"] = "newsline/2"
    _, error = problems_of(data, write_json)
    assert '$.format: expected "newsline/1", found "newsline/2"' in str(error)


def test_unreadable_files_get_a_message_not_a_traceback(tmp_path):
    with pytest.raises(ReportError, match=r"cannot open .*missing\.json: no such file"):
        load_report(tmp_path / "missing.json")
    with pytest.raises(ReportError, match="it is a directory"):
        load_report(tmp_path)
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"a": "é"}'.encode("latin-1"))
    with pytest.raises(ReportError, match=r"not UTF-8 text \(byte 7\)"):
        load_report(latin)


def test_loading_never_writes_to_the_input(small_data, write_json):
    good = write_json(small_data, "good.json")
    small_data["events"][0]["actors"] = ["nobody"]
    bad = write_json(small_data, "bad.json")
    before = {p: (p.read_bytes(), os.stat(p).st_mtime_ns) for p in (good, bad)}
    load_report(good)
    with pytest.raises(ReportError):
        load_report(bad)
    assert {p: (p.read_bytes(), os.stat(p).st_mtime_ns) for p in (good, bad)} == before


def test_parse_report_accepts_text():
    report = parse_report(json.dumps(small_report_data()))
    assert [e.id for e in report.events] == ["alice-speaks", "bob-says-no"]
