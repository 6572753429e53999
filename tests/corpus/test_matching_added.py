"""Reports added to a corpus that already holds others are matched against their neighbours in the store,
not the whole corpus: the stories come out as if the corpus were matched at once, whatever the order and the
batches the reports come in; a story already stored keeps its number; events far apart in time are not even
looked at."""

from __future__ import annotations

import itertools
from pathlib import Path

from tui.corpus.ingest import match_added, rematch
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
        assert store.neighbours(["r9"], 24 * 60.0) == []
        match_added(store, ["r9"])
        stories = store.stories()
    assert {stories[("r9", f"e{index}")] for index in range(3)}.isdisjoint(
        {number for (key, _), number in stories.items() if key != "r9"}
    )
