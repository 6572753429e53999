"""What every ``newsline`` command shares: the exit statuses, the events file argument and its loading with
the one message, the declaration of a command, and the handling of an output that fails.

Exit statuses, for every command:

* :data:`EXIT_OK` (0): done; also when the reader of the output went away (``newsline timeline | head``);
* :data:`EXIT_CANNOT_WRITE` (1): an output could not be written (a full disk, a file that cannot be
  replaced); also a crash of the app after it opened, as Textual reports it;
* :data:`EXIT_BAD_INPUT` (2): the input, an option or the place was refused before any work was done —
  a file that does not load, a value argparse rejects, no terminal to drive, a keymap that cannot work;
* :data:`EXIT_INTERRUPTED` (130, as shells say of an interrupt): ``corpus add`` stopped by ctrl+c, what it
  had drafted kept.

Every message goes to standard error, in one paragraph, through :func:`tui.printable.printable` when it
holds text from the data or the user; never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tui.printable import printable

if TYPE_CHECKING:
    from tui.model import Report

EXIT_OK = 0
EXIT_CANNOT_WRITE = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130


@dataclass(frozen=True)
class Command:
    """One subcommand: its name, the one line ``newsline --help`` shows for it, the description its own
    ``--help`` shows, what it adds to its parser, and what it does with the parsed options."""

    name: str
    summary: str
    description: str
    arguments: Callable[[argparse.ArgumentParser], None]
    execute: Callable[[argparse.Namespace], int]
    epilog: str | None = None
    prog: str | None = None  # how its parser names it on its own, when not ``newsline NAME``

    def add_to(self, commands: argparse._SubParsersAction) -> None:
        """Declare the command under ``newsline``'s subparsers."""
        parser = commands.add_parser(
            self.name, help=self.summary, prog=f"newsline {self.name}", description=self.description,
            epilog=self.epilog,
        )  # fmt: skip
        self.arguments(parser)
        parser.set_defaults(command=self)

    def parser(self) -> argparse.ArgumentParser:
        """The command's parser on its own, as ``newsline NAME`` parses."""
        parser = StrictParser(
            prog=self.prog or f"newsline {self.name}", description=self.description, epilog=self.epilog
        )
        self.arguments(parser)
        return parser

    def run(self, args: Sequence[str]) -> int:
        """Parse ``args`` (those after the command's name) and do the command: its exit status."""
        return self.execute(self.parser().parse_args(args))


class StrictParser(argparse.ArgumentParser):
    """A command's parser, which refuses an argument it does not know itself, with its own usage: under
    subparsers, argparse would hand it up to ``newsline``, whose usage says nothing of the command's."""

    def parse_known_args(self, args=None, namespace=None):  # type: ignore[override]
        options, extras = super().parse_known_args(args, namespace)
        if extras:
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return options, extras


def file_argument(parser: argparse.ArgumentParser) -> None:
    """The events file a command reads: the bundled report when none is given."""
    parser.add_argument(
        "file",
        nargs="?",
        type=Path,
        help="an events JSON file (default: the bundled report ttn-fr-3)",
    )


def report_arguments(parser: argparse.ArgumentParser) -> None:
    """The plain-text report a command drafts, with what is known of it."""
    from tui.draft.reading import REPORT_LIMIT  # here: the viewer's start-up does not load the drafter

    parser.add_argument(
        "report",
        type=Path,
        help=f"the report, as plain text: UTF-8 (or UTF-16 with a byte-order mark), at most {REPORT_LIMIT >> 20} MiB",
    )
    parser.add_argument("--published", metavar="WHEN", help="publication date or date-time (ISO 8601), if known")
    parser.add_argument("--lang", default="fr", help="the report's language (default: fr)")


def load(file: Path | None) -> Report | None:
    """The report in ``file`` (the bundled one for None), or None once the one message saying why it cannot
    be opened is on standard error (the caller then exits with :data:`EXIT_BAD_INPUT`)."""
    from tui.model import ReportError, bundled_path, load_report

    try:
        return load_report(file or bundled_path())
    except ReportError as error:
        print(error, file=sys.stderr)
        if file is not None and (is_text(file.name) or "not valid JSON" in str(error)):
            name = printable(str(file))
            review = f"'newsline {name}' drafts it and opens the draft for review, and " if is_text(file.name) else ""
            print(
                f"  {name} is not an events file. If it is a report's plain text, {review}"
                f"'newsline draft {name}' writes its draft as an events file.",
                file=sys.stderr,
            )
        return None


TEXT_SUFFIXES = (".txt", ".text")  # a report's plain text: drafted and reviewed, not opened as events


def is_text(name: str) -> bool:
    """Whether the file named is a report's plain text, to draft and review, rather than an events file."""
    return name.lower().endswith(TEXT_SUFFIXES)


def source(file: Path | None) -> Path:
    """The file a command reads: ``file``, or the bundled report."""
    from tui.model import bundled_path

    return file or bundled_path()


def guarded_output(command: Callable[[], int]) -> int:
    """Run ``command`` and flush its output here, not at exit, so that an output that fails is said:
    a reader that went away (``newsline timeline | head``) is no error, status 0; an output that cannot be
    written (``newsline timeline > /dev/full``, or in an encoding without the text's letters) gets one message
    and :data:`EXIT_CANNOT_WRITE`."""
    try:
        try:
            status = command()
        except SystemExit:  # argparse's --help and --version print, then leave this way
            sys.stdout.flush()
            raise
        sys.stdout.flush()
        return status
    except BrokenPipeError:
        drop_stdout()
        return EXIT_OK
    except UnicodeEncodeError as error:  # a terminal or PYTHONIOENCODING in an encoding without the text's letters
        drop_stdout()
        character = error.object[error.start : error.start + 1]
        print(
            printable(
                f"newsline: cannot write the output: its encoding, {error.encoding}, has no {character!r} "
                f"(U+{ord(character):04X}); set PYTHONIOENCODING=utf-8, or a UTF-8 locale"
            ),
            file=sys.stderr,
        )
        return EXIT_CANNOT_WRITE
    except OSError as error:
        drop_stdout()
        print(printable(f"newsline: cannot write the output: {error.strerror or error}"), file=sys.stderr)
        return EXIT_CANNOT_WRITE


def drop_stdout() -> None:
    """Send what is left in stdout's buffer nowhere, so that the exit does not fail writing it again."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
