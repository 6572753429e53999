"""Explanations read a chain a step at a time (tui.temporal.reasons), once for every point of the network, and
the steps of a chain are made once for the events that share them, yet both say exactly what reading each
bound's whole chain says (``_Context.reasons`` and ``_Context.steps``, the definitions): on the bundled
report, hostile and synthetic ones, random ones, and whatever the order the events are asked in."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings

import tui.temporal.reasons as reasons_module
import tui.temporal.timeline as timeline_module
from tui.model import Report, parse_report
from tui.temporal import ResolvedEvent, resolve
from tui.temporal.defaults import DEFAULTS
from tui.temporal.evidence import Evidence
from tui.temporal.network import INF
from tui.temporal.reasons import NOTHING, then

from ..hostile import hostile_report_data
from ..synthetic import synthetic_report
from .reports import event, timeline_of
from .test_likely import reports


def explained(row: ResolvedEvent, label: str, evidence: tuple[Evidence, ...]) -> str:
    """An explanation as the whole chains say it: the words and defaults, the publication's last, once each."""
    ordered = sorted(evidence, key=lambda e: e.kind == "publication")
    reasons = list(dict.fromkeys(row._context.describe(e) for e in ordered))
    return f"{label} ← {', '.join(reasons)}" if reasons else f"{label} ← nothing in the report"


def likely_reasons(row: ResolvedEvent) -> tuple[tuple[Evidence, ...], tuple[Evidence, ...]]:
    context = row._context
    solution = context.likely.solution
    start, end = row._points
    last = end if solution.upper(end) != INF else start
    return (
        context.reasons(solution.lower_evidence(start), "earliest"),
        context.reasons(solution.upper_evidence(last), "latest"),
    )


def steps(row: ResolvedEvent, layer: str) -> tuple:
    """The steps of both bounds' chains, each chain read whole."""
    context = row._context
    solution = context.solution if layer == "certain" else context.likely.solution
    earliest, latest = (row.certain.earliest, row.certain.latest) if layer == "certain" else row.likely_bounds
    start, end = row._points
    found = []
    if earliest is not None:
        found += context.steps(solution.lower_links(start), "earliest")
    if latest is not None:
        found += context.steps(solution.upper_links(end if solution.upper(end) != INF else start), "latest")
    return tuple(found)


def check(row: ResolvedEvent) -> None:
    earliest, latest = row.earliest_reasons, row.latest_reasons
    said = row._certain_said
    assert (said[0].said, said[1].said) == (bool(earliest), bool(latest)), row.id
    if row._placed_only_against is None and not row.label.startswith("ongoing"):
        assert row.explanation == explained(row, row.label, (*earliest, *latest)), row.id
    from_earliest, from_latest = likely_reasons(row)
    used = {e.text for reasons in (from_earliest, from_latest) for e in reasons if e.kind == "default"}
    assert row.defaults == tuple(name for name in DEFAULTS if name in used), row.id
    likely = row.likely
    assert (row._likely_said[0].said, row._likely_said[1].said) == (bool(from_earliest), bool(from_latest))
    expected = explained(row, likely.label, (*from_earliest, *from_latest))
    assert likely.explanation == "; ".join((expected, *likely.notes)), row.id
    assert row.certain_steps == steps(row, "certain"), row.id
    assert row.likely_steps == steps(row, "likely"), row.id


def check_all(report: Report, backwards: bool = False) -> int:
    """Check every event; the number of them whose likely layer is the certain one, found without reading it."""
    timeline = resolve(report)
    for row in reversed(timeline.events) if backwards else timeline.events:
        check(row)
    return check_likely_found_at_once(report)


def check_likely_found_at_once(report: Report) -> int:
    """An event's likely layer, asked for first, is what reading it from its own chains makes, and so are the
    defaults it names, its label and bounds: also where it is found to be the certain layer itself, without
    that reading (returned: how many events)."""
    asked_first, read = resolve(report).events, resolve(report).events
    same = 0
    for row, other in zip(asked_first, read, strict=True):
        likely = row.likely
        same += likely is row.certain
        found = likely, row.defaults, row.likely_label, row.likely_bounds
        assert found == (other._likely_read(), other.defaults, other.likely_label, other.likely_bounds), row.id
    return same


def test_the_bundled_report(report):
    found_at_once = check_all(report)
    assert 0 < found_at_once < len(report.events)  # both ways of finding the likely layer are checked
    check_all(report, backwards=True)


def test_a_hostile_report():
    check_all(parse_report(json.dumps(hostile_report_data())))


def test_long_chains_shared_by_many_events_in_either_order():
    for week in (False, True):
        report = parse_report(json.dumps(synthetic_report(400, week=week)))
        assert check_all(report) > 300
        check_all(report, backwards=True)


