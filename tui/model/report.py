"""The events format, declared once: typed, immutable records of one news report and the events it tells.

Everything quoted from the report is a :class:`Span` of ``Document.text``; whatever the report does not
say (a name it leaves out, its publication time) is an :class:`Annotation` or a :class:`Publication`
that carries its basis. Build these with :func:`tui.model.load_report`, which validates the file.

These classes are the one declaration of the ``newsline/1`` format. msgspec decodes a file straight into
them (:mod:`tui.model.loader`), the shipped JSON Schema is generated from them (:mod:`tui.model.schema`),
and the drafter and the review write a file's records through :func:`entry`. Each field's type says what a
file may hold there: the ``Meta`` constraints are the schema's and msgspec's; ``extra["expected"]`` is how
the loader words a value that is not one; what the schema does not say (a text that is only white space, a
span whose text is not the document's, an id nothing declares) the loader checks as it decodes. A field
with a default of None may be left out of a file, never written null: None is "absent" in the model.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import cached_property
from typing import Annotated, Any, Literal, TypeVar, get_args

from msgspec import NODEFAULT, Meta, Struct, field
from msgspec.structs import force_setattr

Format = Literal["newsline/1"]
FORMAT: str = get_args(Format)[0]
PublicationZone = Literal["given", "unknown"]
PUBLICATION_ZONES: tuple[PublicationZone, ...] = get_args(PublicationZone)
SIDES: tuple[str, ...] = ("ukraine", "russia", "russian-installed", "media", "civilians")
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
SOURCE_KINDS: tuple[SourceKind, ...] = get_args(SourceKind)
EventKind = Literal["action", "statement", "state"]
EVENT_KINDS: tuple[EventKind, ...] = get_args(EventKind)
RelationType = Literal["before", "after", "during", "same"]
RELATION_TYPES: tuple[RelationType, ...] = get_args(RelationType)
# The tense the report tells an event in (the form of its verb; "verbless" for a headline or a noun phrase).
# The time engine's likely layer reads it: see tui/temporal/defaults.py.
TenseForm = Literal[
    "present", "compound-past", "imperfect", "pluperfect", "simple-past", "future", "conditional", "verbless"
]
TENSE_FORMS: tuple[TenseForm, ...] = get_args(TenseForm)
QuoteMode = Literal["direct", "reported"]
QUOTE_MODES: tuple[QuoteMode, ...] = get_args(QuoteMode)
Qualifier = Literal["about", "at least"]
QUALIFIERS: tuple[Qualifier, ...] = get_args(Qualifier)

R = TypeVar("R", bound=Struct)

# -- the values a field may hold -------------------------------------------------------------------------

ID_PATTERN = "^[a-z0-9][a-z0-9-]*$"
Id = Annotated[
    str,
    Meta(
        pattern=ID_PATTERN,
        description="Lower-case id, unique within its list.",
        extra={"expected": "an id of lower-case letters, digits and '-'"},
    ),
]
Text = Annotated[str, Meta(min_length=1)]  # the loader also refuses a text of white space alone
Reference = str  # the id of an item of another list: the loader checks that it names one
Offset = Annotated[int, Meta(ge=0)]
Confidence = Annotated[float, Meta(ge=0, le=1, extra={"expected": "a number from 0 to 1"})]
Side = Annotated[
    str,
    Meta(
        pattern=ID_PATTERN,
        description="The id of a side declared in $.sides; a file without $.sides uses the default sides.",
        extra={"vocabulary": "sides"},  # one of the sides the file declares (newsline/1 files: SIDES)
    ),
]


class Moment(datetime):
    """An ISO 8601 date and time with its UTC offset, as a file writes it (read as ``datetime.fromisoformat``
    reads it: seconds may be left out). A ``datetime`` in every way; only its class says where it was read."""

    PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$"  # what the schema tells editors
    DESCRIPTION = "ISO 8601 date and time with its UTC offset (time-zone aware)."
    EXPECTED = "an ISO 8601 date-time with a UTC offset, like 2022-09-11T12:00:00+03:00"

    @classmethod
    def read(cls, value: Any) -> Moment:
        """The moment ``value`` writes; ValueError naming what is wrong with it."""
        if not isinstance(value, str):
            raise ValueError(cls.EXPECTED)
        try:
            moment = cls.fromisoformat(value)
        except ValueError:
            raise ValueError(cls.EXPECTED) from None
        if moment.tzinfo is None:
            raise ValueError(cls.EXPECTED + " (the offset is missing)")
        return moment


# The checks of the reading under way in this thread (tui.model.loader's), by kind of record, if any: each
# record decoded from a file passes its check, for what the types cannot say. Records built in code do not.
READING: ContextVar[Mapping[type, Any] | None] = ContextVar("newsline_reading", default=None)


class Record(Struct, frozen=True, forbid_unknown_fields=True, gc=False):
    """One object of an events file (no cycles: the collector need not track records)."""

    def __post_init__(self) -> None:
        checks = READING.get()
        if checks is not None:
            checks[type(self)](self)


# -- the records -----------------------------------------------------------------------------------------


class Span(Record):
    """A verbatim piece of document.text: text == document.text[start:end]."""

    start: Offset
    end: Offset
    text: Text

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


class Found(Record):
    """How a drafted item was found (the rule or model) and how sure the drafter is.

    Drafted files carry it until reviewed."""

    how: Text
    confidence: Confidence


Drafted = Annotated[
    Found, Meta(description="Set by 'newsline draft': how the item was found and how sure the drafter is.")
]


class Annotation(Record):
    """Something the report does not say, with the basis for saying it."""

    value: Text
    basis: Text


class Publication(Record):
    """An annotation: the report carries no date. estimate is the best guess, [earliest, latest] the honest
    range; basis says why.

    ``known`` is False when nobody knows: the window is then :data:`UNKNOWN_PUBLICATION`'s placeholder,
    whose zone is named "publication", and times are shown relative to it ("2 days before publication").
    ``zone`` is "unknown" when the day is known but not the zone it is a day of (``--published 2022-09-11``):
    the window then covers that day in every zone, and the report's clock times ("à 7 h 30") are read in the
    estimate's zone only in the likely layer (default report-zone); the certain layer widens them to every
    zone from UTC−12 to UTC+14.
    """

    earliest: Moment  # any datetime with its offset, in a record built in code
    estimate: Moment
    latest: Moment
    basis: Text
    zone: Annotated[
        PublicationZone,
        Meta(
            description="given (the default): the offsets are the publication's; unknown: only the day is known, "
            "so the window covers it in every zone and clock times are widened to every zone in the certain layer."
        ),
    ] = "given"  # "unknown": the offsets are a guess (a day given without its zone)

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


class DraftInfo(Record):
    """Present in a file 'newsline draft' wrote: the tool and the model that drafted it."""

    by: Text
    model: Text
    note: Text = ""


class Document(Record):
    """The report itself: its id, language, headline, text and publication."""

    id: Id
    language: Annotated[
        str,
        Meta(
            pattern="^[a-z]{2}$",
            description="ISO 639-1 code of the report's language.",
            extra={"expected": "a two-letter ISO 639-1 code like 'fr'"},
        ),
    ]
    headline: Span
    text: Annotated[Text, Meta(description="The full report, verbatim.")]
    published: Annotated[
        Publication | None,
        Meta(
            description="When the report was published; null when unknown: times are then shown relative to the "
            "publication."
        ),
    ]  # never None in the model: null reads as UNKNOWN_PUBLICATION

    def __post_init__(self) -> None:
        if self.published is None:
            force_setattr(self, "published", UNKNOWN_PUBLICATION)
        Record.__post_init__(self)


class Actor(Record):
    """Someone the report names or describes."""

    id: Id
    name: Annotated[Text, Meta(description="Display name, in English.")]
    role: Annotated[Text, Meta(description="What the actor is, in English.")]
    side: Side
    mentions: Annotated[tuple[Span, ...], Meta(description="The report's own wordings for the actor.")]
    identification: Annotated[Annotation, Meta(description="A name the report does not give.")] = None
    found: Drafted = None


class Place(Record):
    """A place the report names."""

    id: Id
    name: Annotated[Text, Meta(description="Name in English.")]
    mentions: tuple[Span, ...]
    region: Annotated[Reference, Meta(description="Id of the place it lies in, if any.")] = None
    found: Drafted = None


class Source(Record):
    """A channel by which events are known."""

    id: Id
    label: Annotated[Text, Meta(description="Display label, in English.")]
    kind: Annotated[
        SourceKind, Meta(description="How the information reached the report. report: the report's own voice.")
    ]
    mentions: tuple[Span, ...]
    affiliation: Annotated[Reference, Meta(description="Id of the actor the channel belongs to.")] = None
    found: Drafted = None


class Attribution(Record):
    """One link of an attribution chain: the channel, and the report's words that name it ("selon TASS"), if
    any."""

    source: Reference
    cue: Span = None


class Relation(Record):
    """This event's time relative to the target event. type before/after: this event ends before the target
    starts / starts after the target ends; during: lies within the target; same: the report tells one happening
    twice (an identity: same start, same end). cue is the report's evidence; the time engine reads metric bounds
    from it."""

    type: RelationType
    target: Reference
    cue: Span
    found: Drafted = None


class Tense(Record):
    """The tense the report tells the event in, and its verb (cue). verbless: a headline or a noun phrase. The
    time engine's likely layer reads it (news-cycle, temporal-focus defaults)."""

    form: TenseForm
    cue: Span


