"""The table ``newsline timeline`` prints for people: when, "?", event, who — one row per event.

Written line by line as plain text, with the columns sized once from the content and the terminal's width:
Rich's ``Table`` measures and lays out every cell of every row before printing anything (47 s for 100 000
events). Text from the data goes through :func:`tui.view.printable`, so it never drives the terminal.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from typing import TextIO

from rich.cells import cell_len, set_cell_size

from tui.temporal import Timeline
from tui.view import printable

WHEN_MOST = 34  # the longest labels ("by Sun 11 Sep 22:59", "ongoing at publication (Sun 11 Sep)") fit
WHO_MOST = 24
GAP = "  "


def print_table(timeline: Timeline, out: TextIO, width: int | None = None) -> None:
    report = timeline.report
    width = max(40, width or shutil.get_terminal_size((100, 24)).columns)
    rows = []
    # Events share their labels and their actors: each is made printable, and later wrapped, once.
    whens: dict[str, str] = {}
    whos: dict[tuple[str, ...], str] = {}
    for resolved in timeline.events:
        label, actors = resolved.likely_label, resolved.event.actors
        when = whens.get(label)
        if when is None:
            when = whens[label] = printable(label)
        who = whos.get(actors)
        if who is None:
            who = whos[actors] = printable(", ".join(report.actor(a).name for a in actors))
        mark = " " if timeline.ordered_with_next(resolved.id) else "?"
        rows.append((when, mark, printable(resolved.event.summary), who))
    when_width = min(WHEN_MOST, max((cell_len(row[0]) for row in rows), default=4), width // 3)
    who_width = min(WHO_MOST, max((cell_len(row[3]) for row in rows), default=3), width // 5)
    who_width = max(who_width, 3)
    event_width = max(10, width - when_width - who_width - 1 - 3 * len(GAP))
    write = out.write
    for line in _wrap(printable(report.document.headline.text), width):
        write(line + "\n")
    write("\n")
    write(_line(("when", " ", "event", "who"), (when_width, 1, event_width, who_width)).rstrip() + "\n")
    write("─" * (when_width + 1 + event_width + who_width + 3 * len(GAP)) + "\n")
    widths = (when_width, 1, event_width, who_width)
    wrapped: dict[tuple[str, int], list[str]] = {}  # the labels' and the actors', each wrapped once
    for when, mark, summary, who in rows:
        whens = wrapped.get((when, when_width))
        if whens is None:
            whens = wrapped[when, when_width] = _wrap(when, when_width)
        events = _wrap(summary, event_width)
        whos = wrapped.get((who, who_width))
        if whos is None:
            whos = wrapped[who, who_width] = _wrap(who, who_width)
        for index in range(max(len(whens), len(events), len(whos))):
            cells = (
                whens[index] if index < len(whens) else "",
                mark if index == 0 else " ",
                events[index] if index < len(events) else "",
                whos[index] if index < len(whos) else "",
            )
            write(_line(cells, widths).rstrip() + "\n")
    write("\n")
    publication = report.document.published
    published = (
        f"published {publication.estimate:%a %d %b %Y} (estimate)"
        if publication.known
        else "publication time unknown: times are relative to it"
    )
    notes = [
        f"? the order with the next event is not certain · {published}",
        "≈ likely: the report's words and news-reading defaults (newsline timeline --json explains each)",
    ]
    for conflict in timeline.conflicts:
        words = ", ".join(c.evidence.describe() for c in conflict.constraints)
        notes.append(printable(f"contradiction: {words}; set aside {conflict.dropped.evidence.describe()}"))
    for note in notes:
        for line in _wrap(note, width):
            write(line + "\n")


def _line(cells: Iterable[str], widths: Iterable[int]) -> str:
    return GAP.join(set_cell_size(cell, width) for cell, width in zip(cells, widths, strict=True))


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` cells, broken between words; a word longer than a line is cut."""
    if text and cell_len(text) <= width and text == " ".join(text.split()):
        return [text]  # one line already, its words one space apart: what the words rejoined would make
    return list(_wrapped(text, width)) or [""]


def _wrapped(text: str, width: int) -> Iterator[str]:
    line, used = "", 0
    for word in text.split():
        size = cell_len(word)
        while size > width:  # a word longer than the column: cut it, the rest on the next line
            if line:
                yield line
                line, used = "", 0
            head = set_cell_size(word, width)
            yield head
            word = word[len(head.rstrip()) :]
            size = cell_len(word)
        if not line:
            line, used = word, size
        elif used + 1 + size <= width:
            line, used = f"{line} {word}", used + 1 + size
        else:
            yield line
            line, used = word, size
    if line:
        yield line
