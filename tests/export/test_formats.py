"""The export package's entry points: a format by its name, the rows given or every event, what they show."""

from __future__ import annotations

import io

import pytest

from tui.export import FORMATS, SUFFIXES, export, exporter, write_export


def test_an_unknown_format_is_refused_naming_the_known_ones():
    with pytest.raises(ValueError) as refused:
        exporter("pdf")
    assert str(refused.value) == "unknown export format 'pdf'; expected one of timelinejs, csv, markdown"
    assert set(SUFFIXES) == set(FORMATS)


@pytest.mark.parametrize("fmt", FORMATS)
def test_what_the_rows_show_reaches_the_file(fmt, bundled_timeline):
    """The app's filter, passed as ``shown``, is written into the file, in every format and by both entry
    points; without it, the file counts every event."""
    shown = "2 of 27 events · filter: actor Volodymyr Zelensky"
    rows = bundled_timeline.events[:2]
    assert shown in export(bundled_timeline, fmt, rows, shown=shown)
    out = io.StringIO()
    write_export(bundled_timeline, fmt, out, rows, shown=shown)
    assert shown in out.getvalue()
    assert "27 events" in export(bundled_timeline, fmt)
