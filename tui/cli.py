"""The ``newsline`` command.

    newsline [FILE]                    open the timeline explorer (FILE defaults to the bundled report)
    newsline timeline [FILE] [--json]  print the resolved timeline, for people or, with --json, machines
    newsline times FILE.txt --published WHEN [--lang fr|en] [--json]
                                       the time expressions of a text (see tui.temporal.tagging.command)
    newsline draft REPORT.txt [-o OUT]  draft an events file from a plain-text report (tui/draft)
    newsline REPORT.txt                draft the report and review the draft in the app
    newsline export [FILE] --to FORMAT [-o PATH]   export to TimelineJS, CSV or Markdown (tui.export)
    newsline serve [FILE] [--host H] [--port N] [--max-pages N] [--allow-host NAME]
                                       run the app in a browser (tui.serve)

The file is read and validated before the terminal is touched, so bad input gets a clear message on
stderr and exit status 2, never a traceback and never a half-drawn screen. Without a terminal to drive
(standard input or standard error redirected, TERM=dumb) the app says so and exits with status 2; an
output that cannot be written (a full disk) gets a message and status 1. Every string from the data that
is printed goes through :func:`tui.printable.printable`, or is escaped in JSON.
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
from tui.printable import escaped_json, printable

if TYPE_CHECKING:
    from tui.app import NewslineApp
    from tui.temporal import Layer, ResolvedEvent, Timeline

EXIT_BAD_INPUT = 2
EXIT_NO_TERMINAL = 2
EXIT_CANNOT_WRITE = 1


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        try:
            if args[:1] == ["timeline"]:
                status = _timeline(args[1:])
            elif args[:1] == ["times"]:
                from tui.temporal.tagging.command import main as times

                status = times(args[1:])
            elif args[:1] == ["export"]:
                from tui.export.command import run as export

                status = export(args[1:])
            elif args[:1] == ["serve"]:
                from tui.serve import run as serve

                status = serve(args[1:])
            elif args[:1] == ["draft"]:
                from tui.draft.command import run

                status = run(args[1:])
            elif args[:1] and args[0].lower().endswith((".txt", ".text")):  # a report's text: draft, review it
                from tui.draft.command import review

                status = review(args)
            else:
                status = _explore(args)
        except SystemExit:  # argparse's --help and --version print, then leave this way
            sys.stdout.flush()
            raise
        sys.stdout.flush()  # here, not at exit: a full disk must be reported, not lost or a traceback
        return status
    except BrokenPipeError:  # `newsline timeline | head`: the reader has gone, which is not an error
        _drop_stdout()
        return 0
    except OSError as error:  # `newsline timeline > /dev/full`
        _drop_stdout()
        print(printable(f"newsline: cannot write the output: {error.strerror or error}"), file=sys.stderr)
        return EXIT_CANNOT_WRITE


def _drop_stdout() -> None:
    """Send what is left in stdout's buffer nowhere, so that the exit does not fail writing it again."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


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
    missing = no_terminal()
    if missing:
        gc.enable()
        print(printable(f"newsline: there is no terminal to drive: {missing}."), file=sys.stderr)
        print("  'newsline timeline [FILE]' prints the timeline as text instead.", file=sys.stderr)
        return EXIT_NO_TERMINAL
    app.run()
    if app.load_error is not None:  # a large file, read while the loading screen showed, was bad
        print(app.load_error, file=sys.stderr)
        return EXIT_BAD_INPUT
    return app.return_code or 0  # a crash after opening is reported by Textual, and never exits 0


def no_terminal() -> str | None:
    """Why the app cannot run here, or None: it reads keys from standard input and draws on standard error
    (Textual's choice, so that standard output stays free), and both must be a terminal that can draw —
    unless a driver of another kind is named (``newsline serve`` runs each page's app with a web driver,
    which talks to the page over its standard streams)."""
    if os.environ.get("TEXTUAL_DRIVER"):
        return None
    if not _is_terminal(sys.__stdin__):
        return "standard input is not a terminal, so no key could reach newsline"
    if not _is_terminal(sys.__stderr__):
        return "standard error is not a terminal, and newsline draws its screen there"
    term = os.environ.get("TERM", "")
    if term == "dumb":
        return "TERM is 'dumb', a terminal that cannot place text on its screen"
    return None


def _is_terminal(stream: object) -> bool:
    try:
        return bool(stream) and stream.isatty()  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False


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
        epilog="Also: 'newsline timeline [FILE] [--json]' prints the resolved timeline; 'newsline export' writes "
        "it as TimelineJS, CSV or Markdown; 'newsline serve' runs the app in a browser.",
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
    from tui.app.app import binding_places
    from tui.app.keymap import KeymapError, load_keymap

    try:
        keymap = load_keymap(places=binding_places)
    except KeymapError as error:
        print(error, file=sys.stderr)
        gc.enable()
        return EXIT_BAD_INPUT
    if large:  # read and resolved while a loading screen shows the progress: seconds at 100k events
        return NewslineApp(None, keymap=keymap, source=options.file)
    return NewslineApp(report, keymap=keymap, source=options.file or bundled_path())


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
            print(escaped_json(json.dumps(_event_json(timeline, resolved), ensure_ascii=False)))
    else:
        from tui.table import print_table

        print_table(timeline, sys.stdout)
    return 0


def _event_json(timeline: Timeline, resolved: ResolvedEvent) -> dict[str, object]:
    """One event for machines: both layers of its time, each as ``{earliest, latest, label, explanation}``
    (ISO 8601 with offset, or null where the layer leaves a side open), the defaults the likely layer rests
    on, and who is involved."""
    from tui.view import involved

    def layer(found: Layer) -> dict[str, str | None]:
        return {
            "earliest": found.earliest.isoformat() if found.earliest else None,
            "latest": found.latest.isoformat() if found.latest else None,
            "label": found.label,
            "explanation": found.explanation,
        }

    report = timeline.report
    actors = sorted(involved(report, resolved.event))
    return {
        "id": resolved.id,
        "summary": resolved.event.summary,
        "sentences": [span.text for span in resolved.event.sentences],
        "granularity": resolved.granularity,
        "certain": layer(resolved.certain),
        "likely": layer(resolved.likely),
        "defaults": list(resolved.defaults),
        "actors": actors,
        "sides": sorted({report.actor(actor).side for actor in actors}),
        "certainly_before": list(timeline.certainly_next(resolved.id)),
    }
