"""``newsline serve [FILE] [--host 127.0.0.1] [--port N]``: the app in a browser, through textual-serve.

Each page that connects gets its own ``newsline`` process, drawing with :class:`tui.app.page_driver.PageDriver`.
No process outlives its page: each runs in its own process group; when its page leaves, it is asked to
quit and, if it has not ended within :data:`QUIT_GRACE` seconds, its group is killed; when the server
stops (Ctrl+C, SIGTERM), every group left is killed. The driver ends a stuck process by itself too.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tui.cli import EXIT_BAD_INPUT, _file_argument, _load

DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 8000
QUIT_GRACE = 2.0  # seconds a page's process has to quit before its group is killed
DRIVER = "tui.app.page_driver:PageDriver"


def run(args: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="newsline serve",
        description="Run newsline in a web browser: one app process per page, served by textual-serve.",
    )
    _file_argument(parser)
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"the address to listen on (default: {DEFAULT_HOST})")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"the port (default: {DEFAULT_PORT})")
    options = parser.parse_args(args)
    report = _load(parser, options.file)  # a bad file is refused here, not in every page
    if report is None:
        return EXIT_BAD_INPUT
    argv = [sys.executable, "-m", "tui"]
    if options.file is not None:
        argv.append(str(Path(options.file).resolve()))
    server = _server(argv, options.host, options.port)
    try:
        server.serve()
    except OSError as error:
        print(f"newsline: cannot serve on {options.host}:{options.port}: {error.strerror or error}.", file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0


def _server(argv: list[str], host: str, port: int) -> Any:
    """The textual-serve server (imported here: only 'serve' needs aiohttp and friends)."""
    from aiohttp import WSCloseCode, web
    from textual_serve.app_service import AppService
    from textual_serve.server import Server, to_int

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

    class NewslineServer(Server):
        def __init__(self) -> None:
            super().__init__(" ".join(argv), host=host, port=port, title="newsline")
            self.pages: dict[PageProcess, web.WebSocketResponse] = {}

        async def on_startup(self, app: web.Application) -> None:
            pass  # textual-serve prints its logo here, before the port is bound; the URL is said once it is

        def serve(self, debug: bool = False) -> None:
            """textual-serve's serve, saying the URL once the server listens (aiohttp's print hook)."""
            self.debug = debug
            self.initialize_logging()
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            for number in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(number, self.request_exit)
            web.run_app(
                self._make_app(),
                host=self.host,
                port=self.port,
                handle_signals=False,
                loop=loop,
                print=lambda _: print(f"newsline: serving at {self.public_url} (Ctrl+C stops)", flush=True),
            )

        async def on_shutdown(self, app: web.Application) -> None:
            """The server stops: kill every page's process, and close its page (the server waits for them)."""
            for page, websocket in list(self.pages.items()):
                page.kill()
                await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"newsline stopped")

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            websocket = web.WebSocketResponse(heartbeat=15)
            width = to_int(request.query.get("width", "80"), 80)
            height = to_int(request.query.get("height", "24"), 24)
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

    return NewslineServer()
