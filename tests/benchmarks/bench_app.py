"""Benchmark: how fast the app shows its first screen, and how fast a filter keystroke is with 10 000 events.

Run on demand:  python -m tests.benchmarks.bench_app   (exit status 1 if a target is missed)

Each measurement is a ratio to a baseline measured in the same run, so a slow machine moves both:

start   Start to the first full screen, in a fresh process each time, so imports count. The baseline is a bare
        Textual app with a Header and a Footer; ours is ``newsline`` on the bundled report, built by the CLI's
        own ``tui.commands.view.prepare`` (arguments parsed, file loaded and validated, Textual and the app imported,
        keymap read, app built) after importing only what the console script imports. Each is a tiny driver
        script in a temporary directory that runs headless at 120×35 and prints the seconds from its own first
        line (interpreter start-up, the same for both, is not counted) to the first frame that shows the whole
        screen: the first frame drawn once the footer has laid out its keys. Textual's footer fills in only
        after the first frames (it waits for the screen's bindings), so "the frame after mounting" would time
        a screen with an empty footer. The package's bytecode is compiled first, as ``pip install`` does: a
        checkout run under PYTHONDONTWRITEBYTECODE would otherwise compile every module of ours on every start
        (about 40 ms) while Textual's own bytecode is already there. One untimed run of each warms the disk
        cache, then RUNS runs each, alternating; medians compared. Target: ours/baseline ≤ 1.3 (issue 19; 1.5 before it).
filter  One search keystroke with 10 000 synthetic events, against the same keystroke on the bundled
        27-event report. "/" opens the search and QUERY is typed one character at a time, ROUNDS times
        (escape clears between rounds, not timed); the query first keeps every event, then narrows to
        1 111, 111 and 11. The app is built as the CLI builds it (collector held off until the first
        screen). For each keystroke the clock starts when the pilot sends the key, and the app's frames
        are recorded (``App._display``, where a frame goes to the terminal):
          to screen   wall time until the first frame drawn after the filter ran: the frame that shows
                      the filtered list, the status line and, if the selection moved, its detail panes.
                      Target: median under 30 ms.
          settled     CPU time until the last frame of the keystroke, when Textual has also redrawn what
                      the new layout moved (scrollbars). Its wall time is not reported as work: Textual
                      paces frames, so the app sleeps between them.
          pilot       for comparison with earlier figures: CPU time from ``pilot.press`` until
                      ``pilot.pause()`` returns, which includes the pilot's own waiting for idle (a bare
                      Textual app holding one Input measures 7 ms on it).
"""

from __future__ import annotations

import asyncio
import compileall
import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import tui
from tests.synthetic import synthetic_report
from tui.model import Report, bundled_path, load_report, parse_report
from tui.temporal import Timeline, resolve

RUNS = 9
START_TARGET_RATIO = 1.3
EVENTS = 10_000
QUERY = "number 123"  # every synthetic summary is "Synthetic <word> number <index>"
ROUNDS = 3
KEYSTROKE_TARGET_MS = 30.0
SIZE = (120, 35)

BASELINE_DRIVER = """\
import time

START = time.perf_counter()

from textual.app import App
from textual.widgets import Footer, Header


class Bare(App[None]):
    def compose(self):
        yield Header()
        yield Footer()

    def _display(self, screen, renderable) -> None:  # where Textual hands each frame to the terminal
        super()._display(screen, renderable)
        keys = self.screen.query_one(Footer).children
        if renderable is not None and keys and all(key.region.area for key in keys) and READY is None:
            ready()
            self.exit()


READY = None


def ready() -> None:
    global READY
    READY = time.perf_counter()


Bare().run(headless=True, size=(120, 35))
print(READY - START)
"""

NEWSLINE_DRIVER = """\
import time

START = time.perf_counter()

from tui.commands import view  # all that the console script imports before the viewer's start-up

app = view.prepare([])  # imports Textual and the app, with the collector held off as newsline does
assert not isinstance(app, int), app

from textual.widgets import Footer  # loaded by now

READY = None
display = app._display  # where Textual hands each frame to the terminal


def timed_display(screen, renderable) -> None:
    global READY
    display(screen, renderable)
    keys = app.screen.query_one(Footer).children
    if renderable is not None and keys and all(key.region.area for key in keys) and READY is None:
        READY = time.perf_counter()
        assert app.query_one("#timeline").border_title == "Timeline", "NewslineApp.on_mount did not run"
        assert app.query_one("#event").text, "the event pane is empty"
        app.exit()


app._display = timed_display
app.run(headless=True, size=(120, 35))
print(READY - START)
"""


def run_driver(script: Path) -> float:
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL
    )
    if result.returncode != 0:
        raise SystemExit(f"{script.name} failed ({result.returncode}):\n{result.stderr}")
    return float(result.stdout.strip().splitlines()[-1])


