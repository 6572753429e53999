"""The curated report: typed, immutable records of one news report and the events it tells.

Everything quoted from the report is a :class:`Span` of ``Document.text``; whatever the report does not
say (a name it leaves out, its publication time) is an :class:`Annotation` or a :class:`Publication`
that carries its basis. Build these with :func:`tui.model.load_report`, which validates the file.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Literal

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
    """

    earliest: datetime
    estimate: datetime
    latest: datetime
    basis: str

    @property
    def known(self) -> bool:
        return self.estimate.tzname() != "publication"


def read_when(text: str) -> date | datetime:
    """A publication given on the command line (``--published``): an ISO 8601 date — the whole day, in the
    basic form too (``20220911`` is ``2022-09-11``) — or an ISO 8601 date-time, with or without its offset.
    Raises ValueError for anything else."""
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        return datetime.fromisoformat(text)


PUBLICATION_ZONE = timezone(timedelta(0), "publication")
UNKNOWN_PUBLICATION = Publication(
    datetime(2000, 1, 1, 12, tzinfo=PUBLICATION_ZONE),
    datetime(2000, 1, 1, 12, tzinfo=PUBLICATION_ZONE),
    datetime(2000, 1, 1, 12, tzinfo=PUBLICATION_ZONE),
    "The publication time is unknown: times are relative to it.",
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
