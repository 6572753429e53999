"""Take the timeline out of the terminal: TimelineJS 3 JSON, CSV and Markdown, one module per format.

Every exporter is a function ``(timeline, rows) -> str`` of the resolved timeline and the events to
export, in display order (all of them, or what the app's filters show). Nothing here imports Textual.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from tui.temporal import ResolvedEvent, Timeline

FORMATS = ("timelinejs", "csv", "markdown")
SUFFIXES = {"timelinejs": ".json", "csv": ".csv", "markdown": ".md"}

Exporter = Callable[[Timeline, Sequence[ResolvedEvent]], str]


def exporter(fmt: str) -> Exporter:
    """The function that writes ``fmt``, one of :data:`FORMATS`."""
    if fmt == "timelinejs":
        from tui.export.timelinejs import to_timelinejs

        return to_timelinejs
    if fmt == "csv":
        from tui.export.csv import to_csv

        return to_csv
    if fmt == "markdown":
        from tui.export.markdown import to_markdown

        return to_markdown
    raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")


def export(timeline: Timeline, fmt: str, rows: Sequence[ResolvedEvent] | None = None) -> str:
    """The timeline's events (or ``rows``, a part of them in display order) in format ``fmt``."""
    return exporter(fmt)(timeline, timeline.events if rows is None else rows)


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` as UTF-8 so that a reader sees the old file or the whole new one, never
    a part: write a temporary file beside it, flush it to disk, then rename it over the target."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or Path("."))
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
