"""The bundled report resolved: the orderings the article states hold, with their explanations."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta

import pytest

from tui.model import Report, load_report, parse_report
from tui.temporal import Timeline, resolve

from ..conftest import EVENTS_JSON, small_report_data, span


@pytest.fixture(scope="module")
def timeline(report: Report) -> Timeline:
    return resolve(report)


def gap_bounds(timeline: Timeline, earlier: str, later: str) -> tuple[float, float]:
    """Entailed bounds, in minutes, on later.start − earlier.end."""
    solution = timeline._solution
    end, start = timeline[earlier]._points[1], timeline[later]._points[0]
    return -solution.distance(start, end), solution.distance(end, start)


def test_the_tass_notice_comes_before_zelenskys_speech(timeline):
    assert timeline.certainly_before("tass-regrouping-notice", "zelensky-video-speech")
    assert timeline.index("tass-regrouping-notice") < timeline.index("zelensky-video-speech")


def test_the_chief_of_staffs_photo_comes_shortly_after_the_tass_report(timeline):
    assert timeline.certainly_before("tass-regrouping-notice", "chief-of-staff-photo")
    assert gap_bounds(timeline, "tass-regrouping-notice", "chief-of-staff-photo") == (0, 3 * 60)
    (relation,) = timeline["chief-of-staff-photo"].relations
    assert relation.phrase == "shortly after"


def test_kupiansk_was_announced_hours_before_the_russian_move(timeline):
    first, then = "kupiansk-recapture-announcement", "defence-ministry-regrouping-statement"
    assert timeline.certainly_before(first, then)
    assert gap_bounds(timeline, first, then) == (60, 12 * 60)
    assert [r.phrase for r in timeline[first].relations if r.other == then] == ["a few hours before"]


def test_the_administrators_earlier_statement_came_a_day_before_his_call(timeline):
    assert timeline.certainly_before("earlier-evacuation-statement", "evacuation-call")
    # "Un jour plus tôt": the calendar day before, so 0–48 h apart for sure; a day apart is the likely reading
    assert gap_bounds(timeline, "earlier-evacuation-statement", "evacuation-call") == (0, 48 * 60)


def test_thursday_comes_before_saturday(timeline):
    assert timeline.certainly_before("high-command-thursday-figure", "zelensky-video-speech")
    assert timeline["high-command-thursday-figure"].label == "Thu 8 Sep"
    assert timeline["zelensky-video-speech"].label == "Sat 10 Sep · evening"


def test_each_bound_says_what_produced_it(timeline):
    assert timeline["zelensky-video-speech"].explanation == (
        "Sat 10 Sep · evening ← ‘samedi soir’, read for a publication from Sat 10 Sep 20:00 to Sun 11 Sep 23:59"
    )
    tass = timeline["tass-regrouping-notice"]
    assert tass.label == "9 Sep 17:00 – 10 Sep"
    assert "‘Plus tôt’" in tass.explanation and "‘samedi soir’" in tass.explanation
    assert timeline["donetsk-fighting"].label == "ongoing at publication (Sun 11 Sep)"
    assert timeline["ukrainian-advance-in-kharkiv"].explanation == "undated ← nothing in the report"


def test_speech_relative_expressions_are_anchored_on_the_speech(timeline):
    reconquest = timeline["reconquest-since-september-by-thursday"]
    assert reconquest.label == "1–8 Sep"  # since September, as of Thursday's announcement
    thirty = timeline["thirty-places-retaken"]
    assert thirty.latest - thirty.earliest == timedelta(days=7, hours=6)  # Saturday evening, 7 days back


def test_the_order_is_only_claimed_where_proven(timeline):
    # Nothing in the report orders the regrouping TASS reports against the Donetsk fighting.
    assert not timeline.certainly_before("russian-regrouping", "donetsk-fighting")
    assert not timeline.certainly_before("donetsk-fighting", "russian-regrouping")
    assert not timeline.ordered_with_next("high-command-thursday-figure")
    assert timeline.conflicts == ()


def test_a_contradiction_is_shown_with_its_evidence_and_the_rest_still_resolves():
    text = "Alice a parlé jeudi. Bob a parlé samedi, un jour plus tôt.\n"
    data = small_report_data()
    data["document"]["text"] = text
    data["document"]["headline"] = span(text, "Alice a parlé jeudi.")
    data["actors"][0]["mentions"] = [span(text, "Alice")]
    data["actors"][1]["mentions"] = [span(text, "Bob")]
    data["sources"][1]["mentions"] = []
    alice, bob = data["events"]
    alice["sentences"], alice["time"] = [span(text, "Alice a parlé jeudi.")], span(text, "jeudi")
    bob["sentences"], bob["time"] = [span(text, "Bob a parlé samedi, un jour plus tôt.")], span(text, "samedi")
    bob["sources"], bob["quotes"] = [{"source": "report"}], []
    bob["relations"] = [{"type": "before", "target": "alice-speaks", "cue": span(text, "un jour plus tôt")}]
    timeline = resolve(parse_report(json.dumps(data)))  # the data loads: the clash is the engine's to show
    (conflict,) = timeline.conflicts
    assert {c.evidence.text for c in conflict.constraints} >= {"jeudi", "samedi", "un jour plus tôt"}
    assert conflict.dropped.evidence.text == "un jour plus tôt"  # the weakest: a relation, not a date
    cue = span(text, "un jour plus tôt")
    assert (conflict.dropped.evidence.span.start, conflict.dropped.evidence.span.end) == (cue["start"], cue["end"])
    assert timeline["bob-says-no"].label == "Sat 10 Sep"
    assert timeline["alice-speaks"].label == "Thu 8 Sep"


@pytest.mark.slow  # the command in a subprocess
def test_timeline_command_prints_json_lines_for_machines():
    result = subprocess.run(
        [sys.executable, "-m", "tui", "timeline", str(EVENTS_JSON), "--json"],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    report = load_report(EVENTS_JSON)
    assert len(rows) == len(report.events)
    speech = next(r for r in rows if r["id"] == "zelensky-video-speech")
    assert (
        speech["certain"]
        == speech["likely"]
        == {
            "earliest": "2022-09-10T18:00:00+03:00",
            "latest": "2022-09-11T00:00:00+03:00",
            "label": "Sat 10 Sep · evening",
            "explanation": "Sat 10 Sep · evening ← ‘samedi soir’, read for a publication from Sat 10 Sep 20:00 to Sun 11 Sep 23:59",
            "steps": [  # each bound with the step that sets it (issue 20): here the words themselves
                {
                    "side": "earliest",
                    "event": "zelensky-video-speech",
                    "point": "start",
                    "bound": "2022-09-10T18:00:00+03:00",
                    "reason": "‘samedi soir’",
                    "kind": "time",
                },
                {
                    "side": "latest",
                    "event": "zelensky-video-speech",
                    "point": "end",
                    "bound": "2022-09-11T00:00:00+03:00",
                    "reason": "‘samedi soir’",
                    "kind": "time",
                },
            ],
        }
    )
    assert speech["granularity"] == "part-of-day" and speech["defaults"] == []
    assert speech["actors"] == ["zelensky"] and speech["sides"] == ["ukraine"]
    assert any("samedi soir" in sentence for sentence in speech["sentences"])
    # certainly_before links each event to the next ones it certainly precedes; the order follows by chaining
    links = {row["id"]: row["certainly_before"] for row in rows}
    reached, todo = set(), ["tass-regrouping-notice"]
    while todo:
        for then in links[todo.pop()]:
            if then not in reached:
                reached.add(then)
                todo.append(then)
    assert "zelensky-video-speech" in reached
    tass = next(r for r in rows if r["id"] == "tass-regrouping-notice")
    assert tass["likely"]["label"].startswith("≈") and tass["defaults"] == ["same-day"]
    for row in rows:  # a side the label shows is never null, and the other way round
        for layer in (row["certain"], row["likely"]):
            label = layer["label"]
            shows_no_end = label == "undated" or label.startswith("from ") or ": " in label  # "a day after: …"
            assert (layer["latest"] is None) == shows_no_end, label
    assert set(speech) == {
        "id", "summary", "sentences", "granularity", "certain", "likely", "defaults", "actors", "sides",
        "certainly_before",
    }  # fmt: skip


@pytest.mark.slow  # the command in a subprocess
def test_timeline_command_prints_a_table_for_people():
    result = subprocess.run(
        [sys.executable, "-m", "tui", "timeline"], capture_output=True, text=True, timeout=60, check=True
    )
    assert "Sat 10 Sep · evening" in result.stdout
    assert "Thu 8 Sep" in result.stdout
    assert "≈ Sat 10 Sep" in result.stdout  # the likely layer, marked where it rests on a default
    assert "? the order with the next event is not certain" in result.stdout


def test_above_the_exact_limit_certainly_after_is_what_the_bounds_prove():
    """A large report answers "what comes after" by bisection; it must equal asking about every pair."""
    from tests.synthetic import synthetic_report
    from tui.temporal.timeline import EXACT_ORDER_LIMIT

    timeline = resolve(parse_report(json.dumps(synthetic_report(EXACT_ORDER_LIMIT + 500, week=True))))
    assert timeline.conflicts == ()
    ids = [row.id for row in timeline.events]
    some_after = 0
    for event_id in ids[:: len(ids) // 25]:
        after = timeline.certainly_after(event_id)
        assert after == tuple(other for other in ids if timeline.certainly_before(event_id, other))
        some_after += bool(after)
    assert some_after >= 5  # the check is about events that do have successors, not only empty answers


def _closure(timeline: Timeline, event_id: str) -> set[str]:
    reached, todo = set(), [event_id]
    while todo:
        for then in timeline.certainly_next(todo.pop()):
            if then not in reached:
                reached.add(then)
                todo.append(then)
    return reached


def test_certainly_next_is_the_covering_relation_of_the_order(timeline):
    """Chaining the links gives back exactly the proven order, and no link is implied by two others."""
    for row in timeline.events:
        after = set(timeline.certainly_after(row.id))
        assert _closure(timeline, row.id) == after
        nexts = timeline.certainly_next(row.id)
        assert not any(timeline.certainly_before(a, b) for a in nexts for b in nexts)


def test_certainly_next_stays_linear_on_a_densely_related_report():
    """A week of events, each related to two earlier ones: with the exact order the links form one chain,
    and above the exact limit the links are the report's own relations, never every pair of a day."""
    from tests.synthetic import synthetic_report
    from tui.temporal.timeline import EXACT_COVER_LIMIT

    small = resolve(parse_report(json.dumps(synthetic_report(EXACT_COVER_LIMIT, week=True))))
    assert sum(len(small.certainly_next(row.id)) for row in small.events) == EXACT_COVER_LIMIT - 1
    large = resolve(parse_report(json.dumps(synthetic_report(2000, week=True))))
    links = [large.certainly_next(row.id) for row in large.events]
    assert sum(map(len, links)) <= 2 * 2000
    assert all(
        large.certainly_before(row.id, then) for row, nexts in zip(large.events, links, strict=True) for then in nexts
    )
    assert large.certainly_next("e10") == ("e11", "e17")
    assert large.certainly_next(f"e{2000 - 7}") == (f"e{2000 - 6}",)  # one relation names it: its one link
    assert large.certainly_next(f"e{2000 - 1}") == ()  # the last told: none


