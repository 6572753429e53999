"""Events at clause level, times by syntax, sequence markers as relations (issue "Read the reports people
bring", classes 1, 2 and 6), and the contract with the time engine: an attachment made by a guess says so
with the prefix "guess: " in its ``found.how``."""

from __future__ import annotations

import json

import pytest

from tui.draft import draft_report
from tui.draft.attach import GUESS
from tui.model import parse_report

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]  # spaCy: its pipeline loads in each test worker


def events(text: str, nlp) -> list[dict]:
    data = draft_report(text, nlp)
    parse_report(json.dumps(data))
    return data["events"]


def event_with(events_: list[dict], words: str, *, time: str | None = "any") -> dict:
    found = [e for e in events_ if words in e["summary"]]
    if time != "any":
        found = [e for e in found if (e["time"] or {}).get("text") == time]
    assert found, (words, [(e["summary"], e["time"]) for e in events_])
    return min(found, key=lambda e: len(e["summary"]))


def time_of(event: dict) -> str | None:
    return event["time"]["text"] if event["time"] else None


@pytest.mark.parametrize(
    ("text", "main_verb", "time", "holder"),
    [
        ("Les inondations du 3 octobre ont fait douze morts, a annoncé le préfet.", "annoncé", "3 octobre",
         "inondations"),
        ("Depuis son élection en 2017, le maire a réformé la police.", "réformé", "2017", "élection"),
        ("Le suspect, qui avait été arrêté lundi, a avoué à la police.", "avoué", "lundi", "arrêté lundi"),
    ],
)  # fmt: skip
def test_a_time_inside_a_noun_phrase_or_a_background_clause_does_not_date_the_main_verb(
    french_pipeline, text, main_verb, time, holder
):
    drafted = events(text, french_pipeline)
    main = max((e for e in drafted if main_verb in e["summary"]), key=lambda e: len(e["summary"]))
    assert time_of(main) != time
    dated = event_with(drafted, holder, time=time)
    assert not dated["time_found"]["how"].startswith(GUESS)  # found through the parse


def test_a_time_after_the_noun_it_counts_from_sets_no_time(french_pipeline):
    drafted = events(
        "Deux jours après l'arrestation du suspect, la police a perquisitionné son domicile.", french_pipeline
    )
    assert all(e["time"] is None for e in drafted)


def test_a_coordinated_object_with_its_own_time_is_a_second_event(french_pipeline):
    text = "Le Premier ministre a réuni son gouvernement mardi matin puis les syndicats en fin de journée."
    drafted = events(text, french_pipeline)
    first = event_with(drafted, "réuni", time="mardi matin")
    second = event_with(drafted, "syndicats", time="en fin de journée")
    assert first is not second
    (relation,) = second["relations"]
    assert relation["type"] == "after" and relation["target"] == first["id"] and relation["cue"]["text"] == "puis"
    assert second["tense"]["form"] == "compound-past"  # the elided verb's


def test_a_participial_clause_with_its_own_time_is_an_event(french_pipeline):
    drafted = events("Jugé depuis lundi, il a avoué vendredi.", french_pipeline)
    judged = event_with(drafted, "Jugé", time="depuis lundi")
    confessed = event_with(drafted, "avoué", time="vendredi")
    assert judged is not confessed


SEQUENCE = (
    "Le coup d'envoi a été donné à 21 heures. À la 18e minute, Mbappé a ouvert le score. "
    "Après avoir voté la loi, les députés sont partis. Il a salué la foule avant de quitter la salle. "
    "Dans la foulée, il a démissionné. Ensuite, il a quitté la ville."
)


def test_sequence_markers_become_relations_with_their_cue(french_pipeline):
    drafted = events(SEQUENCE, french_pipeline)
    by_id = {e["id"]: e for e in drafted}
    relations = {r["cue"]["text"]: (e, r) for e in drafted for r in e["relations"]}

    def check(cue: str, kind: str, source_words: str, target_words: str) -> None:
        event, relation = relations[cue]
        assert relation["type"] == kind, cue
        assert source_words in event["summary"], (cue, event["summary"])
        assert target_words in by_id[relation["target"]]["summary"], (cue, by_id[relation["target"]]["summary"])

    check("À la 18e minute", "after", "ouvert le score", "coup d'envoi")
    check("Après avoir", "before", "voté la loi", "sont partis")
    check("avant de", "before", "salué la foule", "quitter la salle")
    check("Dans la foulée", "after", "démissionné", "salué")
    check("Ensuite", "after", "quitté la ville", "démissionné")


def test_guesses_and_only_guesses_carry_the_prefix(french_pipeline):
    text = "Le Premier ministre a réuni son gouvernement mardi matin puis les syndicats en fin de journée. " + SEQUENCE
    drafted = events(text, french_pipeline)
    founds = [e["time_found"] for e in drafted if e["time"]] + [r["found"] for e in drafted for r in e["relations"]]
    assert all(f["how"].startswith(GUESS) or "guess" not in f["how"] for f in founds)
    morning = event_with(drafted, "réuni", time="mardi matin")["time_found"]
    assert morning["how"].startswith(GUESS)  # the parse hangs "mardi matin" on "gouvernement"
    evening = event_with(drafted, "syndicats", time="en fin de journée")["time_found"]
    assert "obl:mod" in evening["how"]  # the parse attaches it for sure; but its day, Tuesday, comes from the
    assert evening["how"].startswith(GUESS) and "read in context" in evening["how"]  # context: alone, it is today
