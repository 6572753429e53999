"""The installed ``newsline`` command works in a real terminal, as a user sees it.

These tests launch the console script from the environment running the tests (not ``python -m tui`` and
not Textual's headless pilot) inside a detached tmux session of 120×35 with TERM=xterm-256color, then read
the screen with ``tmux capture-pane`` and drive it with ``tmux send-keys``. They prove that the entry
point is installed and starts the app on the bundled report, that the first screen shows the headline,
the timeline and the footer, that the search filters as you type and escape clears it, that q quits
(the process exits and the session ends), that a broken file gets a clean error and exit status 2, that
hostile text in the data neither sets the window title nor moves a border, and that a crash exits non-zero.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]  # tmux; spaCy behind the review: waited on up to 90 s

NEWSLINE = Path(sys.executable).parent / "newsline"
TMUX = shutil.which("tmux")
WIDTH, HEIGHT = 120, 35
UNFILTERED = "27 of 27 events · filter: none"
# The tmux server passes its first client's environment to the pane. Under pytest the C-level environment
# holds LINES=24 and COLUMNS=80 (GNU readline exports them once imported), and Textual obeys them, which would
# draw an 80×24 app in the 120×35 pane; an explicit environment without them leaves the size to the terminal.
CLEAN_ENV = {name: value for name, value in os.environ.items() if name not in ("LINES", "COLUMNS")}
QUERY = "Koupyansk"  # the article's own spelling of Kupiansk


def wait_for(what: str, check: Callable[[], object], timeout: float, last: Callable[[], str]) -> object:
    """Poll ``check`` every 0.2 s until it returns something truthy; fail with the last screen if it never does."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}; the screen was:\n{last()}")
        time.sleep(0.2)


class Terminal:
    """A tmux session running one command on its own server (socket), so tests never touch the user's tmux."""

    def __init__(self, socket: str, session: str = "newsline") -> None:
        self.socket, self.session, self.screen = socket, session, ""

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [str(TMUX), "-L", self.socket, "-f", "/dev/null", *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=10, check=check, env=CLEAN_ENV)

    def start(self, command: list[str], env: dict[str, str]) -> None:
        options = [arg for name, value in env.items() for arg in ("-e", f"{name}={value}")]
        # tmux sets TERM from default-terminal, so that option (not -e TERM=…) decides what the app sees
        self.tmux(
            "set-option", "-g", "default-terminal", "xterm-256color", ";",
            "new-session", "-d", "-s", self.session, "-x", str(WIDTH), "-y", str(HEIGHT), *options, *command,
        )  # fmt: skip

    def capture(self) -> str:
        result = self.tmux("capture-pane", "-p", "-t", self.session, check=False)
        if result.returncode == 0:
            self.screen = result.stdout
        return self.screen

    def alive(self) -> bool:
        return self.tmux("has-session", "-t", self.session, check=False).returncode == 0

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", self.session, *(["-l"] if literal else []), *keys)

    def wait_for_text(self, text: str, timeout: float = 10.0) -> str:
        """The screen once it shows ``text`` and is the same in two captures in a row (not a half-drawn frame)."""
        previous = ""

        def settled() -> str | None:
            nonlocal previous
            before, now = previous, self.capture()
            previous = now
            return now if text in now and now == before else None

        return wait_for(repr(text), settled, timeout, lambda: self.screen)

    def kill(self) -> None:
        self.tmux("kill-server", check=False)


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    if TMUX is None:
        pytest.skip("tmux is not installed")
    if not NEWSLINE.exists():
        pytest.skip(f"the newsline console script is not installed next to the interpreter: {NEWSLINE}")
    term = Terminal(f"newsline-test-{uuid.uuid4().hex[:12]}")
    try:
        yield term
    finally:
        term.kill()


def test_newsline_in_a_real_terminal_opens_searches_and_quits(terminal: Terminal, tmp_path: Path):
    # a keymap path that does not exist, so the user's own keymap cannot move the keys this test presses
    terminal.start([str(NEWSLINE)], env={"NEWSLINE_KEYMAP": str(tmp_path / "no-keymap.toml")})
    screen = terminal.wait_for_text(UNFILTERED, timeout=20)

    assert "Le plus gros coup porté" in screen.splitlines()[0]
    assert "Timeline" in screen
    assert "≈ Sat 10 Sep" in screen  # the likely timeline, marked where it rests on a default
    assert "Quit" in screen

    # "/" opens the search; wait for the screen to change so the query goes to the search box
    terminal.keys("/")
    wait_for("the search to open", lambda: terminal.capture() != screen, 10, lambda: terminal.screen)
    terminal.keys(QUERY, literal=True)
    screen = terminal.wait_for_text(f"filter: “{QUERY}”")
    match = re.search(r"(\d+) of 27 events · filter: “" + QUERY + "”", screen)
    assert match, screen
    shown = int(match.group(1))
    assert 1 <= shown < 27, screen

    terminal.keys("Escape")
    terminal.wait_for_text(UNFILTERED)

    terminal.keys("q")
    wait_for("q to end the session", lambda: not terminal.alive(), 10, lambda: terminal.screen)


