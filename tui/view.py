"""A view of the resolved timeline: what the panes show, filtered — with no Textual import.

The app's widgets only draw what this module decides: which events pass the filters (actors, sides,
text), how a row reads, how an attribution chain reads, and what the status line says. Text from the
data reaches the screen only through :func:`tui.printable.printable`, the one sanitiser (re-exported here
for the widgets): control characters and escape sequences are shown as symbols, never sent to the terminal.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property

from tui.model import Event, Quote, Report
from tui.printable import printable as printable  # the one sanitiser, for the widgets
from tui.temporal import ResolvedEvent, Step, Timeline
from tui.temporal.defaults import DEFAULTS
from tui.temporal.labels import day_label, moment_label


def counted(count: int, noun: str) -> str:
    """ "1 event", "3 events": a count with its noun, in the plural when it is not one."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


# A thousands separator inside a number: "2 000", "2\u202f000", "2,000", "2.000" all read as "2000".
_DIGIT_GROUP = re.compile(r"(?<=\d)[\s,.\u00a0\u202f'’](?=\d{3}(?!\d))")


def folded(text: str) -> str:
    """Case-, accent- and digit-grouping-insensitive form, for search: "Évacuation" and "evacuation" match,
    and "2000" finds "2 000" and "2,000"."""
    plain = "".join(c for c in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(c))
    return _DIGIT_GROUP.sub("", plain)


@dataclass(frozen=True)
class Filters:
    actors: frozenset[str] = frozenset()
    sides: frozenset[str] = frozenset()
    text: str = ""

    @property
    def active(self) -> bool:
        return bool(self.actors or self.sides or self.text.strip())


