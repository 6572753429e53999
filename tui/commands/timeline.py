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
    from tui.temporal import Layer, ResolvedEvent, Step, Timeline


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
    """One event for machines: both layers of its time, each as ``{earliest, latest, label, explanation, steps}``
    (ISO 8601 with offset, or null where the layer leaves a side open; ``steps`` the chain behind each bound,
    anchor first), the defaults the likely layer rests on, and who is involved."""
    from tui.view import involved

    def layer(found: Layer, steps: tuple[Step, ...]) -> dict[str, object]:
        return {
            "earliest": found.earliest.isoformat() if found.earliest else None,
            "latest": found.latest.isoformat() if found.latest else None,
            "label": found.label,
            "explanation": found.explanation,
            "steps": [_step_json(step) for step in steps],
        }

    report = timeline.report
    actors = sorted(involved(report, resolved.event))
    return {
        "id": resolved.id,
        "summary": resolved.event.summary,
        "sentences": [span.text for span in resolved.event.sentences],
        "granularity": resolved.granularity,
        "certain": layer(resolved.certain, resolved.certain_steps),
        "likely": layer(resolved.likely, resolved.likely_steps),
        "defaults": list(resolved.defaults),
        "actors": actors,
        "sides": sorted({report.actor(actor).side for actor in actors}),
        "certainly_before": list(timeline.certainly_next(resolved.id)),
    }


def _step_json(step: Step) -> dict[str, object]:
    """One link of the chain behind a bound, anchor first: which side it bounds, the event and point it sets
    (``event`` null for the publication), the bound there, and why (the explanation's words for it)."""
    found: dict[str, object] = {
        "side": step.side,
        "event": step.event,
        "point": step.point,
        "bound": step.bound.isoformat() if step.bound else None,
        "reason": step.reason,
        "kind": step.evidence.kind,
    }
    if step.skipped:
        found["skipped"] = step.skipped  # links of a long chain left out before this one
    return found


TIMELINE = Command(
    name="timeline",
    summary="print the resolved timeline: a table, or JSON lines with --json",
    description="Print the report's events on their resolved relative timeline.",
    arguments=arguments,
    execute=execute,
)
run = TIMELINE.run
