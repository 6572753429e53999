"""The constraints a report's words put on the time network: a time expression's windows and a relation's
gap, added alike to the certain network (:mod:`tui.temporal.timeline`) and, for a reading the drafter only
guessed, to the likely one as the ``drafted-attachment`` default (:mod:`tui.temporal.defaults`)."""

from __future__ import annotations

from collections.abc import Mapping

from tui.model import Event, Relation
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
) -> None:
    """Bound the event's start and end by its time expression's windows, read as ``found``: from the origin
    for calendar words, else from the publication, or from the ``time_anchor`` event's start (an expression
    in reported speech is relative to the moment it was said)."""
    said_at = points[event.time_anchor][0] if event.time_anchor else 1
    for point, window in zip(points[event.id], (found.start, found.end), strict=True):
        anchor = 0 if window.anchor == "origin" else said_at
        if window.lo != -INF or window.hi != INF:
            network.add(anchor, point, window.lo, window.hi, evidence, strength)


def add_relation(
    network: Network[Evidence],
    event: Event,
    relation: Relation,
    points: Mapping[str, tuple[int, int]],
    evidence: Evidence,
    strength: int,
) -> None:
    """Bound the gap between the event and the relation's target as the relation's type and cue say."""
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
        if relation.type == "before":
            add(end, target_start, gap.lo, gap.hi, evidence, strength)
        else:
            add(target_end, start, gap.lo, gap.hi, evidence, strength)
