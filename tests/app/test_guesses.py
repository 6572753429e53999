"""The event pane says which relations the drafter only guessed (issue 18: the reader sees which readings are
guesses, and that they are likely only)."""

from __future__ import annotations

import json

from tests.conftest import small_report_data
from tui.model import parse_report
from tui.temporal import resolve
from tui.view import TimelineView


def pane_text(data: dict, event_id: str) -> str:
    from tui.app.widgets.details import EventPane

    view = TimelineView(resolve(parse_report(json.dumps(data))))
    pane = EventPane(view, "Event")
    return "\n".join(part.plain for part in pane.render_event(view.timeline[event_id]).renderables)


def test_a_guessed_relation_says_so_in_the_event_pane():
    data = small_report_data()
    sure = pane_text(data, "bob-says-no")
    data["events"][1]["relations"][0]["found"] = {"how": "guess: attached by proximity", "confidence": 0.4}
    guessed = pane_text(data, "bob-says-no")
    assert "(‘Plus tôt’)" in sure and "a guess" not in sure
    assert "(‘Plus tôt’, a guess of the drafter's: likely only)" in guessed
