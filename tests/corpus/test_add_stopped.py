"""An add that stops half way — a drafting process killed (out of memory), or ctrl+c — keeps what was
drafted until then, says so in one paragraph, and the same command run again drafts only the rest and
matches what the stopped add stored but never matched."""

from __future__ import annotations

from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path

import pytest

from tui.corpus import ingest
from tui.corpus.ingest import DraftingStopped, add_reports, entries_for
from tui.corpus.store import Store

from .test_matching_added import partition, report


def write(folder: Path, count: int) -> list:
    """``count`` files standing for reports (their drafts are given by the stand-in below)."""
    folder.mkdir()
    for number in range(count):
        (folder / f"r{number}.txt").write_text(f"Rapport {number}.", encoding="utf-8")
    return entries_for([folder])


def drafts(stop: type[BaseException] | None, after: int):
    """A stand-in for the drafting processes: report ``rN`` drafted as the matching tests' report N; then
    ``stop`` raised after ``after`` reports."""

    def run(work, **_options):
        for done, (entry, key) in enumerate(work):
            if stop is not None and done == after:
                raise stop()
            drafted = report(int(Path(entry.path).stem[1:]))
            yield replace(drafted, key=key, events=tuple(replace(event, report=key) for event in drafted.events))

    return run


@pytest.mark.parametrize("stop", [BrokenProcessPool, KeyboardInterrupt])
def test_what_was_drafted_is_kept_and_the_next_add_goes_on(tmp_path: Path, monkeypatch, stop) -> None:
    entries = write(tmp_path / "reports", 3)
    with Store(tmp_path / "c.duckdb") as store:
        monkeypatch.setattr(ingest, "_run", drafts(stop, after=2))
        with pytest.raises(DraftingStopped if stop is BrokenProcessPool else KeyboardInterrupt) as raised:
            add_reports(store, entries, jobs=2)
        if stop is BrokenProcessPool:
            assert "\n" not in str(raised.value) and "run the same command again to go on" in str(raised.value)
        assert store.count("reports") == 2  # the two drafted before the stop: stored, not lost
        assert store.unmatched_reports() != []  # stored, never matched

        monkeypatch.setattr(ingest, "_run", drafts(None, after=0))
        again = add_reports(store, entries, jobs=2)
        assert (again.stored, again.known) == (1, 2)  # only the third is drafted
        assert store.unmatched_reports() == []
        resumed = partition(store.stories())
    with Store(tmp_path / "whole.duckdb") as store:
        monkeypatch.setattr(ingest, "_run", drafts(None, after=0))
        add_reports(store, entries, jobs=2)
        assert partition(store.stories()) == resumed  # the same stories as an add never stopped
