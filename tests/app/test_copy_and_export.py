"""Pilot tests: the copy key (the selected event, or the quote under the cursor) and the export key."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tui.app.widgets.details import QuotesPane

from .exporting import messages, replaced_only_on_yes
from .test_interaction import SIZE, selected


async def _select(pilot, event_id: str) -> None:
    app = pilot.app
    app.jump_to(event_id)
    await pilot.pause()
    assert selected(app) == event_id


async def test_y_copies_the_selected_event_when_what_who_sources_quotes(app):
    async with app.run_test(size=SIZE) as pilot:
        await _select(pilot, "zelensky-video-speech")
        await pilot.press("y")
        await pilot.pause()
        copied = app.clipboard.splitlines()
        assert copied[0] == "When: Sat 10 Sep · evening (certain)"
        assert copied[1].startswith("What: Zelensky says in a Saturday-evening Telegram video")
        assert copied[2] == "Who: Volodymyr Zelensky"
        assert copied[3].startswith("Sources: Zelensky's Saturday-evening video message on Telegram")
        assert copied[4] == "“L’armée ukrainienne a repris 2 000 kilomètres de territoire” — Volodymyr Zelensky"
        assert len(copied) == 4 + 3  # its three quotes, verbatim
        assert messages(app)[-1] == "Copied the event to the clipboard (7 lines)."


async def test_y_in_the_quotes_pane_copies_the_quote_under_the_cursor(app):
    async with app.run_test(size=SIZE) as pilot:
        await _select(pilot, "zelensky-video-speech")
        quotes = app.query_one("#quotes", QuotesPane)
        quotes.focus()
        await pilot.press("down", "down", "down")  # the cursor stops at the last of three quotes
        await pilot.press("up", "y")
        await pilot.pause()
        assert (
            app.clipboard
            == "“Depuis début septembre, nous avons libéré 2 000 kilomètres de territoire” — Volodymyr Zelensky"
        )
        assert messages(app)[-1] == "Copied the quote to the clipboard (1 line)."
        highlighted = [line.text.strip() for line in quotes._lines if any(s.style and s.style.bgcolor for s in line)]
        assert highlighted and highlighted[0].startswith("“Depuis début septembre")


async def test_the_quote_cursor_shows_only_while_the_pane_has_focus(app):
    async with app.run_test(size=SIZE) as pilot:
        await _select(pilot, "zelensky-video-speech")
        quotes = app.query_one("#quotes", QuotesPane)
        assert quotes.current_quote is None
        quotes.focus()
        await pilot.pause()
        assert quotes.current_quote is not None
        app.query_one("#timeline").focus()
        await pilot.pause()
        await pilot.press("y")
        assert app.clipboard.startswith("When: ")  # back on the timeline, the event is copied


async def test_e_exports_what_the_filters_show_and_says_where(app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"tass", "enter")
        await pilot.pause()
        shown = [row.id for row in app.view.rows]
        assert 0 < len(shown) < 27
        await pilot.press("e")
        await pilot.pause()
        assert type(app.screen).__name__ == "ExportScreen"
        await pilot.press("s")
        await pilot.pause()
        target = tmp_path / "ttn-fr-3-timeline.csv"
        rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"), newline="")))
        assert [row["id"] for row in rows] == shown
        assert messages(app)[-1] == f"Exported {len(shown)} events as csv to {target}"
        await pilot.press("e", "t")
        await pilot.pause()
        slides = json.loads((tmp_path / "ttn-fr-3-timeline.json").read_text(encoding="utf-8"))["events"]
        assert [slide["unique_id"] for slide in slides] == shown
        await pilot.press("e", "m")
        await pilot.pause()
        assert (tmp_path / "ttn-fr-3-timeline.md").read_text(encoding="utf-8").startswith("# Le plus gros coup")
        assert sorted(path.name for path in tmp_path.iterdir()) == [
            "ttn-fr-3-timeline.csv",
            "ttn-fr-3-timeline.json",
            "ttn-fr-3-timeline.md",
        ]


async def test_escape_cancels_the_export(app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "escape")
        await pilot.pause()
        assert type(app.screen).__name__ != "ExportScreen"
        assert list(tmp_path.iterdir()) == []


async def test_an_export_that_cannot_be_written_says_why(app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ttn-fr-3-timeline.md").mkdir()  # a folder where the file would go: even root cannot replace it
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "m")
        await pilot.pause()
        target = tmp_path / "ttn-fr-3-timeline.md"
        assert messages(app)[-1] == f"Nothing exported: cannot write {target}: it is a directory, expected a file."
        assert sorted(path.name for path in tmp_path.iterdir()) == ["ttn-fr-3-timeline.md"]  # no temporary left


def test_export_picker_snapshot(app, snap_compare):
    app.export_folder = Path("/home/reader/reports")  # shown only: the snapshot is taken before a format is chosen
    assert snap_compare(app, terminal_size=SIZE, press=["e"])


async def test_copied_text_never_carries_terminal_escapes(small_data, write_json):
    from tui.app import NewslineApp
    from tui.model import load_report

    small_data["events"][1]["summary"] = "Bob says \x1b[31mno\x1b[0m\nloudly"
    app = NewslineApp(load_report(write_json(small_data)), keymap={})
    async with app.run_test(size=SIZE) as pilot:
        app.jump_to("bob-says-no")
        await pilot.press("y")
        await pilot.pause()
        assert "\x1b" not in app.clipboard
        assert "What: Bob says ␛[31mno␛[0m loudly" in app.clipboard.splitlines()
        assert app.clipboard.splitlines()[-1] == "« [bold]non » — Bob"


async def test_the_export_key_never_writes_over_the_file_open_here(tmp_path, monkeypatch):
    """Opening ttn-fr-3-timeline.json and pressing e t replaced the input with TimelineJS JSON."""
    from tui.app import NewslineApp
    from tui.model import load_report
    from tui.model.loader import bundled_path

    monkeypatch.chdir(tmp_path)
    source = tmp_path / "ttn-fr-3-timeline.json"
    source.write_bytes(bundled_path().read_bytes())
    app = NewslineApp(load_report(source), keymap={}, source=source)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "t")
        await pilot.pause()
        assert source.read_bytes() == bundled_path().read_bytes()
        written = tmp_path / "ttn-fr-3-timeline-2.json"
        assert "title" in json.loads(written.read_text(encoding="utf-8"))
        assert messages(app)[-1] == f"Exported 27 events as timelinejs to {written}"


async def test_an_existing_export_is_replaced_only_on_the_users_yes(app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    existing = tmp_path / "ttn-fr-3-timeline.csv"
    existing.write_text("theirs", encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await replaced_only_on_yes(pilot, existing, "id,summary,")


async def test_an_export_gets_the_permissions_the_umask_allows(app, tmp_path, monkeypatch):
    import os
    import stat

    monkeypatch.chdir(tmp_path)
    old = os.umask(0o077)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("e", "m")
            await pilot.pause()
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "ttn-fr-3-timeline.md").stat().st_mode) == 0o600


def test_replace_question_snapshot(app, snap_compare, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app.export_folder = Path("/home/reader/reports")

    async def run_before(pilot):
        from tui.app.screens.export import ReplaceScreen

        app.push_screen(ReplaceScreen("/home/reader/reports/ttn-fr-3-timeline.csv", "ttn-fr-3-timeline-2.csv"))

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
