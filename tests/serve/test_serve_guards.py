"""What ``newsline serve`` refuses: other sites' pages, other host names (DNS rebinding), pages beyond the cap,
windows larger than a screen, malformed messages, and options that cannot work — each plainly, with no
process started and no traceback.

Every connection here goes to the loopback interface.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time

import pytest

from .processes import ROOT, children, environment_of, served_port, serving, started, wait_until

pytestmark = [pytest.mark.slow, pytest.mark.timeout(180)]  # real servers and page processes, waited on up to 60 s

websocket = pytest.importorskip("websocket", reason="needs websocket-client (pip install -e '.[test]')")


def _http(port: int, host: str, path: str = "/", *, address: str = "127.0.0.1", extra: str = "") -> tuple[int, str]:
    """One raw HTTP/1.1 GET with the ``Host`` header given: (status, body)."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as connection:
        connection.settimeout(10)
        connection.connect((address, port))
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n{extra}Connection: close\r\n\r\n".encode())
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    return int(head.split()[1]), body.decode("utf-8", "replace")


def _connect(port: int, **options: object) -> websocket.WebSocket:
    return websocket.create_connection(f"ws://127.0.0.1:{port}/ws?width=100&height=30", timeout=10, **options)


def _refused(port: int, **options: object) -> int:
    """The HTTP status a websocket handshake is refused with."""
    with pytest.raises(websocket.WebSocketBadStatusException) as refusal:
        _connect(port, **options).close()
    return refusal.value.status_code


