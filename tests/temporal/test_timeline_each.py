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


# -- what the view draws and `newsline timeline --json` prints: extents, chains, layers, moments ----------------


def _bob_leaves_after_alice(small_data):
    """Bob's departure, an action told in the passé composé with no time of its own, "after" Alice's Thursday
    statement: it starts on Thursday or later and by the publication; when it ends the words do not say (the
    certain layer leaves its end open), the likely layer's one-episode default ends it within a day."""
    text = "Alice a parlé jeudi. Ensuite, Bob est parti selon Radio.\n"
    small_data["document"]["text"] = text
    small_data["document"]["headline"] = span(text, "Alice a parlé jeudi.")
    alice, bob = small_data["events"]
    alice["sentences"] = [span(text, "Alice a parlé jeudi.")]
    alice["time"] = span(text, "jeudi")
    bob.update(
        kind="action",
        summary="Bob leaves",
        sentences=[span(text, "Ensuite, Bob est parti selon Radio.")],
        quotes=[],
        relations=[{"type": "after", "target": "alice-speaks", "cue": span(text, "Ensuite")}],
        tense={"form": "compound-past", "cue": span(text, "est parti")},
        sources=[{"source": "radio", "cue": span(text, "selon Radio")}],
    )
    small_data["actors"][0]["mentions"] = [span(text, "Alice")]
    small_data["actors"][1]["mentions"] = [span(text, "Bob")]
    small_data["sources"][1]["mentions"] = [span(text, "Radio")]
    return resolve(parse_report(json.dumps(small_data, ensure_ascii=False)))


def _minutes(moment):
    from tui.temporal.expressions import to_minutes

    return to_minutes(moment)


def test_an_events_extent_is_its_earliest_start_and_its_latest_end_in_minutes(small_data):
    """Alice speaks on Thursday: her bar is drawn from Thursday's start to its end, in both layers."""
    alice = resolved(small_data)["alice-speaks"]
    thursday = (_minutes(alice.certain.earliest), _minutes(alice.certain.latest))
    assert alice.certain.earliest.isoformat() == "2022-09-08T00:00:00+03:00"
    assert alice.certain.latest.isoformat() == "2022-09-09T00:00:00+03:00"
    assert alice.extent == thursday
    assert alice.likely_extent == thursday


def test_the_likely_extent_is_drawn_from_the_likely_layer(small_data):
    """Bob's "plus tôt" certainly puts him from Tuesday 23:00 (within a day before Thursday, the zone widened);
    the likely layer's same-day reading, on Thursday: each extent from its own layer."""
    bob = resolved(small_data)["bob-says-no"]
    assert bob.extent == (_minutes(bob.certain.earliest), _minutes(bob.certain.latest))
    assert bob.likely_extent == (_minutes(bob.likely.earliest), _minutes(bob.likely.latest))
    assert bob.certain.earliest.isoformat() == "2022-09-06T23:00:00+03:00"
    assert bob.likely.earliest.isoformat() == "2022-09-08T00:00:00+03:00"


def test_an_event_that_may_go_on_is_drawn_up_to_its_latest_start(small_data):
    """Bob's departure has no end in the certain layer: its bar ends where it must have started by, the
    publication's latest; the likely layer ends it within a day of that (one-episode)."""
    bob = _bob_leaves_after_alice(small_data)["bob-says-no"]
    assert bob.end.latest is None
    assert bob.start.latest.isoformat() == "2022-09-11T23:59:00+03:00"
    assert bob.extent == (_minutes(bob.start.earliest), _minutes(bob.start.latest))
    assert bob.start.earliest.isoformat() == "2022-09-08T00:00:00+03:00"
    assert bob.likely_extent == (_minutes(bob.start.earliest), _minutes(bob.likely_end.latest))
    assert bob.likely_end.latest.isoformat() == "2022-09-12T12:00:00+03:00"


def test_an_event_only_the_assumptions_bound_is_drawn_open_before(small_data):
    """Bob's action with neither a time nor a relation: from nowhere up to the publication, certainly, and up
    to its estimate, likely."""
    small_data["events"][1]["kind"] = "action"
    small_data["events"][1]["relations"] = []
    bob = resolved(small_data)["bob-says-no"]
    from tui.temporal.expressions import INF

    assert bob.extent == (-INF, _minutes(bob.start.latest))
    assert bob.start.latest.isoformat() == "2022-09-11T23:59:00+03:00"
    assert bob.likely_extent == (-INF, _minutes(bob.likely_start.latest))
    assert bob.likely_start.latest.isoformat() == "2022-09-11T12:00:00+03:00"


def test_a_dated_events_chains_end_at_its_start_and_its_end_in_both_layers(small_data):
    timeline = resolved(small_data)
    alice = timeline["alice-speaks"]
    assert alice.chains("certain") == ((True, 2), (False, 3))
    assert alice.chains("likely") == ((True, 2), (False, 3))


def test_the_latest_bounds_chain_of_an_event_that_may_go_on_ends_at_its_start_in_that_layer_only(small_data):
    """The certain layer leaves Bob's end open, so its latest bound is its start's; the likely layer ends it
    (one-episode), so there the chain ends at its end."""
    bob = _bob_leaves_after_alice(small_data)["bob-says-no"]
    start, end = bob._points
    assert bob.chains("certain") == ((True, start), (False, start))
    assert bob.chains("likely") == ((True, start), (False, end))
    assert bob.steps("certain")[-1].point == "start"
    assert bob.steps("likely")[-1].point == "end"


def test_an_undated_event_has_no_certain_chain_but_its_likely_latest_one(small_data):
    """Only the assumptions bound Bob's action: the certain layer shows no step; the likely one, its latest
    start (the publication's estimate)."""
    small_data["events"][1]["kind"] = "action"
    small_data["events"][1]["relations"] = []
    bob = resolved(small_data)["bob-says-no"]
    start, _ = bob._points
    assert bob.chains("certain") == ()
    assert bob.chains("likely") == ((False, start),)


def test_each_layers_solution_is_its_own(small_data):
    """The certain layer bounds Bob's start from Tuesday 23:00, the likely one from Thursday."""
    timeline = resolved(small_data)
    context = timeline.context
    start, _ = timeline["bob-says-no"]._points
    certain, likely = context.layer_solution("certain"), context.layer_solution("likely")
    assert context.moment(certain.lower(start)).isoformat() == "2022-09-06T23:00:00+03:00"
    assert context.moment(likely.lower(start)).isoformat() == "2022-09-08T00:00:00+03:00"


def test_a_steps_moment_is_in_the_publications_zone_and_none_where_open(small_data):
    from datetime import datetime

    from tui.temporal.expressions import INF

    context = resolved(small_data).context
    thursday = datetime.fromisoformat("2022-09-08T00:00:00+03:00")
    moment = context.moment(_minutes(thursday))
    assert (moment, moment.isoformat()) == (thursday, "2022-09-08T00:00:00+03:00")
    assert context.moment(INF) is None
    assert context.moment(-INF) is None


def test_an_events_granularity_is_its_times_reading_else_relative_or_none(small_data):
    """Alice's "jeudi" is a day; Bob, undated, is placed by his relation; without it, by nothing."""
    timeline = resolved(small_data)
    assert timeline["alice-speaks"].granularity == "day"
    assert timeline["bob-says-no"].granularity == "relative"
    small_data["events"][1]["relations"] = []
    assert resolved(small_data)["bob-says-no"].granularity == "none"
