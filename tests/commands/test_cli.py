"""The command line: bad input gets one clear message and exit status 2, never a traceback."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.slow  # the command in a subprocess, a fresh interpreter each


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

    from tui.app import NewslineApp
    from tui.commands import view as cli

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


# -- outputs that fail, terminals that are not there, keymaps that cannot work ------------------------------


def test_a_full_disk_gets_a_message_and_status_1():
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "tui", "timeline"], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60
        )
    assert result.returncode == 1
    assert result.stderr == "newsline: cannot write the output: No space left on device\n"


@pytest.mark.parametrize("arguments", [["timeline", "--json"], ["timeline"]])
def test_an_output_encoding_without_the_texts_letters_gets_a_message_and_status_1(arguments):
    environment = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    result = subprocess.run(
        [sys.executable, "-m", "tui", *arguments], capture_output=True, text=True, timeout=60, env=environment
    )
    assert result.returncode == 1
    assert result.stderr.startswith("newsline: cannot write the output: its encoding, latin-1, has no ")
    assert "set PYTHONIOENCODING=utf-8, or a UTF-8 locale\n" in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("redirect", "expected"),
    [
        ("stdin", "standard input is not a terminal"),
        ("all", "standard input is not a terminal"),
        ("term", "TERM is 'dumb'"),
        ("stderr", "standard error is not a terminal"),
    ],
)
def test_without_a_terminal_to_drive_newsline_says_so(redirect, expected, tmp_path):
    """Run under a pseudo-terminal, so that only what the case redirects is not a terminal."""
    import os
    import pty

    env = dict(os.environ, TERM="dumb" if redirect == "term" else "xterm-256color")
    env.pop("NEWSLINE_KEYMAP", None)
    env["XDG_CONFIG_HOME"] = str(tmp_path)
    leader, follower = pty.openpty()
    log = tmp_path / "stderr.txt"
    with open(log, "w") as stderr_file:
        streams = {"stdin": follower, "stdout": follower, "stderr": follower}
        if redirect in ("stdin", "all"):
            streams["stdin"] = subprocess.DEVNULL
        if redirect in ("stderr", "all"):
            streams["stderr"] = stderr_file
        if redirect == "all":
            streams["stdout"] = subprocess.DEVNULL
        try:
            result = subprocess.run([sys.executable, "-m", "tui"], env=env, timeout=60, **streams)
            os.set_blocking(leader, False)
            try:
                on_terminal = os.read(leader, 65536).decode("utf-8", "replace")
            except OSError:  # nothing was written to the terminal
                on_terminal = ""
        finally:
            os.close(follower)
            os.close(leader)
    message = (log.read_text(encoding="utf-8") + on_terminal).replace("\r\n", "\n")
    assert result.returncode == 2
    assert message.startswith("newsline: there is no terminal to drive:")
    assert expected in message
    assert "Traceback" not in message


def test_no_terminal_names_each_reason(monkeypatch):
    from tui.commands import view as cli

    class Stream:
        def __init__(self, tty: bool) -> None:
            self.tty = tty

        def isatty(self) -> bool:
            return self.tty

    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setattr(sys, "__stdin__", Stream(False))
    monkeypatch.setattr(sys, "__stderr__", Stream(True))
    assert "standard input is not a terminal" in cli.no_terminal()
    monkeypatch.setattr(sys, "__stdin__", Stream(True))
    monkeypatch.setattr(sys, "__stderr__", Stream(False))
    assert "standard error is not a terminal" in cli.no_terminal()
    monkeypatch.setattr(sys, "__stderr__", Stream(True))
    assert cli.no_terminal() is None
    monkeypatch.setenv("TERM", "dumb")
    assert "TERM is 'dumb'" in cli.no_terminal()
    monkeypatch.setattr(sys, "__stdin__", None)  # pythonw-like: no stream at all
    assert "standard input is not a terminal" in cli.no_terminal()


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('quit = "ctrl+"', '[keymap].quit: expected keys like "ctrl+q" or "up,k", found "ctrl+" (no key follows'),
        ('quit = ","', '[keymap].quit: expected keys like "ctrl+q" or "up,k", found "," (a comma separates keys'),
        ('quit = "not a key at all!!"', 'found "not a key at all!!" (not a key; a key is a character or a name'),
        ('quit = "f9,\\u001b"', 'found "f9,␛" ("␛" is not a key'),
        ('quit = "turbo+x"', '("turbo" is not a modifier'),
        ("quit = 5", '[keymap].quit: expected a string of keys like "ctrl+q" or "up,k", found 5'),
        ("quit = [1, 2]", "[keymap].quit: expected a string of keys like"),
        ('cursor-down = "q"', '[keymap].cursor-down: "q" is also the key of quit in the timeline, which would then'),
        ('axis-pan-later = "r"', '[keymap].axis-pan-later: "r" is also the key of show-article in the time axis'),
        ('search = "ctrl+p"', '[keymap].search: "ctrl+p" is kept for the command palette'),
        ('filter-actors = "tab"', '[keymap].filter-actors: "tab" is kept for moving between panes'),
    ],
)
def test_keymaps_that_cannot_work_are_refused_with_one_message(tmp_path, monkeypatch, line, problem):
    result, keymap = run_with_keymap(tmp_path, monkeypatch, f"[keymap]\n{line}\n")
    assert result.returncode == 2
    assert result.stderr.startswith(f"newsline: cannot use the keymap {keymap}: 1 problem found.\n  ")
    assert problem in result.stderr
    assert "\x1b" not in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "text",
    ["keymap = 5\n", "[keymap]\n[keymaps]\nquit = 'x'\n", "[keymap.quit]\nkey = 'x'\n"],
    ids=["not-a-table", "unknown-table", "table-for-a-value"],
)
def test_a_keymap_of_the_wrong_shape_names_its_problem(tmp_path, monkeypatch, text):
    result, _ = run_with_keymap(tmp_path, monkeypatch, text)
    assert result.returncode == 2
    assert "keymap" in result.stderr and "1 problem found" in result.stderr, result.stderr


def test_keymaps_that_move_keys_without_clashing_are_accepted(tmp_path):
    from tui.app.bindings import binding_places
    from tui.app.keymap import load_keymap

    path = tmp_path / "keymap.toml"
    # a swap of two keys, keys other places use too (j in the article), and a character written as itself
    path.write_text('[keymap]\nquit = "ctrl+q"\ncursor-down = "q,down"\nhelp = "f1,?"\n', encoding="utf-8")
    assert load_keymap(path, binding_places) == {"quit": "ctrl+q", "cursor-down": "q,down", "help": "f1,question_mark"}


@pytest.mark.parametrize("special", ["/dev/zero", "/dev/urandom", "fifo"])
def test_a_keymap_that_is_not_a_regular_file_is_refused(tmp_path, monkeypatch, special):
    import os

    if special == "fifo":
        special = str(tmp_path / "keymap.fifo")
        os.mkfifo(special)
    monkeypatch.setenv("NEWSLINE_KEYMAP", special)
    result = run_cli()
    assert result.returncode == 2
    assert result.stderr.startswith(f"newsline: cannot read the keymap {special}: it is a ")
    assert "expected a regular file" in result.stderr


@pytest.mark.parametrize("mode", [[], ["--json"]], ids=["table", "json"])
def test_a_reader_that_goes_away_is_not_an_error(tmp_path, mode):
    """`newsline timeline | head`: the output stops there, quietly, with status 0 (rich's console
    exited with status 1 on a broken pipe)."""
    import json

    from ..synthetic import synthetic_report

    path = tmp_path / "long.json"
    path.write_text(json.dumps(synthetic_report(3_000)), encoding="utf-8")  # more than a pipe holds
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "timeline", str(path), *mode],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.read(100)
    process.stdout.close()
    assert process.wait(timeout=120) == 0
    assert process.stderr.read() == b""


_KEY_STRINGS = st.sampled_from(
    ["q", "?", "ctrl+q", "up,k", "f5", "comma", ",", "ctrl+", "shift+tab", "tab", "ctrl+p", "é", " ", "", "x,,y",
     "alt+ctrl+x", "ctrl+ctrl+x", "plus", "+", "question_mark", "enter", "escape", "\x1b", "\u202e", "中"]
) | st.text(max_size=8)  # fmt: skip
_KEYMAP_VALUES = _KEY_STRINGS | st.integers() | st.booleans() | st.lists(_KEY_STRINGS, max_size=2)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    entries=st.dictionaries(
        st.sampled_from(["quit", "help", "cursor-down", "cursor-up", "search", "article-next-evidence", "quitt"])
        | st.text(alphabet="abcdefghijklmnopqrstuvwxyz-", min_size=1, max_size=12),
        _KEYMAP_VALUES,
        max_size=4,
    )
)
def test_any_keymap_is_used_or_refused_with_one_message(tmp_path, entries):
    """Whatever a keymap holds, it is either used, with every key a key Textual knows and no binding
    hidden, or refused with the one message — never another exception."""
    from tui.app.bindings import binding_places
    from tui.app.keymap import KeymapError, load_keymap

    def toml(value):
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, list):
            return "[" + ", ".join(toml(item) for item in value) + "]"
        return json.dumps(value, ensure_ascii=False)  # a JSON string or integer is a TOML one too

    path = tmp_path / "keymap.toml"
    path.write_text("[keymap]\n" + "".join(f'"{key}" = {toml(value)}\n' for key, value in entries.items()))
    try:
        keymap = load_keymap(path, binding_places)
    except KeymapError as error:
        message = str(error)
        assert re.match(rf"newsline: cannot (use|read) the keymap {re.escape(str(path))}: ", message)
        assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]", message)
    else:
        assert set(keymap) <= {binding.id for _, bindings in binding_places() for binding in bindings}
        from textual.keys import _normalize_key_list

        for keys in keymap.values():
            assert keys and all(key and key == key.strip() for key in keys.split(","))
            assert _normalize_key_list(keys) == keys  # in Textual's own names, as it matches them


def test_help_lists_every_command_one_line_each():
    """`newsline --help` is the one help: every command, with one line saying what it does."""
    result = run_cli("--help")
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    for name in ("view", "timeline", "times", "draft", "export", "serve"):
        listed = [line for line in lines if re.match(rf"  {name} +\S", line)]
        assert len(listed) == 1, (name, result.stdout)
    assert "newsline REPORT.txt" in result.stdout  # the default command's two forms are in the usage
    assert run_cli("-h").stdout == result.stdout


@pytest.mark.parametrize("name", ["view", "timeline", "times", "draft", "export", "serve"])
def test_each_command_has_its_own_help(name):
    result = run_cli(name, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"usage: newsline {name} " if name != "view" else "usage: newsline ")


def test_a_commands_unknown_option_is_refused_with_its_own_usage():
    result = run_cli("timeline", "--bogus")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "usage: newsline timeline [-h] [--json] [file]",
        "newsline timeline: error: unrecognized arguments: --bogus",
    ]
