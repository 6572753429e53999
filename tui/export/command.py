"""``newsline export [FILE] --to timelinejs|csv|markdown [-o PATH]``: the whole timeline, to stdout or a file."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from tui.cli import EXIT_BAD_INPUT, _file_argument, _load
from tui.export import FORMATS, write_atomically, write_export

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
    if options.output is not None and options.file is not None and _same_file(options.output, options.file):
        print(f"newsline: will not write the export over its input {options.file}; choose another -o.", file=sys.stderr)
        return EXIT_BAD_INPUT
    from tui.temporal import resolve

    timeline = resolve(report)
    if options.output is None:
        write_export(timeline, options.to, sys.stdout)
        sys.stdout.flush()
        return 0
    try:
        write_atomically(options.output, lambda out: write_export(timeline, options.to, out))
    except OSError as error:
        reason = error.strerror or str(error)
        print(f"newsline: cannot write {options.output}: {reason}.", file=sys.stderr)
        return EXIT_CANNOT_WRITE
    print(f"newsline: wrote {len(report.events)} events as {options.to} to {options.output}", file=sys.stderr)
    return 0


def _same_file(output: Path, source: Path) -> bool:
    try:
        return output.resolve() == source.resolve()
    except OSError:
        return False
