"""``newsline draft REPORT.txt [--published WHEN] [--lang fr] [-o OUT.json] [--force]``: draft an events file.

Without ``-o`` the draft goes to standard output. With it, the file is written atomically, never over the
report itself, and never over an existing file unless ``--force`` says so. The report is read as
:mod:`tui.draft.reading` says (a regular file of at most 1 MiB, UTF-8 or with a byte-order mark), and one
that does not look French gets a warning on stderr, then is drafted all the same.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.commands.common import EXIT_BAD_INPUT, EXIT_CANNOT_WRITE, EXIT_OK, Command, report_arguments
from tui.printable import printable


def arguments(parser: argparse.ArgumentParser) -> None:
    report_arguments(parser)
    parser.add_argument("-o", "--output", type=Path, help="write the draft here (default: standard output)")
    parser.add_argument("--force", action="store_true", help="overwrite OUTPUT if it exists")


def execute(options: argparse.Namespace) -> int:
    from tui.draft.files import draft_file
    from tui.draft.pipeline import PipelineUnavailable
    from tui.model import ReportError
    from tui.model.files import check_target
    from tui.model.save import events_text, save_events

    output = options.output
    if output is not None:  # refused before the minutes of drafting, and checked again as it is written
        try:
            check_target(output, protect=(options.report,))
        except OSError as error:
            print(printable(f"newsline: cannot write the draft to {output}: {error.strerror}."), file=sys.stderr)
            return EXIT_BAD_INPUT
        if output.exists() and not options.force:
            print(printable(f"newsline: {output} exists; use --force to overwrite it, or another -o."), file=sys.stderr)
            return EXIT_BAD_INPUT
    try:
        data = draft_file(options.report, published=options.published, language=options.lang, warn=True)
    except (ValueError, PipelineUnavailable) as error:
        print(error, file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        if output is None:
            sys.stdout.write(events_text(data))
        else:
            save_events(output, data, replace=options.force, protect=(options.report,))
            print(printable(f"newsline: drafted {len(data['events'])} events into {output}"), file=sys.stderr)
    except OSError as error:
        print(printable(f"newsline: cannot write the draft to {output}: {error.strerror or error}."), file=sys.stderr)
        return EXIT_CANNOT_WRITE
    except ReportError as error:  # a drafter bug: say so plainly rather than write a file that cannot load
        print(f"newsline draft: the draft does not load ({error.problems[:3]}); please report this.", file=sys.stderr)
        return EXIT_CANNOT_WRITE
    return EXIT_OK


DRAFT = Command(
    name="draft",
    summary="draft an events file from a plain-text news report",
    description="Draft an events file from a plain-text news report, for review in newsline.",
    arguments=arguments,
    execute=execute,
)
run = DRAFT.run
