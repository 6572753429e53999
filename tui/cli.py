"""The ``newsline`` command.

    newsline [FILE]                    open the timeline explorer (FILE defaults to the bundled report)
    newsline timeline [FILE] [--json]  print the resolved timeline, for people or, with --json, machines

The file is read and validated before the terminal is touched, so bad input gets a clear message on
stderr and exit status 2, never a traceback and never a half-drawn screen.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui import __version__
from tui.model import Report, ReportError, bundled_path, load_report

if TYPE_CHECKING:
    from datetime import datetime

    from tui.app import NewslineApp
    from tui.temporal import ResolvedEvent, Timeline

EXIT_BAD_INPUT = 2


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args[:1] == ["timeline"]:
            return _timeline(args[1:])
        return _explore(args)
    except BrokenPipeError:  # `newsline timeline | head`: the reader has gone, which is not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _file_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        nargs="?",
        type=Path,
        help="an events JSON file (default: the bundled report ttn-fr-3)",
    )


def _load(parser: argparse.ArgumentParser, file: Path | None) -> Report | None:
    try:
        return load_report(file or bundled_path())
    except ReportError as error:
        print(error, file=sys.stderr)
        return None


def _explore(args: list[str]) -> int:
    app = prepare(args)
    if isinstance(app, int):
        return app
    app.run()
    if app.load_error is not None:  # a large file, read while the loading screen showed, was bad
        print(app.load_error, file=sys.stderr)
        return EXIT_BAD_INPUT
    return app.return_code or 0


def prepare(args: Sequence[str]) -> NewslineApp | int:
    """Everything ``newsline [FILE]`` does before the app runs: the app, or the exit status of a refusal.

    The cyclic garbage collector is held off from here: start-up allocates a great deal and frees
    little, so collecting would only cost time. The app resumes collection once its first screen is
    drawn, after freezing what start-up built (see ``NewslineApp.on_mount``).
    """
    gc.disable()
    parser = argparse.ArgumentParser(
        prog="newsline",
        description="Explore a news report as a timeline: what happened, when, according to whom.",
        epilog="Also: 'newsline timeline [FILE] [--json]' prints the resolved timeline.",
    )
    _file_argument(parser)
    parser.add_argument("--version", action="version", version=f"newsline {__version__}")
    options = parser.parse_args(args)
    large = options.file is not None and _file_size(options.file) >= LOAD_IN_APP_FROM
    report = None if large else _load(parser, options.file)
    if report is None and not large:
        gc.enable()
        return EXIT_BAD_INPUT
    from tui.app import NewslineApp  # Textual loads only once the data is known to be good
    from tui.app.app import binding_ids
    from tui.app.keymap import KeymapError, load_keymap

    try:
        keymap = load_keymap(known_ids=binding_ids)
    except KeymapError as error:
        print(error, file=sys.stderr)
        gc.enable()
        return EXIT_BAD_INPUT
    if large:  # read and resolved while a loading screen shows the progress: seconds at 100k events
        return NewslineApp(None, keymap=keymap, source=options.file)
    return NewslineApp(report, keymap=keymap)


# From this size on, a file is read inside the app, behind a loading screen: 2 MB is about 2 000 events,
# read and resolved in a fraction of a second; 100 000 events take seconds, which a blank terminal hides.
LOAD_IN_APP_FROM = 2_000_000


def _file_size(path: Path) -> int:
    """The size of a regular file, 0 for anything else (the loader then says what is wrong with it)."""
    try:
        stat = path.stat()
    except OSError:
        return 0
    import stat as kinds

    return stat.st_size if kinds.S_ISREG(stat.st_mode) else 0


def _timeline(args: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="newsline timeline",
        description="Print the report's events on their resolved relative timeline.",
    )
    _file_argument(parser)
    parser.add_argument("--json", action="store_true", help="one JSON object per line and event, for machines")
    options = parser.parse_args(args)
    report = _load(parser, options.file)
    if report is None:
        return EXIT_BAD_INPUT
    from tui.temporal import resolve

    timeline = resolve(report)
    if options.json:
        for resolved in timeline.events:
            print(json.dumps(_event_json(timeline, resolved), ensure_ascii=False))
    else:
        from tui.table import print_table

        print_table(timeline, sys.stdout)
    return 0


def _event_json(timeline: Timeline, resolved: ResolvedEvent) -> dict[str, object]:
    def iso(moment: datetime | None) -> str | None:
        return moment.isoformat() if moment else None

    return {
        "id": resolved.id,
        "summary": resolved.event.summary,
        "sentences": [span.text for span in resolved.event.sentences],
        "earliest": iso(resolved.earliest),
        "latest": iso(resolved.latest),
        "granularity": resolved.granularity,
        "label": resolved.label,
        "explanation": resolved.explanation,
        "certainly_before": list(timeline.certainly_next(resolved.id)),
    }
