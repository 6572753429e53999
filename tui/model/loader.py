"""Load and validate an events file into a :class:`~tui.model.report.Report`.

The loader reads the file once, never writes to it, and checks the whole of it before it returns: broken
JSON (with line and column), missing or unknown fields, wrong types, values outside their vocabulary,
unknown or duplicate ids and spans that do not match the report's text. Every problem found is reported
at once in one :class:`ReportError`, each naming its JSON path and what was expected.

One reader, from the one declaration of the format (:mod:`tui.model.report`): msgspec decodes the file
straight into its records and validates each as it goes, in one pass over the bytes; what the types cannot
say (a span's text against the document's, a text of white space alone, a side the file does not declare)
is checked as each record is decoded (:class:`_Reading`), and the references once it is whole. msgspec stops
at the first problem and words it its own way, so a file it refuses is read again, only to word every
problem as newsline always has: :class:`_Wording` walks the same declaration over the parsed JSON (a thin
layer: it knows the types, not the fields; the wording of each constraint is in the declaration).

It is total: whatever the file holds (nesting too deep for the parser, integers too long, lone surrogates,
NaN, any value at any place), loading ends in a report or a :class:`ReportError`, never another exception
(tests/model/test_loader.py puts arbitrary JSON at every place of a valid file, and checks both readings agree).
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import UnionType
from typing import Any, Literal, NamedTuple, Union, get_args, get_origin, get_type_hints

from msgspec.structs import force_setattr as _set

from tui import collector
from tui.model.files import EVENTS_LIMIT, UnreadableFile, read_regular_file
from tui.model.report import (
    READING,
    SIDES,
    Attribution,
    Document,
    Event,
    Moment,
    Publication,
    Relation,
    Report,
    Span,
)
from tui.printable import printable

SHOWN_PROBLEMS = 50  # in the message; the count says how many there are
KEPT_PROBLEMS = 1_000
SHARED_LENGTH = 40  # strings up to this long are shared between the records that hold them
_BOM = b"\xef\xbb\xbf"


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

    Only a regular file of at most :data:`~tui.model.files.EVENTS_LIMIT` bytes is read. Its bytes are decoded
    as they are (UTF-8, a byte-order mark allowed): no copy of the file as text is made.
    """
    path = Path(path)
    try:
        raw = read_regular_file(path, EVENTS_LIMIT)
    except UnreadableFile as error:
        raise ReportError(path, [], str(error)) from None
    return parse_report(raw, path)


def parse_report(text: str | bytes, path: Path | str = "<string>") -> Report:
    """Parse and validate events JSON given as text (or as its UTF-8 bytes); ``path`` names it in messages.

    Total: whatever the text holds, this returns a report or raises :class:`ReportError`.
    """
    report = decode(text)
    if report is not None:
        return report
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")  # a byte-order mark, as some editors write, is not part of the JSON
        except UnicodeDecodeError as error:
            raise ReportError(path, [], f"not UTF-8 text (byte {error.start})") from None
    data, surrogates = _parse_json(text, path)
    return _word(data, surrogates, path)


# -- the reading: msgspec, into the declared records --------------------------------------------------------

_DECODER: Any = None


def decode(text: str | bytes) -> Report | None:
    """The report the events JSON ``text`` holds, decoded and validated in one pass; None if anything in it
    is wrong (:func:`parse_report` then words every problem)."""
    global _DECODER
    if _DECODER is None:
        import msgspec.json

        _DECODER = msgspec.json.Decoder(Report, dec_hook=_read_custom)
    if isinstance(text, str):
        text = text.removeprefix("\ufeff")
    elif text[:3] == _BOM:
        text = memoryview(text)[3:]  # not a copy of the file
    reading = _Reading()
    token = READING.set(reading.checks)
    try:
        with collector.paused():
            report: Report = _DECODER.decode(text)
            reading.finish(report)
    except Exception:  # msgspec's refusal, or _Refused: the wording says what is wrong
        return None
    finally:
        READING.reset(token)
    return report


def _read_custom(kind: type, value: Any) -> Any:
    if kind is Moment:
        return Moment.read(value)
    raise NotImplementedError(kind)


