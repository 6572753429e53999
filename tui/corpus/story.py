"""The corpus read as one story: its events (each told by one report or more), in time order, each with every
report that tells it, its time in both layers across them, the reports that disagree on it, and the figures
they give differently. What the corpus timeline prints, exports and the corpus view shows — with no Textual
import.

A story event's time is the intersection of its reports' intervals, layer by layer (see
:func:`tui.corpus.identity.story_bounds`); its labels are written in the zone of the earliest report that tells
it (its publication's offset), or UTC when none gives one.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timezone
from functools import cached_property
from typing import TYPE_CHECKING

from tui.corpus.records import EventRecord, moment

if TYPE_CHECKING:
    from tui.corpus.conflicts import FigureConflict


@dataclass(frozen=True, slots=True)
class Teller:
    """A report that tells a story event: its key, file name, outlet, publication, and its own event."""

    report: str
    name: str
    outlet: str | None
    published: str | None
    event: EventRecord

    @property
    def outlet_and_name(self) -> str:
        """ "Le Monde · a.json" — the outlet (when the manifest gave one) and the report's file."""
        return f"{self.outlet} · {self.name}" if self.outlet else self.name


@dataclass(frozen=True)
class StoryEvent:
    """One event of the story: the reports that tell it (earliest publication first) and its time across
    them. ``disagreeing`` names the reports whose intervals cannot all hold (empty when they agree);
    ``conflicts`` the figures its reports give differently for one thing, each with who gave which."""

    number: int
    tellers: tuple[Teller, ...]
    certain: tuple[float | None, float | None]
    likely: tuple[float | None, float | None]
    disagreeing: tuple[str, ...]
    zone: timezone
    conflicts: tuple[FigureConflict, ...] = ()
    show_year: bool = False  # the story's dated events fall in more than one year: each label says its own

    @property
    def id(self) -> str:
        return f"story-{self.number}"

    @property
    def first(self) -> EventRecord:
        return self.tellers[0].event

    @property
    def summary(self) -> str:
        return self.first.summary

    @property
    def kind(self) -> str:
        return self.first.kind

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlets that tell it, each once, in the tellers' order (a report without one by its name)."""
        return tuple(dict.fromkeys(teller.outlet or teller.name for teller in self.tellers))

    @property
    def actors(self) -> tuple[str, ...]:
        return tuple(sorted({actor for teller in self.tellers for actor in teller.event.actors}))

    @property
    def dated(self) -> bool:
        return any(teller.event.dated for teller in self.tellers)

    def label(self, layer: str = "likely") -> str:
        """The time of the layer, as the single report's labels say it, with its year where the story spans
        years ("≈ 6 Jan 08:27 – 7 Jan 08:27, 2018"); "undated" for undated reports' events (their times are
        relative to a publication nobody knows: the report's own view shows them)."""
        from tui.temporal.labels import interval_label, with_year

        if not self.dated:
            return self.first.likely_label if layer == "likely" else self.first.certain_label
        earliest, latest = self.likely if layer == "likely" else self.certain
        start, end = _at(earliest, self.zone), _at(latest, self.zone)
        label = interval_label(start, end)
        if self.show_year:
            label = with_year(label, start, end)
        return label if layer == "certain" or label == "undated" else f"≈ {label}"

    def figures_differ(self) -> list[str]:
        """Each figure conflict in a line: what is counted, then each figure with the report that gives it and
        its words — "morts: 8 (Le Monde · a.txt: “8 morts”) ≠ 10 (AFP · b.txt: “10 morts”)" (raw text: the
        caller escapes it for where it goes)."""
        from tui.view import figure

        names = {teller.report: teller.outlet_and_name for teller in self.tellers}
        lines = []
        for conflict in self.conflicts:
            said = " ≠ ".join(
                f"{figure(item.quantity, '', item.qualifier).strip()} ({names.get(item.report, item.report)}: "
                f"“{item.text}”)"
                for item in conflict.figures
            )
            lines.append(f"{conflict.about or conflict.unit}: {said}")
        return lines

    @property
    def midpoint(self) -> float:
        """The likely interval's middle (its one bound when the other is open; +inf when undated): the order."""
        earliest, latest = self.likely
        if earliest is not None and latest is not None:
            return (earliest + latest) / 2
        found = earliest if earliest is not None else latest
        return math.inf if found is None else found


@dataclass
class Story:
    """Every story event of a corpus, in time order (undated last), filtered by outlet, report or actor."""

    events: list[StoryEvent]

    @cached_property
    def outlets(self) -> tuple[str, ...]:
        return tuple(sorted({outlet for event in self.events for outlet in event.outlets}))

    @cached_property
    def actors(self) -> tuple[str, ...]:
        return tuple(sorted({actor for event in self.events for actor in event.actors}))


def build_story(
    records: Sequence[EventRecord], stories: dict[tuple[str, str], int], reports: Sequence[object]
) -> Story:
    """The story from the store's events, their stories and its reports (``ReportRow``\\ s: key, name,
    outlet, published)."""
    from tui.corpus.conflicts import figure_conflicts
    from tui.corpus.identity import story_bounds

    about = {row.key: row for row in reports}  # type: ignore[attr-defined]
    groups: dict[int, list[EventRecord]] = {}
    alone = max(stories.values(), default=0) + 1
    for record in records:
        number = stories.get((record.report, record.id))
        if number is None:  # not matched yet: a story event of its own
            number, alone = alone, alone + 1
        groups.setdefault(number, []).append(record)
    conflicts: dict[int, list[FigureConflict]] = {}
    for conflict in figure_conflicts(groups):
        conflicts.setdefault(conflict.story, []).append(conflict)
    events = []
    for number, members in groups.items():
        tellers = sorted(
            (
                Teller(
                    member.report,
                    about[member.report].name,
                    about[member.report].outlet,
                    about[member.report].published,
                    member,
                )
                for member in members
            ),
            key=lambda teller: (teller.published is None, teller.published or "", teller.name, teller.event.id),
        )
        certain, likely, disagreeing = story_bounds(members)
        events.append(
            StoryEvent(
                number,
                tuple(tellers),
                certain,
                likely,
                tuple(disagreeing),
                _zone(tellers[0].published),
                tuple(conflicts.get(number, ())),
            )
        )
    years = {
        moment.year
        for event in events
        if event.dated
        for moment in (_at(event.likely[0], event.zone), _at(event.likely[1], event.zone))
        if moment is not None
    }
    if len(years) > 1:
        events = [replace(event, show_year=True) for event in events]
    events.sort(key=lambda event: (event.midpoint, event.tellers[0].published or "", event.tellers[0].name,
                                   event.first.id))  # fmt: skip
    return Story(events)


def _zone(published: str | None) -> timezone:
    if published:
        try:
            offset = datetime.fromisoformat(published).utcoffset()
        except ValueError:
            offset = None
        if offset is not None:
            return timezone(offset) if offset else UTC
    return UTC


def _at(value: float | None, zone: timezone) -> datetime | None:
    found = moment(value)
    return None if found is None else found.astimezone(zone)


__all__ = ["Story", "StoryEvent", "Teller", "build_story"]
