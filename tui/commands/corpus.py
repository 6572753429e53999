"""``newsline corpus``: many reports, one story, in an embedded store (``newsline.duckdb`` by default).

    newsline corpus [--store FILE]                    the app on the corpus
    newsline corpus add PATH... [--manifest CSV] [--jobs N | --scheduler ADDRESS]
                                                      draft and add reports (resumable)
    newsline corpus reports [--store FILE]            the reports in the store
    newsline corpus timeline [--json] [--actor NAME] [--outlet NAME]
                                                      the story's timeline
    newsline corpus export --to csv|markdown|json [-o PATH]
                                                      the story's timeline, for other programs

Each subcommand names the store with ``--store``; a store that does not exist is created only by ``add``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from tui.commands.common import EXIT_BAD_INPUT, EXIT_CANNOT_WRITE, EXIT_INTERRUPTED, EXIT_OK, Command, StrictParser
from tui.printable import printable

DEFAULT_STORE = "newsline.duckdb"  # the same as tui.corpus.store.DEFAULT_STORE, without importing DuckDB's side
FORMATS = ("csv", "markdown", "json")


def _store_argument(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    # Before or after the action (``corpus --store F timeline`` or ``corpus timeline --store F``): an action's
    # own option has no default, so that it does not undo the one given before it.
    parser.add_argument(
        "--store", type=Path, default=Path(DEFAULT_STORE) if top else argparse.SUPPRESS, metavar="FILE",
        help=f"the corpus store, a DuckDB file (default: {DEFAULT_STORE} in the working directory)",
    )  # fmt: skip


def arguments(parser: argparse.ArgumentParser) -> None:
    _store_argument(parser, top=True)
    actions = parser.add_subparsers(title="actions", dest="action", metavar="ACTION", parser_class=StrictParser)
    add = actions.add_parser(
        "add", help="draft plain-text reports and add them, with events files, to the corpus",
        description="Add reports to the corpus: plain-text reports (.txt) are drafted as 'newsline draft' does, on "
        "every core; events files (.json) are added as they are. A folder adds every .txt and .json file under "
        "it. A report already in the store (by content) is skipped, so an interrupted add can be run again; a "
        "report that cannot be drafted is named and skipped.",
    )  # fmt: skip
    add.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="reports, events files or folders of them")
    _store_argument(add)
    add.add_argument(
        "--manifest", type=Path, metavar="CSV",
        help="a CSV file with the header file,published,outlet,url giving each report's publication, outlet and "
        "address (files relative to the manifest's folder); without it, the publication is unknown",
    )  # fmt: skip
    add.add_argument(
        "--jobs", type=_positive, default=os.cpu_count() or 1, metavar="N",
        help="processes drafting at once (default: one per core)",
    )  # fmt: skip
    add.add_argument(
        "--scheduler", metavar="ADDRESS",
        help="draft on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786) instead of on this machine",
    )  # fmt: skip
    add.add_argument("--lang", default="fr", help="the reports' language (default: fr)")
    add.add_argument("--quiet", action="store_true", help="no progress bar")
    reports = actions.add_parser("reports", help="list the reports in the corpus")
    _store_argument(reports)
    timeline = actions.add_parser(
        "timeline", help="print the story's timeline: each event with the reports that tell it"
    )
    _store_argument(timeline)
    timeline.add_argument("--json", action="store_true", help="one JSON object per line and story event")
    _filters(timeline)
    export = actions.add_parser("export", help="export the story's timeline as CSV, Markdown or JSON lines")
    _store_argument(export)
    export.add_argument("--to", required=True, choices=FORMATS, help="the format to write")
    export.add_argument("-o", "--output", type=Path, help="the file to write (default: standard output)")
    _filters(export)


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--actor", metavar="NAME", help="only the events this actor is involved in")
    parser.add_argument("--outlet", metavar="NAME", help="only the events this outlet tells")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of processes, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1 process, got {value}")
    return value


def execute(options: argparse.Namespace) -> int:
    action = options.action
    if action == "add":
        return _add(options)
    from tui.corpus.store import Store, StoreError

    try:
        store = Store(options.store, read_only=True)
    except StoreError as error:
        print(printable(f"newsline: {error}"), file=sys.stderr)
        return EXIT_BAD_INPUT
    with store:
        if action is None:
            return _app(store, options)
        if action == "reports":
            return _reports(store)
        story, shown = _story(store, options)
        if action == "timeline":
            from tui.corpus.output import write_json_lines, write_table

            (write_json_lines if options.json else write_table)(story, sys.stdout)
            return EXIT_OK
        return _export(story, shown, options)


def _add(options: argparse.Namespace) -> int:
    from tui.corpus.ingest import (
        ClusterUnavailable,
        DraftingStopped,
        ManifestError,
        add_reports,
        entries_for,
        read_manifest,
    )
    from tui.corpus.store import Store, StoreError

    try:
        manifest = read_manifest(options.manifest) if options.manifest else None
    except ManifestError as error:
        print(error, file=sys.stderr)
        return EXIT_BAD_INPUT
    missing = [path for path in options.paths if not path.exists()]
    if missing:
        print(printable(f"newsline: cannot add {missing[0]}: no such file or folder."), file=sys.stderr)
        return EXIT_BAD_INPUT
    entries = entries_for(options.paths, manifest)
    if not entries:
        print("newsline: no .txt or .json file to add under the paths given.", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        store = Store(options.store)
    except StoreError as error:
        print(printable(f"newsline: {error}"), file=sys.stderr)
        return EXIT_BAD_INPUT
    with store, _Progress(quiet=options.quiet) as progress:
        try:
            outcome = add_reports(
                store, entries, jobs=options.jobs, scheduler=options.scheduler, language=options.lang,
                progress=progress.start,
            )  # fmt: skip
        except ClusterUnavailable as error:
            print(error, file=sys.stderr)
            return EXIT_BAD_INPUT
        except DraftingStopped as error:
            progress.stop()
            print(error, file=sys.stderr)
            return EXIT_CANNOT_WRITE
        except KeyboardInterrupt:
            progress.stop()
            print(
                f"newsline: interrupted; the reports drafted until then are in {printable(str(options.store))}: run "
                "the same command again to go on.",
                file=sys.stderr,
            )
            return EXIT_INTERRUPTED
    for message in outcome.unreadable + outcome.refused:
        print(message, file=sys.stderr)
    skipped = len(outcome.unreadable) + len(outcome.refused)
    from tui.view import counted

    print(
        printable(
            f"newsline: added {counted(outcome.stored, 'report')} to {options.store}"
            + (f"; {outcome.known} already there" if outcome.known else "")
            + (f"; {skipped} skipped (above)" if skipped else "")
            + f"; {store_counts(options.store)}."
        ),
        file=sys.stderr,
    )
    return EXIT_OK if outcome.stored or outcome.known or not skipped else EXIT_BAD_INPUT


def store_counts(path: Path) -> str:
    from tui.corpus.store import Store
    from tui.view import counted

    with Store(path, read_only=True) as store:
        return f"it holds {counted(store.count('reports'), 'report')}, {counted(store.count('events'), 'event')}"


class _Progress:
    """A Rich progress bar on standard error: reports done of the total, the rate and the time left."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet or not sys.stderr.isatty()
        self.bar = None

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    def stop(self) -> None:
        """Take the bar off the terminal (before a message, so that the message is not drawn over)."""
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

    def start(self, total: int, known: int):  # type: ignore[no-untyped-def]
        if self.quiet or not total:
            return lambda _done: None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(
            TextColumn("drafting"), BarColumn(), MofNCompleteColumn(), TextColumn("reports"),
            TextColumn("{task.fields[rate]}"), TimeRemainingColumn(), console=Console(stderr=True),
        )  # fmt: skip
        self.bar.start()
        task = self.bar.add_task("drafting", total=total, rate="")

        def advance(done: int) -> None:
            self.bar.advance(task, done)
            speed = self.bar.tasks[0].speed
            self.bar.update(task, rate=f"{speed * 60:.0f}/min" if speed else "")

        return advance


