"""``newsline [FILE]`` (or ``newsline view [FILE]``): the timeline explorer; ``newsline REPORT.txt``: draft a
plain-text report, review the draft, then explore it.

The file is read and validated before the terminal is touched, so bad input gets a clear message on
stderr and exit status 2, never a traceback and never a half-drawn screen. Without a terminal to drive
(standard input or standard error redirected, TERM=dumb) the app says so and exits with status 2.

This is the path of every start-up: it imports no other command, and Textual only once the data is good
(tests/commands/test_startup.py).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui import __version__
from tui.commands.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    Command,
    file_argument,
    is_text,
    load,
    report_arguments,
    source,
)
from tui.printable import printable

if TYPE_CHECKING:
    from tui.app import NewslineApp

# From this size on, a file is read inside the app, behind a loading screen: 2 MB is about 2 000 events,
# read and resolved in a fraction of a second; 100 000 events take seconds, which a blank terminal hides.
LOAD_IN_APP_FROM = 2_000_000


def run(args: Sequence[str]) -> int:
    """``newsline [FILE]`` and ``newsline REPORT.txt [options]``: the exit status."""
    if args[:1] and is_text(args[0]):
        return REVIEW.run(args)
    return explore(prepare(args))


def arguments(parser: argparse.ArgumentParser) -> None:
    file_argument(parser)
    parser.add_argument("--version", action="version", version=f"newsline {__version__}")


def execute(options: argparse.Namespace) -> int:
    if options.file is not None and is_text(str(options.file)):
        return REVIEW.run([str(options.file)])
    return explore(open_app(options.file))


def explore(app: NewslineApp | int) -> int:
    """Run the app ``prepare`` made, or pass on its refusal."""
    if isinstance(app, int):
        return app
    missing = no_terminal()
    if missing:
        gc.enable()
        print(printable(f"newsline: there is no terminal to drive: {missing}."), file=sys.stderr)
        print("  'newsline timeline [FILE]' prints the timeline as text instead.", file=sys.stderr)
        return EXIT_BAD_INPUT
    app.run()
    gc.enable()  # the app turns it back on at its first screen, which a bad large file never reaches
    if app.load_error is not None:  # a large file, read while the loading screen showed, was bad
        print(app.load_error, file=sys.stderr)
        return EXIT_BAD_INPUT
    return app.return_code or EXIT_OK  # a crash after opening is reported by Textual, and never exits 0


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
    return open_app(VIEW.parser().parse_args(args).file)


def open_app(file: Path | None) -> NewslineApp | int:
    """The app on ``file`` (the bundled report for None), or the exit status of a refusal, said."""
    gc.disable()
    large = file is not None and _file_size(file) >= LOAD_IN_APP_FROM
    report = None if large else load(file)
    if report is None and not large:
        gc.enable()
        return EXIT_BAD_INPUT
    from tui.app import NewslineApp  # Textual loads only once the data is known to be good

    keymap = user_keymap()
    if keymap is None:
        gc.enable()
        return EXIT_BAD_INPUT
    if large:  # read and resolved while a loading screen shows the progress: seconds at 100k events
        return NewslineApp(None, keymap=keymap, source=file)
    return NewslineApp(report, keymap=keymap, source=source(file))


def user_keymap() -> dict[str, str] | None:
    """The user's keymap, checked against every binding of both apps, or None once the message saying why
    it cannot be used is on standard error."""
    from tui.app.bindings import keymap_places
    from tui.app.keymap import KeymapError, load_keymap

    try:
        return load_keymap(places=keymap_places)
    except KeymapError as error:
        print(error, file=sys.stderr)
        return None


def _file_size(path: Path) -> int:
    """The size of a regular file, 0 for anything else (the loader then says what is wrong with it)."""
    try:
        stat = path.stat()
    except OSError:
        return 0
    import stat as kinds

    return stat.st_size if kinds.S_ISREG(stat.st_mode) else 0


# -- newsline REPORT.txt: draft, review, explore -------------------------------------------------------------


def review_arguments(parser: argparse.ArgumentParser) -> None:
    report_arguments(parser)
    parser.add_argument("-o", "--output", type=Path, help="where to save (default: REPORT.events.json beside it)")


def review(options: argparse.Namespace) -> int:
    """Draft the report and review the draft; once saved, ``v`` opens it in the viewer."""
    from tui.draft.pipeline import PIPELINES
    from tui.draft.reading import read_report_text
    from tui.draft.times import published_from
    from tui.model.files import check_target

    try:
        text = read_report_text(options.report)
        if options.published:
            published_from(options.published)
    except ValueError as error:
        print(error, file=sys.stderr)
        return EXIT_BAD_INPUT
    if options.lang not in PIPELINES:
        print(
            f"newsline: cannot draft the language '{options.lang}': newsline offers {', '.join(PIPELINES)}.",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    output = options.output or options.report.with_name(options.report.stem + ".events.json")
    try:
        check_target(output, protect=(options.report,))
    except OSError as error:
        print(printable(f"newsline: cannot save the draft to {output}: {error.strerror}."), file=sys.stderr)
        return EXIT_BAD_INPUT
    keymap = user_keymap()
    if keymap is None:
        return EXIT_BAD_INPUT
    from tui.app.review import ReviewApp

    app = ReviewApp(options.report, text, output, published=options.published, language=options.lang, keymap=keymap)
    saved = app.run()
    if app.error:
        print(app.error, file=sys.stderr)
        return EXIT_BAD_INPUT
    if saved is None:
        return EXIT_OK
    viewer = prepare([str(saved)])
    if isinstance(viewer, int):
        return viewer
    viewer.run()
    return EXIT_OK


VIEW = Command(
    name="view",
    summary="open an events JSON file in the timeline explorer (the default)",
    description="Explore a news report as a timeline: what happened, when, according to whom.",
    arguments=arguments,
    execute=execute,
    epilog="'newsline --help' lists every command; 'newsline REPORT.txt --help' the options for drafting a "
    "plain-text report and reviewing the draft.",
    prog="newsline",
)

REVIEW = Command(
    name="view",
    summary="draft a plain-text report and review the draft",
    description="Draft a plain-text news report and review the draft.",
    arguments=review_arguments,
    execute=review,
    prog="newsline",
)
