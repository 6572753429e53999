"""Adding reports to a corpus: the manifest, the content key, the one drafting job, and running it on every
core — or on a Dask cluster — into the store.

The job (:func:`draft_entry`) takes a report's bytes, not its path, so that it runs alike in this process, in a
process pool and on a Dask worker that cannot see the user's files; it returns a :class:`Drafted` (the report's
events file and its events read for the corpus) or, for a report that cannot be drafted, the one-paragraph
message saying why — never an exception, so one bad report is reported by name and skipped. A report's key
is the SHA-256 of its file's bytes: a report already in the store is skipped before any drafting, which makes
``corpus add`` resumable. Results are written to the store a batch at a time, each report whole, and no more
than a few batches are drafted ahead of the store, so memory is bounded by the batch, not by the corpus.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import itertools
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.corpus.records import Drafted, Entry
from tui.printable import printable

BATCH = 16  # reports written to the store in one transaction
MANIFEST_LIMIT = 64 * 1024 * 1024
MANIFEST_COLUMNS = ("file", "published", "outlet", "url")


class ClusterUnavailable(RuntimeError):
    """Dask is not installed, or its scheduler cannot be reached: the message says which and what to do."""


class DraftingStopped(RuntimeError):
    """A drafting process stopped (killed, out of memory): the reports drafted until then are stored."""


class ManifestError(ValueError):
    """The manifest cannot be read: the message names the file, the row and what was expected."""


def content_key(data: bytes) -> str:
    """A report's key in the store: the SHA-256 of its file's bytes, in hex (the first 32 digits)."""
    return hashlib.sha256(data).hexdigest()[:32]


def read_manifest(path: Path) -> dict[str, Entry]:
    """The manifest's rows by file (as written, and resolved against the manifest's folder): CSV with a
    header ``file,published,outlet,url``; ``file`` required, the others may be empty."""
    from tui.model.files import UnreadableFile, read_text_file

    try:
        text = read_text_file(path, MANIFEST_LIMIT, "a CSV manifest with the header file,published,outlet,url")
    except UnreadableFile as error:
        raise ManifestError(printable(f"newsline: cannot read the manifest {path}: {error}.")) from None
    rows = csv.reader(io.StringIO(text))
    header = [name.strip().lower() for name in next(rows, [])]
    if "file" not in header or not set(header) <= set(MANIFEST_COLUMNS):
        raise ManifestError(
            printable(
                f"newsline: the manifest {path}, line 1: expected the header 'file,published,outlet,url' (file "
                f"required, the others optional), found {','.join(header)!r}."
            )
        )
    entries: dict[str, Entry] = {}
    for number, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise ManifestError(
                printable(
                    f"newsline: the manifest {path}, line {number}: expected {len(header)} fields, found {len(row)}."
                )
            )
        cells = {name: cell.strip() or None for name, cell in zip(header, row, strict=True)}
        name = cells["file"]
        if name is None:
            raise ManifestError(printable(f"newsline: the manifest {path}, line {number}: the file is empty."))
        published = cells.get("published")
        if published is not None:
            from tui.model.report import read_when

            try:
                read_when(published)
            except ValueError:
                raise ManifestError(
                    printable(
                        f"newsline: the manifest {path}, line {number}: the publication {published!r} is not an "
                        "ISO 8601 date or date-time (2022-09-11, or 2022-09-11T18:00+02:00)."
                    )
                ) from None
        entry = Entry(str((path.parent / name).resolve()), published, cells.get("outlet"), cells.get("url"))
        entries[entry.path] = entry
    return entries


def entries_for(paths: Sequence[Path], manifest: dict[str, Entry] | None = None) -> list[Entry]:
    """The reports to add: each file named, and each ``.txt``/``.json`` file under a folder named (sorted),
    with what the manifest says of it."""
    manifest = manifest or {}
    found: list[Entry] = []
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix.lower() in (".txt", ".text", ".json") and p.is_file())
        else:
            files = [path]
        for file in files:
            found.append(
                manifest.get(str(file.resolve()), Entry(str(file.resolve()))) if manifest else Entry(str(file))
            )
    return found


def draft_entry(entry: Entry, data: bytes, language: str = "fr") -> Drafted:
    """Draft one report (a plain text) or read one events file, resolve it and read its events for the
    corpus. Never raises for a bad report: its :class:`Drafted` carries the message."""
    name = Path(entry.path).name
    key = content_key(data)

    def refused(why: str) -> Drafted:
        return Drafted(key, name, entry.outlet, entry.url, entry.published, error=printable(why))

    try:
        return _drafted(entry, data, language, key, name)
    except _Refused as error:
        return refused(str(error))
    except MemoryError:
        return refused(f"newsline: {entry.path}: too large to draft in the memory available; skipped.")
    except Exception as error:  # a drafter bug on one report must not stop the corpus: say so and go on
        return refused(f"newsline: {entry.path}: could not be drafted ({type(error).__name__}: {error}); skipped.")


class _Refused(Exception):
    pass


def _one_paragraph(message: str, path: str) -> str:
    """The loader's message said in one paragraph: its first line (the file and how many problems), the
    first problem, and where to see them all."""
    first, *problems = message.splitlines()
    if not problems:
        return f"{first.rstrip('.')}; skipped."
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return (
        f"{first.rstrip('.')}: {problems[0].strip()}{more}; skipped ('newsline timeline {path}' lists every "
        "problem; an events file is expected to be in newsline's format)."
    )


def _drafted(entry: Entry, data: bytes, language: str, key: str, name: str) -> Drafted:
    from tui.corpus.reading import event_records
    from tui.model import ReportError, parse_report
    from tui.temporal import resolve

    if Path(entry.path).suffix.lower() == ".json":
        try:
            report = parse_report(data, entry.path)
        except ReportError as error:
            raise _Refused(_one_paragraph(str(error), entry.path)) from None
        events_json = data.decode("utf-8-sig")
    else:
        from tui.draft import draft_report, load_pipeline, published_from
        from tui.draft.files import document_id
        from tui.draft.pipeline import PipelineUnavailable
        from tui.draft.reading import REPORT_LIMIT
        from tui.model.files import decode_text
        from tui.model.save import events_text

        if len(data) > REPORT_LIMIT:
            raise _Refused(f"newsline: {entry.path}: larger than newsline drafts (1 MiB); skipped.")
        try:
            text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n")
        except UnicodeError as error:
            raise _Refused(f"newsline: {entry.path}: {error}; skipped.") from None
        if not text.strip():
            raise _Refused(f"newsline: {entry.path}: it is empty, expected a news report's text; skipped.")
        try:
            publication = published_from(entry.published, language) if entry.published else None
            nlp = load_pipeline(language)
        except (ValueError, PipelineUnavailable) as error:
            raise _Refused(f"newsline: {entry.path}: {error}") from None
        drafted = draft_report(text, nlp, published=publication, language=language, document_id=document_id(Path(name)))
        events_json = events_text(drafted)
        try:
            report = parse_report(events_json, entry.path)
        except ReportError as error:
            raise _Refused(f"newsline: {entry.path}: the draft does not load ({error}); please report this.") from None
    timeline = resolve(report)
    published = report.document.published
    return Drafted(
        key=key,
        name=name,
        outlet=entry.outlet,
        url=entry.url,
        published=published.estimate.isoformat() if published.known else None,
        headline=report.document.headline.text,
        events_json=events_json,
        events=event_records(key, report, timeline, entry.outlet),
    )


@dataclass
class Outcome:
    """What an add did: reports stored, skipped as already there, refused (with their messages)."""

    stored: int = 0
    known: int = 0
    refused: list[str] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)


Progress = Callable[[int], None]  # called with the number of reports just finished


def add_reports(
    store: Any,
    entries: Sequence[Entry],
    *,
    jobs: int = 1,
    scheduler: str | None = None,
    language: str = "fr",
    progress: Callable[[int, int], Progress] | None = None,
    match: bool = True,
) -> Outcome:
    """Draft the reports not yet in ``store`` and store them, on ``jobs`` processes (1: this one) or on the
    Dask cluster at ``scheduler``; then match events across reports (see :mod:`tui.corpus.identity`).
    ``progress(total, known)`` is called once, before drafting, and returns the function told of each report
    finished."""
    from tui.model.files import UnreadableFile, read_regular_file

    outcome = Outcome()
    work: list[tuple[Entry, str]] = []
    keys: dict[str, Entry] = {}
    for entry in entries:
        try:
            key = content_key(read_regular_file(Path(entry.path), _limit(entry)))
        except UnreadableFile as error:
            outcome.unreadable.append(printable(f"newsline: cannot read {entry.path}: {error}; skipped."))
            continue
        if key in keys:
            outcome.known += 1  # the same report twice on the command line
            continue
        keys[key] = entry
        work.append((entry, key))
    there = store.known(keys)
    outcome.known += len(there)
    work = [(entry, key) for entry, key in work if key not in there]
    advance = progress(len(work), outcome.known) if progress else (lambda _done: None)
    batch: list[Drafted] = []
    added: list[str] = []

    def flush() -> None:
        if batch:
            outcome.stored += store.add(batch)
            added.extend(item.key for item in batch)
            batch.clear()

    with store.storing():
        try:
            for drafted in _run(work, jobs=jobs, scheduler=scheduler, language=language):
                if drafted.error is not None:
                    outcome.refused.append(drafted.error)
                else:
                    batch.append(drafted)
                    if len(batch) >= BATCH:
                        flush()
                advance(1)
        except BrokenProcessPool:
            raise DraftingStopped(
                "newsline: a drafting process stopped before its report was done (killed, or out of memory?); "
                "the reports drafted until then are stored: run the same command again to go on."
            ) from None
        finally:  # what was drafted is kept, whatever stopped the drafting (an interrupt too): none drafted twice
            flush()
    if match:
        # The reports just added, and any whose events an interrupted add stored but did not match.
        pending = sorted(set(added) | set(store.unmatched_reports()))
        if pending:
            match_added(store, pending)
    return outcome


MATCH_CHUNK = 64  # reports matched at a time against their neighbours in the store
TELLINGS = 4  # events of a stored story an added event is scored against (those sharing the most words)


def match_added(store: Any, reports: Sequence[str]) -> None:
    """Match the events of the reports just added with each other and with the stories already in the store.

    The reports are taken in the order of their keys, ``MATCH_CHUNK`` at a time — whatever the order their
    drafts came back in, the same stories result — and each chunk is matched (:func:`tui.corpus.identity.stories`)
    together with its neighbours in the store (:meth:`Store.neighbours`: the matched events that share a word
    of the store's inverted index with theirs, not more than a day apart, at most ``TELLINGS`` of a story),
    each word weighed by its count in the whole store (:meth:`Store.word_counts`) — never with the whole
    corpus: memory follows the chunk and the stories that share its words, not how many reports tell them.
    Stories already stored are kept: an added event joins the stored story its cluster shares most events
    with (ties: the lower number), if that story holds no event of its report and its certain intervals keep
    a common point with the event's (:meth:`Store.story_terms`, over all its events); otherwise it starts a
    story of its own (with the other added events of its cluster)."""
    from tui.corpus.identity import BLOCK, MATCHING, Bounds, event_words, intersection, stories

    slack = MATCHING.gap if MATCHING.gap is not None else float("inf")
    ordered = sorted(set(reports))
    for start in range(0, len(ordered), MATCH_CHUNK):
        chunk = ordered[start : start + MATCH_CHUNK]
        added = set(store.event_keys(chunk))
        if not added:
            continue
        near = store.neighbours(chunk, slack, TELLINGS, BLOCK)
        records = store.events(keys=sorted(added | set(near)), evidence=False)
        by_key = {(record.report, record.id): record for record in records}
        stored = {key: number for key, number in store.stories(keys=list(by_key)).items() if key not in added}
        clusters: dict[int, list[tuple[str, str]]] = {}
        counts = store.word_counts(word for record in records for word in event_words(record))
        for key, number in stories(records, focus=added, counts=counts).items():
            clusters.setdefault(number, []).append(key)
        terms = store.story_terms(sorted(set(stored.values())))
        fresh = store.next_story()
        placed: dict[tuple[str, str], int] = {}
        for number in sorted(clusters):
            cluster = sorted(clusters[number])
            new = [key for key in cluster if key in added]
            if not new:
                continue
            shared: dict[int, int] = {}
            for key in cluster:
                if key in stored:
                    shared[stored[key]] = shared.get(stored[key], 0) + 1
            home = None
            for story in sorted(shared, key=lambda story: (-shared[story], story)):
                told, earliest, latest = terms[story]
                joined = [by_key[key] for key, there in placed.items() if there == story] + [by_key[key] for key in new]
                if told & {record.report for record in joined}:
                    continue
                common: Bounds | None = (earliest, latest)
                for record in joined:
                    common = common and intersection(common, (record.certain_earliest, record.certain_latest))
                if common is None:
                    continue  # no common point of the story's certain intervals and the events'
                home = story
                break
            if home is None:
                home, fresh = fresh, fresh + 1
            for key in new:
                placed[key] = home
        store.set_stories(placed)


def rematch(store: Any) -> None:
    """Match every event of the store across reports again, from scratch, and record the stories (the
    development set's measure, and a store whose stories were made by an older matching)."""
    from tui.corpus.identity import stories

    store.set_stories(stories(store.events()))


def _limit(entry: Entry) -> int:
    from tui.draft.reading import REPORT_LIMIT
    from tui.model.files import EVENTS_LIMIT

    return EVENTS_LIMIT if Path(entry.path).suffix.lower() == ".json" else REPORT_LIMIT


def _read(entry: Entry) -> bytes:
    from tui.model.files import read_regular_file

    return read_regular_file(Path(entry.path), _limit(entry))


def _job(entry: Entry, language: str) -> Drafted:
    """The job a local worker runs: read the file there (the pool's processes see the user's files), then
    draft it."""
    from tui.model.files import UnreadableFile

    try:
        data = _read(entry)
    except UnreadableFile as error:
        return _unreadable(entry, str(error))
    return draft_entry(entry, data, language)


def _run(work: list[tuple[Entry, str]], *, jobs: int, scheduler: str | None, language: str) -> Iterator[Drafted]:
    if not work:
        return
    if scheduler is not None:
        yield from _on_dask(work, scheduler, language)
    elif jobs <= 1 or len(work) == 1:
        for entry, _key in work:
            yield _job(entry, language)
    else:
        yield from _on_pool(work, jobs, language)


def _on_pool(work: list[tuple[Entry, str]], jobs: int, language: str) -> Iterator[Drafted]:
    """On ``jobs`` processes, started fresh (spawn: no copy of this process's threads or open store), each
    loading the language pipeline once; no more than two reports a process in flight."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_warm, initargs=(language,)) as pool:
        pending = iter(work)
        running = set()
        for entry, _key in pending:
            running.add(pool.submit(_job, entry, language))
            if len(running) >= 2 * jobs:
                break
        while running:
            done, running = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
                for entry, _key in pending:
                    running.add(pool.submit(_job, entry, language))
                    break


def _warm(language: str) -> None:
    """A worker's start: its pipeline loaded once, before its first report."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from tui.draft import load_pipeline
    from tui.draft.pipeline import PipelineUnavailable

    with contextlib.suppress(PipelineUnavailable):  # each report then says so
        load_pipeline(language)


def _on_dask(work: list[tuple[Entry, str]], address: str, language: str) -> Iterator[Drafted]:
    """On the Dask cluster at ``address``: the same job, given each report's bytes (the workers need not see
    the user's files), a bounded number in flight."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise ClusterUnavailable(
            "newsline: drafting on a Dask cluster (--scheduler) needs Dask's distributed scheduler: install "
            "newsline with its 'cluster' extra (pip install 'newsline[cluster]'), or leave out --scheduler to "
            "draft on this machine's cores."
        ) from None
    from tui.model.files import UnreadableFile

    try:
        client = Client(address, set_as_default=False, timeout="10s")
    except (OSError, TimeoutError, ValueError) as error:
        raise ClusterUnavailable(
            printable(f"newsline: cannot reach the Dask scheduler at {address}: {error}; is it running?")
        ) from None
    with client:
        limit = max(4, 2 * sum(client.nthreads().values()))
        pending = iter(work)

        def submit(entry: Entry) -> Any:
            try:
                data = _read(entry)
            except UnreadableFile as error:
                return client.submit(_unreadable, entry, str(error), pure=False)
            return client.submit(draft_entry, entry, data, language, pure=False)

        first = [submit(entry) for entry, _key in itertools.islice(pending, limit)]
        futures = as_completed(first, loop=client.loop)
        for future in futures:
            yield future.result()
            future.release()
            for entry, _key in pending:
                futures.add(submit(entry))
                break


def _unreadable(entry: Entry, why: str) -> Drafted:
    return Drafted("", Path(entry.path).name, entry.outlet, entry.url, entry.published,
                   error=printable(f"newsline: cannot read {entry.path}: {why}; skipped."))  # fmt: skip
