"""Benchmark: export 10 000 synthetic events to TimelineJS, CSV and Markdown.

Run on demand:  python -m tests.benchmarks.bench_export
Each export is timed on a freshly resolved timeline (resolving itself is not timed, but the labels and
explanations it leaves to the first reader are: an export is their first reader), best of 3, against a
baseline measured in the same run: loading and validating the same file. Target: each format under 1 s.
"""

from __future__ import annotations

import json
import sys
import time

from tests.synthetic import synthetic_report
from tui.export import FORMATS, export
from tui.model import parse_report
from tui.temporal import resolve

SIZE = 10_000
TARGET_SECONDS = 1.0
RUNS = 3


def main() -> int:
    text = json.dumps(synthetic_report(SIZE))
    loads = []
    for _ in range(RUNS):
        start = time.perf_counter()
        report = parse_report(text)
        loads.append(time.perf_counter() - start)
    load = min(loads)
    print(f"{SIZE} events · baseline, load + validate: {load:.3f} s")
    layers = []
    for _ in range(RUNS):
        timeline = resolve(report)
        start = time.perf_counter()
        for row in timeline.events:
            row.certain, row.likely  # noqa: B018 - what the first reader of a timeline pays: labels, explanations
        layers.append(time.perf_counter() - start)
    print(f"reading both layers of every event once (the engine's lazy labels): {min(layers):.3f} s")
    print(f"{'format':>11} {'export s':>9} {'export/load':>12} {'size MB':>8}")
    ok = True
    for fmt in FORMATS:
        times = []
        for _ in range(RUNS):
            timeline = resolve(report)
            start = time.perf_counter()
            output = export(timeline, fmt)
            times.append(time.perf_counter() - start)
        took = min(times)
        ok = ok and took < TARGET_SECONDS
        print(f"{fmt:>11} {took:>9.3f} {took / load:>11.2f}× {len(output.encode()) / 1e6:>8.1f}")
    print(
        f"target: {SIZE} events exported in under {TARGET_SECONDS:.0f} s in every format: {'met' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
