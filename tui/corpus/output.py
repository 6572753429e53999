"""The story written out: a table for people (``corpus timeline``), JSON lines for machines (``--json``, and
``corpus export --to json``), CSV and Markdown (``corpus export``), and the list of reports. Text from the
reports reaches a terminal only through :func:`tui.printable.printable`, JSON through
:func:`tui.printable.escaped_json`, CSV cells through the CSV export's formula guard and Markdown through its
escaping — the same rules as for one report's exports."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from tui.corpus.records import moment
from tui.printable import escaped_json, printable

if TYPE_CHECKING:
    from tui.corpus.store import ReportRow
    from tui.corpus.story import Story, StoryEvent


def _iso(value: float | None) -> str | None:
    found = moment(value)
    return found.isoformat() if found is not None else None


def event_json(event: StoryEvent) -> dict[str, object]:
    """One story event for machines: both layers across its reports (ISO 8601 in UTC, null where open), the
    reports that disagree, and every report that tells it with its own event, labels, sources and quotes."""
    return {
        "id": event.id,
        "summary": event.summary,
        "kind": event.kind,
        "certain": {
            "earliest": _iso(event.certain[0]),
            "latest": _iso(event.certain[1]),
            "label": event.label("certain"),
        },
        "likely": {"earliest": _iso(event.likely[0]), "latest": _iso(event.likely[1]), "label": event.label("likely")},
        "disagreeing": list(event.disagreeing),
        "figure_conflicts": [
            {
                "unit": conflict.unit,
                "about": conflict.about,
                "figures": [
                    {
                        "quantity": item.quantity,
                        "qualifier": item.qualifier,
                        "report": item.report,
                        "outlet": item.outlet,
                        "event": item.event,
                        "text": item.text,
                    }
                    for item in conflict.figures
                ],
            }
            for conflict in event.conflicts
        ],
        "outlets": list(event.outlets),
        "actors": list(event.actors),
        "tellers": [
            {
                "report": teller.report,
                "file": teller.name,
                "outlet": teller.outlet,
                "published": teller.published,
                "event": teller.event.id,
                "summary": teller.event.summary,
                "sentences": teller.event.text,
                "certain": teller.event.certain_label,
                "likely": teller.event.likely_label,
                "sources": list(teller.event.sources),
                "quotes": [
                    {"speaker": quote.speaker, "mode": quote.mode, "text": quote.text} for quote in teller.event.quotes
                ],
                "claims": [
                    {"quantity": claim.quantity, "unit": claim.unit, "about": claim.about, "text": claim.text}
                    for claim in teller.event.claims
                ],
            }
            for teller in event.tellers
        ],
    }


def write_json_lines(story: Story, out: TextIO, *, shown: str | None = None) -> None:
    """One JSON object a story event; with ``shown`` (the app's export: "2 of 29 story events · filter: …"),
    each object also says which events the file holds, under ``"shown"``."""
    for event in story.events:
        record = event_json(event) if shown is None else {**event_json(event), "shown": shown}
        out.write(escaped_json(json.dumps(record, ensure_ascii=False)) + "\n")


def write_table(story: Story, out: TextIO, width: int | None = None) -> None:
    """The story as a table: when (likely), the event, and who tells it; a ``!`` where reports disagree on the
    time, a ``≠`` where they give different figures (:func:`tui.corpus.view.row_mark`)."""
    from tui.corpus.view import row_mark

    width = max(60, width or shutil.get_terminal_size((100, 24)).columns)
    rows = [
        (printable(event.label()), row_mark(event), printable(event.summary),
         printable(", ".join(event.outlets)))
        for event in story.events
    ]  # fmt: skip
    when = min(44, max((len(row[0]) for row in rows), default=4))
    who = min(30, max((len(row[3]) for row in rows), default=3), width // 4)
    what = max(10, width - when - who - 7)
    out.write(f"{'when':<{when}}    {'event':<{what}}  {'told by'}\n".rstrip() + "\n")
    out.write("─" * (when + what + who + 6) + "\n")
    for label, mark, summary, tellers in rows:
        line = f"{_cut(label, when):<{when}}  {mark} {_cut(summary, what):<{what}}  {_cut(tellers, who)}"
        out.write(line.rstrip() + "\n")
    disagreeing = sum(1 for event in story.events if event.disagreeing)
    differing = sum(1 for event in story.events if event.conflicts)
    out.write(
        f"\n{len(story.events)} story events from {len({t.report for e in story.events for t in e.tellers})} reports"
        + (f"; ! {disagreeing} where reports disagree on the time" if disagreeing else "")
        + (f"; ≠ {differing} where they give different figures" if differing else "")
        + "; ≈ likely (the reports' words and named defaults)\n"
    )


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


CSV_COLUMNS = (
    "story", "summary", "likely", "likely_earliest", "likely_latest", "certain", "certain_earliest",
    "certain_latest", "disagreeing", "outlets", "reports", "actors", "figures_differ", "shown",
)  # fmt: skip


def _holding(story: Story, shown: str | None) -> str:
    """What a file holds: ``shown`` (the app's "2 of 29 story events · filter: outlet AFP"), else "29 story events"."""
    from tui.view import counted

    return shown or counted(len(story.events), "story event")


def write_csv(story: Story, out: TextIO, *, shown: str | None = None) -> None:
    """One row per story event (RFC 4180, CRLF), every text cell guarded against formulas; lists joined by
    ``"; "``; every row's ``shown`` cell says which story events the file holds (:func:`_holding`)."""
    from tui.export.csv import Rows, cell

    holding = cell(_holding(story, shown))
    writer = Rows(out)
    writer.writerow(CSV_COLUMNS)
    for event in story.events:
        writer.writerow(
            [
                event.id, cell(event.summary), cell(event.label()), _iso(event.likely[0]) or "",
                _iso(event.likely[1]) or "", cell(event.label("certain")), _iso(event.certain[0]) or "",
                _iso(event.certain[1]) or "", cell("; ".join(event.disagreeing)), cell("; ".join(event.outlets)),
                cell("; ".join(teller.name for teller in event.tellers)), cell("; ".join(event.actors)),
                cell(" | ".join(event.figures_differ())), holding,
            ]
        )  # fmt: skip
    writer.flush()


def write_markdown(story: Story, out: TextIO, *, shown: str | None = None) -> None:
    """The story in Markdown: which story events it holds (:func:`_holding`), then one section per event, each
    report that tells it in a list, with its quotes."""
    from tui.export.markdown import text

    out.write(f"# The story, as {len({t.report for e in story.events for t in e.tellers})} reports tell it\n\n")
    out.write(f"{text(_holding(story, shown))}, in time order.\n\n")
    for event in story.events:
        out.write(f"## {text(event.label())} — {text(event.summary)}\n\n")
        if event.disagreeing:
            out.write(f"The reports disagree on its time: {text(', '.join(event.disagreeing))}.\n\n")
        for line in event.figures_differ():
            out.write(f"Figures differ — {text(line)}\n\n")
        for teller in event.tellers:
            where = text(teller.outlet or teller.name)
            out.write(f"- {where} ({text(teller.published or 'publication unknown')}): {text(teller.event.text)}\n")
            for quote in teller.event.quotes:
                out.write(f"  - {text(quote.speaker)}: “{text(quote.text)}”\n")
        out.write("\n")


WRITERS: dict[str, Callable[..., None]] = {  # (story, out, *, shown=None)
    "csv": write_csv,
    "markdown": write_markdown,
    "json": write_json_lines,
}
SUFFIXES = {"csv": ".csv", "markdown": ".md", "json": ".jsonl"}  # the app's export names its file so


def write_reports(reports: Sequence[ReportRow], out: TextIO) -> None:
    """The reports of the corpus, one a line: publication, outlet, file, events, headline."""
    for row in reports:
        out.write(
            printable(
                f"{row.published or 'unknown':<25}  {row.outlet or '-':<20}  {row.name:<30}  {row.events:>4}  "
                f"{row.headline}"
            )
            + "\n"
        )
    out.write(f"{len(reports)} reports\n")
