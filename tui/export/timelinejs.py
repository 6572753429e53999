"""TimelineJS 3 JSON: a title slide with the report's headline, then one slide per event.

Times: TimelineJS builds its dates in the viewer's time zone from the parts it is given, so each bound is
given as wall-clock parts in the report's own zone. Converting to UTC would move "Thu 8 Sep 00:00 +03:00"
to Wed 7 Sep for every viewer.

TimelineJS silently drops a slide without a ``start_date``, and most events in a news report have no
earliest bound (the report says only that they happened by its publication). None is dropped: such an
event is placed at the latest moment it can lie — the one bound the report gives — and its
``display_date`` says so plainly, so no reader takes the marker for a date.

Text: every text from the report is escaped for what TimelineJS 3 (3.9.11 read) does to the field that
holds it, so it shows as written and never runs as markup; see :func:`html_text` and :func:`html_label`,
the one place this is decided. Every slide says ``"autolink": false``: TimelineJS's auto-linker rewrites
``www.…`` and ``http://…`` runs of a slide's text into ``<a href='…'>`` after its sanitiser has run and
would rebuild a ``'`` of the data into the end of that attribute (``www.a'onmouseover='…'`` became an
event handler), and it shortens a link's text, so the text would no longer read as written.
``unique_id`` is the event's id, which the loader keeps to ``[a-z0-9-]``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime
from html import escape
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import TextIO

from tui.temporal import ResolvedEvent, Timeline
from tui.temporal.labels import moment_label
from tui.view import attribution_chain, default_meaning, when_plainly

HEADLINE_LENGTH = 60


def write_timelinejs(
    timeline: Timeline, rows: Sequence[ResolvedEvent], out: TextIO, *, shown: str | None = None
) -> None:
    """One JSON document, written some hundred slides at a time: the same text ``json.dumps`` makes of the
    whole, each slide's written from pieces escaped once (see :func:`_slide`)."""
    report = timeline.report
    document = report.document
    published = moment_label(document.published.estimate)
    title_text = (
        f"<p>Report {html_text(document.id)} ({html_text(document.language)}), published {html_text(published)} "
        f"(estimate). {html_text(shown) if shown else str(len(rows)) + (' event' if len(rows) == 1 else ' events')}, "
        "placed by newsline from the report's own words.</p>"
    )
    title = {"text": {"headline": html_text(document.headline.text), "text": title_text}, "autolink": False}
    parts = [f'{{"title":{_json(title)},"events":[']
    said, moments = (_Said(html_text), _Said(html_label)), _Moments()
    for index, row in enumerate(rows):
        if index:
            parts.append(",")
        parts.append(_slide(timeline, row, *said, moments))
        if len(parts) >= 512:  # written some hundred slides at a time
            out.write("".join(parts))
            parts.clear()
    parts.append("]}\n")
    out.write("".join(parts))


def html_text(value: str) -> str:
    """Text for ``text.headline`` and ``text.text`` (and an attribute value within them), escaped once.

    TimelineJS runs these through DOMPurify, which parses them and serialises them back, and then sets them
    as ``innerHTML`` (the slide, its marker on the time nav, the next and previous buttons). The sanitiser
    decodes the entities and writes ``&``, ``<`` and ``>`` back as entities, so escaped once they stay text;
    ``'`` and ``"`` come back as themselves, harmless in text once the auto-linker is off (see the module).
    """
    return escape(value)


def html_label(value: str) -> str:
    """Text for ``group`` and ``display_date``, escaped twice.

    TimelineJS strips markup from these by parsing them and keeping their text, which decodes entities
    once (``&lt;img …&gt;`` becomes ``<img …>``), then sets the result as ``innerHTML`` (the side's label on
    the time nav, the slide's date, the next and previous buttons): escaped once, a label would run.
    """
    return escape(escape(value, quote=False), quote=False)


def _json(value: object) -> str:
    return _ENCODE(value)


# json.dumps with these options builds a new encoder at each call: made once, for the title.
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _inner(value: str) -> str:
    """A string as JSON writes it (``json.dumps(value, ensure_ascii=False)``), without its quotes. JSON escapes
    a string a character at a time, so a string's is the concatenation of its pieces'."""
    return encode_basestring(value)[1:-1]


