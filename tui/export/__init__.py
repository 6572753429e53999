"""Take the timeline out of the terminal: TimelineJS 3 JSON, CSV and Markdown, one module per format.

Every exporter is a function ``(timeline, rows, out, *, shown=None)`` that writes the resolved timeline's
``rows`` (all of its events, or what the app's filters show, in display order, ``shown`` saying which) to the
text stream ``out`` as it goes, so an export of 100k events is never held whole in memory. Nothing here imports Textual.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import TextIO

from tui.model.files import write_atomically
from tui.temporal import ResolvedEvent, Timeline

__all__ = ["FORMATS", "SUFFIXES", "Exporter", "export", "exporter", "write_atomically", "write_export"]

FORMATS = ("timelinejs", "csv", "markdown")
SUFFIXES = {"timelinejs": ".json", "csv": ".csv", "markdown": ".md"}

Exporter = Callable[..., None]  # (timeline, rows, out, *, shown=None)


def exporter(fmt: str) -> Exporter:
    """The function that writes ``fmt``, one of :data:`FORMATS`."""
    if fmt == "timelinejs":
        from tui.export.timelinejs import write_timelinejs

        return write_timelinejs
    if fmt == "csv":
        from tui.export.csv import write_csv

        return write_csv
    if fmt == "markdown":
        from tui.export.markdown import write_markdown

        return write_markdown
    raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")


def export(
    timeline: Timeline, fmt: str, rows: Sequence[ResolvedEvent] | None = None, *, shown: str | None = None
) -> str:
    """The timeline's events (or ``rows``, a part of them in display order) in format ``fmt``, as text."""
    out = io.StringIO()
    write_export(timeline, fmt, out, rows, shown=shown)
    return out.getvalue()


def write_export(
    timeline: Timeline,
    fmt: str,
    out: TextIO,
    rows: Sequence[ResolvedEvent] | None = None,
    *,
    shown: str | None = None,
) -> None:
    """Write the timeline's events (or ``rows``) in format ``fmt`` to ``out``, as they are made. ``shown`` says
    what the rows are when they are not every event ("4 of 27 events · filter: actor …"): the file names it."""
    exporter(fmt)(timeline, timeline.events if rows is None else rows, out, shown=shown)
