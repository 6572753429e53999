"""The story as the corpus app shows it: its events in time order, filtered by outlet, report and actor — with no
Textual import (what :mod:`tui.view` is for one report's timeline, this is for a corpus's story).

The app's story list (:class:`tui.app.widgets.story.StoryList`) reads this view as the viewer's timeline list
reads a :class:`tui.view.TimelineView`: ``rows`` (the story events shown), ``timeline`` (all of them, by id),
``index_of``, ``stepping_actor`` / ``same_actor`` (``[`` and ``]``) and ``describe_filters``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from tui.corpus.story import Story, StoryEvent, Teller
from tui.temporal.labels import moment_label
from tui.view import counted, folded

MARKS = (
    ("!", "the reports that tell this event give times that cannot all hold (the event pane says which)"),
    ("≠", "the reports that tell this event give different figures for one thing (the event pane says who)"),
    ("≈", "a likely time: it rests on a news-reading default of a report that tells it"),
)
LEGEND = "! times · ≠ figures differ · ≈ a default"  # the marks, said short under the story


def row_mark(event: StoryEvent) -> str:
    """A story event's mark, one cell: "!" where its reports' times cannot all hold (said first: the time is
    what the story orders by), else "≠" where they give different figures, else a space."""
    return "!" if event.disagreeing else "≠" if event.conflicts else " "


@dataclass(frozen=True)
class CorpusFilters:
    """Outlets, reports (by key) and actors (display names) chosen: a story event is shown when a chosen outlet
    and a chosen report tell it and a chosen actor is involved (each empty: any); and its text holds ``text``."""

    outlets: frozenset[str] = frozenset()
    reports: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()
    text: str = ""

    @property
    def active(self) -> bool:
        return bool(self.outlets or self.reports or self.actors or self.text.strip())


@dataclass(frozen=True)
class ReportInfo:
    """A report of the corpus as the filters name it: its key, file name, outlet, publication, and how many
    story events it tells."""

    key: str
    name: str
    outlet: str | None
    published: str | None
    events: int

    def describe(self) -> str:
        """ "a.json · Le Monde · Sun 11 Sep 12:00" (what the filter picker says)."""
        when = publication(self.published).removeprefix("published ")
        return " · ".join([self.name, self.outlet or "no outlet", when])


class StoryTimeline:
    """Every event of the story, in time order, and by id."""

    def __init__(self, story: Story) -> None:
        self.events = tuple(story.events)
        self._by_id = {event.id: event for event in self.events}

    def __len__(self) -> int:
        return len(self.events)

    def __iter__(self) -> Iterator[StoryEvent]:
        return iter(self.events)

    def __getitem__(self, event_id: str) -> StoryEvent:
        return self._by_id[event_id]

    def __contains__(self, event_id: object) -> bool:
        return event_id in self._by_id


class StoryView:
    """The story's rows, filtered; how a row reads; the counts the filter picker shows."""

    def __init__(self, story: Story) -> None:
        self.story = story
        self.timeline = StoryTimeline(story)
        self.filters = CorpusFilters()
        self.rows: list[StoryEvent] = list(self.timeline.events)
        reports: dict[str, Teller] = {}
        told: Counter[str] = Counter()
        for event in self.timeline:
            for key in dict.fromkeys(teller.report for teller in event.tellers):
                told[key] += 1
            for teller in event.tellers:
                reports.setdefault(teller.report, teller)
        self.reports = {
            key: ReportInfo(key, teller.name, teller.outlet, teller.published, told[key])
            for key, teller in sorted(
                reports.items(), key=lambda item: (item[1].published is None, item[1].published or "", item[1].name)
            )
        }
        self._haystack: dict[str, str] | None = None

    def apply(self, filters: CorpusFilters) -> list[StoryEvent]:
        self.filters = filters
        needle = folded(filters.text.strip())
        if needle and self._haystack is None:
            self._haystack = {event.id: folded(" ".join(_searchable(event))) for event in self.timeline}
        self.rows = [
            event
            for event in self.timeline
            if (not filters.outlets or not filters.outlets.isdisjoint(event.outlets))
            and (not filters.reports or any(teller.report in filters.reports for teller in event.tellers))
            and (not filters.actors or not filters.actors.isdisjoint(event.actors))
            and (not needle or needle in self._haystack[event.id])  # type: ignore[index]
        ]
        return self.rows

    def index_of(self, event_id: str) -> int | None:
        for index, row in enumerate(self.rows):
            if row.id == event_id:
                return index
        return None

    def find(self, report: str, event_id: str) -> StoryEvent | None:
        """The story event that report ``report``'s event ``event_id`` is part of."""
        for event in self.timeline:
            if any(teller.report == report and teller.event.id == event_id for teller in event.tellers):
                return event
        return None

    def stepping_actor(self, index: int) -> str | None:
        """The actor ``[`` / ``]`` follow from row ``index``: the actor filter's, else the row's first."""
        actors = self.rows[index].actors
        if self.filters.actors:
            return next((actor for actor in actors if actor in self.filters.actors), min(self.filters.actors))
        return actors[0] if actors else None

    def same_actor(self, index: int, step: int, actor: str | None = None) -> int | None:
        actor = actor or self.stepping_actor(index)
        if actor is None:
            return None
        position = index + step
        while 0 <= position < len(self.rows):
            if actor in self.rows[position].actors:
                return position
            position += step
        return None

    # -- how things read -----------------------------------------------------------------------------

    def when(self, row: StoryEvent) -> str:
        """The time column: the likely label across the reports, "≈" where it rests on a default."""
        return row.label("likely")

    def outlet_names(self, row: StoryEvent) -> str:
        return ", ".join(row.outlets) or "—"

    def disagreeing(self, row: StoryEvent) -> list[Teller]:
        """The tellers whose times cannot all hold with the others'."""
        return [teller for teller in row.tellers if teller.report in row.disagreeing]

    def outlet_counts(self) -> list[tuple[str, int]]:
        """(outlet, story events it tells) for every outlet, most first."""
        counts = Counter(outlet for event in self.timeline for outlet in event.outlets)
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def actor_counts(self) -> list[tuple[str, int]]:
        counts = Counter(actor for event in self.timeline for actor in event.actors)
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def status(self) -> str:
        """ "5 of 40 story events · filter: outlet Le Monde"."""
        return f"{len(self.rows)} of {counted(len(self.timeline), 'story event')} · filter: {self.describe_filters()}"

    def shown(self) -> str:
        """What the rows are, for an export to say: "29 story events", or "2 of 29 story events · filter: …"."""
        total = counted(len(self.timeline), "story event")
        return f"{len(self.rows)} of {total} · filter: {self.describe_filters()}" if self.filters.active else total

    def describe_filters(self) -> str:
        filters = self.filters
        if not filters.active:
            return "none"
        parts = []
        if filters.outlets:
            parts.append("outlet " + " or ".join(sorted(filters.outlets)))
        if filters.reports:
            names = sorted(self.reports[key].name if key in self.reports else key for key in filters.reports)
            parts.append("report " + " or ".join(names))
        if filters.actors:
            parts.append("actor " + " or ".join(sorted(filters.actors)))
        if filters.text.strip():
            parts.append(f"“{filters.text.strip()}”")
        return " · ".join(parts)


def publication(published: str | None) -> str:
    """ "published Sun 11 Sep 12:00", or "publication unknown"."""
    if not published:
        return "publication unknown"
    try:
        return f"published {moment_label(datetime.fromisoformat(published))}"
    except ValueError:
        return f"published {published}"


def _searchable(event: StoryEvent) -> Iterator[str]:
    for teller in event.tellers:
        record = teller.event
        yield from (record.summary, record.text, *record.actors, *record.sources, teller.name, teller.outlet or "")
        yield from (quote.text for quote in record.quotes)
