"""A resolved report read for the corpus: the one place its events become :class:`EventRecord`\\ s (the store
keeps them, identity matching and the corpus timeline read them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.corpus.records import ClaimRecord, EventRecord, QuoteRecord, minutes

if TYPE_CHECKING:
    from tui.model import Report
    from tui.temporal import Timeline


def event_records(key: str, report: Report, timeline: Timeline, outlet: str | None = None) -> tuple[EventRecord, ...]:
    """Every event of ``report`` (resolved as ``timeline``) as a record of the report keyed ``key``, in the
    report's order. A report whose publication is unknown has no time on the corpus's calendar: its bounds
    are None and ``dated`` False (its relative times stay in its events file)."""
    from tui.view import involved

    dated = report.document.published.known
    records = []
    for event in report.events:
        resolved = timeline[event.id]
        certain, likely = resolved.certain, resolved.likely
        records.append(
            EventRecord(
                report=key,
                id=event.id,
                kind=event.kind,
                summary=event.summary,
                text=" ".join(span.text for span in event.sentences),
                actors=tuple(sorted(report.actor(actor).name for actor in involved(report, event))),
                places=tuple(sorted(report.place(place).name for place in event.places)),
                sources=tuple(report.source(link.source).label for link in event.sources),
                certain_earliest=minutes(certain.earliest) if dated else None,
                certain_latest=minutes(certain.latest) if dated else None,
                likely_earliest=minutes(likely.earliest) if dated else None,
                likely_latest=minutes(likely.latest) if dated else None,
                certain_label=certain.label,
                likely_label=likely.label,
                claims=tuple(
                    ClaimRecord(claim.quantity, claim.unit, claim.about, claim.span.text, claim.qualifier)
                    for claim in event.claims
                ),
                quotes=tuple(
                    QuoteRecord(report.actor(quote.speaker).name, quote.mode, quote.span.text) for quote in event.quotes
                ),
                dated=dated,
                outlet=outlet,
            )
        )
    return tuple(records)
