"""``newsline timeline [FILE] [--json]``: the resolved timeline, as a table for people or, with ``--json``, one
JSON object per line and event for machines. Every string from the data goes through
:func:`tui.printable.printable`, or is escaped in JSON."""

from __future__ import annotations

import argparse
import codecs
import os
import sys
from collections.abc import Callable, Iterable
from datetime import datetime
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TextIO

from tui import collector
from tui.commands.common import EXIT_BAD_INPUT, EXIT_OK, Command, file_argument, load
from tui.printable import escaped_json

if TYPE_CHECKING:
    from array import array

    from tui.model import Report
    from tui.temporal import Evidence, Layer, ResolvedEvent, Step, Timeline


def arguments(parser: argparse.ArgumentParser) -> None:
    file_argument(parser)
    parser.add_argument("--json", action="store_true", help="one JSON object per line and event, for machines")


def execute(options: argparse.Namespace) -> int:
    report = load(options.file)
    if report is None:
        return EXIT_BAD_INPUT
    with collector.paused():  # what resolving and writing make forms no cycle: reference counts free it
        _write(options, report)
    return EXIT_OK


def _write(options: argparse.Namespace, report: Report) -> None:
    from tui.temporal import resolve

    timeline = resolve(report)
    if options.json:
        pieces, write, parts = _Lines(timeline).pieces, _bytes_writer(sys.stdout), []
        for count, resolved in enumerate(timeline.events, 1):
            pieces(resolved, parts)
            parts.append(b"\n")
            if count % 256 == 0:  # written a few hundred lines at a time, each piece copied once
                write(b"".join(parts))
                parts.clear()
        if parts:
            write(b"".join(parts))
    else:
        from tui.table import print_table

        print_table(timeline, sys.stdout)


def _bytes_writer(stream: TextIO) -> Callable[[bytes], object]:
    """A writer of UTF-8 text to ``stream``: straight to its binary buffer where the stream would write the
    same bytes (UTF-8, no line ends translated), so that pieces encoded once are not encoded again with every
    line they are in; else decoded and written through the stream as any text."""
    buffer = getattr(stream, "buffer", None)
    encoding = getattr(stream, "encoding", None)
    if buffer is not None and encoding and codecs.lookup(encoding).name == "utf-8" and os.linesep == "\n":
        stream.flush()
        return buffer.write
    return lambda data: stream.write(data.decode())


def _event_json(timeline: Timeline, resolved: ResolvedEvent) -> dict[str, object]:
    """One event for machines: both layers of its time, each as ``{earliest, latest, label, explanation, steps}``
    (ISO 8601 with offset, or null where the layer leaves a side open; ``steps`` the chain behind each bound,
    anchor first), the defaults the likely layer rests on, and who is involved."""
    from tui.view import involved

    def layer(found: Layer, steps: tuple[Step, ...]) -> dict[str, object]:
        return {
            "earliest": found.earliest.isoformat() if found.earliest else None,
            "latest": found.latest.isoformat() if found.latest else None,
            "label": found.label,
            "explanation": found.explanation,
            "steps": [_step_json(step) for step in steps],
        }

    report = timeline.report
    actors = sorted(involved(report, resolved.event))
    return {
        "id": resolved.id,
        "summary": resolved.event.summary,
        "sentences": [span.text for span in resolved.event.sentences],
        "granularity": resolved.granularity,
        "certain": layer(resolved.certain, resolved.certain_steps),
        "likely": layer(resolved.likely, resolved.likely_steps),
        "defaults": list(resolved.defaults),
        "actors": actors,
        "sides": sorted({report.actor(actor).side for actor in actors}),
        "certainly_before": list(timeline.certainly_next(resolved.id)),
    }


def _step_json(step: Step) -> dict[str, object]:
    """One link of the chain behind a bound, anchor first: which side it bounds, the event and point it sets
    (``event`` null for the publication), the bound there, and why (the explanation's words for it)."""
    found: dict[str, object] = {
        "side": step.side,
        "event": step.event,
        "point": step.point,
        "bound": step.bound.isoformat() if step.bound else None,
        "reason": step.reason,
        "kind": step.evidence.kind,
    }
    if step.skipped:
        found["skipped"] = step.skipped  # links of a long chain left out before this one
    return found


