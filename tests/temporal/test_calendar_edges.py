"""At the calendar's edges every path answers: a publication in year 1 or 9999, or a window spanning all
time, gives a table, JSON lines and every export — bounds beyond the calendar are open, never a traceback
(issue 17, "Time at the calendar's edges": "year 0 is out of range" from converting minutes to dates)."""

from __future__ import annotations

import copy
import io
import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import EVENTS_JSON
from tui.export import FORMATS, write_export
from tui.model import parse_report, read_when
from tui.table import print_table
from tui.temporal import resolve

BUNDLED = json.loads(EVENTS_JSON.read_text(encoding="utf-8"))
ZONES = [UTC, timezone(timedelta(hours=3)), timezone(timedelta(hours=-12)), timezone(timedelta(hours=14))]
EDGES = {
    "year 1": ("0001-01-01T00:00:00+14:00", "0001-01-01T12:00:00+14:00", "0001-01-01T23:59:00+14:00"),
    "year 9999": ("9999-12-31T00:00:00-12:00", "9999-12-31T12:00:00-12:00", "9999-12-31T23:59:00-12:00"),
    "all time": ("0001-01-01T00:00:00+00:00", "2022-09-11T12:00:00+03:00", "9999-12-31T23:59:00+00:00"),
}


def with_publication(earliest: str, estimate: str, latest: str) -> dict:
    data = copy.deepcopy(BUNDLED)
    data["document"]["published"] = {"earliest": earliest, "estimate": estimate, "latest": latest, "basis": "edge"}
    return data


def every_path(data: dict) -> None:
    """What `newsline timeline`, `timeline --json` and `export` do with a report, in process."""
    from tui.commands.timeline import _event_json

    timeline = resolve(parse_report(json.dumps(data)))
    print_table(timeline, io.StringIO(), width=120)
    for resolved in timeline.events:
        json.dumps(_event_json(timeline, resolved))
    for fmt in FORMATS:
        write_export(timeline, fmt, io.StringIO())


@pytest.mark.parametrize("edge", EDGES)
def test_a_publication_at_the_calendars_edge_gives_every_output(edge):
    every_path(with_publication(*EDGES[edge]))


@st.composite
def windows(draw) -> tuple[str, str, str]:
    zone = draw(st.sampled_from(ZONES))
    moments = sorted(
        draw(st.datetimes(min_value=datetime(1, 1, 1, 14), max_value=datetime(9999, 12, 31, 10))).replace(tzinfo=zone)
        for _ in range(3)
    )
    return tuple(moment.isoformat() for moment in moments)  # type: ignore[return-value]


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(window=windows())
def test_any_publication_window_gives_every_output(window):
    every_path(with_publication(*window))


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL
    )


@pytest.mark.slow  # the command in a subprocess
@pytest.mark.parametrize("command", [["timeline"], ["timeline", "--json"], ["export", "--to", "csv"]])
def test_the_commands_answer_for_a_publication_in_year_1(tmp_path, command):
    path = tmp_path / "year1.json"
    path.write_text(json.dumps(with_publication(*EDGES["year 1"])), encoding="utf-8")
    result = run_cli(*command, str(path))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "Zelensky" in result.stdout


@pytest.mark.slow  # the command in a subprocess
@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", "0001-01-01T00:00+14:00", "9999-12-31T23:59-12:00"])
def test_times_answers_at_the_calendars_edge(tmp_path, published):
    text = tmp_path / "edge.txt"
    text.write_text("Hier soir, il y a trois ans, demain, l'an prochain, dans 3 jours, samedi à 22h.", encoding="utf-8")
    for extra in ([], ["--json"]):
        result = run_cli("times", str(text), "--published", published, *extra)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr


@pytest.mark.slow  # the command in a subprocess
def test_a_basic_iso_date_means_the_same_day_as_the_extended_one(tmp_path):
    assert read_when("20220911") == read_when("2022-09-11") == read_when(" 2022-09-11 ")
    text = tmp_path / "t.txt"
    text.write_text("Samedi soir, il est parti.", encoding="utf-8")
    for extra in ([], ["--json"]):
        basic = run_cli("times", str(text), "--published", "20220911", *extra)
        extended = run_cli("times", str(text), "--published", "2022-09-11", *extra)
        assert basic.returncode == extended.returncode == 0
        assert basic.stdout == extended.stdout != ""  # the table ends "published 2022-09-11 (some time that day)"
