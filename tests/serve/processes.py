"""Helpers to run newsline processes in their own process groups, on free loopback ports, and always end them."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition: Callable[[], object], timeout: float, step: float = 0.05) -> bool:
    """Poll ``condition`` until it holds or ``timeout`` seconds pass (a bounded loop)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return bool(condition())


def children(pid: int) -> list[int]:
    """Live child processes of ``pid``, from /proc (zombies are not alive)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def end_group(process: subprocess.Popen, *extra: int) -> None:
    """Kill the process's group and any other groups named, then reap it."""
    for group in (process.pid, *extra):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(group, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(5)


@contextlib.contextmanager
def serving(*args: str, cwd: Path = ROOT) -> Iterator[tuple[subprocess.Popen, int, list[str]]]:
    """``newsline serve`` on a free port in its own process group, run in ``cwd`` (where the export key
    writes): (process, port, lines it printed)."""
    port = free_port()
    with started(*args, "--port", str(port), cwd=cwd) as (process, lines):
        assert wait_until(lambda: _accepts(port), 10), f"nothing listens on port {port}: {lines}"
        yield process, port, lines


@contextlib.contextmanager
def started(*args: str, cwd: Path = ROOT) -> Iterator[tuple[subprocess.Popen, list[str]]]:
    """``newsline serve`` with exactly ``args``, in its own process group, once it has said its URL:
    (process, lines it printed, stdout and stderr together). It and its pages are always ended."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "serve", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
        text=True,
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True)  # type: ignore[arg-type]
    reader.start()
    try:
        assert wait_until(lambda: any("serving at" in line for line in lines), 20), f"no URL printed: {lines}"
        yield process, lines
    finally:
        pages = children(process.pid)
        end_group(process, *pages)


def served_port(lines: list[str]) -> int:
    """The port in the URL ``newsline serve`` printed."""
    for line in lines:
        found = re.search(r"serving at http://(?:\[[^\]]*\]|[^:/\s]+):(\d+)", line)
        if found:
            return int(found.group(1))
    raise AssertionError(f"no URL with a port printed: {lines}")


def environment_of(pid: int) -> dict[str, str]:
    """A live process's environment, from /proc."""
    raw = Path(f"/proc/{pid}/environ").read_bytes()
    return dict(entry.split("=", 1) for entry in raw.decode("utf-8", "replace").split("\0") if "=" in entry)


def _accepts(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def page_process(*env: tuple[str, str]) -> subprocess.Popen:
    """``python -m tui`` as ``newsline serve`` runs it for a page: the page driver, pipes for its packets."""
    environment = dict(os.environ, TEXTUAL_DRIVER="tui.app.page_driver:PageDriver", COLUMNS="120", ROWS="40")
    environment.update(env)
    process = subprocess.Popen(
        [sys.executable, "-m", "tui"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=environment,
        start_new_session=True,
    )
    threading.Thread(target=lambda: process.stdout.read(), daemon=True).start()  # type: ignore[union-attr]
    return process


def send_meta(process: subprocess.Popen, data: dict[str, object]) -> None:
    """A meta packet as textual-serve frames it: b"M", a 4-byte length, JSON."""
    payload = json.dumps(data).encode()
    assert process.stdin is not None
    process.stdin.write(b"M" + len(payload).to_bytes(4, "big") + payload)
    process.stdin.flush()
