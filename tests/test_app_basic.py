"""The app opens on a report, lists its events and quits on q."""

from __future__ import annotations

from tui.app import NewslineApp
from tui.model import Report


async def test_app_lists_the_events_and_quits_on_q(report: Report):
    app = NewslineApp(report)
    async with app.run_test() as pilot:
        events = app.query_one("#events")
        assert events.option_count == len(report.events)
        await pilot.press("q")
    assert app.return_code == 0