@dataclass
class TimelineView:
    """The timeline as the app shows it: rows in order, filtered."""

    timeline: Timeline
    filters: Filters = field(default_factory=Filters)
    rows: list[ResolvedEvent] = field(init=False)

    def __post_init__(self) -> None:
        report = self.report
        # Events share their sets of actors and of sides (a report has few actors, and 100k events maybe a
        # few hundred distinct sets): each distinct set is kept once, which saves tens of megabytes.
        shared: dict[frozenset[str], frozenset[str]] = {}
        self._involved = {event.id: _one_of(shared, involved(report, event)) for event in report.events}
        sides_of = {actors: frozenset(report.actor(actor).side for actor in actors) for actors in shared}
        self._sides = {event_id: _one_of(shared, sides_of[actors]) for event_id, actors in self._involved.items()}
        # What the filters test, keyed by the row itself (an identity hash, the cheapest lookup there is):
        # a keystroke in the search box tests every shown row, so 10 000 rows must cost about a millisecond.
        self._row_actors: dict[ResolvedEvent, frozenset[str]] = {}
        self._row_sides: dict[ResolvedEvent, frozenset[str]] = {}
        for row in self.timeline.events:
            self._row_actors[row] = self._involved[row.id]
            self._row_sides[row] = self._sides[row.id]
        self.rows = list(self.timeline.events)

    @cached_property
    def _row_haystack(self) -> dict[ResolvedEvent, str]:
        """What a search looks in, folded, by row: made on the first search, as most sessions never search."""
        report = self.report
        return {row: folded(" ".join(_searchable(report, row.event))) for row in self.timeline.events}

    @property
    def report(self) -> Report:
        return self.timeline.report

    def apply(self, filters: Filters) -> list[ResolvedEvent]:
        """Keep the events involving a chosen actor, of a chosen side, whose text contains the query."""
        previous, self.filters = self.filters, filters
        needle = folded(filters.text.strip())
        pool: list[ResolvedEvent] | tuple[ResolvedEvent, ...] = self.timeline.events
        same_choice = filters.actors == previous.actors and filters.sides == previous.sides
        if same_choice and folded(previous.text.strip()) in needle:
            pool = self.rows  # typing on only narrows: what the shorter query dropped stays dropped
        rows = pool
        if filters.actors:
            actors, involved_in = filters.actors, self._row_actors
            rows = [row for row in rows if not actors.isdisjoint(involved_in[row])]
        if filters.sides:
            sides, side_of = filters.sides, self._row_sides
            rows = [row for row in rows if not sides.isdisjoint(side_of[row])]
        if needle:
            haystack = self._row_haystack
            rows = [row for row in rows if needle in haystack[row]]
        self.rows = list(rows) if rows is pool else rows
        return self.rows

    def involved_actors(self, event_id: str) -> frozenset[str]:
        return self._involved[event_id]

    def sides_of(self, event_id: str) -> frozenset[str]:
        return self._sides[event_id]

    def index_of(self, event_id: str) -> int | None:
        for index, row in enumerate(self.rows):
            if row.id == event_id:
                return index
        return None

    def same_actor(self, index: int, step: int, actor: str | None = None) -> int | None:
        """The previous (step −1) or next (+1) shown row involving ``actor`` (by default the one
        ``stepping_actor`` names for row ``index``)."""
        actor = actor or self.stepping_actor(index)
        if actor is None:
            return None
        position = index + step
        while 0 <= position < len(self.rows):
            if actor in self._involved[self.rows[position].id]:
                return position
            position += step
        return None

    def stepping_actor(self, index: int) -> str | None:
        """The one actor ``[`` / ``]`` follow from row ``index``: the actor filter's (of several, the first
        the row names), else the row's first actor, else the first it involves."""
        event = self.rows[index].event
        involved = self._involved[event.id]
        if self.filters.actors:
            ordered = [*event.actors, *sorted(involved - set(event.actors))]
            return next((actor for actor in ordered if actor in self.filters.actors), min(self.filters.actors))
        if event.actors:
            return event.actors[0]
        return min(involved) if involved else None

    def match_note(self, row: ResolvedEvent) -> str | None:
        """What the search matched in the row when it is none of the report's words but an annotation: a
        name the report does not give ("Zelensky's chief of staff, identified as Andriy Yermak")."""
        needle = folded(self.filters.text.strip())
        if not needle:
            return None
        report = self.report
        for actor in sorted(self._involved[row.id]):
            found = report.actor(actor)
            if found.identification and needle in folded(found.identification.value):
                return f"“{self.filters.text.strip()}” matched {found.name}, identified as {found.identification.value}"
        return None

    # -- how things read -----------------------------------------------------------------------------

    def when(self, row: ResolvedEvent) -> str:
        """The time column: the likely label, "≈" where it rests on a news-reading default (the same label
        `newsline timeline` prints)."""
        return row.likely.label

    def certain_with_next(self, index: int) -> bool:
        """Whether row ``index`` is proven to come before the next shown row."""
        if index + 1 >= len(self.rows):
            return True
        return self.timeline.certainly_before(self.rows[index].id, self.rows[index + 1].id)

    def actor_names(self, event: Event) -> str:
        return ", ".join(self.report.actor(actor).name for actor in event.actors) or "—"

    def chain(self, event: Event) -> list[str]:
        """The attribution chain, origin first: "Kharkiv administrator's statements", "→ TASS (selon TASS)"."""
        return attribution_chain(self.report, event)

    def actor_counts(self) -> list[tuple[str, str, str, int]]:
        """(id, name, side label, number of events) for every actor, most involved first."""
        counts = {actor.id: 0 for actor in self.report.actors}
        for actors in self._involved.values():
            for actor in actors:
                counts[actor] += 1
        actors = sorted(self.report.actors, key=lambda a: (-counts[a.id], a.name))
        return [(a.id, a.name, self.report.side_labels[a.side], counts[a.id]) for a in actors]

    def side_counts(self) -> dict[str, int]:
        """How many events involve each side, as the side filter counts them."""
        counts = dict.fromkeys(self.report.side_labels, 0)
        for sides in self._sides.values():
            for side in sides:
                counts[side] += 1
        return counts

    def status(self, selected: str | None = None) -> str:
        """ "5 of 27 events · filter: …", and what the search matched in the ``selected`` event if the report
        does not say it (an annotation)."""
        total = len(self.timeline.events)
        line = f"{len(self.rows)} of {total} events · filter: {self.describe_filters()}"
        note = self.match_note(self.timeline[selected]) if selected and self.filters.text.strip() else None
        return f"{line} · {note}" if note else line

    def shown(self) -> str:
        """What the rows are, for an export to say: "27 events", or "4 of 27 events · filter: actor …"."""
        total = len(self.timeline.events)
        if not self.filters.active:
            return counted(total, "event")
        return f"{len(self.rows)} of {counted(total, 'event')} · filter: {self.describe_filters()}"

    def describe_filters(self) -> str:
        if not self.filters.active:
            return "none"
        parts = []
        if self.filters.actors:
            names = sorted(self.report.actor(a).name for a in self.filters.actors)
            parts.append("actor " + " or ".join(names))
        if self.filters.sides:
            parts.append("side " + " or ".join(self.report.side_labels[s] for s in sorted(self.filters.sides)))
        if self.filters.text.strip():
            parts.append(f"“{self.filters.text.strip()}”")
        return " · ".join(parts)


