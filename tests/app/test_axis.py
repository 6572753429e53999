"""The time axis: bars for uncertainty, zoom, lanes, publication mark, and selection in sync both ways."""

from __future__ import annotations

from tui.app.widgets.axis import ZOOMS, TimeAxis
from tui.app.widgets.timeline import TimelineList

SIZE = (120, 35)


def axis_lines(app) -> list[str]:
    axis = app.query_one("#axis", TimeAxis)
    return [axis.render_line(y).text for y in range(axis.scrollable_content_region.height)]


async def test_axis_shows_lanes_bars_and_the_publication(app):
    async with app.run_test(size=SIZE) as pilot:
        app.jump_to("zelensky-video-speech")
        await pilot.pause()
        axis = app.query_one("#axis", TimeAxis)
        assert axis.display
        lines = axis_lines(app)
        header = axis.header_lines  # the legend, on as many lines as the width asks, then the scale
        legend, scale, ticks = " · ".join(lines[: header - 2]), lines[header - 2], lines[header - 1]
        assert legend.startswith("6 h per column · ━ likely ╌ only certain")  # fits 1–11 Sep
        assert "lanes: sides" in legend
        assert "8 Sep" in scale and "10 Sep" in scale  # at 6 h per column, days without weekdays
        assert not any(day in scale for day in ("Sat", "Sun", "Thu"))
        assert ticks.startswith("published ▼") and "▼" in ticks[18:] and "┄" in ticks
        assert lines[header].startswith("Ukraine")
        # the speech lies within Saturday evening, 18:00 to midnight: one 6-hour column, three 2-hour ones
        bar = axis._bars["zelensky-video-speech"]
        first, last = axis.columns(bar)
        assert last - first + 1 == 1
        await pilot.press("plus")
        first, last = axis.columns(bar)
        assert axis.zoom == 120 and last - first + 1 == 3


async def test_both_layers_are_drawn_apart_and_open_bounds_open(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        axis = app.query_one("#axis", TimeAxis)
        bar = axis._bars["kyiv-defeat"]  # the background event: open before in both layers
        assert bar.first == float("-inf") and bar.last < float("inf")
        # The TASS notice: certainly 9 Sep 17:00 – 10 Sep, likely Saturday from 01:00.
        index, tass = axis._first_line["tass-regrouping-notice"], axis._bars["tass-regrouping-notice"]
        assert tass.first < tass.likely_first and tass.likely_last == tass.last
        app.jump_to("tass-regrouping-notice")
        await pilot.press("plus")  # 2 h per column
        await pilot.pause()
        line = axis_lines(app)[axis.header_lines + index - int(axis.scroll_offset.y)][18:]
        drawn = line.strip()
        assert drawn.startswith("├╌") and drawn.endswith("━┤")  # certain bounds at both ends, likely part heavy
        # An event only the likely layer bounds: the evacuation call, drawn with ◁ ▷ ends.
        call = axis._bars["evacuation-call"]
        assert call.first == call.likely_first and call.last > call.likely_last
        assert not axis._certain_bound("evacuation-call", first=True)  # ◁: the likely layer's start
        assert axis._certain_bound("evacuation-call", first=False)  # ┤: made by the latest publication
        assert axis.relative_only == []  # the likely layer places every event of the report on the calendar


async def test_zoom_in_to_hours_and_out_to_days_and_stop_at_the_ends(app):
    async with app.run_test(size=SIZE) as pilot:
        axis = app.query_one("#axis", TimeAxis)
        await pilot.press(*["plus"] * ZOOMS.index(axis.zoom))
        assert axis.zoom == ZOOMS[0] == 15
        assert axis_lines(app)[0].startswith("15 min per column")
        await pilot.press("plus")  # nothing finer: a bell, no change
        assert axis.zoom == 15
        await pilot.press(*["minus"] * 6)
        assert axis.zoom == ZOOMS[-1] == 1440
        assert axis_lines(app)[0].startswith("1 day per column")


async def test_lanes_toggle_between_sides_and_actors(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("L")
        lines = axis_lines(app)
        header = app.query_one("#axis", TimeAxis).header_lines  # the legend (its lines by the width), the scale
        assert "lanes: actors" in " ".join(lines[: header - 2])
        lanes = {line[:18].strip() for line in lines[header:] if line[:18].strip()}
        all_lanes = {line.lane for line in app.query_one("#axis", TimeAxis).lines}
        assert lanes and all(any(lane.startswith(shown) for lane in all_lanes) for shown in lanes)
        assert "Ukrainian army" in all_lanes
        await pilot.press("L")
        assert "lanes: sides" in " ".join(axis_lines(app)[: header - 2])


async def test_t_hides_and_shows_the_axis(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        assert not app.query_one("#axis").display
        await pilot.press("t")
        assert app.query_one("#axis").display


async def test_the_axis_follows_the_terminal_height_until_the_user_chooses(app):
    async with app.run_test(size=SIZE) as pilot:
        axis = app.query_one("#axis", TimeAxis)
        assert axis.display
        await pilot.resize_terminal(80, 24)  # the list of events first in a short terminal
        await pilot.pause()
        assert not axis.display
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert axis.display and axis_lines(app)[axis.header_lines - 1].startswith("published ▼")
        await pilot.resize_terminal(80, 24)
        await pilot.press("t")  # shown by choice: it stays through resizes
        await pilot.pause()
        await pilot.resize_terminal(100, 25)
        await pilot.pause()
        assert axis.display


async def test_selection_syncs_both_ways(app):
    async with app.run_test(size=SIZE) as pilot:
        timeline = app.query_one("#timeline", TimelineList)
        axis = app.query_one("#axis", TimeAxis)
        await pilot.press("down", "down")
        await pilot.pause()
        assert axis.selected == timeline.selected_id == app.view.rows[2].id
        axis.focus()
        await pilot.press("down")  # on the axis: the next event
        await pilot.pause()
        assert timeline.selected_id == app.view.rows[3].id == axis.selected


async def test_clicking_a_bar_selects_its_event(app):
    async with app.run_test(size=SIZE) as pilot:
        app.jump_to("zelensky-video-speech")
        await pilot.pause()
        axis = app.query_one("#axis", TimeAxis)
        index, bar = axis._first_line["zelensky-video-speech"], axis._bars["zelensky-video-speech"]
        app.jump_to("high-command-thursday-figure")
        await pilot.pause()
        first, _ = axis.columns(bar)
        axis.left = int(first) - 10
        axis.refresh()
        await pilot.pause()
        y = axis.header_lines + index - axis.scroll_offset.y
        await pilot.click("#axis", offset=(1 + 18 + 10, 1 + y))
        await pilot.pause()
        assert app.query_one("#timeline", TimelineList).selected_id == "zelensky-video-speech"


async def test_axis_follows_the_filters(app):
    async with app.run_test(size=SIZE) as pilot:
        app.filter_by_actor("zelensky")
        await pilot.pause()
        axis = app.query_one("#axis", TimeAxis)
        shown = {bar.event_id for line in axis.lines for bar in (*line.closed, *line.open)} | set(axis.relative_only)
        assert shown == {row.id for row in app.view.rows}


async def test_at_80_columns_the_axis_still_draws(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        axis = app.query_one("#axis", TimeAxis)
        assert axis.display
        lines = axis_lines(app)
        assert all(len(line) == axis.scrollable_content_region.width for line in lines)
        assert lines[axis.header_lines - 1].startswith("published ▼")
