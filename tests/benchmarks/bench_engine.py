"""Benchmark: resolve 1k, 10k and 100k synthetic events with two relations each, in one and in two layers.

Run on demand:  python -m tests.benchmarks.bench_engine
Each size is timed against baselines measured in the same run: loading and validating the same file (JSON
parsing, every span checked against the text, every reference resolved), and resolving the certain layer
alone (``resolve(report, defaults=False)``). The issue's target is that both layers cost at most 2× the
certain layer. The growth column is the time ratio to the previous size, which is 10× larger: near-linear
cost shows as a ratio near 10.
"""

from __future__ import annotations

import json
import sys

from tests.benchmarks.timing import best_of
from tests.synthetic import synthetic_report
from tui.model import parse_report
from tui.temporal import resolve

SIZES = (1_000, 10_000, 100_000)
TARGET_SECONDS = 3.0  # 100k events, certain layer
TARGET_LAYERS = 2.0  # both layers against the certain layer alone


def main() -> int:
    print(
        f"{'events':>8} {'load s':>8} {'certain s':>10} {'both s':>8} {'both/certain':>13} {'both/load':>10} {'growth':>7}"
    )
    previous = None
    certain_100k = ratio_100k = None
    for size in SIZES:
        text = json.dumps(synthetic_report(size))
        runs = 3
        load = best_of(runs, lambda text=text: parse_report(text))
        report = parse_report(text)
        timelines: list = []
        certain = best_of(runs, lambda report=report, out=timelines: out.append(resolve(report, defaults=False)))
        both = best_of(runs, lambda report=report, out=timelines: out.append(resolve(report)))
        timeline = timelines[-1]
        assert timeline.conflicts == () and len(timeline) == size
        dated = sum(1 for row in timeline.events[:: max(1, size // 100)] if row.likely.latest is not None)
        growth = f"{both / previous:6.1f}×" if previous else "      "
        print(
            f"{size:>8} {load:>8.3f} {certain:>10.3f} {both:>8.3f} {both / certain:>12.2f}× {both / load:>9.2f}× {growth}"
        )
        print(f"{'':>8} sample of 100: {dated} with a likely latest time")
        timelines.clear()
        previous = both
        certain_100k, ratio_100k = certain, both / certain
    ok = certain_100k is not None and certain_100k < TARGET_SECONDS
    layers_ok = ratio_100k is not None and ratio_100k <= TARGET_LAYERS
    print(f"target: 100k events, certain layer, under {TARGET_SECONDS:.0f} s: {'met' if ok else 'MISSED'}")
    print(f"target: both layers at most {TARGET_LAYERS:.0f}× the certain layer: {'met' if layers_ok else 'MISSED'}")
    return 0 if ok and layers_ok else 1


if __name__ == "__main__":
    sys.exit(main())