class Quote(Record):
    """Words the report puts in a speaker's mouth. direct: quoted as said; reported: a word or phrase quoted
    within indirect speech."""

    span: Span
    speaker: Reference
    mode: QuoteMode
    found: Drafted = None


class Claim(Record):
    """A figure the report or a speaker claims."""

    id: Id
    span: Span
    quantity: float
    unit: Annotated[Text, Meta(description="Unit in English as the report gives it: km, km², places.")]
    about: Annotated[Text, Meta(description="What the figure counts, in English.")]
    qualifier: Annotated[Qualifier, Meta(description="The report's hedge on the figure, if any.")] = None
    found: Drafted = None


class Event(Record):
    """An action, statement or state the report tells."""

    id: Id
    summary: Annotated[Text, Meta(description="One line, in English.")]
    kind: Annotated[
        EventKind,
        Meta(description="action: something done; statement: something said; state: how things stand."),
    ]
    sentences: Annotated[
        tuple[Span, ...], Meta(min_length=1, description="The sentence(s) of the report the event comes from.")
    ]
    actors: tuple[Reference, ...]
    places: tuple[Reference, ...]
    sources: Annotated[
        tuple[Attribution, ...],
        Meta(min_length=1, description="Attribution chain, from the origin outwards to the report."),
    ]
    time: Annotated[
        Span | None,
        Meta(
            description="The report's time expression for the event, relative to its publication; null when it "
            "gives none."
        ),
    ]
    relations: tuple[Relation, ...]
    quotes: tuple[Quote, ...]
    claims: tuple[Claim, ...]
    time_anchor: Annotated[
        Reference,
        Meta(
            description="Id of the event the time expression is relative to, when it is said in reported speech "
            '("depuis septembre" in an announcement made on Thursday); absent: the publication.'
        ),
    ] = None
    tense: Tense = None
    found: Drafted = None
    time_found: Annotated[Found, Meta(description="Set by 'newsline draft' for the time expression.")] = None


