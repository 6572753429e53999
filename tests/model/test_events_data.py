"""The bundled events.json: every span verbatim, every sentence accounted for, schema and model in step."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tui import model
from tui.model import Report, split_sentences
from tui.model import report as declaration

from ..conftest import ARTICLE, EVENTS_JSON

SCHEMA = json.loads((resources.files("tui.model") / "events.schema.json").read_text(encoding="utf-8"))
DATA = json.loads(EVENTS_JSON.read_text(encoding="utf-8"))


def spans_in(value: Any, path: str = "$") -> Iterator[tuple[str, dict]]:
    """Every span object in the raw JSON, with its path."""
    if isinstance(value, dict):
        if set(value) == {"start", "end", "text"}:
            yield path, value
            return
        for key, item in value.items():
            yield from spans_in(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from spans_in(item, f"{path}[{index}]")


@pytest.mark.skipif(not ARTICLE.exists(), reason="the article lives in ../shared, beside the project's clone")
def test_document_text_is_the_article_verbatim():
    assert DATA["document"]["text"] == ARTICLE.read_text(encoding="utf-8")


def test_every_span_is_verbatim_at_its_offsets():
    text = DATA["document"]["text"]
    spans = list(spans_in(DATA))
    assert len(spans) > 100
    wrong = [path for path, s in spans if text[s["start"] : s["end"]] != s["text"]]
    assert wrong == []


def test_the_bundled_file_loads_and_every_reference_resolves(report: Report):
    ids = {e.id for e in report.events}
    for event in report.events:
        assert {r.target for r in event.relations} <= ids
        for actor in event.actors:
            report.actor(actor)
        for attribution in event.sources:
            report.source(attribution.source)
    for caveat in report.caveats:
        for claim in caveat.claims:
            report.claim(claim)


def test_every_sentence_is_an_event_or_deliberately_not(report: Report):
    text = report.document.text
    covering = [s for e in report.events for s in e.sentences] + [n.span for n in report.not_events]
    uncovered = [
        text[start:end]
        for start, end in split_sentences(text)
        if not any(c.start <= start and end <= c.end for c in covering)
    ]
    assert uncovered == []
    assert all(n.reason.strip() for n in report.not_events)


def test_the_events_users_named_are_there(report: Report):
    for event_id in (
        "kupiansk-recapture-announcement",
        "tass-regrouping-notice",
        "evacuation-call",
        "zelensky-video-speech",
    ):
        report.event(event_id)
    times = {e.id: e.time.text for e in report.events if e.time}
    assert times["zelensky-video-speech"] == "samedi soir"
    assert times["high-command-thursday-figure"] == "jeudi"
    assert times["thirty-places-retaken"] == "ces derniers jours"
    cues = {(e.id, r.target): r.cue.text for e in report.events for r in e.relations}
    assert cues[("tass-regrouping-notice", "zelensky-video-speech")] == "Plus tôt"
    assert cues[("chief-of-staff-photo", "tass-regrouping-notice")] == "Peu de temps après le rapport"
    assert cues[("defence-ministry-regrouping-statement", "kupiansk-recapture-announcement")] == "quelques heures après"
    assert cues[("earlier-evacuation-statement", "evacuation-call")] == "Un jour plus tôt"


def test_what_the_report_does_not_say_is_an_annotation_with_a_basis(report: Report):
    assert report.actor("chief-of-staff").identification.value == "Andriy Yermak"
    assert report.actor("chief-of-staff").name == "Zelensky's chief of staff"
    published = report.document.published
    assert published.estimate.date().isoformat() == "2022-09-11"
    assert published.earliest < published.estimate < published.latest
    assert "Saturday" in published.basis
    assert all(a.identification.basis for a in report.actors if a.identification)


def test_the_reports_own_caveat_links_the_two_units(report: Report):
    (caveat,) = report.caveats
    units = {report.claim(c).unit for c in caveat.claims}
    assert units == {"km", "km²"}
    assert caveat.span.text.startswith("On ne sait pas si Zelensky")


# -- the schema ------------------------------------------------------------------------------------


def test_events_json_names_and_satisfies_the_shipped_schema():
    assert DATA["$schema"] == "tui/model/events.schema.json"
    assert (EVENTS_JSON.parent / DATA["$schema"]).is_file()
    errors = [f"{e.json_path}: {e.message}" for e in Draft202012Validator(SCHEMA).iter_errors(DATA)]
    assert errors == []


def test_the_shipped_schema_is_the_one_the_declaration_generates():
    """The schema is generated from the records the loader decodes into (``python -m tui.model.schema``
    writes it): a field added, renamed or constrained in tui/model/report.py and not regenerated fails here."""
    from tui.model.schema import SHIPPED, schema_text

    assert SHIPPED.read_text(encoding="utf-8") == schema_text()


def test_the_schema_names_the_declared_vocabularies_and_format():
    defs = SCHEMA["$defs"]
    assert tuple(defs["default_side"]["enum"]) == model.SIDES
    assert set(defs["source"]["properties"]["kind"]["enum"]) == set(declaration.SOURCE_KINDS)
    assert set(defs["event"]["properties"]["kind"]["enum"]) == set(declaration.EVENT_KINDS)
    assert set(defs["relation"]["properties"]["type"]["enum"]) == set(declaration.RELATION_TYPES)
    assert set(defs["quote"]["properties"]["mode"]["enum"]) == set(declaration.QUOTE_MODES)
    assert set(defs["claim"]["properties"]["qualifier"]["enum"]) == set(declaration.QUALIFIERS)
    assert set(defs["tense"]["properties"]["form"]["enum"]) == set(declaration.TENSE_FORMS)
    assert SCHEMA["properties"]["format"]["enum"] == [declaration.FORMAT]


def test_schema_rejects_what_the_loader_rejects(small_data):
    small_data["events"][0]["kind"] = "rumour"
    del small_data["actors"][0]["side"]
    paths = {e.json_path for e in Draft202012Validator(SCHEMA).iter_errors(small_data)}
    assert paths == {"$.events[0].kind", "$.actors[0]"}
