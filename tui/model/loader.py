"""Load and validate an events file into a :class:`~tui.model.report.Report`.

The loader reads the file once, never writes to it, and checks the whole of it before it returns: broken
JSON (with line and column), missing or unknown fields, wrong types, values outside their vocabulary,
unknown or duplicate ids and spans that do not match the report's text. Every problem found is reported
at once in one :class:`ReportError`, each naming its JSON path and what was expected.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from tui.model.report import (
    SIDE_LABELS,
    SIDES,
    UNKNOWN_PUBLICATION,
    Actor,
    Annotation,
    Attribution,
    Caveat,
    Claim,
    Document,
    DraftInfo,
    Event,
    Found,
    NotEvent,
    Place,
    Publication,
    Quote,
    Relation,
    Report,
    Source,
    Span,
)

FORMAT = "newsline/1"
SOURCE_KINDS = ("video-message", "news-agency", "social-media-post", "official-statement", "announcement", "report")
EVENT_KINDS = ("action", "statement", "state")
RELATION_TYPES = ("before", "after", "during")
QUOTE_MODES = ("direct", "reported")
QUALIFIERS = ("about", "at least")

T = TypeVar("T")


class ReportError(Exception):
    """The events file cannot be used; ``str(error)`` is the message for the user."""

    def __init__(self, path: Path | str, problems: list[str], headline: str | None = None) -> None:
        self.path = str(path)
        self.problems = problems
        count = len(problems)
        head = headline or f"{count} problem{'s' if count != 1 else ''} found"
        lines = [f"newsline: cannot open {self.path}: {head}."]
        lines += [f"  {problem}" for problem in problems]
        super().__init__("\n".join(lines))


def bundled_path() -> Path:
    """The events file that ships with newsline (the report ttn-fr-3): inside the installed package, or
    at the top of a source checkout. (A plain path, not importlib.resources: that import alone cost
    25 ms of start-up.)"""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "data" / "events.json"
    return packaged if packaged.is_file() else package.parent / "events.json"


def load_report(path: Path | str) -> Report:
    """Read, parse and validate the events file at ``path``; raise :class:`ReportError` on any problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ReportError(path, [], "no such file") from None
    except IsADirectoryError:
        raise ReportError(path, [], "it is a directory, expected an events JSON file") from None
    except OSError as error:
        raise ReportError(path, [], error.strerror or str(error)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ReportError(path, [], f"not UTF-8 text (byte {error.start})") from None
    return parse_report(text, path)


def parse_report(text: str, path: Path | str = "<string>") -> Report:
    """Parse and validate events JSON given as text; ``path`` names it in messages."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReportError(path, [], f"not valid JSON: line {error.lineno}, column {error.colno}: {error.msg}") from None
    reader = _Reader()
    report = reader.report(data)
    if reader.problems or report is None:
        raise ReportError(path, reader.problems)
    return report


class _Invalid(Exception):
    """Raised inside the reader to abandon one value after recording its problem."""


class _Reader:
    """Builds model records from parsed JSON, recording every problem with its JSON path."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.text = ""
        self.where: dict[int, str] = {}  # id() of each record read -> its JSON path
        self.sides: tuple[str, ...] = SIDES

    # -- primitives ------------------------------------------------------------------------------

    def fail(self, path: str, expected: str, value: Any = None, *, found: bool = True) -> _Invalid:
        got = f", found {_describe(value)}" if found else ""
        self.problems.append(f"{path}: expected {expected}{got}")
        return _Invalid()

    def obj(self, value: Any, path: str, required: Iterable[str], optional: Iterable[str] = ()) -> dict:
        required = tuple(required)
        if not isinstance(value, dict):
            raise self.fail(path, "an object", value)
        for key in required:
            if key not in value:
                self.fail(f"{path}.{key}", "a value (required field is missing)", found=False)
        known = set(required) | set(optional)
        for key in value:
            if key not in known:
                self.fail(f"{path}.{key}", f"no such field (allowed: {', '.join(sorted(known))})", found=False)
        return value

    def string(self, value: Any, path: str, *, choices: tuple[str, ...] = ()) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(path, "a non-empty string", value)
        if choices and value not in choices:
            raise self.fail(path, "one of " + ", ".join(choices), value)
        return value

    def ident(self, value: Any, path: str) -> str:
        text = self.string(value, path)
        if not all(c.isascii() and (c.islower() or c.isdigit() or c == "-") for c in text) or text[0] == "-":
            raise self.fail(path, "an id of lower-case letters, digits and '-'", value)
        return text

    def integer(self, value: Any, path: str) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self.fail(path, "a whole number ≥ 0", value)
        return value

    def number(self, value: Any, path: str) -> float:
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise self.fail(path, "a number", value)
        return value

    def datetime(self, value: Any, path: str) -> datetime:
        expected = "an ISO 8601 date-time with a UTC offset, like 2022-09-11T12:00:00+03:00"
        if not isinstance(value, str):
            raise self.fail(path, expected, value)
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise self.fail(path, expected, value) from None
        if moment.tzinfo is None:
            raise self.fail(path, expected + " (the offset is missing)", value)
        return moment

    def array(self, value: Any, path: str, item: Callable[[Any, str], T], *, non_empty: bool = False) -> tuple[T, ...]:
        if not isinstance(value, list):
            raise self.fail(path, "an array", value)
        if non_empty and not value:
            raise self.fail(path, "at least one item", value)
        items = []
        for index, element in enumerate(value):
            try:
                record = item(element, f"{path}[{index}]")
            except _Invalid:
                continue
            self.where[id(record)] = f"{path}[{index}]"
            items.append(record)
        return tuple(items)

    def optional(self, data: dict, key: str, path: str, read: Callable[[Any, str], T]) -> T | None:
        return read(data[key], f"{path}.{key}") if key in data else None

    def build(self, record: Callable[..., T], **fields: Callable[[], Any]) -> T:
        """Read every field, so that all of a record's problems are reported, then build it.

        A field that is missing (already reported by :meth:`obj`) or invalid is left as None: the
        record still takes part in the cross-reference checks, and a file with any problem never
        yields a report, so no such record escapes the loader.
        """
        values = {}
        for name, read in fields.items():
            try:
                values[name] = read()
            except (_Invalid, KeyError):
                values[name] = None
        return record(**values)

    # -- records ---------------------------------------------------------------------------------

    def span(self, value: Any, path: str) -> Span:
        data = self.obj(value, path, ("start", "end", "text"))
        if not {"start", "end", "text"} <= data.keys():
            raise _Invalid()
        start = self.integer(data["start"], f"{path}.start")
        end = self.integer(data["end"], f"{path}.end")
        text = self.string(data["text"], f"{path}.text")
        if end <= start:
            raise self.fail(f"{path}.end", f"an offset after start ({start})", end)
        if end > len(self.text):
            raise self.fail(f"{path}.end", f"an offset within document.text (length {len(self.text)})", end)
        actual = self.text[start:end]
        if actual != text:
            raise self.fail(path, f"text equal to document.text[{start}:{end}], which is {_quote(actual)}", text)
        return Span(start, end, text)

    def found(self, value: Any, path: str) -> Found:
        data = self.obj(value, path, ("how", "confidence"))
        confidence = self.number(data.get("confidence"), f"{path}.confidence")
        if not 0 <= confidence <= 1:
            raise self.fail(f"{path}.confidence", "a number from 0 to 1", confidence)
        return Found(self.string(data.get("how"), f"{path}.how"), confidence)

    def draft_info(self, value: Any, path: str) -> DraftInfo:
        data = self.obj(value, path, ("by", "model"), ("note",))
        return self.build(
            DraftInfo,
            by=lambda: self.string(data["by"], f"{path}.by"),
            model=lambda: self.string(data["model"], f"{path}.model"),
            note=lambda: self.string(data["note"], f"{path}.note") if "note" in data else "",
        )

    def side(self, value: Any, path: str) -> tuple[str, str]:
        data = self.obj(value, path, ("id", "label"))
        return self.ident(data.get("id"), f"{path}.id"), self.string(data.get("label"), f"{path}.label")

    def annotation(self, value: Any, path: str) -> Annotation:
        data = self.obj(value, path, ("value", "basis"))
        return self.build(
            Annotation,
            value=lambda: self.string(data["value"], f"{path}.value"),
            basis=lambda: self.string(data["basis"], f"{path}.basis"),
        )

    def publication(self, value: Any, path: str) -> Publication:
        data = self.obj(value, path, ("earliest", "estimate", "latest", "basis"))
        if not {"earliest", "estimate", "latest", "basis"} <= data.keys():
            raise _Invalid()
        earliest = self.datetime(data["earliest"], f"{path}.earliest")
        estimate = self.datetime(data["estimate"], f"{path}.estimate")
        latest = self.datetime(data["latest"], f"{path}.latest")
        if not earliest <= estimate <= latest:
            raise self.fail(path, "earliest ≤ estimate ≤ latest", f"{earliest}, {estimate}, {latest}")
        return Publication(earliest, estimate, latest, self.string(data["basis"], f"{path}.basis"))

    def document(self, value: Any, path: str) -> Document:
        data = self.obj(value, path, ("id", "language", "headline", "text", "published"))
        if "text" not in data:
            raise _Invalid()
        # The text comes first: every span in the file is checked against it.
        self.text = self.string(data["text"], f"{path}.text")
        language = self.string(data["language"], f"{path}.language")
        if len(language) != 2 or not language.isalpha() or not language.islower():
            raise self.fail(f"{path}.language", "a two-letter ISO 639-1 code like 'fr'", language)
        return self.build(
            Document,
            id=lambda: self.ident(data["id"], f"{path}.id"),
            language=lambda: language,
            headline=lambda: self.span(data["headline"], f"{path}.headline"),
            text=lambda: self.text,
            published=lambda: (
                UNKNOWN_PUBLICATION
                if data["published"] is None
                else self.publication(data["published"], f"{path}.published")
            ),
        )

    def actor(self, value: Any, path: str) -> Actor:
        data = self.obj(value, path, ("id", "name", "role", "side", "mentions"), ("identification", "found"))
        return self.build(
            Actor,
            id=lambda: self.ident(data["id"], f"{path}.id"),
            name=lambda: self.string(data["name"], f"{path}.name"),
            role=lambda: self.string(data["role"], f"{path}.role"),
            side=lambda: self.string(data["side"], f"{path}.side", choices=self.sides),
            mentions=lambda: self.array(data["mentions"], f"{path}.mentions", self.span),
            identification=lambda: self.optional(data, "identification", path, self.annotation),
            found=lambda: self.optional(data, "found", path, self.found),
        )

    def place(self, value: Any, path: str) -> Place:
        data = self.obj(value, path, ("id", "name", "mentions"), ("region", "found"))
        return self.build(
            Place,
            id=lambda: self.ident(data["id"], f"{path}.id"),
            name=lambda: self.string(data["name"], f"{path}.name"),
            mentions=lambda: self.array(data["mentions"], f"{path}.mentions", self.span),
            region=lambda: self.optional(data, "region", path, self.string),
            found=lambda: self.optional(data, "found", path, self.found),
        )

    def source(self, value: Any, path: str) -> Source:
        data = self.obj(value, path, ("id", "label", "kind", "mentions"), ("affiliation", "found"))
        return self.build(
            Source,
            id=lambda: self.ident(data["id"], f"{path}.id"),
            label=lambda: self.string(data["label"], f"{path}.label"),
            kind=lambda: self.string(data["kind"], f"{path}.kind", choices=SOURCE_KINDS),  # type: ignore[arg-type]
            mentions=lambda: self.array(data["mentions"], f"{path}.mentions", self.span),
            affiliation=lambda: self.optional(data, "affiliation", path, self.string),
            found=lambda: self.optional(data, "found", path, self.found),
        )

    def attribution(self, value: Any, path: str) -> Attribution:
        data = self.obj(value, path, ("source",), ("cue",))
        return self.build(
            Attribution,
            source=lambda: self.string(data["source"], f"{path}.source"),
            cue=lambda: self.optional(data, "cue", path, self.span),
        )

    def relation(self, value: Any, path: str) -> Relation:
        data = self.obj(value, path, ("type", "target", "cue"), ("found",))
        return self.build(
            Relation,
            type=lambda: self.string(data["type"], f"{path}.type", choices=RELATION_TYPES),  # type: ignore[arg-type]
            target=lambda: self.string(data["target"], f"{path}.target"),
            cue=lambda: self.span(data["cue"], f"{path}.cue"),
            found=lambda: self.optional(data, "found", path, self.found),
        )

    def quote(self, value: Any, path: str) -> Quote:
        data = self.obj(value, path, ("span", "speaker", "mode"), ("found",))
        return self.build(
            Quote,
            span=lambda: self.span(data["span"], f"{path}.span"),
            speaker=lambda: self.string(data["speaker"], f"{path}.speaker"),
            mode=lambda: self.string(data["mode"], f"{path}.mode", choices=QUOTE_MODES),  # type: ignore[arg-type]
            found=lambda: self.optional(data, "found", path, self.found),
        )

    def qualifier(self, value: Any, path: str) -> str:
        return self.string(value, path, choices=QUALIFIERS)

    def claim(self, value: Any, path: str) -> Claim:
        data = self.obj(value, path, ("id", "span", "quantity", "unit", "about"), ("qualifier", "found"))
        return self.build(
            Claim,
            id=lambda: self.ident(data["id"], f"{path}.id"),
            span=lambda: self.span(data["span"], f"{path}.span"),
            quantity=lambda: self.number(data["quantity"], f"{path}.quantity"),
            unit=lambda: self.string(data["unit"], f"{path}.unit"),
            about=lambda: self.string(data["about"], f"{path}.about"),
            qualifier=lambda: self.optional(data, "qualifier", path, self.qualifier),
            found=lambda: self.optional(data, "found", path, self.found),
        )

    def event(self, value: Any, path: str) -> Event:
        fields = ("id", "summary", "kind", "sentences", "actors", "places", "sources", "time", "relations",
                  "quotes", "claims")  # fmt: skip
        data = self.obj(value, path, fields, ("time_anchor", "found", "time_found"))
        return self.build(
            Event,
            id=lambda: self.ident(data["id"], f"{path}.id"),
            summary=lambda: self.string(data["summary"], f"{path}.summary"),
            kind=lambda: self.string(data["kind"], f"{path}.kind", choices=EVENT_KINDS),  # type: ignore[arg-type]
            sentences=lambda: self.array(data["sentences"], f"{path}.sentences", self.span, non_empty=True),
            actors=lambda: self.array(data["actors"], f"{path}.actors", self.string),
            places=lambda: self.array(data["places"], f"{path}.places", self.string),
            sources=lambda: self.array(data["sources"], f"{path}.sources", self.attribution, non_empty=True),
            time=lambda: self.span(data["time"], f"{path}.time") if data["time"] is not None else None,
            relations=lambda: self.array(data["relations"], f"{path}.relations", self.relation),
            quotes=lambda: self.array(data["quotes"], f"{path}.quotes", self.quote),
            claims=lambda: self.array(data["claims"], f"{path}.claims", self.claim),
            time_anchor=lambda: self.optional(data, "time_anchor", path, self.string),
            found=lambda: self.optional(data, "found", path, self.found),
            time_found=lambda: self.optional(data, "time_found", path, self.found),
        )

    def caveat(self, value: Any, path: str) -> Caveat:
        data = self.obj(value, path, ("id", "span", "claims", "note"))
        return self.build(
            Caveat,
            id=lambda: self.ident(data["id"], f"{path}.id"),
            span=lambda: self.span(data["span"], f"{path}.span"),
            claims=lambda: self.array(data["claims"], f"{path}.claims", self.string, non_empty=True),
            note=lambda: self.string(data["note"], f"{path}.note"),
        )

    def not_event(self, value: Any, path: str) -> NotEvent:
        data = self.obj(value, path, ("span", "reason"))
        return self.build(
            NotEvent,
            span=lambda: self.span(data["span"], f"{path}.span"),
            reason=lambda: self.string(data["reason"], f"{path}.reason"),
        )

    def report(self, value: Any) -> Report | None:
        keys = ("format", "document", "actors", "places", "sources", "events", "caveats", "not_events")
        try:
            data = self.obj(value, "$", keys, ("$schema", "sides", "draft"))
        except _Invalid:
            return None
        side_labels = dict(SIDE_LABELS)
        if "sides" in data:
            try:
                declared = self.array(data["sides"], "$.sides", self.side, non_empty=True)
                side_labels = dict(declared)
                if len(side_labels) != len(declared):
                    self.fail("$.sides", "each side declared once", found=False)
            except _Invalid:
                pass
        self.sides = tuple(side_labels)
        draft = None
        if "draft" in data:
            with contextlib.suppress(_Invalid):
                draft = self.draft_info(data["draft"], "$.draft")
        if "format" in data and data["format"] != FORMAT:
            self.fail("$.format", f'"{FORMAT}"', data["format"])
        try:
            document = self.document(data["document"], "$.document")
        except (_Invalid, KeyError):
            document = None
        if not self.text:
            return None  # without the report's text no span can be checked
        readers = {
            "actors": self.actor, "places": self.place, "sources": self.source, "events": self.event,
            "caveats": self.caveat, "not_events": self.not_event,
        }  # fmt: skip
        lists = {}
        for key, read in readers.items():
            try:
                lists[key] = self.array(data[key], f"$.{key}", read)
            except (_Invalid, KeyError):
                lists[key] = ()
        if document is None:
            return None
        report = Report(document=document, **lists, side_labels=side_labels, draft=draft)
        self.check_references(report)
        return None if self.problems else report

    # -- cross-references ------------------------------------------------------------------------

    def check_references(self, report: Report) -> None:
        """Ids are unique per list (claims across the file) and every reference resolves."""

        def unique(items: Iterable[Any], kind: str) -> set[str]:
            seen: set[str] = set()
            for item in items:
                if item.id in seen:
                    where = self.where[id(item)]
                    self.fail(f"{where}.id", f"a unique {kind} id, '{item.id}' is used twice", found=False)
                seen.add(item.id)
            return seen

        def ref(value: str | None, known: set[str], path: str, kind: str) -> None:
            if value is not None and value not in known:
                self.fail(path, f"the id of an item in $.{kind}", value)

        actors = unique(report.actors, "actor")
        places = unique(report.places, "place")
        sources = unique(report.sources, "source")
        events = unique(report.events, "event")
        claims = unique([claim for event in report.events for claim in event.claims or ()], "claim")
        unique(report.caveats, "caveat")

        for place in report.places:
            ref(place.region, places, f"{self.where[id(place)]}.region", "places")
        for source in report.sources:
            ref(source.affiliation, actors, f"{self.where[id(source)]}.affiliation", "actors")
        for event in report.events:
            path = self.where[id(event)]
            for j, actor in enumerate(event.actors or ()):
                ref(actor, actors, f"{path}.actors[{j}]", "actors")
            for j, place in enumerate(event.places or ()):
                ref(place, places, f"{path}.places[{j}]", "places")
            for j, attribution in enumerate(event.sources or ()):
                ref(attribution.source, sources, f"{path}.sources[{j}].source", "sources")
            for j, relation in enumerate(event.relations or ()):
                if relation.target is not None and relation.target == event.id:
                    self.fail(f"{path}.relations[{j}].target", "another event's id", relation.target)
                else:
                    ref(relation.target, events, f"{path}.relations[{j}].target", "events")
            if event.time_anchor is not None and event.time_anchor == event.id:
                self.fail(f"{path}.time_anchor", "another event's id", event.time_anchor)
            else:
                ref(event.time_anchor, events, f"{path}.time_anchor", "events")
            for j, quote in enumerate(event.quotes or ()):
                ref(quote.speaker, actors, f"{path}.quotes[{j}].speaker", "actors")
        for caveat in report.caveats:
            for j, claim in enumerate(caveat.claims or ()):
                ref(claim, claims, f"{self.where[id(caveat)]}.claims[{j}]", "events[*].claims")


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _quote(value)
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return str(value)


def _quote(text: str, limit: int = 60) -> str:
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return json.dumps(shown, ensure_ascii=False)
