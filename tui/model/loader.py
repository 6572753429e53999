"""Load and validate an events file into a :class:`~tui.model.report.Report`.

The loader reads the file once, never writes to it, and checks the whole of it before it returns: broken
JSON (with line and column), missing or unknown fields, wrong types, values outside their vocabulary,
unknown or duplicate ids and spans that do not match the report's text. Every problem found is reported
at once in one :class:`ReportError`, each naming its JSON path and what was expected.

It is total: whatever the file holds (nesting too deep for the parser, integers too long, lone surrogates,
NaN, any value at any place), loading ends in a report or a :class:`ReportError`, never another exception
(tests/test_loader.py puts arbitrary JSON at every place of a valid file). It is also built for size: a
file laid out as newsline writes it is read as it is parsed, each record in one quick pass first (see
:meth:`_Reader.report_streamed` and the quick reading), with the garbage collector held off.
"""

from __future__ import annotations

import contextlib
import gc
import json
import json.scanner
import math
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from tui.model.files import EVENTS_LIMIT, UnreadableFile, read_regular_file
from tui.model.report import (
    PUBLICATION_ZONES,
    SIDE_LABELS,
    SIDES,
    TENSE_FORMS,
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
    Tense,
)
from tui.printable import printable

FORMAT = "newsline/1"
SOURCE_KINDS = ("video-message", "news-agency", "social-media-post", "official-statement", "announcement", "report")
EVENT_KINDS = ("action", "statement", "state")
RELATION_TYPES = ("before", "after", "during", "same")
QUOTE_MODES = ("direct", "reported")
QUALIFIERS = ("about", "at least")

T = TypeVar("T")
SHOWN_PROBLEMS = 50  # in the message; the count says how many there are
KEPT_PROBLEMS = 1_000
_TOP_KEYS = ("format", "document", "actors", "places", "sources", "events", "caveats", "not_events")
_TOP_OPTIONAL = ("$schema", "sides", "draft")
_LISTS = {  # the top-level lists, in the order they are read, and the reader of their items
    "actors": "actor", "places": "place", "sources": "source", "events": "event", "caveats": "caveat",
    "not_events": "not_event",
}  # fmt: skip
_SCANNER = json.scanner.make_scanner(json.JSONDecoder())  # what json.loads parses each value with
_SPACE = re.compile(r"[ \t\n\r]*")  # JSON's white space
SHARED_LENGTH = 40  # strings up to this long are shared between the records that hold them
_ATTRIBUTION = frozenset({"source", "cue"})
_EVENT_REQUIRED = frozenset(
    {"id", "summary", "kind", "sentences", "actors", "places", "sources", "time", "relations", "quotes", "claims"}
)
_EVENT_KNOWN = _EVENT_REQUIRED | {"time_anchor", "tense"}  # a field not listed here: the full reading
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_FIELDS: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[frozenset[str], frozenset[str]]] = {}


class ReportError(Exception):
    """The events file cannot be used; ``str(error)`` is the message for the user."""

    def __init__(
        self, path: Path | str, problems: list[str], headline: str | None = None, count: int | None = None
    ) -> None:
        self.path = str(path)
        self.problems = problems
        count = len(problems) if count is None else count
        head = headline or f"{count} problem{'s' if count != 1 else ''} found"
        # Paths and values come from the file: the one sanitiser keeps them from acting on the terminal.
        lines = [printable(f"newsline: cannot open {self.path}: {head}.")]
        lines += [f"  {printable(problem)}" for problem in problems[:SHOWN_PROBLEMS]]
        if count > SHOWN_PROBLEMS:
            more = count - SHOWN_PROBLEMS
            lines.append(f"  … and {more} more problem{'s' if more != 1 else ''}, not shown.")
        super().__init__("\n".join(lines))


def bundled_path() -> Path:
    """The events file that ships with newsline (the report ttn-fr-3): inside the installed package, or
    at the top of a source checkout. (A plain path, not importlib.resources: that import alone cost
    25 ms of start-up.)"""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "data" / "events.json"
    return packaged if packaged.is_file() else package.parent / "events.json"


