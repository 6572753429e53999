"""The table of `newsline timeline`: columns sized from the content, words never broken, data as data."""

from __future__ import annotations

import io
import json

from rich.cells import cell_len

from tests.synthetic import synthetic_report
from tui.model import parse_report
from tui.table import print_table
from tui.temporal import resolve

from ..conftest import small_report_data


def table(report, width: int) -> str:
    out = io.StringIO()
    print_table(resolve(report), out, width=width)
    return out.getvalue()


def test_every_line_fits_the_width_and_words_stay_whole(report):
    for width in (80, 140):
        text = table(report, width)
        lines = text.splitlines()
        assert all(cell_len(line) <= width for line in lines[2:]), width
        assert "Sat 10 Sep · evening" in text
        assert "? the order with the next event is not certain" in " ".join(lines)
        words = {word for event in report.events for word in event.summary.split()}
        shown = {word for line in lines for word in line.split()}
        assert {w for w in words if len(w) < 20} <= shown  # no summary word is cut across lines


def test_the_time_column_is_as_wide_as_its_longest_label_and_no_wider(report):
    text = table(report, 140)
    header = next(line for line in text.splitlines() if line.startswith("when "))
    when_column = header.index("event")
    timeline = resolve(report)
    longest = max(cell_len(row.likely.label) for row in timeline.events)
    assert when_column == min(longest, 34) + 2 + 1 + 2  # label, gap, "?" mark, gap
    assert "≈ Sat 10 Sep 00:00–23:00" in text  # whole, never "≈ Sat 10 Sep 00:…"


def test_hostile_text_is_shown_as_symbols():
    data = small_report_data()
    data["events"][0]["summary"] = "evil \x1b]0;pwned\x07 title \x1b[2J"
    text = table(parse_report(json.dumps(data)), 100)
    assert "\x1b" not in text and "\x07" not in text
    assert "␛]0;pwned␇" in text


def test_a_large_report_prints_one_row_per_event():
    report = parse_report(json.dumps(synthetic_report(500)))
    text = table(report, 100)
    assert sum(line.startswith(("by ", "Sat", "9 Sep", "10 Sep", "undated")) for line in text.splitlines()) >= 1
    assert text.count("Synthetic ") == 500
