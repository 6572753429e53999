"""Rough edges a new user hit (issue 13): each one as the user met it, now behaving."""

from __future__ import annotations

import pytest

from tui.app import NewslineApp
from tui.app.screens.article import ArticleScreen
from tui.app.screens.claims import ClaimsScreen
from tui.app.screens.help import HelpScreen
from tui.app.widgets.timeline import TimelineList

from .pilot import run_command, status

SIZE = (120, 35)


def timeline_lines(app) -> list[str]:
    widget = app.query_one("#timeline", TimelineList)
    return [strip.text for strip in widget.render_lines(widget.region.reset_offset)]


async def test_at_80x24_times_that_differ_only_in_the_hour_stay_whole(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.jump_to("tass-regrouping-notice")  # the rows of Saturday's hours on screen
        await pilot.pause()
        lines = timeline_lines(app)
        # whole, or said shorter by rule (no weekday), never cut where they differ (issue 20: nothing cut)
        assert any("10 Sep 00:00–23:00" in line for line in lines)
        assert any("10 Sep 01:00–24:00" in line for line in lines)


async def test_at_140_columns_summaries_get_the_width_the_times_do_not_need(app):
    async with app.run_test(size=(140, 35)) as pilot:
        await pilot.pause()
        timeline = app.query_one("#timeline", TimelineList)
        width = timeline.scrollable_content_region.width
        columns = timeline.columns(width)
        longest = max(len(row.likely.label) for row in app.view.timeline.events)
        assert columns.lines == 1 and not columns.short
        assert columns.when == longest  # every label whole (issue 20), and the column no wider
        summary = width - 2 - columns.when - 1 - (columns.who + 1 if columns.who else 0)
        assert summary > columns.when  # the summary stays the widest column
        line = timeline_lines(app)[1]  # under the border
        assert app.view.rows[0].event.summary[:30] in line


@pytest.mark.parametrize(("key", "view"), [("r", ArticleScreen), ("c", ClaimsScreen)], ids=["article", "claims"])
async def test_help_and_quit_work_in_the_article_and_claims_views(app, key, view):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, view)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, view)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_a_remapped_quit_works_in_the_article_too(bundled, bundled_timeline):
    app = NewslineApp(bundled, bundled_timeline, keymap={"quit": "x"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("q")  # no longer quits: the keymap moved it
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("x")
        await pilot.pause()
    assert app.return_code == 0


async def test_the_palettes_actor_filter_replaces_the_filter_and_says_so(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"ukrain")
        await pilot.pause()
        await pilot.press("enter")
        await run_command(pilot, "Filter by side: Russian-installed")
        assert status(app).endswith("filter: side Russian-installed")
        await run_command(pilot, "Filter by actor: TASS")
        assert status(app).endswith("filter: actor TASS")  # not "side … · actor …", not "“ukrain”"
        assert app.query_one("#search").value == ""
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Filter by actor: TASS")
        await pilot.pause(0.5)
        from textual.command import CommandList

        options = app.screen.query_one(CommandList)
        shown = str(options.get_option_at_index(0).prompt)
        assert "replaces the current filter" in shown


async def test_the_palettes_screenshot_is_saved_in_the_current_directory_and_says_where(app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "no-home"))  # no ~/Downloads
    async with app.run_test(size=SIZE) as pilot:
        await run_command(pilot, "Screenshot")
        await pilot.pause(0.3)
        saved = list(tmp_path.glob("*.svg"))
        assert len(saved) == 1 and saved[0].read_text(encoding="utf-8").startswith("<svg")
        assert not list(tmp_path.glob(".*.tmp"))  # the temporary file was moved into place
        messages = [n.message for n in app._notifications]
        assert f"Screenshot saved: {saved[0]}" in messages


async def test_a_screenshot_that_cannot_be_saved_says_why(app, tmp_path):
    async with app.run_test(size=SIZE) as pilot:
        assert app.save_screen_picture(tmp_path / "missing") is None
        await pilot.pause()
        (message,) = [n.message for n in app._notifications]
        assert message.startswith(f"Could not save the screenshot in {tmp_path / 'missing'}")


async def test_brackets_follow_one_actor_the_selected_events_first(app):
    async with app.run_test(size=SIZE) as pilot:
        first = app.view.rows[0]
        actor = first.event.actors[0]
        expected = [row.id for row in app.view.rows if actor in app.view.involved_actors(row.id)]
        assert len(expected) >= 3
        seen = [first.id]
        for _ in range(len(expected) + 1):
            await pilot.press("right_square_bracket")
            seen.append(app.query_one("#timeline", TimelineList).selected_id)
        assert list(dict.fromkeys(seen)) == expected  # every event of that one actor, in order, none skipped
        # not merely any shared actor: some event in between shares another of the first event's actors
        others = set(app.view.involved_actors(first.id)) - {actor}
        skipped = [
            row.id for row in app.view.rows if row.id not in expected and others & app.view.involved_actors(row.id)
        ]
        assert skipped or not others


async def test_brackets_follow_the_filters_actor_when_there_is_one(app):
    async with app.run_test(size=SIZE) as pilot:
        app.filter_by_actor("tass")
        await pilot.pause()
        assert app.view.stepping_actor(0) == "tass"
        await pilot.press("right_square_bracket")
        assert app.query_one("#timeline", TimelineList).cursor == 1


async def test_search_finds_figures_however_they_are_grouped_and_the_reports_own_words(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"2000")
        await pilot.pause()
        two_thousand = {row.id for row in app.view.rows}
        assert "zelensky-video-speech" in two_thousand  # its summary says "2,000 km", the report "2 000"
        await pilot.press("escape", "slash", *"selon tass")
        await pilot.pause()
        shown = [row.id for row in app.view.rows]
        assert shown and all("selon tass" in " ".join(s.text for s in row.event.sentences).casefold()
                             for row in app.view.rows)  # fmt: skip


async def test_a_match_on_an_annotation_says_what_it_matched(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"yermak")
        await pilot.pause()
        assert app.view.rows, "the chief of staff's events"
        assert status(app).endswith(
            "filter: “yermak” · “yermak” matched Zelensky's chief of staff, identified as Andriy Yermak"
        )


async def test_the_claims_table_never_breaks_a_word_at_80x24(app):
    from textual.widgets import DataTable

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        words = {word for row in range(table.row_count) for cell in table.get_row_at(row) for word in str(cell).split()}
        lines = [strip.text for strip in table.render_lines(table.region.reset_offset)]
        drawn = {word for line in lines for word in line.split()}
        assert "Saturday-evening" in drawn
        words |= {"figure", "what", "it", "counts", "claimed", "by", "when", "through", "event"}  # the headers
        assert [word for word in drawn if word not in words] == []  # no piece of a broken word
        assert all(len(line.rstrip()) <= 80 for line in lines)
        assert table.virtual_size.width <= table.scrollable_content_region.width  # no sideways scrolling


async def test_a_long_article_status_ends_in_an_ellipsis(app):
    async with app.run_test(size=(80, 24)) as pilot:
        app.jump_to("zelensky-video-speech")
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("n")  # "evidence 1 of 5 · time expression: ‘…’ (…)": longer than 80 columns
        await pilot.pause()
        status = app.screen.query_one("#article-status")
        line = status.render_lines(status.region.reset_offset)[0].text.rstrip()
        assert app.screen.status.startswith("evidence 1 of")
        assert len(app.screen.status) > status.region.width
        assert line.endswith("…")


def scale(app) -> tuple[str, str]:
    """The axis's label line and tick line, without the lane-label margin."""
    from tui.app.widgets.axis import LABEL_WIDTH

    axis = app.query_one("#axis")
    lines = [strip.text for strip in axis.render_lines(axis.region.reset_offset)]
    margin = 1 + LABEL_WIDTH  # the border, then the lane labels
    scale_at = axis.header_lines - 1  # under the border and the legend (its lines by the width)
    return lines[scale_at][margin : margin + axis.axis_width], lines[scale_at + 1][margin : margin + axis.axis_width]


def assert_labels_over_ticks(labels: str, ticks: str) -> None:
    import re

    starts = [m.start() for m in re.finditer(r"\S+(?: \S+)*", labels)]
    assert starts, "the scale names no day or hour"
    assert all(ticks[x] == "┬" for x in starts if x > 0), (labels, ticks)  # the left edge's day: no tick


async def test_the_axis_scale_always_says_which_day_and_its_labels_sit_on_ticks(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        axis = app.query_one("#axis")
        axis.focus()
        for keys in (["plus"], ["plus"], ["plus"], ["plus"], ["left"], ["left", "left"], ["right"] * 3):
            await pilot.press(*keys)
            await pilot.pause()
            labels, ticks = scale(app)
            assert any(day in labels for day in ("Sep", "Aug")), (keys, labels)  # hours zoomed in: still a day
            assert_labels_over_ticks(labels, ticks)
        for _ in range(5):
            await pilot.press("minus")
        await pilot.pause()
        assert axis.zoom == 1440
        labels, ticks = scale(app)
        assert_labels_over_ticks(labels, ticks)  # a day a column: a label on each Monday's tick, no other


async def test_the_axis_has_no_dead_width_after_the_publication(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        axis = app.query_one("#axis")
        _, ticks = scale(app)
        assert len(ticks) - ticks.index("▼") <= 4  # fitted: the publication at the right edge
        axis.focus()
        await pilot.press(*["right"] * 10)  # panning later stops there
        await pilot.pause()
        _, ticks = scale(app)
        assert "┄" in ticks[-4:] or "▼" in ticks[-4:]
