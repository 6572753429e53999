"""Benchmark: a densely related report — events spread over a week, each related to two earlier ones.

Run on demand:  python -m tests.benchmarks.bench_dense
``synthetic_report(n, week=True)`` proves most pairs of events ordered, through chains of relations, which
made every "certainly before" query a search over the whole network (1.8 s at 500 events, 12.8 s at 1 000,
more than 100 s at 2 000 for the "?" column; a search keystroke froze the app 7.9 s at 1 000). Each size is
timed against a baseline measured in the same run: loading and validating the same file. Columns: resolving;
the "?" column of every row (ordered_with_next); the links of `timeline --json` (certainly_next); the engine's
part of a search keystroke (filter, the "?" of 40 shown rows, the selected event's "certainly before N").
"""

from __future__ import annotations

import json
import sys
import time

from tests.synthetic import synthetic_report
from tui.model import parse_report
from tui.temporal import resolve
from tui.view import Filters, TimelineView

SIZES = (500, 1_000, 2_000)
KEYSTROKE_TARGET = 0.1  # seconds: what a keystroke may cost the engine at 1 000 events


def timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def measure(size: int) -> float:
    """Print one size's row; return the keystroke's time."""
    text = json.dumps(synthetic_report(size, week=True))
    load = min(timed(lambda: parse_report(text)) for _ in range(3))
    report = parse_report(text)
    took_resolve = timed(lambda: resolve(report))
    timeline = resolve(report)
    question = timed(lambda: [timeline.ordered_with_next(row.id) for row in timeline.events])
    fresh = resolve(report)
    links = timed(lambda: [fresh.certainly_next(row.id) for row in fresh.events])
    view = TimelineView(resolve(report))

    def keystroke() -> None:
        rows = view.apply(Filters(text="synthetic a"))
        for index in range(min(40, len(rows))):
            view.certain_with_next(index)
        view.timeline.certainly_after(rows[0].id)

    view.timeline.certainly_after(view.rows[-1].id)  # the first query builds the search's graph: at start-up
    key = timed(keystroke)
    total = took_resolve + question + links
    print(
        f"{size:>7} {load:>7.3f} {took_resolve:>8.3f} {question:>9.3f} {links:>11.3f} {key:>10.3f}"
        f" {total / load:>8.1f}×"
    )
    return key


def main() -> int:
    print(
        f"{'events':>7} {'load s':>7} {'resolve':>8} {'? column':>9} {'json links':>11} {'keystroke':>10} {'all/load':>9}"
    )
    keystroke_1000 = None
    for size in SIZES:
        key = measure(size)
        if size == 1_000:
            keystroke_1000 = key
    ok = keystroke_1000 is not None and keystroke_1000 < KEYSTROKE_TARGET
    print(
        f"target: a search keystroke at 1 000 events costs the engine under {KEYSTROKE_TARGET * 1000:.0f} ms: "
        f"{'met' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
