"""The constraints a report's words put on the time network: a time expression's windows and a relation's
gap, added alike to the certain network (:mod:`tui.temporal.timeline`) and, for a reading the drafter only
guessed, to the likely one as the ``drafted-attachment`` default (:mod:`tui.temporal.defaults`)."""

from __future__ import annotations

from collections.abc import Mapping

from tui.model import Event, Publication, Relation
from tui.model.report import Found
from tui.temporal.evidence import Evidence
from tui.temporal.expressions import INF, Normalised
from tui.temporal.network import Network
from tui.temporal.relations import gap_for

GUESS = "guess:"  # how a drafted reading that is only a guess starts its ``found.how``


def guessed(found: Found | None) -> bool:
    """Whether the drafter only guessed this reading (attached by proximity, or on an ambiguous parse)."""
    return found is not None and found.how.startswith(GUESS)


def add_time_window(
    network: Network[Evidence],
    event: Event,
    found: Normalised,
    points: Mapping[str, tuple[int, int]],
    evidence: Evidence,
    strength: int,
    widen: tuple[float, float] = (0, 0),
) -> None:
    """Bound the event's start and end by its time expression's windows, read as ``found``: from the origin
    for calendar words, else from the publication, or from the ``time_anchor`` event's start (an expression
    in reported speech is relative to the moment it was said). ``widen`` moves the calendar windows' bounds
    out by that many minutes, earlier and later (:func:`zone_widening`)."""
    said_at = points[event.time_anchor][0] if event.time_anchor else 1
    for point, window in zip(points[event.id], (found.start, found.end), strict=True):
        lo, hi = window.lo, window.hi
        if window.anchor == "origin":
            anchor, lo, hi = 0, lo - widen[0], hi + widen[1]
        else:
            anchor = said_at
        if lo != -INF or hi != INF:
            network.add(anchor, point, lo, hi, evidence, strength)


EARLIEST_OFFSET, LATEST_OFFSET = -12 * 60, 14 * 60  # minutes: the zones in use, from UTC−12 to UTC+14


def zone_widening(published: Publication) -> tuple[float, float]:
    """How far a wall-clock time read in the publication estimate's zone may lie from the same wall-clock time
    in the zone the report really used, earlier and later, in minutes: nothing when the zone is given; when it
    is unknown, as far as any zone in use (a time read at UTC+2 is at most 16 h earlier, at UTC+14, and 14 h
    later, at UTC−12)."""
    if published.zone != "unknown":
        return (0, 0)
    offset = published.estimate.utcoffset()
    assumed = offset.total_seconds() / 60 if offset is not None else 0
    return (LATEST_OFFSET - assumed, assumed - EARLIEST_OFFSET)


def add_relation(
    network: Network[Evidence],
    event: Event,
    relation: Relation,
    points: Mapping[str, tuple[int, int]],
    evidence: Evidence,
    strength: int,
    *,
    likely: bool = False,
) -> None:
    """Bound the gap between the event and the relation's target as the relation's type and cue say (with
    ``likely``, as the likely layer narrows the cue's gap, where it does: see ``Gap.likely``)."""
    start, end = points[event.id]
    target_start, target_end = points[relation.target]
    add = network.add
    if relation.type == "during":
        add(target_start, start, 0, INF, evidence, strength)
        add(end, target_end, 0, INF, evidence, strength)
    elif relation.type == "same":  # one happening told twice: the same start and the same end
        add(target_start, start, 0, 0, evidence, strength)
        add(target_end, end, 0, 0, evidence, strength)
    else:
        gap = gap_for(relation.cue.text)
        lo, hi = gap.likely if likely and gap.likely is not None else (gap.lo, gap.hi)
        if relation.type == "before":
            add(end, target_start, lo, hi, evidence, strength)
        else:
            add(target_end, start, lo, hi, evidence, strength)
