"""Markdown (CommonMark): a chronology to paste into an article or a wiki.

The events grouped by the day their likely time falls on, in the order the app shows them; each with its
time and why, summary, who, the sources chain and its quotes verbatim in the report's language; then the
news-reading defaults the times rest on, each with its meaning, the claims and the report's own caveats.
Text from the data is escaped (see :func:`text`), so a quote holding ``*``, ``<b>``, ``---`` or
``www.example.com`` reads as written once rendered, in CommonMark and in GitHub's Markdown (GFM) alike, and
makes no markup: no emphasis, HTML, heading, rule, list, quote, code block, table or link.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import TextIO

from tui.temporal import ResolvedEvent, Timeline
from tui.temporal.labels import moment_label
from tui.view import attribution_chain, default_meaning, default_names, figure, when_plainly, why_plainly

_INLINE = re.compile(r"([\\`*_\[\]<>#|~&])")
_LINE_STARTS = frozenset("-+=")  # a list item, a rule ("---"), a setext underline ("===")
_ORDERED = re.compile(r"^(\d+)([.)])(?=\s|$)")  # "1. " starts a list
# GFM's autolinks: "www." and "scheme://" are found in the source, so an escaped "." or ":" stops them;
# an e-mail address is found in the text once escapes are read, so a word joiner (U+2060, invisible)
# goes before its "@".
_LINKS = re.compile(r"(?i:www)\.|:(?=//)|(?<=[\w.+:-])@")


# Whatever may need escaping or joining (see _escaped): a markup character, the characters of GFM's autolinks
# (any "@" or ":", "www."). A text without them, without a line break or other unprintable character (which
# str.isprintable finds at C speed), without a space at either end and not starting a list, a rule or a
# heading, is its own Markdown: most news text is, and escaping it the long way took 3 to 8 µs a string.
_MAY_NEED_ESCAPING = re.compile(r"[\\`*_\[\]<>#|~&@:]|[wW][wW][wW]\.")


def text(value: str) -> str:
    """Data as Markdown that renders to exactly ``value``, wherever it stands in a line: markup characters
    escaped, lines joined, a leading "-", "+", "=" or "1." kept from starting a list, a rule or a setext
    heading, and GFM's autolinks (``www.``, ``http://``, e-mail addresses) kept from becoming links."""
    if value.isprintable() and not _MAY_NEED_ESCAPING.search(value):
        first, last = value[:1], value[-1:]
        if not (first == " " or last == " " or first in _LINE_STARTS or first.isdigit()):
            return value  # nothing to escape or join (a test checks _escaped agrees)
    return _escaped(value)


def _escaped(value: str) -> str:
    """:func:`text`, the long way: every rule applied in turn."""
    escaped = " ".join(value.strip().splitlines())
    if _INLINE.search(escaped):
        escaped = _INLINE.sub(r"\\\1", escaped)
    if _LINKS.search(escaped):
        escaped = _LINKS.sub(_unlinked, escaped)
    if escaped[:1] in _LINE_STARTS:
        escaped = f"\\{escaped}"
    elif escaped[:1].isdigit():
        escaped = _ORDERED.sub(r"\1\\\2", escaped)
    return escaped


def _unlinked(found: re.Match[str]) -> str:
    mark = found.group()
    return "\u2060@" if mark == "@" else f"{mark[:-1]}\\{mark[-1]}"


