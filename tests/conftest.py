"""Shared fixtures: the bundled report, the article it was curated from, and a small valid report; and the
rule that puts a test in the slow lane by what it asks for (README, Development: the fast lane)."""

from __future__ import annotations

import copy
import inspect
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tui.model import Report, load_report

ROOT = Path(__file__).resolve().parents[1]
EVENTS_JSON = ROOT / "events.json"
ARTICLE = ROOT.parent / "shared" / "article" / "ttn-fr-3.txt"

SMALL_TEXT = "Alice a parlé jeudi. Plus tôt, Bob avait dit « [bold]non » selon Radio.\n"


def span(text: str, piece: str, occurrence: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    return {"start": start, "end": start + len(piece), "text": piece}


def small_report_data() -> dict[str, Any]:
    """A minimal valid events file: two events, one relation, a quote with markup-like text."""
    t = SMALL_TEXT
    return {
        "format": "newsline/1",
        "document": {
            "id": "small",
            "language": "fr",
            "headline": span(t, "Alice a parlé jeudi."),
            "text": t,
            "published": {
                "earliest": "2022-09-10T20:00:00+03:00",
                "estimate": "2022-09-11T12:00:00+03:00",
                "latest": "2022-09-11T23:59:00+03:00",
                "basis": "A test fixture.",
            },
        },
        "actors": [
            {"id": "alice", "name": "Alice", "role": "speaker", "side": "ukraine", "mentions": [span(t, "Alice")]},
            {
                "id": "bob",
                "name": "Bob",
                "role": "speaker",
                "side": "russia",
                "mentions": [span(t, "Bob")],
                "identification": {"value": "Robert", "basis": "A test fixture."},
            },
        ],
        "places": [],
        "sources": [
            {"id": "report", "label": "The report", "kind": "report", "mentions": []},
            {"id": "radio", "label": "Radio", "kind": "news-agency", "mentions": [span(t, "Radio")]},
        ],
        "events": [
            {
                "id": "alice-speaks",
                "summary": "Alice speaks",
                "kind": "statement",
                "sentences": [span(t, "Alice a parlé jeudi.")],
                "actors": ["alice"],
                "places": [],
                "sources": [{"source": "report"}],
                "time": span(t, "jeudi"),
                "relations": [],
                "quotes": [],
                "claims": [],
            },
            {
                "id": "bob-says-no",
                "summary": "Bob says no",
                "kind": "statement",
                "sentences": [span(t, "Plus tôt, Bob avait dit « [bold]non » selon Radio.")],
                "actors": ["bob"],
                "places": [],
                "sources": [{"source": "radio", "cue": span(t, "selon Radio")}],
                "time": None,
                "relations": [{"type": "before", "target": "alice-speaks", "cue": span(t, "Plus tôt")}],
                "quotes": [{"span": span(t, "« [bold]non »"), "speaker": "bob", "mode": "direct"}],
                "claims": [],
            },
        ],
        "caveats": [],
        "not_events": [],
    }


@pytest.fixture
def small_data() -> dict[str, Any]:
    return copy.deepcopy(small_report_data())


@pytest.fixture
def write_json(tmp_path: Path):
    def write(data: Any, name: str = "events.json") -> Path:
        path = tmp_path / name
        path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def report() -> Report:
    return load_report(EVENTS_JSON)


@pytest.fixture(scope="session")
def french_pipeline():
    """spaCy's French pipeline, loaded once per test session (a few seconds)."""
    from tui.draft import load_pipeline

    return load_pipeline("fr")


@pytest.hookimpl(tryfirst=True)  # before ``-m "not slow"`` deselects
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Slow, whatever its module says: a test that asks for spaCy's pipeline (``french_pipeline``), or that
    runs the app, for a snapshot (``snap_compare``) or under Textual's Pilot (every async test here does).
    Modules mark the rest: spaCy loaded by the drafter itself, browsers, terminals, servers, subprocesses."""
    for item in items:
        if {"french_pipeline", "snap_compare"} & set(getattr(item, "fixturenames", ())) or (
            inspect.iscoroutinefunction(getattr(item, "obj", None))
        ):
            item.add_marker(pytest.mark.slow)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Take hypothesis's garbage-collector callback out before the worker exits. xdist's worker is ended by an
    interrupt of its main thread (execnet's ``interrupt_main``); when that KeyboardInterrupt landed inside the
    callback, Python could only report it as "ignored", and a passing run ended with a
    PytestUnraisableExceptionWarning about ``gc_callback``. Nothing measures collections once the tests are done."""
    import gc

    gc.callbacks[:] = [
        callback
        for callback in gc.callbacks
        if getattr(callback, "__qualname__", "") != "gc_cumulative_time.<locals>.gc_callback"
    ]


@pytest.fixture(autouse=True)
def _collector_left_on() -> Iterator[None]:
    """Every test leaves the garbage collector on, as it found it: newsline holds it off while it builds a
    whole report or starts the app (tui.collector), and a test that leaves it off changes the ones after it."""
    import gc

    was = gc.isenabled()
    yield
    if was and not gc.isenabled():
        gc.enable()
        pytest.fail("the test left the garbage collector off")