class Caveat(Record):
    """A doubt the report itself raises about its claims."""

    id: Id
    span: Span
    claims: Annotated[tuple[Reference, ...], Meta(min_length=1)]
    note: Annotated[Text, Meta(description="The doubt, in English.")]


class NotEvent(Record):
    """A sentence of the report that is deliberately not an event, and why."""

    span: Span
    reason: Text


class SideDeclaration(Record):
    """A side of the report's story: its id, and its name as shown."""

    id: Id
    label: Annotated[Text, Meta(description="The side's name as shown.")]


class Report(Struct, frozen=True, forbid_unknown_fields=True, kw_only=True, dict=True):
    """One news report and the events it tells, curated for newsline. Everything quoted from the report is a
    span: character offsets into document.text plus the text itself. Whatever is not in the report (an
    identification, the publication time) is an annotation that carries its basis.

    The fields are in the order the loader reads them: the sides before the actors that take them, the
    document's text before the spans that point into it. Ids resolve through the lookup methods.
    """

    format: Annotated[Format, Meta(description="Format name and version.", extra={"expected": f'"{FORMAT}"'})]
    schema: Annotated[
        str,
        Meta(
            description="Where editors find this schema.",
            extra={"expected": "the URL or path of the JSON Schema, as a string", "any string": True},
        ),
    ] = field(default=None, name="$schema")
    sides: Annotated[
        tuple[SideDeclaration, ...],
        Meta(
            min_length=1,
            description="The sides of this report's story, in display order. Without it: " + ", ".join(SIDES) + ".",
        ),
    ] = None
    draft: DraftInfo = None  # set on a drafted file
    document: Document
    actors: tuple[Actor, ...]
    places: tuple[Place, ...]
    sources: tuple[Source, ...]
    events: tuple[Event, ...]
    caveats: tuple[Caveat, ...]
    not_events: tuple[NotEvent, ...]

    def __post_init__(self) -> None:
        checks = READING.get()
        if checks is not None:
            checks[type(self)](self)

    @cached_property
    def side_labels(self) -> Mapping[str, str]:
        """The sides the file declares, in order, with their labels (the default five if it declares none)."""
        return {side.id: side.label for side in self.sides} if self.sides else dict(SIDE_LABELS)

    @cached_property
    def _actors(self) -> Mapping[str, Actor]:
        return {item.id: item for item in self.actors}

    @cached_property
    def _places(self) -> Mapping[str, Place]:
        return {item.id: item for item in self.places}

    @cached_property
    def _sources(self) -> Mapping[str, Source]:
        return {item.id: item for item in self.sources}

    @cached_property
    def _events(self) -> Mapping[str, Event]:
        return {item.id: item for item in self.events}

    @cached_property
    def _claims(self) -> Mapping[str, Claim]:
        return {claim.id: claim for event in self.events for claim in event.claims}

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