def load_report(path: Path | str) -> Report:
    """Read, parse and validate the events file at ``path``; raise :class:`ReportError` on any problem.

    Only a regular file of at most :data:`~tui.model.files.EVENTS_LIMIT` bytes is read. The bytes are let go
    of once decoded, and each event once read, so that the peak of memory is about the text and the report.
    """
    path = Path(path)
    try:
        raw = read_regular_file(path, EVENTS_LIMIT)
    except UnreadableFile as error:
        raise ReportError(path, [], str(error)) from None
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark, as some editors write, is not part of the JSON
    except UnicodeDecodeError as error:
        raise ReportError(path, [], f"not UTF-8 text (byte {error.start})") from None
    del raw
    return parse_report(text, path)


def parse_report(text: str, path: Path | str = "<string>") -> Report:
    """Parse and validate events JSON given as text; ``path`` names it in messages.

    Total: whatever the text holds, this returns a report or raises :class:`ReportError`. A file laid out
    as newsline writes it is read as it is parsed (:meth:`_Reader.report_streamed`); any other is parsed
    whole first, with the same result.
    """
    text = text.removeprefix("\ufeff")
    if _ESCAPED_SURROGATE.search(text) is None:
        reader = _Reader()
        try:
            with _collector_held_off():
                report = reader.report_streamed(text)
        except _Unstreamable:
            pass
        else:
            if reader.problems or report is None:
                raise ReportError(path, reader.problems, count=reader.count)
            return report
    return _validate(*_parse_json(text, path), path)


def _parse_json(text: str, path: Path | str) -> tuple[Any, bool]:
    """The parsed JSON, and whether it may hold a lone surrogate (only a \\u escape can put one there)."""
    text = text.removeprefix("\ufeff")
    try:
        with _collector_held_off():
            data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReportError(path, [], f"not valid JSON: line {error.lineno}, column {error.colno}: {error.msg}") from None
    except RecursionError:
        raise ReportError(path, [], "not valid JSON for newsline: arrays or objects nested too deeply") from None
    except ValueError as error:  # an integer longer than Python converts (4 300 digits by default)
        raise ReportError(path, [], f"not valid JSON for newsline: {_first_clause(error)}") from None
    return data, _ESCAPED_SURROGATE.search(text) is not None


def _validate(data: Any, escaped_surrogates: bool, path: Path | str) -> Report:
    reader = _Reader()
    if escaped_surrogates:
        _surrogates(data, "$", reader)
        if reader.problems:
            raise ReportError(path, reader.problems, count=reader.count)
    with _collector_held_off():
        report = reader.report(data)
    if reader.problems or report is None:
        raise ReportError(path, reader.problems, count=reader.count)
    return report


