"""What the benchmarks share: timing a piece of work the same way in each."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The shortest of ``runs`` wall-clock timings of ``work``, in seconds: the run least disturbed by the
    rest of the machine."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)
