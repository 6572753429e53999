"""What the Pilot tests share: reading the status line and the selection, and running a palette command."""

from __future__ import annotations

from tui.app.widgets.timeline import TimelineList


def status(app) -> str:
    return str(app.query_one("#status").render())


def selected(app) -> str | None:
    return app.query_one("#timeline", TimelineList).selected_id


async def run_command(pilot, text: str) -> None:
    """Open the palette, type ``text``, and run the first command it offers."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*text)
    await pilot.pause(0.5)
    await pilot.press("enter")
    await pilot.pause()
