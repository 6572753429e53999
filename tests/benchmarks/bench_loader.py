"""Benchmark: load and validate 10k and 100k synthetic events from a file, time and peak memory.

Run on demand:  python -m tests.benchmarks.bench_loader
Each figure is measured in a fresh process against a baseline measured in the same run on the same file:
reading it and parsing it with ``json.loads`` (no validation, no model built). Times are CPU seconds, best
of three; memory is the process's peak resident set (VmHWM; Linux only). The loader checks every span against the text and
every reference, and builds the typed report; the baseline only builds dicts and lists.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.synthetic import synthetic_report

SIZES = (10_000, 100_000)
MEMORY_TARGET_MB = 400  # 100k events, for the whole app: the loader's part must leave room for the rest

MEASURE = """
import gc, json, sys, time
path, what = sys.argv[1], sys.argv[2]
if what == "json":
    def work():
        with open(path, encoding="utf-8") as file:
            return json.loads(file.read())
else:
    from tui.model import load_report
    def work():
        return load_report(path)
best = float("inf")
for _ in range(3):
    start = time.process_time()
    result = work()
    best = min(best, time.process_time() - start)
    del result
    gc.collect()
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent through fork and exec
with open("/proc/self/status") as status:
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(best, peak / 1024)
"""


def measure(path: Path, what: str) -> tuple[float, float]:
    output = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path), what], capture_output=True, text=True, check=True
    ).stdout
    seconds, megabytes = output.split()
    return float(seconds), float(megabytes)


def main() -> int:
    print(f"{'events':>8} {'file MB':>8} {'json.loads s':>13} {'load s':>8} {'ratio':>7} {'json MB':>8} {'load MB':>8}")
    peak_100k = None
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES:
            path = Path(folder) / f"synthetic-{size}.json"
            path.write_text(json.dumps(synthetic_report(size), ensure_ascii=False), encoding="utf-8")
            base_time, base_memory = measure(path, "json")
            load_time, load_memory = measure(path, "load")
            megabytes = path.stat().st_size / 1e6
            print(
                f"{size:>8} {megabytes:>8.1f} {base_time:>13.3f} {load_time:>8.3f} {load_time / base_time:>6.2f}×"
                f" {base_memory:>8.0f} {load_memory:>8.0f}"
            )
            peak_100k = load_memory
    ok = peak_100k is not None and peak_100k < MEMORY_TARGET_MB
    print(f"loading 100k events peaks under {MEMORY_TARGET_MB} MB: {'yes' if ok else 'NO'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
