"""Benchmark: redraw the time axis with 10 000 events.

Run on demand:  python -m tests.benchmarks.bench_axis
A redraw is what a zoom, a change of lanes or a filter costs: laying the bars out again and rendering
every line on screen (120×35 terminal). The baseline, measured in the same run, is the same redraw for
the bundled 27-event report. Target: under 30 ms for 10 000 events.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time

from tests.synthetic import synthetic_report
from tui.app import NewslineApp
from tui.app.widgets.axis import TimeAxis
from tui.model import Report, bundled_path, load_report, parse_report
from tui.temporal import resolve

TARGET_MS = 30.0
RUNS = 15


async def redraw_ms(report: Report) -> tuple[float, float]:
    app = NewslineApp(report, resolve(report), keymap={})
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        axis = app.query_one("#axis", TimeAxis)
        axis.select(app.view.rows[len(app.view.rows) // 2].id)
        times = []
        for run in range(RUNS):
            start = time.perf_counter()
            axis.zoom_by(1 if run % 2 == 0 else -1)
            for y in range(axis.scrollable_content_region.height):
                axis.render_line(y)
            times.append((time.perf_counter() - start) * 1000)
        return statistics.median(times), max(times)


def main() -> int:
    baseline = asyncio.run(redraw_ms(load_report(bundled_path())))
    large = asyncio.run(redraw_ms(parse_report(json.dumps(synthetic_report(10_000)))))
    print(f"{'report':>16} {'median ms':>10} {'max ms':>8}")
    print(f"{'27 events':>16} {baseline[0]:>10.2f} {baseline[1]:>8.2f}")
    print(f"{'10 000 events':>16} {large[0]:>10.2f} {large[1]:>8.2f}")
    print(f"ratio 10 000 / 27 events (median): {large[0] / baseline[0]:.1f}×")
    ok = large[0] < TARGET_MS
    print(f"target: axis redraw under {TARGET_MS:.0f} ms for 10 000 events: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
