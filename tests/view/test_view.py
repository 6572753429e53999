"""The view of the resolved timeline, without a terminal: filters, their narrowing, and how text reads."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.synthetic import synthetic_report
from tui.model import parse_report
from tui.temporal import resolve
from tui.view import Filters, TimelineView, counted, folded, printable


@pytest.fixture(scope="module")
def timeline(report):
    return resolve(report)


@pytest.fixture(scope="module")
def synthetic_timeline():
    return resolve(parse_report(json.dumps(synthetic_report(300))))


def fresh(timeline, filters: Filters) -> list[str]:
    """What a view that never saw another filter keeps."""
    return [row.id for row in TimelineView(timeline).apply(filters)]


def test_filters_combine(timeline):
    view = TimelineView(timeline)
    by_actor = {row.id for row in view.apply(Filters(actors=frozenset({"tass"})))}
    assert by_actor and all("tass" in view.involved_actors(event_id) for event_id in by_actor)
    both = {row.id for row in view.apply(Filters(actors=frozenset({"tass"}), text="regroup"))}
    assert both and both < by_actor
    assert view.apply(Filters(actors=frozenset({"tass"}), text="no such words")) == []
    assert view.status() == "0 of 27 events · filter: actor TASS · “no such words”"
    assert len(view.apply(Filters())) == 27 and view.status() == "27 of 27 events · filter: none"


def test_search_is_case_and_accent_blind(timeline):
    assert fresh(timeline, Filters(text="LIBERATION DU DONBASS")) == ["defence-ministry-regrouping-statement"]
    assert fresh(timeline, Filters(text="libération du donbass")) == ["defence-ministry-regrouping-statement"]


QUERY_STEPS = st.lists(
    st.one_of(
        st.text(alphabet="number 1230é", min_size=0, max_size=12).map(lambda text: Filters(text=text)),
        st.sampled_from(["e1", "e2", "e3"]).map(lambda text: Filters(text=text)),
        st.builds(
            Filters,
            actors=st.frozensets(st.sampled_from(["a0", "a1", "a2", "a3"]), max_size=2),
            text=st.sampled_from(["", "number", "number 1", "number 12", "umb"]),
        ),
    ),
    min_size=1,
    max_size=12,
)


@pytest.mark.slow  # 150 sequences of keystrokes: 11-17 s
@settings(max_examples=150, deadline=None)
@given(steps=QUERY_STEPS)
def test_typing_on_narrows_to_exactly_what_a_fresh_filter_keeps(synthetic_timeline, steps):
    """Each keystroke filters only the rows the previous query kept when the new query extends it; whatever
    the sequence (typing, deleting, switching actors), the rows are those of a fresh filter."""
    view = TimelineView(synthetic_timeline)
    for filters in steps:
        assert [row.id for row in view.apply(filters)] == fresh(synthetic_timeline, filters)


def test_typing_a_query_character_by_character(synthetic_timeline):
    view = TimelineView(synthetic_timeline)
    query = "number 12"
    for end in range(1, len(query) + 1):
        kept = [row.id for row in view.apply(Filters(text=query[:end]))]
        assert kept == fresh(synthetic_timeline, Filters(text=query[:end]))
    assert 0 < len(kept) < 300
    # deleting widens again
    assert len(view.apply(Filters(text="number 1"))) > len(kept)


def test_printable_and_folded():
    assert printable("a\x1b[31mb\tc\x7f") == "a␛[31mb c␡"
    assert printable("[bold]x[/]") == "[bold]x[/]"  # markup is the widgets' business: they never read it
    assert folded("Évacuation À Koupiansk") == "evacuation a koupiansk"


def test_counted_says_one_or_many():
    assert counted(1, "event") == "1 event"
    assert counted(0, "event") == "0 events"
    assert counted(6, "sentence") == "6 sentences"


def test_folding_reads_digit_groups_as_one_number():
    from tui.view import folded

    assert folded("2 000 kilomètres") == folded("2\u202f000 km")[:4] + " kilometres"
    assert folded("2,000") == folded("2.000") == folded("2 000") == "2000"
    assert folded("1 5") == "1 5" and folded("3,14") == "3,14"  # not thousands: left alone
