"""Benchmark: resolve 1k, 10k and 100k synthetic events with two relations each.

Run on demand:  python -m tests.benchmarks.bench_engine
Each size is timed against a baseline measured in the same run: loading and validating the same file
(JSON parsing, every span checked against the text, every reference resolved). The growth column is the
time ratio to the previous size, which is 10× larger: near-linear cost shows as a ratio near 10.
"""

from __future__ import annotations

import json
import sys
import time

from tests.synthetic import synthetic_report
from tui.model import parse_report
from tui.temporal import resolve

SIZES = (1_000, 10_000, 100_000)
TARGET_SECONDS = 3.0  # 100k events


def best_of(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    print(f"{'events':>8} {'load s':>8} {'resolve s':>10} {'resolve/load':>13} {'growth':>7}")
    previous = None
    resolve_100k = None
    for size in SIZES:
        text = json.dumps(synthetic_report(size))
        runs = 3
        load = best_of(runs, lambda text=text: parse_report(text))
        report = parse_report(text)
        timeline = None

        def work(report=report) -> None:
            nonlocal timeline
            timeline = resolve(report)

        took = best_of(runs, work)
        assert timeline is not None and timeline.conflicts == () and len(timeline) == size
        growth = f"{took / previous:6.1f}×" if previous else "      "
        print(f"{size:>8} {load:>8.3f} {took:>10.3f} {took / load:>12.2f}× {growth}")
        previous = took
        resolve_100k = took
    ok = resolve_100k is not None and resolve_100k < TARGET_SECONDS
    print(f"target: 100k events resolved in under {TARGET_SECONDS:.0f} s: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
