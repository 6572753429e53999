"""Benchmark: a corpus at scale, on one machine (issue 21).

Run on demand:  python -m tests.benchmarks.bench_corpus [--reports N] [--events N] [--only drafting|queries|memory]
                (exit status 1 if a target is missed)

drafting   what ``newsline corpus add`` does with N plain-text reports of about 2 000 characters (default 1 000),
           as fresh processes: drafting and storing them once with ``jobs=1`` (the baseline, one process) and
           once with ``jobs=C`` (C = the machine's cores), in the same run, alternating, into empty stores; the
           time of the matching that follows (one process, whatever the jobs) is printed beside it. The reports are the development
           sets' real reports (tests/benchmarks/devset and corpus_devset), each made distinct by a last line
           that numbers it (the store skips a report it holds by content). Target: a speed-up of at least
           0.7 × C.
queries    a store of 10⁶ events (2 000 reports of 500 events, 3 actors an event among 20 000, 200 outlets),
           written straight in SQL, then one actor's timeline and one outlet's events through the store's
           queries (the median of 21 runs each, the store opened afresh). Target: each ≤ 100 ms.
memory     the peak resident memory (VmHWM) of the ``corpus add`` process (the one that keeps the store) for N/4
           and N reports, with ``jobs=C``, once drafted and stored and after matching: memory bounded by the
           batch, not the corpus, keeps them alike. Target: the larger run's peaks within 15 % of the
           smaller's, after drafting and after matching (which holds each chunk with its neighbours in the
           store: at most a few tellings of each story sharing its words, whatever the reports telling it).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.timing import PEAK_MB

ROOT = Path(__file__).resolve().parents[2]
SPEED_UP_SHARE = 0.7
QUERY_TARGET_S = 0.100
MEMORY_SLACK = 0.15

DRIVER = (
    PEAK_MB
    + """\
import sys, time
from pathlib import Path
from tui.corpus.ingest import add_reports, entries_for, match_added
from tui.corpus.store import Store
folder, path, jobs = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
with Store(path) as store:
    start = time.perf_counter()
    outcome = add_reports(store, entries_for([folder]), jobs=jobs, match=False)
    drafted = time.perf_counter() - start
    drafting_peak = peak_mb()
    start = time.perf_counter()
    match_added(store, [row.key for row in store.reports()])
    matched = time.perf_counter() - start
status = 0 if outcome.stored and not outcome.refused else 1
print(f"{drafted:.3f} {matched:.3f} {drafting_peak:.1f} {peak_mb():.1f} {status}", file=sys.stderr)
"""
)


def reports(folder: Path, count: int) -> Path:
    """``count`` distinct reports of about 2 000 characters in ``folder``, from the development sets."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/benchmarks").glob("*devset/**/*.txt"))]
    texts = [text[:2200] for text in texts if len(text) >= 1000]
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        text = texts[number % len(texts)].rstrip()
        (folder / f"report-{number:05d}.txt").write_text(f"{text}\n\nDépêche n° {number}.\n", encoding="utf-8")
    return folder


def add(folder: Path, store: Path, jobs: int) -> tuple[float, float, float, float]:
    """What ``corpus add`` does, as a fresh process: drafting and storing every report (its wall seconds),
    then matching their events across reports (its wall seconds), and the process's peak MB after drafting
    and at the end."""
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, str(folder), str(store), str(jobs)],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    drafted, matched, drafting_peak, peak, status = result.stderr.strip().splitlines()[-1].split()
    if status != "0":
        raise SystemExit(f"corpus add failed:\n{result.stderr}")
    return float(drafted), float(matched), float(drafting_peak), float(peak)


