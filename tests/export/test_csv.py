"""CSV export: RFC 4180, UTF-8, one row per event, every field read back as written."""

from __future__ import annotations

import csv
import io

from tui.export import export
from tui.export.csv import COLUMNS

from .conftest import HOSTILE_SUMMARY


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_one_row_per_event_in_display_order(bundled_timeline):
    rows = _rows(export(bundled_timeline, "csv"))
    assert [row["id"] for row in rows] == [event.id for event in bundled_timeline.events]
    assert list(rows[0]) == list(COLUMNS)


def test_both_layers_bounds_are_iso_8601_in_the_reports_zone(bundled_timeline):
    rows = {row["id"]: row for row in _rows(export(bundled_timeline, "csv"))}
    row = rows["high-command-thursday-figure"]
    assert row["certain_earliest"] == "2022-09-08T00:00:00+03:00"
    assert row["certain_latest"] == "2022-09-09T00:00:00+03:00"
    assert row["certain_label"] == "Thu 8 Sep"
    resolved = bundled_timeline["high-command-thursday-figure"]
    assert row["likely_earliest"] == resolved.likely.earliest.isoformat()
    assert row["likely_label"] == resolved.likely.label
    assert rows["kyiv-defeat"]["certain_earliest"] == ""  # an open bound is an empty field, not a made-up date


def test_counts_sources_and_actors(bundled_timeline):
    rows = {row["id"]: row for row in _rows(export(bundled_timeline, "csv"))}
    speech = rows["zelensky-video-speech"]
    event = bundled_timeline["zelensky-video-speech"].event
    assert int(speech["quotes"]) == len(event.quotes) == 3
    assert int(speech["claims"]) == len(event.claims)
    assert speech["actors"] == "Volodymyr Zelensky"
    assert speech["sides"] == "Ukraine"
    evacuation = rows["refugee-care-statement"]
    assert evacuation["sources"].startswith("Kharkiv administrator's statements (Il a déclaré) → TASS (selon TASS)")


def test_commas_quotes_newlines_and_french_round_trip(hostile_timeline):
    text = export(hostile_timeline, "csv")
    rows = {row["id"]: row for row in _rows(text)}
    assert rows["bob-says-no"]["summary"] == HOSTILE_SUMMARY
    assert rows["bob-says-no"]["actors"] == 'Bob "the, builder"'
    assert '"Bob ""the, builder"""' in text  # RFC 4180: the field quoted, its quotes doubled
    assert text.endswith("\r\n") and text.count("\r\n") == 3  # header, two records (the line break is quoted)
    text.encode("utf-8")


def test_exports_only_the_rows_it_is_given(bundled_timeline):
    shown = bundled_timeline.events[3:5]
    rows = _rows(export(bundled_timeline, "csv", shown))
    assert [row["id"] for row in rows] == [event.id for event in shown]