def test_above_the_exact_limit_two_relations_between_two_events_make_one_link(monkeypatch):
    """Stated twice ("après", then "peu de temps après" the same event), the order is one link, once."""
    from tests.synthetic import synthetic_report
    from tui.temporal import timeline as module

    data = synthetic_report(12, week=True)
    data["events"][8]["relations"].append({**data["events"][8]["relations"][0]})  # e8 after e7, twice
    monkeypatch.setattr(module, "EXACT_COVER_LIMIT", 5)
    timeline = resolve(parse_report(json.dumps(data)))
    assert timeline.certainly_next("e7") == ("e8",)


def test_answers_are_kept_for_the_events_asked_about_last_and_worked_out_again_alike(report, monkeypatch):
    """Going through every event (printing or exporting 100k) keeps the worked-out labels and explanations
    of a few events, not of all; an event asked about again gets the same answers."""
    from tui.temporal import timeline as module

    expected = {row.id: (row.certain, row.likely, row.relations, row.defaults) for row in resolve(report).events}
    monkeypatch.setattr(module, "KEPT_EVENTS", 3)
    timeline = resolve(report)
    for _ in range(2):
        for row in timeline.events:
            assert (row.certain, row.likely, row.relations, row.defaults) == expected[row.id]
            assert len(timeline.events[0]._context._answers) <= 3


def test_the_reasons_of_a_bound_name_the_publication_they_read_against(report):
    """Words read against the publication range say so, unless the bound rests on the publication estimate;
    a chain of assumptions alone gives no reasons."""
    from tui.temporal.evidence import Evidence

    context = resolve(report).events[0]._context
    time, cue = Evidence("time", "samedi soir"), Evidence("relation", "Plus tôt")
    estimate, assumed = Evidence("default", "publication-estimate"), Evidence("reported", "reported by publication")
    publication = Evidence("publication", "the publication range")
    assert context.reasons([assumed], "latest") == ()
    assert context.reasons([estimate], "latest") == ()
    assert context.reasons([time, cue], "earliest") == (time, cue, context.publication["range"])
    assert context.reasons([time, estimate], "earliest") == (time, estimate)
    assert context.reasons([publication, cue], "latest") == (cue, context.publication["latest"])
    # Words that happen to read like the default's name count as words, and as the estimate, as before.
    odd = Evidence("time", "publication-estimate")
    assert context.reasons([odd], "earliest") == (odd,)
