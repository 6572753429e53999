"""CSV (RFC 4180, UTF-8): one row per event, for spreadsheets.

Fields holding commas, double quotes or line breaks are quoted, quotes doubled; lines end in CRLF.
Times are ISO 8601 in the report's zone; an open bound is an empty field.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import datetime
from typing import TextIO

from tui.temporal import ResolvedEvent, Timeline
from tui.view import attribution_chain

COLUMNS = (
    "id",
    "summary",
    "kind",
    "actors",
    "sides",
    "sources",
    "certain_earliest",
    "certain_latest",
    "certain_label",
    "likely_earliest",
    "likely_latest",
    "likely_label",
    "likely_defaults",
    "quotes",
    "claims",
)


def write_csv(timeline: Timeline, rows: Sequence[ResolvedEvent], out: TextIO) -> None:
    report = timeline.report
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    iso = _Iso()
    for row in rows:
        event, certain, likely = row.event, row.certain, row.likely
        actors = [report.actor(actor) for actor in event.actors]
        sides = dict.fromkeys(report.side_labels[actor.side] for actor in actors)
        writer.writerow(
            (
                event.id,
                event.summary,
                event.kind,
                "; ".join(actor.name for actor in actors),
                "; ".join(sides),
                " → ".join(attribution_chain(report, event)),
                iso(certain.earliest),
                iso(certain.latest),
                certain.label,
                iso(likely.earliest),
                iso(likely.latest),
                likely.label,
                "; ".join(row.defaults),
                len(event.quotes),
                len(event.claims),
            )
        )


class _Iso(dict[datetime | None, str]):
    """ISO 8601 of a bound, "" for an open one; remembered, as many events share their bounds."""

    def __call__(self, moment: datetime | None) -> str:
        try:
            return self[moment]
        except KeyError:
            found = self[moment] = moment.isoformat() if moment is not None else ""
            return found
