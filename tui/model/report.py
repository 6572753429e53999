"""The curated report: typed, immutable records of one news report and the events it tells.

Everything quoted from the report is a :class:`Span` of ``Document.text``; whatever the report does not
say (a name it leaves out, its publication time) is an :class:`Annotation` or a :class:`Publication`
that carries its basis. Build these with :func:`tui.model.load_report`, which validates the file.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from typing import Literal

PublicationZone = Literal["given", "unknown"]
PUBLICATION_ZONES: tuple[PublicationZone, ...] = ("given", "unknown")
Side = str  # the id of a side the file declares (newsline/1 files: the five below)
SIDES: tuple[Side, ...] = ("ukraine", "russia", "russian-installed", "media", "civilians")
SIDE_LABELS: Mapping[str, str] = {
    "ukraine": "Ukraine",
    "russia": "Russia",
    "russian-installed": "Russian-installed",
    "media": "Media",
    "civilians": "Civilians",
}

SourceKind = Literal[
    "video-message", "news-agency", "social-media-post", "official-statement", "announcement", "report"
]
EventKind = Literal["action", "statement", "state"]
RelationType = Literal["before", "after", "during", "same"]
# The tense the report tells an event in (the form of its verb; "verbless" for a headline or a noun phrase).
# The time engine's likely layer reads it: see tui/temporal/defaults.py.
TenseForm = Literal[
    "present", "compound-past", "imperfect", "pluperfect", "simple-past", "future", "conditional", "verbless"
]
TENSE_FORMS: tuple[TenseForm, ...] = (
    "present",
    "compound-past",
    "imperfect",
    "pluperfect",
    "simple-past",
    "future",
    "conditional",
    "verbless",
)
QuoteMode = Literal["direct", "reported"]


@dataclass(frozen=True, slots=True)
class Span:
    """A verbatim piece of the report: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Annotation:
    """Something the report does not say, with the basis for saying it."""

    value: str
    basis: str


@dataclass(frozen=True, slots=True)
class Publication:
    """When the report was published: an annotation, as the report carries no date.

    ``known`` is False when nobody knows: the window is then :data:`UNKNOWN_PUBLICATION`'s placeholder,
    whose zone is named "publication", and times are shown relative to it ("2 days before publication").
    ``zone`` is "unknown" when the day is known but not the zone it is a day of (``--published 2022-09-11``):
    the window then covers that day in every zone, and the report's clock times ("à 7 h 30") are read in the
    estimate's zone only in the likely layer (default report-zone); the certain layer widens them to every
    zone from UTC−12 to UTC+14.
    """

    earliest: datetime
    estimate: datetime
    latest: datetime
    basis: str
    zone: PublicationZone = "given"  # "unknown": the offsets are a guess (a day given without its zone)

    @property
    def known(self) -> bool:
        return not on_unknown_publication(self.estimate)


def read_when(text: str) -> date | datetime:
    """A publication given on the command line (``--published``): an ISO 8601 date — the whole day, in the
    basic form too (``20220911`` is ``2022-09-11``) — or an ISO 8601 date-time, with or without its offset.
    Raises ValueError for anything else."""
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        return datetime.fromisoformat(text)


# Where a report in a language is most likely published, for a publication given as a day without its zone:
# the likely layer reads the report's clock times there (default report-zone). A language spoken across many
# zones (English) has none: its clock is read in UTC, and the certain layer widens it to every zone anyway.
LANGUAGE_ZONES: Mapping[str, str] = {"fr": "Europe/Paris"}


def publication_from(text: str, language: str = "fr") -> Publication:
    """The publication a ``--published`` value gives (:func:`read_when`), the one reading every command uses.

    A date is any time of that day; its zone unknown (``zone="unknown"``), the day is taken in the zone of
    :data:`LANGUAGE_ZONES` (UTC for a language not there). A date-time with its offset is that moment, give or
    take an hour (a page's time stamp may be its last update, or the time it was filed); without its offset,
    the same in the language's zone, the zone unknown. Raises ValueError for anything else.
    """
    found = read_when(text)
    if not isinstance(found, datetime):
        zone = _language_zone(language, datetime.combine(found, datetime.min.time()))
        where = _zone_name(zone, language)
        basis = f"given as a day, {found.isoformat()}, without its zone: read in {where} at a guess"
        return publication_on(found, zone, basis, "unknown")
    if found.tzinfo is None:
        moment = found.replace(tzinfo=_language_zone(language, found))
        basis, zone_known = f"given as {found.isoformat()} without its zone", "unknown"
    else:
        moment, basis, zone_known = found, "given on the command line", "given"
    return Publication(_shifted(moment, -1), moment, _shifted(moment, 1), basis, zone_known)


def _shifted(moment: datetime, hours: int) -> datetime:
    """``moment`` moved by ``hours``, or left where it is at the calendar's edge (year 1, year 9999)."""
    try:
        return moment + timedelta(hours=hours)
    except OverflowError:
        return moment


def publication_on(
    day: date, zone: tzinfo | None = None, basis: str = "day only", known_zone: PublicationZone = "given"
) -> Publication:
    """A publication known only to its day: any time of that day (noon the estimate), in ``zone``."""
    start = datetime.combine(day, datetime.min.time(), zone)
    return Publication(start, start + timedelta(hours=12), start + timedelta(hours=23, minutes=59), basis, known_zone)


def _language_zone(language: str, moment: datetime) -> timezone:
    """The fixed offset of the language's zone at ``moment`` (summer or winter time), UTC if none is known."""
    name = LANGUAGE_ZONES.get(language)
    if name is None:
        return UTC
    try:
        from zoneinfo import ZoneInfo

        offset = ZoneInfo(name).utcoffset(moment)
    except (ImportError, OSError, ValueError, LookupError):  # no time-zone data on this machine
        return UTC
    return timezone(offset) if offset is not None else UTC


