"""``newsline corpus``: add, reports, timeline and export from the command line, as users run them — and bad
input gets one message and exit status 2, never a traceback; text from the reports stays data in every
output."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # the command in a subprocess, spaCy drafting

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = '=HYPERLINK("http://x") <script>alert(1)</script> \x1b[31m [bold]red[/bold]'
OUTLET = "H\x1b[31m[b]"  # an outlet's name from the manifest, as hostile


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], capture_output=True, text=True, timeout=240, stdin=subprocess.DEVNULL,
        cwd=cwd,
    )  # fmt: skip


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of three reports: the bundled one, a copy of it whose first event's summary is hostile, and one
    plain text drafted with its publication from a manifest."""
    folder = tmp_path_factory.mktemp("reports")
    shutil.copy(ROOT / "events.json", folder / "bundled.json")
    data = json.loads((ROOT / "events.json").read_text(encoding="utf-8"))
    data["events"][0]["summary"] = HOSTILE
    data["document"]["published"]["basis"] = "A second copy, for the test."
    (folder / "a-hostile.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    shutil.copy(ROOT / "tests/benchmarks/devset/07-tempete-zeus.txt", folder / "zeus.txt")
    (folder / "manifest.csv").write_text(
        "file,published,outlet,url\nzeus.txt,2023-11-02T09:00+01:00,Ouest-France,https://example.org/z\n"
        f"bundled.json,,TTN,\na-hostile.json,,{OUTLET},\n",
        encoding="utf-8",
    )
    store = folder / "corpus.duckdb"
    result = run_cli("corpus", "add", str(folder), "--manifest", str(folder / "manifest.csv"), "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert "added 3 reports" in result.stderr
    return store


def test_add_again_drafts_nothing(corpus: Path) -> None:
    result = run_cli("corpus", "add", str(corpus.parent), "--store", str(corpus), "--jobs", "1")
    assert result.returncode == 0
    assert "added 0 reports" in result.stderr and "3 already there" in result.stderr


def test_reports_lists_outlets_and_publications(corpus: Path) -> None:
    result = run_cli("corpus", "reports", "--store", str(corpus))
    assert result.returncode == 0
    assert "Ouest-France" in result.stdout and "2023-11-02T09:00:00+01:00" in result.stdout
    assert result.stdout.rstrip().endswith("3 reports")


def test_the_same_event_told_by_two_reports_is_one_story_event(corpus: Path) -> None:
    result = run_cli("corpus", "--store", str(corpus), "timeline", "--json")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    told_twice = [e for e in events if {t["outlet"] for t in e["tellers"]} == {"TTN", OUTLET}]
    assert len(told_twice) >= 20  # the copy tells the bundled report's events again
    speech = next(e for e in events if any(t["event"] == "zelensky-video-speech" for t in e["tellers"]))
    assert speech["likely"]["label"].startswith("≈ Sat 10 Sep")
    assert not speech["disagreeing"]
    assert any(q["speaker"] == "Volodymyr Zelensky" for t in speech["tellers"] for q in t["quotes"])


def test_filters_by_outlet_and_actor(corpus: Path) -> None:
    only = run_cli("corpus", "timeline", "--store", str(corpus), "--json", "--outlet", "Ouest-France")
    events = [json.loads(line) for line in only.stdout.splitlines()]
    assert events and all("Ouest-France" in e["outlets"] for e in events)
    actor = run_cli("corpus", "timeline", "--store", str(corpus), "--json", "--actor", "Volodymyr Zelensky")
    events = [json.loads(line) for line in actor.stdout.splitlines()]
    assert events and all("Volodymyr Zelensky" in e["actors"] for e in events)


def test_an_export_of_a_filtered_story_says_what_it_holds(corpus: Path, tmp_path: Path) -> None:
    """As the app's export does: "2 of 29 story events · filter: outlet Ouest-France"."""
    total = len(run_cli("corpus", "timeline", "--store", str(corpus), "--json").stdout.splitlines())
    out = tmp_path / "only.csv"
    result = run_cli(
        "corpus", "export", "--store", str(corpus), "--to", "csv", "-o", str(out), "--outlet", "Ouest-France"
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert 0 < len(rows) < total
    assert {row["shown"] for row in rows} == {f"{len(rows)} of {total} story events · filter: outlet Ouest-France"}
    markdown = run_cli("corpus", "export", "--store", str(corpus), "--to", "markdown", "--outlet", "Ouest-France")
    assert f"{len(rows)} of {total} story events · filter: outlet Ouest-France" in markdown.stdout


def test_text_from_the_reports_stays_data(corpus: Path, tmp_path: Path) -> None:
    table = run_cli("corpus", "timeline", "--store", str(corpus))
    assert table.returncode == 0
    assert "\x1b" not in table.stdout and "H␛[31m[b], TTN" in table.stdout
    lines = run_cli("corpus", "timeline", "--store", str(corpus), "--json").stdout
    assert "\x1b" not in lines and "\\u001b" in lines
    assert any(HOSTILE in teller["summary"] for line in lines.splitlines() for teller in json.loads(line)["tellers"])
    out = tmp_path / "story.csv"
    assert run_cli("corpus", "export", "--store", str(corpus), "--to", "csv", "-o", str(out)).returncode == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    hostile = [row for row in rows if "HYPERLINK" in row["summary"]]
    assert hostile and all(row["summary"].startswith("'=") for row in hostile)
    assert {row["shown"] for row in rows} == {f"{len(rows)} story events"}  # which events the file holds: all
    markdown = run_cli("corpus", "export", "--store", str(corpus), "--to", "markdown").stdout
    assert "<script>" not in markdown and "\\<script\\>" in markdown
    assert markdown.splitlines()[2] == f"{len(rows)} story events, in time order."


def test_bad_input_is_one_message(tmp_path: Path) -> None:
    missing = run_cli("corpus", "timeline", "--store", str(tmp_path / "none.duckdb"))
    assert missing.returncode == 2 and "no corpus store here" in missing.stderr
    assert not (tmp_path / "none.duckdb").exists()
    notes = tmp_path / "notes.txt"
    notes.write_text("hello", encoding="utf-8")
    wrong = run_cli("corpus", "reports", "--store", str(notes))
    assert wrong.returncode == 2 and "cannot be opened as a corpus store" in wrong.stderr
    assert notes.read_text(encoding="utf-8") == "hello"
    manifest = tmp_path / "m.csv"
    manifest.write_text("name,when\n", encoding="utf-8")
    bad = run_cli("corpus", "add", str(notes), "--manifest", str(manifest), "--store", str(tmp_path / "c.duckdb"))
    assert bad.returncode == 2 and "line 1: expected the header" in bad.stderr
    jobs = run_cli("corpus", "add", str(notes), "--jobs", "0")
    assert jobs.returncode == 2 and "expected at least 1 process" in jobs.stderr
    for result in (missing, wrong, bad, jobs):
        assert "Traceback" not in result.stderr


def test_one_report_is_said_in_the_singular(tmp_path: Path) -> None:
    shutil.copy(ROOT / "tests/benchmarks/devset/07-tempete-zeus.txt", tmp_path / "zeus.txt")
    result = run_cli("corpus", "add", str(tmp_path / "zeus.txt"), "--store", str(tmp_path / "c.duckdb"))
    assert result.returncode == 0, result.stderr
    assert "added 1 report to" in result.stderr and "it holds 1 report," in result.stderr
