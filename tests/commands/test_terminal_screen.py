"""Issue 20 in a real terminal, at the README's 120×35 and at 80×24: the installed `newsline` under tmux (see
test_terminal.py for how), checking what a reader sees — every time label whole, the marks explained under the
timeline, every footer key whole with "? Help" among them, the axis following the height on resize, the Why
as a chain in the event pane, and the help explaining the marks and the defaults."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from .test_terminal import NEWSLINE, TMUX, Terminal, wait_for

pytestmark = pytest.mark.slow  # tmux and the installed script

SIZES = [(120, 35), (80, 24)]
LEGEND = "? order not proven · ≈ rests on a default"


class SizedTerminal(Terminal):
    def __init__(self, socket: str, size: tuple[int, int]) -> None:
        super().__init__(socket)
        self.size = size

    def start(self, command: list[str], env: dict[str, str]) -> None:
        width, height = self.size
        options = [arg for name, value in env.items() for arg in ("-e", f"{name}={value}")]
        self.tmux(
            "set-option", "-g", "default-terminal", "xterm-256color", ";",
            "new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height), *options, *command,
        )  # fmt: skip

    def resize(self, width: int, height: int) -> None:
        self.tmux("resize-window", "-t", self.session, "-x", str(width), "-y", str(height))


@pytest.fixture(params=SIZES, ids=["120x35", "80x24"])
def terminal(request, tmp_path: Path) -> Iterator[SizedTerminal]:
    if TMUX is None:
        pytest.skip("tmux is not installed")
    if not NEWSLINE.exists():
        pytest.skip(f"the newsline console script is not installed next to the interpreter: {NEWSLINE}")
    term = SizedTerminal(f"newsline-test-{uuid.uuid4().hex[:12]}", request.param)
    term.start([str(NEWSLINE)], env={"NEWSLINE_KEYMAP": str(tmp_path / "no-keymap.toml")})
    term.wait_for_text("27 of 27 events · filter: none", timeout=30)
    try:
        yield term
    finally:
        term.kill()


def footer_keys_whole(footer: str) -> None:
    """Each key of the footer is a key and a whole word: none cut at the edge ("e E▏", "y ▏")."""
    assert "? Help" in footer or "? All keys" in footer, footer
    assert not re.search(r"\b\w ?▏", footer), footer  # a key or a word run into the palette's border
    words = footer.replace("▏", " ").split()
    known = {"q", "Quit", "?", "Help", "All", "keys", "a", "Actors", "/", "Search", "r", "Article", "c", "Claims",
             "t", "Axis", "y", "Copy", "e", "Export", "^p", "palette", "esc", "Clear", "←", "→", "Earlier", "Later"}  # fmt: skip
    assert set(words) <= known, set(words) - known


def test_labels_legend_and_footer_are_whole(terminal: SizedTerminal):
    screen = terminal.wait_for_text(LEGEND)
    footer_keys_whole(screen.splitlines()[-1])
    terminal.keys("G")  # the last rows: the longest labels ("≈ 10 Sep 12:00 – 11 Sep 12:00")
    screen = terminal.wait_for_text("Refugees receive food")
    assert "≈ 10 Sep 12:00 – 11 Sep 12:00" in screen or "≈ 10 Sep 12:00→11 Sep 12:00" in screen, screen
    assert not re.search(r"\d…", screen), screen  # no time cut mid-way
    terminal.keys("Tab")  # focus moves on; the footer gains or loses keys, never cut
    screen = terminal.wait_for_text(LEGEND)
    footer_keys_whole(screen.splitlines()[-1])


def test_the_why_is_a_chain_and_the_help_explains_the_marks(terminal: SizedTerminal):
    terminal.keys("/")
    wait_for("the search to open", lambda: "Search summaries" in terminal.capture(), 10, lambda: terminal.screen)
    terminal.keys("TASS reports", literal=True)
    terminal.wait_for_text("filter: “TASS reports”")
    terminal.keys("Enter")
    terminal.wait_for_text("1 of 27 events")
    terminal.keys("Enter")  # to the event pane, and down it where the terminal is short
    for _ in range(6 if terminal.size == (80, 24) else 0):
        terminal.keys("Down")
    screen = terminal.wait_for_text("Why, from the words")
    assert "earliest:" in screen, screen
    for _ in range(4 if terminal.size == (80, 24) else 0):
        terminal.keys("Down")
    screen = terminal.wait_for_text("default same-day")  # the first step: its bound, and the default setting it
    assert "←" in screen, screen
    terminal.keys("Escape")  # clear the search
    terminal.wait_for_text("27 of 27 events")
    terminal.keys("?")
    screen = terminal.wait_for_text("Marks on the timeline")
    assert "news-reading default" in screen, screen


def test_on_resize_under_30_rows_the_list_comes_first(terminal: SizedTerminal):
    if terminal.size != (120, 35):
        pytest.skip("starts tall, to be made short")
    terminal.keys("+")  # the axis chosen (zoomed) while tall
    terminal.wait_for_text("2 h per column")
    terminal.resize(80, 24)
    screen = wait_for(
        "the axis to go, and the footer to fit", lambda: (s := terminal.capture()) and "Time axis" not in s
        and "of 27 events" in s and not re.search(r"\b\w ?▏", s.splitlines()[-1]) and s,
        10, lambda: terminal.screen,
    )  # fmt: skip
    footer_keys_whole(screen.splitlines()[-1])
    terminal.resize(120, 35)
    terminal.wait_for_text("Time axis")
