"""Each rule of the timeline's order and of its relations' phrases (``tui.temporal.timeline``) stated on its own,
on the small report of ``tests/conftest.py`` (Alice speaks on Thursday; earlier, Bob had said no) varied one
thing at a time, and on the bundled report."""

from __future__ import annotations

import itertools
import json

import pytest

from tui.model import parse_report
from tui.temporal import resolve
from tui.temporal import timeline as timeline_module

from ..conftest import span


@pytest.fixture(autouse=True)
def _no_kept_gaps():
    """Each test reads its cues anew: a gap read before (by another test, or by the run a mutation tester forks
    from) is kept, and would hide a broken rule."""
    from tui.temporal.relations import gap_for

    gap_for.cache_clear()
    yield
    gap_for.cache_clear()


def resolved(data):
    return resolve(parse_report(json.dumps(data)))


def test_an_earlier_cue_is_within_a_day_before_and_the_other_event_sees_it_within_a_day_after(small_data):
    timeline = resolved(small_data)
    (said,) = timeline["bob-says-no"].relations
    assert (said.other, said.phrase, said.stated_here) == ("alice-speaks", "within a day before", True)
    (seen,) = timeline["alice-speaks"].relations
    assert (seen.other, seen.phrase, seen.stated_here) == ("bob-says-no", "within a day after", False)
    # within a day before Thursday: from Tuesday 23:00 (the publication zone's day widened) to Thursday
    assert timeline["bob-says-no"].label == "6 Sep 23:00 – 8 Sep"


def test_a_cue_that_says_no_distance_gives_the_bare_direction(small_data):
    """ "Avant ça" orders the two statements and says nothing of how far apart they are."""
    timeline = resolve(parse_report(json.dumps(small_data, ensure_ascii=False).replace("Plus tôt", "Avant ça")))
    assert timeline["bob-says-no"].relations[0].phrase == "before"
    assert timeline["alice-speaks"].relations[0].phrase == "after"


def test_an_undated_event_during_another_undated_one_is_undated_not_placed_against_it(small_data):
    small_data["events"][0]["time"] = None
    small_data["events"][1]["relations"][0]["type"] = "during"
    timeline = resolved(small_data)
    (relation,) = timeline["bob-says-no"].relations
    assert relation.phrase == "during"
    assert timeline["bob-says-no"].label == "undated"
    assert timeline["alice-speaks"].relations[0].phrase == "includes"


def _two_at_the_same_minute(small_data):
    text = "Alice a parlé jeudi à 14 h. Bob a répondu jeudi à 14 h.\n"
    small_data["document"]["text"] = text
    small_data["document"]["headline"] = span(text, "Alice a parlé jeudi à 14 h.")
    alice, bob = small_data["events"]
    alice["sentences"] = [span(text, "Alice a parlé jeudi à 14 h.")]
    alice["time"] = span(text, "jeudi à 14 h")
    bob["sentences"] = [span(text, "Bob a répondu jeudi à 14 h.")]
    bob["time"] = span(text, "jeudi à 14 h", 1)
    bob["relations"] = []
    bob["quotes"] = []
    bob["sources"] = [{"source": "report"}]
    small_data["sources"] = small_data["sources"][:1]
    small_data["actors"][0]["mentions"] = [span(text, "Alice")]
    small_data["actors"][1]["mentions"] = [span(text, "Bob")]
    return resolved(small_data)


def test_two_events_at_the_same_clock_minute_are_not_ordered(small_data):
    timeline = _two_at_the_same_minute(small_data)
    assert not timeline.certainly_before("alice-speaks", "bob-says-no")
    assert not timeline.certainly_before("bob-says-no", "alice-speaks")
    assert timeline.certainly_after("alice-speaks") == ()
    assert timeline.certainly_after("bob-says-no") == ()


def test_up_to_the_exact_limit_what_comes_after_is_proven_by_the_relations_too(small_data, monkeypatch):
    """At the limit itself the exact search answers: Bob's statement, within a day before Alice's, comes
    before it, which the bounds alone (Thursday, and up to a day before it) do not prove."""
    monkeypatch.setattr(timeline_module, "EXACT_ORDER_LIMIT", 2)
    timeline = resolved(small_data)
    assert timeline.certainly_after("bob-says-no") == ("alice-speaks",)


def test_each_event_is_ordered_with_the_next_where_proven_and_the_last_always(report):
    timeline = resolve(report)
    ids = [row.id for row in timeline.events]
    for first, then in itertools.pairwise(ids):
        assert timeline.ordered_with_next(first) == timeline.certainly_before(first, then), first
    assert timeline.ordered_with_next(ids[-1])
    assert any(timeline.ordered_with_next(first) for first in ids[:-1])
    assert not all(timeline.ordered_with_next(first) for first in ids[:-1])


def test_the_events_next_in_the_order_are_listed_in_display_order(report):
    timeline = resolve(report)
    several = 0
    for row in timeline.events:
        nexts = timeline.certainly_next(row.id)
        assert list(nexts) == sorted(nexts, key=timeline.index)
        several += len(nexts) > 1 and list(nexts) != sorted(nexts)
    assert several  # some event's next ones are not in the order of their ids


def test_the_timelines_shared_context_gives_each_events_steps(report):
    """What ``newsline timeline --json`` prints as an event's steps, read from the timeline's context."""
    timeline = resolve(report)
    row = next(row for row in timeline.events if row.certain.earliest is not None)
    start, _ = row._points
    assert (
        tuple(timeline.context.chain_steps("certain", True, start))
        == row.certain_steps[: len(timeline.context.chain_steps("certain", True, start))]
    )
