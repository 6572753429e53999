"""Benchmark: opening a report of 100 000 events — the first screen, the table of `newsline timeline`.

Run on demand:  python -m tests.benchmarks.bench_large   (exit status 1 if a target is missed)

first screen  Start to the first frame, in a fresh process, for ``newsline big.json`` as the CLI builds it
              (a file this large opens behind the loading screen), against a bare Textual app with a Header
              and a Footer (the baseline of bench_app), same run. Also: when the panes replaced the loading
              screen, and the peak memory of the whole run (ru_maxrss). Target: first frame under 2 s.
table         ``newsline timeline big.json > /dev/null`` (the table for people), against ``newsline timeline
              big.json --json`` in the same run. Both read and resolve the file the same way.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.bench_app import BASELINE_DRIVER, run_driver
from tests.synthetic import synthetic_report

EVENTS = 100_000
RUNS = 3
FIRST_SCREEN_TARGET = 2.0

LARGE_DRIVER = """\
import resource, sys, time

START = time.perf_counter()

from tui import cli

app = cli.prepare([sys.argv[1]])
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
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(FIRST - START, READY - START, peak)
"""


def run_large(script: Path, path: Path) -> tuple[float, float, float]:
    result = subprocess.run(
        [sys.executable, str(script), str(path)], capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL
    )
    if result.returncode != 0:
        raise SystemExit(f"{script.name} failed ({result.returncode}):\n{result.stderr}")
    first, ready, peak = map(float, result.stdout.split()[-3:])
    return first, ready, peak


def timed_command(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "tui", *args], stdout=subprocess.DEVNULL, check=True, timeout=900)
    return time.perf_counter() - start


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="newsline-bench-") as directory:
        big = Path(directory, "big.json")
        big.write_text(json.dumps(synthetic_report(EVENTS)), encoding="utf-8")
        bare, large = Path(directory, "bare_app.py"), Path(directory, "large_app.py")
        bare.write_text(BASELINE_DRIVER, encoding="utf-8")
        large.write_text(LARGE_DRIVER, encoding="utf-8")
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
        print(f"  newsline, panes filled:          {ready:6.2f} s  (peak memory {peak:.0f} MB)")
        as_json = timed_command("timeline", str(big), "--json")
        table = timed_command("timeline", str(big))
        print(f"  timeline --json:                 {as_json:6.2f} s")
        print(f"  timeline (table):                {table:6.2f} s  ({table / as_json:.2f}× --json)")
    ok = first < FIRST_SCREEN_TARGET
    print(f"target: first screen under {FIRST_SCREEN_TARGET:.0f} s: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
