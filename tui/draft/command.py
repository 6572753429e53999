"""``newsline draft REPORT.txt [--published WHEN] [--lang fr] [-o OUT.json]``: draft an events file.

Without ``-o`` the draft goes to standard output. With it, the file is written atomically, never over the
report itself, and never over an existing file unless ``--force`` says so. The report is read as
:mod:`tui.draft.reading` says (a regular file of at most 1 MiB, UTF-8 or with a byte-order mark), and one
that does not look French gets a warning on stderr, then is drafted all the same.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tui.draft.reading import REPORT_LIMIT, language_warning, read_report_text
from tui.model.files import check_target
from tui.printable import printable

EXIT_BAD_INPUT = 2
EXIT_CANNOT_WRITE = 1
REPORT_HELP = f"the report, as plain text: UTF-8 (or UTF-16 with a byte-order mark), at most {REPORT_LIMIT >> 20} MiB"


def document_id(path: Path) -> str:
    from tui.draft.drafter import _slug

    return _slug(path.stem) or "report"


def draft_file(
    path: Path, *, published: str | None = None, language: str = "fr", nlp: Any = None, warn: bool = False
) -> dict[str, Any]:
    """Draft the report at ``path``; ValueError or PipelineUnavailable with the message for the user. With
    ``warn``, a report that does not look written in ``language`` gets a warning on stderr first."""
    from tui.draft import draft_report, load_pipeline, published_from
    from tui.draft.pipeline import PIPELINES

    text = read_report_text(path)
    publication = published_from(published, language) if published else None
    if warn and language in PIPELINES:
        warning = language_warning(path, text, language)
        if warning:
            print(f"newsline: warning: {warning}", file=sys.stderr)
    if nlp is None:
        nlp = load_pipeline(language)
    return draft_report(text, nlp, published=publication, language=language, document_id=document_id(path))


def run(args: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="newsline draft",
        description="Draft an events file from a plain-text news report, for review in newsline.",
    )
    parser.add_argument("report", type=Path, help=REPORT_HELP)
    parser.add_argument("--published", metavar="WHEN", help="publication date or date-time (ISO 8601), if known")
    parser.add_argument("--lang", default="fr", help="the report's language (default: fr)")
    parser.add_argument("-o", "--output", type=Path, help="write the draft here (default: standard output)")
    parser.add_argument("--force", action="store_true", help="overwrite OUTPUT if it exists")
    options = parser.parse_args(args)
    from tui.draft.pipeline import PipelineUnavailable
    from tui.model import ReportError
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
        return 1
    return 0


def review(args: Sequence[str]) -> int:
    """``newsline REPORT.txt``: draft it and review the draft; once saved, ``v`` opens it in the viewer."""
    parser = argparse.ArgumentParser(
        prog="newsline", description="Draft a plain-text news report and review the draft."
    )
    parser.add_argument("report", type=Path, help=REPORT_HELP)
    parser.add_argument("--published", metavar="WHEN", help="publication date or date-time (ISO 8601), if known")
    parser.add_argument("--lang", default="fr", help="the report's language (default: fr)")
    parser.add_argument("-o", "--output", type=Path, help="where to save (default: REPORT.events.json beside it)")
    options = parser.parse_args(args)
    from tui.draft.pipeline import PIPELINES
    from tui.draft.times import published_from

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
    from tui.app.review import ReviewApp

    app = ReviewApp(options.report, text, output, published=options.published, language=options.lang)
    saved = app.run()
    if app.error:
        print(app.error, file=sys.stderr)
        return EXIT_BAD_INPUT
    if saved is None:
        return 0
    from tui.cli import prepare

    viewer = prepare([str(saved)])
    if isinstance(viewer, int):
        return viewer
    viewer.run()
    return 0
