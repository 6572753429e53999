"""Benchmark: a report of 100 000 events — the first screen, the commands, and the memory of each.

Run on demand:  python -m tests.benchmarks.bench_large   (exit status 1 if a target is missed)

first screen  Start to the first frame, in a fresh process, for ``newsline big.json`` as the CLI builds it
              (a file this large opens behind the loading screen), against a bare Textual app with a Header
              and a Footer (the baseline of bench_app), same run. Also: when the panes replaced the loading
              screen. Target: first frame under 2 s.
table         ``newsline timeline big.json > /dev/null`` (the table for people), against ``newsline timeline
              big.json --json`` in the same run. Both read and resolve the file the same way.
memory        The peak resident memory (VmHWM) of each fresh process: the app until its panes are
              filled, ``timeline --json``, the table, and ``export`` to each format. Target: each under
              400 MB. The baseline is ``json.loads`` of the same file in a fresh process: Python's own cost
              of merely holding the file as data.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.benchmarks.bench_app import BASELINE_DRIVER, run_driver
from tests.benchmarks.timing import PEAK_MB
from tests.synthetic import synthetic_report

EVENTS = 100_000
RUNS = 3
FIRST_SCREEN_TARGET = 2.0

LARGE_DRIVER = (
    PEAK_MB
    + """\
import sys, time

START = time.perf_counter()

from tui.commands import view

app = view.prepare([sys.argv[1]])
assert not isinstance(app, int), app
FIRST = READY = None
display = app._display


def timed_display(screen, renderable) -> None:
    global FIRST, READY
    display(screen, renderable)
    if renderable is None:
        return
    if FIRST is None:
        FIRST = time.perf_counter()
    if READY is None and app.query("#timeline") and app.query_one("#event").text:
        READY = time.perf_counter()
        app.exit()


app._display = timed_display
app.run(headless=True, size=(120, 35))
assert app.load_error is None, app.load_error
print(FIRST - START, READY - START, peak_mb())
"""
)


def run_large(script: Path, path: Path) -> tuple[float, float, float]:
    result = subprocess.run(
        [sys.executable, str(script), str(path)], capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL
    )
    if result.returncode != 0:
        raise SystemExit(f"{script.name} failed ({result.returncode}):\n{result.stderr}")
    first, ready, peak = map(float, result.stdout.split()[-3:])
    return first, ready, peak


MEMORY_TARGET_MB = 400

# A newsline command in a fresh process, its output thrown away: the time it took and its peak memory.
COMMAND_DRIVER = (
    PEAK_MB
    + """\
import os, sys, time

START = time.perf_counter()
sys.stdout = open(os.devnull, "w", encoding="utf-8")
from tui.commands import main

status = main(sys.argv[1:])
assert status == 0, status
print(time.perf_counter() - START, peak_mb(), file=sys.stderr)
"""
)

JSON_DRIVER = (
    PEAK_MB
    + """\
import json, sys

with open(sys.argv[1], encoding="utf-8") as file:
    data = json.load(file)
print(0, peak_mb(), file=sys.stderr)
"""
)


def measured(script: Path, *args: str) -> tuple[float, float]:
    """Seconds and peak MB of one fresh process running ``script`` with ``args``."""
    result = subprocess.run(
        [sys.executable, str(script), *args], capture_output=True, text=True, timeout=900, stdin=subprocess.DEVNULL
    )
    if result.returncode != 0:
        raise SystemExit(f"{script.name} {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    seconds, peak = map(float, result.stderr.split()[-2:])
    return seconds, peak


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="newsline-bench-") as directory:
        big = Path(directory, "big.json")
        big.write_text(json.dumps(synthetic_report(EVENTS)), encoding="utf-8")
        bare, large = Path(directory, "bare_app.py"), Path(directory, "large_app.py")
        bare.write_text(BASELINE_DRIVER, encoding="utf-8")
        large.write_text(LARGE_DRIVER, encoding="utf-8")
        command, loads = Path(directory, "command.py"), Path(directory, "loads.py")
        command.write_text(COMMAND_DRIVER, encoding="utf-8")
        loads.write_text(JSON_DRIVER, encoding="utf-8")
        baselines, runs = [], []
        for _ in range(RUNS):
            baselines.append(run_driver(bare))
            runs.append(run_large(large, big))
        base = statistics.median(baselines)
        first = statistics.median(run[0] for run in runs)
        ready = statistics.median(run[1] for run in runs)
        peak = max(run[2] for run in runs)
        print(f"{EVENTS} events, median of {RUNS}")
        print(f"  bare Textual app, first screen:  {base:6.2f} s")
        print(f"  newsline, first screen:          {first:6.2f} s  ({first / base:.2f}× the bare app)")
        print(f"  newsline, panes filled:          {ready:6.2f} s")
        as_json, json_peak = measured(command, "timeline", str(big), "--json")
        table, table_peak = measured(command, "timeline", str(big))
        print(f"  timeline --json:                 {as_json:6.2f} s")
        print(f"  timeline (table):                {table:6.2f} s  ({table / as_json:.2f}× --json)")
        _, baseline = measured(loads, str(big))
        peaks = {"the app, panes filled": peak, "timeline --json": json_peak, "timeline (table)": table_peak}
        for fmt in ("timelinejs", "csv", "markdown"):
            out = str(Path(directory, f"out.{fmt}"))
            peaks[f"export --to {fmt}"] = measured(command, "export", str(big), "--to", fmt, "-o", out)[1]
        print(f"peak memory (VmHWM), baseline json.loads of the file: {baseline:.0f} MB")
        for name, mb in peaks.items():
            print(f"  {name:<31}  {mb:6.0f} MB  ({mb / baseline:.2f}× json.loads)")
    ok = first < FIRST_SCREEN_TARGET
    print(f"target: first screen under {FIRST_SCREEN_TARGET:.0f} s: {'met' if ok else 'MISSED'}")
    worst = max(peaks.values())
    fits = worst < MEMORY_TARGET_MB
    print(
        f"target: peak memory under {MEMORY_TARGET_MB} MB everywhere: {'met' if fits else 'MISSED'} (at most {worst:.0f} MB)"
    )
    return 0 if ok and fits else 1


if __name__ == "__main__":
    sys.exit(main())