def _zone_name(zone: timezone, language: str) -> str:
    name = LANGUAGE_ZONES.get(language)
    return f"{name} ({zone.tzname(None)})" if name and zone is not UTC else "UTC"


PUBLICATION_ZONE = timezone(timedelta(0), "publication")


def on_unknown_publication(moment: datetime) -> bool:
    """Whether ``moment`` is told against :data:`UNKNOWN_PUBLICATION` (shown as days from it, not as a date):
    the one test, by the zone's name, as zones compare by offset and this one's is UTC's."""
    return moment.tzname() == PUBLICATION_ZONE.tzname(None)


# Unknown, the publication is some time of its day: the certain layer keeps the whole day, so no hour is
# invented; the likely layer takes noon (default publication-estimate, named where it is used).
UNKNOWN_PUBLICATION = Publication(
    datetime(2000, 1, 1, 0, tzinfo=PUBLICATION_ZONE),
    datetime(2000, 1, 1, 12, tzinfo=PUBLICATION_ZONE),
    datetime(2000, 1, 1, 23, 59, tzinfo=PUBLICATION_ZONE),
    "The publication time is unknown: times are relative to it (any time of its day; noon at a guess).",
)


@dataclass(frozen=True, slots=True)
class Found:
    """How the drafter found an item, and how sure it is (0–1): drafted files carry it until reviewed."""

    how: str
    confidence: float


@dataclass(frozen=True, slots=True)
class DraftInfo:
    """Where a drafted file comes from: the tool and the model that drafted it."""

    by: str
    model: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    language: str
    headline: Span
    text: str
    published: Publication


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    role: str
    side: Side
    mentions: tuple[Span, ...]
    identification: Annotation | None = None
    found: Found | None = None  # set on drafted items


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    mentions: tuple[Span, ...]
    region: str | None = None
    found: Found | None = None  # set on drafted items


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    label: str
    kind: SourceKind
    mentions: tuple[Span, ...]
    affiliation: str | None = None
    found: Found | None = None  # set on drafted items


@dataclass(frozen=True, slots=True)
class Attribution:
    """One link of an attribution chain: a channel, and the words naming it ("selon TASS")."""

    source: str
    cue: Span | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    """This event's time relative to ``target``; ``cue`` is the report's evidence."""

    type: RelationType
    target: str
    cue: Span
    found: Found | None = None


@dataclass(frozen=True, slots=True)
class Tense:
    """The tense the report tells an event in, and the words that carry it (its verb, as a span)."""

    form: TenseForm
    cue: Span


@dataclass(frozen=True, slots=True)
class Quote:
    span: Span
    speaker: str
    mode: QuoteMode
    found: Found | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    span: Span
    quantity: float
    unit: str
    about: str
    qualifier: Literal["about", "at least"] | None = None
    found: Found | None = None  # set on drafted items


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    summary: str
    kind: EventKind
    sentences: tuple[Span, ...]
    actors: tuple[str, ...]
    places: tuple[str, ...]
    sources: tuple[Attribution, ...]
    time: Span | None
    relations: tuple[Relation, ...]
    quotes: tuple[Quote, ...]
    claims: tuple[Claim, ...]
    time_anchor: str | None = None  # the event the time expression is relative to; None: the publication
    tense: Tense | None = None
    found: Found | None = None  # set on drafted items
    time_found: Found | None = None


@dataclass(frozen=True, slots=True)
class Caveat:
    """A doubt the report itself raises about some of its claims."""

    id: str
    span: Span
    claims: tuple[str, ...]
    note: str


@dataclass(frozen=True, slots=True)
class NotEvent:
    """A sentence deliberately left out of the events, and why."""

    span: Span
    reason: str


@dataclass(frozen=True)
class Report:
    """One report and everything curated from it; ids resolve through the lookup methods."""

    document: Document
    actors: tuple[Actor, ...]
    places: tuple[Place, ...]
    sources: tuple[Source, ...]
    events: tuple[Event, ...]
    caveats: tuple[Caveat, ...]
    not_events: tuple[NotEvent, ...]
    side_labels: Mapping[str, str] = field(default_factory=lambda: dict(SIDE_LABELS))  # declared sides, in order
    draft: DraftInfo | None = None  # set on a drafted file
    _actors: Mapping[str, Actor] = field(init=False, repr=False, compare=False)
    _places: Mapping[str, Place] = field(init=False, repr=False, compare=False)
    _sources: Mapping[str, Source] = field(init=False, repr=False, compare=False)
    _events: Mapping[str, Event] = field(init=False, repr=False, compare=False)
    _claims: Mapping[str, Claim] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        def index(items):  # type: ignore[no-untyped-def]
            return {item.id: item for item in items}

        object.__setattr__(self, "_actors", index(self.actors))
        object.__setattr__(self, "_places", index(self.places))
        object.__setattr__(self, "_sources", index(self.sources))
        object.__setattr__(self, "_events", index(self.events))
        object.__setattr__(self, "_claims", index(c for e in self.events for c in e.claims))

    def actor(self, actor_id: str) -> Actor:
        return self._actors[actor_id]

    def place(self, place_id: str) -> Place:
        return self._places[place_id]

    def source(self, source_id: str) -> Source:
        return self._sources[source_id]

    def event(self, event_id: str) -> Event:
        return self._events[event_id]

    def claim(self, claim_id: str) -> Claim:
        return self._claims[claim_id]

    def claims(self) -> Iterator[tuple[Event, Claim]]:
        """Every claim with the event it belongs to, in document order of events."""
        for event in self.events:
            for claim in event.claims:
                yield event, claim
