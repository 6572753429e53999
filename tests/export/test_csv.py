"""CSV export: RFC 4180, UTF-8, one row per event, every field read back as written."""

from __future__ import annotations

import csv
import io
import re
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.export import export
from tui.export.csv import COLUMNS, FORMULA_STARTS, Rows, cell, write_csv
from tui.model import load_report
from tui.model.report import replace as replace_record
from tui.temporal import resolve

from ..conftest import ROOT
from .conftest import HOSTILE_SUMMARY
from .markup import FORMULA, markup_report_data


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


def test_the_header_row_is_the_documented_columns(bundled_timeline):
    header = next(csv.reader(io.StringIO(export(bundled_timeline, "csv"), newline="")))
    assert header == list(COLUMNS)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    bullet = readme[readme.index("- **CSV**") :].split("\n- ", 1)[0]
    assert re.findall(r"`([a-z_]+)`", bullet) == header


@pytest.mark.parametrize(
    "start", FORMULA_STARTS, ids=lambda start: f"U+{ord(start):04X}"
)  # ASCII ids: any runner can name them
def test_a_cell_of_the_data_that_would_start_a_formula_is_made_text(start, write_json):
    """OWASP: a text cell starting with = + - @ tab CR (and LF, NUL, their full-width forms) gets a ' first."""
    hostile = f"{start}{FORMULA}"
    timeline = resolve(load_report(write_json(markup_report_data(hostile, bare=True))))
    rows = _rows(export(timeline, "csv"))
    assert len(rows) == 3
    for row in rows:
        for column in ("summary", "actors", "sides", "sources"):
            if row[column]:  # the event with no actor has no actors nor sides
                assert row[column].startswith(f"'{hostile}"), (column, row[column])
        assert row["id"][0] not in FORMULA_STARTS and row["certain_earliest"][:1] not in FORMULA_STARTS
    assert rows[0]["summary"] == f"'{hostile}"  # the quote, then the text as written
    assert f"'{hostile}; {hostile}" in {row["actors"] for row in rows}  # two actors: the cell's start guarded


@pytest.mark.parametrize(
    "start", FORMULA_STARTS, ids=lambda start: f"U+{ord(start):04X}"
)  # ASCII ids: any runner can name them
def test_ids_kinds_labels_and_defaults_are_made_text_too(start, bundled_timeline):
    """The loader keeps these to ids and vocabularies, but the writer does not rely on it: each text cell goes
    through the same guard. A stand-in row carries a formula in each."""
    resolved = bundled_timeline["zelensky-video-speech"]
    formula = f"{start}1+1"
    event = replace_record(resolved.event, id=formula, kind=formula)
    bounds = resolved.likely.earliest, None
    row = SimpleNamespace(
        event=event,
        label=formula,
        certain_bounds=bounds,
        likely_label=formula,
        likely_bounds=bounds,
        defaults=(formula,),
    )  # what the writer reads of a row: the labels and bounds of both layers (no explanation)
    out = io.StringIO(newline="")
    write_csv(bundled_timeline, [row], out)
    (written,) = _rows(out.getvalue())
    for column in ("id", "kind", "certain_label", "likely_label", "likely_defaults"):
        assert written[column] == f"'{formula}", column
    assert written["likely_earliest"] == resolved.likely.earliest.isoformat()  # the times newsline makes: as they are
    assert written["quotes"] == "3"


@given(st.text(max_size=30))
def test_only_a_formula_start_changes_a_cell(value):
    if value.startswith(FORMULA_STARTS):
        assert cell(value) == f"'{value}"
    else:
        assert cell(value) is value


def test_the_bundled_reports_cells_are_written_as_they_are(bundled_timeline):
    rows = _rows(export(bundled_timeline, "csv"))
    assert not [value for row in rows for value in row.values() if value.startswith("'")]
    assert [row["summary"] for row in rows] == [row.event.summary for row in bundled_timeline.events]


# The columns, spelled out: a renamed, dropped or reordered column fails here (the test above compares the
# header with the module's own COLUMNS, and the README with both).
HEADER = [
    "id", "summary", "kind", "actors", "sides", "sources",
    "certain_earliest", "certain_latest", "certain_label",
    "likely_earliest", "likely_latest", "likely_label", "likely_defaults",
    "quotes", "claims", "likely_defaults_meaning", "shown",
]  # fmt: skip


def test_the_header_row_spells_every_column():
    out = io.StringIO(newline="")
    write_csv(SimpleNamespace(report=None), [], out)
    assert out.getvalue() == ",".join(HEADER) + "\r\n"


