"""News-reading defaults: the *likely* layer of the timeline.

The certain layer (:mod:`tui.temporal.timeline`) holds only what the report's words entail. A careful
reader also applies the conventions of news writing; this module applies them too, openly. Each default is
a named constraint, weaker than any word of the report and than the certain layer's assumptions: the
likely network is the certain one plus these, solved with the same exact solver, and where the report's
words contradict a default the solver sets the default aside (it is always the weakest constraint of a
contradiction) and the event's explanation says so. So likely ⊆ certain for every event, and with no
default the two are equal.

=====================  ======================================================  ==========================
default                applies to                                              window
=====================  ======================================================  ==========================
publication-estimate   the report                                              published at its annotated
                                                                               estimate
news-cycle             an action, statement or state told in the présent,      within the 24 h before the
                       passé composé or a verbless headline, with no time of   publication
                       its own (or only "now": "actuellement") and nothing
                       else that places it
same-day               two events linked by a cue of hours or less ("plus      the same calendar day,
                       tôt" with no unit, "peu après", "quelques heures        where one of them is known
                       après", "N heures plus tôt")                            to lie within one day
one-episode            an action told in a perfective tense (passé composé,    lasts at most a day
                       plus-que-parfait, passé simple) with no time of its
                       own
recent-past            a completed action a statement reports as done (its     ended within the day
                       plus-que-parfait or passé composé in reported speech,   before the statement
                       an order-only relation), with no time of its own
temporal-focus         an event with no time and no relation of its own,       lies within that event
                       told in the same sentence as, or right after and in
                       the same tense and paragraph as, an event the report
                       places
attested               a state or process the report tells only as holding    lies within that statement
                       at a statement (a ``during`` relation into it, from
                       the imparfait or présent of reported speech)
day-count              two events a cue of calendar days links ("la veille",  N × 24 h apart ± 12 h
                       "le lendemain", "deux jours plus tôt")
at-once                two events linked by "aussitôt", "immédiatement",     within the hour
                       "dans la foulée"
to-come                an event told in the future tense                       begins after the
                                                                               publication
report-zone            a report whose publication is a day given without its   clock times and days read
                       zone: its time expressions                              in the estimate's zone
drafted-attachment     a time expression or relation cue the drafter           what those words say (a
                       attached only by a guess (``found.how`` starting        time of day with no day:
                       ``guess:``: proximity, an ambiguous parse)              on the day the story is at)
place-zone             a time of day told with a foreign place of one zone       read in that place's zone
                       ("14 h à Tokyo", "vers 9 heures au Japon")
publication-day        a report whose publication is unknown: the times it     read against the day of
                       gives by a weekday or a date ("mardi", "le 28           publication that puts the
                       juillet", "le 15 avril 2021")                           days named most recently
                                                                               before it
=====================  ======================================================  ==========================

Why they hold, and what is certain instead:

- **publication-estimate.** The publication annotation gives a range and the estimate its basis argues
  for; the likely reading takes the estimate. The certain layer keeps the whole range.
- **news-cycle.** News reports the latest developments: the présent d'actualité and the passé composé
  without a time adverb tell what happened in the report's news cycle, the day before publication. An
  event that only "held at publication" ("actuellement") is likewise attested within that day.
- **same-day.** A writer who places two events hours apart across midnight says so ("la veille", "dans la
  nuit"); "plus tôt" with no unit, "peu après" and "quelques heures après" read as the same day. Where
  neither event's day is known the default does not apply (it cannot be stated as a difference
  constraint then).
- **one-episode, recent-past.** News announces what has just happened: a completed action a statement
  reports as done ("ont annoncé qu'elles avaient repris") took place within the day before, as one
  episode. Its order before the statement is certain (the plus-que-parfait entails it); how soon is not.
- **temporal-focus.** Narration keeps its reference time until a new time is given: an event told with
  no time of its own in the same sentence as a placed event, or right after it in the same paragraph and
  tense, shares its time.
- **attested.** What reported speech says holds in the imparfait or présent ("la Russie regroupait",
  "les réfugiés reçoivent") held when it was said — that much is certain and is in the data as a
  ``during`` relation. When it began and ends the report does not say; the likely reading shows it where
  the report attests it.

- **to-come.** Written before it happens, an event told in the future tense has not begun when the
  report is written — and so, almost always, when it is published; but the writing may precede the
  publication by hours, so only the likely layer says "after the publication". The certain layer only
  drops its "begun by publication" assumption.
- **place-zone.** "À 14 h à Tokyo" is 14 h on Tokyo's clock, most likely; but a French report may give a
  Paris time for a Tokyo event, so the certain layer reads the clock in every zone (as "heure locale"), and
  only the likely layer reads it in the place's zone (resources/fr/foreign_places.txt gives the zone of each
  place that has one).
- **publication-day.** With the publication unknown, "mardi" is certainly some Tuesday of the week before
  it, "le 28 juillet" some 28 July, "le 15 avril 2021" a day nothing relates to it: which, depends on the
  day of publication, which nothing says. News tells the days just past: the likely reading takes the day
  of publication that puts the days the report names, together, most recently before it (the latest one
  named is the publication's, most often: among the days named, read against the end of the latest year
  named, and the week before the placeholder's day, the one with the least total lag), so that they keep
  their order among themselves and against "hier", "ce matin" and the news cycle.
- **drafted-attachment.** Where the drafter found the words but guessed what they belong to, what they
  say is a reading, not an entailment: a reviewer confirms it (saving a review keeps the words and drops
  the guess's mark).

Tenses in reported speech (concordance des temps) are certain, not defaults: the plus-que-parfait puts
the event before the saying, the imparfait and présent at it, the conditionnel after it. The curated
data encodes them as relations whose cue is the verb. Relaying — a news agency carries a statement within
hours — needs no default of its own here: where the report tells an agency's report and the statement it
carries, they are one announcement told twice, an identity (``same``) relation.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import deque
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import cached_property

from msgspec import Struct

from tui.model import Event, Publication, Relation, Report, Span
from tui.model.report import replace
from tui.temporal.constraints import add_relation, add_time_window, guessed
from tui.temporal.evidence import Evidence
from tui.temporal.expressions import INF, Normalised, from_minutes, read_as_published_on, to_minutes
from tui.temporal.network import Network, Solution
from tui.temporal.relations import gap_for, is_sequence_word

HOUR = 60
DAY = 24 * HOUR


class Default(Struct, frozen=True):
    """One news-reading default: its name, its window in words, and why it holds."""

    name: str
    window: str
    why: str
    strength: int  # which yields first when defaults contradict each other: the lowest


DEFAULTS: Mapping[str, Default] = {
    d.name: d
    for d in (
        Default("publication-estimate", "published at the annotation's estimate",
                "the annotation's basis argues for the estimate; the certain layer keeps its whole range", 1),
        Default("news-cycle", "within the 24 h before publication",
                "the présent and passé composé without a time adverb tell the news of the day", 2),
        Default("same-day", "on the same calendar day as the event it is relative to",
                "a cue of hours or less reads as the same day; across midnight a writer says 'la veille'", 3),
        Default("one-episode", "lasts at most a day",
                "a completed action told in a perfective tense, with no duration of its own, is one episode", 4),
        Default("recent-past", "ended within the day before the statement that reports it",
                "news announces what has just happened", 5),
        Default("temporal-focus", "within the event it is told with",
                "narration keeps its reference time until a new time is given", 6),
        Default("attested", "within the statement that attests it",
                "reported speech says it held when said; when it began or ends the report does not say", 7),
        Default("day-count", "N days apart, give or take half a day",
                "'la veille', 'deux jours plus tôt' count calendar days; read as N × 24 h they are likeliest", 8),
        Default("at-once", "within the hour after the event it follows",
                "'aussitôt', 'dans la foulée' say at once; how soon the report does not measure", 8),
        Default("to-come", "begins after the publication",
                "the future tense tells what is yet to happen when written; how soon after, it does not say", 8),
        Default("report-zone", "clock times and days in the publication estimate's zone",
                "a day given without its zone is a day where the report was published, most likely", 9),
        Default("drafted-attachment", "as the words the drafter attached to it say",
                "the drafter attached these words by proximity or on an ambiguous parse: a guess to review", 9),
        Default("place-zone", "the time of day in the zone of the place told with it",
                "'à 14 h à Tokyo' is Tokyo's clock, most likely; the report may also give Paris's", 9),
        Default("publication-day", "the publication on the day that puts the days named just before it",
                "with the publication unknown, news tells the days just past: the latest day named is most "
                "often the publication day", 9),
    )
}  # fmt: skip

_NEWS_TENSES = frozenset({"present", "compound-past", "verbless"})
_PERFECTIVE = frozenset({"compound-past", "pluperfect", "simple-past"})
# The assumptions of the certain layer are at strength 10 and above; every default is weaker.
assert max(d.strength for d in DEFAULTS.values()) < 10


class LikelyReading(Struct, frozen=True):
    """The likely layer solved, and the defaults set aside for each event, with what contradicted them."""

    solution: Solution[Evidence]
    set_aside: Mapping[str, tuple[tuple[Evidence, tuple[Evidence, ...]], ...]]


def read_likely(
    report: Report,
    network: Network[Evidence],
    certain: Solution[Evidence],
    points: Mapping[str, tuple[int, int]],
    normalised: Mapping[str, Normalised | None],
) -> LikelyReading:
    """Add the defaults to a copy of the certain network and solve it, warm from the certain solution.

    The defaults that need no solution (the publication estimate, episodes, recent past, focus, attested)
    come first, with same-day spread along cues of hours from every event whose day the words give; then,
    from that solution, the news cycle dates what is still open and same-day spreads from the days that
    made known. Each round resumes from the last one's solution, until a round adds nothing.
    """
    likely = network.extended()
    reader = _Reader(report, likely, points, normalised)
    reader.static_defaults()
    reader.same_day(certain)  # from the days the words alone give; the first solve then has them all
    solution = likely.solve(warm=certain)
    if reader.clock_days(solution):
        solution = likely.solve(warm=solution)
    for _ in range(4):
        added = reader.news_cycle(solution)
        if not (reader.same_day(solution) or added):
            break
        solution = likely.solve(warm=solution)
    set_aside: dict[str, list[tuple[Evidence, tuple[Evidence, ...]]]] = {}
    for conflict in solution.conflicts[len(certain.conflicts) :]:
        dropped = conflict.dropped.evidence
        if dropped.kind == "default" and dropped.event is not None:
            others = tuple(c.evidence for c in conflict.constraints if c != conflict.dropped)  # built anew: by value
            set_aside.setdefault(dropped.event, []).append((dropped, others))
    for event_id, notes in reader.skipped.items():
        set_aside.setdefault(event_id, []).extend(notes)
    return LikelyReading(solution, {k: tuple(v) for k, v in set_aside.items()})


class _Reader:
    """Which defaults apply to which events of one report, and the constraints they add."""

    def __init__(
        self,
        report: Report,
        network: Network[Evidence],
        points: Mapping[str, tuple[int, int]],
        normalised: Mapping[str, Normalised | None],
    ) -> None:
        self.report = report
        self.network = network
        self.points = points
        self.normalised = normalised
        self.zone: tzinfo | None = report.document.published.estimate.tzinfo
        self.events = {event.id: event for event in report.events}
        self.placed: set[str] = set()  # events a default other than news-cycle already places
        self.day: dict[str, int] = {}  # event id → the start of the day it is known or read to lie on (minutes)
        self.dated: dict[str, int] = {}  # the events same-day put on a day
        self.cycled: set[str] = set()
        self.clocks: set[str] = set()  # events whose guessed time is a time of day the words give no day for
        self.noted: set[object] = set()  # the cues whose same-day reading the words already set aside
        self.skipped: dict[str, list[tuple[Evidence, tuple[Evidence, ...]]]] = {}
        # Cues of hours or less, both ways: the same-day default spreads along them. By event, in the order
        # the report first names it in such a relation, the events whose relations of that kind name it
        # (see _hourly): a list entry per relation, for 100k events a few megabytes.
        self.hourly: dict[str, tuple[()] | list[Event]] = {}
        for event in report.events:
            for relation in event.relations:
                if _hourly(relation):
                    self.hourly.setdefault(event.id, ())
                    naming = self.hourly.get(relation.target)
                    if naming:
                        if naming[-1] is not event:  # one entry per event, however many relations it has
                            naming.append(event)  # type: ignore[union-attr]
                    else:
                        self.hourly[relation.target] = [event]

    def _hourly(self, event_id: str) -> list[tuple[str, Span, str]]:
        """The cues of hours or less between this event and another, both ways, in the report's order: for
        each, the other event, the cue and the event whose relation it is."""
        points, own = self.points, self.points[event_id]
        found: list[tuple[str, Span, str]] = []
        later: list[tuple[str, Span, str]] = []
        for other in self.hourly.get(event_id, ()):  # the events that name it, in the report's order
            named = found if points[other.id] < own else later
            named += [(other.id, r.cue, other.id) for r in other.relations if r.target == event_id and _hourly(r)]
        found += [(r.target, r.cue, event_id) for r in self.events[event_id].relations if _hourly(r)]
        found += later
        return found

    def add(self, source: int, target: int, lo: float, hi: float, evidence: Evidence) -> None:
        self.network.add(source, target, lo, hi, evidence, DEFAULTS[evidence.text].strength)

    # -- defaults that need no solution ----------------------------------------------------------------

    def static_defaults(self) -> None:
        estimate = to_minutes(self.report.document.published.estimate)
        self.add(0, 1, estimate, estimate, Evidence("default", "publication-estimate"))
        guess, zone = DEFAULTS["drafted-attachment"].strength, DEFAULTS["report-zone"].strength
        published = self.report.document.published
        if published.zone == "unknown":  # the certain layer widened the day to every zone; this reads it here
            earliest, latest = to_minutes(published.earliest), to_minutes(published.latest)
            self.add(0, 1, earliest, latest, Evidence("default", "report-zone"))
        for event in self.report.events:
            start, end = self.points[event.id]
            found = self.normalised.get(event.id)
            if found is not None and event.time is not None and guessed(event.time_found):
                if found.day_free:
                    self.clocks.add(event.id)  # put on the day the story is at, once a solution gives days
                else:
                    evidence = Evidence("default", "drafted-attachment", event.id, event.time)
                    add_time_window(self.network, event, found, self.points, evidence, guess)
            elif found is not None and event.time is not None and published.zone == "unknown":
                evidence = Evidence("default", "report-zone", event.id, event.time)
                add_time_window(self.network, event, found, self.points, evidence, zone)
            if found is not None and found.place is not None and event.id not in self.clocks and not event.time_anchor:
                evidence = Evidence("default", "place-zone", event.id, event.time)
                in_place = replace(found, start=found.place, end=found.place)
                add_time_window(self.network, event, in_place, self.points, evidence, DEFAULTS["place-zone"].strength)
            for relation in event.relations:
                if guessed(relation.found):
                    evidence = Evidence("default", "drafted-attachment", event.id, relation.cue, relation.target)
                    add_relation(self.network, event, relation, self.points, evidence, guess)
                gap = gap_for(relation.cue.text) if relation.type in ("before", "after") else None
                if gap is not None and gap.likely is not None:
                    evidence = Evidence("default", gap.default, event.id, relation.cue, relation.target)
                    strength = DEFAULTS[gap.default].strength
                    add_relation(self.network, event, relation, self.points, evidence, strength, likely=True)
            if event.tense is not None and event.tense.form == "future":
                self.add(1, start, 0, INF, Evidence("default", "to-come", event.id, event.tense.cue))
            untimed = event.time is None
            if untimed and event.kind == "action" and event.tense and event.tense.form in _PERFECTIVE:
                self.add(start, end, 0, DAY, Evidence("default", "one-episode", event.id, event.tense.cue))
            for relation in event.relations:
                self._recent_past(event, relation.type, relation.target, relation.cue)
                if relation.type == "during" and event.kind == "statement":
                    self._attested(relation.target, event, relation.cue)
        for event in self.report.events:
            self._focus(event)
        if not published.known:
            self._publication_day()

    def _publication_day(self) -> None:
        """With the publication unknown, read the days the report names against the day of publication that
        puts them, together, most recently before it (see the module's doc)."""
        published, language = self.report.document.published, self.report.document.language
        timed = [e for e in self.report.events if e.time is not None and not e.time_anchor]
        texts = list(dict.fromkeys(e.time.text for e in timed if e.time is not None))
        if not texts:
            return
        readings: dict[tuple[str, date], Normalised | None] = {}

        def read(text: str, day: date) -> Normalised | None:
            if (text, day) not in readings:
                readings[text, day] = read_as_published_on(text, day, published, language)
            return readings[text, day]

        day = _likeliest_publication_day(texts[:_CHOOSING], published, read)
        if day is None:
            return
        for event in timed:
            assert event.time is not None
            found = read(event.time.text, day)
            if found is None or "publication" in (found.start.anchor, found.end.anchor):
                continue  # unread, or read against the publication itself: the certain layer has it
            evidence = Evidence("default", "publication-day", event.id, event.time)
            add_time_window(self.network, event, found, self.points, evidence, DEFAULTS["publication-day"].strength)

    def _recent_past(self, event: Event, kind: str, target_id: str, cue) -> None:
        """An order-only relation between a completed action and the statement that reports it."""
        if kind not in ("before", "after") or gap_for(cue.text).metric:
            return
        target = self.events[target_id]
        action, statement = (event, target) if kind == "before" else (target, event)
        if action.kind != "action" or statement.kind != "statement" or action.time is not None:
            return
        if kind == "after" and event is not statement:
            return
        evidence = Evidence("default", "recent-past", action.id, cue, statement.id)
        action_start, action_end = self.points[action.id]
        statement_start, _ = self.points[statement.id]
        self.add(action_end, statement_start, 0, DAY, evidence)
        self.add(action_start, statement_start, 0, DAY, evidence)
        self.placed.add(action.id)

    def _attested(self, state_id: str, statement: Event, cue) -> None:
        """A state told only as holding when a statement said it: shown where the statement attests it."""
        state = self.events[state_id]
        if state.time is not None or state_id in self.placed or _places_itself(state):
            return
        evidence = Evidence("default", "attested", state_id, cue, statement.id)
        state_start, state_end = self.points[state_id]
        said_start, said_end = self.points[statement.id]
        self.add(said_start, state_start, 0, INF, evidence)
        self.add(state_end, said_end, 0, INF, evidence)
        self.placed.add(state_id)

    def _focus(self, event: Event) -> None:
        # A sequence word ("puis", "enfin": after the event before, by how much unsaid) goes on with the
        # episode; a relation that puts the event before another (a plus-que-parfait) leaves it.
        if event.id in self.placed or _places_itself(event) or not all(_in_sequence(r) for r in event.relations):
            return
        focus = self._focus_of(event)
        if focus is None:
            return
        cue = event.tense.cue if event.tense else None
        evidence = Evidence("default", "temporal-focus", event.id, cue, focus.id)
        start, end = self.points[event.id]
        focus_start, focus_end = self.points[focus.id]
        self.add(focus_start, start, 0, INF, evidence)
        self.add(end, focus_end, 0, INF, evidence)
        self.placed.add(event.id)

    def _focus_of(self, event: Event) -> Event | None:
        """The placed event told in the same sentence, else right before in the same paragraph and tense."""
        first = event.sentences[0]
        starts, placed = self._placed_by_sentence
        at = bisect_left(starts, first.start)
        if at < len(starts) and starts[at] == first.start and placed[at] is not event:
            return placed[at]  # the first placed event told in the same sentence
        previous = placed[at - 1] if at else None  # the last placed event told before it
        if previous is None or "\n\n" in self.report.document.text[previous.sentences[0].end : first.start]:
            return None
        if event.tense is None or previous.tense is None:
            return None
        return previous if _same_narration(previous.tense.form, event) else None

    @cached_property
    def _placed_by_sentence(self) -> tuple[list[int], list[Event]]:
        """The events that place themselves, by where their first sentence starts (the first told, for a
        sentence several share): what temporal focus looks back to, found by bisection."""
        chosen: dict[int, Event] = {}
        for other in self.report.events:
            if _places_itself(other):
                chosen.setdefault(other.sentences[0].start, other)
        starts = sorted(chosen)
        return starts, [chosen[start] for start in starts]

    # -- defaults that spread from a solution ----------------------------------------------------------

    def clock_days(self, solution: Solution[Evidence]) -> bool:
        """Put each guessed time of day the words give no day for ("vers 13 heures") on the day the story
        is at: the day of an event it is related to ("quelques heures plus tôt, à 17h10"), else the
        publication's; and, for an event told in a past tense, never after the publication: then the last
        such time before it. Whether a constraint was added."""
        if not self.clocks:
            return False
        published = self.report.document.published
        latest = to_minutes(published.latest)
        midnights = _midnights(to_minutes(published.estimate), self.zone)
        if midnights is None:
            return False
        read_on = midnights[0]  # the words alone are read on the publication's day
        days: dict[str, int] = {}
        told = sorted(self.report.events, key=lambda e: e.sentences[0].start if e.sentences else 0)
        for event in told:
            if event.id not in self.clocks:
                continue
            found = self.normalised[event.id]
            assert found is not None
            if found.place is not None:  # "14 h à Tokyo": on Tokyo's clock (default place-zone)
                found = replace(found, start=found.place, end=found.place)
            related = [r.target for r in event.relations] + [e.id for e in self.hourly.get(event.id, ())]
            day = next((days[o] for o in related if o in days), None)
            if day is None:
                day = next((d for o in related if (d := self._day_of(solution, o)) is not None), None)
            shift = (day if day is not None else read_on) - read_on
            past = event.tense is not None and event.tense.form not in ("future", "conditional")
            if past and not event.time_anchor and abs(found.start.lo) != INF:
                while found.start.lo + shift > latest:
                    shift -= DAY  # told in a past tense: not after the publication
            # the guess of the day is the drafter's; the clock a place's, where the words name one
            name = "place-zone" if found.place is not None else "drafted-attachment"
            evidence = Evidence("default", name, event.id, event.time)
            strength = DEFAULTS["drafted-attachment"].strength
            add_time_window(self.network, event, found, self.points, evidence, strength, (-shift, shift))
            days[event.id] = read_on + shift
        self.clocks.clear()
        return True

    def _day_of(self, solution: Solution[Evidence], event_id: str) -> int | None:
        """The start of the calendar day (in the report's zone) the event lies within, if it lies in one."""
        start, end = self.points[event_id]
        lo, hi = solution.lower(start), solution.upper(end)
        if lo == -INF or hi == INF:
            return None
        days = _midnights(lo, self.zone)
        if days is None:
            return None
        first, following = days
        return first if hi <= following else None

    def same_day(self, solution: Solution[Evidence]) -> bool:
        """Spread days along cues of hours from the events whose day is known and not yet spread from;
        whether a constraint was added."""
        queue: deque[str] = deque()
        day = self.day
        for event_id in self.hourly:
            if event_id not in day:
                known = self._day_of(solution, event_id)
                if known is not None:
                    day[event_id] = known
                    queue.append(event_id)
        added = False
        while queue:
            event_id = queue.popleft()
            midnight = day[event_id]
            following = _midnights(midnight, self.zone)[1]  # type: ignore[index]  # a day _day_of found
            for other, cue, owner in self._hourly(event_id):
                start, end = self.points[other]
                if other in day and (day[other] == midnight or cue in self.noted):
                    continue
                if other in day or solution.lower(start) >= following or solution.upper(end) <= midnight:
                    # The words put them on different days: the default yields before it is even added, and
                    # the event whose cue it reads says so.
                    placed = owner if other in day else other
                    note = Evidence("default", "same-day", placed, cue, event_id)
                    first, last = self.points[placed]
                    chains = (*solution.lower_reasons(first), *solution.upper_reasons(last))
                    words = tuple(c.evidence for c in chains if c.evidence.kind in ("time", "relation"))
                    self.skipped.setdefault(placed, []).append((note, words))
                    self.noted.add(cue)
                    continue
                day[other] = midnight
                queue.append(other)
                if other not in self.dated:
                    self.dated[other] = midnight
                    spread = Evidence("default", "same-day", other, cue, event_id)
                    self.add(0, start, midnight, INF, spread)
                    self.add(0, end, -INF, following, spread)
                    added = True
        return added

    def news_cycle(self, solution: Solution[Evidence]) -> bool:
        """Date within the news cycle what is still open on a side; whether a constraint was added."""
        added = False
        for event in self.report.events:
            if event.id in self.cycled or event.id in self.placed or event.id in self.dated:
                continue
            if event.tense is None or event.tense.form not in _NEWS_TENSES or _places_itself(event, self.normalised):
                continue
            start, end = self.points[event.id]
            if solution.lower(start) != -INF and solution.upper(end) != INF:
                continue  # the report's words, or another default, already bound it on both sides
            evidence = Evidence("default", "news-cycle", event.id, event.tense.cue)
            self.add(1, start, -DAY, 0, evidence)
            self.add(1, end, -DAY, 0, evidence)
            self.cycled.add(event.id)
            added = True
        return added


# The tenses news narrates one episode in: a report tells it in the passé composé and goes on with its
# actions in the présent ("a rendu son verdict peu avant 20 heures… Thierry Nicollas et Loan Malécot sont
# condamnés…"); a state in the présent is the news of the day instead ("l'armée progresse").
_NARRATION = frozenset({"present", "compound-past", "simple-past"})


def _same_narration(told: str, event: Event) -> bool:
    """Whether ``event``, told right after an event told in the tense ``told``, goes on with its episode."""
    assert event.tense is not None
    then = event.tense.form
    return told == then or (event.kind == "action" and told in _NARRATION and then in _NARRATION)


_CHOOSING = 24  # expressions the publication day is chosen on: the first this many a report gives
_YEAR = re.compile(r"(?<!\d)(1[0-9]\d\d|2\d\d\d)(?!\d)")


def _likeliest_publication_day(
    texts: list[str], published: Publication, read: Callable[[str, date], Normalised | None]
) -> date | None:
    """The day of publication that puts the times ``texts`` say, together, most recently before it (the
    ``publication-day`` default): among the days they name, read against the last day of the latest year
    they name, and the week that ends the placeholder's day. None if none of them is read on the calendar."""
    years = [int(y) for text in texts for y in _YEAR.findall(text)]
    placeholder = published.estimate.date()
    reference = date(max(years), 12, 31) if years else placeholder
    candidates = {placeholder - timedelta(days=n) for n in range(7)}
    for text in texts:
        found = read(text, reference)
        if found is not None and found.end.anchor == "origin" and abs(found.end.hi) != INF:
            shift = to_minutes(datetime.combine(reference, time(), UTC)) - to_minutes(published.earliest)
            named = from_minutes(found.end.hi - 1 + shift, UTC)  # the day it names, on the supposed calendar
            if named is not None:
                candidates.add(named.date())

    def cost(day: date) -> tuple[float, date]:
        end = to_minutes(published.latest)  # the frame's publication day stands for ``day``
        total = 0.0
        for text in texts:
            found = read(text, day)
            if found is None or found.end.anchor != "origin" or abs(found.end.hi) == INF:
                continue
            lag = end - found.end.hi
            total += lag if lag >= 0 else -10 * lag  # told in the past: after the publication is unlikely
        return total, day

    if not any((found := read(text, reference)) is not None and found.end.anchor == "origin" for text in texts):
        return None
    return min(candidates, key=cost)


def _in_sequence(relation: Relation) -> bool:
    """A relation that keeps an event in the episode told: held during another, or after it by a word of
    sequence that measures nothing ("puis", "enfin", "ensuite")."""
    return relation.type == "during" or (relation.type == "after" and is_sequence_word(relation.cue.text))


def _hourly(relation: Relation) -> bool:
    """Whether a relation is an identity or a cue of hours or less, which the same-day default reads."""
    return relation.type == "same" or (relation.type in ("before", "after") and gap_for(relation.cue.text).hi <= DAY)


def _places_itself(event: Event, normalised: Mapping[str, Normalised | None] | None = None) -> bool:
    """Whether the event has a time of its own or a relation that places it against another: a measured
    gap, an identity, or lying within another event — except a statement's ``during`` relations, which
    attest what held when it was said rather than place the statement. With ``normalised``, a time that
    says only "now" ("actuellement": under way at publication) does not count."""
    if event.time is not None:
        found = normalised.get(event.id) if normalised is not None else None
        if found is None or found.granularity != "open":
            return True
    return any(
        r.type == "same" or (r.type == "during" and event.kind != "statement") or gap_for(r.cue.text).metric
        for r in event.relations
    )


_MIDNIGHTS: dict[tuple[tzinfo | None, int], tuple[int, int]] = {}


def _midnights(minutes: float, zone: tzinfo | None) -> tuple[int, int] | None:
    """The midnight that starts the calendar day (in ``zone``) of a moment, and the next one, in minutes;
    None for a moment beyond the calendar (see ``from_minutes``).

    Cached by quarter hour, since every time zone's offset is a multiple of 15 minutes: resolving 100k
    events asks this for every event, and most fall on a few days."""
    key = (zone, int(minutes // 15))
    found = _MIDNIGHTS.get(key)
    if found is None:
        moment = from_minutes(minutes, zone)
        if moment is None:
            return None
        day = moment.date()
        found = (
            to_minutes(datetime.combine(day, time(), moment.tzinfo)),
            to_minutes(datetime.combine(day + timedelta(days=1), time(), moment.tzinfo)),
        )
        if len(_MIDNIGHTS) > 100_000:
            _MIDNIGHTS.clear()
        _MIDNIGHTS[key] = found
    return found
