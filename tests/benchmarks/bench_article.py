"""Benchmark: the article view of a very long report — opening it, and paging through it.

Run on demand:  python -m tests.benchmarks.bench_article   (exit status 1 if a target is missed)

A synthetic report of 50 events whose text is padded with French paragraphs to SIZES bytes. Timed, against
loading and validating the same report in the same run: pressing ``r`` until the article is drawn, then three
page-downs and ``end``. The article wraps a paragraph when it is first drawn and styles only the lines on
screen; before, it wrapped the whole text and sliced the whole styled text for every line (79 s at 50 MB).
"""

from __future__ import annotations

import asyncio
import json
import sys
import time

from tests.synthetic import synthetic_report
from tui.model import Report, parse_report
from tui.temporal import resolve

SIZES = (5_000_000, 50_000_000)
TARGET_SECONDS = 10.0  # opening the article of 50 MB
PARAGRAPH = "L’armée ukrainienne a repris quelque 2 000 kilomètres de territoire. " * 12 + "\n\n"


async def article_times(report: Report) -> tuple[float, float]:
    from tui.app import NewslineApp

    app = NewslineApp(report, resolve(report), keymap={})
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        await pilot.press("r")
        await pilot.pause()
        opened = time.perf_counter() - start
        start = time.perf_counter()
        await pilot.press("pagedown", "pagedown", "pagedown", "end")
        await pilot.pause()
        return opened, time.perf_counter() - start


def main() -> int:
    print(f"{'text MB':>8} {'load s':>8} {'open s':>8} {'open/load':>10} {'paging s':>9}")
    opened = 0.0
    for size in SIZES:
        data = synthetic_report(50)
        data["document"]["text"] += PARAGRAPH * (size // len(PARAGRAPH))
        text = json.dumps(data)
        start = time.perf_counter()
        report = parse_report(text)
        load = time.perf_counter() - start
        opened, paging = asyncio.run(article_times(report))
        print(f"{size / 1e6:>8.0f} {load:>8.2f} {opened:>8.2f} {opened / load:>9.2f}× {paging:>9.2f}")
    ok = opened < TARGET_SECONDS
    print(f"target: the article of 50 MB opens in under {TARGET_SECONDS:.0f} s: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
