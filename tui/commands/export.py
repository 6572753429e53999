"""``newsline export [FILE] --to timelinejs|csv|markdown [-o PATH]``: the whole timeline, to stdout or a file.

``-o`` names the file to write, and so replaces a regular file there (the user named it); never the input,
a device, a FIFO, a socket or a directory. A symbolic link to a regular file is written through: the file
it points to is replaced, the link stays (see :func:`tui.model.files.write_atomically`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui import collector
from tui.commands.common import EXIT_BAD_INPUT, EXIT_CANNOT_WRITE, EXIT_OK, Command, file_argument, load, source
from tui.export import FORMATS, write_atomically, write_export
from tui.model.files import check_target
from tui.printable import printable

if TYPE_CHECKING:
    from tui.model import Report


def arguments(parser: argparse.ArgumentParser) -> None:
    file_argument(parser)
    parser.add_argument("--to", required=True, choices=FORMATS, help="the format to write")
    parser.add_argument("-o", "--output", type=Path, help="the file to write (default: standard output)")


def execute(options: argparse.Namespace) -> int:
    report = load(options.file)
    if report is None:
        return EXIT_BAD_INPUT
    read = source(options.file)
    if options.output is not None:  # refused before the work of resolving, and checked again as it is written
        try:
            check_target(options.output, protect=(read,))
        except OSError as error:
            print(printable(f"newsline: cannot write {options.output}: {error.strerror}; choose another -o."),
                  file=sys.stderr)  # fmt: skip
            return EXIT_BAD_INPUT
    with collector.paused():  # what resolving and writing make forms no cycle: reference counts free it
        return _write(options, report, read)


def _write(options: argparse.Namespace, report: Report, read: Path) -> int:
    from tui.temporal import resolve

    timeline = resolve(report)
    if options.output is None:
        write_export(timeline, options.to, sys.stdout)
        sys.stdout.flush()
        return EXIT_OK
    try:
        written = write_atomically(options.output, lambda out: write_export(timeline, options.to, out), protect=(read,))
    except OSError as error:
        reason = error.strerror or str(error)
        print(printable(f"newsline: cannot write {options.output}: {reason}."), file=sys.stderr)
        return EXIT_CANNOT_WRITE
    through = "" if written == options.output else f" (through the link, to {written})"
    print(printable(f"newsline: wrote {len(report.events)} events as {options.to} to {options.output}{through}"),
          file=sys.stderr)  # fmt: skip
    return EXIT_OK


EXPORT = Command(
    name="export",
    summary="export the resolved timeline as TimelineJS, CSV or Markdown",
    description="Export the report's resolved timeline: TimelineJS 3 JSON, CSV (RFC 4180) or Markdown.",
    arguments=arguments,
    execute=execute,
)
run = EXPORT.run
