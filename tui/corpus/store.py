"""The corpus store: one embedded DuckDB file (``newsline.duckdb`` by default) holding every report added, its
events file, and its events read for the corpus — both layers of their time, their actors, places, sources,
quotes and claims — with the story each event belongs to.

The schema (``SCHEMA`` below is the one declaration; ``newsline corpus --help`` and the README show it):

``reports``        one row a report: ``key`` (the content hash of its file), ``name``, ``outlet``, ``url``,
                   ``published`` (ISO 8601 as given, NULL when unknown), ``headline``, ``events_json`` (the events
                   file, as ``newsline draft`` writes it: UTF-8, zlib-compressed), ``added``
``events``         one row an event: ``report``, ``id`` (its id in the report), ``kind``, ``summary``, ``text``,
                   ``certain_earliest``/``certain_latest``/``likely_earliest``/``likely_latest`` (minutes since
                   1970-01-01 UTC, NULL where the layer leaves a side open or the publication is unknown),
                   ``certain_label``, ``likely_label``, ``dated``, ``story``
``event_actors``   ``report``, ``event``, ``actor`` (display name) — who an event involves
``event_places``   ``report``, ``event``, ``place``
``event_sources``  ``report``, ``event``, ``position`` (0 = the origin), ``label`` — its attribution chain
``quotes``         ``report``, ``event``, ``position``, ``speaker``, ``mode``, ``text`` (verbatim)
``claims``         ``report``, ``event``, ``position``, ``quantity``, ``unit``, ``about``, ``text``, ``qualifier``
``event_words``    ``report``, ``event``, ``word`` — the content words matching reads an event by
                   (:func:`tui.corpus.identity.event_words`), so that an added report's neighbours are found
                   in the store as matching the whole corpus at once would find them

A report is written in one transaction with all its rows, so it is in the store whole or not at all; a report
whose key is there already is not added again (``corpus add`` is resumable). Rows go in by column
(``unnest``), not one statement a row: DuckDB's ``executemany`` takes seconds for what this takes milliseconds.

DuckDB is imported on first use (never before the app's first screen).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.corpus.records import ClaimRecord, Drafted, EventRecord, QuoteRecord

if TYPE_CHECKING:
    import duckdb

DEFAULT_STORE = "newsline.duckdb"
SCHEMA_VERSION = "3"  # 2: events_json compressed; 3: event_words (a store of version 2 is brought to 3)
STORING_MEMORY = "32MB"  # DuckDB's memory limit while corpus add stores its batches (see Store.storing)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS reports (
    key VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    outlet VARCHAR,
    url VARCHAR,
    published VARCHAR,
    headline VARCHAR NOT NULL,
    events_json BLOB NOT NULL,
    added TIMESTAMPTZ NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    report VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    summary VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    certain_earliest DOUBLE,
    certain_latest DOUBLE,
    likely_earliest DOUBLE,
    likely_latest DOUBLE,
    certain_label VARCHAR NOT NULL,
    likely_label VARCHAR NOT NULL,
    dated BOOLEAN NOT NULL,
    story BIGINT,
    PRIMARY KEY (report, id)
);
CREATE TABLE IF NOT EXISTS event_actors (report VARCHAR NOT NULL, event VARCHAR NOT NULL, actor VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS event_places (report VARCHAR NOT NULL, event VARCHAR NOT NULL, place VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS event_sources (
    report VARCHAR NOT NULL, event VARCHAR NOT NULL, position INTEGER NOT NULL, label VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS quotes (
    report VARCHAR NOT NULL, event VARCHAR NOT NULL, position INTEGER NOT NULL,
    speaker VARCHAR NOT NULL, mode VARCHAR NOT NULL, text VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS claims (
    report VARCHAR NOT NULL, event VARCHAR NOT NULL, position INTEGER NOT NULL,
    quantity DOUBLE NOT NULL, unit VARCHAR NOT NULL, about VARCHAR NOT NULL, text VARCHAR NOT NULL, qualifier VARCHAR
);
CREATE TABLE IF NOT EXISTS event_words (report VARCHAR NOT NULL, event VARCHAR NOT NULL, word VARCHAR NOT NULL);
CREATE INDEX IF NOT EXISTS event_actors_actor ON event_actors (actor);
"""

