"""The likely layer: the report's chronology as a careful reader has it, and the properties that keep it
honest (likely ⊆ certain, defaults always the ones to yield, every default named)."""

from __future__ import annotations

import itertools
import json
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.model import Report, parse_report
from tui.temporal import Timeline, resolve
from tui.temporal.defaults import DEFAULTS
from tui.temporal.network import INF, Network

from ..synthetic import ReportWriter

FOUR_ACTIONS = (
    "kupiansk-recapture-announcement",
    "tass-regrouping-notice",
    "evacuation-call",
    "zelensky-video-speech",
)


@pytest.fixture(scope="module")
def timeline(report: Report) -> Timeline:
    return resolve(report)


def hours(start: datetime | None, end: datetime | None) -> float:
    assert start is not None and end is not None
    return (end - start) / timedelta(hours=1)


# -- the bundled report ----------------------------------------------------------------------------------


def test_the_four_named_actions_are_placed_within_a_day(timeline):
    for event_id in FOUR_ACTIONS:
        likely = timeline[event_id].likely
        assert hours(likely.earliest, likely.latest) <= 24, (event_id, likely.label)


def test_kupiansk_then_the_regrouping_then_the_speech_on_the_likely_timeline(timeline):
    order = [timeline.index(event_id) for event_id in FOUR_ACTIONS if event_id != "evacuation-call"]
    assert order == sorted(order)
    kupiansk, tass = timeline["kupiansk-recapture-announcement"], timeline["tass-regrouping-notice"]
    assert kupiansk.likely.latest < tass.likely.latest <= timeline["zelensky-video-speech"].likely.latest


def test_the_evacuation_call_lies_in_the_news_cycle(timeline, report):
    call = timeline["evacuation-call"]
    estimate = report.document.published.estimate
    assert estimate - timedelta(hours=24) <= call.likely.earliest and call.likely.latest <= estimate
    assert call.defaults == ("publication-estimate", "news-cycle")
    assert "default news-cycle (‘appelle’)" in call.likely.explanation


def test_every_narrated_event_is_bounded_on_both_sides_but_the_background(timeline):
    open_ended = [row.id for row in timeline.events if row.likely.earliest is None or row.likely.latest is None]
    assert open_ended == ["kyiv-defeat"]
    assert "no earliest time: the report gives it no anchor" in timeline["kyiv-defeat"].likely.explanation


def test_likely_lies_within_certain_for_every_event(timeline):
    for row in timeline.events:
        assert_within(row)


def test_the_regrouping_is_told_three_times_as_one_announcement(timeline, report):
    tass, ministry = timeline["tass-regrouping-notice"], timeline["defence-ministry-regrouping-statement"]
    (same,) = [r for r in tass.relations if r.other == ministry.id]
    assert same.phrase == "the same happening as" and same.cue.text == "L’annonce du déménagement"
    assert [r.phrase for r in ministry.relations if r.other == tass.id] == ["the same happening as"]
    assert (tass.earliest, tass.latest) == (ministry.earliest, ministry.latest)
    assert (tass.likely.earliest, tass.likely.latest) == (ministry.likely.earliest, ministry.likely.latest)


def test_both_why_lines_say_what_they_rest_on(timeline):
    tass = timeline["tass-regrouping-notice"]
    assert tass.certain.label == "9 Sep 17:00 – 10 Sep"
    assert "‘Plus tôt’" in tass.certain.explanation and "default" not in tass.certain.explanation
    assert tass.likely.label == "≈ Sat 10 Sep 01:00–24:00"
    assert "default same-day (‘quelques heures après’)" in tass.likely.explanation
    speech = timeline["zelensky-video-speech"]
    assert speech.likely == speech.certain  # the words alone place it: no default, no ≈


def test_an_explanation_names_the_side_of_the_publication_it_uses(timeline):
    evacuated = timeline["ukrainian-breakthrough"]
    assert evacuated.certain.explanation.endswith("published Sun 11 Sep 23:59 at the latest")
    assert "(estimate)" not in evacuated.certain.explanation