def test_a_side_open_in_both_layers_is_noted_in_the_likely_one_only():
    """Departing after tomorrow's vote: no default bears on either bound, yet the likely layer is not the certain
    one, for it notes the latest side it leaves open (the certain layer leaves it open without a word)."""
    text = "Titre\n\nIls voteront demain. Ils partiront après."
    timeline = timeline_of(
        text,
        event("vote", "Ils voteront demain.", time="demain", tense=("future", "voteront")),
        event("leave", "Ils partiront après.", tense=("future", "partiront"), relations=(("after", "vote", "après"),)),
    )
    leave = timeline["leave"]
    assert (leave.certain.earliest, leave.certain.latest) == (timeline["vote"].earliest, None)
    assert leave.likely.notes == ("no latest time: the report gives it no anchor, and no default applies",)
    assert check_likely_found_at_once(timeline.report) == 1  # the vote's


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_on_any_report(report):
    check_all(report)


def test_with_little_kept_the_same(monkeypatch):
    """What is kept to share (bounds, labels, explanations, steps, the chains' readings) is let go past its
    bound and worked out again alike."""
    report = parse_report(json.dumps(synthetic_report(300, week=True)))
    expected = [(row.certain, row.likely, row.certain_steps, row.likely_steps) for row in resolve(report).events]
    monkeypatch.setattr(timeline_module, "KEPT_SHARED", 3)
    monkeypatch.setattr(timeline_module, "KEPT_EVENTS", 5)
    monkeypatch.setattr(reasons_module, "KEPT_STEPS", 3)
    rows = resolve(report).events
    assert [(row.certain, row.likely, row.certain_steps, row.likely_steps) for row in rows] == expected
    check_all(report, backwards=True)


# -- each rule of a chain's reading (reasons.then), on chains made by hand --------------------------------------
# The reports above rarely make these chains: words that read like a default's name, a time expression after a
# relation said in the same words, the publication's estimate after the report's words.

ESTIMATE = Evidence("default", "publication-estimate")
ZONE = Evidence("default", "report-zone")  # the publication's day in the estimate's zone (no words of its own)
PUBLISHED = Evidence("publication", "the publication range")


def _context():
    text = "Titre\n\nIls sont entrés samedi."
    return timeline_of(text, event("entered", text[7:], time="samedi")).events[0]._context


def _by_definition(context, chain: list[Evidence]) -> tuple[str, frozenset[str]]:
    """The explanation and the defaults of a bound whose chain is ``chain``, as _Context.reasons defines them."""
    found = context.reasons(chain, "earliest")
    words = list(dict.fromkeys(context.describe(e) for e in found))
    explanation = f"L ← {', '.join(words)}" if words else "L ← nothing in the report"
    return explanation, frozenset(e.text for e in found if e.kind == "default")


def _read(context, chain: list[Evidence]) -> tuple[str, frozenset[str]]:
    """The same, as the engine reads a chain: a link at a time (reasons.then)."""
    said = NOTHING
    for evidence in chain:
        said = then(said, evidence, context.describe)
    return context.explain("L", said, NOTHING), said.defaults if said.said else frozenset()


@pytest.mark.parametrize(
    "chain",
    [
        pytest.param([PUBLISHED, Evidence("relation", "publication-estimate")], id="words that read as the estimate's name are words"),
        pytest.param([PUBLISHED, Evidence("time", "samedi"), ESTIMATE], id="the estimate after words leaves them said"),
        pytest.param([ZONE, Evidence("relation", "samedi"), Evidence("time", "samedi")], id="a time after a relation in its words rests on the publication range"),
        pytest.param([ZONE, Evidence("time", "samedi")], id="a time rests on the publication range"),
        pytest.param([ESTIMATE, Evidence("time", "samedi")], id="a time read at the estimate rests on it alone"),
        pytest.param([PUBLISHED, Evidence("relation", "same-day")], id="a relation whose words read as a default's name names no default"),
        pytest.param([ZONE, Evidence("default", "same-day"), Evidence("relation", "samedi")], id="a default named once"),
        pytest.param([PUBLISHED], id="the publication alone says nothing"),
    ],
)  # fmt: skip
def test_a_chain_read_a_link_at_a_time_says_what_its_definition_says(chain):
    context = _context()
    assert _read(context, chain) == _by_definition(context, chain)


def test_a_default_without_words_is_said_by_its_name_alone():
    # The estimate contradicts the words ("voteront samedi": to come, yet the day before the publication), so
    # the publication's day without its zone (the report-zone default, which reads no words) places it.
    published = {"earliest": "2022-09-11T00:00:00+03:00", "estimate": "2022-09-11T12:00:00+03:00",
                 "latest": "2022-09-11T23:59:00+03:00", "basis": "test", "zone": "unknown"}  # fmt: skip
    text = "Titre\n\nIls voteront samedi."
    timeline = timeline_of(
        text, event("vote", text[7:], time="samedi", tense=("future", "voteront")), published=published
    )
    explanation = timeline["vote"].likely.explanation
    assert explanation.startswith("≈ Sun 11 Sep 00:00–00:00 ← default report-zone, default to-come (‘voteront’)")