def start_times() -> tuple[float, float]:
    """The median seconds to the first screen: (bare Textual app, newsline)."""
    compileall.compile_dir(Path(tui.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory(prefix="newsline-bench-") as directory:
        baseline, ours = Path(directory, "bare_app.py"), Path(directory, "newsline_app.py")
        baseline.write_text(BASELINE_DRIVER, encoding="utf-8")
        ours.write_text(NEWSLINE_DRIVER, encoding="utf-8")
        times: dict[Path, list[float]] = {baseline: [], ours: []}
        for script in (baseline, ours):
            run_driver(script)  # warm-up, not timed
        for _ in range(RUNS):
            for script in (baseline, ours):
                times[script].append(run_driver(script))
    return statistics.median(times[baseline]), statistics.median(times[ours])


class Keystrokes:
    """Per keystroke: wall seconds to the first frame after the filter, CPU seconds to the last frame,
    and CPU seconds of the pilot's round trip."""

    def __init__(self) -> None:
        self.to_screen: list[float] = []
        self.settled: list[float] = []
        self.pilot: list[float] = []


async def keystroke_times(report: Report, timeline: Timeline) -> Keystrokes:
    """QUERY typed ROUNDS times into the search box."""
    from tui.app import NewslineApp

    gc.disable()  # as tui.commands.view.prepare does: the app resumes collection after its first screen
    app = NewslineApp(report, timeline=timeline, keymap={})
    frames: list[tuple[float, float]] = []
    filtered = [0.0]
    display, apply_filters = app._display, app.apply_filters

    def record_frame(screen, renderable) -> None:  # type: ignore[no-untyped-def]
        display(screen, renderable)
        if renderable is not None:
            frames.append((time.perf_counter(), time.process_time()))

    def record_filter(filters) -> None:  # type: ignore[no-untyped-def]
        apply_filters(filters)
        filtered[0] = time.perf_counter()

    app._display = record_frame  # type: ignore[method-assign]
    app.apply_filters = record_filter  # type: ignore[method-assign]
    result = Keystrokes()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert gc.isenabled(), "the app did not resume garbage collection after its first screen"
        for _ in range(ROUNDS):
            await pilot.press("slash")
            await pilot.pause()
            for char in QUERY:
                frames.clear()
                start, start_cpu = time.perf_counter(), time.process_time()
                await pilot.press("space" if char == " " else char)
                await pilot.pause()
                result.pilot.append(time.process_time() - start_cpu)
                after = [frame for frame in frames if frame[0] >= filtered[0] >= start]
                assert after, "no frame was drawn after the filter ran"
                result.to_screen.append(after[0][0] - start)
                result.settled.append(after[-1][1] - start_cpu)
            assert app.query_one("#search").value == QUERY, "the keystrokes did not reach the search box"
            assert app.view.filters.text == QUERY, "the search did not filter"
            await pilot.press("escape")
            await pilot.pause()
    return result


def synthetic() -> tuple[Report, Timeline]:
    report = parse_report(json.dumps(synthetic_report(EVENTS)))
    return report, resolve(report)


def bundled() -> tuple[Report, Timeline]:
    report = load_report(bundled_path())
    return report, resolve(report)


def main() -> int:
    start_base, start_ours = start_times()
    start_ok = start_ours / start_base <= START_TARGET_RATIO

    base = asyncio.run(keystroke_times(*bundled()))
    ours = asyncio.run(keystroke_times(*synthetic()))
    keys_ok = statistics.median(ours.to_screen) * 1000 < KEYSTROKE_TARGET_MS

    def verdict(ok: bool) -> str:
        return "met" if ok else "MISSED"

    def row(name: str, base: float, ours: float, unit: str, target: str = "", ok: bool | None = None) -> tuple:
        scale, digits = (1, 3) if unit == "s" else (1000, 1)
        return (
            name,
            f"{base * scale:.{digits}f} {unit}",
            f"{ours * scale:.{digits}f} {unit}",
            f"{ours / base:.2f}×",
            target,
            "" if ok is None else verdict(ok),
        )

    median, n = statistics.median, len(ours.to_screen)
    rows = [
        ("measurement", "baseline", "newsline", "ratio", "target", ""),
        row(
            f"start to first screen, median of {RUNS}",
            start_base,
            start_ours,
            "s",
            f"ratio ≤ {START_TARGET_RATIO}",
            start_ok,
        ),
        row(
            f"keystroke to screen (wall), median of {n}",
            median(base.to_screen),
            median(ours.to_screen),
            "ms",
            "< 30 ms",
            keys_ok,
        ),
        row("keystroke to screen (wall), max", max(base.to_screen), max(ours.to_screen), "ms"),
        row("keystroke settled (CPU), median", median(base.settled), median(ours.settled), "ms"),
        row("keystroke settled (CPU), max", max(base.settled), max(ours.settled), "ms"),
        row("pilot round trip (CPU), median", median(base.pilot), median(ours.pilot), "ms"),
    ]
    widths = [max(len(cells[column]) for cells in rows) for column in range(len(rows[0]))]
    for cells in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip())
    print(
        "baseline: a bare Textual app with Header and Footer (start); the bundled 27-event report (keystroke). "
        f"newsline: the bundled report (start); {EVENTS:,} synthetic events (keystroke), query {QUERY!r}."
    )
    return 0 if start_ok and keys_ok else 1


if __name__ == "__main__":
    sys.exit(main())
