"""The export key: write what the filters show into a folder, as ``<report id>-timeline.<suffix>``, atomically,
and say where; never over the file the app reads, never over another file without the user's yes. The file
names what it holds: "4 of 27 events · filter: actor Volodymyr Zelensky" (in the CSV, its ``filter`` column)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Protocol

from tui.model import Report
from tui.model.files import TargetExists, write_atomically
from tui.view import TimelineView, counted


class NewslineApp(Protocol):
    """What the export needs of the viewer (tui.app.app.NewslineApp, which imports this module)."""

    report: Report | None
    view: TimelineView | None
    is_web: bool

    @property
    def source(self) -> Path | None: ...

    def notify(self, message: str, **options: Any) -> None: ...

    def push_screen(self, screen: Any, callback: Any = None) -> Any: ...

    def deliver_text(self, path: Path, **options: Any) -> Any: ...


EXPORT_TYPES = {"timelinejs": "application/json", "csv": "text/csv", "markdown": "text/markdown"}


def export_shown(app: NewslineApp, fmt: str, folder: Path) -> Path | None:
    """Write the events the filters show as ``fmt`` into ``folder``, and say where: the path written, or None
    when it was not (yet) written.

    Never over the file open in the app (its export goes under the next free name, ``…-timeline-2.json``), and
    never over another existing file without the user's yes: the app asks first (:class:`ReplaceScreen`).
    """
    from tui.app.screens.export import ReplaceScreen
    from tui.export import SUFFIXES

    assert app.report is not None
    name = re.sub(r"[^A-Za-z0-9._-]", "_", app.report.document.id).lstrip(".") or "newsline"
    path = folder / f"{name}-timeline{SUFFIXES[fmt]}"
    if _is_source(app, path):
        path = free_name(path)
    try:
        return _write(app, fmt, path, replace=False)
    except TargetExists:
        pass
    new_path = free_name(path)

    def answered(choice: str | None) -> None:
        if choice is None:
            app.notify(f"Nothing exported: {path.name} is left as it was.", markup=False)
            return
        target = path if choice == "replace" else new_path
        try:
            _write(app, fmt, target, replace=choice == "replace")
        except TargetExists:  # it appeared while the question showed
            app.notify(f"Nothing exported: {target.name} appeared meanwhile.", severity="error", markup=False)

    app.push_screen(ReplaceScreen(str(path), new_path.name), answered)
    return None


def _is_source(app: NewslineApp, path: Path) -> bool:
    try:
        return app.source is not None and os.path.samefile(path, app.source)
    except OSError:
        return False


def _write(app: NewslineApp, fmt: str, path: Path, *, replace: bool) -> Path | None:
    """Write the export to ``path`` (TargetExists if it exists and not ``replace``), and say where."""
    from tui.export import write_export

    view = app.view
    assert view is not None
    rows, shown = view.rows, view.shown()
    try:
        write_atomically(
            path,
            lambda out: write_export(view.timeline, fmt, out, rows, shown=shown),
            replace=replace,
            protect=() if app.source is None else (app.source,),
        )
    except OSError as error:
        if isinstance(error, TargetExists):
            raise
        reason = error.strerror or str(error)
        app.notify(f"Nothing exported: cannot write {path}: {reason}.", severity="error", markup=False)
        return None
    if app.is_web:  # newsline serve: the file is on the server; the page downloads a copy
        app.deliver_text(path, save_filename=path.name, mime_type=EXPORT_TYPES[fmt], encoding="utf-8")
        app.notify(f"Exported {counted(len(rows), 'event')} as {fmt}: downloading {path.name}", markup=False)
    else:
        app.notify(f"Exported {counted(len(rows), 'event')} as {fmt} to {path}", markup=False)
    return path


def free_name(path: Path) -> Path:
    """The first of ``name-2.ext``, ``name-3.ext``… beside ``path`` that names nothing yet."""
    for number in range(2, 10_000):
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        if not os.path.lexists(candidate):
            return candidate
    return path.with_name(f"{path.stem}-{os.getpid()}{path.suffix}")
