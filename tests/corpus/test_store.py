"""The corpus store: a report is stored whole or not at all, a report already there is skipped, records come
back as they went in, and a file that is not a corpus store gets the one message."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.corpus.records import ClaimRecord, Drafted, EventRecord, QuoteRecord
from tui.corpus.store import Store, StoreError


def record(report: str, number: int, **changes: object) -> EventRecord:
    fields: dict[str, object] = dict(
        report=report, id=f"e{number}", kind="action", summary=f"Event {number}", text=f"Phrase {number}.",
        actors=("Alice", "Bob"), places=("Paris",), sources=("AFP", "The report's own voice"),
        certain_earliest=None, certain_latest=1000.0 + number, likely_earliest=900.0, likely_latest=1000.0 + number,
        certain_label="by Sat", likely_label="≈ Sat", claims=(ClaimRecord(3.0, "people", "dead", "trois morts"),),
        quotes=(QuoteRecord("Alice", "direct", "« Nous partons »"),), dated=True, outlet="Le Monde",
    )  # fmt: skip
    fields.update(changes)
    return EventRecord(**fields)  # type: ignore[arg-type]


def drafted(key: str, events: int | tuple[EventRecord, ...] = 2, **changes: object) -> Drafted:
    fields: dict[str, object] = dict(
        key=key, name=f"{key}.txt", outlet="Le Monde", url="https://example.org/" + key,
        published="2024-01-02T10:00:00+01:00", headline="Titre", events_json='{"format": "x"}',
        events=events if isinstance(events, tuple) else tuple(record(key, n) for n in range(events)),
    )  # fmt: skip
    fields.update(changes)
    return Drafted(**fields)  # type: ignore[arg-type]


def test_records_come_back_as_they_went_in(tmp_path: Path) -> None:
    with Store(tmp_path / "c.duckdb") as store:
        assert store.add([drafted("a"), drafted("b", 3)]) == 2
        back = store.events()
    assert back == sorted([*drafted("a").events, *drafted("b", 3).events], key=lambda r: (r.report, r.id))


def test_an_events_file_comes_back_as_it_went_in_and_is_stored_compressed(tmp_path: Path) -> None:
    """Its text whole (a quote in French, a lone surrogate escaped as JSON writes it), in a tenth of the room:
    DuckDB's cache of what is written grows with it, and the files were most of it."""
    text = '{"format": "newsline/1", "quote": "« Nous partons » \\ud800"' + ', "pad": "' + "Kharkiv " * 4000 + '"}'
    with Store(tmp_path / "c.duckdb") as store:
        store.add([drafted("a", events_json=text)])
        assert store.events_json("a") == text
        (size,) = store.connection.execute("SELECT octet_length(events_json) FROM reports").fetchone()
        assert size < len(text.encode()) / 10
        with pytest.raises(KeyError):
            store.events_json("nope")


def test_a_report_already_there_is_skipped_and_a_refused_one_not_stored(tmp_path: Path) -> None:
    with Store(tmp_path / "c.duckdb") as store:
        assert store.add([drafted("a")]) == 1
        assert store.add([drafted("a"), drafted("b", error="bad"), drafted("c")]) == 1
        assert [row.key for row in store.reports()] == ["a", "c"]
        assert store.count("events") == 4


def test_a_report_is_stored_whole_or_not_at_all(tmp_path: Path) -> None:
    """A row that cannot be written (here: a duplicate event id) leaves nothing of the batch behind."""
    broken = drafted("b", events=(record("b", 1), record("b", 1)))
    with Store(tmp_path / "c.duckdb") as store:
        store.add([drafted("a")])
        with pytest.raises(Exception, match=r"(?i)constraint|duplicate"):
            store.add([drafted("c"), broken])
        assert [row.key for row in store.reports()] == ["a"]
        assert store.count("events") == 2
        assert store.count("quotes") == 2


def test_filters_and_one_actors_timeline(tmp_path: Path) -> None:
    with Store(tmp_path / "c.duckdb") as store:
        store.add([drafted("a"), drafted("b", outlet="Libération", events=(record("b", 5, actors=("Carol",)),))])
        assert [r.id for r in store.events(actor="Carol")] == ["e5"]
        assert {r.report for r in store.events(outlet="Le Monde")} == {"a"}
        assert [(r, e) for r, e, *_ in store.actor_events("Alice")] == [("a", "e0"), ("a", "e1")]
        assert [(r, e) for r, e, *_ in store.outlet_events("Libération")] == [("b", "e5")]


def test_stories_are_recorded(tmp_path: Path) -> None:
    with Store(tmp_path / "c.duckdb") as store:
        store.add([drafted("a"), drafted("b")])
        store.set_stories({("a", "e0"): 1, ("b", "e0"): 1, ("a", "e1"): 2, ("b", "e1"): 3})
        assert store.stories() == {("a", "e0"): 1, ("b", "e0"): 1, ("a", "e1"): 2, ("b", "e1"): 3}


def test_not_a_store_gets_one_message(tmp_path: Path) -> None:
    other = tmp_path / "notes.duckdb"
    other.write_text("hello")
    with pytest.raises(StoreError, match=r"notes\.duckdb: cannot be opened as a corpus store"):
        Store(other)
    with pytest.raises(StoreError, match="no corpus store here"):
        Store(tmp_path / "missing.duckdb", read_only=True)
    import duckdb

    foreign = tmp_path / "foreign.duckdb"
    duckdb.connect(str(foreign)).execute("CREATE TABLE t (x INTEGER)").close()
    with pytest.raises(StoreError, match="not a newsline corpus store"):
        Store(foreign, read_only=True)
    (tmp_path / "folder.duckdb").mkdir()
    with pytest.raises(StoreError, match="not a regular file"):
        Store(tmp_path / "folder.duckdb")


texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=25, deadline=None)
@given(summary=texts, speaker=texts, quote=texts, bound=st.none() | st.floats(-1e9, 1e9, allow_nan=False))
def test_any_text_and_bound_round_trips(tmp_path_factory: pytest.TempPathFactory, summary: str, speaker: str,
                                        quote: str, bound: float | None) -> None:  # fmt: skip
    event = record("k", 0, summary=summary, quotes=(QuoteRecord(speaker, "direct", quote),), certain_latest=bound)
    with Store(tmp_path_factory.mktemp("s") / "c.duckdb") as store:
        store.add([drafted("k", events=(event,))])
        assert store.events() == [event]


def test_while_storing_duckdbs_memory_is_capped_and_a_batch_larger_than_the_cap_is_stored_all_the_same(
    tmp_path: Path, monkeypatch
) -> None:
    """corpus add caps DuckDB's memory (its cache of the tables written grew with the store); a batch that
    cannot be written under the cap is written without it, never refused, and the cap is lifted after."""
    from tui.corpus import store as module

    with Store(tmp_path / "c.duckdb") as store:
        default = store.connection.execute("SELECT current_setting('memory_limit')").fetchone()
        with store.storing():
            assert store.connection.execute("SELECT current_setting('memory_limit')").fetchone() != default
            store.add([drafted("a")])
        assert store.connection.execute("SELECT current_setting('memory_limit')").fetchone() == default
        monkeypatch.setattr(module, "STORING_MEMORY", "4MB")
        big = "x" * 12_000_000
        with store.storing():
            assert store.connection.execute("SELECT current_setting('memory_limit')").fetchone() != default
            assert store.add([drafted("b", events=(record("b", 1, text=big),))]) == 1
            # too large for the cap: the batch was written without it
            assert store.connection.execute("SELECT current_setting('memory_limit')").fetchone() == default
        assert [event.text for event in store.events(report="b")] == [big]