class _Refused(Exception):
    """A record decoded from the file breaks a rule the types cannot state."""


class _Reading:
    """What the types cannot say, checked as each record is decoded (``Record.__post_init__`` calls the
    check of its kind while this reading is under way), and what records share, shared.

    A span decoded before the document's text (a file whose lists come before its document) waits in
    ``pending`` until the text is known. Short strings (ids, references, cues) and equal lists of actors
    and places are kept once: 100 000 events held "after" 200 000 times, each its own string."""

    def __init__(self) -> None:
        self.text: str | None = None
        self.pending: list[Span] = []
        self.shared: dict[Any, Any] = {}
        self.checks = _Checks({
            Span: self.span,
            Event: self.event,
            Relation: self.relation,
            Attribution: _no_check,  # its source is a reference: finish() resolves it
            Document: self.document,
            Publication: self.publication,
            Report: self.report,
        })  # fmt: skip

    def span(self, span: Span) -> None:
        if self.text is None:
            self.pending.append(span)
            return
        text = span.text
        if not (span.start < span.end <= len(self.text) and self.text[span.start : span.end] == text):
            raise _Refused  # span_problem says what
        if text.isspace():
            raise _Refused
        if len(text) <= SHARED_LENGTH and (shared := self.shared.setdefault(text, text)) is not text:
            _set(span, "text", shared)

    def event(self, event: Event) -> None:
        summary = event.summary
        if summary.isspace() or event.id.endswith("\n"):
            raise _Refused
        same = self.shared.setdefault
        if (actors := same(event.actors, event.actors)) is not event.actors:
            _set(event, "actors", actors)
        if (places := same(event.places, event.places)) is not event.places:
            _set(event, "places", places)
        sources = event.sources
        if len(sources) == 1 and sources[0].cue is None and (shared := same(sources, sources)) is not sources:
            _set(event, "sources", shared)  # the same source with no cue: one record for all
        same(event.id, event.id)  # the relations that name it hold this string

    def relation(self, relation: Relation) -> None:
        target = relation.target
        if (shared := self.shared.setdefault(target, target)) is not target:
            _set(relation, "target", shared)

    def document(self, document: Document) -> None:
        _field_checks(Document)(document)
        self.text = document.text
        pending, self.pending = self.pending, []
        for span in pending:
            self.span(span)

    def publication(self, publication: Publication) -> None:
        _field_checks(Publication)(publication)
        if publication_problem(publication) is not None:
            raise _Refused

    def report(self, report: Report) -> None:
        sides = report.side_labels
        if report.sides is not None and len(sides) != len(report.sides):
            raise _Refused  # a side declared twice
        if any(actor.side not in sides for actor in report.actors):
            raise _Refused

    def finish(self, report: Report) -> None:
        """The whole file decoded: the spans it held before its document, then every reference."""
        for span in self.pending:
            self.span(span)
        problems = _Problems()
        check_references(report, problems)
        if problems.count:
            raise _Refused


class _Checks(dict):
    """The check of each kind of record (``Record.__post_init__`` calls it), by default its fields'."""

    def __missing__(self, kind: type) -> Callable[[Any], None]:
        check = self[kind] = _field_checks(kind)
        return check


def _no_check(record: Any) -> None:
    pass


_FIELD_CHECKS: dict[type, Callable[[Any], None]] = {}


def _field_checks(kind: type) -> Callable[[Any], None]:
    """What the schema does not say of ``kind``'s string fields: a text is not white space alone, and a
    pattern matches the whole value (msgspec, like JSON Schema, searches it: Python's ``$`` lets one final
    line break through)."""
    check = _FIELD_CHECKS.get(kind)
    if check is not None:
        return check
    texts, patterned = [], []
    for name, meta in _string_fields(kind):
        if meta.get("pattern"):
            patterned.append(name)
        elif meta.get("min_length"):
            texts.append(name)

    def check(record: Any) -> None:
        for name in texts:
            if getattr(record, name).isspace():
                raise _Refused
        for name in patterned:
            if getattr(record, name).endswith("\n"):
                raise _Refused

    _FIELD_CHECKS[kind] = check
    return check


