"""``newsline export [FILE] --to timelinejs|csv|markdown [-o PATH]``: the whole timeline, to stdout or a file.

``-o`` names the file to write, and so replaces a regular file there (the user named it); never the input,
a device, a FIFO, a socket or a directory. A symbolic link to a regular file is written through: the file
it points to is replaced, the link stays (see :func:`tui.model.files.write_atomically`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from tui.cli import EXIT_BAD_INPUT, _file_argument, _load
from tui.export import FORMATS, write_atomically, write_export
from tui.model import bundled_path
from tui.model.files import check_target
from tui.printable import printable

EXIT_CANNOT_WRITE = 1


def run(args: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="newsline export",
        description="Export the report's resolved timeline: TimelineJS 3 JSON, CSV (RFC 4180) or Markdown.",
    )
    _file_argument(parser)
    parser.add_argument("--to", required=True, choices=FORMATS, help="the format to write")
    parser.add_argument("-o", "--output", type=Path, help="the file to write (default: standard output)")
    options = parser.parse_args(args)
    report = _load(parser, options.file)
    if report is None:
        return EXIT_BAD_INPUT
    source = options.file or bundled_path()
    if options.output is not None:  # refused before the work of resolving, and checked again as it is written
        try:
            check_target(options.output, protect=(source,))
        except OSError as error:
            print(printable(f"newsline: cannot write {options.output}: {error.strerror}; choose another -o."),
                  file=sys.stderr)  # fmt: skip
            return EXIT_BAD_INPUT
    from tui.temporal import resolve

    timeline = resolve(report)
    if options.output is None:
        write_export(timeline, options.to, sys.stdout)
        sys.stdout.flush()
        return 0
    try:
        written = write_atomically(
            options.output, lambda out: write_export(timeline, options.to, out), protect=(source,)
        )
    except OSError as error:
        reason = error.strerror or str(error)
        print(printable(f"newsline: cannot write {options.output}: {reason}."), file=sys.stderr)
        return EXIT_CANNOT_WRITE
    through = "" if written == options.output else f" (through the link, to {written})"
    print(printable(f"newsline: wrote {len(report.events)} events as {options.to} to {options.output}{through}"),
          file=sys.stderr)  # fmt: skip
    return 0
