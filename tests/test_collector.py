"""The garbage collector is held off while a whole report is built or written (tui.collector), and back on
after: the whole-timeline commands set off no collection, and leave the collector as they found it."""

from __future__ import annotations

import contextlib
import gc
import io
import json
from collections.abc import Iterator

import pytest

from tui import collector
from tui.commands import main

from .synthetic import synthetic_report


@contextlib.contextmanager
def collections_counted() -> Iterator[list[int]]:
    """The generations of the collections run inside the block."""
    found: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            found.append(info["generation"])

    gc.callbacks.append(seen)
    try:
        yield found
    finally:
        gc.callbacks.remove(seen)


def test_paused_holds_the_collector_off_and_turns_it_back_on():
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block leaves it to the outer one
    assert gc.isenabled()


def test_paused_turns_it_back_on_after_an_error_and_leaves_it_off_if_it_was():
    with pytest.raises(KeyError), collector.paused():
        raise KeyError("x")
    assert gc.isenabled()
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_freeze_moves_what_exists_out_of_the_collectors_sight():
    gc.unfreeze()
    try:
        with collector.paused(freeze=True):
            kept = [[] for _ in range(1000)]
        assert gc.get_freeze_count() >= len(kept)
    finally:
        gc.unfreeze()


@pytest.mark.parametrize(
    "command",
    [("timeline", "--json"), ("timeline",), ("export", "--to", "csv"), ("export", "--to", "markdown")],
    ids=" ".join,
)
def test_a_whole_timeline_command_sets_off_next_to_no_collection(command, tmp_path, monkeypatch):
    big = tmp_path / "big.json"
    big.write_text(json.dumps(synthetic_report(2000)), encoding="utf-8")

    def run() -> list[int]:
        out = io.StringIO()
        monkeypatch.setattr("sys.stdout", out)
        with collections_counted() as collections:
            assert main([command[0], str(big), *command[1:]]) == 0
        monkeypatch.undo()
        assert "number 1999" in out.getvalue()  # the last event is written
        return collections

    held_off = run()
    assert len(held_off) <= 3  # reading the arguments and the file, before the report is resolved
    assert gc.isenabled()
    monkeypatch.setattr(collector, "paused", lambda freeze=False: contextlib.nullcontext())
    assert len(run()) > 20  # the same command with the collector on: every 700 allocations
