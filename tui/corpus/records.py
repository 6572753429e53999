"""What one report of a corpus is, once drafted and resolved: plain records, the same whether they come from a
drafting job (in this process, a process pool or a Dask worker) or from the store.

A job gives a :class:`Drafted` for each report; the store keeps it; identity matching and the corpus timeline
read :class:`EventRecord` back. Times are minutes since the Unix epoch (UTC), as floats, None where a layer
leaves a side open — the engine's own unit (``ResolvedEvent.extent``), cheap to compare and to store. A
report whose publication is unknown has no time on the corpus's calendar: its events' bounds are None in the
store (their times relative to their own publication stay in its events file) and ``dated`` is False.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def minutes(moment: datetime | None) -> float | None:
    """A time as minutes since the epoch; None stays None."""
    return None if moment is None else (moment - EPOCH).total_seconds() / 60


def moment(value: float | None) -> datetime | None:
    """Minutes since the epoch as a UTC time; None stays None."""
    return None if value is None else EPOCH + timedelta(minutes=value)


@dataclass(frozen=True, slots=True)
class Entry:
    """One report to add: its file, and what a manifest row says of it (each None when not said)."""

    path: str
    published: str | None = None  # as ``--published`` takes it
    outlet: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """A figure an event's report claims: what it counts, in which unit, how much, and the report's words."""

    quantity: float
    unit: str
    about: str
    text: str
    qualifier: str | None = None


@dataclass(frozen=True, slots=True)
class QuoteRecord:
    """Words an event's report puts in a speaker's mouth: the speaker's display name, direct or reported, the
    words verbatim."""

    speaker: str
    mode: str
    text: str


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One event of one report, as the corpus reads it."""

    report: str  # the report's key
    id: str  # the event's id in its report
    kind: str  # action, statement, state
    summary: str
    text: str  # the event's sentences, joined by a space
    actors: tuple[str, ...]  # display names of the actors it involves (view.involved), sorted
    places: tuple[str, ...]  # display names of its places, sorted
    sources: tuple[str, ...]  # labels of its attribution chain, origin first
    certain_earliest: float | None
    certain_latest: float | None
    likely_earliest: float | None
    likely_latest: float | None
    certain_label: str
    likely_label: str
    claims: tuple[ClaimRecord, ...] = ()
    quotes: tuple[QuoteRecord, ...] = ()
    dated: bool = True  # False: its report's publication is unknown, and the bounds above are None
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class Drafted:
    """What a drafting job gives for one report: its events file and its events, or why it was refused."""

    key: str  # the content hash of the report's file (see tui.corpus.ingest.content_key)
    name: str  # the file's name, as the user gave it
    outlet: str | None
    url: str | None
    published: str | None  # ISO 8601, or None when unknown
    headline: str = ""
    events_json: str = ""  # the events file, as ``newsline draft`` writes it (or the file added, verbatim)
    events: tuple[EventRecord, ...] = ()
    error: str | None = None  # the one-paragraph message, for a report that could not be drafted
