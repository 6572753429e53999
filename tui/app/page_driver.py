"""The driver of a newsline process that draws into a browser page (``newsline serve``).

Textual's web driver, made to end its process when the page has gone. Measured with textual 8.2 and
textual-serve 1.1: a page that sends a resize and leaves within a second of connecting asks the app to
quit while it is still starting, with two resizes of different sizes queued. The screen then lays
itself out at one size and the other in turn, forever (``Screen._on_resize`` and full redraws), at
about 80 % of a core; the quit request and SIGTERM, both handled on the event loop that this starves,
never run.

So, once the page is gone — the server asks the app to quit, the server's end of standard input
closes, or SIGTERM arrives — the app is asked to exit as usual, and a watchdog thread, which does not
need the event loop, ends the process if it has not exited within :data:`GRACE` seconds. A page-backed
process has no terminal to restore, so ending it leaves nothing behind.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from typing import Any

from textual import messages
from textual.drivers.web_driver import WebDriver

GRACE = 3.0  # seconds from the page leaving to the process's end, at the latest
EXIT_GONE = 143  # as a process ended by SIGTERM reports it


class PageDriver(WebDriver):
    """Textual's web driver, with a process that never outlives its page."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._watchdog: threading.Timer | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def start_application_mode(self) -> None:
        self._loop = asyncio.get_running_loop()
        super().start_application_mode()
        # The web driver's SIGTERM handler runs on the event loop, which a stuck app starves: handle it
        # in the signal handler itself instead, which the interpreter runs between any two bytecodes.
        for number in (signal.SIGTERM, signal.SIGHUP):
            self._loop.remove_signal_handler(number)
            signal.signal(number, self._on_signal)

    def _on_signal(self, number: int, frame: object) -> None:
        self.page_gone()

    def on_meta(self, packet_type: str, payload: dict[str, object]) -> None:
        super().on_meta(packet_type, payload)
        if packet_type == "quit":
            self.page_gone(asked=True)

    def run_input_thread(self) -> None:
        super().run_input_thread()
        if not self.exit_event.is_set():  # standard input closed without the app stopping: the server is gone
            self.page_gone()

    def page_gone(self, *, asked: bool = False) -> None:
        """Ask the app to exit (unless the quit message already did), and end the process after GRACE."""
        if self._watchdog is not None:
            return
        self._watchdog = threading.Timer(GRACE, os._exit, args=(EXIT_GONE,))
        self._watchdog.daemon = True  # a normal exit does not wait for it
        self._watchdog.start()
        if not asked and self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._app.post_message, messages.ExitApp())
