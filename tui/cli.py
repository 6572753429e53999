"""The ``newsline`` command.

    newsline [FILE]    open the timeline explorer (FILE defaults to the bundled report)

The file is read and validated before the terminal is touched, so bad input gets a clear message on
stderr and exit status 2, never a traceback and never a half-drawn screen.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from tui import __version__
from tui.model import Report, ReportError, bundled_path, load_report

EXIT_BAD_INPUT = 2


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    return _explore(args)


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
    parser = argparse.ArgumentParser(
        prog="newsline",
        description="Explore a news report as a timeline: what happened, when, according to whom.",
    )
    _file_argument(parser)
    parser.add_argument("--version", action="version", version=f"newsline {__version__}")
    options = parser.parse_args(args)
    report = _load(parser, options.file)
    if report is None:
        return EXIT_BAD_INPUT
    from tui.app import NewslineApp  # Textual loads only once the data is known to be good

    NewslineApp(report).run()
    return 0
