"""Drive headless Chromium over the DevTools protocol (websocket-client is enough)."""

from __future__ import annotations

import base64
import contextlib
import json
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator

import pytest

from ..serve.processes import end_group, free_port, wait_until
from .chromium import FLAGS, chromium, profile

websocket = pytest.importorskip("websocket", reason="needs websocket-client (pip install -e '.[test]')")


class Browser:
    """One page of a headless Chromium: commands, and the events it sends, kept in order."""

    def __init__(self, url: str) -> None:
        self.connection = websocket.create_connection(url, suppress_origin=True, timeout=10)
        self.events: list[dict] = []
        self._next = 0

    def send(self, method: str, **params: object) -> dict:
        self._next += 1
        ident = self._next
        self.connection.send(json.dumps({"id": ident, "method": method, "params": params}))
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            message = self._receive(deadline - time.monotonic())
            if message is not None and message.get("id") == ident:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                return message.get("result", {})
        raise AssertionError(f"{method}: no answer within 20 s")

    def _receive(self, timeout: float) -> dict | None:
        self.connection.settimeout(max(timeout, 0.01))
        try:
            message = json.loads(self.connection.recv())
        except websocket.WebSocketTimeoutException:
            return None
        if "method" in message:
            self.events.append(message)
        return message

    def wait_for(self, condition: Callable[[], object], timeout: float) -> bool:
        """Read events until ``condition()`` holds or ``timeout`` seconds pass (a bounded loop)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return True
            self._receive(min(0.2, max(deadline - time.monotonic(), 0.01)))
        return bool(condition())

    def frames_received(self) -> str:
        """What the page's websockets received, as text: for newsline, the app's drawing."""
        parts = []
        for event in self.events:
            if event["method"] == "Network.webSocketFrameReceived":
                response = event["params"]["response"]
                data = response["payloadData"]
                parts.append(base64.b64decode(data).decode("utf-8", "replace") if response["opcode"] == 2 else data)
        return "".join(parts)

    def evaluate(self, expression: str) -> object:
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    def move_mouse(self, x: float, y: float) -> None:
        """A real mouse move to (``x``, ``y``) in CSS pixels: the page gets its mouseover, mouseenter and mousemove."""
        self.send("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)

    def press(self, key: str, text: str | None = None, code: int = 0) -> None:
        typed = key if text is None else text
        down = {"type": "keyDown", "key": key, "windowsVirtualKeyCode": code, "nativeVirtualKeyCode": code}
        if typed:
            down["text"] = typed
        self.send("Input.dispatchKeyEvent", **down)
        self.send("Input.dispatchKeyEvent", type="keyUp", key=key, windowsVirtualKeyCode=code)


@contextlib.contextmanager
def headless_chromium(*flags: str) -> Iterator[Browser]:
    """A headless Chromium in its own process group, on a free loopback DevTools port; always ended.
    ``flags`` are more command-line switches for it."""
    port = free_port()
    with profile() as folder:
        process = subprocess.Popen(
            [
                chromium(),
                *FLAGS,
                f"--user-data-dir={folder}",
                f"--remote-debugging-port={port}",
                "--remote-debugging-address=127.0.0.1",
                "--window-size=1280,900",
                *flags,
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        browser = None
        try:
            pages: list[dict] = []

            def page_listed() -> bool:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=2) as answer:
                        pages[:] = [t for t in json.load(answer) if t.get("type") == "page"]
                except OSError:
                    return False
                return bool(pages)

            assert wait_until(page_listed, 30, step=0.2), "Chromium's DevTools did not answer"
            browser = Browser(pages[0]["webSocketDebuggerUrl"])
            for domain in ("Page", "Runtime", "Network"):
                browser.send(f"{domain}.enable")
            browser.send("Emulation.setFocusEmulationEnabled", enabled=True)
            yield browser
        finally:
            if browser is not None:
                with contextlib.suppress(Exception):
                    browser.connection.close()
            end_group(process)
