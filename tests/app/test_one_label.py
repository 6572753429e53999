"""One label per layer, everywhere (issue 20): the palette, the article's sentence chooser and the claims say
the timeline's label, with its "≈"; the screen explains "?" and "≈" and each default it names; an export's
label is a time, its reasons in its explanation."""

from __future__ import annotations

import csv
import io
import json

import pytest
from textual.command import CommandList
from textual.widgets import OptionList

from tui.app.screens.article import SentenceEventsScreen
from tui.app.screens.help import HelpScreen
from tui.app.widgets.details import EventPane
from tui.export import export
from tui.export.timelinejs import html_text
from tui.view import LEGEND, MARKS, default_meaning, default_names, time_of, when_plainly

from .test_article_and_claims import move_cursor_to, open_article

SIZES = [(120, 35), (80, 24)]
TASS = "tass-regrouping-notice"  # certain "9 Sep 17:00 – 10 Sep", likely "≈ Sat 10 Sep 01:00–24:00"


def test_the_two_layers_differ_for_the_events_these_tests_read(bundled_timeline):
    row = bundled_timeline[TASS]
    assert row.likely.label.startswith("≈") and row.certain.label != row.likely.label


@pytest.mark.parametrize("size", SIZES, ids=["120x35", "80x24"])
async def test_the_palette_says_the_timelines_label(app, size):
    async with app.run_test(size=size) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        await pilot.press(*"Jump to event: TASS reports")
        await pilot.pause(0.5)
        palette = app.screen.query_one(CommandList)
        prompt = str(palette.get_option_at_index(0).prompt)
        row = app.view.timeline[TASS]
        assert prompt.startswith("Jump to event: TASS reports")
        assert app.view.when(row) in prompt  # "≈ Sat 10 Sep 01:00–24:00", as listed
        assert row.certain.label not in prompt


@pytest.mark.parametrize("size", SIZES, ids=["120x35", "80x24"])
async def test_the_sentence_chooser_says_the_timelines_label(app, size):
    async with app.run_test(size=size) as pilot:
        screen = await open_article(app, pilot, "donetsk-fighting")
        await move_cursor_to(pilot, screen, "Le plus gros coup porté")  # a sentence of several events
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SentenceEventsScreen)
        options = app.screen.query_one(OptionList)
        for index, row in enumerate(app.screen.rows):
            prompt = str(options.get_option_at_index(index).prompt)
            assert prompt.endswith("\n" + app.view.when(row)), prompt


@pytest.mark.parametrize("size", SIZES, ids=["120x35", "80x24"])
async def test_the_claims_say_when_with_the_timelines_label(app, size):
    from tui.app.screens.claims import ClaimsScreen, claimed_when

    async with app.run_test(size=size) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ClaimsScreen)
        labels = {app.view.when(row) for row in app.view.timeline.events}
        for event, _ in app.screen.claims:
            when = claimed_when(app.view, event)
            assert when in labels or when.startswith("by publication"), when


@pytest.mark.parametrize("size", SIZES, ids=["120x35", "80x24"])
async def test_the_marks_are_explained_under_the_timeline_and_in_the_help(app, size):
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        timeline = app.query_one("#timeline")
        border = timeline.render_lines(timeline.region.reset_offset)[-1].text  # the pane's bottom border
        assert timeline.border_subtitle == LEGEND
        assert LEGEND in border  # whole, at both sizes
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        notes = dict(app.screen.notes)
        assert notes["Marks on the timeline"] == list(MARKS)
        defaults = dict(notes["News-reading defaults (what a ≈ time rests on)"])
        assert set(defaults) == set(default_names())
        assert all(defaults[name] == default_meaning(name) and defaults[name] for name in defaults)


@pytest.mark.parametrize("size", SIZES, ids=["120x35", "80x24"])
async def test_each_default_the_event_pane_names_has_its_meaning(app, size):
    async with app.run_test(size=size) as pilot:
        for row in app.view.timeline.events:
            if not row.defaults:
                continue
            app.jump_to(row.id)
            await pilot.pause()
            text = " ".join(app.query_one("#event", EventPane).text.split())
            for name in row.defaults:
                assert f"{name} {' '.join(default_meaning(name).split())}" in text, (row.id, name)


# -- the exports: a label is a time ---------------------------------------------------------------------


def summaries(timeline) -> list[str]:
    return [row.event.summary for row in timeline.events]


def test_a_certain_label_placing_an_event_against_another_is_said_as_a_time(bundled_timeline):
    placed = [row for row in bundled_timeline.events if ": " in row.certain.label]
    assert placed, "the bundled report has events the words place only against another"
    for row in placed:
        assert time_of(row.certain.label) == row.certain.label.split(": ")[0] + " another event"
        assert not any(summary in when_plainly(row) for summary in summaries(bundled_timeline))
        assert "rests on" not in when_plainly(row)


def test_exports_say_times_as_times_and_each_default_with_its_meaning(bundled_timeline):
    timeline = bundled_timeline
    markdown = export(timeline, "markdown")
    for line in markdown.splitlines():
        if line.startswith("**When:**"):
            assert not any(summary[:40] in line for summary in summaries(timeline)), line
            assert "rests on" not in line
    assert "**Why:**" in markdown
    assert "## News-reading defaults" in markdown
    for name in {name for row in timeline.events for name in row.defaults}:
        assert f"- **{name}**: " in markdown

    slides = json.loads(export(timeline, "timelinejs"))["events"]
    for slide in slides:
        assert not any(summary[:40] in slide["display_date"] for summary in summaries(timeline))
        row = timeline[slide["unique_id"]]
        for name in row.defaults:
            assert html_text(f"{name} ({default_meaning(name)})") in slide["text"]["text"]

    table = list(csv.DictReader(io.StringIO(export(timeline, "csv"))))
    for record in table:
        row = timeline[record["id"]]
        for column in ("certain_label", "likely_label"):
            assert not any(summary in record[column] for summary in summaries(timeline)), record[column]
        assert record["likely_defaults_meaning"] == "; ".join(f"{n}: {default_meaning(n)}" for n in row.defaults)
