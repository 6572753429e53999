"""The steps behind a bound and what the timeline's context says of the publication (``tui.temporal.timeline``):
the publication estimate named with its moment, a link through the publication said as the publication, every
step with its reason, and a chain too long to show whole keeping its anchor's own bound."""

from __future__ import annotations

import json
from datetime import datetime

from tui.model import Report, parse_report
from tui.temporal import resolve
from tui.temporal.timeline import MAX_STEPS

from ..conftest import small_report_data, span


def test_the_publication_estimate_is_said_with_its_moment(report: Report) -> None:
    """The likely layer fixes the publication at its estimate: the explanation and the step say when that is."""
    breakthrough = resolve(report)["ukrainian-breakthrough"]
    said = "published Sun 11 Sep 12:00 (default publication-estimate)"
    assert breakthrough.likely.explanation.startswith(f"≈ 7 Sep 23:00 – 10 Sep ← {said}, default news-cycle")
    anchor = breakthrough.likely_steps[0]
    assert (anchor.side, anchor.event, anchor.point, anchor.reason) == ("earliest", None, "publication", said)
    assert anchor.bound == datetime.fromisoformat("2022-09-11T12:00:00+03:00")


def test_every_step_says_why_in_the_explanations_words(report: Report) -> None:
    timeline = resolve(report)
    context = timeline.context
    assert context is not None
    steps = [step for resolved in timeline.events for step in (*resolved.certain_steps, *resolved.likely_steps)]
    assert len(steps) > 50
    for step in steps:
        assert step.reason and step.reason == context.describe(step.evidence)
        assert (step.event is None) == (step.point == "publication")
    assert {step.point for step in steps} == {"start", "end", "publication"}


def _chain_of_statements(count: int) -> dict:
    """``count`` undated statements, each told "une heure plus tôt" than the next (30 minutes apart at least):
    the last one is made by publication, so the first one's latest end is the end of a chain of ``count``
    links from the publication's latest, each tighter than the publication alone."""
    data = small_report_data()
    sentences = [f"S{index} a parlé une heure plus tôt que S{index + 1}." for index in range(count)]
    text = " ".join(sentences) + "\n"
    data["document"]["text"] = text
    data["document"]["headline"] = span(text, sentences[0])
    data["actors"] = data["actors"][:1]
    data["actors"][0]["mentions"] = []
    data["sources"] = data["sources"][:1]
    data["events"] = [
        {
            "id": f"s{index}",
            "summary": f"S{index} speaks",
            "kind": "statement",
            "sentences": [span(text, sentence)],
            "actors": ["alice"],
            "places": [],
            "sources": [{"source": "report"}],
            "time": None,
            "relations": (
                [{"type": "before", "target": f"s{index + 1}", "cue": span(text, "une heure plus tôt", index)}]
                if index + 1 < count
                else []
            ),
            "quotes": [],
            "claims": [],
        }
        for index, sentence in enumerate(sentences)
    ]
    return data


def test_a_chain_too_long_to_show_keeps_its_anchor_with_the_layers_own_bound() -> None:
    """Past ``MAX_STEPS`` links a chain shows its anchor, then the last links, the first of them saying how many
    were left out. The anchor is the publication as the certain layer bounds it (its latest, 23:59), not as the
    likely layer fixes it (its estimate, 12:00)."""
    count = MAX_STEPS + 4
    timeline = resolve(parse_report(json.dumps(_chain_of_statements(count), ensure_ascii=False)))
    latest = [step for step in timeline["s0"].certain_steps if step.side == "latest"]
    assert len(latest) == MAX_STEPS
    anchor, first_shown = latest[0], latest[1]
    assert (anchor.event, anchor.point) == (None, "publication")
    assert anchor.bound == datetime.fromisoformat("2022-09-11T23:59:00+03:00")
    assert first_shown.skipped == count + 1 - MAX_STEPS  # the anchor, the made-by-publication link, count − 1 relations
    assert (latest[-1].event, latest[-1].point) == ("s0", "end")
    likely_anchor = next(step for step in timeline["s0"].likely_steps if step.side == "latest")
    assert likely_anchor.bound == datetime.fromisoformat("2022-09-11T12:00:00+03:00")


def test_an_event_time_is_read_in_the_reports_language() -> None:
    """ "9/8" is the 9th of September in an English report (month first), the 9th of August in a French one."""
    data = small_report_data()
    text = "Alice spoke on 9/8. Earlier, Bob had said no, according to Radio.\n"
    data["document"].update(language="en", text=text, headline=span(text, "Alice spoke on 9/8."))
    data["actors"][0]["mentions"] = [span(text, "Alice")]
    data["actors"][1]["mentions"] = [span(text, "Bob")]
    data["sources"][1]["mentions"] = [span(text, "Radio")]
    alice, bob = data["events"]
    alice.update(sentences=[span(text, "Alice spoke on 9/8.")], time=span(text, "9/8"))
    bob.update(
        sentences=[span(text, "Earlier, Bob had said no, according to Radio.")],
        sources=[{"source": "radio", "cue": span(text, "according to Radio")}],
        relations=[{"type": "before", "target": "alice-speaks", "cue": span(text, "Earlier")}],
        quotes=[],
    )
    english = resolve(parse_report(json.dumps(data, ensure_ascii=False)))
    assert english["alice-speaks"].label == "Thu 8 Sep"
    data["document"]["language"] = "fr"
    assert resolve(parse_report(json.dumps(data, ensure_ascii=False)))["alice-speaks"].label == "Tue 9 Aug"
