"""Nothing cut (issue 20): at the README's 120×35 and at 80×24, every time label shows whole, summaries get
the room the right-hand panes do not need, every key the screen offers is reachable from what it shows, and
the axis follows the terminal's height and the selection on resize."""

from __future__ import annotations

import json

import pytest
from rich.cells import cell_len

from tests.synthetic import synthetic_report
from tui.app import NewslineApp
from tui.app.widgets.timeline import TimelineList
from tui.model import parse_report
from tui.temporal import resolve
from tui.view import printable, short_label

SIZES = [(120, 35), (80, 24)]


def drawn_rows(app) -> dict[int, list[str]]:
    """Every row of the timeline as drawn, line by line, scrolling through the whole list."""
    widget = app.query_one("#timeline", TimelineList)
    lines = widget.row_lines
    height = widget.scrollable_content_region.height
    seen: dict[int, list[str]] = {}
    top = 0
    while top < len(app.view.rows) * lines:
        widget.scroll_to(y=top, animate=False, immediate=True)
        shown_top = widget.scroll_offset.y  # the last page scrolls no further than the list's end
        for y in range(height):
            index, part = divmod(shown_top + y, lines)
            if index < len(app.view.rows):
                seen.setdefault(index, [""] * lines)[part] = widget.render_line(y).text
        top += height
    return seen


def synthetic_app(count: int = 100) -> NewslineApp:
    report = parse_report(json.dumps(synthetic_report(count, week=True)))
    return NewslineApp(report, resolve(report), keymap={})


@pytest.mark.parametrize("size", SIZES, ids=["120x35", "80x24"])
@pytest.mark.parametrize("which", ["bundled", "synthetic-100"])
async def test_no_time_label_is_cut(app, size, which):
    app = app if which == "bundled" else synthetic_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        widget = app.query_one("#timeline", TimelineList)
        rows = drawn_rows(app)
        assert len(rows) == len(app.view.rows)
        for index, lines in rows.items():
            label = printable(app.view.when(app.view.rows[index]))
            shown = widget.shown_label(index)
            assert shown in (label, short_label(label))  # the label, or the same time said short
            assert not shown.endswith("…")
            assert shown in lines[0], (shown, lines)


@pytest.mark.parametrize("size", SIZES, ids=["120x35", "80x24"])
async def test_summaries_get_room_enough_to_know_the_event(app, size):
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        rows = drawn_rows(app)
        for index, lines in rows.items():
            summary = app.view.rows[index].event.summary
            drawn = lines[-1]
            # the summary's first 30 characters at least, whole words of it where it is cut
            assert summary[:30] in drawn, (summary, drawn)


async def test_at_80x24_rows_take_two_lines_and_at_120x35_one(app):
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        widget = app.query_one("#timeline", TimelineList)
        assert widget.row_lines == 1
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert widget.row_lines == 2
        assert widget.virtual_size.height == 2 * len(app.view.rows)


def test_labels_are_said_shorter_by_rule():
    assert short_label("≈ Sat 10 Sep 01:00–24:00") == "≈ 10 Sep 01:00–24:00"  # no weekday
    assert short_label("≈ 10 Sep 12:00 – 11 Sep 12:00") == "≈ 10 Sep 12:00→11 Sep 12:00"  # an arrow
    assert short_label("≈ 9 Sep – 10 Sep 23:00") == "≈ 9→10 Sep 23:00"  # the month said once
    assert short_label("31 Aug – 8 Sep") == "31 Aug→8 Sep"
    assert short_label("a few hours before: Sat 10 Sep talks") == "a few hours before: Sat 10 Sep talks"
    for label in ("≈ Sat 10 Sep 01:00–24:00", "≈ 10 Sep 12:00 – 11 Sep 12:00", "Sat 10 Sep · evening"):
        assert cell_len(short_label(label)) <= cell_len(label)
