"""``newsline times FILE.txt --published WHEN [--lang fr|en] [--json]``: the time expressions of a text.

WHEN is an ISO date (the report may have been published at any time that day) or an ISO datetime, with
or without a UTC offset. The table is for people; ``--json`` prints one object per line and expression,
``{"start", "end", "text", "type", "value", "earliest", "latest", "granularity"}``, its offsets counted
in characters of the file's text as read (UTF-8, newlines kept as they are). Bad input gets one
paragraph on stderr naming the file or the option and what was expected, and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tui.commands.common import EXIT_BAD_INPUT, EXIT_CANNOT_WRITE, EXIT_OK, Command, drop_stdout
from tui.model import Publication, publication_from
from tui.model.files import UnreadableFile, read_text_file
from tui.printable import escaped_json, printable

MAX_BYTES = 1024 * 1024  # a report, not a corpus: larger files are refused, said so (tagging reads ~150 kB/s)


class TimesError(Exception):
    """Input the command refuses, with the one paragraph that says why."""


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="a UTF-8 text file (at most 1 MB)")
    parser.add_argument(
        "--published",
        required=True,
        metavar="WHEN",
        help="when the text was published: an ISO date (2022-09-11, the whole day) or datetime "
        "(2022-09-11T14:30, 2022-09-11T14:30+03:00)",
    )
    parser.add_argument("--lang", choices=("fr", "en"), default="fr", help="the text's language (default: fr)")
    parser.add_argument("--json", action="store_true", help="one JSON object per line and expression")


def execute(options: argparse.Namespace) -> int:
    try:
        published = parse_published(options.published, options.lang)
        text = read_text(options.file)
    except TimesError as error:
        print(error, file=sys.stderr)
        return EXIT_BAD_INPUT
    from tui.temporal.tagging import tag

    found = tag(text, published, options.lang)
    try:
        if options.json:
            out = sys.stdout
            for timex in found:
                out.write(escaped_json(json.dumps(timex.as_json(), ensure_ascii=False)) + "\n")
            out.flush()
        else:
            _print_table(options.file, found, published)
    except BrokenPipeError:
        raise  # the reader has gone: newsline's main says nothing and exits 0
    except OSError as error:  # a full disk, /dev/full: say so, once, and fail
        drop_stdout()  # nothing more to flush at exit
        print(f"newsline times: cannot write the output: {error.strerror or error}.", file=sys.stderr)
        return EXIT_CANNOT_WRITE
    return EXIT_OK


def parse_published(when: str, language: str = "fr") -> Publication:
    """The publication ``--published`` gives, read as every command reads it (:func:`tui.model.publication_from`:
    a date is any time of that day, in the language's zone; a date-time that moment, give or take an hour)."""
    try:
        return publication_from(when, language)
    except ValueError:
        raise TimesError(
            f"newsline times: --published {printable(repr(when))} is not a date or time newsline can read; "
            "expected an ISO date such as 2022-09-11 (published at some time that day) or an ISO datetime such "
            "as 2022-09-11T14:30 or 2022-09-11T14:30+03:00."
        ) from None


def read_text(path: Path) -> str:
    """The file's text, newlines as they are (offsets are the file's), read as newsline reads every text:
    a regular file of at most 1 MB, UTF-8, or UTF-16/32 with a byte-order mark."""
    try:
        return read_text_file(path, MAX_BYTES, "a news text")
    except UnreadableFile as error:
        raise TimesError(printable(f"newsline times: cannot read {path}: {error}.")) from None


def _print_table(path: Path, found, published: Publication) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from tui.temporal.labels import interval_label

    table = Table(
        title=Text(f"{_one_line(str(path))} · {len(found)} time expressions"), title_justify="left", box=box.SIMPLE
    )
    for name, kwargs in (("at", {"no_wrap": True, "justify": "right"}), ("text", {}), ("type", {"no_wrap": True}),
                         ("value", {"no_wrap": True}), ("when", {}), ("granularity", {"no_wrap": True})):  # fmt: skip
        table.add_column(name, **kwargs)
    for timex in found:
        when = interval_label(timex.earliest, timex.latest) if timex.type in ("DATE", "TIME") else ""
        table.add_row(
            Text(str(timex.start)), Text(_one_line(timex.text)), Text(timex.type), Text(timex.value), Text(when),
            Text(timex.granularity),
        )  # fmt: skip

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError  # newsline's main says nothing and exits 0: rich would exit with status 1

    console = _Console(highlight=False)
    console.print(table)
    console.print(Text(f"published {_published_label(published)}"))


def _one_line(text: str) -> str:
    """A span as one line of characters safe to print: through newsline's one sanitiser (newlines as ␤,
    control characters as symbols, characters of disputed width replaced)."""
    return printable(text)


def _published_label(published: Publication) -> str:
    if published.earliest == published.latest:
        return published.estimate.isoformat()
    return f"{published.earliest.date().isoformat()} (some time that day)"


TIMES = Command(
    name="times",
    summary="list the time expressions of a text, against its publication",
    description="Find the time expressions of a news text and normalise them against its publication.",
    arguments=arguments,
    execute=execute,
)
run = TIMES.run
