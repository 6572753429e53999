"""``newsline times``: the time expressions of a text file, for people and for machines, and clear refusals."""

from __future__ import annotations

import json
import os

import pytest

from tui.commands import main

TEXT = "Hier soir à 22 h, l’armée a repris la ville.\r\nLe lendemain matin, 😀 désormais calme.\n"


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["times", *args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    return path


def test_json_gives_one_object_per_expression_with_offsets_into_the_text_as_read(capsys, report):
    status, out, err = run(capsys, str(report), "--published", "2022-09-11", "--json")
    assert (status, err) == (0, "")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [set(r) for r in rows] == [
        {"start", "end", "text", "type", "value", "earliest", "latest", "granularity"}
    ] * 4
    assert [(r["text"], r["type"], r["value"]) for r in rows] == [
        ("Hier soir", "TIME", "2022-09-10TEV"), ("22 h", "TIME", "2022-09-10T22:00"),
        ("Le lendemain matin", "TIME", "2022-09-11TMO"), ("désormais", "TIME", "PRESENT_REF"),
    ]  # fmt: skip
    for row in rows:  # the \r\n and the emoji are counted as read
        assert TEXT[row["start"] : row["end"]] == row["text"]
    assert rows[1]["earliest"] == "2022-09-10T22:00:00+02:00" and rows[0]["granularity"] == "part-of-day"


def test_a_publication_time_with_an_offset_is_kept(capsys, report):
    status, out, _ = run(capsys, str(report), "--published", "2022-09-11T09:30+03:00", "--json")
    assert status == 0
    assert json.loads(out.splitlines()[0])["earliest"] == "2022-09-10T18:00:00+03:00"


def test_english(capsys, tmp_path):
    path = tmp_path / "en.txt"
    path.write_text("Yesterday at noon, and every day since.", encoding="utf-8")
    status, out, _ = run(capsys, str(path), "--published", "2022-09-11", "--lang", "en", "--json")
    assert status == 0
    assert [json.loads(line)["value"] for line in out.splitlines()] == ["2022-09-10T12:00", "P1D"]


def test_the_table_is_for_people_and_shows_text_as_text(capsys, tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text("[bold]hier[/bold] \x1b]0;pwned\x07 soir", encoding="utf-8")
    status, out, _ = run(capsys, str(path), "--published", "2022-09-11")
    assert status == 0
    assert "[bold]hier[/bold]" not in out  # no expression spans the markup, and markup is not interpreted
    assert "\x1b]0;" not in out and "\x07" not in out
    assert "1 time expressions" in out or "time expressions" in out


def test_the_table_lists_every_expression(capsys, report):
    status, out, _ = run(capsys, str(report), "--published", "2022-09-11")
    assert status == 0
    for words in ("Hier soir", "22 h", "désormais", "PRESENT_REF", "Sat 10 Sep"):
        assert words in out


@pytest.mark.parametrize(
    ("when", "words"),
    [("yesterday", "'yesterday' is not a date or time"), ("2022-13-01", "ISO date"), ("", "ISO datetime")],
)
def test_a_bad_publication_is_refused_in_one_paragraph(capsys, report, when, words):
    status, out, err = run(capsys, str(report), "--published", when)
    assert (status, out) == (2, "")
    assert words in err and "Traceback" not in err and err.count("\n") == 1


def test_bad_files_are_refused_in_one_paragraph(capsys, tmp_path):
    missing = tmp_path / "missing.txt"
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("déjà hier".encode("latin-1"))
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path, words in (
        (missing, "cannot read"), (tmp_path, "it is a directory, expected a file"),
        (fifo, "it is a FIFO (named pipe), expected a regular file"),
        (latin1, "not UTF-8 text: at byte 1, 0xE9 begins a character"),
    ):  # fmt: skip
        status, out, err = run(capsys, str(path), "--published", "2022-09-11")
        assert (status, out) == (2, ""), path
        assert words in err and str(path) in err and err.count("\n") == 1


def test_a_file_over_the_stated_limit_is_refused(capsys, tmp_path, monkeypatch):
    from tui.commands import times as command

    monkeypatch.setattr(command, "MAX_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text("hier " * 10, encoding="utf-8")
    status, _, err = run(capsys, str(path), "--published", "2022-09-11")
    assert status == 2 and "larger than" in err


def test_the_input_is_never_written(capsys, report):
    before = (report.read_bytes(), report.stat().st_mtime_ns)
    run(capsys, str(report), "--published", "2022-09-11", "--json")
    assert (report.read_bytes(), report.stat().st_mtime_ns) == before


@pytest.mark.slow  # the command in a subprocess
@pytest.mark.parametrize("json_flag", [["--json"], []])
def test_an_output_that_cannot_be_written_is_said_in_one_line_not_a_traceback(report, json_flag):
    import subprocess
    import sys

    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "tui", "times", str(report), "--published", "2022-09-11", *json_flag],
            stdout=full, stderr=subprocess.PIPE, text=True, timeout=60,
        )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr == "newsline times: cannot write the output: No space left on device.\n"
