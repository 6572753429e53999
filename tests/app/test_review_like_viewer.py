"""Review like the viewer (issue 20), at 120×35 and 80×24: the viewer's movement keys (kind on K, in the
footer), a save with events still to review says how many, a merge keeps an acceptance, sources by their
label, summaries cut at a word with "…" and nothing scrolling sideways; the actor picker marks what is chosen
with a character and starts at the top."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from textual.widgets import DataTable, SelectionList

from tui.app.base import BaseApp
from tui.app.screens.filters import CHOSEN, NOT_CHOSEN
from tui.app.screens.review import ChoiceScreen, ReviewScreen, cut_at_word
from tui.draft.review import Review

from ..conftest import small_report_data
from .test_nothing_cut import assert_every_key_reachable

SIZES = [(120, 35), (80, 24)]
LONG = "The regional administrator announces that the evacuation of several towns has begun this morning"


def draft() -> dict:
    """A draft of three events, as the drafter writes them (found, with how sure it is), summaries long."""
    data = copy.deepcopy(small_report_data())
    third = copy.deepcopy(data["events"][0])
    third["id"], third["summary"] = "alice-again", "Alice speaks again"
    data["events"].append(third)
    for event in data["events"]:
        event["found"] = {"how": "parse: the sentence's main clause", "confidence": 0.8}
    data["events"][0]["summary"] = LONG
    return data


class ReviewingApp(BaseApp[Path | None]):
    """The review screen on a draft, without spaCy: what ReviewApp shows once it has drafted."""

    def __init__(self, review: Review, report: Path, output: Path) -> None:
        super().__init__({})
        self.review, self.report_path, self.output = review, report, output

    def on_mount(self) -> None:
        super().on_mount()
        self.push_screen(ReviewScreen(self.review, self.report_path))


@pytest.fixture
def reviewing(tmp_path):
    report = tmp_path / "small.txt"
    report.write_text("Alice a parlé jeudi.", encoding="utf-8")
    return ReviewingApp(Review(draft()), report, tmp_path / "small.events.json")


async def started(pilot) -> ReviewScreen:
    await pilot.pause()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ReviewScreen)
    return screen


@pytest.mark.parametrize("size", SIZES, ids=["120x35", "80x24"])
async def test_the_viewers_movement_keys_move_and_kind_is_on_K_in_the_footer(reviewing, size):
    async with reviewing.run_test(size=size) as pilot:
        screen = await started(pilot)
        ids = [event["id"] for event in screen.review.events]
        await pilot.press("j")
        assert screen.selected == ids[1]
        await pilot.press("j", "k")
        assert screen.selected == ids[1]
        await pilot.press("G")
        assert screen.selected == ids[-1]
        await pilot.press("g")
        assert screen.selected == ids[0]
        assert_every_key_reachable(pilot.app)
        shown = {binding.description for _, binding, _, _ in screen.active_bindings.values() if binding.show}
        assert "Kind" in shown
        await pilot.press("K")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ChoiceScreen)


@pytest.mark.parametrize("size", SIZES, ids=["120x35", "80x24"])
async def test_saving_with_events_to_review_says_how_many(reviewing, size):
    async with reviewing.run_test(size=size) as pilot:
        screen = await started(pilot)
        await pilot.press("a")  # one accepted, two still to review
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert reviewing.output.is_file()
        assert "2 events still to review" in str(screen.query_one("#review-status").render())
        warnings = [n for n in pilot.app._notifications if n.severity == "warning"]
        assert warnings and warnings[-1].message.startswith("2 events still to review")


@pytest.mark.parametrize("size", SIZES, ids=["120x35", "80x24"])
async def test_merging_an_accepted_event_keeps_the_acceptance(reviewing, size):
    async with reviewing.run_test(size=size) as pilot:
        screen = await started(pilot)
        review = screen.review
        first, second = review.events[0]["id"], review.events[1]["id"]
        await pilot.press("j", "a")  # accept the second event
        assert review.status[second] == "accepted"
        await pilot.press("g", "m")  # on the first, pending: merge the accepted one into it
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert second not in review.status and review.status[first] == "accepted"


def test_a_merge_keeps_the_stronger_status():
    review = Review(draft())
    first, second, third = (event["id"] for event in review.events)
    review.set_status(second, "accepted")
    review.merge_events(first, second)
    assert review.status[first] == "accepted"
    review.set_status(third, "rejected")
    review.merge_events(first, third)  # a rejected event merged in: the accepted one stays accepted
    assert review.status[first] == "accepted"


@pytest.mark.parametrize("size", SIZES, ids=["120x35", "80x24"])
async def test_sources_by_their_label_and_summaries_cut_at_a_word(reviewing, size):
    async with reviewing.run_test(size=size) as pilot:
        screen = await started(pilot)
        await pilot.press("j")  # Bob, known "selon Radio"
        await pilot.pause()
        event = str(screen.query_one("#review-event").render())
        assert "Source: Radio (“selon Radio”)" in event and "Source: radio" not in event
        table = screen.query_one("#review-events", DataTable)
        shown = str(table.get_cell_at((0, 3)))
        assert shown == LONG or (shown.endswith("…") and LONG.startswith(shown[:-1]) and LONG[len(shown) - 1] == " ")
        assert shown != LONG  # too long for the column at both sizes: cut, and said so
        assert table.max_scroll_x == 0 and not table.show_horizontal_scrollbar  # no stray ▌ at the bottom


def test_cut_at_word():
    assert cut_at_word("Alice speaks", 20) == "Alice speaks"
    assert cut_at_word("Alice speaks again today", 16) == "Alice speaks…"
    assert cut_at_word("Incomprehensibilities", 8) == "Incompr…"


@pytest.mark.parametrize("size", SIZES, ids=["120x35", "80x24"])
async def test_the_actor_picker_marks_what_is_chosen_and_starts_at_the_top(app, size):
    async with app.run_test(size=size) as pilot:
        await pilot.press("a")
        await pilot.pause()
        sides = app.screen.query_one("#sides", SelectionList)
        assert sides.has_focus  # the top list
        await pilot.press("space")  # choose the first side
        await pilot.pause()
        lines = [sides.render_line(y).text for y in range(sides.option_count)]
        assert lines[0].startswith(f"▐{CHOSEN}▌") and all(line.startswith(f"▐{NOT_CHOSEN}▌") for line in lines[1:])
        actors = app.screen.query_one("#actors", SelectionList)
        assert actors.render_line(0).text.startswith(f"▐{NOT_CHOSEN}▌")
