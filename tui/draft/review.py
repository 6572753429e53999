"""Reviewing a draft: every correction the review screen offers, with undo, on the draft's JSON data.

No Textual here: the screen calls these and shows the result. Each change keeps a snapshot first, so
undo goes back one change at a time. :meth:`Review.result` is the events file to save: rejected events
left out (and every reference to them), reviewed items without their drafting provenance.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from tui.model.report import (
    EVENT_KINDS,
    Actor,
    Claim,
    Event,
    NotEvent,
    Quote,
    Relation,
    SideDeclaration,
    drafted_fields,
    entry,
)

Status = Literal["pending", "accepted", "rejected"]


class ReviewError(ValueError):
    """A change that cannot be made; ``str(error)`` says why, for the status line."""


class Review:
    def __init__(self, data: dict[str, Any], output: Path | None = None) -> None:
        self.data = data
        self.status: dict[str, Status] = {event["id"]: "pending" for event in data["events"]}
        self.output = output
        self._undo: list[tuple[str, dict[str, Any], dict[str, Status]]] = []
        self.saved_since_change = False

    # -- reading ---------------------------------------------------------------------------------------

    @property
    def events(self) -> list[dict[str, Any]]:
        return self.data["events"]

    @property
    def actors(self) -> list[dict[str, Any]]:
        return self.data["actors"]

    def event(self, event_id: str) -> dict[str, Any]:
        for event in self.events:
            if event["id"] == event_id:
                return event
        raise ReviewError(f"no event '{event_id}'")

    def actor(self, actor_id: str) -> dict[str, Any]:
        for actor in self.actors:
            if actor["id"] == actor_id:
                return actor
        raise ReviewError(f"no actor '{actor_id}'")

    def sides(self) -> list[tuple[str, str]]:
        declared = self.data.get("sides")
        if declared:
            return [(side["id"], side["label"]) for side in declared]
        from tui.model import SIDE_LABELS

        return list(SIDE_LABELS.items())

    def counts(self) -> dict[Status, int]:
        counted: dict[Status, int] = {"pending": 0, "accepted": 0, "rejected": 0}
        for status in self.status.values():
            counted[status] += 1
        return counted

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    # -- changing --------------------------------------------------------------------------------------

    def _change(self, what: str) -> None:
        self._undo.append((what, copy.deepcopy(self.data), dict(self.status)))
        self.saved_since_change = False

    def undo(self) -> str:
        """Take back the last change; its description, for the status line."""
        if not self._undo:
            raise ReviewError("nothing to undo")
        what, self.data, self.status = self._undo.pop()
        self.saved_since_change = False
        return what

    def set_status(self, event_id: str, status: Status) -> None:
        self.event(event_id)
        if self.status[event_id] == status:
            return
        self._change(f"{status} {event_id}" if status != "pending" else f"reopen {event_id}")
        self.status[event_id] = status

    def edit_summary(self, event_id: str, summary: str) -> None:
        summary = " ".join(summary.split())
        if not summary:
            raise ReviewError("a summary cannot be empty")
        event = self.event(event_id)
        self._change(f"edit the summary of {event_id}")
        event["summary"] = summary

    def set_kind(self, event_id: str, kind: str) -> None:
        if kind not in EVENT_KINDS:
            raise ReviewError(f"an event is one of {', '.join(EVENT_KINDS)}")
        event = self.event(event_id)
        if event["kind"] != kind:
            self._change(f"make {event_id} a {kind}")
            event["kind"] = kind

    def merge_events(self, keep_id: str, other_id: str) -> None:
        """``other`` becomes part of ``keep``: its sentences, actors, quotes, claims and relations; an accepted
        ``other`` merged into a pending ``keep`` leaves it accepted (an acceptance is never dropped by a merge)."""
        if keep_id == other_id:
            raise ReviewError("an event cannot be merged with itself")
        keep, other = self.event(keep_id), self.event(other_id)
        self._change(f"merge {other_id} into {keep_id}")
        for key in ("sentences", "actors", "places", "quotes", "claims", "relations"):
            for item in other[key]:
                if item not in keep[key]:
                    keep[key].append(item)
        keep["sentences"].sort(key=lambda s: s["start"])
        if keep["time"] is None and other["time"] is not None:
            keep["time"] = other["time"]
            if "time_found" in other:
                keep["time_found"] = other["time_found"]
        if keep["sources"] == [{"source": "report"}] and other["sources"] != keep["sources"]:
            keep["sources"] = other["sources"]
        if keep["kind"] != "statement" and other["kind"] == "statement":
            keep["kind"] = "statement"
        self.data["events"] = [e for e in self.events if e["id"] != other_id]
        if self.status[keep_id] == "pending" and self.status[other_id] == "accepted":
            self.status[keep_id] = "accepted"  # a person accepted what it tells: merged in, it stays accepted
        del self.status[other_id]
        self._retarget(other_id, keep_id)

    def split_event(self, event_id: str) -> list[str]:
        """One event per sentence: each new event takes the quotes, claims and time inside its sentence."""
        event = self.event(event_id)
        if len(event["sentences"]) < 2:
            raise ReviewError(f"{event_id} has one sentence: nothing to split")
        self._change(f"split {event_id}")
        first, *rest = event["sentences"]
        new_ids = []
        position = self.events.index(event)
        for number, sentence in enumerate(rest, 1):

            def inside(span: dict[str, Any], sentence: dict[str, Any] = sentence) -> bool:
                return sentence["start"] <= span["start"] < sentence["end"]

            ident = self._new_id(f"{event_id}-{number + 1}")
            part = {
                **copy.deepcopy(event),
                "id": ident,
                "summary": sentence["text"],
                "sentences": [sentence],
                "quotes": [q for q in event["quotes"] if inside(q["span"])],
                "claims": [c for c in event["claims"] if inside(c["span"])],
                "time": event["time"] if event["time"] and inside(event["time"]) else None,
                "relations": [r for r in event["relations"] if inside(r["cue"])],
            }
            if part["time"] is None:
                part.pop("time_found", None)
            new_ids.append(ident)
            self.status[ident] = "pending"
            self.events.insert(position + number, part)
        event["sentences"] = [first]
        event["quotes"] = [q for q in event["quotes"] if first["start"] <= q["span"]["start"] < first["end"]]
        event["claims"] = [c for c in event["claims"] if first["start"] <= c["span"]["start"] < first["end"]]
        event["relations"] = [r for r in event["relations"] if first["start"] <= r["cue"]["start"] < first["end"]]
        if event["time"] and not first["start"] <= event["time"]["start"] < first["end"]:
            event["time"] = None
            event.pop("time_found", None)
        return new_ids

    def merge_actors(self, keep_id: str, other_id: str) -> None:
        """Mentions of ``other`` are mentions of ``keep``: one actor, everywhere."""
        if keep_id == other_id:
            raise ReviewError("an actor cannot be merged with itself")
        keep, other = self.actor(keep_id), self.actor(other_id)
        self._change(f"merge actor {other['name']} into {keep['name']}")
        keep["mentions"] = sorted(keep["mentions"] + other["mentions"], key=lambda s: s["start"])
        self.data["actors"] = [a for a in self.actors if a["id"] != other_id]
        for event in self.events:
            actors = [keep_id if a == other_id else a for a in event["actors"]]
            event["actors"] = list(dict.fromkeys(actors))
            for quote in event["quotes"]:
                if quote["speaker"] == other_id:
                    quote["speaker"] = keep_id
        for source in self.data["sources"]:
            if source.get("affiliation") == other_id:
                source["affiliation"] = keep_id

    def add_side(self, label: str) -> str:
        """Declare a new side (the draft's are only the nations it recognised); its id."""
        from tui.draft.drafter import _slug

        label = " ".join(label.split())
        ident = _slug(label)
        if not ident:
            raise ReviewError("a side needs a name with letters or digits")
        if ident in dict(self.sides()):
            raise ReviewError(f"there is already a side '{ident}'")
        self._change(f"add the side {label}")
        if not self.data.get("sides"):
            self.data["sides"] = [entry(SideDeclaration, id=i, label=name) for i, name in self.sides()]
        self.data["sides"].append(entry(SideDeclaration, id=ident, label=label))
        return ident

    def set_side(self, actor_id: str, side: str) -> None:
        if side not in dict(self.sides()):
            raise ReviewError(f"no side '{side}'")
        actor = self.actor(actor_id)
        self._change(f"set the side of {actor['name']}")
        actor["side"] = side
        _reviewed(actor, Actor)

    def set_speaker(self, event_id: str, quote_index: int, actor_id: str) -> None:
        event = self.event(event_id)
        self.actor(actor_id)
        quote = event["quotes"][quote_index]
        self._change(f"set the speaker of a quote of {event_id}")
        quote["speaker"] = actor_id
        _reviewed(quote, Quote)
        if actor_id not in event["actors"]:
            event["actors"].append(actor_id)

    def set_relation_target(self, event_id: str, relation_index: int, target_id: str) -> None:
        if target_id == event_id:
            raise ReviewError("an event cannot be placed against itself")
        event = self.event(event_id)
        self.event(target_id)
        relation = event["relations"][relation_index]
        self._change(f"set the target of a relation of {event_id}")
        relation["target"] = target_id
        _reviewed(relation, Relation)

    def _retarget(self, old: str, new: str) -> None:
        for event in self.events:
            kept = []
            for relation in event["relations"]:
                if relation["target"] == old:
                    relation["target"] = new
                if relation["target"] != event["id"]:
                    kept.append(relation)
            event["relations"] = kept
            if event.get("time_anchor") == old:
                event["time_anchor"] = new if new != event["id"] else None
                if event["time_anchor"] is None:
                    del event["time_anchor"]

    def _new_id(self, wanted: str) -> str:
        taken = {event["id"] for event in self.events}
        candidate, number = wanted, 2
        while candidate in taken:
            candidate, number = f"{wanted}-{number}", number + 1
        return candidate

    # -- the result ------------------------------------------------------------------------------------

    def result(self) -> dict[str, Any]:
        """The events file to save: without rejected events or references to them; accepted events and
        what they hold without drafting provenance (a person has reviewed them)."""
        data = copy.deepcopy(self.data)
        rejected = {ident for ident, status in self.status.items() if status == "rejected"}
        events = [e for e in data["events"] if e["id"] not in rejected]
        for event in events:
            event["relations"] = [r for r in event["relations"] if r["target"] not in rejected]
            if event.get("time_anchor") in rejected:
                del event["time_anchor"]
            if self.status.get(event["id"]) == "accepted":
                _reviewed(event, Event)
                for key, record in _DRAFTED_LISTS:
                    for item in event[key]:
                        _reviewed(item, record)
        data["events"] = events
        used = {s for e in events for s in e["sentences"] for s in [s["start"]]}
        data["not_events"] = [n for n in data["not_events"] if n["span"]["start"] not in used]
        for event in self.data["events"]:
            if event["id"] in rejected:
                for sentence in event["sentences"]:
                    if sentence["start"] not in used and all(
                        n["span"]["start"] != sentence["start"] for n in data["not_events"]
                    ):
                        data["not_events"].append(entry(NotEvent, span=sentence, reason="Rejected in review."))
        data["not_events"].sort(key=lambda n: n["span"]["start"])
        return data

    def save(self, path: Path, protect: Iterable[Path] = ()) -> Path:
        """Write :meth:`result` atomically to ``path``, never over a file of ``protect`` (ReportError if it
        would not load, OSError if it cannot be written)."""
        from tui.model.save import save_events

        saved = save_events(path, self.result(), protect=protect)
        self.output = saved
        self.saved_since_change = True
        return saved


def _reviewed(item: dict[str, Any], record: type) -> None:
    """``item``, a ``record`` of the file, without what says how the drafter found it: a person has seen it."""
    for key in drafted_fields(record):
        item.pop(key, None)


_DRAFTED_LISTS = (("quotes", Quote), ("claims", Claim), ("relations", Relation))  # an event's drafted items
