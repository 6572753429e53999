"""CSV (RFC 4180, UTF-8): one row per event, for spreadsheets.

Fields holding commas, double quotes or line breaks are quoted, quotes doubled; lines end in CRLF.
Times are ISO 8601 in the report's zone; an open bound is an empty field.

Rows are written as :func:`csv.writer` writes them (the quoting rule, QUOTE_MINIMAL, is the module's), but a
row that needs no quoting at all — which, in news, is nearly every row — is joined by :class:`Rows` itself:
``csv.writer`` looks at every character of every field in turn (12 µs a row of 17 fields, 1.2 s of the
2.5 s ``export --to csv`` spends writing 100 000 events), where a row's commas can be counted and its
quotes and line breaks looked for at C speed in the joined line. A test checks the two write the same.

Formula injection: a spreadsheet opening the file may read a cell as a formula (``=HYPERLINK(…)`` in a
summary would send the sheet's data away on a click). As OWASP advises ("CSV Injection"), every text
cell (ids, summaries, kinds, actors, sides, sources, labels, defaults and their meanings) that starts with
a character that can open one — ``=``, ``+``, ``-``, ``@``, tab or carriage return, and here also line feed, NUL and the
full-width ``＝ ＋ － ＠`` — gets a single quote ``'`` in front, so spreadsheets read it as text; a program
reading the CSV itself sees that quote and may remove it (see :func:`cell`). Other cells are written as
they are. The ISO 8601 times and the counts, which newsline makes, never start with one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TextIO

from tui.temporal import ResolvedEvent, Timeline
from tui.view import attribution_chain, default_meaning, time_of

COLUMNS = (
    "id",
    "summary",
    "kind",
    "actors",
    "sides",
    "sources",
    "certain_earliest",
    "certain_latest",
    "certain_label",
    "likely_earliest",
    "likely_latest",
    "likely_label",
    "likely_defaults",
    "quotes",
    "claims",
    "likely_defaults_meaning",
    "shown",
)


# What opens a cell as a formula in a spreadsheet, at its start (OWASP's list, with LF, NUL, full-width forms).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0", "＝", "＋", "－", "＠")


def cell(value: str) -> str:
    """A text cell as written, or after a ``'`` if it would start a formula (see the module)."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def write_csv(timeline: Timeline, rows: Sequence[ResolvedEvent], out: TextIO, *, shown: str | None = None) -> None:
    """One row per event; every row's ``shown`` cell says which events the file holds: "27 events", or with
    the app's filters "4 of 27 events · filter: actor Volodymyr Zelensky"."""
    report = timeline.report
    kept = cell(shown or f"{len(rows)} {'event' if len(rows) == 1 else 'events'}")
    writer = Rows(out)
    writer.writerow(COLUMNS)
    iso = _Iso()
    meanings: dict[tuple[str, ...], str] = {}  # events share their defaults: each set said once
    for row in rows:
        event = row.event
        certain_earliest, certain_latest = row.certain_bounds  # and the labels: no column holds an explanation
        likely_earliest, likely_latest = row.likely_bounds
        actors = [report.actor(actor) for actor in event.actors]
        sides = dict.fromkeys(report.side_labels[actor.side] for actor in actors)
        writer.writerow(
            (
                cell(event.id),
                cell(event.summary),
                cell(event.kind),
                cell("; ".join(actor.name for actor in actors)),
                cell("; ".join(sides)),
                cell(" → ".join(attribution_chain(report, event))),
                iso(certain_earliest),
                iso(certain_latest),
                cell(time_of(row.label)),  # a time: the other event of "a day after: …" is not named here
                iso(likely_earliest),
                iso(likely_latest),
                cell(time_of(row.likely_label)),
                cell("; ".join(row.defaults)),
                str(len(event.quotes)),
                str(len(event.claims)),
                _meanings(meanings, row.defaults),
                kept,
            )
        )
    writer.flush()


class Rows:
    """Rows of text fields to ``out`` exactly as ``csv.writer(out, lineterminator="\\r\\n")`` writes them,
    a few hundred rows a write (:meth:`flush` writes the last): a row none of whose fields holds a comma, a
    double quote or a line break is its fields joined by commas, which ``csv.writer`` too would write (but
    for a row of one empty field, which it quotes); any other row is handed to ``csv.writer``."""

    BATCH = 256

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._lines: list[str] = []
        self._spill = io.StringIO()
        self._writer = csv.writer(self._spill, lineterminator="\r\n")

    def writerow(self, fields: Sequence[str]) -> None:
        line = ",".join(fields)
        lines = self._lines
        if (
            line.count(",") == len(fields) - 1
            and '"' not in line
            and "\n" not in line
            and "\r" not in line
            and (line or len(fields) > 1)  # a lone empty field is written "" (an empty line is no row)
        ):
            lines.append(line)
            lines.append("\r\n")
        else:  # some field needs quoting: the csv module's own writer decides how
            spill = self._spill
            spill.seek(0)
            spill.truncate()
            self._writer.writerow(fields)
            lines.append(spill.getvalue())
        if len(lines) >= 2 * self.BATCH:
            self.flush()

    def writerows(self, rows: Iterable[Sequence[str]]) -> None:
        for fields in rows:
            self.writerow(fields)

    def flush(self) -> None:
        """Write the rows not yet written."""
        if self._lines:
            self._out.write("".join(self._lines))
            self._lines.clear()


def _meanings(known: dict[tuple[str, ...], str], defaults: tuple[str, ...]) -> str:
    """The defaults' cell of meanings: "news-cycle: within the 24 h before publication; …"."""
    found = known.get(defaults)
    if found is None:
        found = known[defaults] = cell("; ".join(f"{name}: {default_meaning(name)}" for name in defaults))
    return found


class _Iso(dict[datetime | None, str]):
    """ISO 8601 of a bound, "" for an open one; remembered, as many events share their bounds."""

    def __call__(self, moment: datetime | None) -> str:
        try:
            return self[moment]
        except KeyError:
            found = self[moment] = moment.isoformat() if moment is not None else ""
            return found
