"""The command line: bad input gets one clear message and exit status 2, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"format": ', "not valid JSON: line 1, column 12"),
        ("[]", "$: expected an object, found an array"),
    ],
)
def test_bad_input_prints_a_clear_error_and_exits_2(tmp_path, content, expected):
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    result = run_cli(str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"newsline: cannot open {path}:")
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_text(encoding="utf-8") == content


def test_dangling_id_and_span_off_the_text(tmp_path, small_data, write_json):
    small_data["events"][0]["actors"] = ["ghost"]
    small_data["events"][0]["time"]["end"] = 999
    path = write_json(small_data, "broken.json")
    result = run_cli(str(path))
    assert result.returncode == 2
    assert '$.events[0].actors[0]: expected the id of an item in $.actors, found "ghost"' in result.stderr
    assert "$.events[0].time.end: expected an offset within document.text" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file(tmp_path):
    result = run_cli(str(tmp_path / "nope.json"))
    assert result.returncode == 2
    assert "no such file" in result.stderr


def test_help_and_version():
    assert "events JSON file" in run_cli("--help").stdout
    assert run_cli("--version").stdout.startswith("newsline ")


def run_with_keymap(tmp_path, monkeypatch, text: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    """``newsline`` with a keymap file holding ``text``: the result, and the file (to check it is untouched)."""
    keymap = tmp_path / "keymap.toml"
    keymap.write_text(text, encoding="utf-8")
    monkeypatch.setenv("NEWSLINE_KEYMAP", str(keymap))
    return run_cli(), keymap


def test_a_broken_keymap_gets_a_message_not_a_traceback(tmp_path, monkeypatch):
    result, keymap = run_with_keymap(tmp_path, monkeypatch, "[keymap\n")
    assert result.returncode == 2
    assert result.stderr.startswith(f"newsline: cannot read the keymap {keymap}:")
    assert "Traceback" not in result.stderr
    assert keymap.read_text(encoding="utf-8") == "[keymap\n"


def test_a_keymap_naming_no_binding_is_refused_with_a_suggestion(tmp_path, monkeypatch):
    """A typo in a binding id would otherwise remap nothing, silently."""
    text = '[keymap]\nfilter-actor = "f"\nquit = "ctrl+q"\narticle-close = "x"\n'
    result, keymap = run_with_keymap(tmp_path, monkeypatch, text)
    assert result.returncode == 2
    assert result.stderr == (
        f"newsline: cannot use the keymap {keymap}: 1 problem found.\n"
        '  [keymap].filter-actor: expected the id of a binding, found "filter-actor"; did you mean "filter-actors"?\n'
    )  # quit (the main view's) and article-close (a sub-view's) are known ids
    assert keymap.read_text(encoding="utf-8") == text


async def test_start_up_holds_the_collector_off_until_the_first_screen(tmp_path, monkeypatch):
    """`newsline` does not collect garbage while it starts (it would only cost time), and collects
    again once the first screen is drawn, with what start-up built frozen out of its sight."""
    import gc

    from tui import cli
    from tui.app import NewslineApp

    monkeypatch.setenv("NEWSLINE_KEYMAP", str(tmp_path / "no-keymap.toml"))
    assert cli.prepare([str(tmp_path / "missing.json")]) == 2
    assert gc.isenabled(), "a refusal must not leave the collector off"
    frozen = gc.get_freeze_count()
    try:
        app = cli.prepare([])
        assert isinstance(app, NewslineApp) and not gc.isenabled()
        async with app.run_test(size=(120, 35)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
            assert gc.get_freeze_count() > frozen
    finally:
        gc.enable()
        gc.unfreeze()
