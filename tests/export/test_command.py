"""``newsline export``: to stdout or a file written atomically, with clear refusals."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest

from tui.export import write_atomically

from ..commands.test_cli import run_cli


@pytest.mark.slow  # the command in a subprocess
@pytest.mark.parametrize("fmt", ["timelinejs", "csv", "markdown"])
def test_exports_the_bundled_report_to_stdout(fmt):
    result = run_cli("export", "--to", fmt)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    if fmt == "timelinejs":
        assert len(json.loads(result.stdout)["events"]) == 27
    elif fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(result.stdout, newline="")))) == 27
    else:
        assert result.stdout.startswith("# Le plus gros coup porté à l’armée russe")


@pytest.mark.slow  # the command in a subprocess
def test_writes_a_file_and_says_where(tmp_path, small_data, write_json):
    source = write_json(small_data)
    before = source.read_bytes()
    target = tmp_path / "out.md"
    result = run_cli("export", str(source), "--to", "markdown", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert f"wrote 2 events as markdown to {target}" in result.stderr
    assert target.read_text(encoding="utf-8").startswith("# Alice a parlé jeudi.")
    assert source.read_bytes() == before  # never a write to the user's input
    assert sorted(path.name for path in tmp_path.iterdir()) == ["events.json", "out.md"]  # no temporary left


@pytest.mark.slow  # the command in a subprocess
def test_refuses_to_write_over_its_input(small_data, write_json):
    source = write_json(small_data)
    before = source.read_bytes()
    result = run_cli("export", str(source), "--to", "csv", "-o", str(source))
    assert result.returncode == 2
    assert "it is the file being read, which newsline never writes over" in result.stderr
    assert source.read_bytes() == before


@pytest.mark.slow  # the command in a subprocess
def test_a_folder_that_does_not_exist_gets_a_clear_message(tmp_path):
    target = tmp_path / "missing" / "out.csv"
    result = run_cli("export", "--to", "csv", "-o", str(target))
    assert result.returncode == 1
    assert result.stderr.strip() == f"newsline: cannot write {target}: No such file or directory."


@pytest.mark.slow  # the command in a subprocess
def test_an_unknown_format_is_refused():
    result = run_cli("export", "--to", "pdf")
    assert result.returncode == 2
    assert "invalid choice: 'pdf'" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.slow  # the command in a subprocess
def test_a_bad_events_file_is_refused_before_writing(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("[]", encoding="utf-8")
    target = tmp_path / "out.csv"
    result = run_cli("export", str(broken), "--to", "csv", "-o", str(target))
    assert result.returncode == 2
    assert "cannot open" in result.stderr and not target.exists()


def test_an_atomic_write_leaves_the_old_file_whole_when_it_fails(tmp_path, monkeypatch):
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")

    def failing_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OSError):
        write_atomically(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [path.name for path in tmp_path.iterdir()] == ["out.csv"]