def _string_fields(kind: type) -> Iterator[tuple[str, dict[str, Any]]]:
    """The fields of ``kind`` that hold one string, each with the constraints its declaration puts on it."""
    from typing import get_type_hints

    for name, hint in get_type_hints(kind, include_extras=True).items():
        constraints: dict[str, Any] = {}
        while hasattr(hint, "__metadata__"):
            for meta in hint.__metadata__:
                constraints.setdefault("pattern", getattr(meta, "pattern", None))
                constraints.setdefault("min_length", getattr(meta, "min_length", None))
            hint = hint.__origin__
        if hint is str:
            yield name, constraints


# -- the rules both readings share ----------------------------------------------------------------------


def span_problem(start: int, end: int, text: str, document: str) -> tuple[str, str, Any] | None:
    """What is wrong with a span of ``document`` (where, relative to the span; what was expected; what was
    found), or None."""
    if end <= start:
        return ".end", f"an offset after start ({start})", end
    if end > len(document):
        return ".end", f"an offset within document.text (length {len(document)})", end
    actual = document[start:end]
    if actual != text:
        return "", f"text equal to document.text[{start}:{end}], which is {_quote(actual)}", text
    return None


def publication_problem(publication: Publication) -> tuple[str, str] | None:
    moments = (publication.earliest, publication.estimate, publication.latest)
    if not moments[0] <= moments[1] <= moments[2]:
        return "earliest ≤ estimate ≤ latest", ", ".join(str(moment) for moment in moments)
    return None


class _Problems:
    """Every problem found, each with its JSON path and what was expected there."""

    def __init__(self) -> None:
        self.problems: list[str] = []  # the first KEPT_PROBLEMS problems found
        self.count = 0  # all of them: a file of a million wrong items must not fill the memory with messages

    def fail(self, path: str, expected: str, value: Any = None, *, found: bool = True) -> _Invalid:
        got = f", found {_describe(value)}" if found else ""
        self.count += 1
        if len(self.problems) < KEPT_PROBLEMS:
            self.problems.append(f"{path}: expected {expected}{got}")
        return _Invalid()


def check_references(report: Any, problems: _Problems) -> None:
    """Ids are unique per list (claims across the file) and every reference resolves. Items that could
    not be read are None, in their place; paths are only written for a problem found."""
    fail = problems.fail

    def unique(items: Iterable[tuple[Any, Any]], kind: str, where: Callable[[Any], str]) -> set[str]:
        seen: set[str] = set()
        for place, item in items:
            if item is None or item.id is None:
                continue
            if item.id in seen:
                fail(f"{where(place)}.id", f"a unique {kind} id, '{item.id}' is used twice", found=False)
            seen.add(item.id)
        return seen

    def listed(key: str) -> set[str]:
        return unique(enumerate(getattr(report, key)), key[:-1], lambda index: f"$.{key}[{index}]")

    def refs(values: Iterable[str | None] | None, known: set[str], path: str, kind: str) -> None:
        for index, value in enumerate(values or ()):
            if value is not None and value not in known:
                fail(f"{path}[{index}]", f"the id of an item in $.{kind}", value)

    def ref(value: str | None, known: set[str], kind: str, path: str, *places: int) -> None:
        if value is not None and value not in known:
            fail(path.format(*places), f"the id of an item in $.{kind}", value)

    actors, places, sources, events = listed("actors"), listed("places"), listed("sources"), listed("events")
    claims = unique(
        (
            ((index, number), claim)
            for index, event in enumerate(report.events)
            if event is not None and event.claims
            for number, claim in enumerate(event.claims)
        ),
        "claim",
        lambda place: f"$.events[{place[0]}].claims[{place[1]}]",
    )
    listed("caveats")

    for index, place in enumerate(report.places):
        if place is not None:
            ref(place.region, places, "places", "$.places[{}].region", index)
    for index, source in enumerate(report.sources):
        if source is not None:
            ref(source.affiliation, actors, "actors", "$.sources[{}].affiliation", index)
    for index, event in enumerate(report.events):
        if event is None:
            continue
        if event.actors and not actors.issuperset(event.actors):
            refs(event.actors, actors, f"$.events[{index}].actors", "actors")
        if event.places and not places.issuperset(event.places):
            refs(event.places, places, f"$.events[{index}].places", "places")
        for j, attribution in enumerate(event.sources or ()):
            if attribution is not None:
                ref(attribution.source, sources, "sources", "$.events[{}].sources[{}].source", index, j)
        for j, relation in enumerate(event.relations or ()):
            if relation is None:
                continue
            if relation.target is not None and relation.target == event.id:
                fail(f"$.events[{index}].relations[{j}].target", "another event's id", relation.target)
            else:
                ref(relation.target, events, "events", "$.events[{}].relations[{}].target", index, j)
        if event.time_anchor is not None and event.time_anchor == event.id:
            fail(f"$.events[{index}].time_anchor", "another event's id", event.time_anchor)
        else:
            ref(event.time_anchor, events, "events", "$.events[{}].time_anchor", index)
        for j, quote in enumerate(event.quotes or ()):
            if quote is not None:
                ref(quote.speaker, actors, "actors", "$.events[{}].quotes[{}].speaker", index, j)
    for index, caveat in enumerate(report.caveats):
        if caveat is not None and caveat.claims and not claims.issuperset(caveat.claims):
            refs(caveat.claims, claims, f"$.caveats[{index}].claims", "events[*].claims")


