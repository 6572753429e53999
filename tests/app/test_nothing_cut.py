"""Nothing cut (issue 20): at the README's 120×35 and at 80×24, every time label shows whole, summaries get
the room the right-hand panes do not need, every key the screen offers is reachable from what it shows, and
the axis follows the terminal's height and the selection on resize."""

from __future__ import annotations

import json
from itertools import pairwise

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


# -- the footer: every key reachable from what is shown ------------------------------------------------


def footer_keys(app) -> list:
    from textual.widgets._footer import FooterKey

    from tui.app.widgets.chrome import KeysFooter

    footer = app.screen.query_one(KeysFooter)
    return footer, list(footer.query(FooterKey))


def assert_every_key_reachable(app) -> None:
    """Each key drawn whole inside the footer, none over another; "?" among them; and every key the screen
    offers either drawn or listed by the help (which lists every binding with an id)."""
    from tui.app.bindings import binding_places

    footer, keys = footer_keys(app)
    width = app.size.width
    spans = sorted((key.region.x, key.region.right) for key in keys)
    assert all(start >= 0 and end <= width for start, end in spans), (spans, width)
    assert all(end <= start for (_, end), (start, _) in pairwise(spans)), spans
    shown = {key.action for key in keys}
    assert shown & {"help", "app.help"}, "the help's key is always in the footer"
    listed = {binding.id for _, bindings in binding_places() for binding in bindings}
    offered = [binding for _, binding, _, _ in app.screen.active_bindings.values() if binding.show]
    for binding in offered:
        assert binding.action in shown or binding.id in listed, binding
    if footer.hidden:
        assert any(key.description == "All keys" for key in keys)


@pytest.mark.parametrize("size", SIZES, ids=["120x35", "80x24"])
async def test_every_key_of_the_main_screen_is_reachable(app, size):
    async with app.run_test(size=size) as pilot:
        await pilot.pause(0.3)
        assert_every_key_reachable(app)
        _, keys = footer_keys(app)
        if size == (120, 35):  # room for every key whole, as Textual draws them
            assert {key.description for key in keys} >= {"Quit", "Help", "Copy", "Export"}
        else:  # compact, without the palette's key (the help lists ctrl+p): every key of the viewer still shows
            assert {key.description for key in keys} >= {"Quit", "Help", "Copy", "Export"}
        app.query_one("#axis").display = True
        app.query_one("#axis").focus()  # the axis's pan keys join the footer
        await pilot.pause(0.3)
        assert_every_key_reachable(app)
        await pilot.press("slash", *"tass", "enter")  # "esc Clear" joins it too
        await pilot.pause(0.3)
        assert_every_key_reachable(app)


@pytest.mark.parametrize("size", SIZES, ids=["120x35", "80x24"])
async def test_the_article_and_claims_footers_fit(app, size):
    async with app.run_test(size=size) as pilot:
        for key in ("r", "escape", "c"):
            await pilot.press(key)
            await pilot.pause(0.3)
            if key != "escape":
                assert_every_key_reachable(app)


# -- the axis: its legend whole, the height rule and the selection kept on resize --------------------------


def selection_on_screen(axis) -> bool:
    bar = axis._bars.get(axis.selected)
    first, last = axis.columns(bar)
    first = last if first == float("-inf") else first
    last = first if last == float("inf") else last
    return first < axis.left + axis.axis_width and last >= axis.left


@pytest.mark.parametrize("size", SIZES, ids=["120x35", "80x24"])
async def test_the_axis_legend_is_whole(app, size):
    from tui.app.widgets.axis import TimeAxis

    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        axis = app.query_one("#axis", TimeAxis)
        if not axis.display:
            await pilot.press("t")  # shown at 80×24 too, by choice
            await pilot.pause()
        assert axis.display
        width = axis.scrollable_content_region.width
        legend = axis._legend_lines(width)
        drawn = [axis.render_line(y).text.rstrip() for y in range(len(legend))]
        assert drawn == legend
        assert all(cell_len(line) <= width for line in legend)
        whole = " · ".join(legend)
        for part in ("per column", "━ likely ╌ only certain", "lanes: sides", "+/- zoom", "←/→ pan", "L lanes"):
            assert part in whole
        assert axis.header_lines == len(legend) + 2
        assert "┬" in axis.render_line(len(legend) + 1).text  # the ticks under the day scale


async def test_under_30_rows_on_resize_the_list_comes_first_even_after_zooming(app):
    from tui.app.widgets.axis import TimeAxis

    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        app.jump_to("evacuation-call")
        await pilot.press("plus")  # the axis chosen (zoomed) at 35 rows
        await pilot.pause()
        axis = app.query_one("#axis", TimeAxis)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not axis.display  # under 30 rows: the list first, as at start-up
        timeline = app.query_one("#timeline", TimelineList)
        assert timeline.scrollable_content_region.height // timeline.row_lines >= 8
        assert timeline.has_focus
        await pilot.press("t")  # shown again by choice at 24 rows: it stays while the terminal stays short
        await pilot.pause()
        await pilot.resize_terminal(80, 26)
        await pilot.pause()
        assert axis.display and selection_on_screen(axis)
        await pilot.resize_terminal(120, 35)
        await pilot.pause()
        assert axis.display and selection_on_screen(axis)


@pytest.mark.parametrize("event_id", ["kyiv-defeat", "evacuation-call", "tass-regrouping-notice"])
async def test_the_axis_keeps_the_selection_in_view_as_it_narrows(app, event_id):
    from tui.app.widgets.axis import TimeAxis

    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        app.jump_to(event_id)
        await pilot.pause()
        axis = app.query_one("#axis", TimeAxis)
        assert selection_on_screen(axis)
        for width in (100, 80, 64):
            await pilot.resize_terminal(width, 35)
            await pilot.pause()
            assert axis.display and selection_on_screen(axis), width


def test_days_from_an_unknown_publication_are_said_shorter_too():
    assert short_label("≈ 6 days before publication – publication day") == "≈ 6 d before pub.→pub. day"
    assert short_label("≈ 3–1 days before publication") == "≈ 3–1 d before pub."
    assert short_label("≈ publication day · morning") == "≈ pub. day · morning"


async def test_an_event_listed_under_the_lanes_is_brought_on_screen_when_selected(app):
    """An event placed only relative to others has no bar: its line under the lanes is scrolled to."""
    from tui.app.widgets.axis import TimeAxis

    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        axis = app.query_one("#axis", TimeAxis)
        axis.relative_only = [app.view.rows[-1].id]  # as if the last event had no place on the calendar
        axis._size_to_lines()
        await pilot.pause()
        axis.select(app.view.rows[-1].id)
        await pilot.pause()
        line = axis.header_lines + len(axis.lines) + 1
        top, height = axis.scroll_offset.y, axis.scrollable_content_region.height
        assert top + axis.header_lines <= line < top + height