_WEEKDAY = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?=\d)")
_SAME_MONTH = re.compile(r"\b(\d{1,2}) ([A-Z][a-z]{2})→(\d{1,2}) \2\b")
_FROM_PUBLICATION = re.compile(r"\b(\d+(?:–\d+)?) days? (before|after) publication\b")  # an unknown publication's


def short_label(label: str) -> str:
    """A time label said shorter by rule, for a narrow column: without weekdays, a range's dash an arrow,
    and a month said once where both days are in it ("≈ Sat 10 Sep 01:00–24:00" → "≈ 10 Sep 01:00–24:00",
    "≈ 9 Sep – 10 Sep 23:00" → "≈ 9→10 Sep 23:00"; "6 days before publication" → "6 d before pub."). The
    same time, whole: nothing is cut. A label that places an event against another one ("a few hours
    before: …") is left as it is."""
    if ": " in label:
        return label
    short = _SAME_MONTH.sub(r"\1→\3 \2", _WEEKDAY.sub("", label).replace(" – ", "→"))
    if "publication" in short:  # days from a publication whose date is unknown: "6 d before pub.→pub. day"
        short = _FROM_PUBLICATION.sub(r"\1 d \2 pub.", short).replace("publication day", "pub. day")
    return short


def _one_of(shared: dict[frozenset[str], frozenset[str]], found: frozenset[str]) -> frozenset[str]:
    """The set equal to ``found`` already kept, or ``found``, now kept."""
    return shared.setdefault(found, found)


def involved(report: Report, event: Event) -> frozenset[str]:
    """The actors an event involves: named as its actors, quoted in it, or behind a channel it is known by
    (so filtering by Zelensky also shows what is told "selon Zelensky")."""
    actors = set(event.actors)
    actors.update(quote.speaker for quote in event.quotes)
    for attribution in event.sources:
        affiliation = report.source(attribution.source).affiliation
        if affiliation:
            actors.add(affiliation)
    return frozenset(actors)


def _searchable(report: Report, event: Event) -> Iterable[str]:
    yield event.summary
    for sentence in event.sentences:  # the report's own words: "selon TASS"
        yield sentence.text
    for quote in event.quotes:
        yield quote.span.text
    for actor in involved(report, event):
        found = report.actor(actor)
        yield found.name
        yield from (mention.text for mention in found.mentions)
        if found.identification:
            yield found.identification.value
    for place in event.places:
        found_place = report.place(place)
        yield found_place.name
        yield from (mention.text for mention in found_place.mentions)  # the report's spelling: "Koupyansk"


def attribution_chain(report: Report, event: Event) -> list[str]:
    """The attribution chain, origin first: "Kharkiv administrator's statements (Il a déclaré)", "TASS (selon TASS)"."""
    links = []
    for attribution in event.sources:
        source = report.source(attribution.source)
        cue = f" ({attribution.cue.text})" if attribution.cue else ""
        links.append(f"{source.label}{cue}")
    return links


def time_of(label: str) -> str:
    """A layer's label as a time: one that places the event only against another ("a day after: <the other's
    summary>") says "a day after another event"; which event, and the words that say so, are the explanation's."""
    phrase, placed, _ = label.partition(": ")
    return f"{phrase} another event" if placed else label


def when_plainly(row: ResolvedEvent) -> str:
    """When the event happened, saying which layer of reading says so: "Thu 8 Sep (certain)", or
    "likely Sat 10 Sep · evening (certain: 9 Sep 18:00 – 11 Sep 03:00)"; "undated" where neither says. A time
    only: the reasons (the words, the defaults) are the explanation's (:func:`why_plainly`)."""
    # The layers' labels (row.certain.label, row.likely.label) without their explanations: an export of every
    # event would otherwise work out an explanation it does not print.
    certain, likely = row.label, row.likely_label
    if likely != certain:
        label = time_of(likely).removeprefix("≈ ")  # "likely" says what the ≈ marks
        return f"likely {label} (certain: {time_of(certain)})"
    if certain == "undated":
        return "undated: the report says only that it happened by its publication"
    return f"{time_of(certain)} (certain)"


