"""Benchmark: export 10 000 synthetic events to TimelineJS, CSV and Markdown.

Run on demand:  python -m tests.benchmarks.bench_export
Each export is timed on a freshly resolved timeline (resolving itself is not timed, but the labels and
explanations it leaves to its first reader are: an export is that first reader), best of 3, against a
baseline measured in the same run: loading and validating the same file. Both wall-clock and CPU time
are shown: on a machine shared with other work the CPU time is what a quiet machine's wall clock would
read (exporting is single-threaded). Target: each format under 1 s.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

from tests.synthetic import synthetic_report
from tui.export import FORMATS, export
from tui.model import Report, parse_report
from tui.temporal import Timeline, resolve

SIZE = 10_000
TARGET_SECONDS = 1.0
RUNS = 3


def best(work: Callable[[], object], prepare: Callable[[], object] = lambda: None) -> tuple[float, float, object]:
    """Best wall-clock and CPU seconds of RUNS runs of ``work(prepare())``, and its last result."""
    walls, cpus, result = [], [], None
    for _ in range(RUNS):
        argument = prepare()
        wall, cpu = time.perf_counter(), time.process_time()
        result = work(argument) if argument is not None else work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus), result


def main() -> int:
    text = json.dumps(synthetic_report(SIZE))
    load_wall, load_cpu, report = best(lambda: parse_report(text))
    assert isinstance(report, Report)
    print(f"{SIZE} events · baseline, load + validate: {load_wall:.3f} s wall, {load_cpu:.3f} s CPU")

    def read_layers(timeline: Timeline) -> None:
        for row in timeline.events:
            row.certain, row.likely  # noqa: B018 - what any first reader pays: labels and explanations

    wall, cpu, _ = best(read_layers, lambda: resolve(report))
    print(f"of which any first reader's share, both layers of every event: {wall:.3f} s wall, {cpu:.3f} s CPU")
    print(f"{'format':>11} {'wall s':>7} {'CPU s':>7} {'CPU/load CPU':>13} {'size MB':>8}")
    ok = True
    for fmt in FORMATS:
        wall, cpu, output = best(lambda timeline, fmt=fmt: export(timeline, fmt), lambda: resolve(report))
        assert isinstance(output, str)
        ok = ok and cpu < TARGET_SECONDS
        print(f"{fmt:>11} {wall:>7.3f} {cpu:>7.3f} {cpu / load_cpu:>12.2f}× {len(output.encode()) / 1e6:>8.1f}")
    verdict = "met" if ok else "MISSED"
    print(f"target: {SIZE} events exported in under {TARGET_SECONDS:.0f} s (CPU) in every format: {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
