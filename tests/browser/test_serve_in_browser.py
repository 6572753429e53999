"""``newsline serve`` in real headless Chromium: drawn, driven by keys, and no process outliving its page."""

from __future__ import annotations

import pytest

from ..serve.processes import children, serving, wait_until
from .chromium import chromium
from .devtools import headless_chromium

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]  # Chromium and node: a page may take 90 s to settle

FOCUS_TERMINAL = """(() => {
  const input = document.querySelector('.xterm-helper-textarea');
  if (!input) return false;
  input.focus();
  return document.activeElement === input;
})()"""


def test_the_timeline_is_drawn_help_opens_and_q_ends_the_session():
    chromium()
    with serving() as (server, port, _), headless_chromium() as browser:
        browser.send("Page.navigate", url=f"http://127.0.0.1:{port}/")
        assert browser.wait_for(lambda: "Ukraine reconquered" in browser.frames_received(), 40), "no timeline drawn"
        assert "Timeline" in browser.frames_received()
        assert wait_until(lambda: browser.evaluate(FOCUS_TERMINAL), 10), "the terminal never took focus"
        browser.press("?")
        assert browser.wait_for(lambda: "newsline — marks, defaults and keys" in browser.frames_received(), 20), (
            "? did not show the help"
        )
        drawn = len(browser.frames_received())
        browser.press("?")  # closes the help (escape would do, but an escape then "q" reads as alt+q)
        assert browser.wait_for(lambda: len(browser.frames_received()) > drawn, 20), "the help did not close"
        browser.press("q")
        closed = lambda: any(e["method"] == "Network.webSocketClosed" for e in browser.events)  # noqa: E731
        assert browser.wait_for(closed, 20), "q did not end the session"
        assert wait_until(lambda: not children(server.pid), 15), "the app's process outlived the session"


def test_a_page_that_leaves_during_start_up_leaves_no_process():
    chromium()
    with serving() as (server, port, lines), headless_chromium() as browser:
        for _ in range(3):
            browser.events.clear()
            browser.send("Page.navigate", url=f"http://127.0.0.1:{port}/")
            connected = lambda: any(  # noqa: E731 - the server has taken the page, and starts its app
                e["method"] == "Network.webSocketHandshakeResponseReceived" for e in browser.events
            )
            assert browser.wait_for(connected, 20), "the page opened no websocket"
            browser.send("Page.navigate", url="about:blank")  # leave while the app is starting
        assert wait_until(lambda: not children(server.pid), 20), (
            f"processes outlived their page: {children(server.pid)}"
        )
        assert wait_until(lambda: sum("GET /ws" in line for line in lines) == 3, 10), "not every page connected"


def test_the_export_key_downloads_the_file_in_the_browser(tmp_path):
    chromium()
    downloads, served = tmp_path / "downloads", tmp_path / "served"
    downloads.mkdir()
    served.mkdir()
    with serving(cwd=served) as (_, port, _lines), headless_chromium() as browser:
        browser.send("Browser.setDownloadBehavior", behavior="allow", downloadPath=str(downloads))
        browser.send("Page.navigate", url=f"http://127.0.0.1:{port}/")
        assert browser.wait_for(lambda: "Ukraine reconquered" in browser.frames_received(), 40), "no timeline drawn"
        assert wait_until(lambda: browser.evaluate(FOCUS_TERMINAL), 10), "the terminal never took focus"
        browser.press("e")
        assert browser.wait_for(lambda: "Markdown, to paste" in browser.frames_received(), 20), "no export picker"
        browser.press("m")
        target = downloads / "ttn-fr-3-timeline.md"
        assert browser.wait_for(target.exists, 20), f"nothing downloaded: {list(downloads.iterdir())}"
        written = (served / "ttn-fr-3-timeline.md").read_text(encoding="utf-8")  # on the server's side
        assert written.startswith("# Le plus gros coup porté à l’armée russe")
        assert wait_until(lambda: target.read_text(encoding="utf-8") == written, 10), "the download differs"
