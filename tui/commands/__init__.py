"""The ``newsline`` command: one module per subcommand, the top floor of the house (nothing imports it but
``python -m tui``; the console script names :func:`main`).

    newsline [FILE]                    open the timeline explorer (FILE defaults to the bundled report)
    newsline REPORT.txt                draft the report and review the draft in the app
    newsline view [FILE]               the same, by its name
    newsline timeline [FILE] [--json]  print the resolved timeline, for people or, with --json, machines
    newsline times FILE.txt --published WHEN [--lang fr|en] [--json]
                                       the time expressions of a text
    newsline draft REPORT.txt [-o OUT]  draft an events file from a plain-text report
    newsline export [FILE] --to FORMAT [-o PATH]   export to TimelineJS, CSV or Markdown
    newsline serve [FILE] [--host H] [--port N] [--max-pages N] [--allow-host NAME]
                                       run the app in a browser
    newsline corpus [add|reports|timeline|export] [--store FILE]
                                       many reports, one story, in an embedded store

``newsline --help`` lists them all; ``newsline COMMAND --help`` gives a command's options. The exit
statuses, the events file argument and the handling of an output that fails are in :mod:`.common`.

Opening the viewer, the common case, parses with the viewer's parser alone and imports no other command;
a command named is parsed under ``newsline`` with itself alone (a command's parser and its errors are the
same whatever its siblings), so it imports no other command either (the drafter, the server: a tenth of a
second each run). Every command's parser is built only for ``newsline --help``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from tui.commands.common import EXIT_OK, Command, StrictParser, guarded_output

NAMES = ("view", "timeline", "times", "draft", "export", "serve", "corpus")  # in the order --help lists them

USAGE = """newsline [FILE]                 open FILE in the explorer (default: the bundled report)
       newsline REPORT.txt [options]   draft a plain-text report, review the draft, explore it
       newsline COMMAND [options]      one of the commands below"""


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    return guarded_output(lambda: _dispatch(args))


def _dispatch(args: list[str]) -> int:
    first = args[0] if args else ""
    if first == "view":  # `newsline view X` is `newsline X`, a report's text included
        first, args = "", args[1:]
    if first in NAMES or first in ("-h", "--help"):
        options = parser(first if first in NAMES else None).parse_args(args)
        if options.command is None:
            return EXIT_OK
        return options.command.execute(options)
    from tui.commands import view

    return view.run(args)


def parser(only: str | None = None) -> argparse.ArgumentParser:
    """``newsline``'s parser, with every command under it: the one help that lists them all; or, for the
    command named ``only``, with that one alone."""

    top = argparse.ArgumentParser(
        prog="newsline",
        usage=USAGE,
        description="Explore a news report as a timeline: what happened, when, according to whom.",
        epilog="'newsline COMMAND --help' gives a command's options; 'newsline REPORT.txt --help' those for\n"
        "drafting a plain-text report and reviewing the draft.",
        formatter_class=_Help,
    )
    from tui import __version__

    top.add_argument("--version", action="version", version=f"newsline {__version__}")
    commands = top.add_subparsers(title="commands", metavar="COMMAND", parser_class=StrictParser)
    top.set_defaults(command=None)
    for name in NAMES if only is None else (only,):
        _command(name).add_to(commands)
    return top


def _command(name: str) -> Command:
    """The command named ``name`` (one of :data:`NAMES`), its module imported only now."""
    module = importlib.import_module(f"tui.commands.{name}")
    command: Command = getattr(module, name.upper())
    return command


class _Help(argparse.RawDescriptionHelpFormatter):
    """``newsline --help``: the commands one a line, under their title, without argparse's COMMAND line."""

    def _format_action(self, action: argparse.Action) -> str:
        if isinstance(action, argparse._SubParsersAction):
            return "".join(self._format_action(command) for command in action._get_subactions())
        return super()._format_action(action)