def test_statements_are_made_by_the_latest_publication(timeline, report):
    latest = report.document.published.latest
    for row in timeline.events:
        if row.event.kind == "statement" and row.latest is not None:
            assert row.latest <= latest, row.id


def test_tenses_in_reported_speech_are_certain_relations(timeline):
    # "avaient repris": the plus-que-parfait puts the recapture before its announcement, certainly.
    assert timeline.certainly_before("kupiansk-recaptured", "kupiansk-recapture-announcement")
    recaptured = timeline["kupiansk-recaptured"]
    assert "recent-past" in recaptured.defaults and "one-episode" not in recaptured.certain.explanation
    # "regroupait": the regrouping was under way when TASS reported it; the likely layer shows it there.
    regrouping = timeline["russian-regrouping"]
    assert "attested" in regrouping.defaults


# -- properties on random networks -----------------------------------------------------------------------

LIMIT = 12


@st.composite
def networks_with_defaults(draw):
    """A consistent hard network around a hidden solution, then defaults of any kind: some hold in that
    solution, some contradict it."""
    points = draw(st.integers(1, 4))
    truth = [0] + [draw(st.integers(0, LIMIT)) for _ in range(points)]
    network: Network[str] = Network(points + 1)
    for point in range(1, points + 1):
        network.add(0, point, 0, LIMIT, f"domain {point}", 50)
    for index in range(draw(st.integers(0, 5))):
        u, v = draw(st.tuples(st.integers(0, points), st.integers(0, points)).filter(lambda p: p[0] != p[1]))
        actual = truth[v] - truth[u]
        hi = INF if draw(st.booleans()) else actual + draw(st.integers(0, 3))
        network.add(u, v, actual - draw(st.integers(0, 3)), hi, f"words {index}", 40)
    defaults = []
    for index in range(draw(st.integers(0, 4))):
        u, v = draw(st.tuples(st.integers(0, points), st.integers(0, points)).filter(lambda p: p[0] != p[1]))
        lo = draw(st.integers(-LIMIT, LIMIT))
        defaults.append((u, v, lo, lo + draw(st.integers(0, 4)), f"default {index}", draw(st.integers(1, 7))))
    return network, defaults


def layers(network: Network[str], defaults):
    certain = network.solve()
    likely_network = network.extended()
    for constraint in defaults:
        likely_network.add(*constraint)
    return certain, likely_network, likely_network.solve(warm=certain)


@settings(max_examples=200, deadline=None)
@given(networks_with_defaults())
def test_likely_lies_within_certain_and_only_defaults_are_set_aside(built):
    network, defaults = built
    certain, _, likely = layers(network, defaults)
    for point in range(network.size):
        assert certain.lower(point) <= likely.lower(point) <= likely.upper(point) <= certain.upper(point)
    for conflict in likely.conflicts:
        assert conflict.dropped.evidence.startswith("default"), "the report's words never yield to a default"
        assert conflict.dropped.evidence in {c.evidence for c in conflict.constraints}


@settings(max_examples=100, deadline=None)
@given(networks_with_defaults())
def test_with_no_defaults_likely_equals_certain(built):
    network, _ = built
    certain, _, likely = layers(network, [])
    assert likely.bounds() == certain.bounds() and likely.conflicts == certain.conflicts


@settings(max_examples=200, deadline=None)
@given(networks_with_defaults())
def test_a_warm_start_finds_what_a_cold_solve_finds(built):
    network, defaults = built
    _, likely_network, warm = layers(network, defaults)
    cold = likely_network.solve()
    if {c.dropped for c in warm.conflicts} == {c.dropped for c in cold.conflicts}:
        assert warm.bounds() == cold.bounds()
    for conflict in warm.conflicts:  # whichever cycle it met first, only a default was set aside
        assert conflict.dropped.evidence.startswith("default")