def test_every_column_of_a_row_is_the_value_it_names(bundled_timeline):
    """Two rows written out whole: lists joined by "; " (actors, their sides once each, the defaults and their
    meanings), the attribution chain by " → ", both layers' bounds in ISO 8601 and their labels, the counts."""
    rows = {row["id"]: row for row in _rows(export(bundled_timeline, "csv"))}
    assert {column: rows["ukrainian-breakthrough"][column] for column in HEADER} == {
        "id": "ukrainian-breakthrough",
        "summary": "Ukrainian troops broke through Russian defence lines.",
        "kind": "action",
        "actors": "Ukrainian army; Russian army",
        "sides": "Ukraine; Russia",
        "sources": "Kharkiv administrator's statements (il a déclaré) → The report's own voice",
        "certain_earliest": "",
        "certain_latest": "2022-09-11T23:59:00+03:00",
        "certain_label": "by Sun 11 Sep 23:59",
        "likely_earliest": "2022-09-07T23:00:00+03:00",
        "likely_latest": "2022-09-11T00:00:00+03:00",
        "likely_label": "≈ 7 Sep 23:00 – 10 Sep",
        "likely_defaults": "publication-estimate; news-cycle; recent-past; day-count",
        "quotes": "0",
        "claims": "0",
        "likely_defaults_meaning": "publication-estimate: published at the annotation's estimate; "
        "news-cycle: within the 24 h before publication; "
        "recent-past: ended within the day before the statement that reports it; "
        "day-count: N days apart, give or take half a day",
        "shown": "27 events",  # which events the file holds (the export key's names its filter)
    }
    speech = rows["zelensky-video-speech"]
    assert (speech["quotes"], speech["claims"]) == (
        "3",
        str(len(bundled_timeline["zelensky-video-speech"].event.claims)),
    )
    regrouping = rows["russian-regrouping"]
    assert (regrouping["actors"], regrouping["sides"]) == ("Russia; Russian army", "Russia")  # one side, said once
    assert regrouping["likely_defaults"] == "same-day; attested"
    assert regrouping["likely_defaults_meaning"] == (
        "same-day: on the same calendar day as the event it is relative to; attested: within the statement that attests it"
    )
    assert (rows["kyiv-defeat"]["likely_defaults"], rows["kyiv-defeat"]["likely_defaults_meaning"]) == ("", "")


def test_the_shown_cell_counts_the_events_or_names_the_filter(bundled_timeline):
    """Every row says which events the file holds: "27 events", "1 event", or the app's filter as it reads."""
    (one,) = _rows(export(bundled_timeline, "csv", bundled_timeline.events[:1]))
    assert one["shown"] == "1 event"
    two = _rows(export(bundled_timeline, "csv", bundled_timeline.events[:2]))
    assert [row["shown"] for row in two] == ["2 events", "2 events"]
    shown = "2 of 27 events · filter: actor Volodymyr Zelensky"
    filtered = _rows(export(bundled_timeline, "csv", bundled_timeline.events[:2], shown=shown))
    assert [row["shown"] for row in filtered] == [shown, shown]


# Fields as news and hostile data hold them: the characters csv quotes for, and others it does not.
_FIELD = st.text(alphabet=st.sampled_from(list("ab ,\"\r\n\0\t;'=é→“")), max_size=8) | st.text(max_size=8)


@given(st.lists(st.lists(_FIELD, max_size=5), max_size=Rows.BATCH + 3))
def test_rows_are_written_as_the_csv_module_writes_them(rows):
    """The quick join of a row that needs no quoting, and the csv module's writer for any other, write what
    ``csv.writer`` alone writes, row for row, past a batch."""
    ours, theirs = io.StringIO(newline=""), io.StringIO(newline="")
    writer = Rows(ours)
    writer.writerows(rows)
    writer.flush()
    csv.writer(theirs, lineterminator="\r\n").writerows(rows)
    assert ours.getvalue() == theirs.getvalue()


def test_rows_are_written_a_batch_at_a_time():
    """Nothing is held back past a batch, and nothing is written twice."""
    out = io.StringIO(newline="")
    writer = Rows(out)
    writer.writerows([["a", "b"]] * Rows.BATCH)
    assert out.getvalue() == "a,b\r\n" * Rows.BATCH
    writer.writerow(["c,d", "e"])
    writer.flush()
    writer.flush()
    assert out.getvalue() == "a,b\r\n" * Rows.BATCH + '"c,d",e\r\n'
