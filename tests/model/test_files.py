"""Files newsline writes (a saved draft, an export, a screenshot): atomically, with the user's umask, only
over a regular file, never over the input, and never over an existing file unless asked (issue 17)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tui.model.files import TargetExists, UnwritableTarget, check_target, write_atomically


@pytest.fixture
def umask():
    """Set the process's umask for one test, and put the old one back."""
    old = os.umask(0o022)
    os.umask(old)
    yield lambda mask: os.umask(mask)
    os.umask(old)


def test_a_new_file_gets_the_permissions_the_umask_allows(tmp_path, umask):
    umask(0o077)  # a saved draft holds the whole report: a private umask must keep it private
    write_atomically(tmp_path / "private.json", "{}")
    assert stat.S_IMODE((tmp_path / "private.json").stat().st_mode) == 0o600
    umask(0o002)
    write_atomically(tmp_path / "shared.json", "{}")
    assert stat.S_IMODE((tmp_path / "shared.json").stat().st_mode) == 0o664


def test_an_existing_file_keeps_its_permissions(tmp_path, umask):
    umask(0o022)
    target = tmp_path / "kept.csv"
    target.write_text("old")
    target.chmod(0o640)
    write_atomically(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_fifo_is_refused_and_stays_a_fifo(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(UnwritableTarget, match="FIFO"):
        write_atomically(fifo, "text")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]  # no temporary file left


def test_a_device_is_refused():
    with pytest.raises(UnwritableTarget, match="character device"):
        check_target(Path("/dev/null"))
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_directory_is_refused(tmp_path):
    with pytest.raises(UnwritableTarget, match="directory"):
        write_atomically(tmp_path, "text")


def test_a_link_to_a_regular_file_is_written_through_and_stays_a_link(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert write_atomically(link, "new") == real
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text() == "new"


def test_a_link_to_nothing_or_to_a_fifo_is_refused(tmp_path):
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "nowhere")
    with pytest.raises(UnwritableTarget, match="link to nothing"):
        write_atomically(dangling, "text")
    assert dangling.is_symlink() and not (tmp_path / "nowhere").exists()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    to_fifo = tmp_path / "to-fifo"
    to_fifo.symlink_to(fifo)
    with pytest.raises(UnwritableTarget, match="FIFO"):
        write_atomically(to_fifo, "text")
    assert to_fifo.is_symlink() and stat.S_ISFIFO(fifo.lstat().st_mode)


def test_the_input_is_never_written_even_through_a_link(tmp_path):
    source = tmp_path / "report.json"
    source.write_text("input")
    link = tmp_path / "out.json"
    link.symlink_to(source)
    for target in (source, link):
        with pytest.raises(UnwritableTarget, match="file being read"):
            write_atomically(target, "export", protect=(source,))
    assert source.read_text() == "input"


def test_without_replace_an_existing_file_is_left_as_it_was(tmp_path):
    target = tmp_path / "export.json"
    target.write_text("theirs")
    with pytest.raises(TargetExists):
        write_atomically(target, "ours", replace=False)
    assert target.read_text() == "theirs"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.json"]
    write_atomically(tmp_path / "new.json", "ours", replace=False)
    assert (tmp_path / "new.json").read_text() == "ours"


def test_a_name_as_long_as_the_file_system_allows_can_be_written(tmp_path):
    limit = os.pathconf(tmp_path, "PC_NAME_MAX")
    for length in (242, 250, limit):
        target = tmp_path / ("n" * (length - 5) + ".json")
        write_atomically(target, "x")
        assert target.read_text() == "x"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
        cwd=cwd,
    )  # fmt: skip


@pytest.mark.slow  # the command in a subprocess
def test_export_to_a_fifo_is_refused_with_one_message(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run_cli("export", "--to", "csv", "-o", str(fifo))
    assert result.returncode == 2
    assert (
        result.stderr
        == f"newsline: cannot write {fifo}: it is a FIFO (named pipe); newsline writes only regular files; choose another -o.\n"
    )
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.slow  # the command in a subprocess
def test_export_over_its_input_through_a_link_is_refused(tmp_path):
    source = tmp_path / "ttn.json"
    source.write_text(Path("events.json").read_text(encoding="utf-8"), encoding="utf-8")
    link = tmp_path / "export.csv"
    link.symlink_to(source)
    result = run_cli("export", str(source), "--to", "csv", "-o", str(link))
    assert result.returncode == 2
    assert "it is the file being read" in result.stderr and "Traceback" not in result.stderr
    json.loads(source.read_text(encoding="utf-8"))  # still the events file


@pytest.mark.slow  # the command in a subprocess
def test_file_names_in_messages_cannot_act_on_the_terminal(tmp_path):
    hostile = tmp_path / "missing\x1b]0;pwned\x07.json"
    for args in (["export", "--to", "csv", "-o", str(tmp_path / "no" / "x\x1b[2J.csv")], ["timeline", str(hostile)],
                 ["export", str(hostile), "--to", "csv"]):  # fmt: skip
        result = run_cli(*args)
        assert result.returncode != 0
        assert "\x1b" not in result.stderr and "\x07" not in result.stderr, args
        assert "␛" in result.stderr, args


@pytest.mark.slow  # the command in a subprocess
def test_draft_output_respects_the_umask_and_never_replaces_a_fifo(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("Samedi soir, le président a parlé.", encoding="utf-8")
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    result = run_cli("draft", str(report), "-o", str(fifo), "--force")
    assert result.returncode == 2
    assert "FIFO" in result.stderr and "Traceback" not in result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
