"""``newsline serve`` answers only its own pages, in real headless Chromium: a page of another site, open in
the same browser, cannot connect to it, nor can a page whose own name resolves to the server's address
(DNS rebinding); neither starts an app process. Everything here is on the loopback interface."""

from __future__ import annotations

import time

import pytest

from ..serve.processes import children, serving, wait_until
from .chromium import chromium, static_server
from .devtools import headless_chromium

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]  # Chromium and node: a page may take 90 s to settle

ANOTHER_SITE = """<!doctype html>
<html><head><meta charset="utf-8"><title>another site</title></head><body>
<script>
  window.__socket = [];
  const socket = new WebSocket("ws://127.0.0.1:{port}/ws?width=80&height=24");
  socket.onopen = () => window.__socket.push("open");
  socket.onmessage = () => window.__socket.push("message");
  socket.onerror = () => window.__socket.push("error");
  socket.onclose = (event) => window.__socket.push("close " + event.code);
</script>
</body></html>
"""

OUTCOME = "(window.__socket || []).join(' ')"


def test_a_page_of_another_site_cannot_connect_and_starts_no_process(tmp_path):
    chromium()
    with serving() as (server, port, lines), headless_chromium() as browser:
        (tmp_path / "index.html").write_text(ANOTHER_SITE.replace("{port}", str(port)), encoding="utf-8")
        with static_server(tmp_path) as elsewhere:  # the same host, another port: another origin
            browser.send("Page.navigate", url=f"{elsewhere}/index.html")
            assert wait_until(lambda: "close" in str(browser.evaluate(OUTCOME)), 20), browser.evaluate(OUTCOME)
            outcome = str(browser.evaluate(OUTCOME))
        assert "open" not in outcome and "message" not in outcome, outcome
        assert "error" in outcome and "close 1006" in outcome, outcome
        time.sleep(1)
        assert not children(server.pid), "another site's page started an app process"
        assert any("refused a request from" in line for line in lines), lines


def test_a_page_under_another_name_for_the_same_address_is_refused():
    chromium()
    # evil.example resolves to 127.0.0.1 in this browser only: what DNS rebinding achieves, with no DNS.
    rules = ("--host-resolver-rules=MAP evil.example 127.0.0.1", "--no-proxy-server")
    with serving() as (server, port, _), headless_chromium(*rules) as browser:
        browser.send("Page.navigate", url=f"http://evil.example:{port}/")
        answered = lambda: any(  # noqa: E731
            e["method"] == "Network.responseReceived" and "evil.example" in e["params"]["response"]["url"]
            for e in browser.events
        )
        assert browser.wait_for(answered, 20), "the page got no answer"
        response = next(e for e in browser.events if e["method"] == "Network.responseReceived")["params"]["response"]
        assert response["status"] == 421
        time.sleep(1)
        assert "Ukraine" not in browser.frames_received()
        assert not any(e["method"] == "Network.webSocketCreated" for e in browser.events)
        assert not children(server.pid), "a page under another name started an app process"
