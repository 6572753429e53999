"""Small things users hit (issue 20): `timeline` on a plain-text report says what to run instead; a file the
export key writes names the filter it was written with, at 120×35 and 80×24; the Markdown chronology orders
events as the app does and writes figures as the app does."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tui.commands import main
from tui.export import export

SIZES = [(120, 35), (80, 24)]


@pytest.mark.parametrize("command", [["timeline"], ["timeline", "--json"], ["export", "--to", "csv"]])
def test_a_plain_text_report_given_as_events_says_to_draft_it(tmp_path, capsys, command):
    report = tmp_path / "report.txt"
    report.write_text("Samedi soir, Zelensky a parlé.\n", encoding="utf-8")
    status = main([command[0], str(report), *command[1:]])
    err = capsys.readouterr().err
    assert status == 2
    assert "not valid JSON" in err  # the loader's one message, still
    assert f"'newsline {report}' drafts it" in err and f"'newsline draft {report}'" in err


def test_another_file_that_is_no_json_gets_the_draft_command_only(tmp_path, capsys):
    notes = tmp_path / "notes.md"
    notes.write_text("# Samedi soir\n", encoding="utf-8")
    assert main(["timeline", str(notes)]) == 2
    err = capsys.readouterr().err
    assert f"'newsline draft {notes}'" in err and f"'newsline {notes}' drafts" not in err


@pytest.mark.parametrize("size", SIZES, ids=["120x35", "80x24"])
async def test_files_of_the_export_key_name_the_filter(app, size, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    async with app.run_test(size=size) as pilot:
        app.filter_by_actor("zelensky")
        await pilot.pause()
        shown = app.view.shown()
        assert shown.startswith(f"{len(app.view.rows)} of 27 events · filter: actor Volodymyr Zelensky")
        for key in ("s", "m", "t"):
            await pilot.press("e", key)
            await pilot.pause()
        rows = list(csv.DictReader(io.StringIO((tmp_path / "ttn-fr-3-timeline.csv").read_text(encoding="utf-8"))))
        assert {row["shown"] for row in rows} == {shown}
        markdown = (tmp_path / "ttn-fr-3-timeline.md").read_text(encoding="utf-8")
        assert "filter: actor Volodymyr Zelensky" in markdown.split("\n## ", 1)[0]
        title = json.loads((tmp_path / "ttn-fr-3-timeline.json").read_text(encoding="utf-8"))["title"]
        assert "filter: actor Volodymyr Zelensky" in title["text"]["text"]


def test_an_unfiltered_export_says_it_holds_every_event(bundled_timeline):
    rows = list(csv.DictReader(io.StringIO(export(bundled_timeline, "csv"))))
    assert {row["shown"] for row in rows} == {"27 events"}


def test_the_markdown_chronology_follows_the_apps_order_and_its_figures(bundled_timeline):
    markdown = export(bundled_timeline, "markdown")
    summaries = [line[4:] for line in markdown.splitlines() if line.startswith("### ")]
    order = [row.event.summary for row in bundled_timeline.events]
    assert summaries[0] == order[0]  # the Kyiv defeat, first in the app, first here
    firsts = [order.index(summary) for summary in summaries]
    groups = markdown.split("\n## ")[1:]
    heads = [order.index(group.split("\n### ", 1)[1].split("\n", 1)[0]) for group in groups if "\n### " in group]
    assert heads == sorted(heads)  # each day's group where its first event comes in the app
    assert len(firsts) == len(order)
    claims = markdown.split("## Claims", 1)[1]
    assert "about 2,000 km" in claims and "1,000 km²" in claims and "2000 km" not in claims