class _Said(dict[str, str]):
    """A field's escaping of each time, reason, set of people and of sources, then as JSON writes it
    (:func:`_inner`), made once: events share them."""

    def __init__(self, escaped: Callable[[str], str]) -> None:
        super().__init__()
        self.escaped = escaped

    def __missing__(self, value: str) -> str:
        if len(self) >= 16384:  # kept for the events near one another
            self.clear()
        found = self[value] = _inner(self.escaped(value))
        return found


class _Moments(dict[tuple[datetime, object], str]):
    """A date's wall-clock parts as JSON (see :func:`_parts`), made once: events share their bounds. By the date
    and its zone: equal dates in two zones (a bound, the publication's latest) have different parts."""

    def __missing__(self, key: tuple[datetime, object]) -> str:
        if len(self) >= 16384:
            self.clear()
        found = self[key] = _ENCODE(_parts(key[0]))
        return found


def _slide(timeline: Timeline, row: ResolvedEvent, text: _Said, label: _Said, moments: _Moments) -> str:
    """The event's slide, as ``_json`` writes the dictionary ``{"unique_id", "start_date", "display_date",
    "text": {"headline", "text"}, "group", "autolink": false[, "end_date"]}``, from its pieces."""
    report = timeline.report
    event = row.event
    likely = row.likely
    start, end = likely.earliest, likely.latest
    display = when_plainly(row)
    if start is None:
        # No earliest bound: the marker stands at the latest the event can be, and says it is no date.
        start, end = end or report.document.published.latest, None
        display = f"{display} · shown at the latest it can be, {moment_label(start)}"
    slide = (
        f'{{"unique_id":{encode_basestring(event.id)},"start_date":{moments[start, start.tzinfo]},'
        f'"display_date":"{label[display]}",'
        f'"text":{{"headline":"{_inner(html_text(_short(event.summary)))}","text":"{_body(timeline, row, text)}"}},'
        f'"group":"{label[_side(timeline, row)]}","autolink":false'
    )
    if end is not None and end > start:
        return f'{slide},"end_date":{moments[end, end.tzinfo]}}}'
    return f"{slide}}}"


def _parts(moment: datetime) -> dict[str, int]:
    """Wall-clock parts in the moment's own zone (the report's): what TimelineJS reads as a local time."""
    return {
        "year": moment.year,
        "month": moment.month,
        "day": moment.day,
        "hour": moment.hour,
        "minute": moment.minute,
    }


def _short(summary: str) -> str:
    if len(summary) <= HEADLINE_LENGTH:
        return summary
    cut = summary[: HEADLINE_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return f"{cut}…"


def _side(timeline: Timeline, row: ResolvedEvent) -> str:
    """The event's side, one row of the time nav each: its first actor's, else its original source's."""
    report = timeline.report
    event = row.event
    if event.actors:
        return report.side_labels[report.actor(event.actors[0]).side]
    origin = report.source(event.sources[0].source) if event.sources else None
    if origin is not None and origin.affiliation:
        return report.side_labels[report.actor(origin.affiliation).side]
    return "The report"


def _body(timeline: Timeline, row: ResolvedEvent, said: _Said) -> str:
    """The slide's text, as JSON writes it without its quotes (:func:`_inner`)."""
    report = timeline.report
    event = row.event
    parts = [f"<p>{_inner(html_text(event.summary))}</p>"]
    who = ", ".join(report.actor(actor).name for actor in event.actors)
    if who:
        parts.append(f"<p><b>Who:</b> {said[who]}</p>")
    parts.append(f"<p><b>Why this time:</b> {said[row.likely.explanation]}</p>")
    if row.defaults:  # each default with what it assumes
        defaults = "; ".join(f"{name} ({default_meaning(name)})" for name in row.defaults)
        parts.append(f"<p><b>Likely by default:</b> {said[defaults]}</p>")
    parts.append(f"<p><b>Sources:</b> {said[' → '.join(attribution_chain(report, event))]}</p>")
    for quote in event.quotes:
        speaker = report.actor(quote.speaker).name
        language = _inner(html_text(report.document.language))
        parts.append(f'<blockquote lang=\\"{language}\\">{_inner(html_text(quote.span.text))}</blockquote>')
        parts.append(f"<p>— {_inner(html_text(speaker))}</p>")
    return "".join(parts)