def test_installed_command_reports_a_broken_file_without_a_traceback(tmp_path: Path):
    if not NEWSLINE.exists():
        pytest.skip(f"the newsline console script is not installed next to the interpreter: {NEWSLINE}")
    path = tmp_path / "broken.json"
    path.write_text('{"format":', encoding="utf-8")
    result = subprocess.run(
        [str(NEWSLINE), str(path)], capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
    )
    assert result.returncode == 2
    assert "not valid JSON" in result.stderr
    assert "Traceback" not in result.stderr


def test_hostile_text_in_a_real_terminal_keeps_the_title_and_the_borders(terminal: Terminal, tmp_path: Path):
    """Escapes in the data neither set the window title nor move the cursor, and no character drawn at a
    width the terminal disagrees on pushes a border: every line of the panes ends on its right border."""
    import json

    from ..hostile import hostile_report_data

    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(hostile_report_data(), ensure_ascii=False), encoding="utf-8")
    env = {"NEWSLINE_KEYMAP": str(tmp_path / "no-keymap.toml")}
    terminal.start([str(NEWSLINE), str(path)], env=env)
    terminal.tmux("select-pane", "-t", terminal.session, "-T", "untouched")
    screen = terminal.wait_for_text("3 of 3 events", timeout=20)
    for step in ("j", "j", "t"):  # every event in the detail panes, and the axis
        terminal.keys(step)
        time.sleep(0.5)
        screen = terminal.wait_for_text("3 of 3 events")
        title = terminal.tmux("display-message", "-p", "-t", terminal.session, "#{pane_title}").stdout.strip()
        assert title == "untouched", f"the data set the terminal's title to {title!r}"
        lines = screen.splitlines()
        assert lines[0].startswith(" Titre ␛]0;pwned␇"), screen
        panes = [line for line in lines[2:-2] if line.strip()]
        assert len(panes) >= HEIGHT - 6, screen
        assert all(line.rstrip()[-1] in "│╮╯▊▎┃" for line in panes), screen
        assert "3 of 3 events" in lines[-2], screen
    terminal.keys("q")
    wait_for("q to end the session", lambda: not terminal.alive(), 10, lambda: terminal.screen)


def test_a_crash_after_opening_never_exits_0(terminal: Terminal, tmp_path: Path):
    status = tmp_path / "status"
    crash = (
        "import sys\n"
        "from tui.app.widgets import details\n"
        "def boom(self, row): raise RuntimeError('a defect in a pane')\n"
        "details.EventPane.render_event = boom\n"
        "from tui.commands import main\n"
        "sys.exit(main([]))\n"
    )
    script = tmp_path / "crash.py"
    script.write_text(crash, encoding="utf-8")
    command = f"{sys.executable} {script}; echo $? > {status}; sleep 30"
    terminal.start(["sh", "-c", command], env={"NEWSLINE_KEYMAP": str(tmp_path / "no-keymap.toml")})
    wait_for("the crashed app to exit", lambda: status.exists() and status.read_text().strip(), 30, terminal.capture)
    assert status.read_text().strip() == "1"


def test_newsline_opens_a_plain_text_report_drafts_it_and_saves_the_review(terminal: Terminal, tmp_path: Path):
    report = tmp_path / "greve.txt"
    report.write_text(
        (Path(__file__).parents[1] / "reports" / "greve.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    terminal.start([str(NEWSLINE), str(report)], env={"NEWSLINE_KEYMAP": str(tmp_path / "no-keymap.toml")})
    screen = terminal.wait_for_text("Accept", timeout=90)  # spaCy loads in a worker first; the footer comes last
    assert "Review the draft of greve.txt" in screen and "to review" in screen
    assert "Drafted events" in screen
    assert "K Kind" in screen and "? Help" in screen  # the kind on K (k moves, as in the viewer), every key reachable

    terminal.keys("a")  # accept the first event
    terminal.wait_for_text("1 accepted", timeout=30)
    terminal.keys("C-s")
    terminal.wait_for_text("v opens it in the viewer", timeout=30)
    saved = tmp_path / "greve.events.json"
    assert saved.is_file()

    terminal.keys("v")  # the saved file in the normal viewer
    screen = terminal.wait_for_text("filter: none", timeout=30)
    assert "Grève à la SNCF" in screen
    terminal.keys("q")
    wait_for("q to end the session", lambda: not terminal.alive(), 10, lambda: terminal.screen)


def test_a_large_file_shows_the_loading_screen_then_the_timeline(terminal: Terminal, tmp_path: Path):
    """From 2 MB on, the first screen is the loading screen, with the step under way; then the panes."""
    import json

    from tests.synthetic import synthetic_report

    path = tmp_path / "big.json"
    path.write_text(json.dumps(synthetic_report(4_000)), encoding="utf-8")
    assert path.stat().st_size >= 2_000_000
    terminal.start([str(NEWSLINE), str(path)], env={"NEWSLINE_KEYMAP": str(tmp_path / "no-keymap.toml")})
    seen = wait_for(
        "the loading screen or the timeline",
        lambda: next((s for s in [terminal.capture()] if "Opening big.json" in s or "of 4000 events" in s), None),
        20,
        lambda: terminal.screen,
    )
    if "Opening big.json" in seen:  # a fast machine may be done before the first capture
        assert re.search(r"step [123] of 3: ", seen), seen
    terminal.wait_for_text("4000 of 4000 events · filter: none", timeout=60)
    terminal.keys("q")
    wait_for("q to end the session", lambda: not terminal.alive(), 10, lambda: terminal.screen)