class _Lines:
    """Each event's line of ``timeline --json``: the text ``json.dumps(_event_json(timeline, event),
    ensure_ascii=False)`` makes, escaped by :func:`escaped_json` (a test checks it), written from pieces each
    made, escaped and encoded in UTF-8 once. Events share their bounds, labels and explanations, and the steps
    of the chains that run through one another, yet ``json.dumps`` would write each of them anew, with its
    dates, for every event (the steps are most of the text: a dozen an event), and the escaping would scan
    it all again, and the encoding again. Escaping the pieces is escaping the line: it replaces characters
    one at a time; so is encoding them. The pieces are handed on as they are (:meth:`pieces`), to be joined
    once with those of the lines around: a line is never copied whole from one string into a longer one."""

    KEPT = 16384  # pieces kept, of each kind: far more than the events near one another share
    KEPT_CHAINS = 2048  # chains' steps kept, by layer and side: those of the events nearby

    def __init__(self, timeline: Timeline) -> None:
        from tui.temporal.timeline import MAX_STEPS
        from tui.view import involved

        context = timeline.context
        assert context is not None
        self.timeline = timeline
        self.context = context
        self.involved = involved
        self.max_steps = MAX_STEPS
        self._layers: dict[tuple[object, ...], bytes] = {}  # a layer's text before its steps, by its fields
        self._steps: dict[int, tuple[Step, bytes]] = {}  # a step's text, by the step (kept alive with it)
        self._people: dict[tuple[int, int, int], tuple[bytes, bytes]] = {}  # actors' and sides' texts (see pieces)
        # Each layer's and side's shortest-path tree, with a chain's steps' text and its count of steps, by
        # the point it ends at (see _chain).
        self._trees: dict[tuple[str, bool], _Tree] = {}
        for layer in ("certain", "likely"):
            solution = context.layer_solution(layer)  # type: ignore[arg-type]
            for lower in (True, False):
                side = b'{"side": "earliest", ' if lower else b'{"side": "latest", '
                distance = solution.lower if lower else solution.upper
                self._trees[layer, lower] = _Tree(*solution.tree(lower), distance, side, {})
        self._points: dict[int, bytes] = {}  # a step's event and point, by point
        self._bounds: dict[float, bytes] = {}  # a step's bound, by minute
        self._reasons: dict[object, bytes] = {}  # a step's reason and kind, by evidence (see _reason)

    def __call__(self, resolved: ResolvedEvent) -> str:
        """The event's line, without its newline."""
        return b"".join(self.pieces(resolved, [])).decode()

    def pieces(self, resolved: ResolvedEvent, parts: list[bytes]) -> list[bytes]:
        """The pieces of the event's line, in UTF-8, appended to ``parts`` (returned)."""
        event, timeline = resolved.event, self.timeline
        # Who is involved follows from the event's actors, quotes and sources alone, which the loader shares
        # between the events that have the same (the report holds them all the while: their ids stay theirs).
        key = id(event.actors), id(event.quotes), id(event.sources)
        people = self._people.get(key)
        if people is None:
            report, ordered = timeline.report, sorted(self.involved(timeline.report, event))
            sides = sorted({report.actor(actor).side for actor in ordered})
            people = escaped_json(_strings(ordered)).encode(), escaped_json(_strings(sides)).encode()
            if len(self._people) >= self.KEPT:
                self._people.clear()
            self._people[key] = people
        parts.append(  # each string escaped on its own: most are ASCII, which escaped_json tests quickest
            f'{{"id": {escaped_json(_string(resolved.id))}, "summary": {escaped_json(_string(event.summary))}, '
            f'"sentences": {escaped_json(_strings([span.text for span in event.sentences]))}, '
            f'"granularity": {escaped_json(_string(resolved.granularity))}, "certain": '.encode()
        )
        certain, likely, first = resolved.certain, resolved.likely, len(parts)
        self._layer(resolved, "certain", certain, parts)
        parts.append(b', "likely": ')
        if likely is certain:  # the likely layer is the certain one, chains and all: its text is the same
            parts += parts[first:-1]
        else:
            self._layer(resolved, "likely", likely, parts)
        defaults, following = resolved.defaults, timeline.certainly_next(resolved.id)
        parts += (
            b', "defaults": ', escaped_json(_strings(defaults)).encode() if defaults else b"[]",
            b', "actors": ', people[0], b', "sides": ', people[1],
            b', "certainly_before": ', f"{escaped_json(_strings(following))}}}".encode(),
        )  # fmt: skip
        return parts

    def _layer(
        self, resolved: ResolvedEvent, name: Literal["certain", "likely"], found: Layer, parts: list[bytes]
    ) -> None:
        """The layer's pieces: its text before its steps (made once for the events that share it), the steps."""
        key = found.earliest, found.latest, found.label, found.explanation
        head = self._layers.get(key)
        if head is None:
            head = escaped_json(
                f'{{"earliest": {_moment(found.earliest)}, "latest": {_moment(found.latest)}, '
                f'"label": {_string(found.label)}, "explanation": {_string(found.explanation)}, "steps": ['
            ).encode()
            if len(self._layers) >= self.KEPT:
                self._layers.clear()
            self._layers[key] = head
        parts.append(head)
        chains = resolved.chains(name)
        if chains:
            parts.append(self._chain(name, *chains[0]))
            if len(chains) == 2 and (latest := self._chain(name, *chains[1])):
                if parts[-1]:
                    parts.append(b", ")
                parts.append(latest)
        parts.append(b"]}")

    def _chain(self, layer: Literal["certain", "likely"], lower: bool, point: int) -> bytes:
        """The text of the steps of the chain behind a bound (:meth:`ResolvedEvent.steps`' of one side), each as
        :meth:`_step` writes it, joined by ", ": a point's chain is its parent's in the shortest-path tree and,
        unless its link is the order constraint (which makes no step), its own step, so each point's is made
        once from its parent's, which the chains of the events nearby share (a chain of over ``MAX_STEPS``
        steps, its middle left out, is made from its steps). No step is built: each is written from the
        pieces of its text, each made once. A likely chain that is the certain one is the certain one's text."""
        if layer == "likely" and self.context.same_chain(lower, point):
            layer = "certain"
        via, parent, distance, side, memo = self._trees[layer, lower]
        unread: list[int] = []
        node, steps, count = point, b"", 0
        while node > 0:
            found = memo.get(node)
            if found is not None:
                steps, count = found
                break
            if via[node] is None:
                break
            unread.append(node)
            node = parent[node]
        if unread:
            if len(memo) >= self.KEPT_CHAINS:
                memo.clear()
            for node in reversed(unread):  # from the anchor outwards
                evidence = via[node][4]  # type: ignore[index]
                if evidence.kind != "order":  # see _Context.steps
                    count += 1
                    if count <= self.max_steps:
                        step = b"".join((side, self._point(node), self._bound(distance(node)), self._reason(evidence)))
                        steps = b"".join((steps, b", ", step)) if steps else step
                memo[node] = steps, count
        if count > self.max_steps:
            return b", ".join(map(self._step, self.context.chain_steps(layer, lower, point)))
        return steps

    def _point(self, node: int) -> bytes:
        """A step's ``event`` and ``point``, escaped, with the comma after them."""
        found = self._points.get(node)
        if found is None:
            if node == 1:
                found = b'"event": null, "point": "publication", '
            else:
                index, is_end = divmod(node - 2, 2)
                event = self.timeline.report.events[index].id
                point = "end" if is_end else "start"
                found = escaped_json(f'"event": {_string(event)}, "point": "{point}", ').encode()
            if len(self._points) >= self.KEPT:
                self._points.clear()
            self._points[node] = found
        return found

    def _bound(self, minutes: float) -> bytes:
        """A step's ``bound``, with the comma after it."""
        found = self._bounds.get(minutes)
        if found is None:
            found = f'"bound": {_moment(self.context.moment(minutes))}, '.encode()
            if len(self._bounds) >= self.KEPT:
                self._bounds.clear()
            self._bounds[minutes] = found
        return found

    def _reason(self, evidence: Evidence) -> bytes:
        """A step's ``reason`` and ``kind``, escaped, with the brace that ends it (the step skips nothing):
        made once for the evidence that says the same, a time or a relation by its words alone (see
        Evidence.describe; each relation of a report is evidence of its own, and hashing one hashes its
        span)."""
        kind = evidence.kind
        key = (kind, evidence.text) if kind == "relation" or kind == "time" else evidence
        found = self._reasons.get(key)
        if found is None:
            reason = self.context.describe(evidence)
            found = escaped_json(f'"reason": {_string(reason)}, "kind": {_string(kind)}}}').encode()
            if len(self._reasons) >= self.KEPT:
                self._reasons.clear()
            self._reasons[key] = found
        return found

    def _step(self, step: Step) -> bytes:
        kept = self._steps.get(id(step))
        if kept is not None:
            return kept[1]
        text = escaped_json(
            f'{{"side": {_string(step.side)}, "event": {_string(step.event) if step.event is not None else "null"}, '
            f'"point": {_string(step.point)}, "bound": {_moment(step.bound)}, "reason": {_string(step.reason)}, '
            f'"kind": {_string(step.evidence.kind)}' + (f', "skipped": {step.skipped}}}' if step.skipped else "}")
        )
        encoded = text.encode()
        if len(self._steps) >= self.KEPT:
            self._steps.clear()
        self._steps[id(step)] = step, encoded
        return encoded


class _Tree(NamedTuple):
    """One layer's shortest-path tree on one side (:meth:`Solution.tree`), as :meth:`_Lines._chain` reads it."""

    via: list[Any]  # the stored constraint on each point's last link, or None
    parent: array[int]
    distance: Callable[[int], float]  # each point's bound on that side, in minutes
    side: bytes  # how a step of that side begins
    chains: dict[int, tuple[bytes, int]]  # a chain's steps' text and its count of steps, by point


def _string(text: str) -> str:
    """A string as ``json.dumps(text, ensure_ascii=False)`` writes it (with the very function it uses)."""
    return encode_basestring(text)


def _strings(texts: Iterable[str]) -> str:
    return f"[{', '.join(map(encode_basestring, texts))}]"


def _moment(moment: datetime | None) -> str:
    return f'"{moment.isoformat()}"' if moment is not None else "null"


TIMELINE = Command(
    name="timeline",
    summary="print the resolved timeline: a table, or JSON lines with --json",
    description="Print the report's events on their resolved relative timeline.",
    arguments=arguments,
    execute=execute,
)
run = TIMELINE.run
