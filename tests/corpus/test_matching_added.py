"""Reports added to a corpus that already holds others are matched against their neighbours in the store,
not the whole corpus: the stories come out as if the corpus were matched at once, whatever the order and the
batches the reports come in; a story already stored keeps its number; events far apart in time are not even
looked at, and a story told by many reports is looked at through a few of its tellings, while all of them
still decide whether an event may join it."""

from __future__ import annotations

import itertools
from pathlib import Path

from tui.corpus.identity import BLOCK
from tui.corpus.ingest import TELLINGS, match_added, rematch
from tui.corpus.store import Store

from .test_store import drafted, record

T = 28_000_000.0  # minutes since 1970: January 2023
HOUR, DAY = 60.0, 24 * 60.0
TOLD = {
    "fire": [
        "Un violent incendie a ravagé une maison d'Estrée-Blanche, deux pompiers sont morts",
        "Deux pompiers sont morts dans l'incendie d'une maison à Estrée-Blanche",
        "L'incendie d'une maison d'Estrée-Blanche a tué deux pompiers",
    ],
    "arrest": [
        "Le propriétaire de la maison a été interpellé par les gendarmes de Béthune",
        "Les gendarmes de Béthune ont interpellé le propriétaire de la maison",
        "Interpellation du propriétaire de la maison par les gendarmes de Béthune",
    ],
    "tribute": [
        "Le ministre de l'Intérieur a rendu hommage aux sapeurs-pompiers décédés",
        "Hommage du ministre de l'Intérieur aux sapeurs-pompiers décédés",
        "Le ministre de l'Intérieur rend hommage aux sapeurs-pompiers décédés",
    ],
}
WHEN = {"fire": T, "arrest": T + 10 * HOUR, "tribute": T + DAY}


def report(number: int):
    """Report ``r{number}``: the three events, in its own words, each dated within a few hours."""
    key = f"r{number}"
    events = tuple(
        record(
            key,
            index,
            summary=TOLD[what][number % 3],
            text=TOLD[what][number % 3] + ".",
            actors=(),
            places=(),
            sources=(),
            claims=(),
            quotes=(),
            certain_earliest=WHEN[what] - 3 * HOUR,
            certain_latest=WHEN[what] + 3 * HOUR,
            likely_earliest=WHEN[what] - HOUR,
            likely_latest=WHEN[what] + HOUR,
        )
        for index, what in enumerate(TOLD)
    )
    return drafted(key, events)


def partition(stories: dict[tuple[str, str], int]) -> set[frozenset[tuple[str, str]]]:
    groups: dict[int, set[tuple[str, str]]] = {}
    for key, number in stories.items():
        groups.setdefault(number, set()).add(key)
    return {frozenset(group) for group in groups.values()}


def test_the_expected_stories_at_once(tmp_path: Path) -> None:
    with Store(tmp_path / "c.duckdb") as store:
        store.add([report(n) for n in range(3)])
        rematch(store)
        found = partition(store.stories())
    assert found == {frozenset((f"r{n}", f"e{index}") for n in range(3)) for index in range(3)}


def test_added_one_by_one_in_any_order_the_stories_are_those_matched_at_once(tmp_path: Path) -> None:
    with Store(tmp_path / "whole.duckdb") as store:
        store.add([report(n) for n in range(4)])
        rematch(store)
        whole = partition(store.stories())
    for order in itertools.permutations(range(4)):
        with Store(tmp_path / f"{''.join(map(str, order))}.duckdb") as store:
            for number in order:
                store.add([report(number)])
                match_added(store, [f"r{number}"])
            assert partition(store.stories()) == whole, order


def test_a_stored_story_keeps_its_number(tmp_path: Path) -> None:
    with Store(tmp_path / "c.duckdb") as store:
        store.add([report(0), report(1)])
        match_added(store, ["r0", "r1"])
        before = store.stories()
        store.add([report(2)])
        match_added(store, ["r2"])
        after = store.stories()
    assert {key: after[key] for key in before} == before
    assert after[("r2", "e0")] == before[("r0", "e0")]


def test_events_far_apart_in_time_are_not_looked_at(tmp_path: Path) -> None:
    """A report of a month later, told in the same words, is neither a neighbour nor of the same stories."""
    later = drafted(
        "r9",
        tuple(
            record(
                "r9",
                index,
                summary=event.summary,
                text=event.text,
                certain_earliest=event.certain_earliest + 30 * DAY,
                certain_latest=event.certain_latest + 30 * DAY,
                likely_earliest=event.likely_earliest + 30 * DAY,
                likely_latest=event.likely_latest + 30 * DAY,
            )
            for index, event in enumerate(report(0).events)
        ),
    )
    with Store(tmp_path / "c.duckdb") as store:
        store.add([report(0), report(1)])
        match_added(store, ["r0", "r1"])
        store.add([later])
        assert store.neighbours(["r9"], DAY, TELLINGS, BLOCK) == []
        match_added(store, ["r9"])
        stories = store.stories()
    assert {stories[("r9", f"e{index}")] for index in range(3)}.isdisjoint(
        {number for (key, _), number in stories.items() if key != "r9"}
    )


def story_of_many(count: int) -> list:
    """``count`` reports r0, r1, … each telling the three events (three wordings, in turn)."""
    return [report(number) for number in range(count)]