def _reports(store) -> int:  # type: ignore[no-untyped-def]
    from tui.corpus.output import write_reports

    write_reports(store.reports(), sys.stdout)
    return EXIT_OK


def _story(store, options: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The story (the events ``--actor`` and ``--outlet`` keep, as the app's filters keep them), and what an
    export of it holds: None for the whole story, else "2 of 29 story events · filter: outlet AFP"."""
    from tui.corpus.story import Story, build_story
    from tui.corpus.view import CorpusFilters, StoryView

    story = build_story(store.events(), store.stories(), store.reports())
    if options.actor is None and options.outlet is None:
        return story, None
    view = StoryView(story)
    view.apply(CorpusFilters(
        outlets=frozenset({options.outlet}) if options.outlet is not None else frozenset(),
        actors=frozenset({options.actor}) if options.actor is not None else frozenset(),
    ))  # fmt: skip
    return Story(view.rows), view.shown()


def _export(story, shown: str | None, options: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from tui.corpus.output import WRITERS
    from tui.export import write_atomically
    from tui.model.files import check_target

    write = WRITERS[options.to]
    if options.output is None:
        write(story, sys.stdout, shown=shown)
        return EXIT_OK
    try:
        check_target(options.output, protect=(options.store,))
        write_atomically(options.output, lambda out: write(story, out, shown=shown), protect=(options.store,))
    except OSError as error:
        print(printable(f"newsline: cannot write {options.output}: {error.strerror or error}."), file=sys.stderr)
        return EXIT_CANNOT_WRITE
    print(printable(f"newsline: wrote {len(story.events)} story events as {options.to} to {options.output}"),
          file=sys.stderr)  # fmt: skip
    return EXIT_OK


def _app(store, options: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from tui.commands.view import no_terminal, user_keymap

    why = no_terminal()
    if why:
        print(why, file=sys.stderr)
        return EXIT_BAD_INPUT
    story, _ = _story(store, argparse.Namespace(actor=None, outlet=None))
    from tui.app.corpus import CorpusApp

    keymap = user_keymap()  # the viewer's, checked against both apps' keys
    if keymap is None:
        return EXIT_BAD_INPUT
    app = CorpusApp(story, events_json=store.events_json, store=options.store, keymap=keymap)
    app.run()
    return app.return_code or EXIT_OK


CORPUS = Command(
    name="corpus",
    summary="many reports, one story: add reports to a corpus, explore, print or export its timeline",
    description="A corpus of reports in an embedded store (DuckDB): the same event told by several reports is one "
    "event of the story, with every report that tells it, its time across them, and the reports that disagree.",
    arguments=arguments,
    execute=execute,
    epilog="Without an ACTION: the app on the corpus. 'newsline corpus ACTION --help' gives an action's options.",
)
