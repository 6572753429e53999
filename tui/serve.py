"""The server behind ``newsline serve`` (its command line: :mod:`tui.commands.serve`): the app in a browser,
through textual-serve.

Each page that connects gets its own ``newsline`` process, drawing with :class:`tui.app.page_driver.PageDriver`.
No process outlives its page: each runs in its own process group; when its page leaves, it is asked to
quit and, if it has not ended within :data:`QUIT_GRACE` seconds, its group is killed; when the server
stops (Ctrl+C, SIGTERM), every group left is killed. The driver ends a stuck process by itself too.

A page drives the app — reads the report, writes export files and screenshots in the server's directory —
so the server answers only its own pages. Every request goes through :class:`Guard` first:

* its ``Host`` must be a name the server answers to (:meth:`Guard.answers`), with the port it listens on,
  or it gets ``421 Misdirected Request``: another site's page that resolves its own name to this address
  (DNS rebinding) reaches the port, but under its own name, and is refused;
* a request that names its origin (browsers name it on every websocket) must come from the page's own
  origin, ``http://`` and the request's ``Host``, or it gets ``403 Forbidden``: a page of another site, open
  in the user's browser, cannot connect. A request without an ``Origin`` header is not a browser's
  websocket; it is let through, as such a client could send any ``Origin`` (and ``Host``) it liked.

Then at most ``--max-pages`` pages (:data:`DEFAULT_MAX_PAGES`) have a process at a time: one more is
closed with a reason, and starts none. The window a page asks for, at connection and on each resize, is
clamped to :data:`MOST_COLUMNS` by :data:`MOST_ROWS`. A malformed message from a page closes that page,
with one line in the log; the log writes one line per event, through :func:`tui.printable.printable`,
never a traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import logging
import os
import re
import signal
import socket
import sys
from collections.abc import Iterable
from typing import Any

from tui.printable import printable

DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 8000
DEFAULT_MAX_PAGES = 8  # each page is a process of some 40 MB, and a share of the CPU
QUIT_GRACE = 2.0  # seconds a page's process has to quit before its group is killed
DRIVER = "tui.app.page_driver:PageDriver"
MOST_COLUMNS, MOST_ROWS = 500, 200  # more than any screen shows, in cells
DEFAULT_COLUMNS, DEFAULT_ROWS = 80, 24
MOST_PING = 64  # characters: the page's pings are its clock's milliseconds, echoed back
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")

log = logging.getLogger("newsline.serve")


def host_name(text: str) -> str:
    """A host name or IP address as it appears in a ``Host`` header (lower case, IPv6 in brackets);
    :class:`ValueError` saying what is expected when it is neither."""
    name = text.strip().lower()
    with contextlib.suppress(ValueError):
        address = ipaddress.ip_address(name.strip("[]"))
        return f"[{address.compressed}]" if address.version == 6 else address.compressed
    if re.fullmatch(r"[a-z0-9_]([a-z0-9_.-]{0,251}[a-z0-9_])?", name) is None:
        raise ValueError(f"must be a host name or an IP address, not {text!r}")
    return name


def _address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def answered_names(host: str, allowed: Iterable[str]) -> set[str]:
    """The host names the server answers to: loopback names, the one it listens on, those given with
    ``--allow-host`` and, listening on every interface, this machine's name.

    A loopback name is safe whatever the address listened on: a browser sends ``Host: localhost`` only for a
    page loaded from localhost, which is then the server's own page; a page of another site sends its own
    name, whatever address that name resolves to.
    """
    names = {*LOOPBACK_NAMES, *allowed}
    address = _address(host)
    if address is None or not address.is_unspecified:
        names.add(host_name(host))
    else:
        with contextlib.suppress(ValueError):  # a name no Host header could carry
            names.add(host_name(socket.gethostname()))
    return names


def urls(host: str, port: int) -> tuple[str, str | None]:
    """The URL to say for this machine, and for the network when the server is reachable from it."""
    address = _address(host)
    if address is not None and address.is_unspecified:
        local = "[::1]" if address.version == 6 else "127.0.0.1"
        return f"http://{local}:{port}", f"http://{printable(socket.gethostname().lower())}:{port}"
    url = f"http://{host_name(host)}:{port}"
    if host.lower() == "localhost" or (address is not None and address.is_loopback):
        return url, None
    return url, url


def bind(host: str, port: int) -> list[socket.socket]:
    """Sockets bound to every address of ``host``, all on one port (with port 0, the one the first got)."""
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    sockets: list[socket.socket] = []
    seen: set[tuple[int, str]] = set()
    try:
        for family, kind, protocol, _, address in found:
            if (family, address[0]) in seen:
                continue
            seen.add((family, address[0]))
            sock = socket.socket(family, kind, protocol)
            sockets.append(sock)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            if port == 0 and len(sockets) > 1:
                address = (address[0], sockets[0].getsockname()[1], *address[2:])
            sock.bind(address)
    except OSError:
        for sock in sockets:
            sock.close()
        raise
    if not sockets:
        raise OSError(f"no address for {host}")
    return sockets


class Guard:
    """Who the server answers: requests for one of ``names`` on one of ``ports``, from no origin or its own."""

    def __init__(self, names: Iterable[str], ports: Iterable[int]) -> None:
        self.names = frozenset(names)
        self.ports = frozenset(ports)

    def answers(self, host: str) -> bool:
        """Whether a request with this ``Host`` header is for this server."""
        where = _split_host(host)
        return where is not None and where[0] in self.names and where[1] in self.ports

    def same_origin(self, origin: str, host: str) -> bool:
        """Whether ``origin`` is the origin of a page loaded from this server under ``host`` (checked)."""
        scheme, separator, rest = origin.partition("://")
        return scheme.lower() == "http" and bool(separator) and _split_host(rest) == _split_host(host)


def _split_host(host: str) -> tuple[str, int] | None:
    """``name[:port]`` (the port 80 when left out) as (name, port), or None when it is not that."""
    found = re.fullmatch(r"(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(?::([0-9]{1,5}))?", host.strip().lower())
    if found is None:
        return None
    return found.group(1), int(found.group(2) or 80)


# What a page sends: checked, with sizes clamped.


def clamp_size(width: str, height: str) -> tuple[int, int]:
    """The window a page asks for in its URL (text), as a size a screen can be."""
    return _dimension(width, DEFAULT_COLUMNS, MOST_COLUMNS), _dimension(height, DEFAULT_ROWS, MOST_ROWS)


def _dimension(text: str, default: int, most: int) -> int:
    if re.fullmatch(r"-?[0-9]+", text) is None:
        return default
    value = int(text) if len(text) < 10 else (-1 if text.startswith("-") else most)
    return min(max(value, 1), most)


def parse_message(text: str) -> tuple[str, Any]:
    """A page's message, ``[type, data]`` in JSON, as (type, data): the text of a ``stdin``, the clamped
    (columns, rows) of a ``resize``, the text of a ``ping``; None for ``focus``, ``blur`` and types this
    server does not know (ignored, as textual-serve does). :class:`ValueError` when it is malformed."""
    try:
        envelope = json.loads(text)
    except ValueError:  # JSONDecodeError, and numbers too long to convert
        raise ValueError("not JSON") from None
    if not isinstance(envelope, list) or not envelope or not isinstance(envelope[0], str):
        raise ValueError("not a [type, data] list")
    kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
    if kind == "stdin":
        if not isinstance(data, str):
            raise ValueError("stdin without text")
        return kind, data
    if kind == "resize":
        if not isinstance(data, dict) or not all(
            isinstance(data.get(key), int) and not isinstance(data.get(key), bool) for key in ("width", "height")
        ):
            raise ValueError("resize without a whole width and height")
        return kind, (min(max(data["width"], 1), MOST_COLUMNS), min(max(data["height"], 1), MOST_ROWS))
    if kind == "ping":
        if not isinstance(data, str) or len(data) > MOST_PING:
            raise ValueError("ping without a short text")
        return kind, data
    return kind, None


class OneLineFormatter(logging.Formatter):
    """A log record as one printable line: an exception is its type and message, never a traceback."""

    def format(self, record: logging.LogRecord) -> str:
        text = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            text = f"{text} ({type(error).__name__}: {error})"
        if record.levelno >= logging.WARNING:
            text = f"{record.levelname.lower()}: {text}"
        return printable(text)


def server(argv: list[str], guard: Guard, max_pages: int) -> Any:
    """The textual-serve server (imported here: only 'serve' needs aiohttp and friends)."""
    import aiohttp_jinja2
    from aiohttp import WSCloseCode, WSMsgType, web
    from textual_serve.app_service import AppService
    from textual_serve.server import Server

    class PageProcess(AppService):
        """The newsline process behind one page, in its own process group."""

        async def _open_app_process(self, width: int = 80, height: int = 24) -> asyncio.subprocess.Process:
            environment = self._build_environment(width=width, height=height)
            environment["TEXTUAL_DRIVER"] = DRIVER
            self._process = await asyncio.create_subprocess_exec(
                *argv,
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
                env=environment,
                start_new_session=True,
            )
            self._stdin = self._process.stdin
            return self._process

        async def stop(self) -> None:
            """Ask the app to quit; kill its group if it has not within QUIT_GRACE seconds."""
            task, self._task = self._task, None
            if task is None:
                return
            await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
            await self.send_meta({"type": "quit"})
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(task), QUIT_GRACE)
            self.kill()
            try:
                await asyncio.wait_for(task, QUIT_GRACE)
            except TimeoutError:
                task.cancel()

        def kill(self) -> None:
            process = self._process
            if process is not None and process.returncode is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)

    @web.middleware
    async def guarded(request: web.Request, handler: Any) -> web.StreamResponse:
        """Answer only requests for this server's names, from no origin or the page's own (see Guard)."""
        hosts, origins = request.headers.getall("Host", []), request.headers.getall("Origin", [])
        if len(hosts) != 1 or not guard.answers(hosts[0]):
            log.warning("refused a request for host %r: not a name this server answers to", ",".join(hosts))
            return web.Response(status=421, text="newsline: this server does not answer to that host name.\n")
        if origins and (len(origins) > 1 or not guard.same_origin(origins[0], hosts[0])):
            log.warning("refused a request from %r: another site's page", ",".join(origins))
            return web.Response(status=403, text="newsline: only newsline's own pages may connect.\n")
        return await handler(request)

    class NewslineServer(Server):
        def __init__(self) -> None:
            super().__init__(" ".join(argv), title="newsline")
            self.pages: dict[PageProcess, web.WebSocketResponse] = {}
            self.open_pages = 0  # counted as each is taken, before any wait: a burst cannot pass the cap

        def initialize_logging(self) -> None:
            """One line per event on stdout, printable (textual-serve's logs tracebacks with local variables)."""
            handler = logging.StreamHandler(sys.stdout)
            handler.setFormatter(OneLineFormatter())
            logging.basicConfig(level=logging.DEBUG if self.debug else logging.INFO, handlers=[handler], force=True)

        async def _make_app(self) -> web.Application:
            app = await super()._make_app()
            app.middlewares.append(guarded)
            return app

        async def on_startup(self, app: web.Application) -> None:
            pass  # textual-serve prints its logo here, before the port is bound; the URL is said once it is

        def serve(self, sockets: list[socket.socket], said: str, debug: bool = False) -> None:  # type: ignore[override]
            """textual-serve's serve on sockets already bound, saying ``said`` once they listen."""
            self.debug = debug
            self.initialize_logging()
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            for number in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(number, self.request_exit)
            web.run_app(
                self._make_app(),
                sock=sockets,
                handle_signals=False,
                loop=loop,
                print=lambda _: print(said, flush=True),
            )

        @aiohttp_jinja2.template("app_index.html")
        async def handle_index(self, request: web.Request) -> dict[str, Any]:
            """The page, connecting back to the name it was loaded from (checked by the guard): listening on
            every interface, the address listened on (0.0.0.0) is none a page can reach."""
            host = request.headers["Host"].strip().lower()
            return {
                "font_size": min(max(_dimension(request.query.get("fontsize", "16"), 16, 64), 6), 64),
                "app_websocket_url": f"ws://{host}/ws",
                "config": {"static": {"url": "/static/"}},
                "application": {"name": self.title},
            }

        async def on_shutdown(self, app: web.Application) -> None:
            """The server stops: kill every page's process, and close its page (the server waits for them)."""
            for page, websocket in list(self.pages.items()):
                page.kill()
                await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"newsline stopped")

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            websocket = web.WebSocketResponse(heartbeat=15)
            if self.open_pages >= max_pages:
                await websocket.prepare(request)
                log.warning("refused a page: %d pages are open, the most --max-pages allows", max_pages)
                reason = f"newsline: {max_pages} pages are open already, the most allowed (--max-pages)"
                await websocket.close(code=WSCloseCode.TRY_AGAIN_LATER, message=reason.encode())
                return websocket
            self.open_pages += 1
            try:
                return await self._run_page(request, websocket)
            finally:
                self.open_pages -= 1

        async def _run_page(self, request: web.Request, websocket: web.WebSocketResponse) -> web.WebSocketResponse:
            width, height = clamp_size(request.query.get("width", "80"), request.query.get("height", "24"))
            await websocket.prepare(request)
            page = PageProcess(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            self.pages[page] = websocket
            try:
                await page.start(width, height)
                await self._process_messages(websocket, page)
            except (asyncio.CancelledError, ConnectionError):
                pass
            finally:
                current = asyncio.current_task()
                if current is not None and current.cancelling():
                    page.kill()  # the server is stopping: no time to ask
                else:
                    await page.stop()
                self.pages.pop(page, None)
                await websocket.close()
            return websocket

        async def _process_messages(self, websocket: web.WebSocketResponse, app_service: AppService) -> None:
            """textual-serve's, with each message checked (see parse_message): a malformed one closes the page."""
            async for message in websocket:
                if message.type != WSMsgType.TEXT:
                    continue
                try:
                    kind, data = parse_message(message.data)
                except ValueError as error:
                    log.warning("closed a page that sent a malformed message: %s", error)
                    await websocket.close(code=WSCloseCode.UNSUPPORTED_DATA, message=b"newsline: malformed message")
                    return
                if kind == "stdin":
                    await app_service.send_bytes(data.encode("utf-8"))
                elif kind == "resize":
                    await app_service.set_terminal_size(*data)
                elif kind == "ping":
                    await websocket.send_json(["pong", data])
                elif kind == "blur":
                    await app_service.blur()
                elif kind == "focus":
                    await app_service.focus()

    return NewslineServer()
