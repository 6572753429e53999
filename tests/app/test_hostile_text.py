"""Hostile text from the data reaches every widget, screen and output only through the one sanitiser.

One report (tests/hostile.py) holds terminal escapes, line breaks, bidi overrides, zero-width characters,
ZWJ emoji, flags, Hangul fillers and wide text in every free-text field. Every screen the user can reach is
drawn with it, and each drawn line must hold nothing a terminal acts on or draws at a width terminals
disagree on, and be exactly as wide as the screen, with the panes' borders where a plain report has them.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from rich.cells import cell_len
from textual import events

from tui.app import NewslineApp
from tui.model import parse_report
from tui.printable import is_printable, printable

from ..conftest import small_report_data
from ..hostile import ESCAPES, HOSTILE, UNSAFE_PATTERN, hostile_report_data

SIZE = (120, 40)
UNSAFE = re.compile(UNSAFE_PATTERN)
BORDERS = "│┃╭╮╰╯┌┐└┘"


def screen_lines(app: NewslineApp) -> list[str]:
    """The whole screen as Textual composes it for the terminal: one string per line."""
    strips = app.screen._compositor.render_strips()
    width = app.size.width
    lines = []
    for number, strip in enumerate(strips):
        text = strip.text
        assert strip.cell_length == width, f"line {number} is {strip.cell_length} cells wide, not {width}: {text!r}"
        assert sum(cell_len(char) for char in text) == cell_len(text) == width, (
            f"line {number} joins characters into one cell, which terminals do differently: {text!r}"
        )
        lines.append(text)
    return lines


def assert_safe(lines: list[str], where: str) -> None:
    for number, line in enumerate(lines):
        found = UNSAFE.search(line)
        assert found is None, f"{where}, line {number}: {found.group()!r} reaches the terminal in {line!r}"
    assert any("pwned" in line for line in lines) or where in NO_DATA, f"{where}: the hostile text is not shown"


NO_DATA = {"help"}


def border_columns(lines: list[str]) -> list[tuple[int, ...]]:
    """Where each line draws a border, in cells."""
    columns = []
    for line in lines:
        found, cell = [], 0
        for char in line:
            if char in BORDERS:
                found.append(cell)
            cell += cell_len(char)
        columns.append(tuple(found))
    return columns


@pytest.fixture(scope="module")
def hostile():
    return parse_report(json.dumps(hostile_report_data()))


async def test_every_screen_shows_hostile_text_as_data(hostile):
    plain = NewslineApp(parse_report(json.dumps(small_report_data())), keymap={})
    async with plain.run_test(size=SIZE) as pilot:
        await pilot.pause()
        expected_borders = border_columns(screen_lines(plain))

    app = NewslineApp(hostile, keymap={})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        seen: dict[str, list[str]] = {}

        async def look(where: str) -> None:
            await pilot.pause()
            seen[where] = screen_lines(app)
            assert_safe(seen[where], where)

        await look("main screen")
        main = seen["main screen"]
        assert border_columns(main) == expected_borders, "the panes' borders moved"
        for event_id in ("e1", "e3"):  # every event in the detail panes
            app.jump_to(event_id)
            await look(f"main screen, {event_id} selected")
            assert border_columns(seen[f"main screen, {event_id} selected"]) == expected_borders

        # the status line after an actor filter (an actor's name set the terminal's title there)
        app.filter_by_actor("bob")
        await look("status after an actor filter")
        assert "filter: actor Bob ␛]0;pwned␇" in seen["status after an actor filter"][-2]
        await pilot.press("slash", *"x")  # the search box, and what the user typed, echoed
        await look("search")
        app.post_message(events.Paste(f"Bob {HOSTILE}"))  # pasted, as the terminal sends it: hostile too
        await look("search, pasted")
        await pilot.press("escape")

        await pilot.press("t")  # the axis, and its lanes by actor
        await look("axis")
        await pilot.press("L")
        await look("axis by actor")

        await pilot.press("a")
        await look("actor picker")
        await pilot.press("escape")

        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        await look("palette")
        await pilot.press(*"Bob")
        await pilot.pause(0.3)
        await look("palette, searched")
        app.post_message(events.Paste(HOSTILE))
        await pilot.pause(0.3)
        await look("palette, pasted")
        await pilot.press("escape")

        app.jump_to("e2")
        await pilot.press("r")
        await look("article")
        await pilot.press("n", "n", "n")
        await look("article, evidence")
        await pilot.press("enter")  # a sentence two events come from: the chooser lists them
        await look("article, sentence chooser")
        await pilot.press("escape", "escape")

        await pilot.press("c")
        await look("claims")
        await pilot.press("escape")

        await pilot.press("question_mark")
        await look("help")
        await pilot.press("escape")
        assert len(seen) >= 15


def test_the_sanitiser_leaves_nothing_unsafe_and_keeps_offsets():
    for lines in (False, True):
        shown = printable(HOSTILE, lines=lines)
        assert len(shown) == len(HOSTILE)
        assert is_printable(shown, lines=lines)
        left = UNSAFE.findall(shown)
        assert left == (["\n"] if lines else []) or set(left) <= {"\n"}
    assert printable("a\nb") == "a␤b" and printable("a\nb", lines=True) == "a\nb"
    assert printable("🇺🇦 \x1b[2J\x9b") == "UA ␛[2J�"
    assert printable("Évacuation à Kharkiv, 中文 — « d’accord »") == "Évacuation à Kharkiv, 中文 — « d’accord »"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
    )


@pytest.mark.slow  # the command in a subprocess
def test_the_printed_timeline_shows_hostile_text_as_data(tmp_path):
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(hostile_report_data(), ensure_ascii=False), encoding="utf-8")
    table = run_cli("timeline", str(path))
    assert table.returncode == 0, table.stderr
    assert "␛]0;pwned␇" in table.stdout
    assert UNSAFE.search(table.stdout.replace("\n", "")) is None

    lines = run_cli("timeline", "--json", str(path))
    assert lines.returncode == 0, lines.stderr
    assert UNSAFE.search(lines.stdout.replace("\n", "")) is None  # escaped, as JSON may write any character
    events = [json.loads(line) for line in lines.stdout.splitlines()]
    assert {event["summary"] for event in events} == {f"Summary {n} {HOSTILE}" for n in (1, 2, 3)}


@pytest.mark.slow  # the command in a subprocess
def test_messages_about_a_hostile_file_show_it_as_data(tmp_path):
    data = hostile_report_data()
    data["events"][0]["actors"] = [f"ghost{ESCAPES}"]
    data["events"][0][f"key{ESCAPES}"] = 1
    path = tmp_path / f"name{ESCAPES}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run_cli(str(path))
    assert result.returncode == 2
    assert "2 problems found" in result.stderr
    assert UNSAFE.search(result.stderr.replace("\n", "")) is None
    assert "$.events[0].key␛]0;pwned␇" in result.stderr


@pytest.mark.parametrize("size", [(80, 24), (60, 16), (200, 50)])
async def test_hostile_text_at_other_sizes(hostile, size):
    """Narrow terminals drop the actor column and cut more: the cuts fall on cells, never mid-character."""
    app = NewslineApp(hostile, keymap={})
    async with app.run_test(size=size) as pilot:
        for key in ("", "j", "t", "j"):
            if key:
                await pilot.press(key)
            await pilot.pause()
            assert_safe(screen_lines(app), f"main screen at {size}, after {key or 'start'}")


@pytest.mark.slow  # the command in a subprocess
def test_the_times_command_shows_hostile_text_as_data(tmp_path):
    path = tmp_path / f"name{ESCAPES}\u202e.txt"  # the table's title names the file
    path.write_text(f"Samedi soir {HOSTILE} et hier {HOSTILE}.\n", encoding="utf-8")
    for mode in ([], ["--json"]):
        result = run_cli("times", str(path), "--published", "2022-09-11", *mode)
        assert result.returncode == 0, result.stderr
        assert "amedi soir" in result.stdout
        assert UNSAFE.search(result.stdout.replace("\n", "")) is None, mode