def drafting(count: int, cores: int) -> bool:
    with tempfile.TemporaryDirectory() as scratch:
        folder = reports(Path(scratch) / "reports", count)
        one, many, matching = [], [], []
        for round_ in range(2):  # alternated, so that the machine's load moves both alike
            for jobs, times in ((1, one), (cores, many)):
                store = Path(scratch) / f"store-{jobs}-{round_}.duckdb"
                drafted, matched, _, _ = add(folder, store, jobs)
                times.append(drafted)
                matching.append(matched)
        speed_up = min(one) / min(many)
        target = SPEED_UP_SHARE * cores
        print(f"drafting {count} reports: one process {min(one):.1f} s, {cores} processes {min(many):.1f} s "
              f"(best of 2 each): speed-up {speed_up:.2f}× (target ≥ {target:.2f}×); then matching their events "
              f"in one process: {min(matching):.1f}–{max(matching):.1f} s")  # fmt: skip
        return speed_up >= target


def queries(events: int) -> bool:
    from tui.corpus.store import Store

    per_report, actors, outlets = 500, 20_000, 200
    count = events // per_report
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "big.duckdb"
        start = time.perf_counter()
        with Store(path) as store:
            sql = store.connection.execute
            sql(f"""INSERT INTO reports SELECT 'r' || i, 'r' || i || '.txt', 'outlet ' || (i % {outlets}), NULL,
                    '2024-01-01T12:00:00+01:00', 'Titre ' || i, '{{}}', now() FROM range({count}) t(i)""")
            sql(f"""INSERT INTO events SELECT 'r' || (n // {per_report}), 'e' || (n % {per_report}), 'action',
                    'Summary ' || n, 'Phrase ' || n || '.', 28e6 + n, 28e6 + n + 60, 28e6 + n, 28e6 + n + 60,
                    'label', '≈ label', true, n FROM range({events}) t(n)""")
            sql(f"""INSERT INTO event_actors SELECT 'r' || (n // {per_report}), 'e' || (n % {per_report}),
                    'actor ' || ((n * 7 + k * 7919) % {actors}) FROM range({events}) t(n), range(3) u(k)""")
        built = time.perf_counter() - start
        with Store(path, read_only=True) as store:
            print(f"store of {store.count('events'):,} events, {store.count('event_actors'):,} actor links "
                  f"(built in {built:.0f} s)")  # fmt: skip
        ok = True
        for name, ask, value in (("one actor's timeline", "actor_events", "actor 4242"),
                                 ("one outlet's events", "outlet_events", "outlet 17")):  # fmt: skip
            times, found = [], 0
            for _ in range(21):
                start = time.perf_counter()
                with Store(path, read_only=True) as store:
                    found = len(getattr(store, ask)(value))
                times.append(time.perf_counter() - start)
            median = statistics.median(times)
            ok &= median <= QUERY_TARGET_S
            print(f"{name}: {found} events in {median * 1000:.0f} ms, store opened included "
                  f"(median of 21; target ≤ {QUERY_TARGET_S * 1000:.0f} ms)")  # fmt: skip
        return ok


def memory(count: int, cores: int) -> bool:
    with tempfile.TemporaryDirectory() as scratch:
        small = add(reports(Path(scratch) / "small", count // 4), Path(scratch) / "small.duckdb", cores)
        large = add(reports(Path(scratch) / "large", count), Path(scratch) / "large.duckdb", cores)
    print(f"peak memory of corpus add: {count // 4} reports {small[2]:.0f} MB drafting, {small[3]:.0f} MB with "
          f"matching; {count} reports {large[2]:.0f} MB drafting, {large[3]:.0f} MB with matching, and the time "
          f"matching took: {small[1]:.1f} s, {large[1]:.1f} s (target: each peak within {MEMORY_SLACK:.0%})")  # fmt: skip
    return large[2] <= small[2] * (1 + MEMORY_SLACK) and large[3] <= small[3] * (1 + MEMORY_SLACK)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--only", choices=("drafting", "queries", "memory"))
    options = parser.parse_args()
    cores = os.cpu_count() or 1
    print(f"machine: {cores} cores, Python {sys.version.split()[0]}")
    ok = True
    if options.only in (None, "queries"):
        ok &= queries(options.events)
    if options.only in (None, "drafting"):
        ok &= drafting(options.reports, cores)
    if options.only in (None, "memory"):
        ok &= memory(options.reports, cores)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