_EVENT_COLUMNS = (
    "report, id, kind, summary, text, certain_earliest, certain_latest, likely_earliest, likely_latest, "
    "certain_label, likely_label, dated"
)


class StoreError(Exception):
    """The store cannot be opened or is not a newsline corpus: the message names the file and what was
    expected."""


@dataclass(frozen=True, slots=True)
class ReportRow:
    """A report of the corpus as listed: its key, file name, outlet, address, publication and headline."""

    key: str
    name: str
    outlet: str | None
    url: str | None
    published: str | None
    headline: str
    events: int


class Store:
    """An open corpus store. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: Path | str = DEFAULT_STORE, *, read_only: bool = False) -> None:
        self.path = Path(path)
        try:
            import duckdb
        except ImportError as error:  # pragma: no cover - a dependency of the package
            raise StoreError(f"{self.path}: DuckDB is not installed ({error}); reinstall newsline.") from None
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no corpus store here; add reports with 'newsline corpus add'.")
        if self.path.exists() and not self.path.is_file():
            raise StoreError(f"{self.path}: not a regular file; expected a newsline corpus store (DuckDB).")
        self._out_of_memory = duckdb.OutOfMemoryException
        self._lean = False  # DuckDB's memory capped (while storing)
        try:
            self.connection: duckdb.DuckDBPyConnection = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as error:
            raise StoreError(
                f"{self.path}: cannot be opened as a corpus store ({_first_line(error)}); expected a DuckDB "
                "file written by 'newsline corpus add'."
            ) from None
        try:
            if not read_only:
                self.connection.execute(SCHEMA)
                self.connection.execute(
                    "INSERT INTO meta VALUES ('newsline-corpus', ?) ON CONFLICT DO NOTHING", [SCHEMA_VERSION]
                )
            found = self.connection.execute("SELECT value FROM meta WHERE key = 'newsline-corpus'").fetchone()
            if found is not None and found[0] == "2" and not read_only:
                self._words_for_version_2()
                found = (SCHEMA_VERSION,)
        except duckdb.Error:
            found = None
        readable = (SCHEMA_VERSION, "2") if read_only else (SCHEMA_VERSION,)  # version 2 lacks only event_words
        if found is None or found[0] not in readable:
            self.connection.close()
            raise StoreError(
                f"{self.path}: not a newsline corpus store of schema version {SCHEMA_VERSION}; expected a file "
                "written by 'newsline corpus add' (or a new file name)."
            )

    def _words_for_version_2(self) -> None:
        """A store of schema version 2 has no ``event_words``: they are read from its events, 64 reports at a
        time (memory follows them, not the store), in one transaction with the new version."""
        from tui.corpus.identity import event_words

        connection = self.connection
        reports = [key for (key,) in connection.execute("SELECT key FROM reports ORDER BY key").fetchall()]
        connection.execute("BEGIN TRANSACTION")
        try:
            for start in range(0, len(reports), 64):
                events = self.events(keys=self.event_keys(reports[start : start + 64]), evidence=False)
                _insert(connection, "event_words", _columns(
                    (e.report, e.id, word) for e in events for word in sorted(event_words(e))), 3)  # fmt: skip
            connection.execute("UPDATE meta SET value = ? WHERE key = 'newsline-corpus'", [SCHEMA_VERSION])
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    # -- writing -----------------------------------------------------------------------------------------

    def known(self, keys: Iterable[str]) -> set[str]:
        """Which of these report keys the store holds already."""
        keys = list(keys)
        if not keys:
            return set()
        rows = self.connection.execute("SELECT key FROM reports WHERE list_contains(?, key)", [keys]).fetchall()
        return {key for (key,) in rows}

    def add(self, drafted: Sequence[Drafted]) -> int:
        """Store these drafted reports, each whole (one transaction for the batch): those whose key is
        there already, or that could not be drafted, are left out. How many were stored."""
        fresh = [item for item in drafted if item.error is None]
        known = self.known(item.key for item in fresh)
        seen: set[str] = set()
        kept = []
        for item in fresh:
            if item.key not in known and item.key not in seen:
                seen.add(item.key)
                kept.append(item)
        if not kept:
            return 0
        try:
            self._write(kept)
        except self._out_of_memory:
            if not self._lean:
                raise
            self.connection.execute("RESET memory_limit")  # a batch larger than the cap: stored without it
            self._lean = False
            self._write(kept)
        return len(kept)

    @contextmanager
    def storing(self) -> Iterator[None]:
        """While adding reports: DuckDB's memory capped at :data:`STORING_MEMORY` (its cache of the tables
        written otherwise grows with the store: +45 % peak for 4x the reports before, +10 % with the cap), and
        left as DuckDB sets it after (the matching's queries read much of the store)."""
        try:
            self.connection.execute(f"SET memory_limit = '{STORING_MEMORY}'")
            self._lean = True
        except self._out_of_memory:
            pass  # DuckDB holds more than the cap already (a large store just read): stored without it
        try:
            yield
        finally:
            self.connection.execute("RESET memory_limit")
            self._lean = False

    def _write(self, kept: list[Drafted]) -> None:
        from tui.corpus.identity import event_words

        now = datetime.now(UTC)
        events = [event for item in kept for event in item.events]
        connection = self.connection
        connection.execute("BEGIN TRANSACTION")
        try:
            _insert(connection, "reports", [
                [item.key for item in kept], [item.name for item in kept], [item.outlet for item in kept],
                [item.url for item in kept], [item.published for item in kept], [item.headline for item in kept],
                [_pack(item.events_json) for item in kept], [now] * len(kept),
            ])  # fmt: skip
            _insert(connection, "events (" + _EVENT_COLUMNS + ")", [
                [e.report for e in events], [e.id for e in events], [e.kind for e in events],
                [e.summary for e in events], [e.text for e in events], [e.certain_earliest for e in events],
                [e.certain_latest for e in events], [e.likely_earliest for e in events],
                [e.likely_latest for e in events], [e.certain_label for e in events],
                [e.likely_label for e in events], [e.dated for e in events],
            ])  # fmt: skip
            _insert(connection, "event_actors", _columns((e.report, e.id, a) for e in events for a in e.actors), 3)
            _insert(connection, "event_places", _columns((e.report, e.id, p) for e in events for p in e.places), 3)
            _insert(connection, "event_sources", _columns(
                (e.report, e.id, n, label) for e in events for n, label in enumerate(e.sources)), 4)  # fmt: skip
            _insert(connection, "quotes", _columns(
                (e.report, e.id, n, q.speaker, q.mode, q.text)
                for e in events for n, q in enumerate(e.quotes)), 6)  # fmt: skip
            _insert(connection, "claims", _columns(
                (e.report, e.id, n, c.quantity, c.unit, c.about, c.text, c.qualifier)
                for e in events for n, c in enumerate(e.claims)), 8)  # fmt: skip
            _insert(connection, "event_words", _columns(
                (e.report, e.id, word) for e in events for word in sorted(event_words(e))), 3)  # fmt: skip
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise

    def set_stories(self, stories: dict[tuple[str, str], int]) -> None:
        """Record the story of every event (see :func:`tui.corpus.identity.stories`)."""
        if not stories:
            return
        keys = list(stories)
        connection = self.connection
        connection.execute("BEGIN TRANSACTION")
        try:
            connection.execute("CREATE TEMP TABLE IF NOT EXISTS story_of (report VARCHAR, id VARCHAR, story BIGINT)")
            connection.execute("DELETE FROM story_of")
            _insert(connection, "story_of", [[r for r, _ in keys], [i for _, i in keys], list(stories.values())])
            connection.execute(
                "UPDATE events SET story = story_of.story FROM story_of "
                "WHERE events.report = story_of.report AND events.id = story_of.id"
            )
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise

    # -- reading -----------------------------------------------------------------------------------------

    def reports(self) -> list[ReportRow]:
        """Every report, by publication (unknown last), then name."""
        rows = self.connection.execute(
            "SELECT r.key, r.name, r.outlet, r.url, r.published, r.headline, count(e.id) FROM reports r "
            "LEFT JOIN events e ON e.report = r.key GROUP BY ALL ORDER BY r.published NULLS LAST, r.name, r.key"
        ).fetchall()
        return [ReportRow(*row) for row in rows]

    def events_json(self, key: str) -> str:
        """The events file of one report, as stored."""
        found = self.connection.execute("SELECT events_json FROM reports WHERE key = ?", [key]).fetchone()
        if found is None:
            raise KeyError(key)
        return zlib.decompress(found[0]).decode("utf-8")

    def count(self, table: str = "events") -> int:
        if table not in ("reports", "events", "event_actors", "quotes", "claims", "event_sources", "event_words"):
            raise ValueError(table)
        return self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # type: ignore[index]

    def events(
        self,
        *,
        actor: str | None = None,
        outlet: str | None = None,
        report: str | None = None,
        keys: Sequence[tuple[str, str]] | None = None,
        evidence: bool = True,
    ) -> list[EventRecord]:
        """The events of the corpus (optionally only those one actor is involved in, of one outlet, of one
        report, or those of the (report, id) ``keys``), with everything a record holds, in (report, event)
        order; without ``evidence``, their quotes and claims are left out (matching reads neither)."""
        where, parameters = [], []
        connection = self.connection
        if keys is not None:
            if not keys:
                return []
            connection.execute("CREATE TEMP TABLE IF NOT EXISTS asked (report VARCHAR, id VARCHAR)")
            connection.execute("DELETE FROM asked")
            _insert(connection, "asked", [[r for r, _ in keys], [i for _, i in keys]])
            where.append("(e.report, e.id) IN (SELECT report, id FROM asked)")
        if actor is not None:
            where.append("(e.report, e.id) IN (SELECT report, event FROM event_actors WHERE actor = ?)")
            parameters.append(actor)
        if outlet is not None:
            where.append("r.outlet = ?")
            parameters.append(outlet)
        if report is not None:
            where.append("e.report = ?")
            parameters.append(report)
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        rows = connection.execute(
            f"SELECT e.report, e.id, e.kind, e.summary, e.text, e.certain_earliest, e.certain_latest, "
            f"e.likely_earliest, e.likely_latest, e.certain_label, e.likely_label, e.dated, r.outlet "
            f"FROM events e JOIN reports r ON r.key = e.report {clause} ORDER BY e.report, e.id",
            parameters,
        ).fetchall()
        if not rows:
            return []
        connection.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (report VARCHAR, id VARCHAR)")
        connection.execute("DELETE FROM wanted")
        _insert(connection, "wanted", [[row[0] for row in rows], [row[1] for row in rows]])
        by_key: dict[str, dict[tuple[str, str], list[Any]]] = {}
        tables = [("event_actors", "actor"), ("event_places", "place"), ("event_sources", "label")]
        by_key["quotes"] = by_key["claims"] = {}
        if evidence:
            tables += [("quotes", "speaker, mode, text"), ("claims", "quantity, unit, about, text, qualifier")]
        for table, columns in tables:
            order = "t.actor" if table == "event_actors" else "t.place" if table == "event_places" else "t.position"
            found = by_key[table] = {}
            for report_key, event_id, *values in connection.execute(
                f"SELECT t.report, t.event, {', '.join('t.' + c.strip() for c in columns.split(','))} FROM {table} t "
                f"SEMI JOIN wanted w ON w.report = t.report AND w.id = t.event ORDER BY t.report, t.event, {order}"
            ).fetchall():
                found.setdefault((report_key, event_id), []).append(values[0] if len(values) == 1 else values)
        actors, places, sources = by_key["event_actors"], by_key["event_places"], by_key["event_sources"]
        quotes, claims = by_key["quotes"], by_key["claims"]
        records = []
        for row in rows:
            key = (row[0], row[1])
            records.append(
                EventRecord(
                    report=row[0], id=row[1], kind=row[2], summary=row[3], text=row[4],
                    actors=tuple(actors.get(key, ())), places=tuple(places.get(key, ())),
                    sources=tuple(sources.get(key, ())),
                    certain_earliest=row[5], certain_latest=row[6], likely_earliest=row[7], likely_latest=row[8],
                    certain_label=row[9], likely_label=row[10],
                    claims=tuple(ClaimRecord(*values) for values in claims.get(key, ())),
                    quotes=tuple(QuoteRecord(*values) for values in quotes.get(key, ())),
                    dated=row[11], outlet=row[12],
                )
            )  # fmt: skip
        return records

    def neighbours(self, reports: Sequence[str], slack: float, per_story: int, block: int) -> list[tuple[str, str]]:
        """The matched events of other reports that matching an event of ``reports`` against the store must
        see, as matching the whole corpus at once would find them: those that share a content word with it
        (``event_words``) that no more than ``block`` events of the store hold, unless both are dated and
        their likely intervals lie more than ``slack`` minutes apart (a pair matching refuses) — and of each
        story, the ``per_story`` such events that share the most words with the reports (then the first by
        (report, id)): what scoring against a story needs, however many reports tell it. Events not yet
        matched are left out: they are matched in their own turn, and see these then."""
        if not reports:
            return []
        connection = self.connection
        connection.execute("CREATE TEMP TABLE IF NOT EXISTS added (key VARCHAR)")
        connection.execute("DELETE FROM added")
        _insert(connection, "added", [list(reports)])
        rows = connection.execute(
            """
            WITH mine AS (
                SELECT w.word, e.dated, e.likely_earliest, e.likely_latest
                FROM event_words w JOIN events e ON e.report = w.report AND e.id = w.event
                WHERE w.report IN (SELECT key FROM added)
            ),
            rare AS (
                SELECT word FROM event_words WHERE word IN (SELECT word FROM mine) GROUP BY word HAVING count(*) <= ?
            ),
            found AS (
                SELECT o.report, o.id, o.story, count(DISTINCT w.word) AS shared
                FROM mine m JOIN event_words w ON w.word = m.word
                JOIN events o ON o.report = w.report AND o.id = w.event
                WHERE m.word IN (SELECT word FROM rare) AND o.story IS NOT NULL
                  AND o.report NOT IN (SELECT key FROM added)
                  AND NOT coalesce(m.dated AND o.dated AND (o.likely_earliest - m.likely_latest > ?
                                                            OR m.likely_earliest - o.likely_latest > ?), false)
                GROUP BY o.report, o.id, o.story
            ),
            ranked AS (
                SELECT report, id, row_number() OVER (PARTITION BY story ORDER BY shared DESC, report, id) AS place
                FROM found
            )
            SELECT report, id FROM ranked WHERE place <= ? ORDER BY 1, 2
            """,
            [block, slack, slack, per_story],
        ).fetchall()
        return [(report, event_id) for report, event_id in rows]

    def word_counts(self, words: Iterable[str]) -> tuple[int, dict[str, int]]:
        """How many events the store holds, and how many of them hold each of ``words``: what weighs a word
        in matching (its rarity in the corpus, not in the part of it matched at a time)."""
        connection = self.connection
        connection.execute("CREATE TEMP TABLE IF NOT EXISTS asked_words (word VARCHAR)")
        connection.execute("DELETE FROM asked_words")
        _insert(connection, "asked_words", [sorted(set(words))])
        rows = connection.execute(
            "SELECT word, count(*) FROM event_words SEMI JOIN asked_words a USING (word) GROUP BY word"
        ).fetchall()
        return self.count(), dict(rows)

    def story_terms(self, stories: Sequence[int]) -> dict[int, tuple[frozenset[str], float | None, float | None]]:
        """What an event joining each of ``stories`` must keep: the reports that already tell it (a story
        holds one event of a report), and the common part of its events' certain intervals (None sides open;
        an undated event's bounds are None and constrain nothing)."""
        if not stories:
            return {}
        connection = self.connection
        connection.execute("CREATE TEMP TABLE IF NOT EXISTS asked_stories (story BIGINT)")
        connection.execute("DELETE FROM asked_stories")
        _insert(connection, "asked_stories", [list(stories)])
        rows = connection.execute(
            "SELECT story, list(DISTINCT report), max(certain_earliest), min(certain_latest) FROM events "
            "WHERE story IN (SELECT story FROM asked_stories) GROUP BY story"
        ).fetchall()
        return {story: (frozenset(told), earliest, latest) for story, told, earliest, latest in rows}

    def stories(self, keys: Sequence[tuple[str, str]] | None = None) -> dict[tuple[str, str], int]:
        """The story of every event the matching has placed (or of those of the (report, id) ``keys``)."""
        connection = self.connection
        if keys is None:
            rows = connection.execute("SELECT report, id, story FROM events WHERE story IS NOT NULL").fetchall()
        else:
            connection.execute("CREATE TEMP TABLE IF NOT EXISTS asked (report VARCHAR, id VARCHAR)")
            connection.execute("DELETE FROM asked")
            _insert(connection, "asked", [[r for r, _ in keys], [i for _, i in keys]])
            rows = connection.execute(
                "SELECT e.report, e.id, e.story FROM events e SEMI JOIN asked a ON a.report = e.report AND a.id = e.id "
                "WHERE e.story IS NOT NULL"
            ).fetchall()
        return {(report, event_id): story for report, event_id, story in rows}

    def unmatched_reports(self) -> list[str]:
        """The reports with events not yet matched (an add interrupted after storing them)."""
        rows = self.connection.execute("SELECT DISTINCT report FROM events WHERE story IS NULL ORDER BY 1").fetchall()
        return [report for (report,) in rows]

    def next_story(self) -> int:
        """A story number no event has yet."""
        found = self.connection.execute("SELECT max(story) FROM events").fetchone()
        return 0 if found is None or found[0] is None else found[0] + 1

    def event_keys(self, reports: Sequence[str]) -> list[tuple[str, str]]:
        """The (report, id) of every event of these reports."""
        rows = self.connection.execute(
            "SELECT report, id FROM events WHERE list_contains(?, report) ORDER BY report, id", [list(reports)]
        ).fetchall()
        return [(report, event_id) for report, event_id in rows]

    def actor_events(self, actor: str) -> list[tuple[str, str, float | None, float | None]]:
        """One actor's timeline, straight from the store: (report, event, likely earliest, likely latest) of
        every event it is involved in, by likely earliest (open sides last). Answered from the actor index."""
        return self.connection.execute(
            "SELECT e.report, e.id, e.likely_earliest, e.likely_latest FROM event_actors a "
            "JOIN events e ON e.report = a.report AND e.id = a.event WHERE a.actor = ? "
            "ORDER BY e.likely_earliest NULLS LAST, e.report, e.id",
            [actor],
        ).fetchall()

    def outlet_events(self, outlet: str) -> list[tuple[str, str, float | None, float | None]]:
        """One outlet's events, by likely earliest: (report, event, likely earliest, likely latest)."""
        return self.connection.execute(
            "SELECT e.report, e.id, e.likely_earliest, e.likely_latest FROM reports r "
            "JOIN events e ON e.report = r.key WHERE r.outlet = ? "
            "ORDER BY e.likely_earliest NULLS LAST, e.report, e.id",
            [outlet],
        ).fetchall()


def _columns(rows: Iterator[tuple[Any, ...]]) -> list[list[Any]]:
    return [list(column) for column in zip(*rows, strict=True)]


def _pack(events_json: str) -> bytes:
    """A report's events file as stored: UTF-8, zlib-compressed (a tenth of the size): DuckDB's cache of the
    tables written grows with what is stored, and the files were most of it (see :meth:`Store.storing`)."""
    return zlib.compress(events_json.encode("utf-8"), 6)


def _insert(connection: duckdb.DuckDBPyConnection, table: str, columns: list[list[Any]], width: int = 0) -> None:
    """Insert rows given by column, in one statement."""
    if not columns or not columns[0]:
        return
    unnests = ", ".join(f"unnest(${n})" for n in range(1, len(columns) + 1))
    connection.execute(f"INSERT INTO {table} SELECT {unnests}", columns)


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