def _closing(connection: websocket.WebSocket) -> tuple[int, str]:
    """Read until the server closes: its close code and reason."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        opcode, frame = connection.recv_data_frame(control_frame=True)
        if opcode == websocket.ABNF.OPCODE_CLOSE:
            data = frame.data
            return int.from_bytes(data[:2], "big"), data[2:].decode("utf-8", "replace")
    raise AssertionError("the server did not close the websocket")


# Host names: DNS rebinding gives another site's page our address under its own name; it is refused.


def test_a_foreign_host_name_is_refused_and_the_page_not_served():
    with serving() as (_server, port, _):
        status, body = _http(port, f"evil.example:{port}")
        assert status == 421 and "Ukraine" not in body and "ws://" not in body
        assert len(body) < 200
        assert _http(port, f"127.0.0.1:{port}")[0] == 200
        assert _http(port, f"localhost:{port}")[0] == 200
        assert _http(port, "127.0.0.1:1")[0] == 421  # the right name, another port: not this server's origin


def test_a_rebound_websocket_is_refused_and_starts_no_process():
    with serving() as (server, port, _):
        status = _refused(port, host=f"evil.example:{port}", origin=f"http://evil.example:{port}")
        assert status == 421
        time.sleep(1)
        assert not children(server.pid), "a refused page started a process"


# Origins: a websocket opened by another site's page in the user's browser is refused.


@pytest.mark.parametrize(
    "origin", ["http://evil.example", "http://127.0.0.1:{other}", "null", "https://127.0.0.1:{port}"]
)
def test_a_websocket_from_another_origin_is_refused_and_starts_no_process(origin):
    with serving() as (server, port, _):
        assert _refused(port, origin=origin.format(port=port, other=port + 1)) == 403
        time.sleep(1)
        assert not children(server.pid), "a refused page started a process"


def test_a_websocket_from_the_pages_own_origin_starts_its_app():
    with serving() as (server, port, _):
        connection = _connect(port, origin=f"http://localhost:{port}", host=f"localhost:{port}")
        try:
            assert wait_until(lambda: children(server.pid), 15), "the page's app did not start"
        finally:
            connection.close()


def test_the_page_connects_back_to_the_name_it_was_loaded_from():
    with serving() as (_, port, _lines):
        _, body = _http(port, f"localhost:{port}")
        assert f'data-session-websocket-url="ws://localhost:{port}/ws"' in body
        _, body = _http(port, f"127.0.0.1:{port}")
        assert f'data-session-websocket-url="ws://127.0.0.1:{port}/ws"' in body


# Limits.


def test_pages_beyond_the_cap_are_refused_with_a_reason_and_no_process():
    with serving("--max-pages", "2") as (server, port, lines):
        first, second = _connect(port, suppress_origin=True), _connect(port, suppress_origin=True)
        try:
            assert wait_until(lambda: len(children(server.pid)) == 2, 20), "the two pages' apps did not start"
            third = _connect(port, suppress_origin=True)
            try:
                code, reason = _closing(third)
            finally:
                third.close()
            assert code == 1013 and "2 pages" in reason, (code, reason)
            time.sleep(1)
            assert len(children(server.pid)) == 2, "the page beyond the cap started a process"
            assert wait_until(lambda: any("refused a page" in line for line in lines), 5), lines
        finally:
            first.close()
            second.close()
        # A page that leaves frees its place.
        assert wait_until(lambda: not children(server.pid), 20)
        again = _connect(port, suppress_origin=True)
        try:
            assert wait_until(lambda: children(server.pid), 20), "a freed place was not given again"
        finally:
            again.close()


def test_the_window_asked_for_is_clamped_to_what_a_screen_can_be():
    with serving() as (server, port, _):
        connection = websocket.create_connection(
            f"ws://127.0.0.1:{port}/ws?width=20000&height=20000", suppress_origin=True, timeout=10
        )
        try:
            assert wait_until(lambda: children(server.pid), 15), "the page's app did not start"
            page = children(server.pid)[0]
            # read once the process has exec'd: between fork and exec /proc shows the server's own environment
            assert wait_until(lambda: "ROWS" in environment_of(page), 15), "the page's app did not start"
            environment = environment_of(page)
            assert (environment["COLUMNS"], environment["ROWS"]) == ("500", "200")
        finally:
            connection.close()


@pytest.mark.parametrize("message", ["not json", "[]", '["resize", {"width": "wide"}]', '{"stdin": 1}', '["stdin", 5]'])
def test_a_malformed_message_is_one_line_in_the_log_and_closes_the_page(message):
    with serving() as (server, port, lines):
        connection = _connect(port, suppress_origin=True)
        try:
            assert wait_until(lambda: children(server.pid), 15), "the page's app did not start"
            before = len(lines)
            connection.send(message)
            code, _ = _closing(connection)
        finally:
            connection.close()
        assert code == 1003
        assert wait_until(lambda: not children(server.pid), 15), "the page's process outlived it"
        said = [line for line in lines[before:] if "GET /ws" not in line]
        assert len(said) == 1 and "malformed" in said[0], said
        assert not any("Traceback" in line or "locals" in line for line in lines), lines


# Options.


@pytest.mark.parametrize("port", ["99999", "-1", "65536", "http"])
def test_a_port_that_cannot_be_is_a_clear_error(port):
    result = subprocess.run(
        [sys.executable, "-m", "tui", "serve", f"--port={port}"],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "serving at" not in result.stdout
    assert "--port" in result.stderr and "0 to 65535" in result.stderr, result.stderr


def test_port_0_says_the_port_it_was_given():
    with started("--port", "0") as (_, lines):
        port = served_port(lines)
        assert port != 0
        assert _http(port, f"127.0.0.1:{port}")[0] == 200


def _ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _ipv6_loopback(), reason="no IPv6 loopback here")
def test_the_ipv6_loopback_is_said_in_brackets():
    with started("--host", "::1", "--port", "0") as (_, lines):
        port = served_port(lines)
        assert any(f"serving at http://[::1]:{port}" in line for line in lines), lines
        status, body = _http(port, f"[::1]:{port}", address="::1")
        assert status == 200 and f'data-session-websocket-url="ws://[::1]:{port}/ws"' in body


def test_every_interface_is_warned_about_and_the_page_never_points_at_0_0_0_0():
    with started("--host", "0.0.0.0", "--port", "0", "--allow-host", "newsline.test") as (_, lines):
        port = served_port(lines)
        assert any("warning" in line and "reachable from the network" in line for line in lines), lines
        _, body = _http(port, f"127.0.0.1:{port}")
        assert "0.0.0.0" not in body and f"ws://127.0.0.1:{port}/ws" in body
        status, body = _http(port, f"newsline.test:{port}")  # a name given with --allow-host
        assert status == 200 and f"ws://newsline.test:{port}/ws" in body
        assert _http(port, f"{socket.gethostname()}:{port}")[0] == 200  # the machine's own name
        assert _http(port, f"evil.example:{port}")[0] == 421


def test_the_log_is_one_line_per_request_with_no_control_characters():
    with serving() as (_, port, lines):
        _http(port, f"127.0.0.1:{port}", "/?\x9b31m", extra="User-Agent: a\x85b\x9b2J\r\n")
        assert wait_until(lambda: any("GET /?" in line for line in lines), 5), lines
        time.sleep(0.5)
        assert not any(re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", line) for line in lines), lines


# The checks on the page's messages, without a server.


def test_messages_are_checked_and_sizes_clamped():
    from tui.serve import clamp_size, parse_message

    assert parse_message('["stdin", "q"]') == ("stdin", "q")
    assert parse_message('["resize", {"width": 20000, "height": -3}]') == ("resize", (500, 1))
    assert parse_message('["resize", {"width": 100, "height": 30}]') == ("resize", (100, 30))
    assert parse_message('["ping", "123"]') == ("ping", "123")
    assert parse_message('["focus"]') == ("focus", None)
    assert parse_message('["blur"]') == ("blur", None)
    assert parse_message('["something new", 1]') == ("something new", None)  # ignored, as textual-serve does
    for malformed in (
        "not json",
        "[]",
        "{}",
        "[1]",
        '["stdin"]',
        '["stdin", 5]',
        '["resize", {"width": true, "height": 30}]',
        '["resize", {"width": 1.5, "height": 30}]',
        '["resize", [1, 2]]',
        '["ping", {"a": 1}]',
        json.dumps(["ping", "x" * 1000]),
    ):
        with pytest.raises(ValueError):
            parse_message(malformed)
    assert clamp_size("20000", "20000") == (500, 200)
    assert clamp_size("wide", "0") == (80, 1)
    assert clamp_size("9" * 5000, "24") == (500, 24)