def write_markdown(timeline: Timeline, rows: Sequence[ResolvedEvent], out: TextIO, *, shown: str | None = None) -> None:
    report = timeline.report
    document = report.document
    write = _Lines(out)
    said = _Said()
    write(f"# {text(document.headline.text)}", "")
    published = moment_label(document.published.estimate)
    write(
        f"Report {text(document.id)} ({text(document.language)}), published {published} (estimate). "
        f"{text(shown) if shown else str(len(rows)) + (' event' if len(rows) == 1 else ' events')}, in the order "
        "newsline resolves them; each time says whether the report's words make it certain or it is only likely.",
        "",
    )
    named: set[str] = set()
    for heading, group in _by_day(rows):
        write(f"## {heading}", "")
        for row in group:
            write(*_event(timeline, row, said))
            named.update(row.defaults)  # while this event's answers are at hand (100k events: one pass)
    used = [name for name in default_names() if name in named]
    if used:  # each default named above, with what it assumes
        write("## News-reading defaults", "")
        write("A time marked “likely” rests on these readings of how news is written, not on the report's words.", "")
        for name in used:
            write(f"- **{name}**: {text(default_meaning(name))}")
        write("")
    claims = [(row, claim) for row in rows for claim in row.event.claims]
    if claims:
        write("## Claims", "")
        for row, claim in claims:
            said = figure(claim.quantity, claim.unit, claim.qualifier)  # "about 2,000 km", as the app says it
            write(f"- {text(said)}: {text(claim.about)} — “{text(claim.span.text)}” ({text(row.event.summary)})")
        write("")
    shown = {claim.id for _, claim in claims}
    caveats = [caveat for caveat in report.caveats if not caveat.claims or shown.intersection(caveat.claims)]
    if caveats:
        write("## The report's own caveats", "")
        for caveat in caveats:
            write(f"- “{text(caveat.span.text)}” — {text(caveat.note)}")
        write("")
    write.close()


class _Lines:
    """Writes lines to a stream, separated by newlines (none after the last), a thousand or so at a time:
    a call to the stream a line was a tenth of the export's time at 100k events. :meth:`close` writes the
    rest."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.parts: list[str] = []
        self.first = True

    def __call__(self, *lines: str) -> None:
        parts = self.parts
        if self.first and lines:
            self.first = False
            parts.append("\n".join(lines))
        else:
            for line in lines:
                parts.append("\n")
                parts.append(line)
        if len(parts) >= 2048:
            self.close()

    def close(self) -> None:
        self.out.write("".join(self.parts))
        self.parts.clear()


class _Said(dict[str, str]):
    """:func:`text` of each time, reason, set of people and of sources, made once: events share them."""

    def __missing__(self, value: str) -> str:
        if len(self) >= 16384:  # kept for the events near one another
            self.clear()
        found = self[value] = text(value)
        return found


def _event(timeline: Timeline, row: ResolvedEvent, said: _Said) -> list[str]:
    report = timeline.report
    event = row.event
    who = ", ".join(report.actor(actor).name for actor in event.actors) or "—"
    lines = [
        f"### {text(event.summary)}",
        "",
        f"**When:** {said[when_plainly(row)]}  ",
        f"**Why:** {said[why_plainly(row)]}  ",
        f"**Who:** {said[who]}  ",
        f"**Sources:** {said[' → '.join(attribution_chain(report, event))]}",
        "",
    ]
    for quote in event.quotes:
        speaker = report.actor(quote.speaker).name
        lines += [f"> {text(quote.span.text)}", ">", f"> — {text(speaker)} ({quote.mode})", ""]
    return lines


def _by_day(rows: Sequence[ResolvedEvent]) -> list[tuple[str, list[ResolvedEvent]]]:
    """Groups of events by the days their likely time spans, in the order the app shows them: each group where
    its first event comes in display order (the Kyiv defeat, shown first, opens the chronology), display
    order within."""
    groups: dict[tuple[date | None, date | None], list[ResolvedEvent]] = {}
    days: dict[tuple[datetime | None, datetime | None], tuple[date | None, date | None]] = {}  # events share bounds
    for row in rows:
        bounds = row.likely_bounds  # not row.likely: its label and explanation are not needed here
        key = days.get(bounds)
        if key is None:
            if len(days) >= 16384:  # kept for the events near one another
                days.clear()
            earliest, latest = bounds
            key = days[bounds] = (
                earliest.date() if earliest is not None else None,
                _last_day(latest) if latest is not None else None,
            )
        groups.setdefault(key, []).append(row)
    return [(_heading(*key), group) for key, group in groups.items()]  # a dict keeps the order of first rows


def _last_day(latest: datetime) -> date:
    """The last day an interval touches; its end is exclusive at midnight."""
    at_midnight = (latest.hour, latest.minute, latest.second) == (0, 0, 0)
    return (latest - timedelta(minutes=1)).date() if at_midnight else latest.date()


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def _heading(first: date | None, last: date | None) -> str:
    if first and last:
        if first == last:
            return _day(first)
        return f"{_day(first)} – {_day(last)}"
    if first:
        return f"From {_day(first)}"
    if last:
        return f"By {_day(last)}: no earlier bound in the report"
    return "Undated"
