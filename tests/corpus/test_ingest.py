"""Adding reports to a corpus: plain texts drafted (in this process, on a process pool, on a Dask cluster —
the same store each way), events files taken as they are, the manifest's publication, outlet and address kept,
a report already there skipped, a bad report named and skipped."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tui.corpus.ingest import ManifestError, add_reports, entries_for, read_manifest
from tui.corpus.store import Store

pytestmark = pytest.mark.slow  # spaCy drafts the reports

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT / "tests" / "benchmarks" / "devset"
REPORTS = ("01-puisseguin-collision.txt", "04-verdict-cannes-torcy.txt", "07-tempete-zeus.txt")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    found = tmp_path / "reports"
    found.mkdir()
    for name in REPORTS:
        shutil.copy(DEVSET / name, found / name)
    shutil.copy(ROOT / "events.json", found / "bundled.json")
    (found / "manifest.csv").write_text(
        "file,published,outlet,url\n"
        f"{REPORTS[0]},2015-10-23T18:00+02:00,Sud Ouest,https://example.org/1\n"
        f"{REPORTS[1]},2021-11-20,Le Parisien,\n",
        encoding="utf-8",
    )
    return found


def stored(store: Store) -> list[tuple[object, ...]]:
    """Everything a store holds but the time each report was added."""
    rows = store.connection.execute(
        "SELECT key, name, outlet, url, published, headline, events_json FROM reports ORDER BY key"
    ).fetchall()
    return [*rows, *store.events(), *sorted(store.stories().items())]


def test_texts_and_events_files_are_added_with_the_manifest(folder: Path, tmp_path: Path) -> None:
    manifest = read_manifest(folder / "manifest.csv")
    with Store(tmp_path / "c.duckdb") as store:
        outcome = add_reports(store, entries_for([folder], manifest), jobs=1)
        assert (outcome.stored, outcome.known, outcome.refused) == (4, 0, [])
        reports = {row.name: row for row in store.reports()}
        assert set(reports) == {*REPORTS, "bundled.json"}
        assert (reports[REPORTS[0]].outlet, reports[REPORTS[0]].url) == ("Sud Ouest", "https://example.org/1")
        assert reports[REPORTS[0]].published.startswith("2015-10-23T18:00:00+02:00")
        assert reports[REPORTS[1]].published.startswith("2021-11-20")
        assert reports[REPORTS[2]].published is None  # not in the manifest: unknown, as `newsline draft` says
        assert reports["bundled.json"].published == "2022-09-11T12:00:00+03:00"
        assert reports["bundled.json"].events == 27
        undated = store.events(report=reports[REPORTS[2]].key)
        assert undated and all(not event.dated and event.likely_earliest is None for event in undated)
        again = add_reports(store, entries_for([folder], manifest), jobs=1)
        assert (again.stored, again.known) == (0, 4)  # resumable: nothing drafted twice


def test_a_bad_report_is_named_and_skipped(folder: Path, tmp_path: Path) -> None:
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Un été à Paris.".encode("latin-1"))
    (folder / "broken.json").write_text('{"format": ', encoding="utf-8")
    (folder / "other.json").write_text('{"about": "not an events file", "stories": []}', encoding="utf-8")
    with Store(tmp_path / "c.duckdb") as store:
        outcome = add_reports(store, entries_for([folder]), jobs=1)
        assert outcome.stored == 4
        messages = outcome.refused + outcome.unreadable
        for name in ("empty.txt", "latin1.txt", "broken.json", "other.json"):
            assert any(name in message for message in messages)
        assert all("\n" not in message and "Traceback" not in message for message in messages)  # one paragraph
        (other,) = [message for message in messages if "other.json" in message]
        assert "problems found: $.format: expected a value" in other and "more); skipped" in other
        assert {row.name for row in store.reports()} == {*REPORTS, "bundled.json"}


def test_a_process_pool_gives_the_same_store(folder: Path, tmp_path: Path) -> None:
    manifest = read_manifest(folder / "manifest.csv")
    with Store(tmp_path / "one.duckdb") as one, Store(tmp_path / "two.duckdb") as two:
        add_reports(one, entries_for([folder], manifest), jobs=1)
        add_reports(two, entries_for([folder], manifest), jobs=2)
        assert stored(one) == stored(two)


@pytest.mark.timeout(300)
def test_a_dask_cluster_gives_the_same_store(folder: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    manifest = read_manifest(folder / "manifest.csv")
    with Store(tmp_path / "local.duckdb") as local:
        add_reports(local, entries_for([folder], manifest), jobs=1)
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None, processes=True) as cluster, \
                Store(tmp_path / "dask.duckdb") as on_dask:  # fmt: skip
            outcome = add_reports(on_dask, entries_for([folder], manifest), scheduler=cluster.scheduler_address)
            assert outcome.stored == 4
            assert stored(local) == stored(on_dask)


def test_a_manifest_that_cannot_be_read_is_one_message(tmp_path: Path) -> None:
    bad = tmp_path / "m.csv"
    bad.write_text("file,when\nx.txt,2020\n", encoding="utf-8")
    with pytest.raises(ManifestError, match=r"m\.csv, line 1: expected the header"):
        read_manifest(bad)
    bad.write_text("file,published\nx.txt,yesterday\n", encoding="utf-8")
    with pytest.raises(ManifestError, match=r"m\.csv, line 2: the publication 'yesterday' is not an ISO 8601"):
        read_manifest(bad)
    bad.write_text("file,published\nx.txt\n", encoding="utf-8")
    with pytest.raises(ManifestError, match=r"line 2: expected 2 fields, found 1"):
        read_manifest(bad)