@settings(max_examples=200, deadline=None)
@given(networks_with_defaults(), st.data())
def test_a_second_round_of_defaults_warm_from_the_first_finds_what_a_cold_solve_finds(built, data):
    # The likely layer adds defaults in rounds, each solved warm from the last: a default of a later round
    # may contradict a weaker one of an earlier round, whose distances the warm start rests on.
    network, defaults = built
    split = data.draw(st.integers(0, len(defaults)))
    _, likely_network, first = layers(network, defaults[:split])
    for constraint in defaults[split:]:
        likely_network.add(*constraint)
    second = likely_network.solve(warm=first)
    for point in range(network.size):
        assert second.lower(point) <= second.upper(point), "a solution whose bounds cross"
    cold = likely_network.solve()
    if {c.dropped for c in second.conflicts} == {c.dropped for c in cold.conflicts}:
        assert second.bounds() == cold.bounds()


def test_a_later_default_that_contradicts_an_earlier_weaker_one_sets_it_aside_soundly():
    network: Network[str] = Network(3)
    network.add(0, 1, 0, 100, "words", 40)
    network.add(1, 2, 0, INF, "words: begun by publication", 40)  # event 1 starts before publication 2
    likely_network = network.extended()
    likely_network.add(0, 2, 50, 50, "default publication estimate", 1)
    first = likely_network.solve(warm=network.solve())
    assert first.upper(1) == 50
    likely_network.add(0, 1, 70, 80, "default clock on the day", 9)
    second = likely_network.solve(warm=first)
    assert [c.dropped.evidence for c in second.conflicts] == ["default publication estimate"]
    assert (second.lower(1), second.upper(1)) == (70, 80)
    assert (second.lower(2), second.upper(2)) == (70, INF)


def test_a_contradicted_default_is_set_aside_and_named():
    network: Network[str] = Network(2)
    network.add(0, 1, 10, 20, "words", 40)
    certain, _, likely = layers(network, [(0, 1, 30, 40, "default late", 3)])
    (conflict,) = likely.conflicts
    assert conflict.dropped.evidence == "default late"
    assert (likely.lower(1), likely.upper(1)) == (certain.lower(1), certain.upper(1)) == (10, 20)


# -- properties on random reports ------------------------------------------------------------------------

TIMES = [None, None, "samedi soir", "jeudi", "actuellement", "ces derniers jours", "dimanche"]
CUES = ["Plus tôt", "quelques heures après", "peu après", "Un jour plus tôt", "avaient repris", "parce que"]
TENSES = [None, "present", "compound-past", "imperfect", "pluperfect", "verbless"]


@st.composite
def reports(draw):
    """Small reports of random events, tenses, times and relations: consistent or not, as it falls."""
    count = draw(st.integers(1, 6))
    events = []
    writer = ReportWriter()
    add = writer.add

    headline = add("Titre")
    add("\n\n")
    for index in range(count):
        start = writer.offset
        verb = add("dit")
        add(" ")
        time_text = draw(st.sampled_from(TIMES))
        time = add(time_text) if time_text else None
        add(" ")
        relations = []
        for target in draw(st.lists(st.integers(0, count - 1).filter(lambda t, i=index: t != i), max_size=2)):
            cue = add(draw(st.sampled_from(CUES)))
            add(" ")
            kind = draw(st.sampled_from(["before", "after", "during", "same"]))
            relations.append({"type": kind, "target": f"e{target}", "cue": cue})
        add(".")
        sentence = {"start": start, "end": writer.offset}
        add("\n\n" if draw(st.booleans()) else " ")
        event = {
            "id": f"e{index}", "summary": f"Event {index}",
            "kind": draw(st.sampled_from(["action", "statement", "state"])),
            "sentences": [sentence], "actors": ["a"], "places": [], "sources": [{"source": "report"}],
            "time": time, "relations": relations, "quotes": [], "claims": [],
        }  # fmt: skip
        form = draw(st.sampled_from(TENSES))
        if form:
            event["tense"] = {"form": form, "cue": verb}
        events.append(event)
    text = writer.text
    for event in events:
        sentence = event["sentences"][0]
        sentence["text"] = text[sentence["start"] : sentence["end"]]
    data = {
        "format": "newsline/1",
        "document": {
            "id": "random", "language": "fr", "headline": headline, "text": text,
            "published": {"earliest": "2022-09-10T20:00:00+03:00", "estimate": "2022-09-11T12:00:00+03:00",
                          "latest": "2022-09-11T23:59:00+03:00", "basis": "test"},
        },
        "actors": [{"id": "a", "name": "A", "role": "r", "side": "ukraine", "mentions": []}],
        "places": [], "sources": [{"id": "report", "label": "The report", "kind": "report", "mentions": []}],
        "events": events, "caveats": [], "not_events": [],
    }  # fmt: skip
    return parse_report(json.dumps(data))


