"""``newsline timeline [FILE] [--json]``: the resolved timeline, as a table for people or, with ``--json``, one
JSON object per line and event for machines. Every string from the data goes through
:func:`tui.printable.printable`, or is escaped in JSON."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from tui.commands.common import EXIT_BAD_INPUT, EXIT_OK, Command, file_argument, load
from tui.printable import escaped_json

if TYPE_CHECKING:
    from tui.temporal import Layer, ResolvedEvent, Timeline


def arguments(parser: argparse.ArgumentParser) -> None:
    file_argument(parser)
    parser.add_argument("--json", action="store_true", help="one JSON object per line and event, for machines")


def execute(options: argparse.Namespace) -> int:
    report = load(options.file)
    if report is None:
        return EXIT_BAD_INPUT
    from tui.temporal import resolve

    timeline = resolve(report)
    if options.json:
        for resolved in timeline.events:
            print(escaped_json(json.dumps(_event_json(timeline, resolved), ensure_ascii=False)))
    else:
        from tui.table import print_table

        print_table(timeline, sys.stdout)
    return EXIT_OK


def _event_json(timeline: Timeline, resolved: ResolvedEvent) -> dict[str, object]:
    """One event for machines: both layers of its time, each as ``{earliest, latest, label, explanation}``
    (ISO 8601 with offset, or null where the layer leaves a side open), the defaults the likely layer rests
    on, and who is involved."""
    from tui.view import involved

    def layer(found: Layer) -> dict[str, str | None]:
        return {
            "earliest": found.earliest.isoformat() if found.earliest else None,
            "latest": found.latest.isoformat() if found.latest else None,
            "label": found.label,
            "explanation": found.explanation,
        }

    report = timeline.report
    actors = sorted(involved(report, resolved.event))
    return {
        "id": resolved.id,
        "summary": resolved.event.summary,
        "sentences": [span.text for span in resolved.event.sentences],
        "granularity": resolved.granularity,
        "certain": layer(resolved.certain),
        "likely": layer(resolved.likely),
        "defaults": list(resolved.defaults),
        "actors": actors,
        "sides": sorted({report.actor(actor).side for actor in actors}),
        "certainly_before": list(timeline.certainly_next(resolved.id)),
    }


TIMELINE = Command(
    name="timeline",
    summary="print the resolved timeline: a table, or JSON lines with --json",
    description="Print the report's events on their resolved relative timeline.",
    arguments=arguments,
    execute=execute,
)
run = TIMELINE.run
