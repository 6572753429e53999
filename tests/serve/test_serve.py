"""``newsline serve`` over a real websocket (no browser): the URL, and no process outliving its page."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import pytest

from .processes import ROOT, alive, children, serving, wait_until

pytestmark = [pytest.mark.slow, pytest.mark.timeout(180)]  # real servers and page processes, waited on up to 60 s

websocket = pytest.importorskip("websocket", reason="needs websocket-client (pip install -e '.[test]')")


def _page_that_leaves(port: int, after: float) -> None:
    """What a browser page does that is closed while the app starts: connect, resize, leave."""
    connection = websocket.create_connection(
        f"ws://127.0.0.1:{port}/ws?width=120&height=40", suppress_origin=True, timeout=10
    )
    connection.send(json.dumps(["resize", {"width": 100, "height": 30}]))
    time.sleep(after)
    connection.close()


def test_serve_says_its_url_on_the_loopback_address():
    with serving() as (_, port, lines):
        assert any(f"serving at http://127.0.0.1:{port}" in line for line in lines), lines


def test_pages_that_leave_during_start_up_leave_no_process():
    with serving() as (server, port, _):
        for after in (0.05, 0.3, 0.8):
            _page_that_leaves(port, after)
        started = children(server.pid)
        assert wait_until(lambda: not children(server.pid), 15), (
            f"processes outlived their page: {children(server.pid)}"
        )
        assert all(not alive(pid) for pid in started)


def test_sigterm_stops_the_server_and_every_page():
    with serving() as (server, port, _):
        connection = websocket.create_connection(
            f"ws://127.0.0.1:{port}/ws?width=120&height=40", suppress_origin=True, timeout=10
        )
        try:
            assert wait_until(lambda: children(server.pid), 10), "no page process started"
            pages = children(server.pid)
            server.send_signal(signal.SIGTERM)
            server.wait(15)
            assert wait_until(lambda: not any(alive(pid) for pid in pages), 10), "a page process outlived the server"
        finally:
            connection.close()


def test_serve_refuses_a_bad_file_before_listening(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "tui", "serve", str(broken), "--port", "1"],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "broken.json" in result.stderr and "Traceback" not in result.stderr


def test_a_port_in_use_is_said_plainly_and_no_url_is_promised():
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "tui", "serve", "--port", str(port)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
    assert result.returncode == 2
    assert f"newsline: cannot serve on 127.0.0.1:{port}:" in result.stderr
    assert "address already in use" in result.stderr and "Traceback" not in result.stderr
    assert "serving at" not in result.stdout
