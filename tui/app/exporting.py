"""The export key, in the viewer and in the corpus app: write what the filters show into a folder, atomically, and
say where; never over the file the app reads (the report, the store), never over another file without the user's
yes. The file names what it holds: "4 of 27 events · filter: actor Volodymyr Zelensky" (in the CSV, its
``shown`` column).

What is written differs by app (:func:`timeline_export`: ``<report id>-timeline.json|.csv|.md``;
:func:`story_export`: ``<store>-stories.csv|.md|.jsonl``); how it is written, asked and said is one
(:func:`export_shown`)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from tui.model.files import TargetExists, write_atomically
from tui.view import counted

if TYPE_CHECKING:
    from tui.corpus.view import StoryView
    from tui.view import TimelineView


class ExportingApp(Protocol):
    """What the export needs of an app (the viewer, the corpus app: both import this module)."""

    is_web: bool

    @property
    def source(self) -> Path | None:
        """The file the app reads (the events file, the store; None for a report given in memory)."""
        ...

    def notify(self, message: str, **options: Any) -> None: ...

    def push_screen(self, screen: Any, callback: Any = None) -> Any: ...

    def deliver_text(self, path: Path, **options: Any) -> Any: ...


@dataclass(frozen=True)
class Export:
    """One export to write: its format, its file's name, how many events it holds (for the message), how to
    write it to a text stream, and its MIME type (for the browser's download)."""

    fmt: str
    name: str
    count: str
    write: Callable[[TextIO], None]
    mime_type: str


def safe_stem(text: str) -> str:
    """A file name's stem made of ``text``: letters, digits, ``._-`` kept, the rest ``_``; never hidden."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", text).lstrip(".") or "newsline"


TIMELINE_TYPES = {"timelinejs": "application/json", "csv": "text/csv", "markdown": "text/markdown"}


def timeline_export(view: TimelineView, fmt: str) -> Export:
    """The viewer's export: the events the filters show, as TimelineJS, CSV or Markdown."""
    from tui.export import SUFFIXES, write_export

    rows, shown = view.rows, view.shown()
    name = f"{safe_stem(view.report.document.id)}-timeline{SUFFIXES[fmt]}"
    return Export(
        fmt,
        name,
        counted(len(rows), "event"),
        lambda out: write_export(view.timeline, fmt, out, rows, shown=shown),
        TIMELINE_TYPES[fmt],
    )


STORY_TYPES = {"csv": "text/csv", "markdown": "text/markdown", "json": "application/x-ndjson"}


def story_export(view: StoryView, fmt: str, store: str) -> Export:
    """The corpus app's export: the story events the filters show, as the ``corpus export`` command writes
    them (CSV, Markdown, JSON lines), named after the store (``newsline.duckdb``: ``newsline-stories.csv``)."""
    from tui.corpus.output import SUFFIXES, WRITERS
    from tui.corpus.story import Story

    story, shown, write = Story(list(view.rows)), view.shown(), WRITERS[fmt]
    return Export(
        fmt,
        f"{safe_stem(Path(store).stem)}-stories{SUFFIXES[fmt]}",
        counted(len(story.events), "story event"),
        lambda out: write(story, out, shown=shown),
        STORY_TYPES[fmt],
    )


def export_shown(app: ExportingApp, export: Export, folder: Path) -> Path | None:
    """Write ``export`` into ``folder``, and say where: the path written, or None when it was not (yet) written.

    Never over the file open in the app (its export goes under the next free name, ``…-timeline-2.json``), and
    never over another existing file without the user's yes: the app asks first (:class:`ReplaceScreen`).
    """
    from tui.app.screens.export import ReplaceScreen

    path = folder / export.name
    if _is_source(app, path):
        path = free_name(path)
    try:
        return _write(app, export, path, replace=False)
    except TargetExists:
        pass
    new_path = free_name(path)

    def answered(choice: str | None) -> None:
        if choice is None:
            app.notify(f"Nothing exported: {path.name} is left as it was.", markup=False)
            return
        target = path if choice == "replace" else new_path
        try:
            _write(app, export, target, replace=choice == "replace")
        except TargetExists:  # it appeared while the question showed
            app.notify(f"Nothing exported: {target.name} appeared meanwhile.", severity="error", markup=False)

    app.push_screen(ReplaceScreen(str(path), new_path.name), answered)
    return None


def _is_source(app: ExportingApp, path: Path) -> bool:
    try:
        return app.source is not None and os.path.samefile(path, app.source)
    except OSError:
        return False


def _write(app: ExportingApp, export: Export, path: Path, *, replace: bool) -> Path | None:
    """Write the export to ``path`` (TargetExists if it exists and not ``replace``), and say where."""
    try:
        write_atomically(path, export.write, replace=replace, protect=() if app.source is None else (app.source,))
    except OSError as error:
        if isinstance(error, TargetExists):
            raise
        reason = error.strerror or str(error)
        app.notify(f"Nothing exported: cannot write {path}: {reason}.", severity="error", markup=False)
        return None
    if app.is_web:  # newsline serve: the file is on the server; the page downloads a copy
        app.deliver_text(path, save_filename=path.name, mime_type=export.mime_type, encoding="utf-8")
        app.notify(f"Exported {export.count} as {export.fmt}: downloading {path.name}", markup=False)
    else:
        app.notify(f"Exported {export.count} as {export.fmt} to {path}", markup=False)
    return path


def free_name(path: Path) -> Path:
    """The first of ``name-2.ext``, ``name-3.ext``… beside ``path`` that names nothing yet."""
    for number in range(2, 10_000):
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        if not os.path.lexists(candidate):
            return candidate
    return path.with_name(f"{path.stem}-{os.getpid()}{path.suffix}")
