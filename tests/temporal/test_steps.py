"""The Why as a chain (issue 20): each bound of each layer with the steps that set it, from the anchor (a time
expression, the publication, a default) to the event, in the engine and in `timeline --json`; the flat
explanation kept as it was."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from tests.synthetic import synthetic_report
from tui.commands.timeline import _event_json
from tui.model import parse_report
from tui.temporal import resolve
from tui.temporal.timeline import MAX_STEPS

ANCHORS = {"time", "publication", "default"}  # what a chain can start from: words, the publication, a default


@pytest.fixture(scope="module")
def bundled_timeline(report):
    return resolve(report)


def layers(row):
    return (("certain", row.certain), ("likely", row.likely))


def test_each_bound_ends_its_chain_on_the_event_with_that_bound(bundled_timeline):
    for row in bundled_timeline.events:
        for name, layer in layers(row):
            steps = row.steps(name)
            for side, bound in (("earliest", layer.earliest), ("latest", layer.latest)):
                chain = [step for step in steps if step.side == side]
                if bound is None:
                    assert chain == [], (row.id, name, side)
                    continue
                assert chain, (row.id, name, side)
                assert chain[0].evidence.kind in ANCHORS, (row.id, name, side, chain[0])
                assert chain[-1].event == row.id and chain[-1].bound == bound, (row.id, name, side, chain[-1])


def test_the_words_and_defaults_of_each_step_are_those_the_explanation_names(bundled_timeline):
    for row in bundled_timeline.events:
        for name, layer in layers(row):
            for step in row.steps(name):
                if step.evidence.kind in ("time", "relation", "default"):
                    assert step.reason in layer.explanation, (row.id, name, step.reason)


def test_the_flat_explanation_is_kept_and_its_notes_are_told_apart(bundled_timeline):
    kyiv = bundled_timeline["kyiv-defeat"]
    assert kyiv.likely.explanation.startswith("by Sat 10 Sep ← ‘Depuis début septembre’, ‘depuis’")
    assert kyiv.likely.notes == ("no earliest time: the report gives it no anchor, and no default applies",)
    assert kyiv.likely.explanation.endswith("; " + kyiv.likely.notes[0])
    call = bundled_timeline["evacuation-call"]
    assert call.certain.notes == ("reported by publication, Sun 11 Sep 23:59 at the latest",)
    assert call.certain_steps == ()  # the certain layer leaves both sides open: no chain to show


def test_the_tass_notice_is_placed_from_the_speech_by_plus_tot(bundled_timeline):
    """The issue's own example: the speech dated by ‘samedi soir’, the TASS notice before it by ‘Plus tôt’."""
    row = bundled_timeline["tass-regrouping-notice"]
    earliest = [(s.event, s.point, s.reason) for s in row.certain_steps if s.side == "earliest"]
    assert earliest == [
        ("zelensky-video-speech", "start", "‘samedi soir’"),
        ("tass-regrouping-notice", "end", "‘Plus tôt’"),
        ("tass-regrouping-notice", "start", "a statement is made within an hour"),
    ]
    likely = [(s.side, s.reason) for s in row.likely_steps]
    assert ("earliest", "default same-day (‘quelques heures après’)") in likely
    assert likely[-1] == ("latest", "‘Plus tôt’")


def test_the_kyiv_defeat_says_its_words_bound_its_latest_side(bundled_timeline):
    row = bundled_timeline["kyiv-defeat"]
    assert [(s.side, s.event, s.reason) for s in row.likely_steps] == [
        ("latest", "territory-retaken-since-september", "‘Depuis début septembre’"),
        ("latest", "kyiv-defeat", "‘depuis’"),
    ]


def test_a_long_chain_keeps_its_anchor_and_its_last_links():
    data = synthetic_report(80)
    for event in data["events"][6:]:
        event["time"] = None  # only e5 is dated: e79 is placed by a chain through every event before it
    for event in data["events"]:
        event["relations"] = event["relations"][:1]  # "peu de temps après" the one before
    timeline = resolve(parse_report(json.dumps(data)))
    row = timeline["e79"]
    for name in ("certain", "likely"):
        chain = [step for step in row.steps(name) if step.side == "earliest"]  # from e5's ‘samedi’ on
        assert len(chain) == MAX_STEPS
        assert chain[0].evidence.kind in ANCHORS and chain[0].event == "e5"
        assert chain[1].skipped > 0 and chain[-1].event == "e79"
        assert chain[-1].bound == getattr(row, name).earliest


def test_steps_are_worked_out_only_when_asked_for(bundled_timeline):
    """Labels and explanations, which every export and table reads for 100k events, cost no more than before."""
    report = bundled_timeline.report
    timeline = resolve(report)
    row = timeline.events[3]
    assert row.likely.label and row.certain.explanation
    kept = timeline.events[0]._context._answers[row.position]
    assert "likely_steps" not in kept and "certain_steps" not in kept


@pytest.mark.parametrize("layer", ["certain", "likely"])
def test_timeline_json_gives_the_steps_beside_the_flat_explanation(bundled_timeline, layer):
    for row in bundled_timeline.events:
        found = _event_json(bundled_timeline, row)[layer]
        assert set(found) == {"earliest", "latest", "label", "explanation", "steps"}
        assert found["explanation"] == getattr(row, layer).explanation
        for step in found["steps"]:
            assert set(step) <= {"side", "event", "point", "bound", "reason", "kind", "skipped"}
            assert step["side"] in ("earliest", "latest") and step["point"] in ("start", "end", "publication")
            assert step["bound"] is None or datetime.fromisoformat(step["bound"])
        for side in ("earliest", "latest"):
            chain = [step for step in found["steps"] if step["side"] == side]
            if found[side] is not None:
                assert chain[-1]["bound"] == found[side] and chain[-1]["event"] == row.id
