"""Benchmark: every whole-timeline command at 100 000 events, against ``json.loads`` + ``json.dumps`` of the file.

Run on demand:  python -m tests.benchmarks.bench_commands [EVENTS] [ROUNDS]
                (exit status 1 if a target is missed)

Each measurement is a fresh process, as a user runs it, timed from its first line (the interpreter's own
start, the same for all, is not counted; imports are):

baseline      ``json.loads`` of the file then ``json.dumps`` of what it read: Python's own cost of merely
              reading the file as data and writing it back as text.
commands      ``newsline timeline FILE --json``, ``newsline timeline FILE`` (the table) and ``newsline export
              FILE --to timelinejs|csv|markdown``, their output to ``/dev/null`` (through the same
              ``sys.stdout`` they write to: encoding included). Target: each ≤ 3× the baseline.
app           ``newsline FILE`` until its panes replace the loading screen (the timeline and the event pane
              filled), headless at 120×35, built as the CLI builds it. Target: ≤ 4× the baseline.

Every round runs each command once, between two runs of the baseline: each command's ratio is to the mean of
the baselines just before and just after it, so that the machine's load, which on this shared 2-core machine
moves the timings by half from one minute to the next, moves both alike; the ratio shown is the median over
the rounds. Wall-clock time is what the targets read; CPU time (all threads of the process) is shown too:
it is what a quiet machine's wall clock would read. Peak memory (VmHWM) of each process is shown against the
target of 400 MB.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.benchmarks.timing import PEAK_MB
from tests.synthetic import synthetic_report

EVENTS = 100_000
ROUNDS = 3
COMMAND_TARGET = 3.0
APP_TARGET = 4.0
MEMORY_TARGET_MB = 400

# Each driver prints, as its last line: wall seconds, CPU seconds, peak MB.
BASELINE_DRIVER = (
    PEAK_MB
    + """\
import json, sys, time

START, CPU = time.perf_counter(), time.process_time()
with open(sys.argv[1], encoding="utf-8") as file:
    data = json.loads(file.read())
text = json.dumps(data)
print(time.perf_counter() - START, time.process_time() - CPU, peak_mb())
"""
)

COMMAND_DRIVER = (
    PEAK_MB
    + """\
import os, sys, time

START, CPU = time.perf_counter(), time.process_time()
sys.stdout = open(os.devnull, "w", encoding="utf-8")
from tui.commands import main

status = main(sys.argv[1:])
assert status == 0, status
print(time.perf_counter() - START, time.process_time() - CPU, peak_mb(), file=sys.stderr)
"""
)

APP_DRIVER = (
    PEAK_MB
    + """\
import sys, time

START, CPU = time.perf_counter(), time.process_time()

from tui.commands import view

app = view.prepare([sys.argv[1]])
assert not isinstance(app, int), app
READY = None
display = app._display


def timed_display(screen, renderable) -> None:
    global READY
    display(screen, renderable)
    if renderable is not None and READY is None and app.query("#timeline") and app.query_one("#event").text:
        READY = time.perf_counter(), time.process_time()
        app.exit()


app._display = timed_display
app.run(headless=True, size=(120, 35))
assert app.load_error is None, app.load_error
print(READY[0] - START, READY[1] - CPU, peak_mb(), file=sys.stderr)
"""
)

COMMANDS: dict[str, tuple[str, ...]] = {
    "timeline --json": ("timeline", "{file}", "--json"),
    "timeline (the table)": ("timeline", "{file}"),
    "export --to timelinejs": ("export", "{file}", "--to", "timelinejs"),
    "export --to csv": ("export", "{file}", "--to", "csv"),
    "export --to markdown": ("export", "{file}", "--to", "markdown"),
}


def run(script: Path, *args: str) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak MB of one fresh process running ``script``."""
    result = subprocess.run(
        [sys.executable, str(script), *args],
        capture_output=True,
        text=True,
        timeout=1800,
        stdin=subprocess.DEVNULL,
        env=None,
    )
    if result.returncode != 0:
        raise SystemExit(f"{script.name} {' '.join(args)} failed ({result.returncode}):\n{result.stderr[-3000:]}")
    wall, cpu, peak = map(float, (result.stderr.strip() or result.stdout.strip()).splitlines()[-1].split())
    return wall, cpu, peak


def main(argv: list[str]) -> int:
    events = int(argv[0]) if argv else EVENTS
    rounds = int(argv[1]) if len(argv) > 1 else ROUNDS
    with tempfile.TemporaryDirectory(prefix="newsline-bench-") as directory:
        big = Path(directory, "big.json")
        big.write_text(json.dumps(synthetic_report(events)), encoding="utf-8")
        scripts = {}
        for name, source in (("baseline", BASELINE_DRIVER), ("command", COMMAND_DRIVER), ("app", APP_DRIVER)):
            scripts[name] = Path(directory, f"{name}.py")
            scripts[name].write_text(source, encoding="utf-8")
        names = [*COMMANDS, "the app, panes filled"]
        runs = {name: (scripts["command"], *(arg.format(file=big) for arg in args)) for name, args in COMMANDS.items()}
        runs["the app, panes filled"] = (scripts["app"], str(big))
        baselines: list[tuple[float, float, float]] = []
        measured: dict[str, list[tuple[float, float, float]]] = {name: [] for name in names}
        around: dict[str, list[tuple[float, float]]] = {name: [] for name in names}  # the baselines beside each
        for number in range(rounds):
            before = run(scripts["baseline"], str(big))
            baselines.append(before)
            for name in names:
                measured[name].append(run(*runs[name]))
                after = run(scripts["baseline"], str(big))
                baselines.append(after)
                around[name].append(((before[0] + after[0]) / 2, (before[1] + after[1]) / 2))
                before = after
            print(f"round {number + 1} of {rounds} done", file=sys.stderr, flush=True)
        size = big.stat().st_size / 1e6
    median = statistics.median
    base_wall, base_cpu = median(b[0] for b in baselines), median(b[1] for b in baselines)
    print(f"{events:,} synthetic events ({size:.0f} MB), {rounds} rounds, medians")
    print(
        f"baseline json.loads + json.dumps ({len(baselines)} runs): {base_wall:.2f} s wall, {base_cpu:.2f} s CPU, ",
        end="",
    )
    print(f"{max(b[2] for b in baselines):.0f} MB")
    print(f"  {'command':<24} {'wall s':>7} {'ratio':>6} {'CPU s':>7} {'ratio':>6} {'peak MB':>8}  target")
    ok = True
    for name in names:
        runs_of, bases = measured[name], around[name]
        wall_ratio = median(run[0] / base[0] for run, base in zip(runs_of, bases, strict=True))
        cpu_ratio = median(run[1] / base[1] for run, base in zip(runs_of, bases, strict=True))
        peak = max(run[2] for run in runs_of)
        target = APP_TARGET if name.startswith("the app") else COMMAND_TARGET
        met = wall_ratio <= target and peak < MEMORY_TARGET_MB
        ok = ok and met
        wall, cpu = median(r[0] for r in runs_of), median(r[1] for r in runs_of)
        print(
            f"  {name:<24} {wall:>7.2f} {wall_ratio:>5.2f}× {cpu:>7.2f}"
            f" {cpu_ratio:>5.2f}× {peak:>8.0f}  ≤ {target:.0f}×, < {MEMORY_TARGET_MB} MB: {'met' if met else 'MISSED'}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