# -- the wording: every problem of a refused file, in newsline's words ---------------------------------------


def _parse_json(text: str, path: Path | str) -> tuple[Any, bool]:
    """The parsed JSON, and whether it may hold a lone surrogate (a \\u escape can put one there)."""
    text = text.removeprefix("\ufeff")
    try:
        with collector.paused():
            data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReportError(path, [], f"not valid JSON: line {error.lineno}, column {error.colno}: {error.msg}") from None
    except RecursionError:
        raise ReportError(path, [], "not valid JSON for newsline: arrays or objects nested too deeply") from None
    except ValueError as error:  # an integer longer than Python converts (4 300 digits by default)
        raise ReportError(path, [], f"not valid JSON for newsline: {_first_clause(error)}") from None
    return data, _SURROGATE.search(text) is not None


def _word(data: Any, surrogates: bool, path: Path | str) -> Report:
    """Read the parsed JSON ``data`` against the declaration, wording every problem; the report if there is
    none (a file msgspec refused for a reason the format does not have, such as a key written twice)."""
    wording = _Wording()
    if surrogates:
        _surrogates(data, "$", wording)
        if wording.problems:
            raise ReportError(path, wording.problems, count=wording.count)
    with collector.paused():
        report = wording.report(data)
    if wording.count or report is None:
        raise ReportError(path, wording.problems, count=wording.count)
    return report


_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]|[\ud800-\udfff]")


def _surrogates(value: Any, path: str, problems: _Problems) -> None:
    """Report every string (or key) holding a lone surrogate: it is not Unicode text, and cannot be shown."""
    stack = [(value, path)]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            _check_surrogates(value, path, problems)
        elif isinstance(value, list):
            stack.extend((item, f"{path}[{index}]") for index, item in reversed(list(enumerate(value))))
        elif isinstance(value, dict):
            for key, item in reversed(value.items()):
                _check_surrogates(key, f"{path} (a key)", problems)
                stack.append((item, f"{path}.{key}"))


def _check_surrogates(text: str, path: str, problems: _Problems) -> None:
    for offset, char in enumerate(text):
        if "\ud800" <= char <= "\udfff":
            found = f"a lone surrogate (\\u{ord(char):04x}) at character {offset}"
            problems.fail(path, f"Unicode text, found {found}", found=False)
            return


def _first_clause(error: Exception) -> str:
    message = str(error).split(";")[0]
    return message[:1].lower() + message[1:]


class _Invalid(Exception):
    """Raised inside the wording to abandon one value after recording its problem."""