def why_plainly(row: ResolvedEvent) -> str:
    """Why the event is placed where :func:`when_plainly` says: the likely layer's explanation (the words, then
    the defaults it rests on), or the certain one's where the words alone place it."""
    if row.likely_label != row.label:  # the layers' labels, as when_plainly reads them: one explanation made
        return row.likely.explanation
    return row.certain.explanation


def step_plainly(report: Report, row: ResolvedEvent, step: Step) -> str:
    """One step of a bound's chain, as the event pane says it: what it bounds, the bound, and why —
    "‘Zelensky says in a Saturday-evening…’ starts from Sat 10 Sep 18:00 ← ‘samedi soir’", "this event ends by
    Sat 10 Sep ← ‘Plus tôt’". A latest bound at midnight is the day before's end: "by Sat 10 Sep"."""
    skipped = f"(… {step.skipped} more steps) " if step.skipped else ""
    if step.event is None and step.reason.startswith("published "):  # it says the bound itself
        return f"{skipped}{step.reason}"
    if step.event is None:
        what = "the publication"
    else:
        verb = "starts" if step.point == "start" else "ends"
        what = f"this event {verb}" if step.event == row.id else f"‘{_short(report.event(step.event).summary)}’ {verb}"
    if step.bound is None:
        when = "open"
    elif step.side == "earliest":
        when = f"from {moment_label(step.bound)}"
    elif (step.bound.hour, step.bound.minute) == (0, 0):
        when = f"by {day_label(step.bound - timedelta(minutes=1))}"  # the end of the day before
    else:
        when = f"by {moment_label(step.bound)}"
    return f"{skipped}{what} {when} ← {step.reason}"


def _short(summary: str, length: int = 34) -> str:
    """An event named in a step: its summary's first words, "…" where it is cut."""
    if len(summary) <= length:
        return summary
    return summary[: length - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


# What the timeline's marks mean, for the screen's legend and the help.
MARKS = (
    ("?", "the order with the next event is not proven: the report's words allow either"),
    ("≈", "a likely time, not a certain one: it rests on a news-reading default (the event pane names it)"),
)
LEGEND = "? order not proven · ≈ rests on a default"  # the marks, said short under the timeline


def default_meaning(name: str) -> str:
    """What a news-reading default assumes, in one line: "news-cycle" → "within the 24 h before publication"."""
    found = DEFAULTS.get(name)
    return found.window if found is not None else "a news-reading default"


def default_names() -> tuple[str, ...]:
    """Every news-reading default, in the order of the table (tui/temporal/defaults.py)."""
    return tuple(DEFAULTS)


def figure(quantity: float, unit: str, qualifier: str | None = None) -> str:
    """A claimed figure as the summaries write figures, the same in the app and the exports: "about 2,000 km",
    "1,000 km²", "2.5 km"."""
    number = f"{int(quantity):,}" if float(quantity).is_integer() else f"{quantity:,g}"
    return f"{qualifier + ' ' if qualifier else ''}{number} {unit}"


def event_as_text(report: Report, row: ResolvedEvent) -> str:
    """The selected event as plain text to paste: when, what, who, through whom, and its quotes verbatim,
    one line each (control characters shown as symbols, as on screen)."""
    event = row.event
    lines = [
        f"When: {when_plainly(row)}",
        f"What: {event.summary}",
        f"Who: {', '.join(report.actor(actor).name for actor in event.actors) or '—'}",
        f"Sources: {' → '.join(attribution_chain(report, event))}",
    ]
    lines.extend(quote_as_text(report, quote) for quote in event.quotes)
    return "\n".join(printable(" ".join(line.splitlines())) for line in lines)


def quote_as_text(report: Report, quote: Quote) -> str:
    """A quote verbatim, with its speaker: "« … » — Volodymyr Zelensky". Control characters are shown as
    symbols: what is pasted into a terminal must not drive it."""
    return printable(" ".join(f"{quote.span.text} — {report.actor(quote.speaker).name}".splitlines()))
