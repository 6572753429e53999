"""What a large report shows while it is read and resolved: the file, the step under way, the time so far."""

from __future__ import annotations

import time

from rich.text import Text
from textual.widgets import Static

from tui.view import printable

SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


class LoadingPanel(Static):
    """ "Opening big.json (52.3 MB) · step 2 of 3: resolving the time of 100 000 events… 4.1 s"."""

    STEPS = 3

    def __init__(self, name: str, size: int, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)
        self._title = f"Opening {printable(name)} ({size / 1e6:.1f} MB)"
        self._step, self._what = 0, "starting"
        self._started = time.monotonic()
        self._frame = 0

    def on_mount(self) -> None:
        self._draw()
        self.set_interval(0.1, self._tick)

    def step(self, number: int, what: str) -> None:
        self._step, self._what = number, what
        self._draw()

    def _tick(self) -> None:
        self._frame += 1
        self._draw()

    def _draw(self) -> None:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(self._title + "\n\n", style="bold")
        text.append(f"{SPINNER[self._frame % len(SPINNER)]} ")
        if self._step:
            text.append(f"step {self._step} of {self.STEPS}: ")
        text.append(f"{self._what}… {time.monotonic() - self._started:.1f} s\n\n")
        text.append("q quits", style="dim")
        self.update(text)
