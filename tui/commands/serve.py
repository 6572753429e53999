"""``newsline serve [FILE] [--host 127.0.0.1] [--port N] [--max-pages N] [--allow-host NAME]``: the app in a
browser, through textual-serve, with the checks :mod:`tui.serve` makes on every request.

The file is read before anything listens (a bad file is refused here, not in every page), and an address
that cannot be listened on is said plainly: both exit with status 2.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from tui.commands.common import EXIT_BAD_INPUT, EXIT_OK, Command, file_argument, load
from tui.printable import printable
from tui.serve import DEFAULT_HOST, DEFAULT_MAX_PAGES, DEFAULT_PORT, host_name


def arguments(parser: argparse.ArgumentParser) -> None:
    file_argument(parser)
    parser.add_argument(
        "--host", type=_host, default=DEFAULT_HOST, help=f"the address to listen on (default: {DEFAULT_HOST})"
    )
    parser.add_argument(
        "--port", type=_port, default=DEFAULT_PORT, help=f"the port, 0 for any free one (default: {DEFAULT_PORT})"
    )
    parser.add_argument(
        "--max-pages",
        type=_page_count,
        default=DEFAULT_MAX_PAGES,
        metavar="N",
        help=f"the most pages open at once, each with its process (default: {DEFAULT_MAX_PAGES})",
    )
    parser.add_argument(
        "--allow-host",
        type=_name,
        action="append",
        default=[],
        metavar="NAME",
        help="one more host name pages may use to reach the server, such as this machine's address or DNS "
        "name when listening on every interface (repeatable; loopback names are always answered)",
    )


def execute(options: argparse.Namespace) -> int:
    from tui.serve import Guard, answered_names, bind, server, urls

    report = load(options.file)  # a bad file is refused here, not in every page
    if report is None:
        return EXIT_BAD_INPUT
    try:
        sockets = bind(options.host, options.port)
    except OSError as error:
        reason = str(error.strerror or error)
        print(
            f"newsline: cannot serve on {printable(options.host)}:{options.port}: {reason[:1].lower()}{reason[1:]}.",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    ports = {sock.getsockname()[1] for sock in sockets}
    port = sockets[0].getsockname()[1]
    guard = Guard(answered_names(options.host, options.allow_host), ports)
    local, network = urls(options.host, port)
    if network is not None:
        print(
            f"newsline: warning: listening on {printable(options.host)}, so the app is reachable from the network: "
            f"anyone who can reach this machine on port {port} may read the report and write files in "
            f"{printable(os.getcwd())}. Host names answered: {', '.join(sorted(guard.names))} "
            "(add one with --allow-host NAME).",
            file=sys.stderr,
            flush=True,
        )
    said = f"newsline: serving at {local}" + (f", and from the network at {network}" if network else "")
    argv = [sys.executable, "-m", "tui"]
    if options.file is not None:
        argv.append(str(Path(options.file).resolve()))
    server(argv, guard, options.max_pages).serve(sockets, f"{said} (Ctrl+C stops)")
    return EXIT_OK


# The command line's values, checked by argparse: a bad one is a one-line error and exit status 2.


def _port(text: str) -> int:
    if re.fullmatch(r"[0-9]{1,5}", text.strip()) is None or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"must be a number from 0 to 65535 (0: any free port), not {text!r}")
    return int(text)


def _page_count(text: str) -> int:
    if re.fullmatch(r"[0-9]{1,6}", text.strip()) is None or int(text) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of pages, at least 1, not {text!r}")
    return int(text)


def _host(text: str) -> str:
    try:
        host_name(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be an address or a host name, not {text!r}") from None
    return text


def _name(text: str) -> str:
    try:
        return host_name(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


SERVE = Command(
    name="serve",
    summary="run the app in a web browser, one process per page",
    description="Run newsline in a web browser: one app process per page, served by textual-serve. "
    "Only the server's own pages may connect, under the host names it answers to.",
    arguments=arguments,
    execute=execute,
)
run = SERVE.run
