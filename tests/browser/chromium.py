"""Real headless Chromium for the browser tests: found, or the test skips naming what is missing.

CI installs both what these need (see .ci/run): Debian's ``chromium``, and TimelineJS from the npm
registry into tests/browser/node_modules (``npm ci`` with this folder's package-lock.json).
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
TIMELINEJS = HERE / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # A page left for another stays in the back-forward cache, websocket open, to resume on "Back": for
    # newsline serve it has not gone, and its process rightly lives on. The tests mean pages that go.
    "--disable-features=BackForwardCache",
)


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip("needs Chromium: apt-get install chromium (Debian's package; .ci/run installs it)")
    return found


def timelinejs() -> Path:
    if not (TIMELINEJS / "js" / "timeline.js").is_file():
        pytest.skip("needs TimelineJS from npm: (cd tests/browser && npm ci) — .ci/run does it")
    return TIMELINEJS


@contextlib.contextmanager
def profile() -> Iterator[str]:
    """A new, empty Chromium profile for one run, removed afterwards."""
    folder = tempfile.mkdtemp(prefix="newsline-chromium-")
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def dump_dom(url: str, *, budget_ms: int = 10_000, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    """The page's DOM once its scripts have run (virtual time), with the console on stderr."""
    with profile() as folder:
        return subprocess.run(
            [
                chromium(),
                *FLAGS,
                f"--user-data-dir={folder}",
                "--enable-logging=stderr",
                "--v=0",
                f"--virtual-time-budget={budget_ms}",
                "--window-size=1280,900",
                "--dump-dom",
                url,
            ],
            capture_output=True,
            stdin=subprocess.DEVNULL,
            text=True,
            timeout=timeout,
            start_new_session=True,
        )


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def static_server(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1, on a free port, for the duration: its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