@contextmanager
def _collector_held_off() -> Iterator[None]:
    """Reading builds millions of objects that all live on, so each collection the allocations set off
    would scan them all again, for nothing: at 100 000 events that was most of the loading time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")


def _surrogates(value: Any, path: str, reader: _Reader) -> None:
    """Report every string (or key) holding a lone surrogate: it is not Unicode text, and cannot be shown."""
    stack = [(value, path)]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            _check_surrogates(value, path, reader)
        elif isinstance(value, list):
            stack.extend((item, f"{path}[{index}]") for index, item in reversed(list(enumerate(value))))
        elif isinstance(value, dict):
            for key, item in reversed(value.items()):
                _check_surrogates(key, f"{path} (a key)", reader)
                stack.append((item, f"{path}.{key}"))


def _check_surrogates(text: str, path: str, reader: _Reader) -> None:
    for offset, char in enumerate(text):
        if "\ud800" <= char <= "\udfff":
            found = f"a lone surrogate (\\u{ord(char):04x}) at character {offset}"
            reader.fail(path, f"Unicode text, found {found}", found=False)
            return


def _first_clause(error: Exception) -> str:
    message = str(error).split(";")[0]
    return message[:1].lower() + message[1:]


class _Invalid(Exception):
    """Raised inside the reader to abandon one value after recording its problem."""


class _Unstreamable(Exception):
    """The file cannot be read as it is parsed (see :meth:`_Reader.report_streamed`): read it whole."""


class _Reader:
    """Builds model records from parsed JSON, recording every problem with its JSON path."""

    def __init__(self, fast: bool = True) -> None:
        self.problems: list[str] = []  # the first KEPT_PROBLEMS problems found
        self.count = 0  # all of them: a file of a million wrong items must not fill the memory with messages
        self.text = ""
        self.fast = fast  # try the quick reading first (tests compare both ways)
        self.shared: dict[str, str] = {}
        self.same = self.shared.setdefault  # same(text, text): the one object for ids, references and kinds
        self.where: dict[int, str] = {}  # id() of each record read -> its JSON path
        self.sides: tuple[str, ...] = SIDES
        self.side_labels: dict[str, str] = dict(SIDE_LABELS)
        self.draft: DraftInfo | None = None

    # -- primitives ------------------------------------------------------------------------------

    def fail(self, path: str, expected: str, value: Any = None, *, found: bool = True) -> _Invalid:
        got = f", found {_describe(value)}" if found else ""
        self.count += 1
        if len(self.problems) < KEPT_PROBLEMS:
            self.problems.append(f"{path}: expected {expected}{got}")
        return _Invalid()

    def obj(self, value: Any, path: str, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> dict:
        if not isinstance(value, dict):
            raise self.fail(path, "an object", value)
        fields = _FIELDS.get((required, optional))
        if fields is None:
            fields = _FIELDS[required, optional] = (frozenset(required), frozenset(required) | frozenset(optional))
        keys = value.keys()
        if fields[0] <= keys <= fields[1]:
            return value  # the usual case, checked in two set operations
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
        return self.share(value)

    def share(self, text: str) -> str:
        """One object for each short string: ids, references, kinds and cues repeat across events (100 000
        events held "after" 200 000 times, each its own string from the JSON parser)."""
        return self.shared.setdefault(text, text) if len(text) <= SHARED_LENGTH else text

    def ident(self, value: Any, path: str) -> str:
        text = self.string(value, path)
        if _ID.fullmatch(text) is None:
            raise self.fail(path, "an id of lower-case letters, digits and '-'", value)
        return text

    def integer(self, value: Any, path: str) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self.fail(path, "a whole number ≥ 0", value)
        return value

    def number(self, value: Any, path: str) -> float:
        """A finite number: NaN, Infinity and numbers too large for a float (1e400) are refused."""
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise self.fail(path, "a number", value)
        try:
            finite = math.isfinite(value)
        except OverflowError:  # an integer beyond a float's range
            finite = False
        if not finite:
            raise self.fail(path, f"a finite number, at most {sys.float_info.max:.3g} in size", value)
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

    def array(
        self, value: Any, path: str, item: Callable[[Any, str], T], *, non_empty: bool = False, consume: bool = False
    ) -> tuple[T, ...]:
        """The items read, in place: an item that could not be read is None (its problem is recorded, so
        no report is built), which keeps each item at its index for the messages of the later checks.
        With ``consume``, each parsed item is let go of once read (the top-level lists: the loader's own)."""
        if not isinstance(value, list):
            raise self.fail(path, "an array", value)
        if non_empty and not value:
            raise self.fail(path, "at least one item", value)
        items: list[Any] = []
        append = items.append
        for index, element in enumerate(value):
            try:
                append(item(element, f"{path}[{index}]"))
            except _Invalid:
                append(None)
            if consume:
                value[index] = None
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
        if self.fast and (span := self.quick_span(value)) is not None:
            return span
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
        return Span(start, end, self.share(text))

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
        data = self.obj(value, path, ("earliest", "estimate", "latest", "basis"), ("zone",))
        publication = self.build(
            Publication,
            earliest=lambda: self.datetime(data["earliest"], f"{path}.earliest"),
            estimate=lambda: self.datetime(data["estimate"], f"{path}.estimate"),
            latest=lambda: self.datetime(data["latest"], f"{path}.latest"),
            basis=lambda: self.string(data["basis"], f"{path}.basis"),
            zone=lambda: self.string(data.get("zone", "given"), f"{path}.zone", choices=PUBLICATION_ZONES),
        )
        moments = (publication.earliest, publication.estimate, publication.latest)
        if all(moments) and not moments[0] <= moments[1] <= moments[2]:
            raise self.fail(path, "earliest ≤ estimate ≤ latest", ", ".join(str(moment) for moment in moments))
        return publication

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
        if self.fast and (attribution := self.quick_attribution(value)) is not None:
            return attribution
        data = self.obj(value, path, ("source",), ("cue",))
        return self.build(
            Attribution,
            source=lambda: self.string(data["source"], f"{path}.source"),
            cue=lambda: self.optional(data, "cue", path, self.span),
        )

    def relation(self, value: Any, path: str) -> Relation:
        if self.fast and (relation := self.quick_relation(value)) is not None:
            return relation
        data = self.obj(value, path, ("type", "target", "cue"), ("found",))
        return self.build(
            Relation,
            type=lambda: self.string(data["type"], f"{path}.type", choices=RELATION_TYPES),  # type: ignore[arg-type]
            target=lambda: self.string(data["target"], f"{path}.target"),
            cue=lambda: self.span(data["cue"], f"{path}.cue"),
            found=lambda: self.optional(data, "found", path, self.found),
        )

    def tense(self, value: Any, path: str) -> Tense:
        data = self.obj(value, path, ("form", "cue"))
        return self.build(
            Tense,
            form=lambda: self.string(data["form"], f"{path}.form", choices=TENSE_FORMS),  # type: ignore[arg-type]
            cue=lambda: self.span(data["cue"], f"{path}.cue"),
        )

    def quote(self, value: Any, path: str) -> Quote:
        if self.fast and (quote := self.quick_quote(value)) is not None:
            return quote
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
        if self.fast and (event := self.quick_event(value, path)) is not None:
            return event
        fields = ("id", "summary", "kind", "sentences", "actors", "places", "sources", "time", "relations",
                  "quotes", "claims")  # fmt: skip
        data = self.obj(value, path, fields, ("time_anchor", "tense", "found", "time_found"))
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
            tense=lambda: self.optional(data, "tense", path, self.tense),
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
        try:
            data = self.obj(value, "$", _TOP_KEYS, _TOP_OPTIONAL)
        except _Invalid:
            return None
        self.top_level(data)
        try:
            document = self.document(data["document"], "$.document")
        except (_Invalid, KeyError):
            document = None
        if not self.text:
            return None  # without the report's text no span can be checked
        lists = {key: self.top_list(data, key) for key in _LISTS}
        return self.finish(document, lists)

    def top_level(self, data: dict) -> None:
        """The top level's own fields: the sides the file declares (before any actor is read, since an
        actor's side must be one of them), its draft provenance, its format and schema."""
        if "sides" in data:
            try:
                declared = self.array(data["sides"], "$.sides", self.side, non_empty=True)
                self.side_labels = dict(declared)
                if len(self.side_labels) != len(declared):
                    self.fail("$.sides", "each side declared once", found=False)
            except _Invalid:
                pass
        self.sides = tuple(self.side_labels)
        if "draft" in data:
            with contextlib.suppress(_Invalid):
                self.draft = self.draft_info(data["draft"], "$.draft")
        if "format" in data and data["format"] != FORMAT:
            self.fail("$.format", f'"{FORMAT}"', data["format"])
        if "$schema" in data and not isinstance(data["$schema"], str):
            self.fail("$.$schema", "the URL or path of the JSON Schema, as a string", data["$schema"])

    def top_list(self, data: dict, key: str) -> tuple[Any, ...]:
        try:
            return self.array(data[key], f"$.{key}", getattr(self, _LISTS[key]), consume=True)
        except (_Invalid, KeyError):
            return ()

    def report_streamed(self, text: str) -> Report | None:
        """:meth:`report` for the JSON text itself, reading each item of the top-level lists as soon as it
        is parsed, so that the parsed JSON of the whole file never exists at once (at 100 000 events, 320 MB
        of dicts, lists and numbers). The same report and problems, in the same order; raises
        :class:`_Unstreamable` where the file is not laid out as newsline writes it (its text first, each
        key once, valid JSON), and the caller then reads it whole."""
        scan = _SCANNER
        space = _SPACE.match
        index = space(text).end()
        if text[index : index + 1] != "{":
            raise _Unstreamable
        index = space(text, index + 1).end()
        data: dict[str, Any] = {}  # the top level, with the lists already read standing in for their JSON
        read_lists: dict[str, tuple[Any, ...]] = {}
        document: Document | None = None
        try:
            while text[index : index + 1] != "}":
                if data and text[index] != ",":
                    raise _Unstreamable
                if data:
                    index = space(text, index + 1).end()
                if text[index : index + 1] != '"':
                    raise _Unstreamable
                key, index = scan(text, index)
                index = space(text, index).end()
                if key in data or text[index : index + 1] != ":":
                    raise _Unstreamable
                if key in ("sides", "draft"):
                    raise _Unstreamable  # a drafted file, small: its sides must be known before its actors
                index = space(text, index + 1).end()
                following = list(_LISTS)[len(read_lists) : len(read_lists) + 1]
                if key in _LISTS and key in following and self.text and text[index] == "[":
                    read_lists[key], index = self.stream_array(text, index, key)
                    data[key] = read_lists[key]
                elif key in _LISTS and not self.text:
                    raise _Unstreamable  # a list before the text its spans point into
                else:
                    data[key], index = scan(text, index)
                    if key == "document":
                        try:
                            document = self.document(data["document"], "$.document")
                        except (_Invalid, KeyError):
                            document = None
                index = space(text, index).end()
        except (StopIteration, ValueError, RecursionError, IndexError):
            raise _Unstreamable from None  # broken JSON: read whole, for json.loads's own message
        if space(text, index + 1).end() != len(text):
            raise _Unstreamable  # something after the top-level object
        # The problems in the order reading the parsed JSON gives them: the top level's, then the rest.
        later, self.problems = self.problems, []
        self.obj(data, "$", _TOP_KEYS, _TOP_OPTIONAL)
        self.top_level(data)
        self.problems += later
        del self.problems[KEPT_PROBLEMS:]  # the first of them, as reading the parsed whole keeps them
        if not self.text:
            return None
        lists = {key: read_lists[key] if key in read_lists else self.top_list(data, key) for key in _LISTS}
        return self.finish(document, lists)

    def stream_array(self, text: str, index: int, key: str) -> tuple[tuple[Any, ...], int]:
        """Read the top-level list at ``text[index]`` item by item; the list read, and where it ends."""
        scan, space, read = _SCANNER, _SPACE.match, getattr(self, _LISTS[key])
        items: list[Any] = []
        index = space(text, index + 1).end()
        if text[index : index + 1] == "]":
            return (), index + 1
        while True:
            element, index = scan(text, index)
            try:
                items.append(read(element, f"$.{key}[{len(items)}]"))
            except _Invalid:
                items.append(None)
            del element
            index = space(text, index).end()
            if text[index : index + 1] == "]":
                return tuple(items), index + 1
            if text[index : index + 1] != ",":
                raise _Unstreamable
            index = space(text, index + 1).end()

    def finish(self, document: Document | None, lists: dict[str, tuple[Any, ...]]) -> Report | None:
        if document is None:
            return None
        self.check_references(_Lists(**lists))
        if self.problems:
            return None  # records with missing or invalid fields (left as None) never reach a Report
        return Report(document=document, **lists, side_labels=self.side_labels, draft=self.draft)  # type: ignore[arg-type]

    # -- quick reading -----------------------------------------------------------------------------
    # Most files are valid. These read a record in one pass with no path written and no closure made, and
    # give up (None) at the first thing out of the ordinary: the full reading above then finds and words
    # every problem. They accept exactly what it accepts (tests/test_loader.py checks both give the same).

    def quick_span(self, value: Any) -> Span | None:
        if type(value) is dict and len(value) == 3:
            start, end, text = value.get("start"), value.get("end"), value.get("text")
            if (
                type(start) is int and type(end) is int and type(text) is str
                and 0 <= start < end <= len(self.text) and self.text[start:end] == text and not text.isspace()
            ):  # fmt: skip
                return Span(start, end, text if len(text) > SHARED_LENGTH else self.same(text, text))
        return None

    def quick_attribution(self, value: Any) -> Attribution | None:
        if type(value) is dict and value.keys() <= _ATTRIBUTION:
            source, cue = value.get("source"), value.get("cue")
            if _is_text(source):
                if cue is None and "cue" not in value:  # the same source with no cue: one shared record
                    attribution = Attribution(self.same(source, source))
                    return self.same(attribution, attribution)  # type: ignore[no-any-return]
                if (span := self.quick_span(cue)) is not None:
                    return Attribution(self.same(source, source), span)
        return None

    def quick_relation(self, value: Any) -> Relation | None:
        if type(value) is dict and len(value) == 3:
            kind, target = value.get("type"), value.get("target")
            cue = self.quick_span(value.get("cue"))
            if type(kind) is str and kind in RELATION_TYPES and _is_text(target) and cue is not None:
                return Relation(self.same(kind, kind), self.same(target, target), cue)  # type: ignore[arg-type]
        return None

    def quick_quote(self, value: Any) -> Quote | None:
        if type(value) is dict and len(value) == 3:
            speaker, mode = value.get("speaker"), value.get("mode")
            span = self.quick_span(value.get("span"))
            if _is_text(speaker) and type(mode) is str and mode in QUOTE_MODES and span is not None:
                return Quote(span, self.same(speaker, speaker), self.same(mode, mode))  # type: ignore[arg-type]
        return None

    def quick_event(self, value: Any, path: str) -> Event | None:
        if type(value) is not dict or not _EVENT_REQUIRED <= value.keys() <= _EVENT_KNOWN:
            return None
        get = value.get
        identifier, summary, kind, anchor = get("id"), get("summary"), get("kind"), get("time_anchor")
        if not (type(identifier) is str and _ID.fullmatch(identifier) and _is_text(summary)):
            return None
        if not (type(kind) is str and kind in EVENT_KINDS) or ("time_anchor" in value and not _is_text(anchor)):
            return None
        sentences, actors, places, sources = get("sentences"), get("actors"), get("places"), get("sources")
        relations, quotes, claims = get("relations"), get("quotes"), get("claims")
        if not (type(sentences) is list and sentences and type(sources) is list and sources):
            return None
        if not (type(actors) is list and type(places) is list and type(relations) is list):
            return None
        if not (type(quotes) is list and type(claims) is list):
            return None
        time = get("time")
        if time is not None and (time := self.quick_span(time)) is None:
            return None
        read = (
            tuple(map(self.quick_span, sentences)),
            tuple(map(self.quick_attribution, sources)),
            tuple(map(self.quick_relation, relations)),
            tuple(map(self.quick_quote, quotes)),
        )
        if None in read[0] or None in read[1] or None in read[2] or None in read[3]:
            return None
        if not (all(map(_is_text, actors)) and all(map(_is_text, places))):
            return None
        tense = get("tense")
        if "tense" in value and (tense := self.quick_tense(tense)) is None:
            return None
        if claims:
            kept, count = len(self.problems), self.count
            claims = self.array(claims, f"{path}.claims", self.claim)  # rare: read fully
            if self.count != count:
                del self.problems[kept:]  # the full reading will report them
                self.count = count
                return None
        same = self.same
        # Lists of names, and sources with no cue, recur from event to event: each is kept once.
        actors, places = tuple([same(actor, actor) for actor in actors]), tuple([same(p, p) for p in places])
        sources = read[1]
        if all(attribution.cue is None for attribution in sources):
            sources = same(sources, sources)
        return Event(
            id=same(identifier, identifier), summary=summary, kind=same(kind, kind), sentences=read[0],  # type: ignore[arg-type]
            actors=same(actors, actors), places=same(places, places),
            sources=sources, time=time, relations=read[2], quotes=read[3], claims=tuple(claims),
            time_anchor=anchor and same(anchor, anchor), tense=tense,
        )  # fmt: skip

    def quick_tense(self, value: Any) -> Tense | None:
        if type(value) is dict and len(value) == 2:
            form, cue = value.get("form"), self.quick_span(value.get("cue"))
            if type(form) is str and form in TENSE_FORMS and cue is not None:
                return Tense(self.same(form, form), cue)  # type: ignore[arg-type]
        return None

    # -- cross-references ------------------------------------------------------------------------

    def check_references(self, report: _Lists) -> None:
        """Ids are unique per list (claims across the file) and every reference resolves. Items that could
        not be read are None, in their place; paths are only written for a problem found."""

        def unique(items: Iterable[tuple[str, Any]], kind: str) -> set[str]:
            seen: set[str] = set()
            for path, item in items:
                if item is None or item.id is None:
                    continue
                if item.id in seen:
                    self.fail(f"{path}.id", f"a unique {kind} id, '{item.id}' is used twice", found=False)
                seen.add(item.id)
            return seen

        def listed(key: str) -> Iterator[tuple[str, Any]]:
            return ((f"$.{key}[{index}]", item) for index, item in enumerate(getattr(report, key)))

        def refs(values: Iterable[str | None] | None, known: set[str], path: Callable[[], str], kind: str) -> None:
            if values and not known.issuperset(values):
                for index, value in enumerate(values):
                    if value is not None and value not in known:
                        self.fail(f"{path()}[{index}]", f"the id of an item in $.{kind}", value)

        def ref(value: str | None, known: set[str], path: str, kind: str) -> None:
            if value is not None and value not in known:
                self.fail(path, f"the id of an item in $.{kind}", value)

        actors = unique(listed("actors"), "actor")
        places = unique(listed("places"), "place")
        sources = unique(listed("sources"), "source")
        events = unique(listed("events"), "event")
        claims = unique(
            (
                (f"$.events[{index}].claims[{number}]", claim)
                for index, event in enumerate(report.events)
                if event is not None
                for number, claim in enumerate(event.claims or ())
            ),
            "claim",
        )
        unique(listed("caveats"), "caveat")

        for path, place in listed("places"):
            if place is not None:
                ref(place.region, places, f"{path}.region", "places")
        for path, source in listed("sources"):
            if source is not None:
                ref(source.affiliation, actors, f"{path}.affiliation", "actors")
        for index, event in enumerate(report.events):
            if event is None:
                continue
            path = f"$.events[{index}]"
            refs(event.actors, actors, lambda path=path: f"{path}.actors", "actors")
            refs(event.places, places, lambda path=path: f"{path}.places", "places")
            for j, attribution in enumerate(event.sources or ()):
                if attribution is not None:
                    ref(attribution.source, sources, f"{path}.sources[{j}].source", "sources")
            for j, relation in enumerate(event.relations or ()):
                if relation is None:
                    continue
                if relation.target is not None and relation.target == event.id:
                    self.fail(f"{path}.relations[{j}].target", "another event's id", relation.target)
                else:
                    ref(relation.target, events, f"{path}.relations[{j}].target", "events")
            if event.time_anchor is not None and event.time_anchor == event.id:
                self.fail(f"{path}.time_anchor", "another event's id", event.time_anchor)
            else:
                ref(event.time_anchor, events, f"{path}.time_anchor", "events")
            for j, quote in enumerate(event.quotes or ()):
                if quote is not None:
                    ref(quote.speaker, actors, f"{path}.quotes[{j}].speaker", "actors")
        for path, caveat in listed("caveats"):
            if caveat is not None:
                refs(caveat.claims, claims, lambda path=path: f"{path}.claims", "events[*].claims")


class _Lists(NamedTuple):
    """The lists of a file being read, checked for references before any :class:`Report` is built."""

    actors: tuple[Actor, ...]
    places: tuple[Place, ...]
    sources: tuple[Source, ...]
    events: tuple[Event, ...]
    caveats: tuple[Caveat, ...]
    not_events: tuple[NotEvent, ...]


def _is_text(value: Any) -> bool:
    """A non-empty string that is not only white space: what :meth:`_Reader.string` accepts."""
    return type(value) is str and value != "" and not value.isspace()


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _quote(value)
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")  # as JSON writes them
    if isinstance(value, int) and value.bit_length() > 200:
        return f"a whole number of about {int(value.bit_length() * math.log10(2))} digits"
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