def replace(record: R, /, **changes: Any) -> R:
    """A copy of ``record`` with ``changes``: records are immutable (``dataclasses.replace``, for them)."""
    from msgspec.structs import replace as replaced

    return replaced(record, **changes)


# -- writing records as JSON data ------------------------------------------------------------------------


def entry(record: type[Struct], /, **fields: Any) -> dict[str, Any]:
    """One ``record`` of an events file as JSON data (the drafter's and the review's way to write one): its
    fields as the declaration names them in a file (``schema`` is ``$schema``), in the order given.

    A field the record does not declare, or a required one left out, is a TypeError: a renamed field fails
    where it is written. An optional field given as None is left out, as a file never writes it null. The
    values are taken as they are (spans and other records already as JSON data)."""
    names = _json_names(record)
    unknown = fields.keys() - names.keys()
    if unknown:
        raise TypeError(f"{record.__name__} has no field {', '.join(sorted(unknown))}")
    optional = _optional(record)
    missing = [name for name in record.__struct_fields__ if name not in optional and name not in fields]
    if missing:
        raise TypeError(f"{record.__name__} needs {', '.join(missing)}")
    return {names[name]: value for name, value in fields.items() if value is not None or name not in optional}


def drafted_fields(record: type[Struct]) -> tuple[str, ...]:
    """The fields of ``record`` (as a file names them) that say how the drafter found something: a reviewed
    item is written without them."""
    from typing import get_type_hints

    hints = get_type_hints(record, include_extras=True)
    names = _json_names(record)
    return tuple(names[name] for name in record.__struct_fields__ if _bare(hints[name]) is Found)


def _bare(annotation: Any) -> Any:
    while hasattr(annotation, "__metadata__"):
        annotation = annotation.__origin__
    return annotation


def _json_names(record: type[Struct]) -> dict[str, str]:
    return dict(zip(record.__struct_fields__, record.__struct_encode_fields__, strict=True))


def _optional(record: type[Struct]) -> frozenset[str]:
    """The fields of ``record`` with a default: those a file may leave out."""
    names, defaults = record.__struct_fields__, record.__struct_defaults__
    tail = names[len(names) - len(defaults) :]
    return frozenset(name for name, default in zip(tail, defaults, strict=True) if default is not NODEFAULT)