class _Wording(_Problems):
    """Reads parsed JSON against the declaration, as msgspec does, but records every problem with its path in
    newsline's words instead of stopping at the first. It knows the kinds of value the declaration's types
    name (a record, an array, a string and its constraints, a vocabulary, a number, a moment), never a field
    by name, except where the format itself orders the reading: the sides before the actors that take them,
    the document's text before any span."""

    def __init__(self) -> None:
        super().__init__()
        self.text: str | None = None
        self.sides: tuple[str, ...] = SIDES

    def read(self, hint: Any, value: Any, path: str) -> Any:
        rules: dict[str, Any] = {}
        if hasattr(hint, "__metadata__"):  # Annotated: the constraints and wording of the declaration
            for meta in hint.__metadata__:
                for rule in ("pattern", "min_length", "ge", "le"):
                    if getattr(meta, rule, None) is not None:
                        rules[rule] = getattr(meta, rule)
                rules.update(getattr(meta, "extra", None) or {})
            hint = hint.__origin__
        origin = get_origin(hint)
        if origin is tuple:
            return self.array(get_args(hint)[0], value, path, non_empty=bool(rules.get("min_length")))
        if origin is Literal:
            return self.choice(get_args(hint), value, path, rules)
        if origin in (Union, UnionType):
            (other,) = [option for option in get_args(hint) if option is not type(None)]
            return None if value is None else self.read(other, value, path)
        if hint is str:
            return self.string(value, path, rules)
        if hint is int:
            return self.integer(value, path, rules)
        if hint is float:
            return self.number(value, path, rules)
        if hint is Moment:
            try:
                return Moment.read(value)
            except ValueError as error:
                raise self.fail(path, str(error), value) from None
        return self.record(hint, value, path)

    def string(self, value: Any, path: str, rules: dict[str, Any]) -> str:
        if rules.get("any string"):
            if not isinstance(value, str):
                raise self.fail(path, rules["expected"], value)
            return value
        if not isinstance(value, str) or not value.strip():
            raise self.fail(path, "a non-empty string", value)
        if rules.get("vocabulary") == "sides":
            if value not in self.sides:
                raise self.fail(path, "one of " + ", ".join(self.sides), value)
        elif "pattern" in rules and re.fullmatch(rules["pattern"].removeprefix("^").removesuffix("$"), value) is None:
            raise self.fail(path, rules["expected"], value)
        return value

    def choice(self, values: tuple[str, ...], value: Any, path: str, rules: dict[str, Any]) -> str:
        if len(values) == 1:  # a constant: the format's name
            if value != values[0]:
                raise self.fail(path, rules["expected"], value)
            return value  # type: ignore[no-any-return]
        if not isinstance(value, str) or not value.strip():
            raise self.fail(path, "a non-empty string", value)
        if value not in values:
            raise self.fail(path, "one of " + ", ".join(values), value)
        return value

    def integer(self, value: Any, path: str, rules: dict[str, Any]) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or value < rules.get("ge", 0):
            raise self.fail(path, "a whole number ≥ 0", value)
        return value

    def number(self, value: Any, path: str, rules: dict[str, Any]) -> float:
        """A finite number: NaN, Infinity and numbers too large for a float (1e400) are refused."""
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise self.fail(path, "a number", value)
        try:
            finite = math.isfinite(value)
        except OverflowError:  # an integer beyond a float's range
            finite = False
        if not finite:
            raise self.fail(path, f"a finite number, at most {sys.float_info.max:.3g} in size", value)
        if not rules.get("ge", -math.inf) <= value <= rules.get("le", math.inf):
            raise self.fail(path, rules["expected"], value)
        return float(value)

    def array(self, item: Any, value: Any, path: str, *, non_empty: bool = False, consume: bool = False) -> tuple:
        """The items read, in place: an item that could not be read is None (its problem is recorded, so
        no report is built), which keeps each item at its index for the messages of the later checks.
        With ``consume``, each parsed item is let go of once read (the top-level lists: the loader's own)."""
        if not isinstance(value, list):
            raise self.fail(path, "an array", value)
        if non_empty and not value:
            raise self.fail(path, "at least one item", value)
        items: list[Any] = []
        for index, element in enumerate(value):
            try:
                items.append(self.read(item, element, f"{path}[{index}]"))
            except _Invalid:
                items.append(None)
            if consume:
                value[index] = None
        return tuple(items)

    def fields(self, kind: type, value: Any, path: str) -> dict[str, Any]:
        """``value`` checked to be an object with the fields of ``kind`` (each one missing or unknown is a
        problem); an object that is not one is abandoned."""
        if not isinstance(value, dict):
            raise self.fail(path, "an object", value)
        declared = _declared(kind)
        for field in declared:
            if field.required and field.key not in value:
                self.fail(f"{path}.{field.key}", "a value (required field is missing)", found=False)
        known = {field.key for field in declared}
        for key in value:
            if key not in known:
                self.fail(f"{path}.{key}", f"no such field (allowed: {', '.join(sorted(known))})", found=False)
        return value

    def record(self, kind: type, value: Any, path: str) -> Any:
        """Every field read, so that all of a record's problems are reported, then the record built. A field
        missing or invalid is None: the record still takes part in the checks of references, and a file
        with any problem never yields a report, so no such record escapes the loader."""
        data = self.fields(kind, value, path)
        declared = _declared(kind)
        values: dict[str, Any] = {}
        if kind is Document:  # the text comes first: every span of the file is checked against it
            (text,) = [field for field in declared if field.name == "text"]
            if text.key not in data:
                raise _Invalid()
            self.text = values["text"] = self.read(text.hint, data[text.key], f"{path}.{text.key}")
        complete = True
        for field in declared:
            if field.name in values:
                continue
            if field.key not in data:
                values[field.name] = None if field.required else field.default
                complete = complete and not field.required
                continue
            try:
                values[field.name] = self.read(field.hint, data[field.key], f"{path}.{field.key}")
            except _Invalid:
                values[field.name], complete = None, False
        record = kind(**values)
        if kind is Span:
            if not complete:
                raise _Invalid()
            if (problem := span_problem(record.start, record.end, record.text, self.text or "")) is not None:
                where, expected, found = problem
                raise self.fail(path + where, expected, found)
        elif kind is Publication and complete and (problem := publication_problem(record)) is not None:
            raise self.fail(path, *problem)
        return record

    def report(self, value: Any) -> Report | None:
        """The report ``value`` holds, its fields read in the order they are declared, every list once the
        document's text is known (without it no span can be checked, and none is read)."""
        try:
            data = self.fields(Report, value, "$")
        except _Invalid:
            return None
        values: dict[str, Any] = {}
        for field in _declared(Report):
            path = f"$.{field.key}"
            listed = field.required and get_origin(field.hint) is tuple  # the lists of the file's records
            if listed and self.text is None:
                return None
            if field.key not in data:
                values[field.name] = () if listed else field.default
                continue
            try:
                if listed:
                    values[field.name] = self.array(get_args(field.hint)[0], data[field.key], path, consume=True)
                else:
                    values[field.name] = self.read(field.hint, data[field.key], path)
            except _Invalid:
                values[field.name] = () if listed else None
            if field.name == "sides" and values["sides"] is not None:  # what an actor's side may be
                declared = [side.id for side in values["sides"] if side is not None]
                self.sides = tuple(dict.fromkeys(declared))
                if len(self.sides) != len(values["sides"]):
                    self.fail(path, "each side declared once", found=False)
        report = Report(**values)
        check_references(report, self)
        return report


class _Field(NamedTuple):
    name: str  # in Python
    key: str  # in the file
    hint: Any  # its type, as declared
    required: bool
    default: Any


_DECLARED: dict[type, tuple[_Field, ...]] = {}


def _declared(kind: type) -> tuple[_Field, ...]:
    """The fields of the record ``kind``, in the order it declares them."""
    declared = _DECLARED.get(kind)
    if declared is None:
        from msgspec import NODEFAULT

        hints = get_type_hints(kind, include_extras=True)
        names, keys, defaults = kind.__struct_fields__, kind.__struct_encode_fields__, kind.__struct_defaults__
        defaults = (NODEFAULT,) * (len(names) - len(defaults)) + defaults
        declared = _DECLARED[kind] = tuple(
            _Field(name, key, hints[name], default is NODEFAULT, None if default is NODEFAULT else default)
            for name, key, default in zip(names, keys, defaults, strict=True)
        )
    return declared


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
