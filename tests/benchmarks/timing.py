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


# Source for the drivers the benchmarks run in fresh processes: the peak resident memory of the process in
# MB. VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent through fork and exec, so a child
# of a benchmark that built a large report would report the parent's peak.
PEAK_MB = """\
def peak_mb():
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""
