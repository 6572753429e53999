"""Resolve a report's events onto one relative timeline.

Every event is an interval ``start ≤ end``; the publication is a point whose calendar time is known only
within its annotated range. The constraints between them form a Simple Temporal Network:

- the publication lies between its annotated earliest and latest time;
- an event's time expression bounds its start and end (:mod:`tui.temporal.expressions`);
- a relation bounds the gap between two events (:mod:`tui.temporal.relations`);
- an event ends no earlier than it starts; a statement is made within an hour; and an event the report
  tells had begun by the time the report was published (assumptions, weakest of all) — unless it is told in
  the future tense, which says it had not. Told in a past tense (passé composé, imparfait, plus-que-parfait,
  passé simple), it had begun by then *certainly*: the tense entails it, and it holds against a time
  expression read otherwise ("la tombée de la nuit" read on the publication day, after the publication).

A reading the drafter only guessed (a time or a relation it attached by proximity, or on an ambiguous
parse: its ``found.how`` starts with ``guess:``) is not in this network: it is the likely layer's
``drafted-attachment`` default (:mod:`tui.temporal.defaults`).

Solving it gives each event its tightest earliest and latest bounds, the constraints that produce them,
and which orderings the network proves. A contradiction is reported with the evidence of the clashing
constraints, the weakest of which is set aside so that the rest still resolves.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from functools import cached_property
from itertools import islice
from typing import Generic, Literal, NamedTuple, TypeVar, overload

from msgspec import Struct

from tui import collector
from tui.model import Event, Relation, Report, Span
from tui.temporal.constraints import add_relation, add_time_window, guessed, zone_widening
from tui.temporal.defaults import DEFAULTS, LikelyReading, read_likely
from tui.temporal.evidence import Evidence, EvidenceKind
from tui.temporal.expressions import INF, Normalised, from_minutes, normalise, to_minutes
from tui.temporal.labels import day_label, interval_label, moment_label
from tui.temporal.network import Conflict, Network, SameChains, Solution
from tui.temporal.reasons import Chains, Said
from tui.temporal.relations import Gap, gap_for

T = TypeVar("T")

STATEMENT_MINUTES = 60
# How firmly each kind of constraint holds when constraints contradict each other: the weakest yields.
STRENGTH = {
    "order": 100, "publication": 90, "tense": 80, "time": 50, "relation": 40, "duration": 20, "reported": 10,
}  # fmt: skip
PAST_FORMS = frozenset({"compound-past", "imperfect", "pluperfect", "simple-past"})
# Up to this many events, "certainly before" is decided exactly, by a shortest-path search per event;
# above it, by comparing bounds, which is sound (never claims an order that does not hold) but may miss
# an order that only a chain of relative constraints proves.
EXACT_ORDER_LIMIT = 2000
# Listing for every event the events it certainly precedes with none of them in between (the order's covering
# relation, what `newsline timeline --json` prints) takes searches whose total grows with the cube of the
# events of a densely related report (measured: 0.35 s at 100, 14 s at 400), and with the order the bounds
# prove instead the answer itself can grow quadratically (555 000 links for 2 000 events). Up to this many
# events it is exact; above it, it is the order the report's own relations state (see certainly_next).
EXACT_COVER_LIMIT = 100

# How many events' worked-out answers (labels, explanations, dates) a timeline keeps: far more than a
# screen shows, a few megabytes at most.
KEPT_EVENTS = 4096
# How many bounds and labels, which events share, a timeline keeps (all of them, in most reports).
KEPT_SHARED = 16384

DEFAULT_NAMES = tuple(DEFAULTS)

__all__ = [
    "Bounds", "Evidence", "EvidenceKind", "Layer", "ResolvedEvent", "Step", "TimedRelation", "Timeline", "resolve",
]  # fmt: skip


class Bounds(Struct, frozen=True):
    """Earliest and latest calendar time of a point; None where the network leaves it open."""

    earliest: datetime | None
    latest: datetime | None


class Layer(Struct, frozen=True):
    """Where an event lies in one layer of reading: ``certain`` (what the report's words entail) or ``likely``
    (that, plus the named news-reading defaults). Bounds are None where the layer leaves a side open.
    ``notes`` are the explanation's remarks after its reasons (a side left open, a default set aside), on
    their own; the steps behind each bound are :meth:`ResolvedEvent.steps`. A frozen msgspec Struct, as
    the model's records are: two are made for every event read, and a frozen dataclass's ``__init__``
    (a ``object.__setattr__`` call a field) took eight times as long."""

    earliest: datetime | None
    latest: datetime | None
    label: str
    explanation: str
    notes: tuple[str, ...] = ()


class Step(NamedTuple):
    """One link of the chain of constraints that sets a bound, from the anchor to the event: the point it
    bounds (an event's start or end, or the publication), the bound it gives that point, and why. The anchor
    is a time expression, the publication or a default; each later link carries the bound on through a
    relation or an assumption, and the last one is the event's own bound."""

    side: Literal["earliest", "latest"]
    event: str | None  # the event whose start or end it bounds; None for the publication
    point: Literal["start", "end", "publication"]
    bound: datetime | None
    evidence: Evidence
    reason: str  # the evidence as the explanation says it
    skipped: int = 0  # links of a long chain left out just before this one (its ends are kept)


_UNSEEN = object()
MAX_STEPS = 8  # a chain longer than this keeps its anchor and the last links: a dense report's chains are long


class TimedRelation(Struct, frozen=True):
    """A relation seen from one of its two events: "a few hours before" the other one."""

    other: str
    phrase: str  # "a few hours before", "shortly after", "before", "during", "includes"
    cue: Span
    gap: Gap
    stated_here: bool  # whether this event's own relation states it (else the other event's)
    guessed: bool = False  # the drafter only guessed it: the likely layer's, never the certain one's


class _Context:
    """What every resolved event of one timeline shares: both solved layers and the publication."""

    def __init__(self, report: Report, solution: Solution[Evidence], likely: LikelyReading):
        self._answers: dict[int, dict[str, object]] = {}
        self._bounds: dict[tuple[float, float], Bounds] = {}  # by (lower, upper) in minutes
        # Each point's bounds once found, in the certain layer and in the likely one, which every label, export
        # and pane reads several times an event: a list's reference a point (a few megabytes at 100k events).
        points = 2 + 2 * len(report.events)
        self._at_point: tuple[list[Bounds | None], list[Bounds | None]] = ([None] * points, [None] * points)
        self._labels: dict[tuple[datetime | None, datetime | None], str] = {}  # by (earliest, latest)
        self._chains: dict[tuple[str, bool], Chains] = {}  # by layer and side (lower bounds or upper)
        self._same: dict[bool, SameChains | None] = {True: None, False: None}  # by side (see same_chain)
        self._explained: dict[tuple[str, Said, Said], str] = {}
        self._made: dict[tuple[str, bool, int], Step] = {}  # a link's step, by layer, side and point
        self._moments: dict[float, datetime | None] = {}  # a step's bound, by minute
        self._said: dict[Evidence, str] = {}  # a step's reason, by evidence
        self.report = report
        self.solution = solution
        self.likely = likely
        published = report.document.published
        self.zone = published.estimate.tzinfo
        self.published_day = day_label(published.estimate)
        self.publication = {
            # The publication constraint read from either side, and the range calendar words are read against.
            "earliest": Evidence("publication", f"published {moment_label(published.earliest)} at the earliest"),
            "latest": Evidence("publication", f"published {moment_label(published.latest)} at the latest"),
            "range": Evidence(
                "publication",
                f"read for a publication from {moment_label(published.earliest)} to {moment_label(published.latest)}",
            ),
            "estimate": Evidence(
                "default", "publication-estimate", span=None, target=f"published {moment_label(published.estimate)}"
            ),
        }

    def incoming(self, event_id: str) -> Iterable[Event]:
        """The events whose relations name this one, in the report's order."""
        found = self._incoming.get(event_id, ())
        return (found,) if isinstance(found, Event) else found

    @cached_property
    def _incoming(self) -> dict[str, Event | list[Event]]:
        """For every event, the events whose relations name it (the one event itself, most often: a list
        for each of 100k events would take 9 MB): built when a relation is first shown."""
        found: dict[str, Event | list[Event]] = {}
        for event in self.report.events:
            for target in dict.fromkeys(relation.target for relation in event.relations):
                already = found.get(target)
                if already is None:
                    found[target] = event
                elif isinstance(already, list):
                    already.append(event)
                else:
                    found[target] = [already, event]
        return found

    def keep(self, position: int, answers: dict[str, object]) -> None:
        """Keep what is worked out for the event at ``position`` (``answers``: the event's own dictionary, see
        :class:`_kept`) for at most the ``KEPT_EVENTS`` events first asked about most recently: the older half
        are let go at once (the oldest first: a plain dict keeps that order), their dictionaries emptied."""
        kept = self._answers
        kept[position] = answers
        if len(kept) > KEPT_EVENTS:  # a dict let go of its first item one at a time is scanned past every
            # item let go before (4 µs each, for 100k events)
            older = list(islice(kept.values(), len(kept) // 2))
            self._answers = dict(islice(kept.items(), len(kept) // 2, None))
            for found in older:
                found.clear()

    def bounds(self, point: int, solution: Solution[Evidence] | None = None) -> Bounds:
        solution = solution or self.solution
        kept = self._at_point[solution is not self.solution]
        found = kept[point]
        if found is None:
            found = kept[point] = self._shared_bounds(point, solution)
        return found

    def _shared_bounds(self, point: int, solution: Solution[Evidence]) -> Bounds:
        upper, negated_lower = solution.bounds()
        key = -negated_lower[point], upper[point]  # as Solution.lower and .upper say them
        found = self._bounds.get(key)
        if found is None:  # events share their bounds (a day, an evening): each pair is made into dates once
            lo, hi = key
            found = Bounds(
                None if lo == -INF else from_minutes(lo, self.zone),
                None if hi == INF else from_minutes(hi, self.zone),
            )
            if len(self._bounds) >= KEPT_SHARED:  # let go of them all, those kept by point too: a bounded number
                self._bounds.clear()
                for kept in self._at_point:
                    kept[:] = [None] * len(kept)
            self._bounds[key] = found
        return found

    def interval_label(self, earliest: datetime | None, latest: datetime | None) -> str:
        """:func:`interval_label`, said once for the events that share their bounds."""
        key = earliest, latest
        found = self._labels.get(key)
        if found is None:
            if len(self._labels) >= KEPT_SHARED:
                self._labels.clear()
            found = self._labels[key] = interval_label(earliest, latest)
        return found

    def said(self, layer: Literal["certain", "likely"], lower: bool, point: int) -> Said:
        """What the chain behind a point's lower (or upper) bound says in ``layer``: :meth:`reasons`, read
        for every point of the layer at most once (see :mod:`tui.temporal.reasons`)."""
        chains = self._chains.get((layer, lower))
        if chains is None:
            solution = self.solution if layer == "certain" else self.likely.solution
            chains = self._chains[layer, lower] = Chains(*solution.tree(lower), self.describe)
        return chains.at(point)

    def same_chain(self, lower: bool, point: int) -> bool:
        """Whether the likely layer's chain behind the point's lower (or upper) bound is the certain layer's
        (:class:`SameChains`): where no default bears on it, which is most points of most reports."""
        same = self._same[lower]
        if same is None:
            same = self._same[lower] = SameChains(self.likely.solution, self.solution, lower=lower)
        return same(point)

    def explain(self, label: str, earliest: Said, latest: Said) -> str:
        """``label`` with its reasons: the words and defaults of both bounds' chains, then the publication
        they depend on, each said once (:meth:`reasons` of each side, the publication's last); said once for
        the events that share them."""
        key = label, earliest, latest
        found = self._explained.get(key)
        if found is None:
            reasons = [*earliest.words] if earliest.said else []
            if latest.said:
                reasons += latest.words
            for said, side in ((earliest, "earliest"), (latest, "latest")):
                if said.said and said.publication:
                    reasons.append(self.describe(self.publication[side]))
                elif said.said and said.timed and not said.estimate:
                    reasons.append(self.describe(self.publication["range"]))
            words = list(dict.fromkeys(reasons))
            found = f"{label} ← {', '.join(words)}" if words else f"{label} ← nothing in the report"
            if len(self._explained) >= KEPT_SHARED:
                self._explained.clear()
            self._explained[key] = found
        return found

    def describe(self, evidence: Evidence) -> str:
        if evidence.kind == "default" and evidence.text == "publication-estimate":
            return f"{self.publication['estimate'].target} (default publication-estimate)"
        return evidence.describe()

    def steps(self, links: list[tuple[int, float, Evidence]], side: Literal["earliest", "latest"]) -> list[Step]:
        """A chain of constraints (:meth:`Solution.lower_links`) as steps, anchor first. The order constraint
        (an event ends after it starts) passes a bound on unchanged and is left out; of a chain longer than
        ``MAX_STEPS`` the anchor and the last links are kept."""
        events, moments, said = self.report.events, self._moments, self._said
        if len(moments) > KEPT_EVENTS or len(said) > KEPT_EVENTS:  # bounded, as the answers are
            moments.clear()
            said.clear()
        found: list[Step] = []
        for node, minutes, evidence in links:
            if evidence.kind == "order":
                continue
            if node == 1:
                event, point = None, "publication"
            else:
                index, is_end = divmod(node - 2, 2)
                event, point = events[index].id, "end" if is_end else "start"
            # Chains share their links and bounds: each bound and each reason is said once.
            bound = moments.get(minutes, _UNSEEN)
            if bound is _UNSEEN:
                bound = moments[minutes] = from_minutes(minutes, self.zone) if -INF < minutes < INF else None
            reason = said.get(evidence)
            if reason is None:
                reason = said[evidence] = self.describe(evidence)
            found.append(Step(side, event, point, bound, evidence, reason))  # type: ignore[arg-type]
        if len(found) > MAX_STEPS:
            tail = found[-(MAX_STEPS - 1) :]
            found = [found[0], tail[0]._replace(skipped=len(found) - MAX_STEPS), *tail[1:]]
        return found

    def chain_steps(self, layer: Literal["certain", "likely"], lower: bool, point: int) -> list[Step]:
        """:meth:`steps` of the chain behind a point's lower bound (or upper) in ``layer``, read from the point
        back to its anchor, and each link's step made once for the events whose chains share it: a chain is
        walked whole only to count its links, whose steps are made for the anchor and the last links only."""
        solution = self.solution if layer == "certain" else self.likely.solution
        via, parent = solution.tree(lower)
        nearest: list[int] = []  # the points of the links nearest this point, this point first
        count = anchor = 0
        node = point
        while node > 0:
            stored = via[node]
            if stored is None:
                break
            if stored[4].kind != "order":  # see steps
                count += 1
                anchor = node
                if count <= MAX_STEPS:
                    nearest.append(node)
            node = parent[node]
        if count <= MAX_STEPS:
            return [self._step(layer, lower, node) for node in reversed(nearest)]
        tail = [self._step(layer, lower, node) for node in reversed(nearest[: MAX_STEPS - 1])]
        return [self._step(layer, lower, anchor), tail[0]._replace(skipped=count - MAX_STEPS), *tail[1:]]

    def layer_solution(self, layer: Literal["certain", "likely"]) -> Solution[Evidence]:
        """The solved network of ``layer``, whose shortest-path trees are its chains (:meth:`Solution.tree`)."""
        return self.solution if layer == "certain" else self.likely.solution

    def moment(self, minutes: float) -> datetime | None:
        """A bound in minutes as the date a step gives it (None where open)."""
        return from_minutes(minutes, self.zone) if -INF < minutes < INF else None

    def _step(self, layer: Literal["certain", "likely"], lower: bool, node: int) -> Step:
        """The step of the link that bounds point ``node`` (see :meth:`chain_steps`), made once."""
        key = layer, lower, node
        found = self._made.get(key)
        if found is None:
            solution = self.solution if layer == "certain" else self.likely.solution
            minutes = solution.lower(node) if lower else solution.upper(node)
            evidence = solution.tree(lower)[0][node][4]  # type: ignore[index]
            found = self.steps([(node, minutes, evidence)], "earliest" if lower else "latest")[0]
            if len(self._made) >= KEPT_SHARED:
                self._made.clear()
            self._made[key] = found
        return found

    def reasons(self, evidence: list[Evidence], side: Literal["earliest", "latest"]) -> tuple[Evidence, ...]:
        """The report's words and the defaults behind a bound (the evidence of the chain of constraints that
        makes it), then the publication they depend on, named by the side of it they use; empty when only
        assumptions bound it. The definition: labels and explanations read the same a step at a time, once
        for every point of the network (:meth:`said`, :mod:`tui.temporal.reasons`), as a test checks."""
        words: list[Evidence] = []
        publication = timed = estimate = said = False
        for found in evidence:
            kind = found.kind
            if kind == "publication":
                publication = True
            elif kind == "time" or kind == "relation" or kind == "default":
                words.append(found)
                timed = timed or kind == "time"
                if found.text == "publication-estimate":  # the default; or words that happen to read so
                    estimate = True
                    said = said or kind != "default"
                else:
                    said = True
        if not said:
            return ()
        if publication:
            words.append(self.publication[side])
        elif timed and not estimate:
            words.append(self.publication["range"])
        return tuple(dict.fromkeys(words))


class _kept(Generic[T]):
    """Like ``functools.cached_property`` (the answer kept in the event's own dictionary, where it is read
    without calling this), but the answers are kept for the ``KEPT_EVENTS`` events most recently first asked
    about, in their timeline (:meth:`_Context.keep`), rather than for as long as the event lives: an event's
    labels, explanations and dates take about 2 kB, which over 100k events is 200 MB."""

    def __init__(self, compute: Callable[[ResolvedEvent], T]) -> None:
        self.compute = compute
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type) -> _kept[T]: ...
    @overload
    def __get__(self, instance: ResolvedEvent, owner: type) -> T: ...
    def __get__(self, instance: ResolvedEvent | None, owner: type) -> T | _kept[T]:
        if instance is None:
            return self
        # Asked only when the event's own dictionary lacks the answer: one kept is read from there, as an
        # attribute, with no call (the commands read a dozen answers an event, each several times).
        answers = instance.__dict__
        if not answers:  # the event's first answer since it was let go, if ever
            instance._context.keep(instance.position, answers)
        value = answers[self.name] = self.compute(instance)
        return value


class ResolvedEvent:
    """One event on the timeline, in both layers.

    What only a shown event needs is worked out when first asked for, from the solved networks: its
    bounds as dates, its relations and, above all, its labels and explanations, which walk the chain of
    constraints behind each bound. That keeps resolving 100k events near-linear and fast. The answers are
    kept for the events asked about last (see :class:`_kept`), so going through every event (printing or
    exporting 100k of them) holds the answers of a few thousand, not of all.
    """

    # The dictionary holds only the answers kept (see _kept): an event never asked about has none.
    __slots__ = ("__dict__", "_context", "display_index", "event", "granularity", "normalised", "position")

    def __init__(self, event: Event, position: int, normalised: Normalised | None, context: _Context) -> None:
        self.event = event
        self.position = position  # in the report's order
        self.display_index = position  # in the timeline's order, once it is sorted
        self.normalised = normalised
        self.granularity = normalised.granularity if normalised else ("relative" if event.relations else "none")
        self._context = context

    @property
    def _points(self) -> tuple[int, int]:
        """The event's start and end in the networks (see :func:`_points_of`)."""
        return _points_of(self.position)

    def __repr__(self) -> str:
        return f"ResolvedEvent({self.event.id!r}, {self.likely.label!r})"

    @property
    def id(self) -> str:
        return self.event.id

    # -- the certain layer -----------------------------------------------------------------------------

    # Not kept with the answers: the timeline keeps every point's bounds (see _Context.bounds), and finding
    # them there costs less than finding a kept answer.
    @property
    def start(self) -> Bounds:
        return self._context.bounds(2 + 2 * self.position)  # its start point (_points_of, without a call)

    @property
    def end(self) -> Bounds:
        return self._context.bounds(3 + 2 * self.position)  # its end point

    @property
    def earliest(self) -> datetime | None:
        return self.start.earliest

    @property
    def latest(self) -> datetime | None:
        """The latest the event lies: its end's, or for an event that may go on, its start's."""
        latest = self.end.latest
        return latest if latest is not None else self.start.latest

    @property
    def extent(self) -> tuple[float, float]:
        """Earliest start and latest end (or latest start, for an event that may go on) in minutes since
        the Unix epoch, ±inf where open: what a drawing needs, without building dates (nor keeping any:
        a few lookups in the solution's arrays)."""
        return self._extent(self._context.solution)

    @property
    def likely_extent(self) -> tuple[float, float]:
        """The same in the likely layer."""
        return self._extent(self._context.likely.solution)

    def _extent(self, solution: Solution[Evidence]) -> tuple[float, float]:
        start, end = self._points
        latest = solution.upper(end)
        return solution.lower(start), latest if latest != INF else solution.upper(start)

    @_kept
    def relations(self) -> tuple[TimedRelation, ...]:
        """Every relation of this event, its own and those of other events that name it."""
        found = [_timed(relation.type, relation.target, relation, True) for relation in self.event.relations]
        for other in self._context.incoming(self.id):
            for relation in other.relations:
                if relation.target == self.id:
                    found.append(_timed(_CONVERSE[relation.type], other.id, relation, False))
        return tuple(found)

    @_kept
    def earliest_reasons(self) -> tuple[Evidence, ...]:
        """The report's words behind the earliest bound, then the publication they depend on."""
        return self._context.reasons(self._context.solution.lower_evidence(self._points[0]), "earliest")

    @_kept
    def latest_reasons(self) -> tuple[Evidence, ...]:
        """The same for the latest bound: of the end, or of the start for an event that may go on."""
        start, end = self._points
        solution = self._context.solution
        last = end if solution.upper(end) != INF else start  # as self.end.latest is not None, without a date
        return self._context.reasons(solution.upper_evidence(last), "latest")

    @_kept
    def _certain_said(self) -> tuple[Said, Said]:
        """What the chains behind the earliest and the latest bound say: :attr:`earliest_reasons` and
        :attr:`latest_reasons`, read once for the events that share their chains."""
        start, end = self._points
        context = self._context
        last = end if context.solution.upper(end) != INF else start  # as for latest_reasons
        return context.said("certain", True, start), context.said("certain", False, last)

    @_kept
    def _placed_only_against(self) -> TimedRelation | None:
        """The measured relation that is all the words say of its time, for an event they do not date."""
        if self.start.earliest is not None or self._certain_said[1].said:
            return None
        return next((relation for relation in self.relations if relation.gap.metric and not relation.guessed), None)

    @_kept
    def label(self) -> str:
        """Where the event certainly lies, as precisely as the report's words allow: "Sat 10 Sep · evening";
        for an event the words place only against another one, that relation: "a few hours before: …"."""
        if self.normalised is not None and self.normalised.granularity == "open":
            return f"ongoing at publication ({self._context.published_day})"
        relation = self._placed_only_against
        if relation is not None:
            return f"{relation.phrase}: {self._context.report.event(relation.other).summary}"
        earliest = self.start.earliest
        if earliest is None and not self._certain_said[1].said:
            return "undated"  # only the assumptions bound it
        return self._context.interval_label(earliest, self.latest)

    @_kept
    def explanation(self) -> str:
        """ "Sat 10 Sep · evening ← ‘samedi soir’, read for a publication from … to …"."""
        relation, label = self._placed_only_against, self.label
        if relation is not None:
            return f"{label} ← ‘{relation.cue.text}’, and no date for either event"
        return self._context.explain(label, *self._certain_said)

    @_kept
    def certain(self) -> Layer:
        """What the report's words entail. An event only the assumptions bound (it was reported by the
        publication) is undated in this layer: its bounds are left open, and the explanation says why."""
        label, latest = self.label, self.latest
        if self._only_assumed:
            note = f"reported by publication, {moment_label(latest)} at the latest" if latest else ""
            return Layer(None, None, label, self.explanation + (f"; {note}" if note else ""), (note,) if note else ())
        return Layer(self.start.earliest, latest, label, self.explanation)

    @property
    def _only_assumed(self) -> bool:
        """Whether the words leave the event undated in the certain layer, or place it only against another."""
        return self.label == "undated" or self._placed_only_against is not None

    @property
    def certain_bounds(self) -> tuple[datetime | None, datetime | None]:
        """The certain layer's earliest and latest (see :attr:`certain`), without its explanation."""
        return (None, None) if self._only_assumed else (self.start.earliest, self.latest)

    # -- the likely layer ------------------------------------------------------------------------------

    @_kept
    def _likely_said(self) -> tuple[Said, Said]:
        """What the chains behind the likely bounds say (as :attr:`_certain_said` in the certain layer)."""
        start, end = self._points
        context = self._context
        last = end if context.likely.solution.upper(end) != INF else start
        return context.said("likely", True, start), context.said("likely", False, last)

    @_kept
    def defaults(self) -> tuple[str, ...]:
        """The names of the defaults the likely bounds rest on, in the order of the table."""
        earliest, latest = self._likely_said
        used = (earliest.defaults if earliest.said else _NONE) | (latest.defaults if latest.said else _NONE)
        return tuple(name for name in DEFAULT_NAMES if name in used) if used else ()

    @property
    def likely_start(self) -> Bounds:
        return self._context.bounds(2 + 2 * self.position, self._context.likely.solution)

    @property
    def likely_end(self) -> Bounds:
        return self._context.bounds(3 + 2 * self.position, self._context.likely.solution)

    @_kept
    def likely_bounds(self) -> tuple[datetime | None, datetime | None]:
        """The likely layer's earliest and latest (of the end, or of the start for an event that may go on),
        without its label and explanation."""
        start, end = self.likely_start, self.likely_end
        return start.earliest, end.latest if end.latest is not None else start.latest

    @_kept
    def likely_label(self) -> str:
        """The likely layer's label (see :attr:`likely`) without its explanation: what the table prints."""
        defaults, (from_earliest, from_latest) = self.defaults, self._likely_said
        if not defaults and not (from_earliest.said or from_latest.said):
            return self.label  # nothing beyond the words: the certain reading, said the same way
        label = self._context.interval_label(*self.likely_bounds)
        return f"≈ {label}" if defaults else label

    @_kept
    def likely(self) -> Layer:
        """The certain reading plus the news-reading defaults (:mod:`tui.temporal.defaults`): "≈" marks a
        label that rests on a default; the explanation names each default used and each set aside. Where no
        default bears on the event, the certain layer itself (see :attr:`_likely_is_certain`)."""
        if not self._likely_is_certain:
            return self._likely_read()
        certain = self.certain
        # What reading the likely layer would find, known without reading it (kept as _kept keeps answers).
        answers = self.__dict__
        answers.setdefault("likely_bounds", (certain.earliest, certain.latest))
        answers.setdefault("likely_label", certain.label)
        answers.setdefault("defaults", ())  # its chains are the certain layer's, which hold none
        return certain

    def _likely_read(self) -> Layer:
        """The likely layer read from its own chains, bounds and set-aside defaults (what :attr:`likely` is)."""
        earliest, latest = self.likely_bounds
        label = self.likely_label
        explanation = self._context.explain(label, *self._likely_said)
        notes: list[str] = []
        if earliest is None or latest is None:
            open_side = "earliest" if earliest is None else "latest"
            notes.append(f"no {open_side} time: the report gives it no anchor, and no default applies")
        for dropped, against in self._context.likely.set_aside.get(self.id, ()):
            words = ", ".join(dict.fromkeys(self._context.describe(e) for e in against if e.kind != "order"))
            notes.append(f"set aside {dropped.describe()}" + (f", contradicted by {words}" if words else ""))
        if notes:
            explanation = "; ".join((explanation, *notes))
        return Layer(earliest, latest, label, explanation, tuple(notes))

    @property
    def _likely_is_certain(self) -> bool:
        """Whether the likely layer reads exactly as the certain one does: the chain behind each of its bounds
        is the certain layer's (:meth:`_Context.same_chain`: so are the bounds, what the chains say, and no
        default is among them), both bounds are set (no note says a side is open; nor is the event "undated"
        or placed only by a relation), the label is the bounds' own (not "ongoing at publication") and nothing
        of the event was set aside. Most events of most reports: their likely layer is then found without
        reading it again."""
        context = self._context
        likely = context.likely
        solution, (start, end) = likely.solution, self._points
        # The latest bound's chain as the likely layer reads it: of the end, or of the start for an event that
        # may go on; the same chain in the certain layer ends there too, with the same bound.
        last = end if solution.upper(end) != INF else start
        if not (context.same_chain(True, start) and context.same_chain(False, last)):
            return False
        if solution.lower(start) == -INF or solution.upper(last) == INF or self.id in likely.set_aside:
            return False  # a side open (the same in both layers), or a default of its own set aside
        normalised = self.normalised
        return normalised is None or normalised.granularity != "open"

    @_kept
    def certain_steps(self) -> tuple[Step, ...]:
        """The chains behind the certain layer's bounds, each from its anchor to the event: the earliest's,
        then the latest's (none for a side the layer leaves open)."""
        layer = self.certain
        return self._steps("certain", layer.earliest is not None, layer.latest is not None)

    @_kept
    def likely_steps(self) -> tuple[Step, ...]:
        """The same for the likely layer: where a default sets a bound, its link names it."""
        earliest, latest = self.likely_bounds
        return self._steps("likely", earliest is not None, latest is not None)

    def steps(self, layer: Literal["certain", "likely"]) -> tuple[Step, ...]:
        """The steps behind the bounds of ``layer`` ("certain" or "likely")."""
        return self.certain_steps if layer == "certain" else self.likely_steps

    def chains(self, layer: Literal["certain", "likely"]) -> tuple[tuple[bool, int], ...]:
        """The chains behind the bounds of ``layer``, as :meth:`steps` reads them: each as its side (True for
        the earliest bound's, the lower one) and the point it ends at (see :meth:`_Context.chain_steps`)."""
        if layer == "certain":
            found = self.certain
            return self._chains("certain", found.earliest is not None, found.latest is not None)
        earliest, latest = self.likely_bounds
        return self._chains("likely", earliest is not None, latest is not None)

    def _chains(
        self, layer: Literal["certain", "likely"], earliest: bool, latest: bool
    ) -> tuple[tuple[bool, int], ...]:
        start, end = self._points
        if not latest:
            return ((True, start),) if earliest else ()
        solution = self._context.solution if layer == "certain" else self._context.likely.solution
        last = end if solution.upper(end) != INF else start  # as for the latest bound itself
        return ((True, start), (False, last)) if earliest else ((False, last),)

    def _steps(self, layer: Literal["certain", "likely"], earliest: bool, latest: bool) -> tuple[Step, ...]:
        chain_steps = self._context.chain_steps
        found: list[Step] = []
        for lower, point in self._chains(layer, earliest, latest):
            found += chain_steps(layer, lower, point)
        return tuple(found)


_NONE: frozenset[str] = frozenset()

_CONVERSE = {"before": "after", "after": "before", "during": "includes", "same": "same"}


def _timed(direction: str, other: str, relation: Relation, stated_here: bool) -> TimedRelation:
    gap = gap_for(relation.cue.text) if relation.type in ("before", "after") else Gap(0, INF, "")
    return TimedRelation(other, _phrase(direction, gap), relation.cue, gap, stated_here, guessed(relation.found))


class Timeline:
    """The report's events resolved, in display order, with the order the network proves."""

    def __init__(
        self,
        report: Report,
        events: tuple[ResolvedEvent, ...],
        solution: Solution[Evidence],
        context: _Context | None = None,
    ) -> None:
        self.report = report
        self.events = events
        self._solution = solution
        self.context = context  # what the events share: both layers' chains, each step made once
        self._by_id = {resolved.id: resolved for resolved in events}
        for place, resolved in enumerate(events):
            resolved.display_index = place

    def __len__(self) -> int:
        return len(self.events)

    def __getitem__(self, event_id: str) -> ResolvedEvent:
        return self._by_id[event_id]

    def index(self, event_id: str) -> int:
        """The event's place in display order."""
        return self._by_id[event_id].display_index

    @property
    def conflicts(self) -> tuple[Conflict[Evidence], ...]:
        return self._solution.conflicts

    def certainly_before(self, first: str, second: str) -> bool:
        """Whether the network proves that ``first`` ends no later than ``second`` starts."""
        if first == second:
            return False
        _, end = self._by_id[first]._points
        start, _ = self._by_id[second]._points
        solution = self._solution
        if solution.upper(end) <= solution.lower(start):
            return True
        earliest_end, earliest_start = solution.lower(end), solution.lower(start)
        if earliest_end > earliest_start and earliest_start != -INF:
            return False  # the earliest-times solution has ``first`` end after ``second`` starts
        if len(self.events) > EXACT_ORDER_LIMIT:
            return False
        return solution.entails_at_most(start, end, 0)  # end − start ≤ 0 holds in every solution

    def certainly_after(self, event_id: str) -> tuple[str, ...]:
        """Ids of the events the network proves come after this one, in display order."""
        if len(self.events) <= EXACT_ORDER_LIMIT:  # one search for every event at once: end − x ≤ 0
            upto = self._solution.distances_to(self._by_id[event_id]._points[1])
            return tuple(other.id for other in self.events if other.id != event_id and upto[other._points[0]] <= 0)
        # Above the limit only the bounds decide (see certainly_before): the events whose earliest start is
        # no earlier than this one's latest end, found by bisection instead of a pass over every event.
        starts, indices = self._by_earliest_start
        own = self.index(event_id)
        first = bisect_left(starts, self._solution.upper(self._by_id[event_id]._points[1]))
        return tuple(self.events[index].id for index in sorted(indices[first:]) if index != own)

    def certainly_next(self, event_id: str) -> tuple[str, ...]:
        """The events this one certainly precedes that no other of them precedes, in display order.

        The order's covering relation: a linear-size answer where :meth:`certainly_after` is quadratic
        over a report (every later event of every event), from which the whole order follows by chaining.
        Candidates are taken by earliest start, from this event's earliest end on (an event it precedes
        starts no earlier in any solution), and the scan stops at the first candidate that starts after
        the latest end of one already kept: it and every later one are preceded by it.

        Above ``EXACT_COVER_LIMIT`` events, the events the report's own relations place after this one
        (that no contradiction set aside), which is linear in the relations: the order the bounds prove
        follows from the bounds themselves (``latest`` of one no later than ``earliest`` of the other).
        """
        if len(self.events) > EXACT_COVER_LIMIT:
            return self._stated_next.get(event_id, ())
        solution = self._solution
        _, end = self._by_id[event_id]._points
        starts, indices = self._by_earliest_start
        own = self.index(event_id)
        precedes = self.certainly_before
        kept: list[str] = []
        stop = INF
        earliest_end = solution.lower(end)
        first = bisect_left(starts, earliest_end) if earliest_end != -INF else 0
        for position in range(first, len(starts)):
            if starts[position] >= stop:
                break
            index = indices[position]
            other = self.events[index].id
            if index == own or not precedes(event_id, other) or any(precedes(k, other) for k in kept):
                continue
            kept = [k for k in kept if not precedes(other, k)]
            kept.append(other)
            stop = min(stop, solution.upper(self._by_id[other]._points[1]))
        return tuple(sorted(kept, key=self.index))

    @cached_property
    def _stated_next(self) -> dict[str, tuple[str, ...]]:
        """For every event, the events its own or their relations state come after it, in display order."""
        set_aside: dict[str, set[Span | None]] = {}  # the cues of the relations set aside, by event
        for conflict in self.conflicts:
            if (dropped := conflict.dropped.evidence).event:
                set_aside.setdefault(dropped.event, set()).add(dropped.span)
        found: dict[str, list[str]] = {}
        for event in self.report.events:
            aside = set_aside.get(event.id)  # mostly None: a span is hashed only for the few events with one
            for relation in event.relations:
                kind = relation.type
                if kind == "during" or (aside is not None and relation.cue in aside):
                    continue
                first, then = (event.id, relation.target) if kind == "before" else (relation.target, event.id)
                found.setdefault(first, []).append(then)
        place = {resolved.id: resolved.display_index for resolved in self.events}.__getitem__
        return {key: tuple(sorted({*ids}, key=place)) if len(ids) > 1 else (*ids,) for key, ids in found.items()}

    @cached_property
    def _by_earliest_start(self) -> tuple[array[float], array[int]]:
        """Every event's earliest start, ascending (then latest end), with its display index alongside."""
        lower, upper = self._solution.lower, self._solution.upper
        order = sorted(
            (lower(start), upper(end), index) for index, (start, end) in enumerate(row._points for row in self.events)
        )
        return array("d", [start for start, _, _ in order]), array("q", [index for _, _, index in order])

    def ordered_with_next(self, event_id: str) -> bool:
        """Whether this event is proven to come before the next one in display order (True for the last)."""
        index = self.index(event_id)
        if index + 1 == len(self.events):
            return True
        return self.certainly_before(event_id, self.events[index + 1].id)


def resolve(report: Report, *, defaults: bool = True) -> Timeline:
    """Order the report's events on one timeline, with the tightest bounds the report allows, in both
    layers; with ``defaults=False`` the likely layer is the certain one (what the benchmark compares with)."""
    with collector.paused(freeze=len(report.events) >= FREEZE_FROM):
        return _resolve(report, defaults)


# From this many events on, what resolving built is moved out of the collector's sight (gc.freeze):
# otherwise the first collection after it rescans every object just made (measured: 0.4–2 s at 100k).
# Nothing in a timeline forms a reference cycle, so reference counting still frees it when dropped.
FREEZE_FROM = 10_000


def _resolve(report: Report, defaults: bool) -> Timeline:
    events = report.events
    network: Network[Evidence] = Network(2 + 2 * len(events))
    points = {event.id: _points_of(i) for i, event in enumerate(events)}
    published = report.document.published
    widen = zone_widening(published)  # a day given without its zone: the day in every zone
    window = to_minutes(published.earliest) - widen[0], to_minutes(published.latest) + widen[1]
    network.add(0, 1, *window, _PUBLISHED, STRENGTH["publication"])
    normalised: dict[str, Normalised | None] = {}
    read: dict[str, Normalised | None] = {}  # each time expression's reading, by its words
    add = network.add  # the loops below run once per event and relation: 100k events, 500k constraints
    ordered, relation_strength = STRENGTH["order"], STRENGTH["relation"]
    for event in events:
        start, end = points[event.id]
        add(start, end, 0, INF, _ORDERED, ordered)
        normalised[event.id] = _add_time(network, event, points, report, read) if event.time is not None else None
        for relation in event.relations:
            if guessed(relation.found):
                continue  # the likely layer's drafted-attachment default
            evidence = Evidence("relation", relation.cue.text, event.id, relation.cue, relation.target)
            add_relation(network, event, relation, points, evidence, relation_strength)
    # Assumptions come last: where they bound a point exactly as tightly as the report's own words do,
    # the shortest-path search keeps the path it found first, so the explanation quotes the report.
    brief, reported, tense = STRENGTH["duration"], STRENGTH["reported"], STRENGTH["tense"]
    for event in events:
        start, end = points[event.id]
        form = event.tense.form if event.tense is not None else None
        if event.kind == "statement":
            add(start, end, 0, STATEMENT_MINUTES, _BRIEF, brief)
        if form == "future":
            continue  # told as to come: not begun by publication (the likely layer's to-come default)
        past = form in PAST_FORMS  # the tense entails it: firmer than any time expression's reading
        if event.kind == "statement":  # a statement the report tells had been made by then
            add(end, 1, 0, INF, _SAID_PAST if past else _SAID, tense if past else reported)
        else:
            add(start, 1, 0, INF, _REPORTED_PAST if past else _REPORTED, tense if past else reported)
    solution = network.solve()
    likely = read_likely(report, network, solution, points, normalised) if defaults else LikelyReading(solution, {})
    context = _Context(report, solution, likely)
    resolved = [ResolvedEvent(event, position, normalised[event.id], context) for position, event in enumerate(events)]
    # By the likely time of the start (the middle of its likely range) and its earliest, then the same in the
    # certain layer, then the report's order. Both ends of a start's range only grow along a proven order,
    # in either layer, so a certain order is never reversed.
    likely_upper, likely_lower = likely.solution.bounds()
    upper, lower = solution.bounds()

    def order(row: ResolvedEvent) -> tuple[float, float, float, float, int]:
        point = 2 + 2 * row.position  # its start (see _points_of)
        likely_lo, likely_hi, lo, hi = -likely_lower[point], likely_upper[point], -lower[point], upper[point]
        return (
            likely_lo if likely_lo == -INF else likely_hi if likely_hi == INF else (likely_lo + likely_hi) / 2,
            likely_lo,
            lo if lo == -INF else hi if hi == INF else (lo + hi) / 2,
            lo,
            row.position,
        )

    resolved.sort(key=order)
    return Timeline(report, tuple(resolved), solution, context)


def _points_of(position: int) -> tuple[int, int]:
    """The points of the event at ``position`` in the report: its start and end (0 is the origin of the
    networks, 1 the publication)."""
    return 2 + 2 * position, 3 + 2 * position


_PUBLISHED = Evidence("publication", "the publication range")
_ORDERED = Evidence("order", "an event ends after it starts")
_SAID = Evidence("reported", "made by publication")
_BRIEF = Evidence("duration", "a statement is made within an hour")
_REPORTED = Evidence("reported", "reported by publication")
_SAID_PAST = Evidence("reported", "made by publication, as its past tense says")
_REPORTED_PAST = Evidence("reported", "begun by publication, as its past tense says")


def _add_time(
    network: Network[Evidence],
    event: Event,
    points: Mapping[str, tuple[int, int]],
    report: Report,
    read: dict[str, Normalised | None],
) -> Normalised | None:
    """Bound the event by its time expression, relative to the publication or to its ``time_anchor``.

    An expression in reported speech ("depuis septembre" in Thursday's announcement) is relative to the
    moment it was said: the anchor event's start. Calendar words in it are still read against the
    publication days, which is exact unless the speech and the report lie a week apart.

    ``read`` holds the expressions of the report already normalised: a reading depends only on the words and
    the publication, and a long report repeats its words ("samedi"), each read in about a millisecond.
    """
    if event.time is None:
        return None
    text = event.time.text
    if text in read:
        found = read[text]
    else:
        found = read[text] = normalise(text, report.document.published, report.document.language)
    if found is None or guessed(event.time_found):
        return found  # a guessed attachment: the likely layer adds it (see add_time_window)
    evidence = Evidence("time", event.time.text, event.id, event.time)
    widen = zone_widening(report.document.published)
    add_time_window(network, event, found, points, evidence, STRENGTH["time"], widen)
    return found


def _phrase(direction: str, gap: Gap) -> str:
    if direction == "same":
        return "the same happening as"
    if direction in ("during", "includes") or not gap.meaning:
        return direction
    if gap.meaning.startswith("earlier"):
        return "within a day before" if direction == "before" else "within a day after"
    return f"{gap.meaning} {direction}"
