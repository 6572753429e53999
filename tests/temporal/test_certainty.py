""" "Certain" means entailed, on any report (issue 18): the tense a report tells an event in, and what the
drafter only guessed.

- Told in a past tense, an event had begun by the publication: certain, and firmer than a time expression
  read otherwise (the issue's "la tombée de la nuit" put on the publication day, after the publication;
  here "ce soir" read as the evening after a morning publication).
- Told in the future tense, it had not: the certain layer drops "begun by publication"; the likely layer
  says "after the publication" (default to-come).
- A time or a relation the drafter attached only by a guess (``found.how`` starting "guess:") is no
  certainty: the likely layer's default drafted-attachment.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from tui.model import parse_report
from tui.temporal import resolve

from ..conftest import span

KYIV = timezone(timedelta(hours=3))
PUBLISHED = datetime(2022, 9, 11, 10, 0, tzinfo=KYIV)  # Sunday morning, known to the minute
TEXT = (
    "L'avion s'est écrasé samedi. Ce soir-là, les secours ont dû renoncer ce soir. "
    "Le sommet aura lieu à Kiev. Bob a parlé jeudi. Alice a répondu ensuite. Un jour plus tôt, Carl avait parlé."
)


def event(ident: str, sentence: str, *, kind: str = "action", time: str | None = None, **extra) -> dict:
    return {
        "id": ident, "summary": ident, "kind": kind, "sentences": [span(TEXT, sentence)], "actors": [],
        "places": [], "sources": [{"source": "report"}], "time": span(TEXT, time) if time else None,
        "relations": [], "quotes": [], "claims": [], **extra,
    }  # fmt: skip


def tense(form: str, words: str) -> dict:
    return {"form": form, "cue": span(TEXT, words)}


def report(*events: dict):
    moment = PUBLISHED.isoformat()
    data = {
        "format": "newsline/1",
        "document": {
            "id": "certainty", "language": "fr", "headline": span(TEXT, "L'avion s'est écrasé samedi."),
            "text": TEXT, "published": {"earliest": moment, "estimate": moment, "latest": moment, "basis": "test"},
        },
        "actors": [], "places": [],
        "sources": [{"id": "report", "label": "The report", "kind": "report", "mentions": []}],
        "events": list(events), "caveats": [], "not_events": [],
    }  # fmt: skip
    return resolve(parse_report(json.dumps(data)))


RENOUNCED = "Ce soir-là, les secours ont dû renoncer ce soir."


def test_a_past_tense_holds_against_a_time_read_after_the_publication():
    timeline = report(event("gave-up", RENOUNCED, time="ce soir", tense=tense("compound-past", "ont dû renoncer")))
    gave_up = timeline["gave-up"]
    for layer in (gave_up.certain, gave_up.likely):  # it may have begun on Saturday: neither layer excludes it
        assert layer.earliest is None or layer.earliest <= PUBLISHED - timedelta(hours=24)
    # the time expression, read as this Sunday's nightfall, is what yields, and the explanation says so
    assert "ce soir" in " ".join(c.dropped.evidence.text for c in timeline.conflicts)


def test_without_its_tense_the_same_reading_is_kept_as_before():
    timeline = report(event("gave-up", RENOUNCED, time="ce soir"))
    assert timeline["gave-up"].certain.earliest is not None and timeline["gave-up"].certain.earliest > PUBLISHED


def test_a_future_tense_is_not_begun_by_publication_and_likely_comes_after_it():
    summit = report(event("summit", "Le sommet aura lieu à Kiev.", tense=tense("future", "aura lieu")))["summit"]
    assert summit.certain.earliest is None and summit.certain.latest is None
    assert summit.likely.earliest is not None and summit.likely.earliest >= PUBLISHED
    assert "to-come" in summit.defaults
    past = report(event("summit", "Le sommet aura lieu à Kiev.", tense=tense("compound-past", "aura lieu")))
    assert "to-come" not in past["summit"].defaults


GUESS = {"how": "guess: attached by proximity to the nearest clause", "confidence": 0.4}


def test_a_guessed_time_is_a_likely_default_never_a_certainty():
    guessed = report(event("bob", "Bob a parlé jeudi.", kind="statement", time="jeudi", time_found=GUESS))["bob"]
    sure = report(event("bob", "Bob a parlé jeudi.", kind="statement", time="jeudi"))["bob"]
    assert sure.certain.label == "Thu 8 Sep"
    assert guessed.certain.earliest is None  # only "made by publication"
    assert guessed.certain.label == "undated"
    assert (guessed.likely.earliest, guessed.likely.latest) == (sure.likely.earliest, sure.likely.latest)
    assert guessed.likely.label.startswith("≈") and "drafted-attachment" in guessed.defaults
    assert "default drafted-attachment (‘jeudi’)" in guessed.likely.explanation


def test_a_guessed_relation_orders_only_the_likely_layer():
    then = {"type": "after", "target": "bob", "cue": span(TEXT, "ensuite")}
    bob = event("bob", "Bob a parlé jeudi.", kind="statement", time="jeudi")
    guessed = report(bob, event("alice", "Alice a répondu ensuite.", kind="statement",
                                relations=[{**then, "found": GUESS}]))  # fmt: skip
    sure = report(bob, event("alice", "Alice a répondu ensuite.", kind="statement", relations=[then]))
    assert sure.certainly_before("bob", "alice")
    assert not guessed.certainly_before("bob", "alice")
    alice = guessed["alice"]
    assert alice.likely.earliest == sure["alice"].likely.earliest
    assert "drafted-attachment" in alice.defaults


def test_a_guessed_relation_never_names_the_certain_label():
    """An event the words place only against another one is labelled by that relation ("a day before: …") in
    the certain layer, but not when the drafter only guessed the relation: it is then undated there."""
    cue = {"type": "before", "target": "bob", "cue": span(TEXT, "Un jour plus tôt")}
    bob = event("bob", "Bob a parlé jeudi.", kind="statement")
    carl = "Un jour plus tôt, Carl avait parlé."
    sure = report(bob, event("carl", carl, kind="statement", relations=[cue]))
    guessed = report(bob, event("carl", carl, kind="statement", relations=[{**cue, "found": GUESS}]))
    assert sure["carl"].certain.label == "a day before: bob"
    assert guessed["carl"].certain.label == "undated"
    assert guessed["carl"].likely.label.startswith("≈")  # the guess is only the likely layer's
