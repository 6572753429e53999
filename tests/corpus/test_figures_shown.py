"""Figures the reports of one story event give differently reach the reader: in the story (who gave which),
the table's ``≠`` mark and count, the JSON lines, the CSV's ``figures_differ`` cell and the Markdown — each
escaped for where it goes."""

from __future__ import annotations

import csv
import io
import json

from tui.corpus.output import write_csv, write_json_lines, write_markdown, write_table
from tui.corpus.records import ClaimRecord, EventRecord
from tui.corpus.story import build_story
from tui.corpus.view import row_mark


def event(report: str, text: str, claim: ClaimRecord, outlet: str) -> EventRecord:
    return EventRecord(
        report=report, id="e1", kind="action", summary=text, text=text, actors=(), places=(), sources=(),
        certain_earliest=None, certain_latest=None, likely_earliest=None, likely_latest=None, certain_label="undated",
        likely_label="undated", claims=(claim,), outlet=outlet,
    )  # fmt: skip


class Row:
    def __init__(self, key: str, name: str, outlet: str) -> None:
        self.key, self.name, self.outlet, self.published = key, name, outlet, None


HOSTILE = "=cmd|' /C calc'!A0 <b>x</b> [red]"
EIGHT = event("a", "Un incendie a tué 8 personnes.", ClaimRecord(8, "personnes", "8 personnes", "8 personnes", None),
              "Benin Web TV")  # fmt: skip
TEN = event(
    "b", "Au moins 10 personnes sont mortes.",
    ClaimRecord(10, "personnes", "au moins 10 personnes", "au moins 10 personnes", "at least"), HOSTILE,
)  # fmt: skip
ALONE = event("c", "Un autre fait, 3 personnes.", ClaimRecord(3, "personnes", "3 personnes", "3 personnes", None), "X")


def story():
    rows = [Row("a", "a.txt", "Benin Web TV"), Row("b", "b.txt", HOSTILE), Row("c", "c.txt", "X")]
    return build_story([EIGHT, TEN, ALONE], {("a", "e1"): 0, ("b", "e1"): 0, ("c", "e1"): 1}, rows)


def test_the_story_event_says_who_gave_which_figure():
    told, alone = sorted(story().events, key=lambda item: item.number)
    assert told.figures_differ() == [
        f"8 personnes: 8 (Benin Web TV · a.txt: “8 personnes”) ≠ at least 10 ({HOSTILE} · b.txt: “au moins 10 "
        "personnes”)"
    ]
    assert row_mark(told) == "≠" and row_mark(alone) == " " and alone.figures_differ() == []


def test_the_table_marks_and_counts_them():
    out = io.StringIO()
    write_table(story(), out, width=120)
    marked = [line for line in out.getvalue().splitlines() if "  ≠ " in line]
    assert len(marked) == 1 and ("sont mortes" in marked[0] or "a tué 8" in marked[0])
    assert "≠ 1 where they give different figures" in out.getvalue()


def test_json_lists_each_figure_with_its_report():
    out = io.StringIO()
    write_json_lines(story(), out)
    told = next(json.loads(line) for line in out.getvalue().splitlines() if json.loads(line)["figure_conflicts"])
    (conflict,) = told["figure_conflicts"]
    assert [(f["quantity"], f["report"], f["outlet"], f["text"]) for f in conflict["figures"]] == [
        (8, "a", "Benin Web TV", "8 personnes"),
        (10, "b", HOSTILE, "au moins 10 personnes"),
    ]


def test_csv_and_markdown_say_them_escaped():
    out = io.StringIO()
    write_csv(story(), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    cells = [row["figures_differ"] for row in rows if row["figures_differ"]]
    assert len(cells) == 1 and "8 (Benin Web TV · a.txt" in cells[0] and "at least 10" in cells[0]
    out = io.StringIO()
    write_markdown(story(), out)
    (line,) = [line for line in out.getvalue().splitlines() if line.startswith("Figures differ — ")]
    assert "8 (Benin Web TV · a.txt" in line and "<b>" not in line