def assert_within(row) -> None:
    """Each point's likely bounds lie within its certain ones."""
    for certain, likely in ((row.start, row.likely_start), (row.end, row.likely_end)):
        if certain.earliest is not None:
            assert likely.earliest is not None and likely.earliest >= certain.earliest, row.id
        if certain.latest is not None:
            assert likely.latest is not None and likely.latest <= certain.latest, row.id


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_on_any_report_likely_lies_within_certain_and_names_its_defaults(report):
    timeline = resolve(report)
    for row in timeline.events:
        assert_within(row)
        assert set(row.defaults) <= set(DEFAULTS)
        for name in row.defaults:
            assert f"default {name}" in row.likely.explanation
        if not row.defaults:
            assert "≈" not in row.likely.label
        assert row.likely.label.startswith("≈") == bool(row.defaults)
    likely = timeline.events[0]._context.likely.solution if timeline.events else None
    for conflict in likely.conflicts[len(timeline.conflicts) :] if likely else ():
        assert conflict.dropped.evidence.kind == "default"


def test_display_order_never_reverses_a_certain_order(timeline):
    for first, second in itertools.combinations(timeline.events, 2):
        assert not timeline.certainly_before(second.id, first.id), (first.id, second.id)


def test_a_default_the_words_contradict_yields_and_the_explanation_says_so():
    text = "Titre\n\nIl a parlé samedi soir. Quelques heures après, dimanche, il a signé."
    said, signed = text.index("Il a parlé"), text.index("Quelques")

    def piece(words: str) -> dict:
        start = text.index(words)
        return {"start": start, "end": start + len(words), "text": words}

    data = {
        "format": "newsline/1",
        "document": {
            "id": "t", "language": "fr", "headline": piece("Titre"), "text": text,
            "published": {"earliest": "2022-09-11T20:00:00+03:00", "estimate": "2022-09-11T21:00:00+03:00",
                          "latest": "2022-09-11T23:00:00+03:00", "basis": "test"},
        },
        "actors": [{"id": "a", "name": "A", "role": "r", "side": "ukraine", "mentions": []}],
        "places": [], "sources": [{"id": "report", "label": "The report", "kind": "report", "mentions": []}],
        "events": [
            {"id": "said", "summary": "He spoke.", "kind": "statement",
             "sentences": [piece(text[said:signed - 1])], "actors": ["a"], "places": [],
             "sources": [{"source": "report"}], "time": piece("samedi soir"), "relations": [], "quotes": [],
             "claims": []},
            {"id": "signed", "summary": "He signed.", "kind": "action",
             "sentences": [piece(text[signed:])], "actors": ["a"], "places": [], "sources": [{"source": "report"}],
             "time": piece("dimanche"), "relations": [{"type": "after", "target": "said", "cue": piece("Quelques heures après")}],
             "quotes": [], "claims": []},
        ],
        "caveats": [], "not_events": [],
    }  # fmt: skip
    timeline = resolve(parse_report(json.dumps(data)))
    signed_row = timeline["signed"]
    assert signed_row.likely.earliest.day == 11  # Sunday, as its own word says, not Saturday
    assert "same-day" not in signed_row.defaults
    assert "set aside default same-day (‘Quelques heures après’), contradicted by ‘dimanche’" in (
        signed_row.likely.explanation
    )