def test_a_story_told_by_many_reports_is_looked_at_through_a_few_tellings(tmp_path: Path) -> None:
    """The neighbours of an added report hold at most TELLINGS events of each story, however many reports
    tell it (those that share the most words with it) — what matching holds in memory follows the stories near in time, not the corpus — and the added
    report still joins the stories."""
    many = 3 * TELLINGS
    with Store(tmp_path / "c.duckdb") as store:
        store.add(story_of_many(many))
        match_added(store, [f"r{n}" for n in range(many)])
        assert len(set(store.stories().values())) == 3
        store.add([report(many)])
        near = store.neighbours([f"r{many}"], DAY, TELLINGS, BLOCK)
        assert len(near) == 3 * TELLINGS
        # of each story, the tellings sharing the most words: of the fire, those in the added report's own
        # words (the arrest's three wordings have the same content words: a tie, broken by key)
        assert {key for key, event in near if event == "e0"} == {f"r{n}" for n in range(many) if n % 3 == many % 3}
        match_added(store, [f"r{many}"])
        stories = store.stories()
    assert len(set(stories.values())) == 3
    assert stories[(f"r{many}", "e0")] == stories[("r0", "e0")]


def test_a_telling_not_looked_at_still_keeps_an_event_out(tmp_path: Path) -> None:
    """The last report of a story entails a narrower time than the first TELLINGS; an event that overlaps
    theirs but not the last one's cannot join the story (no common point of what they all entail)."""
    many = TELLINGS + 1
    narrow = report(many - 1)
    narrow = drafted(
        narrow.key,
        tuple(
            record(
                narrow.key, index, summary=event.summary, text=event.text,
                certain_earliest=event.certain_earliest, certain_latest=event.certain_earliest + HOUR,
                likely_earliest=event.certain_earliest, likely_latest=event.certain_earliest + HOUR,
            )
            for index, event in enumerate(narrow.events)
        ),
    )  # fmt: skip
    late = report(many)
    late = drafted(
        late.key,
        tuple(
            record(
                late.key, index, summary=event.summary, text=event.text,
                certain_earliest=event.certain_latest - HOUR, certain_latest=event.certain_latest,
                likely_earliest=event.likely_earliest, likely_latest=event.likely_latest,
            )
            for index, event in enumerate(late.events)
        ),
    )  # fmt: skip
    with Store(tmp_path / "c.duckdb") as store:
        store.add([*story_of_many(many - 1), narrow])
        match_added(store, [f"r{n}" for n in range(many)])
        before = store.stories()
        assert len(set(before.values())) == 3
        store.add([late])
        assert (narrow.key, "e0") not in store.neighbours([late.key], DAY, TELLINGS, BLOCK)
        match_added(store, [late.key])
        after = store.stories()
    assert after[(late.key, "e0")] not in set(before.values())


def test_events_not_yet_matched_are_not_neighbours(tmp_path: Path) -> None:
    """Reports stored but not yet matched (a later chunk, an interrupted add) are matched in their own turn."""
    with Store(tmp_path / "c.duckdb") as store:
        store.add([report(0), report(1)])
        assert store.neighbours(["r1"], DAY, TELLINGS, BLOCK) == []
        match_added(store, ["r0"])
        assert {key for key, _ in store.neighbours(["r1"], DAY, TELLINGS, BLOCK)} == {"r0"}


def test_an_event_without_a_time_on_the_calendar_still_finds_its_story(tmp_path: Path) -> None:
    """Neighbours are found by words, not only by time: a report whose publication is unknown, or an event
    whose likely interval is open on both sides, joins the story it tells (they were never looked at when
    neighbours were the events within a day)."""
    undated = drafted(
        "u",
        tuple(
            record("u", index, summary=event.summary, text=event.text, dated=False, certain_earliest=None,
                   certain_latest=None, likely_earliest=None, likely_latest=None)
            for index, event in enumerate(report(3).events)
        ),
        published=None,
    )  # fmt: skip
    open_ended = drafted(
        "v",
        tuple(
            record("v", index, summary=event.summary, text=event.text, certain_earliest=None,
                   certain_latest=None, likely_earliest=None, likely_latest=None)
            for index, event in enumerate(report(4).events)
        ),
    )  # fmt: skip
    with Store(tmp_path / "c.duckdb") as store:
        store.add([report(0), report(1)])
        match_added(store, ["r0", "r1"])
        store.add([undated, open_ended])
        match_added(store, ["u"])
        match_added(store, ["v"])
        stories = store.stories()
    for index in range(3):
        assert stories[("u", f"e{index}")] == stories[("v", f"e{index}")] == stories[("r0", f"e{index}")]


def test_a_store_of_version_2_is_given_its_words(tmp_path: Path) -> None:
    """A store written before the words were kept is brought to the new version when opened for adding,
    and its events are found by their words."""
    path = tmp_path / "c.duckdb"
    with Store(path) as store:
        store.add([report(0)])
        match_added(store, ["r0"])
        store.connection.execute("DROP TABLE event_words")
        store.connection.execute("UPDATE meta SET value = '2'")
    with Store(path) as store:
        assert store.connection.execute("SELECT value FROM meta").fetchone() == ("3",)
        assert store.count("event_words") > 0
        store.add([report(1)])
        match_added(store, ["r1"])
        stories = store.stories()
    assert stories[("r1", "e0")] == stories[("r0", "e0")]
    with Store(path) as store:
        store.connection.execute("UPDATE meta SET value = '2'")
    with Store(path, read_only=True) as store:  # read as it is: reading needs no words
        assert len(store.events()) == 6


def test_a_large_store_of_version_2_is_given_every_events_words(tmp_path: Path) -> None:
    """Its events are read 64 reports at a time: none is left out past the first batch."""
    from tui.corpus.identity import event_words

    path = tmp_path / "c.duckdb"
    reports = [report(number) for number in range(70)]
    with Store(path) as store:
        store.add(reports)
        expected = store.count("event_words")
        store.connection.execute("DROP TABLE event_words")
        store.connection.execute("UPDATE meta SET value = '2'")
    with Store(path) as store:
        assert store.count("event_words") == expected == sum(len(event_words(e)) for r in reports for e in r.events)
